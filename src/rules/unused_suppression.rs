use super::{Rule, declare_rule};

declare_rule! {
    /// A suppression comment that suppresses nothing, or names a rule that
    /// does not exist.
    ///
    /// Suppressions (`<!-- salin-disable rule -->`, `<!-- salin-enable -->`,
    /// `<!-- salin-disable-next-line rule -->` in Markdown) are for findings
    /// that are wrong in one place. Once the text is changed they are left
    /// behind and would hide the next real problem; this rule finds them. A
    /// rule that did not run for the file (not selected) is not judged. The
    /// fix deletes a wholly unused comment (its line, when it is alone on it).
    ///
    /// ## Bad
    /// ```text
    /// Malinis na talata. <!-- salin-disable repeated-word --> Walang inuulit dito.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Isang talata <!-- salin-disable hyphen-spacing --> at ang pag -unlad ng bayan.
    /// ```
    pub struct UnusedSuppression {
        name: "unused-suppression",
        severity: Warning,
        fix: Safe,
        summary: "Suppression comment that suppresses nothing or names an unknown rule",
    }
}

impl Rule for UnusedSuppression {
    // No `check`: suppressions are judged for the whole document, after
    // every rule has run: see `crate::suppress`, called by the checker.
}
