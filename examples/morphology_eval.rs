//! How the lexicon and the morphology would judge the candidates of three
//! rules, before any rule uses them: spaced hyphens (`hyphen-spacing`),
//! capitals in mid-sentence (`mid-sentence-capital`) and glossary-like words
//! (`glossary-case`, `glossary-near-miss`).
//!
//! ```sh
//! cargo run --release --example morphology_eval            # ../shared/corpus
//! cargo run --release --example morphology_eval -- --all   # list every candidate
//! ```
//!
//! On the dev corpus of machine translation (`../shared/corpus/real-mt-dev`)
//! every candidate is matched with the annotations (`gold.jsonl`,
//! `negatives.jsonl`) and the gold items of the three categories are listed
//! with the model's verdict. On the human texts of `../shared/corpus` it
//! counts the candidates the model would flag per 1,000 words: each one is a
//! false positive, since those texts were written by people. Nothing is
//! read when `../shared` is absent; the project never depends on it.

#[path = "morphology_eval/candidates.rs"]
mod candidates;
#[path = "support/rates.rs"]
mod rates;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use candidates::{Candidate, Class, Context, Verdict};
use rates::per_k;
use salin::lexicon::morphology::Morphology;
use salin::{Document, Format, Glossary};
use serde_json::Value;

fn main() {
    let show_all = std::env::args().any(|a| a == "--all");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("note: ../shared/corpus not found; nothing to evaluate");
        return;
    }
    let morphology = Morphology::new(None);
    let mut names: Vec<String> = Glossary::embedded()
        .terms()
        .iter()
        .flat_map(|t| t.forms().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let dev = corpus.join("real-mt-dev");
    if let Ok(terms) = salin::glossary::load(&dev.join("glossary.tsv")) {
        names.extend(
            terms
                .iter()
                .flat_map(|t| t.forms().map(str::to_string).collect::<Vec<_>>()),
        );
    }
    let ctx = Context::new(&morphology, &names);

    if dev.is_dir() {
        dev_corpus(&ctx, &dev, show_all);
    }
    human_corpus(&ctx, &corpus, show_all);
}

/// One annotation of the dev corpus.
struct Item {
    id: String,
    path: String,
    line: usize,
    column: usize,
    text: String,
    category: String,
}

fn read_items(path: &Path) -> Vec<Item> {
    let Ok(text) = fs::read_to_string(path) else {
        return Vec::new();
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("a JSON line");
            let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
            let n = |k: &str| v[k].as_u64().unwrap_or(0) as usize;
            Item {
                id: s("id"),
                path: s("path"),
                line: n("line"),
                column: n("column"),
                text: s("text"),
                category: s("category"),
            }
        })
        .collect()
}

impl Item {
    fn overlaps(&self, path: &str, c: &Candidate) -> bool {
        let len = self.text.chars().count().max(1);
        self.path == path
            && self.line == c.line
            && c.column < self.column + len
            && self.column < c.column + c.text.chars().count()
    }
}

const CATEGORY: [(Class, &str); 3] = [
    (Class::Hyphen, "hyphen-spacing"),
    (Class::Capital, "capitalization"),
    (Class::Glossary, "glossary"),
];

fn dev_corpus(ctx: &Context<'_>, dev: &Path, show_all: bool) {
    let gold = read_items(&dev.join("gold.jsonl"));
    let negatives = read_items(&dev.join("negatives.jsonl"));
    let mut found: Vec<(String, Candidate)> = Vec::new();
    let mut dirs: Vec<PathBuf> = fs::read_dir(dev)
        .expect("readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('_'))
        .collect();
    dirs.sort();
    for dir in dirs {
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .expect("readable")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("tl."))
            .collect();
        files.sort();
        for file in files {
            let rel = format!(
                "{}/{}",
                dir.file_name().unwrap().to_string_lossy(),
                file.file_name().unwrap().to_string_lossy()
            );
            let text = fs::read_to_string(&file).expect("UTF-8");
            let format = Format::from_path(&file).unwrap_or(Format::Plain);
            let mut doc = Document::new(rel.clone(), text, format);
            let ext = file.extension().unwrap().to_string_lossy().into_owned();
            let en = dir.join(format!("en.{ext}"));
            if let Ok(source) = fs::read_to_string(&en) {
                let source = Document::new(en.display().to_string(), source, format);
                doc = doc.with_source(std::sync::Arc::new(source));
            }
            for c in ctx.candidates(&doc) {
                found.push((rel.clone(), c));
            }
        }
    }
    println!("# Dev corpus of machine translation (real-mt-dev)\n");
    for (class, category) in CATEGORY {
        let items: Vec<&Item> = gold.iter().filter(|g| g.category == category).collect();
        let mut explained = 0;
        println!("## {category}: {} gold items\n", items.len());
        for g in &items {
            let hits: Vec<&Candidate> = found
                .iter()
                .filter(|(p, c)| c.class == class && g.overlaps(p, c))
                .map(|(_, c)| c)
                .collect();
            let best = hits.iter().max_by_key(|c| c.verdict);
            let verdict = best.map_or(Verdict::NoCandidate, |c| c.verdict);
            explained += usize::from(verdict.flags());
            let detail = best.map_or(String::new(), |c| c.detail.clone());
            println!(
                "  {:<6} {:<22} {:<14} {detail}",
                g.id,
                clip(&g.text, 22),
                verdict.label()
            );
        }
        println!("  → flagged {explained} of {}\n", items.len());
        let mut lookalikes = 0;
        let mut listed = Vec::new();
        for (p, c) in found.iter().filter(|(_, c)| c.class == class) {
            if gold.iter().any(|g| g.overlaps(p, c)) {
                continue;
            }
            let negative = negatives.iter().find(|n| n.overlaps(p, c));
            if c.verdict.flags() {
                lookalikes += 1;
            }
            if c.verdict.flags() || show_all {
                listed.push(format!(
                    "  {:<14} {p}:{}:{} {:?} {}{}",
                    c.verdict.label(),
                    c.line,
                    c.column,
                    c.text,
                    c.detail,
                    negative.map_or(String::new(), |n| format!("  [negative {}]", n.id))
                ));
            }
        }
        println!("  candidates outside gold flagged: {lookalikes}");
        for l in listed {
            println!("{l}");
        }
        println!();
    }
}

fn human_corpus(ctx: &Context<'_>, corpus: &Path, show_all: bool) {
    println!("# Human text (../shared/corpus, not real-mt-dev): flagged per 1,000 words\n");
    let mut files: Vec<PathBuf> = fs::read_dir(corpus)
        .expect("readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| !p.ends_with("stopwords-tl.txt"))
        .collect();
    files.sort();
    let mut listing = String::new();
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    let mut total_words = 0;
    println!(
        "  {:<36} {:>7} {:>16} {:>16} {:>16}",
        "file", "words", "hyphen", "capital", "glossary"
    );
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(&file).expect("UTF-8");
        let words = text.split_whitespace().count();
        total_words += words;
        // One sentence or string a line: each line its own paragraph.
        let doc = Document::new(name.clone(), text.replace('\n', "\n\n"), Format::Plain);
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for mut c in ctx.candidates(&doc) {
            c.line = c.line / 2 + 1;
            if c.verdict.flags() || show_all {
                listing.push_str(&format!(
                    "  {:<14} {name}:{} {:?} {}\n",
                    c.verdict.label(),
                    c.line,
                    c.text,
                    c.detail
                ));
            }
            if c.verdict.flags() {
                *counts.entry(c.class.name()).or_default() += 1;
                *totals.entry(c.class.name()).or_default() += 1;
            }
        }
        let cell = |k: &str| {
            let n = counts.get(k).copied().unwrap_or(0);
            format!("{:.3} ({n})", per_k(n, words))
        };
        println!(
            "  {name:<36} {words:>7} {:>16} {:>16} {:>16}",
            cell("hyphen"),
            cell("capital"),
            cell("glossary")
        );
    }
    let cell = |k: &str| {
        let n = totals.get(k).copied().unwrap_or(0);
        format!("{:.3} ({n})", per_k(n, total_words))
    };
    println!(
        "  {:<36} {total_words:>7} {:>16} {:>16} {:>16}\n",
        "ALL",
        cell("hyphen"),
        cell("capital"),
        cell("glossary")
    );
    println!("{listing}");
}

fn clip(s: &str, n: usize) -> String {
    let one_line = s.replace('\n', "⏎");
    if one_line.chars().count() <= n {
        one_line
    } else {
        one_line.chars().take(n - 1).collect::<String>() + "…"
    }
}
