//! Glossary hot paths: loading and indexing 1k/10k/100k terms, and checking
//! a Markdown corpus with them (exact, case and near-miss matching).
//!
//! `cargo bench --bench glossary`. The corpus and glossary come from the
//! deterministic generator in `support/corpus.rs`.

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use salin::glossary::tsv;
use salin::rules::{GlossaryCase, GlossaryForbidden, GlossaryNearMiss, Rule};
use salin::{Checker, Document, Format, Glossary};

const SEED: u64 = 0x5a11_2026;

fn glossary_tsv(n: usize) -> String {
    corpus::names(n, SEED)
        .iter()
        .map(|n| format!("{n}\n"))
        .collect()
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("glossary_load");
    group.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let text = glossary_tsv(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| Glossary::new(tsv::parse(text, "terms.tsv").unwrap()))
        });
    }
    group.finish();
}

fn check(c: &mut Criterion) {
    let mut group = c.benchmark_group("glossary_check");
    group.sample_size(10);
    let names = corpus::names(100_000, SEED);
    for n in [1_000, 10_000, 100_000] {
        let terms = &names[..n];
        let mut rng = corpus::Rng(SEED ^ 0xabcd);
        let docs: Vec<Document> = (0..200)
            .map(|i| {
                Document::new(
                    format!("{i}.md"),
                    corpus::document(&mut rng, terms, i),
                    Format::Markdown,
                )
            })
            .collect();
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let list: String = terms.iter().map(|n| format!("{n}\n")).collect();
        let glossary_rules: Vec<&'static dyn Rule> =
            vec![&GlossaryCase, &GlossaryForbidden, &GlossaryNearMiss];
        let checker = Checker::with_rules(
            Glossary::new(tsv::parse(&list, "t").unwrap()),
            glossary_rules,
        );
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(BenchmarkId::new("glossary_rules", n), |b| {
            b.iter(|| docs.iter().map(|d| checker.check(d).len()).sum::<usize>())
        });
        let all = Checker::new(Glossary::new(tsv::parse(&list, "t").unwrap()));
        group.bench_function(BenchmarkId::new("all_rules", n), |b| {
            b.iter(|| docs.iter().map(|d| all.check(d).len()).sum::<usize>())
        });
    }
    group.finish();
}

criterion_group!(benches, load, check);
criterion_main!(benches);
