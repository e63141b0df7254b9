use super::consistency::{By, entries, inconsistent, quoted, report_group, tally};
use super::{Reporter, Rule, declare_rule};
use crate::input::{Document, Peers};

declare_rule! {
    /// ## What it checks
    /// One source text translated in more than one way: across the values
    /// of a file, and across all the localisation files of a run (`salin
    /// check locales/`); an article's paragraphs, paired with its source,
    /// are compared within the article. The finding is reported once in each file that has the
    /// text, on its first place there, with every other place listed (in
    /// the JSON `related`, SARIF `relatedLocations`, and the other reports'
    /// notes).
    ///
    /// Texts are compared with their blanks collapsed and in their case; a
    /// PO entry's context (`msgctxt`) and plural form keep translations
    /// apart that may rightly differ. Empty translations and `#, fuzzy`
    /// drafts are left out.
    ///
    /// ## Why
    /// A user who sees `I-save` on one button and `Itago` on another for
    /// the same `Save` wonders whether they do different things. Machine
    /// translation translates each string alone and varies its wording;
    /// translation QA tools (Xbench, CheckMate) report these.
    ///
    /// ## Bad
    /// ```text
    /// {"a": "Save", "b": "Save"} → {"a": "I-save", "b": "Itago"}
    /// ```
    ///
    /// ## Good
    /// ```text
    /// {"a": "Save", "b": "Save"} → {"a": "I-save", "b": "I-save"}
    /// ```
    ///
    /// ## Fix
    /// None: which translation to keep is a translator's choice.
    pub struct InconsistentTranslation {
        name: "inconsistent-translation",
        severity: Warning,
        fix: None,
        summary: "One source text translated in different ways, with every place listed",
    }
}

impl Rule for InconsistentTranslation {
    fn check_document(&self, doc: &Document, out: &mut Reporter<'_>) {
        let entries = entries(doc, By::Source);
        let mut index = None;
        let groups = inconsistent(
            &entries,
            |e| Peers::source_key(&e.context, &e.source),
            |e| e.target.clone(),
        );
        for group in groups {
            let ways = tally(&group, |e| e.target.clone());
            let list: Vec<String> = ways
                .iter()
                .map(|(t, n)| format!("{} ({n})", quoted(t)))
                .collect();
            let message = format!(
                "the source text {} is translated in {} ways: {}",
                quoted(&group[0].source),
                ways.len(),
                list.join(", ")
            );
            report_group(doc, &mut index, &group, message, |e| format!("translated {}", quoted(&e.target)), out);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::input::{Document, Format, Peers};
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::InconsistentTranslation);

    fn paired(source: &str, target: &str, name: &str) -> Document {
        let source = Arc::new(Document::new("en.json", source, Format::Json));
        Document::new(name, target, Format::Json).with_source(source)
    }

    #[test]
    fn within_a_file() {
        let doc = paired(
            r#"{"a": "Save", "b": "Open", "c": "Save", "d": " Save ", "e": "save"}"#,
            r#"{"a": "I-save", "b": "Buksan", "c": "Itago", "d": "I-save", "e": "itago"}"#,
            "tl.json",
        );
        let found = RULE.checker().check(&doc);
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(&doc.text[d.span.clone()], "I-save");
        assert_eq!(
            d.message,
            "the source text `Save` is translated in 2 ways: `I-save` (2), `Itago` (1)"
        );
        let related: Vec<(Option<&str>, (usize, usize), &str)> = d
            .related
            .iter()
            .map(|r| (r.path.as_deref(), r.start, r.message.as_str()))
            .collect();
        assert_eq!(
            related,
            [(None, (1, 38), "translated `Itago`"), (None, (1, 52), "translated `I-save`")]
        );
    }

    #[test]
    fn across_the_files_of_a_run() {
        let one = paired(r#"{"a": "Save"}"#, r#"{"a": "I-save"}"#, "one/tl.json");
        let two = paired(r#"{"x": "Save", "y": "Save"}"#, "{\"x\": \"Itago\",\n\"y\": \"Itago\"}", "two/tl.json");
        let mut peers = Peers::default();
        peers.add(&one);
        peers.add(&two);
        let peers = Arc::new(peers);
        let (mut one, mut two) = (one, two);
        one.peers = Some(Arc::clone(&peers));
        two.peers = Some(peers);
        let found = RULE.checker().check(&one);
        assert_eq!(found.len(), 1);
        let places: Vec<(Option<&str>, (usize, usize))> = found[0]
            .related
            .iter()
            .map(|r| (r.path.as_deref(), r.start))
            .collect();
        assert_eq!(places, [(Some("two/tl.json"), (1, 8)), (Some("two/tl.json"), (2, 7))]);
        // The other file reports it too, on its own first place.
        let found = RULE.checker().check(&two);
        assert_eq!(found.len(), 1);
        assert_eq!(&two.text[found[0].span.clone()], "Itago");
        assert_eq!(found[0].related.len(), 2);
    }

    #[test]
    fn contexts_plural_forms_and_drafts_keep_apart() {
        let po = "msgctxt \"menu\"\nmsgid \"Open\"\nmsgstr \"Buksan\"\n\n\
                  msgctxt \"state\"\nmsgid \"Open\"\nmsgstr \"Bukas\"\n\n\
                  msgid \"%d file\"\nmsgid_plural \"%d files\"\nmsgstr[0] \"%d file\"\nmsgstr[1] \"%d na file\"\n\n\
                  #, fuzzy\nmsgid \"Close\"\nmsgstr \"Isara\"\n\nmsgid \"Close\"\nmsgstr \"Sarhan\"\n";
        let doc = Document::new("tl.po", po, Format::Po);
        assert!(RULE.checker().check(&doc).is_empty());
    }
}
