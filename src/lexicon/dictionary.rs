//! An optional Tagalog word list, read at run time.
//!
//! salin embeds no dictionary: the free Tagalog word lists are GPL, and
//! salin must work well without one. When a user has one, rules use it to
//! confirm what spelling alone cannot decide (is `punong - tanggapan` a broken
//! compound or a dash?). Two inputs are read:
//!
//! - a Hunspell pair, `NAME.dic` + `NAME.aff` (Debian's `myspell-tl` installs
//!   `/usr/share/hunspell/tl.dic`); the affix rules are expanded into word
//!   forms, and the `SET` line of the `.aff` picks the encoding (ISO-8859-1
//!   for Debian's list, UTF-8 when it says so);
//! - a plain word list, one word a line (any file not ending in `.dic`).
//!
//! Forms are kept lower-cased; lookups ignore case.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// Where Debian's `myspell-tl` package puts the Tagalog Hunspell dictionary.
pub const SYSTEM_DIC: &str = "/usr/share/hunspell/tl.dic";

/// A set of known word forms, lower-cased.
#[derive(Clone, Debug, Default)]
pub struct Dictionary {
    words: HashSet<String, crate::lexicon::set::FnvBuild>,
    source: String,
}

/// Why a dictionary could not be read.
#[derive(Debug)]
pub struct DictionaryError(pub String);

impl fmt::Display for DictionaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DictionaryError {}

impl Dictionary {
    /// A dictionary of exactly these words (for tests and word lists).
    pub fn from_words<I, S>(words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut d = Dictionary::default();
        for w in words {
            d.add(w.as_ref());
        }
        d
    }

    fn add(&mut self, word: &str) {
        let w = word.trim();
        if !w.is_empty() {
            self.words
                .insert(w.chars().flat_map(char::to_lowercase).collect());
        }
    }

    /// The file this dictionary was read from, if any.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether `word` is a known form (case-insensitive; curly apostrophes
    /// match straight ones).
    pub fn contains(&self, word: &str) -> bool {
        if word.is_ascii() {
            if word.bytes().any(|b| b.is_ascii_uppercase()) {
                return self.words.contains(&word.to_ascii_lowercase());
            }
            return self.words.contains(word);
        }
        let folded: String = word
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c == '\u{2019}' { '\'' } else { c })
            .collect();
        self.words.contains(&folded)
    }

    /// Reads `path`: a Hunspell `.dic` (with the `.aff` beside it, when
    /// there is one) or a plain word list.
    pub fn load(path: &Path) -> Result<Self, DictionaryError> {
        let read = |p: &Path| {
            std::fs::read(p)
                .map_err(|e| DictionaryError(format!("{}: {}", p.display(), describe(&e))))
        };
        let bytes = read(path)?;
        let mut dict = if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("dic"))
        {
            let aff_path = path.with_extension("aff");
            let aff = if aff_path.is_file() {
                Some(read(&aff_path)?)
            } else {
                None
            };
            Dictionary::from_hunspell(&bytes, aff.as_deref())
        } else {
            let text = decode(&bytes, Encoding::Utf8OrLatin1);
            Dictionary::from_words(text.lines().filter(|l| !l.starts_with('#')))
        };
        dict.source = path.display().to_string();
        Ok(dict)
    }

    /// The system dictionary (`/usr/share/hunspell/tl.dic`), when installed
    /// and readable.
    pub fn system() -> Option<Self> {
        let path = PathBuf::from(SYSTEM_DIC);
        if !path.is_file() {
            return None;
        }
        Dictionary::load(&path).ok().filter(|d| !d.is_empty())
    }

    /// Parses a Hunspell `.dic` and (optionally) its `.aff`, expanding the
    /// prefix and suffix rules.
    pub fn from_hunspell(dic: &[u8], aff: Option<&[u8]>) -> Self {
        let affixes = aff.map(Affixes::parse).unwrap_or_default();
        let text = decode(dic, affixes.encoding);
        let mut dict = Dictionary::default();
        let mut lines = text.lines();
        // The first line is the approximate word count.
        if let Some(first) = lines.next()
            && first.trim().parse::<u64>().is_err()
        {
            dict.add_entry(first, &affixes);
        }
        for line in lines {
            dict.add_entry(line, &affixes);
        }
        dict
    }

    fn add_entry(&mut self, line: &str, affixes: &Affixes) {
        // `word/FLAGS`, possibly followed by morphological fields.
        let entry = line.split(['\t']).next().unwrap_or("").trim();
        if entry.is_empty() || entry.starts_with('#') {
            return;
        }
        let (word, flags) = match entry.split_once('/') {
            Some((w, f)) => (w, f.split_whitespace().next().unwrap_or("")),
            None => (entry.split_whitespace().next().unwrap_or(""), ""),
        };
        if word.is_empty() {
            return;
        }
        self.add(word);
        // Every class of each flag: one flag may name a prefix class and a
        // suffix class (Debian's tl.aff has `PFX A` and `SFX A`).
        let rules: Vec<&AffixClass> = affixes
            .classes
            .iter()
            .filter(|c| flags.contains(c.flag))
            .collect();
        let mut suffixed = Vec::new();
        for class in rules.iter().filter(|c| !c.prefix) {
            for r in &class.rules {
                if let Some(form) = r.apply_suffix(word) {
                    self.add(&form);
                    if class.cross {
                        suffixed.push(form);
                    }
                }
            }
        }
        for class in rules.iter().filter(|c| c.prefix) {
            for r in &class.rules {
                if let Some(form) = r.apply_prefix(word) {
                    self.add(&form);
                }
                if class.cross {
                    for s in &suffixed {
                        if let Some(form) = r.apply_prefix(s) {
                            self.add(&form);
                        }
                    }
                }
            }
        }
    }
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Encoding {
    Latin1,
    Utf8,
    /// No `SET` line: UTF-8 when the bytes are valid UTF-8, else Latin-1.
    #[default]
    Utf8OrLatin1,
}

fn decode(bytes: &[u8], encoding: Encoding) -> String {
    match encoding {
        Encoding::Latin1 => bytes.iter().map(|&b| char::from(b)).collect(),
        Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Encoding::Utf8OrLatin1 => match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => decode(bytes, Encoding::Latin1),
        },
    }
}

/// The prefix and suffix rules of an `.aff` file.
#[derive(Debug, Default)]
struct Affixes {
    encoding: Encoding,
    classes: Vec<AffixClass>,
}

#[derive(Debug)]
struct AffixClass {
    flag: char,
    prefix: bool,
    cross: bool,
    rules: Vec<AffixRule>,
}

#[derive(Debug)]
struct AffixRule {
    strip: String,
    add: String,
    condition: Vec<CondItem>,
}

/// One position of an affix condition: `.`, `x`, `[abc]` or `[^abc]`.
#[derive(Debug)]
enum CondItem {
    Any,
    Set { negated: bool, chars: Vec<char> },
}

impl CondItem {
    fn matches(&self, c: char) -> bool {
        match self {
            CondItem::Any => true,
            CondItem::Set { negated, chars } => chars.contains(&c) != *negated,
        }
    }
}

fn parse_condition(cond: &str) -> Vec<CondItem> {
    let mut out = Vec::new();
    let mut chars = cond.chars();
    while let Some(c) = chars.next() {
        match c {
            '.' => out.push(CondItem::Any),
            '[' => {
                let mut set: Vec<char> = chars.by_ref().take_while(|&d| d != ']').collect();
                let negated = set.first() == Some(&'^');
                if negated {
                    set.remove(0);
                }
                out.push(CondItem::Set {
                    negated,
                    chars: set,
                });
            }
            c => out.push(CondItem::Set {
                negated: false,
                chars: vec![c],
            }),
        }
    }
    out
}

impl AffixRule {
    fn apply_suffix(&self, word: &str) -> Option<String> {
        let chars: Vec<char> = word.chars().collect();
        let n = self.condition.len();
        if chars.len() < n || !word.ends_with(self.strip.as_str()) {
            return None;
        }
        let tail = &chars[chars.len() - n..];
        if !self
            .condition
            .iter()
            .zip(tail)
            .all(|(c, &ch)| c.matches(ch))
        {
            return None;
        }
        let stem = &word[..word.len() - self.strip.len()];
        Some(format!("{stem}{}", self.add))
    }

    fn apply_prefix(&self, word: &str) -> Option<String> {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() < self.condition.len() || !word.starts_with(self.strip.as_str()) {
            return None;
        }
        if !self
            .condition
            .iter()
            .zip(&chars)
            .all(|(c, &ch)| c.matches(ch))
        {
            return None;
        }
        Some(format!("{}{}", self.add, &word[self.strip.len()..]))
    }
}

impl Affixes {
    fn parse(bytes: &[u8]) -> Self {
        // The SET line is ASCII, so a Latin-1 reading finds it either way.
        let probe = decode(bytes, Encoding::Latin1);
        let encoding = probe
            .lines()
            .find_map(|l| l.strip_prefix("SET "))
            .map(|e| match e.trim().to_ascii_uppercase().as_str() {
                "UTF-8" | "UTF8" => Encoding::Utf8,
                "ISO8859-1" | "ISO-8859-1" | "LATIN1" => Encoding::Latin1,
                _ => Encoding::Utf8OrLatin1,
            })
            .unwrap_or_default();
        let text = decode(bytes, encoding);
        let mut classes: Vec<AffixClass> = Vec::new();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let fields: Vec<&str> = line.split_whitespace().collect();
            let prefix = match fields.first() {
                Some(&"PFX") => true,
                Some(&"SFX") => false,
                _ => continue,
            };
            let Some(flag) = fields.get(1).and_then(|f| f.chars().next()) else {
                continue;
            };
            let existing = classes
                .iter()
                .position(|c| c.flag == flag && c.prefix == prefix);
            match existing {
                // Header: `PFX A Y 5`.
                None if fields.len() >= 3 => classes.push(AffixClass {
                    flag,
                    prefix,
                    cross: fields[2] == "Y",
                    rules: Vec::new(),
                }),
                Some(i) if fields.len() >= 4 => {
                    let strip = if fields[2] == "0" { "" } else { fields[2] };
                    let add = fields[3].split('/').next().unwrap_or("");
                    let add = if add == "0" { "" } else { add };
                    let condition = parse_condition(fields.get(4).copied().unwrap_or("."));
                    classes[i].rules.push(AffixRule {
                        strip: strip.to_string(),
                        add: add.to_string(),
                        condition,
                    });
                }
                _ => {}
            }
        }
        Affixes { encoding, classes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AFF: &[u8] = b"SET ISO8859-1\n\
        PFX P Y 2\n\
        PFX P   0   pag   .   # pagbasa\n\
        PFX P   0   pag-  [aeiou]\n\
        SFX S Y 2\n\
        SFX S   0   ng    [aeiou]\n\
        SFX S   0   in    [^aeiou]\n";

    fn dic() -> Vec<u8> {
        // `Para\xf1aque` is Latin-1: the aff says ISO8859-1.
        b"4\nbasa/PS\naral/PS\nPara\xf1aque\nunti-unti/S\n".to_vec()
    }

    #[test]
    fn expands_prefixes_and_suffixes_with_conditions() {
        let d = Dictionary::from_hunspell(&dic(), Some(AFF));
        for w in [
            "basa",
            "pagbasa",
            "basang",
            "pagbasang",
            "aral",
            "pag-aral",
            "aralin",
            "pagaral",
            "unti-unting",
            "Unti-Unting",
        ] {
            assert!(d.contains(w), "{w}");
        }
        for w in ["basain", "pag-basa", "4", "unti"] {
            assert!(!d.contains(w), "{w}");
        }
    }

    #[test]
    fn a_flag_naming_a_prefix_and_a_suffix_class_applies_both() {
        // As in Debian's tl.aff: `A` is both `um-` and `-an`, `I` both `in-`
        // and `-in`/`-hin`.
        let aff = b"PFX A Y 1\nPFX A 0 um [aeiou]\nSFX A Y 1\nSFX A 0 an .\n\
            PFX I Y 1\nPFX I 0 in [aeiou]\nSFX I Y 2\nSFX I 0 hin [aeiou]\nSFX I 0 in [^aeiou]\n";
        let d = Dictionary::from_hunspell(b"3\nbalik/A\nbasa/I\nasa/AI\n", Some(aff));
        for w in [
            "balikan", "basahin", "asa", "umasa", "asaan", "umasaan", "inasa", "asahin",
            "inasahin", "umasahin", "inasaan",
        ] {
            assert!(d.contains(w), "{w}");
        }
        for w in ["umbalik", "basain", "inbasa", "balikin"] {
            assert!(!d.contains(w), "{w}");
        }
    }

    #[test]
    fn reads_latin1_when_the_aff_says_so() {
        let d = Dictionary::from_hunspell(&dic(), Some(AFF));
        assert!(d.contains("Parañaque"));
        assert!(d.contains("parañaque"));
    }

    #[test]
    fn without_aff_reads_stems_only() {
        let d = Dictionary::from_hunspell(b"2\nbasa/PS\nkain\n", None);
        assert!(d.contains("basa") && d.contains("kain"));
        assert!(!d.contains("pagbasa"));
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn loads_files_and_plain_word_lists() {
        let dir = tempfile::tempdir().unwrap();
        let dic_path = dir.path().join("xx.dic");
        std::fs::write(&dic_path, dic()).unwrap();
        std::fs::write(dir.path().join("xx.aff"), AFF).unwrap();
        let d = Dictionary::load(&dic_path).unwrap();
        assert!(d.contains("pag-aral"));
        assert_eq!(d.source(), dic_path.display().to_string());

        let list = dir.path().join("words.txt");
        std::fs::write(&list, "# comment\npunong-tanggapan\nMadaling-araw\n").unwrap();
        let d = Dictionary::load(&list).unwrap();
        assert!(d.contains("punong-tanggapan") && d.contains("madaling-araw"));
        assert!(!d.contains("# comment"));

        let err = Dictionary::load(&dir.path().join("wala.dic")).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("wala.dic: no such file or directory")
        );
    }

    #[test]
    fn curly_apostrophes_match_straight_ones() {
        let d = Dictionary::from_words(["iba't"]);
        assert!(d.contains("iba\u{2019}t"));
    }
}
