//! Locale tags in paths: which files are Filipino translations, which
//! English file each translates (pairing by convention), and which files
//! are another language's counterpart of a Filipino file (skipped in a
//! directory walk: they are sources or other translations, not Filipino).
//!
//! A tag is a language code of two or three letters with an optional
//! region or script (`tl`, `fil`, `tl-PH`, `fil_PH`, `en-US`, `zh-tw`), in
//! any case, written as a whole directory name (`locales/tl/`) or as a part
//! of a file name that a `.`, `_` or `-` sets off and a `.` ends
//! (`tl.yml`, `app_fil.arb`, `ulat.tl.md`, `messages.fil-PH.xlf`).

use std::ops::Range;
use std::path::{Component, Path, PathBuf};

/// A locale tag in one path component: where it is and its language (lower
/// case).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Tag {
    range: Range<usize>,
    language: String,
}

/// The tags of one path component: the whole name for a directory; parts
/// of the name for a file.
fn tags(component: &str, is_file: bool) -> Vec<Tag> {
    if !is_file {
        return tag_at(component, 0)
            .filter(|t| t.range.end == component.len())
            .into_iter()
            .collect();
    }
    let bytes = component.as_bytes();
    // Tags may overlap: `app_tl` may be the language `app` in the region
    // `TL`, or `tl` after `app_`; the callers look for the languages they
    // want.
    let mut out: Vec<Tag> = Vec::new();
    for start in 0..bytes.len() {
        let boundary = start == 0 || matches!(bytes[start - 1], b'.' | b'_' | b'-');
        if !boundary {
            continue;
        }
        // A file name's tag ends where its extension starts; the extension
        // itself is no tag (`notes.tl` is a file of type `tl`).
        if let Some(tag) = tag_at(component, start)
            && bytes.get(tag.range.end) == Some(&b'.')
        {
            out.push(tag);
        }
    }
    out
}

/// The longest tag starting at `start` of `s`: two or three ASCII letters,
/// then optionally `-` or `_` and a region (two letters or three digits) or
/// a script (four letters), not followed by another letter or digit.
fn tag_at(s: &str, start: usize) -> Option<Tag> {
    let b = s.as_bytes();
    let letters = |from: usize| {
        b[from..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count()
    };
    let lang = letters(start);
    if !(2..=3).contains(&lang) {
        return None;
    }
    let mut end = start + lang;
    if matches!(b.get(end), Some(b'-' | b'_')) {
        let after = end + 1;
        let alpha = letters(after);
        let digits = b[after..].iter().take_while(|c| c.is_ascii_digit()).count();
        let next_ok = |n: usize| !b.get(after + n).is_some_and(|c| c.is_ascii_alphanumeric());
        if (alpha == 2 || alpha == 4) && next_ok(alpha) {
            end = after + alpha;
        } else if digits == 3 && next_ok(3) {
            end = after + 3;
        }
    }
    if b.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some(Tag {
        range: start..end,
        language: s[start..start + lang].to_ascii_lowercase(),
    })
}

fn is_filipino(language: &str) -> bool {
    matches!(language, "tl" | "fil")
}

/// The components of `path` as strings, each with whether it is the file
/// name (the last one).
fn components(path: &Path) -> Vec<(String, bool)> {
    let parts: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => s.to_str().map(str::to_string),
            _ => None,
        })
        .collect();
    let last = parts.len().saturating_sub(1);
    parts
        .into_iter()
        .enumerate()
        .map(|(i, s)| (s, i == last))
        .collect()
}

/// `path` with component `index` (counted among its normal components)
/// replaced by `name`.
fn with_component(path: &Path, index: usize, name: &str) -> PathBuf {
    let mut out = PathBuf::new();
    let mut normal = 0;
    for c in path.components() {
        match c {
            Component::Normal(s) => {
                if normal == index {
                    out.push(name);
                } else {
                    out.push(s);
                }
                normal += 1;
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `path` up to (not including) its normal component `index`.
fn prefix(path: &Path, index: usize) -> PathBuf {
    let mut out = PathBuf::new();
    let mut normal = 0;
    for c in path.components() {
        if let Component::Normal(_) = c {
            if normal == index {
                break;
            }
            normal += 1;
        }
        out.push(c.as_os_str());
    }
    out
}

/// Where the Filipino tags of `path` are: (component index, tag), the file
/// name's first, then the directories' from the deepest up.
fn filipino_tags(path: &Path) -> Vec<(usize, Tag)> {
    let parts = components(path);
    let mut out: Vec<(usize, Tag)> = Vec::new();
    for (i, (name, is_file)) in parts.iter().enumerate().rev() {
        for tag in tags(name, *is_file) {
            if is_filipino(&tag.language) {
                out.push((i, tag));
            }
        }
    }
    out
}

/// The English file that `path`, a Filipino translation, translates: the
/// same path with its Filipino tag (`tl`, `fil`, `tl-PH`, ...) read as an
/// English one (`en`, `en-US`, `en_GB`, ... in any case), when that file
/// exists. The file name's tag is tried first, then the directories' from
/// the deepest; among English tags, plain `en` first, then `en-US`, then
/// the others in sorted order.
///
/// `locales/tl/common.json` → `locales/en/common.json`,
/// `config/locales/tl.yml` → `config/locales/en.yml`,
/// `lib/l10n/app_fil.arb` → `lib/l10n/app_en.arb`,
/// `news/ulat.tl.md` → `news/ulat.en.md`.
pub fn english_source(path: &Path) -> Option<PathBuf> {
    let parts = components(path);
    for (index, tag) in filipino_tags(path) {
        let (name, is_file) = &parts[index];
        let (before, after) = (&name[..tag.range.start], &name[tag.range.end..]);
        let dir = prefix(path, index);
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut english: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| {
                n.len() > before.len() + after.len()
                    && n.starts_with(before)
                    && n.ends_with(after)
                    && tag_at(n, before.len())
                        .is_some_and(|t| t.language == "en" && t.range.end == n.len() - after.len())
            })
            .collect();
        english.sort_by_key(|n| {
            let tag = &n[before.len()..n.len() - after.len()];
            let rank = match tag.get(3..).map(str::to_ascii_uppercase) {
                None => 0,
                Some(region) if region == "US" => 1,
                Some(_) => 2,
            };
            (rank, n.clone())
        });
        for candidate in english {
            let source = with_component(path, index, &candidate);
            let is_source = if *is_file {
                source.is_file()
            } else {
                source.is_file() && source != path
            };
            if is_source {
                return Some(source);
            }
        }
    }
    None
}

/// Whether a path names a Filipino locale (see the module documentation):
/// `locales/tl.yml`, `public/locales/fil/common.json`, `app_tl.arb`,
/// `messages.tl-PH.xlf`.
pub fn names_filipino_locale(path: &Path) -> bool {
    !filipino_tags(path).is_empty()
}

/// Whether `path` is another language's counterpart of a Filipino file:
/// the same path with one of its tags read as `tl` or `fil` (in the tag's
/// own form: `en-US` → `tl-PH`, `EN` → `TL`) names an existing file.
/// `en.md` beside `tl.md`, `README.es.md` beside `README.tl.md`,
/// `docs/en/intro.md` beside `docs/tl/intro.md`.
pub fn counterpart_of_filipino(path: &Path) -> bool {
    let parts = components(path);
    for (index, (name, is_file)) in parts.iter().enumerate() {
        for tag in tags(name, *is_file) {
            // Three-letter names without a region are mostly not languages
            // (`src`, `doc`, `app`).
            if is_filipino(&tag.language) || (tag.language.len() == 3 && tag.range.len() == 3) {
                continue;
            }
            let written = &name[tag.range.clone()];
            let upper = written[..2].chars().all(|c| c.is_ascii_uppercase());
            for filipino in ["tl", "fil"] {
                let lang = if upper {
                    filipino.to_ascii_uppercase()
                } else {
                    filipino.to_string()
                };
                let region = &written[tag.language.len()..];
                let forms = [lang.clone(), format!("{lang}{}", region_as_ph(region))];
                for form in forms {
                    let renamed = format!(
                        "{}{form}{}",
                        &name[..tag.range.start],
                        &name[tag.range.end..]
                    );
                    if with_component(path, index, &renamed).is_file() {
                        return true;
                    }
                }
            }
        }
    }
    false
}

/// A region part (`-US`, `_gb`, empty) as the Philippines' in the same
/// separator and case (`-PH`, `_ph`).
fn region_as_ph(region: &str) -> String {
    let Some(sep) = region.chars().next() else {
        return String::new();
    };
    let lower = region[1..].chars().all(|c| c.is_ascii_lowercase());
    format!("{sep}{}", if lower { "ph" } else { "PH" })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag_texts(component: &str, is_file: bool) -> Vec<&str> {
        tags(component, is_file)
            .into_iter()
            .map(|t| &component[t.range])
            .collect()
    }

    #[test]
    fn tags_in_names() {
        assert_eq!(tag_texts("tl.yml", true), ["tl"]);
        assert_eq!(tag_texts("app_fil.arb", true), ["fil"]);
        assert_eq!(tag_texts("ulat.tl.md", true), ["tl"]);
        assert_eq!(tag_texts("messages.fil-PH.xlf", true), ["fil-PH", "PH"]);
        assert_eq!(tag_texts("app_tl.arb", true), ["app_tl", "tl"]);
        assert_eq!(tag_texts("README.zh-tw.md", true), ["zh-tw", "tw"]);
        assert_eq!(tag_texts("fil_PH", false), ["fil_PH"]);
        assert_eq!(tag_texts("es-419", false), ["es-419"]);
        for none in ["title.yml", "html.md", "notes.tl", "tools", "util.md"] {
            let is_file = none.contains('.');
            assert!(
                tags(none, is_file).iter().all(|t| t.language != "tl"),
                "{none}"
            );
        }
        assert_eq!(tag_texts("tls", false), ["tls"]);
    }

    #[test]
    fn filipino_paths() {
        for yes in [
            "config/locales/tl.yml",
            "public/locales/fil/common.json",
            "lib/l10n/app_tl.arb",
            "_locales/fil_PH/messages.json",
            "po/tl.po",
            "messages.tl-PH.xlf",
            "news/ulat.TL.md",
        ] {
            assert!(names_filipino_locale(Path::new(yes)), "{yes}");
        }
        for no in [
            "package.json",
            "config/locales/en.yml",
            "title.yml",
            "tls/x.json",
            "notes.tl",
        ] {
            assert!(!names_filipino_locale(Path::new(no)), "{no}");
        }
    }

    fn tree(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for f in files {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        dir
    }

    #[test]
    fn english_sources_by_convention() {
        let dir = tree(&[
            "locales/tl/common.json",
            "locales/en/common.json",
            "config/locales/tl.yml",
            "config/locales/en.yml",
            "lib/l10n/app_fil.arb",
            "lib/l10n/app_en.arb",
            "_locales/fil/messages.json",
            "_locales/en/messages.json",
            "news/ulat.tl.md",
            "news/ulat.en.md",
            "i18n/tl-PH/a.json",
            "i18n/en-US/a.json",
            "i18n/en-GB/a.json",
            "web/TL.json",
            "web/EN.json",
            "alone/tl.yml",
            "alone/fr.yml",
        ]);
        let root = dir.path();
        for (tl, en) in [
            ("locales/tl/common.json", Some("locales/en/common.json")),
            ("config/locales/tl.yml", Some("config/locales/en.yml")),
            ("lib/l10n/app_fil.arb", Some("lib/l10n/app_en.arb")),
            (
                "_locales/fil/messages.json",
                Some("_locales/en/messages.json"),
            ),
            ("news/ulat.tl.md", Some("news/ulat.en.md")),
            ("i18n/tl-PH/a.json", Some("i18n/en-US/a.json")),
            ("web/TL.json", Some("web/EN.json")),
            ("alone/tl.yml", None),
        ] {
            assert_eq!(
                english_source(&root.join(tl)),
                en.map(|e| root.join(e)),
                "{tl}"
            );
        }
    }

    #[test]
    fn counterparts_of_filipino_files() {
        let dir = tree(&[
            "a/tl.md",
            "a/en.md",
            "b/README.tl.md",
            "b/README.es.md",
            "b/README.md",
            "docs/tl-PH/intro.md",
            "docs/en-US/intro.md",
            "docs/en-US/only-english.md",
            "c/it.md",
        ]);
        let root = dir.path();
        for (path, expected) in [
            ("a/en.md", true),
            ("a/tl.md", false),
            ("b/README.es.md", true),
            ("b/README.md", false),
            ("docs/en-US/intro.md", true),
            ("docs/en-US/only-english.md", false),
            ("c/it.md", false),
        ] {
            assert_eq!(
                counterpart_of_filipino(&root.join(path)),
                expected,
                "{path}"
            );
        }
    }
}
