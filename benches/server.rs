//! `salin server` under an editor's load: a scripted client opens a
//! generated article of over 5,000 words (with a 1,000-name project
//! glossary) and types: 10,000 edits, one at a time, each a letter typed or
//! deleted somewhere in the article, 30 ms after the previous edit's
//! diagnostics arrived (faster than anyone types). For every edit it times
//! the wait from sending `didChange` to receiving that version's
//! diagnostics, and every 1,000 edits it reads the server's resident memory
//! (`VmRSS`). Then a burst: 1,000 edits sent without waiting, as a paste
//! or a multi-cursor edit sends them, which the server should check once.
//!
//! `cargo bench --bench server` (release build). `SALIN_BENCH_EDITS=N`
//! makes fewer edits. The baseline measured in the same run is a hover
//! request on a clean spot: the round trip through the protocol with no
//! check in it.

#[path = "support/corpus.rs"]
mod corpus;
#[path = "../tests/it/lsp_client.rs"]
mod lsp_client;

use std::time::{Duration, Instant};

use lsp_client::{Client, file_uri};
use serde_json::json;

const WORDS: usize = 5_000;

/// Diagnostics should arrive within this long after an edit.
const BUDGET: Duration = Duration::from_millis(50);

/// The pause between one edit's diagnostics and the next edit: a typist
/// doing 33 keys a second.
const TYPING_GAP: Duration = Duration::from_millis(30);

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing
    // and only wants to know that the bench builds and starts.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let edits: usize = std::env::var("SALIN_BENCH_EDITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);

    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let names = corpus::names(1_000, 0x5a11_2026);
    let glossary: String = names.iter().map(|n| format!("{n}\n")).collect();
    std::fs::write(root.join("names.tsv"), glossary).unwrap();
    std::fs::write(root.join("salin.toml"), "glossaries = [\"names.tsv\"]\n").unwrap();
    let article = article(&names);
    let lines: Vec<&str> = article.lines().collect();
    // Lines with text, where the edits go.
    let prose: Vec<u32> = (0..lines.len() as u32)
        .filter(|&l| lines[l as usize].len() > 20)
        .collect();

    let mut client = Client::start(&root);
    client.initialize(&root, None);
    let uri = file_uri(&root.join("balita.md"));
    let opened = Instant::now();
    client.open(&uri, "markdown", &article, 0);
    let first = client.diagnostics(&uri, Some(0));
    println!(
        "article: {} words, {} bytes, {} lines; first check (glossary loaded): {:.1} ms, {} diagnostics",
        article.split_whitespace().count(),
        article.len(),
        lines.len(),
        ms(opened.elapsed()),
        first.len()
    );

    let pid = client.pid();
    let mut latencies = Vec::with_capacity(edits);
    let mut baseline = Vec::new();
    let mut rss = vec![(0, rss_kb(pid))];
    // Type a letter at the start of a line, then delete it: the text
    // changes on every edit and stays the same size.
    let edit = |i: usize| {
        let line = prose[(i / 2) % prose.len()];
        if i.is_multiple_of(2) {
            ([line, 0, line, 0], "x")
        } else {
            ([line, 0, line, 1], "")
        }
    };
    for i in 0..edits {
        std::thread::sleep(TYPING_GAP);
        let (range, text) = edit(i);
        let version = i as i64 + 1;
        let sent = Instant::now();
        client.change(&uri, version, Some(range), text);
        client.diagnostics(&uri, Some(version));
        latencies.push(sent.elapsed());
        if i.is_multiple_of(50) {
            let sent = Instant::now();
            client.request(
                "textDocument/hover",
                json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
            );
            baseline.push(sent.elapsed());
        }
        if (i + 1).is_multiple_of(1_000) || i + 1 == edits {
            rss.push((i + 1, rss_kb(pid)));
        }
    }
    client.take_backlog();
    let burst = 1_000;
    let mut last = Instant::now();
    for i in edits..edits + burst {
        let (range, text) = edit(i);
        last = Instant::now();
        client.change(&uri, i as i64 + 1, Some(range), text);
    }
    client.diagnostics(&uri, Some((edits + burst) as i64));
    let burst_latency = last.elapsed();
    let checks = 1 + client
        .take_backlog()
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .count();
    let exit = client.shutdown();
    assert!(exit.stray.is_empty(), "stray output: {:?}", exit.stray);

    let slow = latencies.iter().filter(|l| **l > BUDGET).count();
    let (l, b) = (summary(&mut latencies), summary(&mut baseline));
    println!(
        "edit → diagnostics, {edits} edits: median {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        l[0], l[1], l[2], l[3]
    );
    println!("  over {} ms: {slow} of {edits}", BUDGET.as_millis());
    println!(
        "baseline (hover, no check), {} requests: median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        baseline.len(),
        b[0],
        b[1],
        b[3]
    );
    println!(
        "burst of {burst} edits sent at once: {checks} checks; last edit → its diagnostics {:.1} ms",
        ms(burst_latency)
    );
    println!("server memory (VmRSS, kB) after N edits:");
    for (n, kb) in &rss {
        match kb {
            Some(kb) => println!("  {n:>6}  {kb}"),
            None => println!("  {n:>6}  (not available on this system)"),
        }
    }
}

/// Paragraphs of the benchmark corpus until the article has `WORDS` words.
fn article(names: &[String]) -> String {
    let mut rng = corpus::Rng(0x5a11_2026_u64.rotate_left(17) | 1);
    let mut out = String::new();
    let mut number = 0;
    while out.split_whitespace().count() < WORDS {
        out.push_str(&corpus::document(&mut rng, names, number));
        out.push('\n');
        number += 1;
    }
    out
}

/// Median, 95th and 99th percentile and maximum, in milliseconds.
fn summary(samples: &mut [Duration]) -> [f64; 4] {
    samples.sort();
    let at = |q: f64| ms(samples[((samples.len() - 1) as f64 * q).round() as usize]);
    [at(0.5), at(0.95), at(0.99), at(1.0)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
