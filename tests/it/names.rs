//! Glossary names whose canonical forms need escaping in every format
//! (`"` in JSON, PO and double-quoted YAML, `'` in single-quoted YAML, `&`
//! in XML, `\` everywhere), each with a wrong form that machine translation
//! writes, so that their fixes must be encoded. Shared by the format-safety
//! tests and the fuzz targets (included by path).
#![allow(dead_code)]

use std::path::Path;

use salin::{Checker, Glossary};

pub const HOSTILE_GLOSSARY: &str = r#"
[[term]]
canonical = 'Toys"R"Us'
forbidden = ["Toys R Us"]
kind = "organization"

[[term]]
canonical = "AT&T"
forbidden = ["AT and T"]
kind = "organization"

[[term]]
canonical = "Ben & Jerry's"
forbidden = ["Ben and Jerrys"]
kind = "organization"

[[term]]
canonical = 'Back\Slash'
forbidden = ["Back Slash"]
kind = "organization"
"#;

/// Every rule, the embedded glossary with the hostile names, no dictionary.
pub fn checker_with_every_rule() -> Checker {
    let mut terms = Glossary::embedded().terms().to_vec();
    let path = Path::new("names.toml");
    terms.extend(salin::glossary::parse(HOSTILE_GLOSSARY, "names.toml", path).unwrap());
    Checker::with_rules(Glossary::new(terms), salin::rules::ALL.to_vec()).with_dictionary(None)
}
