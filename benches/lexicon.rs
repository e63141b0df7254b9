//! The word-frequency lexicon and the morphology, against the word-set probe
//! the rules already pay for every word.
//!
//! `cargo bench --bench lexicon`. The words are those of the generated
//! Markdown corpus of `support/corpus.rs` (about 50 KB, Filipino with names
//! and English): each benchmark looks up every word once.

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use salin::lexicon::morphology::{Morphology, Spacing};
use salin::lexicon::set::WordTable;
use salin::lexicon::{frequency, frequency_lower, is_function_word};
use std::hint::black_box;

fn words() -> Vec<String> {
    let names = corpus::names(1_000, 7);
    let mut rng = corpus::Rng(11);
    let text: String = (0..10)
        .map(|i| corpus::document(&mut rng, &names, i))
        .collect();
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn benches(c: &mut Criterion) {
    let words = words();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut group = c.benchmark_group("lexicon");
    group.throughput(Throughput::Elements(words.len() as u64));
    // Baselines: a probe of the function-word list (25 words, rejects most
    // words on their length), as rules do for every word; and a probe of a
    // word set as big as the lexicon (its 48,879 words, same packed keys).
    group.bench_function("word_set_probe_function_words", |b| {
        b.iter(|| lower.iter().filter(|w| is_function_word(w)).count())
    });
    let lexicon_words: Vec<&str> = [
        include_str!("../data/wordfreq/fil.txt"),
        include_str!("../data/wordfreq/en.txt"),
    ]
    .iter()
    .flat_map(|f| f.lines())
    .filter(|l| !l.starts_with(['#', '=']))
    .collect();
    let big_set = WordTable::new(lexicon_words.iter().copied());
    group.bench_function("word_set_probe_49k_words", |b| {
        b.iter(|| lower.iter().filter(|w| big_set.contains(w)).count())
    });
    frequency("ang"); // built once, outside the timing
    group.bench_function("frequency_lower_probe", |b| {
        b.iter(|| {
            lower
                .iter()
                .filter(|w| frequency_lower(w).is_known())
                .count()
        })
    });
    group.bench_function("frequency_probe_any_case", |b| {
        b.iter(|| words.iter().filter(|w| frequency(w).is_known()).count())
    });
    let morphology = Morphology::new(None);
    let capitalised: Vec<&String> = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .collect();
    group.throughput(Throughput::Elements(capitalised.len() as u64));
    group.bench_function("word_facts_capitalised", |b| {
        b.iter(|| {
            capitalised
                .iter()
                .filter(|w| morphology.word_facts(w).analysis.is_some())
                .count()
        })
    });
    group.finish();

    let mut once = c.benchmark_group("lexicon_once");
    once.sample_size(10);
    once.bench_function("build_lexicon", |b| {
        b.iter(|| black_box(salin::lexicon::frequency::build_lexicon()))
    });
    let pairs = [
        ("nagda", "download"),
        ("pag", "aaral"),
        ("kawalang", "tatag"),
        ("kapaki", "pakinabang"),
        ("TWM", "Simulan"),
        ("bahay", "ang"),
    ];
    once.bench_function("explain_hyphen_6_pairs", |b| {
        b.iter(|| {
            pairs
                .iter()
                .filter(|(l, r)| morphology.explain_hyphen(l, r, Spacing::Both).is_some())
                .count()
        })
    });
    once.finish();
}

criterion_group!(lexicon, benches);
criterion_main!(lexicon);
