//! A progress bar on stderr for runs over many files: only on a terminal,
//! never in CI (`CI` set, as every CI service does), never when the report
//! itself goes to stderr, and never for a handful of files.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Fewer files than this finish before a bar would be worth drawing.
const MIN_FILES: usize = 20;

/// Whether to draw a bar.
pub fn wanted(
    files: usize,
    stderr_is_terminal: bool,
    ci: Option<&str>,
    report_on_stderr: bool,
) -> bool {
    files >= MIN_FILES
        && stderr_is_terminal
        && ci.is_none_or(|v| v.is_empty() || v == "0" || v.eq_ignore_ascii_case("false"))
        && !report_on_stderr
}

/// A bar for `files` files, hidden when not [`wanted`].
pub fn bar(files: usize, report_on_stderr: bool) -> ProgressBar {
    let ci = std::env::var("CI").ok();
    if !wanted(
        files,
        std::io::stderr().is_terminal(),
        ci.as_deref(),
        report_on_stderr,
    ) {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} checking {pos}/{len} files {wide_bar} {eta}")
            .expect("a valid template")
            .progress_chars("=> "),
    );
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_on_a_terminal_outside_ci_for_many_files() {
        assert!(wanted(100, true, None, false));
        assert!(wanted(100, true, Some(""), false));
        assert!(wanted(100, true, Some("false"), false));
        assert!(!wanted(100, false, None, false));
        assert!(!wanted(100, true, Some("true"), false));
        assert!(!wanted(100, true, Some("1"), false));
        assert!(!wanted(100, true, None, true));
        assert!(!wanted(3, true, None, false));
    }
}
