use super::consistency::{By, Entry, entries, inconsistent, quoted, report_group, tally};
use super::{Reporter, Rule, declare_rule};
use crate::input::Document;

declare_rule! {
    /// ## What it checks
    /// One translation used for different source texts: across the values
    /// of a file, and across all the localisation files of a run (an
    /// article's paragraphs within the article). Reported once in each
    /// file that has it, on its first place there, with every other place
    /// listed.
    ///
    /// Source texts that differ only in case, blanks, their final mark or
    /// an English plural `-s` on the last word (`Save`, `save:`; `Language`,
    /// `Languages`) count as one. Empty translations and
    /// `#, fuzzy` drafts are left out.
    ///
    /// ## Why
    /// When `Save` and `Save as` are both translated `I-save`, one of them
    /// is probably wrong, or the user cannot tell two commands apart.
    /// Filipino sometimes has one word for two English ones (`Close` and
    /// `Exit` may both be `Isara`): then the finding is a question to
    /// settle once, and a suppression or the rule's `ignore` records the
    /// answer.
    ///
    /// ## Bad
    /// ```text
    /// {"a": "Save", "b": "Save as"} → {"a": "I-save", "b": "I-save"}
    /// ```
    ///
    /// ## Good
    /// ```text
    /// {"a": "Save", "b": "Save as"} → {"a": "I-save", "b": "I-save bilang"}
    /// ```
    ///
    /// ## Fix
    /// None: which text is wrong is a translator's judgement.
    pub struct InconsistentSource {
        name: "inconsistent-source",
        severity: Info,
        fix: None,
        summary: "One translation used for different source texts, with every place listed",
    }
}

impl Rule for InconsistentSource {
    fn check_document(&self, doc: &Document, out: &mut Reporter<'_>) {
        let entries = entries(doc, By::Target);
        let mut index = None;
        for group in inconsistent(&entries, |e| e.target.clone(), comparable_source) {
            let sources = tally(&group, |e| e.source.clone());
            let list: Vec<String> = sources.iter().map(|(s, _)| quoted(s)).collect();
            let message = format!(
                "the translation {} stands for {} different source texts: {}",
                quoted(&group[0].target),
                list.len(),
                list.join(", ")
            );
            report_group(doc, &mut index, &group, message, |e| format!("the source reads {}", quoted(&e.source)), out);
        }
    }
}

/// A source text as this check tells texts apart: lower case, without a
/// final mark, and without an English plural `-s` on its last word
/// (Filipino labels do not mark number: `Language` and `Languages` are both
/// `Wika`).
fn comparable_source(e: &Entry<'_>) -> String {
    let lower = e.source.to_lowercase();
    let text = lower.trim_end_matches(['.', ':', '!', '?', '…', ' ']);
    let last = text.rsplit(' ').next().unwrap_or(text);
    let plural = last.chars().count() > 3
        && last.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| last.ends_with(e));
    match plural {
        true => text[..text.len() - 1].to_string(),
        false => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::input::{Document, Format};
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::InconsistentSource);

    #[test]
    fn one_translation_for_different_sources() {
        let source = Arc::new(Document::new(
            "en.json",
            r#"{"a": "Save", "b": "Save as", "c": "save:", "d": "Open"}"#,
            Format::Json,
        ));
        let doc = Document::new(
            "tl.json",
            r#"{"a": "I-save", "b": "I-save", "c": "I-save", "d": "Buksan"}"#,
            Format::Json,
        )
        .with_source(source);
        let found = RULE.checker().check(&doc);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "the translation `I-save` stands for 3 different source texts: `Save`, `Save as`, `save:`"
        );
        let related: Vec<&str> = found[0].related.iter().map(|r| r.message.as_str()).collect();
        assert_eq!(related, ["the source reads `Save as`", "the source reads `save:`"]);
    }

    #[test]
    fn case_final_marks_and_plurals_are_one_source() {
        let source = Arc::new(Document::new(
            "en.json",
            r#"{"a": "Save", "b": "save.", "c": "Setting", "d": "Settings:", "e": "Status", "f": "Statu"}"#,
            Format::Json,
        ));
        let doc = Document::new(
            "tl.json",
            r#"{"a": "I-save", "b": "I-save", "c": "Setting", "d": "Setting", "e": "Katayuan", "f": "Katayuan"}"#,
            Format::Json,
        )
        .with_source(source);
        let found: Vec<String> = RULE.checker().check(&doc).into_iter().map(|d| d.message).collect();
        assert_eq!(
            found,
            ["the translation `Katayuan` stands for 2 different source texts: `Status`, `Statu`"]
        );
    }
}
