//! Closed word lists the rules rely on. Each list is small, hand-written from
//! the KWF orthography rules, and documented where it is used.

mod compounds;
pub mod dictionary;
mod prefixes;
pub mod set;
mod words;

pub use compounds::is_compound;
pub use dictionary::Dictionary;
pub use prefixes::{Prefix, prefix};
pub use words::{
    is_abbreviation, is_doubled_name, is_english_function_word, is_english_function_word_any_case,
    is_filipino_marker, is_filipino_marker_any_case, is_function_word, is_particle, looks_foreign,
};
