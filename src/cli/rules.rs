//! `salin rules` and `salin explain`.

use serde::Serialize;

use super::args::{RulesArgs, RulesFormat};
use super::{CliError, EXIT_CLEAN};
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

pub fn explain(name: &str) -> Result<i32, CliError> {
    let Some(rule) = rules::by_name(name) else {
        let known: Vec<&str> = rules::ALL.iter().map(|r| r.meta().name).collect();
        return Err(CliError(format!(
            "unknown rule `{name}` (known rules: {})",
            known.join(", ")
        )));
    };
    print!("{}", salin::report::explanation(rule.meta()));
    Ok(EXIT_CLEAN)
}
