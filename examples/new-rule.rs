//! Starts a new rule: `cargo run --example new-rule -- NAME` (kebab-case,
//! e.g. `ellipsis-spacing`). Writes `src/rules/NAME.rs` from a template,
//! adds its line to the registry in `src/rules/mod.rs` and its row to
//! README's rules table: the three places a rule lives. Then fill in the
//! TODOs (CONTRIBUTING.md, "Adding a rule"); the tests fail until you do.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(name) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --example new-rule -- NAME   (e.g. ellipsis-spacing)");
        return ExitCode::from(2);
    };
    match create(Path::new(env!("CARGO_MANIFEST_DIR")), &name) {
        Ok(file) => {
            println!("wrote {file}, a registry line in src/rules/mod.rs and a README row");
            println!("next: fill in the TODOs (CONTRIBUTING.md, \"Adding a rule\")");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("new-rule: {e}");
            ExitCode::from(2)
        }
    }
}

fn create(root: &Path, name: &str) -> Result<String, String> {
    let valid = !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !name.starts_with('-')
        && !name.ends_with('-')
        && !name.contains("--");
    if !valid {
        return Err(format!("`{name}` is not a kebab-case rule name"));
    }
    let module = name.replace('-', "_");
    let strukt: String = name
        .split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect();
    let file = format!("src/rules/{module}.rs");
    let path = root.join(&file);
    if path.exists() {
        return Err(format!("{file} already exists"));
    }

    let registry_path = root.join("src/rules/mod.rs");
    let registry = append_line(
        &read(&registry_path)?,
        "registry! {\n",
        "\n}\n",
        &format!("    {module}::{strukt},"),
    )
    .ok_or("no `registry! { ... }` block in src/rules/mod.rs")?;
    let readme_path = root.join("README.md");
    let readme = append_line(
        &read(&readme_path)?,
        "| rule | severity | fix | what it checks |",
        "\n\n",
        &format!("| `{name}` | warning | safe | TODO: one line for `salin rules` and this table |"),
    )
    .ok_or("no rules table in README.md")?;

    fs::write(&path, template(name, &strukt)).map_err(|e| format!("{file}: {e}"))?;
    fs::write(&registry_path, registry).map_err(|e| format!("src/rules/mod.rs: {e}"))?;
    fs::write(&readme_path, readme).map_err(|e| format!("README.md: {e}"))?;
    Ok(file)
}

/// `text` with `line` added at the end of the block that starts at the
/// first `start` and ends before the next `end`.
fn append_line(text: &str, start: &str, end: &str, line: &str) -> Option<String> {
    let from = text.find(start)?;
    let at = from + text[from..].find(end)?;
    Some(format!("{}\n{line}{}", &text[..at], &text[at..]))
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn template(name: &str, strukt: &str) -> String {
    TEMPLATE
        .replace("RULE_NAME", name)
        .replace("RuleStruct", strukt)
}

const TEMPLATE: &str = r#"use super::{Context, Reporter, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// TODO: what the rule flags, with an example in backquotes.
    ///
    /// ## Why
    /// TODO: why it is wrong in Filipino (cite the KWF rule when there is
    /// one), and what looks alike but stays silent.
    ///
    /// ## Bad
    /// ```text
    /// TODO: a sentence the rule flags (one a line).
    /// ```
    ///
    /// ## Good
    /// ```text
    /// TODO: a sentence no rule flags (one a line).
    /// ```
    ///
    /// ## Fix
    /// TODO: safe (it cannot be wrong), unsafe (a guess), or none.
    pub struct RuleStruct {
        name: "RULE_NAME",
        severity: Warning,
        fix: Safe,
        summary: "TODO: one line for `salin rules` and the README table",
    }
}

impl Rule for RuleStruct {
    // Declare what a segment must hold (`Needs::marks`, `Needs::first_bytes`
    // of your word list) so the checker can skip the others:
    // fn needs(&self) -> Needs { ... }

    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        for i in 0..ctx.tokens.len() {
            if ctx.out_of_time() {
                return;
            }
            if let Some(fixed) = correction(ctx, i) {
                let span = ctx.tokens[i].range.clone();
                let message = format!("TODO: what is wrong; write `{fixed}`");
                out.report(span, message).replace(fixed);
            }
        }
    }
}

/// TODO: what token `i` should read, when it is wrong. Keep `check` short:
/// each decision in a named function like this one.
fn correction(_ctx: &Context<'_>, _i: usize) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::RuleStruct);

    #[test]
    fn flags_and_fixes() {
        RULE.assert_fixed("TODO: a sentence with the error", "TODO: the same, fixed");
    }

    #[test]
    fn look_alikes_are_silent() {
        RULE.assert_silent("TODO: a sentence that looks wrong but is not");
    }
}
"#;
