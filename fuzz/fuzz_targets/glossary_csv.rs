//! `.csv` glossaries: parsing never panics, errors name the file and a
//! line inside it, and a glossary that parses checks text with the pipeline's
//! invariants intact.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::glossary(data, "csv"));
