//! Closed word lists the rules rely on. Each list is small, hand-written from
//! the KWF orthography rules, and documented where it is used.

mod compounds;
pub mod dictionary;
mod numbers;
mod prefixes;
pub mod set;
mod words;

pub use compounds::is_compound;
pub use dictionary::Dictionary;
pub use numbers::{is_clock_word, is_spelled_cardinal, ordinal};
pub use prefixes::{Prefix, prefix};
pub use words::{
    FunctionWord, WordClass, function_word_language, is_abbreviation, is_doubled_name,
    is_english_function_word, is_filipino_marker, is_function_word, is_particle, looks_foreign,
};
