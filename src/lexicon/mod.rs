//! What salin knows about words: closed word lists hand-written from the KWF
//! orthography rules (each documented where it is used), the embedded
//! word-frequency lexicon of Filipino and English ([`frequency`]), the
//! Tagalog morphology ([`morphology`]) and the optional system dictionary.

mod compounds;
pub mod dictionary;
pub mod frequency;
pub mod morphology;
mod numbers;
pub mod set;
mod words;

pub use compounds::is_compound;
pub use dictionary::Dictionary;
pub use frequency::{
    Englishness, Frequency, englishness, frequency, frequency_lower, is_known_word,
};
pub use numbers::{is_clock_word, is_spelled_cardinal, ordinal};
pub use words::{
    FunctionWord, WordClass, function_word_language, is_abbreviation, is_doubled_name,
    is_english_function_word, is_filipino_marker, is_function_word, is_particle, looks_foreign,
};
