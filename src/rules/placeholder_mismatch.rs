use std::cell::OnceCell;

use super::extract::{Placeholder, Syntax, placeholders};
use super::markup::{Anchors, decode_entity, same_link, same_tag};
use super::{Reporter, Rule, UnitContext, declare_rule};
use crate::input::{Format, SegmentKind};

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
    /// Markup is compared as what it means: a tag by its name and
    /// attributes, however they are spaced, quoted or ordered, leaving out
    /// the ones people read (`alt`, `title`, `aria-label`, `placeholder`),
    /// which are translated; a relative link by the file it names, so a
    /// translation that lives in another directory may add `../`
    /// (`docs/a.md` → `../../docs/a.md`) and a language switcher may name
    /// each language's file (`README.es.md`, `README.md`); a link to an
    /// anchor by the heading it names, so `#pag-install` is right in a
    /// translation whose heading reads `Pag-install`; an entity by its
    /// character (`&#33;` is `!`) where the text is rendered as HTML
    /// (Markdown, XLIFF, or a value whose source has markup). In a value
    /// whose source has no markup, an entity the source lacks (`&quot;`,
    /// `&#39;`) shows as written and is reported.
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
    /// {"a": "Say \"yes\""} → {"a": "Sabihin ang &quot;oo&quot;"}
    /// See [setup](#installation). → Tingnan ang [pag-set up](#Pag-install).
    /// You have %d new messages. → Mayroon kang mga bagong mensahe.
    /// {count, plural, one {# file} other {# files}} → {count, plural, isa {# file} iba {# na file}}
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Hello, {{name}}! → Kumusta, {{name}}!
    /// Read <a href="docs/a.md" class="x">this</a>! → Basahin <a class='x' href="../../docs/a.md">ito</a>&#33;
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
        let anchors = OnceCell::new();
        let compare = Compare {
            ctx,
            anchors: &anchors,
            markup: renders_markup(ctx, &src),
        };
        let mut missing: Vec<&Placeholder> = src.iter().collect();
        let mut extra: Vec<&Placeholder> = Vec::new();
        for t in &tgt {
            match missing.iter().position(|s| compare.same(s, t)) {
                Some(i) => {
                    missing.remove(i);
                }
                None => extra.push(t),
            }
        }
        // An entity stands for its character where the text is rendered as
        // HTML; elsewhere it shows as written.
        extra.retain(|t| {
            if t.syntax != Syntax::Entity {
                return true;
            }
            if compare.markup {
                return false;
            }
            let message = match decode_entity(&t.text) {
                Some(c) => format!(
                    "HTML entity `{}` is not in the source, which is not HTML: it shows as written; write `{c}`",
                    t.text
                ),
                None => format!("HTML entity `{}` is not in the source, which is not HTML", t.text),
            };
            out.report(ctx.span(t.range.clone()), message);
            false
        });
        missing.retain(|s| {
            !(s.syntax == Syntax::Entity
                && compare.markup
                && decode_entity(&s.text).is_some_and(|c| ctx.target.contains(c)))
        });
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

/// How one unit's placeholders are compared with its source's.
struct Compare<'a, 'c> {
    ctx: &'a UnitContext<'c>,
    /// The anchors of the translation, found when a link to one differs.
    anchors: &'a OnceCell<Anchors>,
    /// The text is rendered as HTML (Markdown, XLIFF, or a source with
    /// tags or entities): an entity means its character.
    markup: bool,
}

impl Compare<'_, '_> {
    /// Whether the target's placeholder `t` is the source's `s`: tags by
    /// name and attributes, links by the file or heading they name,
    /// entities by their character, the others as written.
    fn same(&self, s: &Placeholder, t: &Placeholder) -> bool {
        if s.text == t.text {
            return true;
        }
        if s.syntax != t.syntax {
            return false;
        }
        match s.syntax {
            Syntax::Tag => same_tag(&s.text, &t.text, self.anchors()),
            Syntax::LinkTarget => {
                let inner = |p: &Placeholder| p.text[2..p.text.len() - 1].to_string();
                same_link(&inner(s), &inner(t), self.anchors())
            }
            Syntax::Entity => {
                decode_entity(&s.text).is_some() && decode_entity(&s.text) == decode_entity(&t.text)
            }
            _ => false,
        }
    }

    fn anchors(&self) -> &Anchors {
        self.anchors.get_or_init(|| {
            let doc = self.ctx.doc;
            let headings = doc
                .segments
                .iter()
                .filter(|s| s.kind == SegmentKind::Heading)
                .map(|s| &doc.text[s.range.clone()]);
            Anchors::new(headings, &doc.text)
        })
    }
}

/// Whether the unit's text is rendered as HTML: a Markdown article, XLIFF
/// (whose entities are XML's), or a value whose source has tags or
/// entities.
fn renders_markup(ctx: &UnitContext<'_>, source: &[Placeholder]) -> bool {
    matches!(ctx.doc.format, Format::Markdown | Format::Xliff)
        || source
            .iter()
            .any(|p| matches!(p.syntax, Syntax::Tag | Syntax::Entity))
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
    fn markup_is_compared_by_meaning() {
        for (source, target) in [
            (
                "Open <a href=\"https://x.ph/a\" class=\"btn\">the page</a>.",
                "Buksan ang <a\n  class='btn' href=\"https://x.ph/a\">pahina</a>.",
            ),
            (
                "<img src=\"img/logo.png\" alt=\"Logo\" width=\"80\">",
                "<img src=\"../../img/logo.png\" alt=\"Ang logo\" width=\"80\">",
            ),
            ("See [the guide](docs/guide.md).", "Tingnan ang [gabay](../../docs/guide.md)."),
            // A language switcher: each README links the others.
            (
                "<b>English</b> <a href=\"./i18n/README.es.md\">Español</a> <a href=\"./i18n/README.tl.md\">Tagalog</a>",
                "<a href=\"../../README.md\">English</a> <a href=\"./README.es.md\">Español</a> <b>Tagalog</b>",
            ),
            ("Thanks <b>all</b>&#33;", "Salamat sa <b>lahat</b>!"),
        ] {
            assert_eq!(RULE.pair_findings(source, target), [], "{target}");
        }
        assert_eq!(
            RULE.pair_findings(
                "See [the guide](docs/guide/index.md).",
                "Tingnan ang [gabay](docs/gabay/index.md)."
            )[0]
            .1,
            "placeholder `](docs/gabay/index.md)` is not in the source; the source has `](docs/guide/index.md)`"
        );
        assert_eq!(RULE.pair_findings("Close <b>now</b>", "Isara <b>ngayon").len(), 1);
        assert_eq!(RULE.pair_findings("Close now", "Isara <b>ngayon</b>").len(), 2);
    }

    #[test]
    fn entities_in_values_that_are_not_html() {
        assert_eq!(
            RULE.pair_findings(r#"{"a": "Don't"}"#, r#"{"a": "Huwag &#39;yan"}"#),
            [(
                "&#39;".to_string(),
                "HTML entity `&#39;` is not in the source, which is not HTML: it shows as written; write `'`".to_string(),
                None
            )]
        );
        assert!(RULE.pair_findings(r#"{"a": "A &amp; B"}"#, r#"{"a": "A &#38; B"}"#).is_empty());
        assert!(RULE.pair_findings(r#"{"a": "<b>Hi</b>!"}"#, r#"{"a": "<b>Kumusta</b>&#33;"}"#).is_empty());
    }

    #[test]
    fn anchors_must_name_a_heading_of_the_translation() {
        let doc = |text: &str| {
            let source = crate::input::Document::new(
                "en.md",
                "# Installation\n\nSee [setup](#installation).\n",
                crate::input::Format::Markdown,
            );
            crate::input::Document::new("tl.md", text, crate::input::Format::Markdown)
                .with_source(std::sync::Arc::new(source))
        };
        let found = |text: &str| RULE.checker().check(&doc(text)).len();
        assert_eq!(found("# Pag-install\n\nTingnan ang [pag-set up](#pag-install).\n"), 0);
        assert_eq!(found("# Pag-install\n\nTingnan ang [pag-set up](#installation).\n"), 0);
        assert_eq!(found("# Pag-install\n\nTingnan ang [pag-set up](#Pag-install).\n"), 1);
    }

    #[test]
    fn silent_without_a_source() {
        assert!(RULE.check("Kumusta, {{pangalan}}!").is_empty());
    }
}
