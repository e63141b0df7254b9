//! A rule's documentation as `salin explain RULE` prints it (Markdown); the
//! HTML report embeds the same text.

use crate::rules::RuleMeta;

/// The text of `salin explain`: name, summary, default severity and fix,
/// then the rule's documentation with its examples.
pub fn explanation(m: &RuleMeta) -> String {
    format!(
        "# {}\n\n{}\n\nDefault severity: {}. Fix: {}.{}\n\n{}",
        m.name,
        m.summary,
        m.default_severity,
        m.fix.as_str(),
        if m.default_enabled {
            ""
        } else {
            " Off by default: run it with `--select`."
        },
        m.documentation()
    )
}
