//! Baseline files (JSON read by `--baseline`): parsing never panics, and a
//! baseline that parses filters findings and writes itself back.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use salin::baseline::Baseline;
use salin::{Document, Format};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(baseline) = Baseline::from_json(text) {
        let doc = Document::new("fuzz.txt", common::SAMPLE, Format::Plain);
        let found = common::checker().check(&doc);
        let kept = baseline.filter("fuzz.txt", common::SAMPLE, found.clone());
        assert!(kept.len() <= found.len());
        let again = Baseline::from_json(&baseline.to_json()).expect("a written baseline reads back");
        assert_eq!(again.to_json(), baseline.to_json());
    }
});
