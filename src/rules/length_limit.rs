use super::markup::decode_entity;
use super::{Reporter, Rule, UnitContext, declare_rule};
use crate::input::{Format, LengthLimit as Limit, LimitMax};

declare_rule! {
    /// ## What it checks
    /// A translation longer than its limit:
    /// - XLIFF limits on a unit: 1.2's `maxwidth` counted in characters
    ///   (`size-unit="char"`, `glyph`, `col`) or bytes (`byte`), and
    ///   `maxbytes`; 2.0's `slr:sizeRestriction` (characters) and
    ///   `slr:storageRestriction` (bytes of UTF-8);
    /// - `[[max-length]]` in `salin.toml`: for the files matching `files`
    ///   and the keys matching `keys` (`*` any run of characters), at most
    ///   `chars` characters, or at most `ratio` times the source's length.
    ///
    /// The text counted is what the application shows: the decoded value,
    /// without inline tags, with entities as their characters. Widths in
    /// pixels or points are not measured.
    ///
    /// ## Why
    /// Filipino runs a third longer than English on average, and a button,
    /// menu or SMS template has room for so many characters. A translation
    /// over its limit is cut off or breaks the layout.
    ///
    /// ## Bad
    /// ```text
    /// <xliff><file><body><trans-unit id="b" maxwidth="8" size-unit="char"><source>Save</source><target>I-save ang file</target></trans-unit></body></file></xliff>
    /// ```
    ///
    /// ## Good
    /// ```text
    /// <xliff><file><body><trans-unit id="b" maxwidth="8" size-unit="char"><source>Save</source><target>I-save</target></trans-unit></body></file></xliff>
    /// ```
    ///
    /// ## Fix
    /// None: what to shorten is a translator's choice.
    pub struct LengthLimit {
        name: "length-limit",
        severity: Warning,
        fix: None,
        summary: "A translation longer than its XLIFF limit or the configured `max-length`",
    }
}

impl Rule for LengthLimit {
    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Reporter<'_>) {
        let configured = ctx.doc.limits.iter().filter(|l| l.applies_to(&ctx.unit.key));
        let limits: Vec<&Limit> = ctx
            .unit
            .limits
            .iter()
            .chain(configured.map(|l| &l.limit))
            .collect();
        if limits.is_empty() || ctx.unit.is_empty() {
            return;
        }
        let shown = shown_text(ctx.doc.format, &ctx.target);
        let chars = shown.chars().count();
        for limit in limits {
            if let Some(message) = over(limit, &shown, chars, ctx) {
                out.report(ctx.value_span(), message);
            }
        }
    }
}

/// What is wrong when the text (`shown`, of `chars` characters) is over
/// `limit`.
fn over(limit: &Limit, shown: &str, chars: usize, ctx: &UnitContext<'_>) -> Option<String> {
    let origin = &limit.origin;
    match limit.max {
        LimitMax::Chars(max) => (chars > max).then(|| {
            format!("the translation has {chars} characters; {origin} allows {max}")
        }),
        LimitMax::Bytes(max) => {
            let bytes = shown.len();
            (bytes > max).then(|| format!("the translation has {bytes} bytes; {origin} allows {max}"))
        }
        LimitMax::SourceRatio(hundredths) => {
            let source = shown_text(ctx.doc.format, ctx.source()?);
            let source_chars = source.chars().count();
            if source_chars == 0 || chars * 100 <= source_chars * hundredths as usize {
                return None;
            }
            let times = |x: f64| format!("{x:.2}").trim_end_matches('0').trim_end_matches('.').to_string();
            Some(format!(
                "the translation has {chars} characters, {} times the source's {source_chars}; {origin} allows {} times",
                times(chars as f64 / source_chars as f64),
                times(f64::from(hundredths) / 100.0)
            ))
        }
    }
}

/// The text an application shows for a value: XLIFF content without its
/// inline tags and with entities as their characters; other values as
/// decoded.
fn shown_text(format: Format, text: &str) -> String {
    if format != Format::Xliff {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            match rest.find('>') {
                Some(end) => rest = &rest[end + 1..],
                None => break,
            }
        } else {
            let end = rest.find(';').filter(|&e| e <= 10);
            match end.and_then(|e| decode_entity(&rest[..=e]).map(|c| (c, e))) {
                Some((c, e)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::input::{Document, Format, KeyLimit, LengthLimit, LimitMax};
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::LengthLimit);

    fn messages(doc: &Document) -> Vec<String> {
        RULE.checker().check(doc).into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn xliff_limits() {
        let text = r#"<xliff><file><body>
<trans-unit id="a" maxwidth="8" size-unit="char"><source>Save</source><target>I-save <g id="1">ang</g> &amp; file</target></trans-unit>
<trans-unit id="b" maxwidth="8" size-unit="char"><source>Save</source><target>I-<g id="1">save</g>&amp;</target></trans-unit>
<trans-unit id="c" maxbytes="6"><source>Yes</source><target>Ñañá</target></trans-unit>
<trans-unit id="d" maxwidth="3" translate="no"><source>ACME</source><target>ACME</target></trans-unit>
</body></file></xliff>"#;
        let doc = Document::new("tl.xlf", text, Format::Xliff);
        assert_eq!(
            messages(&doc),
            [
                "the translation has 17 characters; maxwidth=\"8\" size-unit=\"char\" allows 8",
                "the translation has 7 bytes; maxbytes=\"6\" allows 6",
            ]
        );
    }

    #[test]
    fn configured_limits_by_key_and_ratio() {
        let source = Arc::new(Document::new(
            "en.json",
            r#"{"button": {"save": "Save", "open": "Open"}, "title": "Settings"}"#,
            Format::Json,
        ));
        let mut doc = Document::new(
            "tl.json",
            r#"{"button": {"save": "I-save ngayon", "open": "Buksan"}, "title": "Mga Setting ng App"}"#,
            Format::Json,
        )
        .with_source(source);
        let limit = |max, origin: &str| LengthLimit {
            max,
            origin: origin.to_string(),
        };
        doc.limits = vec![
            KeyLimit {
                keys: vec!["button.*".into()],
                limit: limit(LimitMax::Chars(8), "salin.toml:2"),
            },
            KeyLimit {
                keys: vec![],
                limit: limit(LimitMax::SourceRatio(150), "salin.toml:6"),
            },
        ];
        assert_eq!(
            messages(&doc),
            [
                "the translation has 13 characters; salin.toml:2 allows 8",
                "the translation has 13 characters, 3.25 times the source's 4; salin.toml:6 allows 1.5 times",
                "the translation has 18 characters, 2.25 times the source's 8; salin.toml:6 allows 1.5 times",
            ]
        );
        // The limits go with the text through the rounds of fixing.
        assert_eq!(doc.with_text(doc.text.clone()).limits.len(), 2);
    }
}
