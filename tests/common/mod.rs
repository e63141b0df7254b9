//! Helpers shared by the integration tests of localisation files.

pub mod names;
pub mod oracle;

use salin::Document;

/// The text with every unit's value replaced by `<>`: what must not change.
pub fn skeleton(doc: &Document) -> String {
    let mut out = String::new();
    let mut last = 0;
    for unit in &doc.units {
        let r = unit.range();
        out.push_str(&doc.text[last..r.start]);
        out.push_str("<>");
        last = r.end;
    }
    out.push_str(&doc.text[last..]);
    out
}
