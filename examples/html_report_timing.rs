//! How big the HTML report of a 1 MB article is, how long salin takes to
//! write it and Chromium to open it, and how smoothly it scrolls; against
//! the report of `samples/mt-article.md` measured in the same run.
//!
//! `cargo run --release --example html_report_timing [-- MEGABYTES]`
//! (needs Chromium: Debian's `chromium`, or `$SALIN_CHROMIUM`). The pages
//! are left in `target/html-report-timing/`.
//!
//! The article is the benchmark corpus's Markdown (`benches/support`)
//! joined into one file: headings, paragraphs of four sentences, code
//! blocks, and the corpus's planted errors. Chromium is driven over the
//! DevTools protocol: the load is timed by the page's own navigation
//! timing, scrolling by the intervals between animation frames while the
//! page scrolls by most of a screen every frame, and a jump to a far
//! finding (what the `n` key does) by the time to the next frame.

#[path = "../tests/it/html_browser/cdp.rs"]
mod cdp;
#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::Path;
use std::time::Instant;

use salin::report::{HtmlOptions, HtmlReport};
use salin::{Checker, Document, Format, Glossary};
use serde_json::Value;

fn main() {
    let megabytes: f64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1.0);
    let chromium = cdp::find_chromium().expect("no Chromium: install Debian's `chromium`");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/html-report-timing");
    std::fs::create_dir_all(&dir).unwrap();

    let names = corpus::names(2_000, 7);
    let mut rng = corpus::Rng(0x5a11_2026);
    let mut article = String::new();
    let mut number = 0;
    while (article.len() as f64) < megabytes * 1_000_000.0 {
        article.push_str(&corpus::document(&mut rng, &names, number));
        number += 1;
    }
    let sample = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/mt-article.md"),
    )
    .unwrap();

    println!(
        "| report | input | findings | page | salin writes it | DOMContentLoaded | load | first frame after load | scroll frames: median / p95 / max (long > 50 ms) | jump to last finding |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for (name, text) in [("samples/mt-article.md", sample), ("1 MB article", article)] {
        let started = Instant::now();
        let (page, findings) = report(&text);
        let render = started.elapsed().as_secs_f64() * 1000.0;
        let path = dir.join(format!("{}.html", name.replace(['/', ' '], "-")));
        std::fs::write(&path, &page).unwrap();
        let m = measure(&chromium, &path);
        println!(
            "| {name} | {:.0} KB | {findings} | {:.0} KB | {render:.0} ms | {:.0} ms | {:.0} ms | {:.0} ms | {:.1} / {:.1} / {:.1} ms ({}) | {:.0} ms |",
            text.len() as f64 / 1000.0,
            page.len() as f64 / 1000.0,
            m["dcl"].as_f64().unwrap(),
            m["load"].as_f64().unwrap(),
            m["settled"].as_f64().unwrap(),
            m["median"].as_f64().unwrap(),
            m["p95"].as_f64().unwrap(),
            m["max"].as_f64().unwrap(),
            m["long"],
            m["jump"].as_f64().unwrap(),
        );
    }
}

/// The page for one Markdown document, and its number of findings.
fn report(text: &str) -> (String, usize) {
    let checker = Checker::new(Glossary::embedded());
    let doc = Document::new("article.md", text, Format::Markdown);
    let mut report = HtmlReport::new(HtmlOptions::default());
    let findings = report.check_and_add(&checker, &doc);
    (report.finish(), findings)
}

/// Scrolls by most of a screen each animation frame to the bottom (at most
/// 600 frames), then jumps to the last finding.
const SCROLL: &str = r#"
new Promise(done => {
  const nav = performance.getEntriesByType('navigation')[0];
  const times = [];
  const step = innerHeight * 0.9;
  let frames = 0;
  function frame(t) {
    times.push(t);
    frames += 1;
    const end = document.documentElement.scrollHeight - innerHeight;
    if (scrollY >= end || frames > 600) { return finish(); }
    scrollTo(0, scrollY + step);
    requestAnimationFrame(frame);
  }
  function finish() {
    const gaps = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
    const at = q => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];
    scrollTo(0, 0);
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const heads = document.querySelectorAll('mark.h');
      const start = performance.now();
      heads[heads.length - 1].scrollIntoView({block: 'center'});
      requestAnimationFrame(() => {
        done({
          dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, settled: window.__settled,
          median: at(0.5), p95: at(0.95), max: gaps[gaps.length - 1],
          long: gaps.filter(g => g > 50).length, frames: gaps.length,
          jump: performance.now() - start,
        });
      });
    }));
  }
  requestAnimationFrame(frame);
})
"#;

fn measure(chromium: &Path, page: &Path) -> Value {
    let mut browser = cdp::Browser::launch(chromium, 1280, 900);
    browser.open(&format!("file://{}", page.display()));
    // The first frame after load: the page laid out and painted.
    browser.eval(
        "new Promise(r => requestAnimationFrame(() => setTimeout(() => \
         { window.__settled = performance.now(); r(true); })))",
    );
    browser.eval(SCROLL)
}
