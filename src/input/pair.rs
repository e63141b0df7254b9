//! Pairing a translation with its source document.
//!
//! Localisation files are matched by key path; a single top-level locale key
//! (Rails' `tl:` and `en:`) is ignored on both sides. Articles are aligned
//! block by block when both have the same number of blocks of the same kinds
//! (paragraph or heading); otherwise the whole article is one unit, checked
//! against the whole source.

#![allow(clippy::single_range_in_vec_init)] // a value of one piece

use std::collections::HashMap;
use std::ops::Range;

use super::{Document, Format, Segment, SegmentKind, Unit, UnitKind};

/// Pairs `target` with `source`; `false` when they cannot be paired: PO
/// and XLIFF carry their own source, and a key-value file pairs only with a
/// key-value file, an article only with an article.
pub(super) fn pair(target: &mut Document, source: &Document) -> bool {
    let keyed = |f: Format| matches!(f, Format::Yaml | Format::Json);
    if keyed(target.format) && keyed(source.format) {
        pair_keys(target, source);
        true
    } else if !target.format.is_localisation() && !source.format.is_localisation() {
        pair_articles(target, source);
        true
    } else {
        false
    }
}

/// A key path without the locale root (`tl.home.title` → `home.title`) when
/// every key of the file starts with the same locale-like root.
fn key_root(units: &[Unit]) -> Option<String> {
    let first = units.first()?.key.split('.').next()?;
    let locale_like = (2..=7).contains(&first.len())
        && first
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '-' || c == '_');
    (locale_like
        && units.iter().all(|u| {
            u.key
                .strip_prefix(first)
                .is_some_and(|r| r.starts_with('.'))
        }))
    .then(|| format!("{first}."))
}

fn strip<'a>(key: &'a str, root: &Option<String>) -> &'a str {
    match root {
        Some(r) => key.strip_prefix(r.as_str()).unwrap_or(key),
        None => key,
    }
}

fn pair_keys(target: &mut Document, source: &Document) {
    let (troot, sroot) = match (key_root(&target.units), key_root(&source.units)) {
        (Some(t), Some(s)) => (Some(t), Some(s)),
        _ => (None, None),
    };
    let texts: HashMap<&str, String> = source
        .units
        .iter()
        .map(|u| (strip(&u.key, &sroot), u.text(&source.text)))
        .collect();
    // Where each key's value ends in the target.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for unit in &mut target.units {
        let key = strip(&unit.key, &troot).to_string();
        unit.source = texts.get(key.as_str()).cloned();
        seen.insert(key.clone(), unit.range().end);
        // Named as the source's keys are, so that `missing-key` and
        // `extra-key` (and every message) name keys the same way.
        unit.key = key;
    }
    // A missing key is placed where it belongs: after the value of the
    // closest key before it in the source that the target has.
    let body = if target.text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    let mut at = body;
    target.missing.clear();
    for key in source.units.iter().map(|u| strip(&u.key, &sroot)) {
        match seen.get(key) {
            Some(&end) => at = end,
            None => target.missing.push((key.to_string(), at)),
        }
    }
}

/// The blocks of an article: (range, kind). A block runs from its first to
/// its last segment, widened to the start and end of their lines (without
/// indentation) as far as no other block is there, so that links cut out of
/// the prose at a block's edges are part of it.
fn blocks(text: &str, segments: &[Segment]) -> Vec<(Range<usize>, SegmentKind)> {
    let mut out: Vec<(u32, Range<usize>, SegmentKind)> = Vec::new();
    for s in segments {
        match out.last_mut() {
            Some((b, r, _)) if *b == s.block => r.end = s.range.end,
            _ => out.push((s.block, s.range.clone(), s.kind)),
        }
    }
    let ranges: Vec<Range<usize>> = out.iter().map(|b| b.1.clone()).collect();
    for (i, block) in out.iter_mut().enumerate() {
        let r = &mut block.1;
        let line_end = text[r.end..]
            .find(['\n', '\r'])
            .map_or(text.len(), |n| r.end + n);
        let end = ranges
            .get(i + 1)
            .map_or(line_end, |n| n.start.min(line_end));
        r.end = r.end.max(r.start + text[r.start..end].trim_end().len());
        let line_start = text[..r.start].rfind('\n').map_or(0, |n| n + 1);
        let start = if i > 0 {
            ranges[i - 1].end.max(line_start)
        } else {
            line_start
        };
        let lead = &text[start..r.start];
        r.start = start + (lead.len() - lead.trim_start().len());
    }
    out.into_iter().map(|(_, r, k)| (r, k)).collect()
}

fn pair_articles(target: &mut Document, source: &Document) {
    let tb = blocks(&target.text, &target.segments);
    let sb = blocks(&source.text, &source.segments);
    target.units.clear();
    if !tb.is_empty() && tb.len() == sb.len() && tb.iter().zip(&sb).all(|(t, s)| t.1 == s.1) {
        for (i, ((range, _), (srange, _))) in tb.into_iter().zip(sb).enumerate() {
            target.units.push(Unit {
                kind: UnitKind::Paragraph,
                key: format!("¶{}", i + 1),
                key_range: range.start..range.start,
                pieces: vec![range],
                joiner: "\n",
                fuzzy: false,
                source: Some(source.text[srange].to_string()),
                decoded: None,
                limits: Vec::new(),
            });
        }
    } else {
        let body = if target.text.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        let start = body + (target.text[body..].len() - target.text[body..].trim_start().len());
        let end = target.text.trim_end().len().max(start);
        let sbody = if source.text.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        target.units.push(Unit {
            kind: UnitKind::Document,
            key: String::new(),
            key_range: start..start,
            pieces: vec![start..end],
            joiner: "\n",
            fuzzy: false,
            source: Some(source.text[sbody..].to_string()),
            decoded: None,
            limits: Vec::new(),
        });
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::input::{Document, Format, UnitKind};

    #[test]
    fn keys_match_by_path_without_the_locale_root() {
        let en = Document::new("en.yml", "en:\n  a: Hello\n  b: Bye\n", Format::Yaml);
        let tl = Document::new("tl.yml", "tl:\n  a: Kumusta\n  c: Dagdag\n", Format::Yaml)
            .with_source(Arc::new(en));
        let sources: Vec<Option<&str>> = tl.units.iter().map(|u| u.source.as_deref()).collect();
        assert_eq!(sources, [Some("Hello"), None]);
        assert_eq!(tl.missing, [("b".to_string(), 16)]);
        assert_eq!(&tl.text[..16], "tl:\n  a: Kumusta");
    }

    #[test]
    fn po_and_mixed_formats_are_not_paired() {
        let en = Arc::new(Document::new("en.yml", "a: Hello\n", Format::Yaml));
        let po = Document::new("tl.po", "msgid \"Hi\"\nmsgstr \"Kumusta\"\n", Format::Po)
            .with_source(Arc::clone(&en));
        assert!(po.source.is_none());
        assert_eq!(po.units[0].source.as_deref(), Some("Hi"));
        let md = Document::new("tl.md", "Kumusta\n", Format::Markdown).with_source(en);
        assert!(md.source.is_none() && md.units.is_empty());
    }

    #[test]
    fn articles_align_by_block_or_not_at_all() {
        let en = Arc::new(Document::new(
            "a.en.md",
            "# Title\n\nOne.\n\nTwo.\n",
            Format::Markdown,
        ));
        let tl = Document::new(
            "a.tl.md",
            "# Pamagat\n\nIsa.\n\nDalawa.\n",
            Format::Markdown,
        )
        .with_source(Arc::clone(&en));
        let pairs: Vec<(&str, &str)> = tl
            .units
            .iter()
            .map(|u| (&tl.text[u.range()], u.source.as_deref().unwrap()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("# Pamagat", "# Title"),
                ("Isa.", "One."),
                ("Dalawa.", "Two.")
            ]
        );
        let tl = Document::new("a.tl.md", "# Pamagat\n\nIsa. Dalawa.\n", Format::Markdown)
            .with_source(en);
        assert_eq!(tl.units.len(), 1);
        assert_eq!(tl.units[0].kind, UnitKind::Document);
    }
}
