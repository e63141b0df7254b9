//! Suppressions written in the document.
//!
//! Markdown uses HTML comments, which do not show when the page is rendered:
//!
//! ```text
//! <!-- salin-disable hyphen-spacing, repeated-word -->   from here on
//! <!-- salin-enable hyphen-spacing -->                   ... until here
//! <!-- salin-disable -->                                 every rule
//! <!-- salin-enable -->                                  every rule again
//! <!-- salin-disable-next-line glossary-case -->         the next line only
//! ```
//!
//! A directive applies to findings that *start* after it (`disable`), or on
//! the line after the one where the comment ends (`disable-next-line`).
//! Rule names are separated by commas or spaces; none means every rule.
//! Directives in code blocks or inline code are text, not directives.
//!
//! A directive that suppresses nothing is reported by the
//! `unused-suppression` rule, and so is an unknown rule name in one.
//!
//! Plain text has no comment syntax and no suppressions. Other formats
//! (YAML `# salin: ignore[rule]`, PO translator comments) add their own
//! [`directives`] parser producing the same [`Directive`]s.
//!
//! Three layers, each in its file: [`directives`] reads the comments;
//! [`apply`] (called by the checker) removes what they suppress and reports
//! unused ones; [`add_suppressions`] (called by the command line's
//! `--add-suppressions`) writes new comments. None of them runs a check or a
//! fix, so the checker can call this module and the fixer can call the
//! checker without a cycle.

mod add;
mod apply;
mod directives;

pub use add::add_suppressions;
pub use apply::apply;
pub use directives::{Directive, DirectiveKind, directives};

/// The name of the rule that reports unused suppressions (kept for callers
/// that compare names; inside salin, compare [`crate::rules::RuleId`]s).
pub const UNUSED: &str = crate::rules::UnusedSuppression::ID.name();
