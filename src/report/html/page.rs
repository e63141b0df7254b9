//! The page around the report: head, style sheet, toolbar, footer and
//! script, under a Content-Security-Policy that allows no network access
//! and no script or style but the page's own (by their SHA-256 hashes).

use std::sync::LazyLock;

use sha2::{Digest, Sha256};

use super::escape::esc;

const CSS: &str = include_str!("assets/report.css");
const JS: &str = include_str!("assets/report.js");

/// `default-src 'none'`: nothing is fetched (no fonts, images, frames or
/// requests); only the inline style sheet and script run. A `<script>` that
/// escaped escaping would still not run.
static POLICY: LazyLock<String> = LazyLock::new(|| {
    format!(
        "default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; \
         img-src 'none'; base-uri 'none'; form-action 'none'",
        base64(&Sha256::digest(CSS.as_bytes())),
        base64(&Sha256::digest(JS.as_bytes())),
    )
});

/// The whole page: `totals` is the one-line summary (title), `main` the
/// summary, documents and rules.
pub fn page(totals: &str, main: &str) -> String {
    let version = env!("CARGO_PKG_VERSION");
    let mut out = String::with_capacity(main.len() + CSS.len() + JS.len() + 4096);
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"en\" class=\"no-js\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"generator\" content=\"salin {version}\">\n\
         <title>salin report: {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#files\">Skip to the documents</a>\n\
         <header>\n<h1>salin report</h1>\n<p>Machine-translated Filipino checked by salin {version}.</p>\n</header>\n",
        POLICY.as_str(),
        esc(totals),
    ));
    out.push_str(TOOLBAR);
    out.push_str("<main>\n");
    out.push_str(main);
    out.push_str("</main>\n");
    out.push_str(FOOTER);
    out.push_str(&format!("<script>{JS}</script>\n</body>\n</html>\n"));
    out
}

/// Moving between findings; shown only when the script runs.
const TOOLBAR: &str = "<nav id=\"toolbar\" class=\"js-only\" aria-label=\"Findings\">\n\
<button type=\"button\" id=\"prev\" aria-keyshortcuts=\"p k\">◀ Previous <kbd>p</kbd></button>\n\
<button type=\"button\" id=\"next\" aria-keyshortcuts=\"n j\">Next <kbd>n</kbd> ▶</button>\n\
<span id=\"position\" role=\"status\" aria-live=\"polite\"></span>\n\
<button type=\"button\" id=\"show-all\">Show all</button>\n\
</nav>\n";

const FOOTER: &str = "<footer>\n<p>Keys: <kbd>n</kbd> or <kbd>j</kbd> next finding, \
<kbd>p</kbd> or <kbd>k</kbd> previous. Each finding is marked in the text with its \
severity's colour and sign (✖ error, ▲ warning, ● note) and its number, which links to its \
card; the card's rule links to the rule's documentation.</p>\n</footer>\n";

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn the_policy_names_the_hashes_of_the_page_s_own_style_and_script() {
        // sha256("") is 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=.
        assert_eq!(
            base64(&Sha256::digest(b"")),
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
        let page = page("t", "");
        assert!(page.contains(&format!(
            "script-src 'sha256-{}'",
            base64(&Sha256::digest(JS.as_bytes()))
        )));
        assert_eq!(page.matches("<script>").count(), 1);
    }
}
