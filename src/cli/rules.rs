//! `salin rules` and `salin explain`.

use serde::Serialize;

use super::args::ConfigArgs;
use super::args::{RulesArgs, RulesFormat};
use super::config::Settings;
use super::{CliError, EXIT_CLEAN};
use salin::patterns::Described;
use salin::rules::{self, RuleMeta};

#[derive(Serialize)]
struct RuleJson {
    name: &'static str,
    severity: &'static str,
    fix: &'static str,
    summary: &'static str,
    default_enabled: bool,
}

pub fn list(args: &RulesArgs) -> Result<i32, CliError> {
    let metas: Vec<&RuleMeta> = rules::ALL.iter().map(|r| r.meta()).collect();
    match args.format {
        RulesFormat::Json => {
            let json: Vec<RuleJson> = metas
                .iter()
                .map(|m| RuleJson {
                    name: m.name,
                    severity: m.default_severity.as_str(),
                    fix: m.fix.as_str(),
                    summary: m.summary,
                    default_enabled: m.default_enabled,
                })
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&json).expect("rules serialise")
            );
        }
        RulesFormat::Text => print!("{}", table(&metas)),
    }
    Ok(EXIT_CLEAN)
}

fn table(metas: &[&RuleMeta]) -> String {
    let width = metas.iter().map(|m| m.name.len()).max().unwrap_or(4);
    let mut out = format!(
        "{:width$}  {:8}  {:11}  SUMMARY\n",
        "RULE", "SEVERITY", "FIX"
    );
    for m in metas {
        out.push_str(&format!(
            "{:width$}  {:8}  {:11}  {}\n",
            m.name,
            m.default_severity.as_str(),
            m.fix.as_str(),
            m.summary
        ));
    }
    out
}

/// `salin explain NAME`: a built-in rule's documentation; else a pattern
/// rule of the configuration found from here (its message, regex,
/// replacement, severity and where it is written); else, for `patterns`,
/// how to write project checklists.
pub fn explain(name: &str) -> Result<i32, CliError> {
    if let Some(rule) = rules::by_name(name) {
        print!("{}", salin::report::explanation(rule.meta()));
        return Ok(EXIT_CLEAN);
    }
    let settings = Settings::load(&ConfigArgs::default())?;
    if let Some(p) = settings.patterns.iter().find(|p| p.pattern.name == name) {
        let mut text = Described::of(&p.pattern).explanation();
        if !p.files.is_empty() {
            text.push_str(&format!("- Files: `{}`\n", p.files.join("`, `")));
        }
        text.push_str("\nSee `salin explain patterns` for how pattern rules work.\n");
        print!("{text}");
        return Ok(EXIT_CLEAN);
    }
    if name == "patterns" {
        print!("{PATTERNS_DOC}");
        return Ok(EXIT_CLEAN);
    }
    let mut known: Vec<&str> = rules::ALL.iter().map(|r| r.meta().name).collect();
    known.extend(settings.pattern_names());
    Err(CliError(format!(
        "unknown rule `{name}` (known rules: {}; `salin explain patterns` explains project checklists)",
        known.join(", ")
    )))
}

/// `salin explain patterns`: how to write `[[patterns]]`.
const PATTERNS_DOC: &str = include_str!("../../docs/patterns.md");
