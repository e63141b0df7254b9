use super::extract::{Placeholder, Syntax, placeholders};
use super::{Reporter, Rule, UnitContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every placeholder of the source appears in the translation exactly,
    /// and the translation adds none: `{{name}}`, `{name}`, `{0}`,
    /// `{ $name }` (Fluent), `${x}`, `%{name}` (Rails), `$NAME$` (Chrome),
    /// `$t(key)` (i18next nesting), `%s`, `%1$s`, `%d`, `%(name)s`, `:name`,
    /// ICU arguments (`{count, plural, one {...} other {...}}`: the argument
    /// name, the keyword and the selectors must stay, the messages inside
    /// are translated and searched in turn), HTML/XML tags and entities, and
    /// Markdown link targets.
    ///
    /// Only for translations whose source is known: PO and XLIFF files, and
    /// files paired with `--source` or `[[pairs]]`.
    ///
    /// ## Why
    /// Machine translation translates placeholder names
    /// (`{{name}}` → `{{pangalan}}`), drops them, or translates ICU selectors
    /// (`one` → `isa`). The application then shows the raw placeholder, or
    /// crashes on a format string.
    ///
    /// ## Bad
    /// ```text
    /// Hello, {{name}}! → Kumusta, {{pangalan}}!
    /// You have %d new messages. → Mayroon kang mga bagong mensahe.
    /// {count, plural, one {# file} other {# files}} → {count, plural, isa {# file} iba {# na file}}
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Hello, {{name}}! → Kumusta, {{name}}!
    /// You have %d new messages. → Mayroon kang %d bagong mensahe.
    /// {count, plural, one {# file} other {# files}} → {count, plural, one {# file} other {# na file}}
    /// ```
    ///
    /// ## Fix
    /// Unsafe, and only when the mapping is unambiguous: one placeholder of
    /// the translation that is not in the source, and one of the source, of
    /// the same syntax, missing from the translation (`{{pangalan}}` →
    /// `{{name}}`). ICU constructs are never rewritten.
    pub struct PlaceholderMismatch {
        name: "placeholder-mismatch",
        severity: Error,
        fix: Unsafe,
        summary: "A placeholder of the source missing, changed or added in the translation (`{{name}}` → `{{pangalan}}`)",
    }
}

impl Rule for PlaceholderMismatch {
    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Reporter<'_>) {
        let Some(source) = ctx.translated_source() else {
            return;
        };
        let src = placeholders(source);
        let tgt = placeholders(&ctx.target);
        let mut missing: Vec<&Placeholder> = src.iter().collect();
        let mut extra: Vec<&Placeholder> = Vec::new();
        for t in &tgt {
            match missing.iter().position(|s| s.text == t.text) {
                Some(i) => {
                    missing.remove(i);
                }
                None => extra.push(t),
            }
        }
        let mut paired: Vec<&str> = Vec::new();
        for t in &extra {
            let same: Vec<&&Placeholder> =
                missing.iter().filter(|s| s.syntax == t.syntax).collect();
            let extras = extra.iter().filter(|e| e.syntax == t.syntax).count();
            let span = ctx.span(t.range.clone());
            if same.len() == 1 && extras == 1 {
                let want = &same[0].text;
                paired.push(want);
                let message = format!(
                    "placeholder `{}` is not in the source; the source has `{want}`",
                    t.text
                );
                let finding = out.report(span, message);
                // An ICU argument is shown by its keywords, not as written.
                if t.syntax != Syntax::Icu {
                    finding.replace(want.clone());
                }
            } else {
                out.report(span, format!("placeholder `{}` is not in the source", t.text));
            }
        }
        let mut lost = Vec::new();
        for s in missing {
            match paired.iter().position(|p| *p == s.text) {
                Some(i) => {
                    paired.remove(i);
                }
                None => lost.push(format!("`{}`", s.text)),
            }
        }
        if !lost.is_empty() {
            let message = if lost.len() == 1 {
                format!("placeholder {} of the source is missing", lost[0])
            } else {
                format!("placeholders {} of the source are missing", lost.join(", "))
            };
            out.report(ctx.value_span(), message);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::PlaceholderMismatch);

    #[test]
    fn translated_placeholder_with_fix() {
        assert_eq!(
            RULE.pair_findings(
                "Hello, {{name}}!",
                "Kumusta, {{pangalan}}!"),
            [(
                "{{pangalan}}".to_string(),
                "placeholder `{{pangalan}}` is not in the source; the source has `{{name}}`"
                    .to_string(),
                Some("Kumusta, {{name}}!".to_string())
            )]
        );
    }

    #[test]
    fn dropped_and_ambiguous_placeholders() {
        assert_eq!(
            RULE.pair_findings(
                "%s sent %d files",
                "Nagpadala ng mga file"),
            [(
                "Nagpadala ng mga file".to_string(),
                "placeholders `%s`, `%d` of the source are missing".to_string(),
                None
            )]
        );
        let found = RULE.pair_findings("{a} and {b}", "{x} at {y}");
        let messages: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
        assert_eq!(
            messages,
            [
                "placeholder `{x}` is not in the source",
                "placeholders `{a}`, `{b}` of the source are missing",
                "placeholder `{y}` is not in the source",
            ]
        );
    }

    #[test]
    fn icu_selectors_must_stay() {
        let found = RULE.pair_findings(
            "{n, plural, one {# day} other {# days}}",
            "{n, plural, isa {# araw} other {# araw}}");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].1,
            "placeholder `{n, plural, isa other}` is not in the source; the source has `{n, plural, one other}`"
        );
        assert_eq!(found[0].2, None);
    }

    #[test]
    fn tags_entities_and_order() {
        assert!(
            RULE.pair_findings(
                "<b>{0}</b> &amp; {1}",
                "{1} &amp; <b>{0}</b>")
            .is_empty()
        );
        assert_eq!(
            RULE.pair_findings(
                "Read [the guide](https://x.ph/en)",
                "Basahin [ang gabay](https://x.ph/tl)")[0]
            .1,
            "placeholder `](https://x.ph/tl)` is not in the source; the source has `](https://x.ph/en)`"
        );
    }

    #[test]
    fn silent_without_a_source() {
        assert!(RULE.check("Kumusta, {{pangalan}}!").is_empty());
    }
}
