//! The `html` report: snapshots of the page for the samples (style sheet and
//! script left out, they are the same for every page), its markup checked
//! against hostile documents, and the command line around it.

use std::path::Path;
use std::sync::Arc;

use salin::report::{HtmlOptions, HtmlReport};
use salin::{Checker, Document, Format, Glossary};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(path: &str) -> Document {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let format = Format::from_path(Path::new(path)).unwrap();
    Document::new(path, text, format)
}

/// The page for `paths`, each paired with its source when one is given.
fn page(paths: &[(&str, Option<&str>)]) -> String {
    let checker = Checker::new(Glossary::embedded());
    let mut report = HtmlReport::new(HtmlOptions::default());
    for (path, source) in paths {
        let mut doc = load(path);
        if let Some(source) = source {
            doc = doc.with_source(Arc::new(load(source)));
        }
        report.check_and_add(&checker, &doc);
    }
    report.finish()
}

/// Snapshots leave out the assets, their hashes and the version.
macro_rules! assert_page {
    ($name:expr, $page:expr) => {
        insta::with_settings!({filters => vec![
            (r"(?s)<style>.*?</style>", "<style>[report.css]</style>"),
            (r"(?s)<script>.*?</script>", "<script>[report.js]</script>"),
            (r"sha256-[A-Za-z0-9+/=]+", "sha256-[hash]"),
            (r"salin \d+\.\d+\.\d+", "salin [version]"),
        ]}, {
            insta::assert_snapshot!($name, $page);
        });
    };
}

#[test]
fn markdown_article() {
    assert_page!(
        "html_mt_article_md",
        page(&[("samples/mt-article.md", None)])
    );
}

#[test]
fn plain_text_article() {
    assert_page!(
        "html_mt_article_txt",
        page(&[("samples/mt-article.txt", None)])
    );
}

#[test]
fn localisation_file_with_its_source() {
    assert_page!(
        "html_l10n_yaml",
        page(&[("samples/l10n/tl.yml", Some("samples/l10n/en.yml"))])
    );
}

#[test]
fn article_beside_its_source() {
    assert_page!(
        "html_paired_article",
        page(&[(
            "tests/fixtures/report/article.tl.md",
            Some("tests/fixtures/report/article.en.md")
        )])
    );
}

#[test]
fn hostile_documents() {
    let html = page(&[
        ("tests/fixtures/report/hostile.md", None),
        ("tests/fixtures/report/hostile.yml", None),
    ]);
    assert_page!("html_hostile", html);
}

/// Every tag in the page is one the report writes, with attributes it
/// writes: a document's markup never becomes markup of the page.
#[test]
fn hostile_markup_stays_text() {
    let html = page(&[
        ("tests/fixtures/report/hostile.md", None),
        ("tests/fixtures/report/hostile.yml", None),
        ("samples/mt-article.md", None),
        ("samples/l10n/tl.yml", Some("samples/l10n/en.yml")),
    ]);
    let elements = [
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "a",
        "header",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "nav",
        "button",
        "kbd",
        "span",
        "main",
        "section",
        "fieldset",
        "legend",
        "label",
        "input",
        "div",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "code",
        "details",
        "summary",
        "pre",
        "mark",
        "del",
        "ins",
        "article",
        "ul",
        "ol",
        "li",
        "em",
        "strong",
        "s",
        "blockquote",
        "hr",
        "br",
        "sup",
        "sub",
        "footer",
        "script",
        "dl",
        "dt",
        "dd",
    ];
    let attributes = [
        "lang",
        "class",
        "charset",
        "name",
        "content",
        "http-equiv",
        "href",
        "id",
        "aria-label",
        "aria-labelledby",
        "aria-live",
        "aria-hidden",
        "aria-keyshortcuts",
        "role",
        "type",
        "data-filter",
        "value",
        "checked",
        "scope",
        "data-file",
        "data-f",
        "data-rule",
        "data-sev",
        "tabindex",
        "start",
        "title",
        "rel",
    ];
    let tag = regex::Regex::new(r"<(/?)([^\s>/]+)([^>]*)>").unwrap();
    let attribute = regex::Regex::new(r#"\s([^\s=]+)(="[^"]*")?"#).unwrap();
    for c in tag.captures_iter(&html) {
        let name = &c[2];
        if name == "!DOCTYPE" {
            continue;
        }
        assert!(elements.contains(&name), "element <{name}> in {}", &c[0]);
        for a in attribute.captures_iter(&c[3]) {
            assert!(
                attributes.contains(&&a[1]),
                "attribute {} in {}",
                &a[1],
                &c[0]
            );
        }
        if let Some(href) = c[3].split("href=\"").nth(1) {
            assert!(
                href.starts_with('#') || href.starts_with("https:") || href.starts_with("http:"),
                "link {href}"
            );
        }
    }
    // The only script is the page's, and it is last.
    assert_eq!(html.matches("<script").count(), 1);
    assert_eq!(html.matches("</script").count(), 1);
    assert!(html.trim_end().ends_with("</script>\n</body>\n</html>"));
}

mod command_line {
    use crate::common::salin_check as salin;

    #[test]
    fn exit_codes_are_those_of_the_other_formats() {
        for path in ["samples/mt-article.md", "samples/clean-article.md"] {
            let (page, html) = salin(&["--format", "html", path]);
            let (_, text) = salin(&[path]);
            assert_eq!(html, text, "{path}");
            assert!(page.starts_with("<!DOCTYPE html>\n"), "{path}");
            assert!(page.ends_with("</html>\n"), "{path}");
        }
        let (_, code) = salin(&["--format", "html", "--exit-zero", "samples/mt-article.md"]);
        assert_eq!(code, 0);
    }

    #[test]
    fn the_page_goes_to_the_output_file() {
        let dir = tempfile::TempDir::new().unwrap();
        let out = dir.path().join("report.html");
        let (stdout, code) = salin(&[
            "--format",
            "html",
            "--output-file",
            out.to_str().unwrap(),
            "samples/",
        ]);
        assert_eq!((stdout.as_str(), code), ("", 1));
        let page = std::fs::read_to_string(&out).unwrap();
        assert!(page.contains("<a href=\"#file-5\">samples/mt-article.md</a>"));
    }

    #[test]
    fn with_fix_the_page_shows_what_was_fixed_and_what_is_left() {
        let dir = tempfile::TempDir::new().unwrap();
        let file = dir.path().join("ulat.txt");
        std::fs::write(&file, "Ang pag -unlad ng Innovant.\n").unwrap();
        let (page, code) = salin(&["--format", "html", "--fix", file.to_str().unwrap()]);
        assert_eq!(code, 1, "the near miss is left");
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "Ang pag-unlad ng Innovant.\n"
        );
        assert!(
            page.contains("<code>--fix</code> fixed 1 problem, changing 1 line in 1 file."),
            "{page}"
        );
        assert_eq!(page.matches("class=\"f h ").count(), 1);
        assert!(page.contains("data-rule=\"glossary-near-miss\""));
    }
}
