//! Writes a synthetic glossary and Markdown corpus for benchmarks:
//! `cargo run --release --example generate -- [--dense] OUT_DIR [TERMS] [MEGABYTES] [SEED]`.
//!
//! Produces `OUT_DIR/terms.tsv` (the glossary), `OUT_DIR/terms.txt` (the same
//! names one per line, for `rg -F -f`) and `OUT_DIR/corpus/NNNNN.md` (about
//! 5 KB each). The same seed gives the same files on every machine.
//!
//! Two corpora:
//! - the default, *mixed*: Filipino news sentences, some naming a glossary
//!   name (one word, or a word and a suffix), correctly or mangled (wrong
//!   case, one letter changed), some carrying other error classes;
//! - `--dense`, *name-dense*: company names of two to four words, most
//!   ending in a suffix (`Holdings`, `Technology Co., Ltd.`, `Medical
//!   Center`); 30% of the sentences open with a name and 5% carry a name
//!   with one letter deleted.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::fs;
use std::path::Path;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let dense = args.iter().any(|a| a == "--dense");
    args.retain(|a| a != "--dense");
    let out = Path::new(args.first().map_or("target/bench-corpus", String::as_str));
    let terms: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(50_000);
    let megabytes: f64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(10.0);
    let seed: u64 = args
        .get(3)
        .and_then(|a| a.parse().ok())
        .unwrap_or(0x5a11_2026);

    fs::create_dir_all(out.join("corpus")).expect("create output directory");
    let names = if dense {
        corpus::company_names(terms, seed)
    } else {
        corpus::names(terms, seed)
    };
    let list: String = names.iter().map(|n| format!("{n}\n")).collect();
    fs::write(out.join("terms.tsv"), &list).expect("write terms.tsv");
    fs::write(out.join("terms.txt"), &list).expect("write terms.txt");

    let mut rng = corpus::Rng(seed.rotate_left(17) | 1);
    let target = (megabytes * 1_000_000.0) as usize;
    let (mut written, mut file_no) = (0, 0);
    while written < target {
        let doc = if dense {
            corpus::dense_document(&mut rng, &names, file_no)
        } else {
            corpus::document(&mut rng, &names, file_no)
        };
        fs::write(out.join(format!("corpus/{file_no:05}.md")), &doc).expect("write corpus file");
        written += doc.len();
        file_no += 1;
    }
    eprintln!(
        "wrote {} terms and {file_no} files ({:.1} MB, {}) to {}",
        names.len(),
        written as f64 / 1e6,
        if dense { "name-dense" } else { "mixed" },
        out.display()
    );
}
