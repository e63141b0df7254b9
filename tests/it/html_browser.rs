//! The HTML report in a real browser: headless Chromium opens the report of
//! `samples/` and the test checks the rendered page (every finding marked
//! once, as many as the JSON report has; filters hide and show them; the
//! keyboard moves between them; contrast, phone width and print), saves
//! screenshots, and opens a report of hostile documents to check that none
//! of their markup ran.
//!
//! Needs Chromium (Debian's `chromium`, or `$SALIN_CHROMIUM`). Without it
//! the tests print a note and pass, unless `SALIN_BROWSER_TEST=required`
//! (as `.ci/run` sets), where they fail.

mod cdp;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::common::salin_check as salin;
use cdp::Browser;
use serde_json::{Value, json};

fn chromium() -> Option<PathBuf> {
    let found = cdp::find_chromium();
    if found.is_none() {
        assert!(
            std::env::var("SALIN_BROWSER_TEST").as_deref() != Ok("required"),
            "SALIN_BROWSER_TEST=required but no Chromium found (install Debian's `chromium`)"
        );
        // Straight to stderr: the test harness would swallow `eprintln!`
        // of a passing test, and this note should be seen.
        let _ = writeln!(
            std::io::stderr(),
            "note: no Chromium found (Debian package `chromium`, or set SALIN_CHROMIUM); \
             browser test skipped"
        );
    }
    found
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Where the reports and screenshots are written.
fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-report");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The HTML report of `paths` written to `out`, and the JSON report's
/// findings.
fn reports(paths: &[&str], out: &Path) -> Vec<Value> {
    let mut args = vec!["--format", "html", "--output-file", out.to_str().unwrap()];
    args.extend(paths);
    let (stdout, html_code) = salin(&args);
    assert_eq!(stdout, "", "the page goes to the file");
    let mut args = vec!["--format", "json"];
    args.extend(paths);
    let (json, json_code) = salin(&args);
    assert_eq!(
        html_code, json_code,
        "the exit code does not depend on the format"
    );
    serde_json::from_str(&json).unwrap()
}

fn count_by(findings: &[Value], field: &str) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for f in findings {
        *counts
            .entry(f[field].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    counts
}

/// Helpers defined in the page for the checks below.
const PROBES: &str = r#"
window.__probe = {
  // Finding heads that show as findings: not filtered (highlight on,
  // badge shown) and laid out (their file not hidden).
  marked() {
    return [...document.querySelectorAll('mark.h')].filter(m => {
      const badge = m.nextElementSibling;
      return m.getClientRects().length > 0
        && getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)'
        && badge && badge.matches('a.b') && getComputedStyle(badge).display !== 'none';
    }).length;
  },
  cards() {
    return [...document.querySelectorAll('.card')].filter(c => c.getClientRects().length > 0).length;
  },
  toggle(selector) { document.querySelector(selector).click(); },
  // WCAG contrast of an element's text colour on its background (the
  // nearest opaque one, white at the top).
  contrast(el) {
    const rgb = s => s.match(/[\d.]+/g).slice(0, 3).map(Number);
    let back = el;
    while (back && getComputedStyle(back).backgroundColor === 'rgba(0, 0, 0, 0)') {
      back = back.parentElement;
    }
    const background = back ? getComputedStyle(back).backgroundColor : 'rgb(255, 255, 255)';
    const lum = c => {
      const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const style = getComputedStyle(el);
    const a = lum(rgb(style.color)), b = lum(rgb(background));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  },
};
true
"#;

fn open(browser: &mut Browser, page: &Path) {
    browser.open(&format!("file://{}", page.display()));
    assert!(
        browser.complaints().is_empty(),
        "the page logged or threw: {:?}",
        browser.complaints()
    );
    browser.eval(PROBES);
}

fn marked(browser: &mut Browser) -> usize {
    browser.eval("__probe.marked()").as_u64().unwrap() as usize
}

fn cards(browser: &mut Browser) -> usize {
    browser.eval("__probe.cards()").as_u64().unwrap() as usize
}

/// Clicks a filter's checkbox.
fn toggle(browser: &mut Browser, selector: &str) {
    let call = format!("__probe.toggle({})", json!(selector));
    browser.eval(&call);
}

#[test]
fn samples_report_in_chromium() {
    let Some(chromium) = chromium() else { return };
    let dir = out_dir();
    let page = dir.join("samples.html");
    let findings = reports(&["samples/"], &page);
    let total = findings.len();
    assert!(total > 50, "the samples have findings of many rules");

    let mut browser = Browser::launch(&chromium, 1280, 900);
    open(&mut browser, &page);

    // Every finding marked once, with its card.
    assert_eq!(
        browser.eval("document.querySelectorAll('mark.h').length"),
        json!(total)
    );
    assert_eq!(marked(&mut browser), total);
    assert_eq!(cards(&mut browser), total);
    assert_eq!(
        browser.eval("document.getElementById('position').textContent"),
        json!(format!("{total} of {total} findings shown"))
    );

    // Screenshots: the top, and a document with its findings.
    std::fs::write(dir.join("samples-top.png"), browser.screenshot()).unwrap();
    browser.eval(
        "document.querySelector('section.file[id=file-5] h2').scrollIntoView(); \
         window.scrollBy(0, -8); true",
    );
    let shot = browser.screenshot();
    browser.eval("window.scrollTo(0, 0); true");
    assert!(shot.starts_with(b"\x89PNG") && shot.len() > 10_000);
    std::fs::write(dir.join("samples.png"), shot).unwrap();
    eprintln!("screenshots in {}", dir.display());

    // Filters hide and show them: a rule, a severity, a file.
    let rules = count_by(&findings, "rule");
    let (rule, n) = rules.iter().max_by_key(|(_, n)| **n).unwrap();
    let rule_box = format!("input[data-filter=rule][value='{rule}']");
    toggle(&mut browser, &rule_box);
    assert_eq!(marked(&mut browser), total - n);
    assert_eq!(cards(&mut browser), total - n);
    toggle(&mut browser, &rule_box);
    assert_eq!(marked(&mut browser), total);

    let warnings = count_by(&findings, "severity")["warning"];
    let warning_box = "input[data-filter=sev][value=warning]";
    toggle(&mut browser, warning_box);
    assert_eq!(marked(&mut browser), total - warnings);
    toggle(&mut browser, warning_box);

    let files = count_by(&findings, "path");
    let in_txt = files["samples/mt-article.txt"];
    let file_box = "input[data-filter=file][aria-label='Show samples/mt-article.txt']";
    toggle(&mut browser, file_box);
    assert_eq!(marked(&mut browser), total - in_txt);
    assert_eq!(cards(&mut browser), total - in_txt);
    // "Show all" undoes every filter.
    toggle(&mut browser, &rule_box);
    assert_eq!(
        marked(&mut browser),
        total - in_txt - n + {
            findings
                .iter()
                .filter(|f| f["rule"] == json!(rule) && f["path"] == "samples/mt-article.txt")
                .count()
        }
    );
    browser.eval("document.getElementById('show-all').click()");
    assert_eq!(marked(&mut browser), total);

    // The keyboard moves between findings, skipping filtered ones.
    browser.key("n");
    assert_eq!(browser.eval("document.activeElement.id"), json!("f1"));
    browser.key("n");
    assert_eq!(browser.eval("document.activeElement.id"), json!("f2"));
    browser.key("p");
    assert_eq!(browser.eval("document.activeElement.id"), json!("f1"));
    assert_eq!(
        browser.eval("document.getElementById('position').textContent"),
        json!(format!("Finding 1 of {total} shown ({total} in all)"))
    );
    toggle(&mut browser, &rule_box);
    for _ in 0..5 {
        let number = "+document.activeElement.dataset.f";
        let before = browser.eval(number).as_u64().unwrap();
        browser.key("j");
        let now = browser.eval(number).as_u64().unwrap();
        assert!(now > before, "{now} does not follow {before}");
        assert_ne!(
            browser.eval("document.activeElement.dataset.rule"),
            json!(rule),
            "a filtered-out finding was selected"
        );
    }
    browser.eval("document.getElementById('show-all').click()");

    // Colours meet WCAG AA (4.5:1) for marked text, badges and cards.
    for sev in ["error", "warning"] {
        for selector in [
            format!("mark.h.sev-{sev}"),
            format!("a.b.sev-{sev}"),
            format!(".card.sev-{sev} .msg"),
        ] {
            let ratio = browser
                .eval(&format!(
                    "__probe.contrast(document.querySelector({}))",
                    json!(selector)
                ))
                .as_f64()
                .unwrap();
            assert!(ratio >= 4.5, "{selector}: contrast {ratio:.2}");
        }
    }

    // A phone: nothing wider than the screen (tables scroll in their box).
    browser.resize(390, 844, true);
    browser.eval("window.scrollTo(0, 0); true");
    assert_eq!(
        browser.eval("document.documentElement.scrollWidth <= 390"),
        json!(true),
        "the page is wider than a phone"
    );
    std::fs::write(dir.join("samples-phone.png"), browser.screenshot()).unwrap();
    browser.resize(1280, 900, false);

    // Print: no toolbar or buttons, every finding and card still there.
    browser.call("Emulation.setEmulatedMedia", json!({"media": "print"}));
    assert_eq!(
        browser.eval("getComputedStyle(document.getElementById('toolbar')).display"),
        json!("none")
    );
    assert_eq!(marked(&mut browser), total);
    assert_eq!(cards(&mut browser), total);
    browser.call("Emulation.setEmulatedMedia", json!({"media": ""}));

    assert!(
        browser.complaints().is_empty(),
        "the page logged or threw: {:?}",
        browser.complaints()
    );

    // A clean file's page works too (no findings, nothing to filter).
    let clean = dir.join("clean.html");
    assert!(reports(&["samples/clean-article.md"], &clean).is_empty());
    open(&mut browser, &clean);
    browser.key("n");
    assert_eq!(
        browser.eval("document.getElementById('position').textContent"),
        json!("0 of 0 findings shown")
    );
    assert!(
        browser.complaints().is_empty(),
        "{:?}",
        browser.complaints()
    );
}

#[test]
fn hostile_documents_run_no_script() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::TempDir::new().unwrap();
    let fixtures = root().join("tests/fixtures/report");
    for name in ["hostile.md", "hostile.yml"] {
        std::fs::copy(fixtures.join(name), dir.path().join(name)).unwrap();
    }
    // Markup in a file name, too.
    let named = "<img src=x onerror=window.pwned=1>.md";
    std::fs::write(dir.path().join(named), "Ang pag -unlad.\n").unwrap();
    let page = out_dir().join("hostile.html");
    let paths: Vec<String> = ["hostile.md", "hostile.yml", named]
        .iter()
        .map(|n| dir.path().join(n).display().to_string())
        .collect();
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let findings = reports(&paths, &page);

    let mut browser = Browser::launch(&chromium, 1280, 900);
    open(&mut browser, &page);
    // Visit every finding, as an editor would.
    for _ in 0..findings.len() {
        browser.key("n");
    }
    assert_eq!(marked(&mut browser), findings.len());
    assert_eq!(browser.eval("typeof window.pwned"), json!("undefined"));
    assert_eq!(browser.eval("document.scripts.length"), json!(1));
    assert_eq!(
        browser.eval(
            "document.querySelectorAll('body img, body iframe, body svg, body textarea, body style, [onerror], [onload], [onmouseover]').length"
        ),
        json!(0)
    );
    assert_eq!(
        browser.eval("getComputedStyle(document.body).display"),
        json!("block")
    );
    // Markup that had become elements would be missing from the text.
    let text = browser.eval("document.querySelector('main').textContent");
    let text = text.as_str().unwrap();
    for shown in [
        "<script>window.pwned = 'inline'</script>",
        "</textarea><script>window.pwned = 'value'</script>",
        named,
    ] {
        assert!(text.contains(shown), "{shown:?} is not shown as text");
    }
    assert!(
        browser.complaints().is_empty(),
        "the page logged, threw or opened a dialog (a blocked script is logged): {:?}",
        browser.complaints()
    );
}
