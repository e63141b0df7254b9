//! Markdown files (a source before the first NUL byte, if any): reading, checking
//! and fixing with every rule, the fixed file judged by the format's
//! reference parser (see `common::format`).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::format(data, salin::Format::Markdown);
});
