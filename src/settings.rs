//! Which rules run, and at what severity: the defaults, then layers of
//! selection (a configuration file, the command line, per-file overrides),
//! each applied in turn.
//!
//! A layer works as in ruff: `select` replaces the rules enabled so far,
//! `extend-select` adds to them, `ignore` removes from them, and `severity`
//! sets the severity of named rules (whether or not they are enabled).

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::Severity;
use crate::rules::{self, Rule};

/// One layer of rule selection. Rule names are checked by the caller
/// ([`RuleSelection::unknown`]); unknown names are ignored here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuleSelection {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
}

impl RuleSelection {
    /// Whether the layer changes nothing.
    pub fn is_empty(&self) -> bool {
        self.select.is_none()
            && self.extend_select.is_empty()
            && self.ignore.is_empty()
            && self.severity.is_empty()
    }

    /// The first rule name in this layer that names no rule.
    pub fn unknown(&self) -> Option<&str> {
        self.unknown_but(&[])
    }

    /// The first rule name in this layer that names neither a built-in rule
    /// nor one of `patterns` (the configuration's pattern rules).
    pub fn unknown_but(&self, patterns: &[&str]) -> Option<&str> {
        self.select
            .iter()
            .flatten()
            .chain(&self.extend_select)
            .chain(&self.ignore)
            .chain(self.severity.keys())
            .map(String::as_str)
            .find(|n| rules::by_name(n).is_none() && !patterns.contains(n))
    }
}

/// The enabled rules and the severity of every rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSet {
    /// Enabled, in `rules::ALL` order.
    enabled: Vec<&'static str>,
    severities: BTreeMap<&'static str, Severity>,
    /// The configuration's pattern rules, which the layers name like any
    /// other rule.
    patterns: PatternRules,
}

/// Which pattern rules (`[[patterns]]`, names that no built-in rule has)
/// the layers left enabled, and the severities they set for them. A pattern
/// rule is on by default; a `select` that does not name it turns it off,
/// like any rule.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PatternRules {
    /// `Some`: only these (a `select` named them); `None`: all.
    only: Option<BTreeSet<String>>,
    off: BTreeSet<String>,
    severities: BTreeMap<String, Severity>,
}

impl PatternRules {
    fn apply(&mut self, layer: &RuleSelection) {
        let custom = |n: &&String| rules::by_name(n).is_none();
        if let Some(names) = &layer.select {
            self.only = Some(names.iter().filter(custom).cloned().collect());
            self.off.clear();
        }
        for name in layer.extend_select.iter().filter(custom) {
            if let Some(only) = &mut self.only {
                only.insert(name.clone());
            }
            self.off.remove(name);
        }
        for name in layer.ignore.iter().filter(custom) {
            self.off.insert(name.clone());
        }
        for (name, &severity) in layer.severity.iter().filter(|(n, _)| custom(n)) {
            self.severities.insert(name.clone(), severity);
        }
    }

    /// The severity pattern rule `name` reports at, when it is enabled;
    /// `default` is its own.
    pub fn severity(&self, name: &str, default: Severity) -> Option<Severity> {
        let on = self.only.as_ref().is_none_or(|o| o.contains(name)) && !self.off.contains(name);
        on.then(|| self.severities.get(name).copied().unwrap_or(default))
    }
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet::defaults()
    }
}

impl RuleSet {
    /// The rules enabled by default, at their default severities.
    pub fn defaults() -> Self {
        RuleSet {
            enabled: rules::default_rules()
                .iter()
                .map(|r| r.meta().name)
                .collect(),
            severities: rules::ALL
                .iter()
                .map(|r| (r.meta().name, r.meta().default_severity))
                .collect(),
            patterns: PatternRules::default(),
        }
    }

    /// Applies one layer of selection.
    pub fn apply(&mut self, layer: &RuleSelection) {
        self.patterns.apply(layer);
        let mut on: Vec<&'static str> = match &layer.select {
            Some(names) => names.iter().filter_map(|n| canonical(n)).collect(),
            None => self.enabled.clone(),
        };
        on.extend(layer.extend_select.iter().filter_map(|n| canonical(n)));
        on.retain(|n| !layer.ignore.iter().any(|i| i == n));
        self.enabled = rules::ALL
            .iter()
            .map(|r| r.meta().name)
            .filter(|n| on.contains(n))
            .collect();
        for (name, &severity) in &layer.severity {
            if let Some(name) = canonical(name) {
                self.severities.insert(name, severity);
            }
        }
    }

    /// `self` with `layer` applied.
    pub fn with(mut self, layer: &RuleSelection) -> Self {
        self.apply(layer);
        self
    }

    pub fn is_enabled(&self, name: &str) -> bool {
        self.enabled.contains(&name)
    }

    /// The enabled rules' names, in `rules::ALL` order.
    pub fn enabled(&self) -> &[&'static str] {
        &self.enabled
    }

    /// The severity a rule's findings are reported with.
    pub fn severity(&self, name: &str) -> Option<Severity> {
        self.severities.get(name).copied()
    }

    /// Which pattern rules are enabled, at what severity.
    pub fn pattern_rules(&self) -> &PatternRules {
        &self.patterns
    }

    /// The enabled rules with their severities.
    pub fn rules(&self) -> Vec<(&'static dyn Rule, Severity)> {
        self.enabled
            .iter()
            .filter_map(|n| rules::by_name(n))
            .map(|r| (r, self.severities[r.meta().name]))
            .collect()
    }
}

fn canonical(name: &str) -> Option<&'static str> {
    rules::by_name(name).map(|r| r.meta().name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn layers_select_extend_and_ignore() {
        let all = RuleSet::defaults();
        assert_eq!(all.enabled().len(), rules::default_rules().len());
        let only = all.clone().with(&RuleSelection {
            select: Some(names(&["repeated-word", "hyphen-spacing"])),
            ..Default::default()
        });
        // Order follows rules::ALL, not the selection.
        assert_eq!(only.enabled(), ["hyphen-spacing", "repeated-word"]);
        let less = only.with(&RuleSelection {
            extend_select: names(&["company-suffix"]),
            ignore: names(&["hyphen-spacing"]),
            severity: [("company-suffix".to_string(), Severity::Info)].into(),
            ..Default::default()
        });
        assert_eq!(less.enabled(), ["repeated-word", "company-suffix"]);
        assert_eq!(less.severity("company-suffix"), Some(Severity::Info));
        assert_eq!(less.rules()[1].1, Severity::Info);
    }

    #[test]
    fn unknown_names_are_found() {
        let layer = RuleSelection {
            ignore: names(&["hyphen-spacing", "no-such-rule"]),
            ..Default::default()
        };
        assert_eq!(layer.unknown(), Some("no-such-rule"));
        assert!(RuleSelection::default().is_empty());
    }
}
