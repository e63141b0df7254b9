//! salin checks machine-translated Filipino (Tagalog) text before it is
//! published: broken hyphens, mangled proper nouns, repeated words, broken
//! company suffixes and spacing, each with an explanation and, where certain,
//! a fix.
//!
//! The pipeline, one module per stage (CONTRIBUTING.md has the page on it):
//!
//! ```text
//! input (Document → prose Segments) → text (tokens and marks)
//!       → checker (rules + glossary, suppress) → diagnostic (Diagnostics, edits)
//!       → fix (the fix loop) → report (text, diff, json, sarif, ...)
//! ```
//!
//! ```
//! use salin::{Checker, Document, Format, Glossary};
//!
//! let checker = Checker::new(Glossary::embedded());
//! let doc = Document::new("balita.txt", "Ang pag -unlad ng Glaxosmithkline.", Format::Plain);
//! let found = checker.check(&doc);
//! assert_eq!(found[0].rule, "hyphen-spacing");
//! assert_eq!(found[1].suggestion.as_deref(), Some("GlaxoSmithKline"));
//!
//! let fixed = salin::fix::fix_document(&checker, &doc, salin::Applicability::Safe);
//! assert_eq!(fixed.text, "Ang pag-unlad ng GlaxoSmithKline.");
//! ```

pub mod baseline;
pub mod checker;
pub mod diagnostic;
pub mod fix;
pub mod glossary;
pub mod input;
pub mod lexicon;
pub mod report;
pub mod rules;
pub mod settings;
pub mod suppress;
pub mod text;

pub use checker::{Checker, TimedOut};
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Related, Severity};
pub use glossary::Glossary;
pub use input::{Document, Format};
pub use lexicon::Dictionary;
pub use settings::{RuleSelection, RuleSet};

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
