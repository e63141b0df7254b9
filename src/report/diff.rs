//! The `diff` format: a unified diff of each file after fixing, with
//! `--- path` / `+++ path` headers for `patch -p0`.

use similar::TextDiff;

/// A unified diff from `old` to `new`, or an empty string when they are equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(path, path)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_has_headers_and_hunks() {
        let got = unified_diff(
            "a.txt",
            "isa\npag -unlad\ntatlo\n",
            "isa\npag-unlad\ntatlo\n",
        );
        assert_eq!(
            got,
            "--- a.txt\n+++ a.txt\n@@ -1,3 +1,3 @@\n isa\n-pag -unlad\n+pag-unlad\n tatlo\n"
        );
        assert_eq!(unified_diff("a", "x", "x"), "");
    }

    #[test]
    fn missing_final_newline_is_marked() {
        let got = unified_diff("a.txt", "pag -unlad", "pag-unlad");
        assert_eq!(
            got,
            "--- a.txt\n+++ a.txt\n@@ -1 +1 @@\n-pag -unlad\n\\ No newline at end of file\n+pag-unlad\n\\ No newline at end of file\n"
        );
    }
}
