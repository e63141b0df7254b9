//! Hot paths of one document: tokenising, Markdown segmentation, each rule
//! alone, fix application and report rendering.
//!
//! `cargo bench --bench hot_paths`. The input is a generated Markdown
//! document (`support/corpus.rs`) of about 50 KB with the embedded glossary.

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use salin::fix::fix_document;
use salin::input::segments;
use salin::report::{FileReport, TextOptions, json_diagnostics, render_text};
use salin::text::tokenize;
use salin::{Applicability, Checker, Document, Format, Glossary};

fn input() -> String {
    let names = corpus::names(1_000, 7);
    let mut rng = corpus::Rng(11);
    (0..10)
        .map(|i| corpus::document(&mut rng, &names, i))
        .collect()
}

fn benches(c: &mut Criterion) {
    let text = input();
    let mut group = c.benchmark_group("hot_paths");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("segments_markdown", |b| {
        b.iter(|| segments(&text, Format::Markdown).len())
    });
    let doc = Document::new("bench.md", text.clone(), Format::Markdown);
    group.bench_function("tokenize", |b| {
        let mut tokens = Vec::new();
        b.iter(|| {
            let mut n = 0;
            for s in &doc.segments {
                tokens.clear();
                tokenize(&doc.text, s.range.clone(), &mut tokens);
                n += tokens.len();
            }
            n
        })
    });
    for rule in salin::rules::ALL {
        let checker = Checker::with_rules(Glossary::embedded(), vec![*rule]);
        group.bench_function(format!("rule/{}", rule.meta().name), |b| {
            b.iter(|| checker.check(&doc).len())
        });
    }
    let checker = Checker::new(Glossary::embedded());
    group.bench_function("check_all_default_rules", |b| {
        b.iter(|| checker.check(&doc).len())
    });
    group.bench_function("fix_document", |b| {
        b.iter(|| fix_document(&checker, &doc, Applicability::Safe).applied)
    });
    let diagnostics = checker.check(&doc);
    let file = FileReport {
        path: "bench.md",
        source: &doc.text,
        diagnostics: &diagnostics,
    };
    group.bench_function("render_text", |b| {
        b.iter(|| render_text(&file, TextOptions::default()).len())
    });
    group.bench_function("render_json", |b| {
        b.iter(|| {
            serde_json::to_string(&json_diagnostics(&file))
                .unwrap()
                .len()
        })
    });
    group.finish();
}

criterion_group!(hot, benches);
criterion_main!(hot);
