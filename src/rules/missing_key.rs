use super::{Reporter, Rule, declare_rule};
use crate::glossary::Glossary;
use crate::input::Document;

declare_rule! {
    /// ## What it checks
    /// A key of the source file that the translation lacks. Keys are matched
    /// by their path (`home.title`, `items[2]`); a single top-level locale
    /// key (`en:` and `tl:` in Rails) is ignored on both sides. Reported
    /// where the key belongs: after the value of the closest key before it
    /// in the source that the translation has (or at the start of the file).
    ///
    /// Only for YAML and JSON files paired with their source (`--source`,
    /// `[[pairs]]`).
    ///
    /// ## Why
    /// A missing key falls back to the source language, or to the raw key,
    /// in the application.
    ///
    /// ## Bad
    /// ```text
    /// {"save": "Save", "cancel": "Cancel"} → {"save": "I-save"}
    /// ```
    ///
    /// ## Good
    /// ```text
    /// {"save": "Save", "cancel": "Cancel"} → {"save": "I-save", "cancel": "Kanselahin"}
    /// ```
    pub struct MissingKey {
        name: "missing-key",
        severity: Warning,
        fix: None,
        summary: "A key of the source file missing from the translation",
    }
}

impl Rule for MissingKey {
    fn check_document(&self, doc: &Document, _glossary: &Glossary, out: &mut Reporter<'_>) {
        let Some(source) = &doc.source else {
            return;
        };
        for (key, at) in &doc.missing {
            out.report(*at..*at, format!("key `{key}` of the source `{}` is missing", source.name));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::MissingKey);

    #[test]
    fn missing_keys_in_source_order() {
        let found = RULE.pair_findings(
            r#"{"a": "A", "b": {"c": "C"}, "d": ["D"]}"#,
            r#"{"a": "Isa"}"#);
        let messages: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
        assert_eq!(
            messages,
            [
                "key `b.c` of the source `en.json` is missing",
                "key `d[0]` of the source `en.json` is missing"
            ]
        );
    }
}
