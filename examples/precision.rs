//! Precision benchmark: runs every rule (including the off-by-default ones)
//! over human-written Filipino and prints findings per 1,000 words per rule,
//! then every finding with its context, so a person can classify each one.
//!
//! ```sh
//! cargo run --release --example precision                  # ../shared/corpus (if present) + tests/clean
//! cargo run --release --example precision -- FILE_OR_DIR   # other texts
//! cargo run --release --example precision -- --dictionary /usr/share/hunspell/tl.dic
//! cargo run --release --example precision -- --summary    # the table only
//! cargo run --release --example precision -- --glossary names.tsv   # a glossary after the embedded one
//! cargo run --release --example precision -- --synthetic 100000     # 100,000 invented names (examples/generate.rs)
//! cargo run --release --example precision -- --synthetic 100000 --dense  # company names of 2-4 words
//! ```
//!
//! A large glossary of invented names measures what the glossary rules do
//! with a real localisation team's glossary: ordinary words sit one or two
//! letters from some name in any large glossary.
//!
//! Corpus files (`.txt`) hold one sentence or string per line, so each line
//! is checked as its own paragraph; `.md` files are read as Markdown.
//! Machine-translated corpora are not human text and are never read: a
//! directory holding annotations (`gold.jsonl`), such as
//! `../shared/corpus/real-mt-dev/`, is skipped (score it with its
//! `score.py`).
//! Not a unit test: the shared corpus is not part of the repository. The
//! classification of the hits lives in `tests/precision/README.md`.

#[path = "support/rates.rs"]
mod rates;

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use rates::per_k;
use salin::lexicon::Dictionary;
use salin::rules::ALL;
use salin::{Checker, Document, Format, Glossary};

fn main() {
    let mut paths = Vec::new();
    let mut dictionary = None;
    let mut summary_only = false;
    let mut terms = Glossary::embedded().terms().to_vec();
    let (mut synthetic, mut dense) = (0, false);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dictionary" => {
                let p = args.next().expect("--dictionary PATH");
                dictionary = Some(Dictionary::load(Path::new(&p)).expect("dictionary"));
            }
            "--glossary" => {
                let p = args.next().expect("--glossary PATH");
                terms.extend(salin::glossary::load(Path::new(&p)).expect("glossary"));
            }
            "--synthetic" => {
                let n = args.next().expect("--synthetic NAMES");
                synthetic = n.parse().expect("a number of names");
            }
            "--dense" => dense = true,
            "--summary" => summary_only = true,
            _ => paths.push(PathBuf::from(a)),
        }
    }
    if synthetic > 0 {
        let names = if dense {
            corpus::company_names(synthetic, 0x5a11_2026)
        } else {
            corpus::names(synthetic, 0x5a11_2026)
        };
        let list: String = names.iter().map(|n| format!("{n}\n")).collect();
        terms.extend(salin::glossary::tsv::parse(&list, "synthetic.tsv").expect("names"));
        println!("glossary: embedded + {synthetic} invented names");
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if paths.is_empty() {
        let shared = root.join("../shared/corpus");
        if shared.is_dir() {
            paths.push(shared);
        } else {
            eprintln!("note: ../shared/corpus not found; checking tests/clean only");
        }
        paths.push(root.join("tests/clean"));
        paths.push(root.join("samples/clean-article.txt"));
        paths.push(root.join("samples/clean-article.md"));
    }
    let mut files = Vec::new();
    for p in &paths {
        collect(p, &mut files);
    }

    let checker =
        Checker::with_rules(Glossary::new(terms), ALL.to_vec()).with_dictionary(dictionary);
    if let Some(d) = checker.dictionary() {
        println!("dictionary: {} ({} forms)", d.source(), d.len());
    } else {
        println!("dictionary: none");
    }

    let mut hits_out = String::new();
    let mut table: Vec<(String, usize, BTreeMap<&str, usize>)> = Vec::new();
    for file in &files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name == "stopwords-tl.txt" || name == "SOURCES.md" {
            continue;
        }
        let text = fs::read_to_string(file).expect("readable UTF-8 file");
        let words = text.split_whitespace().count();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        let markdown = Format::from_path(file) == Some(Format::Markdown);
        // One sentence per line: blank lines make each line a paragraph.
        let body = if markdown {
            text.clone()
        } else {
            text.replace('\n', "\n\n")
        };
        let format = if markdown {
            Format::Markdown
        } else {
            Format::Plain
        };
        let doc = Document::new(name.clone(), body, format);
        for d in checker.check(&doc) {
            *counts.entry(d.rule).or_default() += 1;
            let line_no = doc.text[..d.span.start].matches('\n').count();
            let line_no = if markdown {
                line_no + 1
            } else {
                line_no / 2 + 1
            };
            let line_start = doc.text[..d.span.start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = doc.text[d.span.end..]
                .find('\n')
                .map_or(doc.text.len(), |i| d.span.end + i);
            let before = tail_chars(&doc.text[line_start..d.span.start], 40);
            let after = head_chars(&doc.text[d.span.end..line_end], 40);
            hits_out.push_str(&format!(
                "{name}:{line_no}: {} [{}] …{before}⟦{}⟧{after}… → {}\n",
                d.rule,
                d.severity,
                &doc.text[d.span.clone()],
                d.suggestion.as_deref().unwrap_or("-"),
            ));
        }
        table.push((name, words, counts));
    }

    println!();
    println!("findings per 1,000 words (count in parentheses)");
    let names: Vec<&str> = ALL.iter().map(|r| r.meta().name).collect();
    // Every file together, as one more row.
    let mut all_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, _, counts) in &table {
        for (rule, n) in counts {
            *all_counts.entry(rule).or_default() += n;
        }
    }
    let all_words = table.iter().map(|(_, w, _)| w).sum();
    table.push(("ALL FILES".to_string(), all_words, all_counts));
    for (file, words, counts) in &table {
        println!("\n{file} ({words} words)");
        let mut default_on = 0;
        for name in &names {
            let n = counts.get(name).copied().unwrap_or(0);
            let on = salin::rules::by_name(name).is_some_and(|r| r.meta().default_enabled);
            if on {
                default_on += n;
            }
            if n > 0 {
                println!(
                    "  {name:<22} {:>7.3} ({n}){}",
                    per_k(n, *words),
                    if on { "" } else { "  [off by default]" }
                );
            }
        }
        println!(
            "  {:<22} {:>7.3} ({default_on})",
            "ALL DEFAULT-ON",
            per_k(default_on, *words)
        );
    }
    if !summary_only {
        println!("\nevery finding:\n{hits_out}");
    }
}

/// A directory of annotated machine translation (`real-mt-dev/` with its
/// `gold.jsonl`): not human text.
fn is_machine_translation(dir: &Path) -> bool {
    dir.join("gold.jsonl").is_file() || dir.ends_with("real-mt-dev")
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() && is_machine_translation(path) {
        eprintln!(
            "note: {} is machine translation, not human text: skipped",
            path.display()
        );
        return;
    }
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = fs::read_dir(path)
            .expect("readable directory")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for e in entries {
            if e.is_dir() || Format::from_path(&e).is_some() {
                collect(&e, out);
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
}

fn tail_chars(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    match s.char_indices().nth(count.saturating_sub(n)) {
        Some((i, _)) if count > n => &s[i..],
        _ => s,
    }
}

fn head_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}
