//! The check-and-fix pipeline on plain text, asserting its invariants.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The CLI refuses text that is not UTF-8 before checking.
    if let Ok(text) = std::str::from_utf8(data) {
        common::check_invariants(common::checker(), text, salin::Format::Plain);
    }
});
