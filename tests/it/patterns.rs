//! Project checklists (`[[patterns]]` in `salin.toml`): house rules found
//! in checked text only, under the team's own rule names, in every report
//! format, fixed format-safely, selected, suppressed and baselined like any
//! rule; and a bad entry is a one-line error naming the file and line.

use std::fs;
use std::path::Path;
use std::process::Output;

use tempfile::TempDir;

use crate::common::{salin_in, stdout};

const CONFIG: &str = r#"[[patterns]]
name = "house-email"
regex = '\b([Ee])-mail\b'
message = "Write `email`, not `e-mail` (house style)"
replacement = "${1}mail"
safe = true

[[patterns]]
name = "forbidden-kompyuter"
regex = '(?i)\bkompyuter\b'
message = "Use `computer`, the glossary's term"
severity = "error"
files = ["locales/**"]
"#;

const JSON: &str =
    "{\n  \"send\": \"Ipadala ang e-mail sa {e-mail}.\",\n  \"pc\": \"Buksan ang kompyuter.\"\n}\n";
const MARKDOWN: &str = "Buksan ang kompyuter at ang E-mail.\n";

/// A project with the configuration above, a JSON locale (a placeholder
/// `{e-mail}` that must not be touched) and a Markdown page outside the
/// forbidden term's `files`.
fn project(config: &str) -> TempDir {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "salin.toml", config);
    write(dir.path(), "locales/tl.json", JSON);
    write(dir.path(), "docs/a.md", MARKDOWN);
    dir
}

fn write(dir: &Path, path: &str, text: &str) {
    let p = dir.join(path);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

fn check(dir: &TempDir, args: &[&str]) -> Output {
    salin_in(dir.path())
        .args(["check", "--no-dictionary"])
        .args(args)
        .output()
        .unwrap()
}

fn report(format: &str) -> String {
    let out = check(&project(CONFIG), &["--format", format, "locales", "docs"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    stdout(&out)
}

#[test]
fn text_report() {
    assert_eq!(
        report("text"),
        "warning[house-email]: Write `email`, not `e-mail` (house style)
 --> locales/tl.json:2:24
  |
2 |   \"send\": \"Ipadala ang e-mail sa {e-mail}.\",
  |                        ^^^^^^ write `email`
help: safe fix (`--fix`)
  |
2 -   \"send\": \"Ipadala ang e-mail sa {e-mail}.\",
2 +   \"send\": \"Ipadala ang email sa {e-mail}.\",
  |

error[forbidden-kompyuter]: Use `computer`, the glossary's term
 --> locales/tl.json:3:21
  |
3 |   \"pc\": \"Buksan ang kompyuter.\"
  |                     ^^^^^^^^^

warning[house-email]: Write `email`, not `e-mail` (house style)
 --> docs/a.md:1:29
  |
1 | Buksan ang kompyuter at ang E-mail.
  |                             ^^^^^^ write `Email`
help: safe fix (`--fix`)
  |
1 - Buksan ang kompyuter at ang E-mail.
1 + Buksan ang kompyuter at ang Email.
  |

Found 3 problems (1 error, 2 warnings). 2 fixable with `--fix`.
"
    );
}

#[test]
fn json_and_jsonl_reports() {
    let json: serde_json::Value = serde_json::from_str(&report("json")).unwrap();
    let shown: Vec<String> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {} {} {}:{} {} {} {}",
                d["path"].as_str().unwrap(),
                d["rule"].as_str().unwrap(),
                d["severity"].as_str().unwrap(),
                d["line"],
                d["column"],
                d["text"].as_str().unwrap(),
                d["suggestion"],
                d["fix"]["applicability"],
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            "locales/tl.json house-email warning 2:24 e-mail \"email\" \"safe\"",
            "locales/tl.json forbidden-kompyuter error 3:21 kompyuter null null",
            "docs/a.md house-email warning 1:29 E-mail \"Email\" \"safe\"",
        ]
    );
    assert_eq!(
        json[0]["fix"]["edits"],
        serde_json::json!([{"start_byte": 25, "end_byte": 31, "replacement": "email"}])
    );
    let jsonl = report("jsonl");
    let rules: Vec<String> = jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["rule"].to_string())
        .collect();
    assert_eq!(
        rules,
        [
            "\"house-email\"",
            "\"forbidden-kompyuter\"",
            "\"house-email\""
        ]
    );
}

#[test]
fn sarif_report_describes_the_pattern_rules() {
    let sarif: serde_json::Value = serde_json::from_str(&report("sarif")).unwrap();
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let rule = |id: &str| rules.iter().position(|r| r["id"] == id).unwrap();
    let email = &rules[rule("house-email")];
    assert_eq!(
        email["shortDescription"]["text"],
        "Write `email`, not `e-mail` (house style)"
    );
    assert_eq!(
        email["fullDescription"]["text"],
        email["shortDescription"]["text"]
    );
    assert_eq!(email["defaultConfiguration"]["level"], "warning");
    assert_eq!(email["properties"]["fix"], "safe");
    let term = &rules[rule("forbidden-kompyuter")];
    assert_eq!(term["defaultConfiguration"]["level"], "error");
    assert_eq!(term["properties"]["fix"], "no");
    let results = run["results"].as_array().unwrap();
    let shown: Vec<(String, usize, String)> = results
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_string(),
                r["ruleIndex"].as_u64().unwrap() as usize,
                r["level"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("house-email".into(), rule("house-email"), "warning".into()),
            (
                "forbidden-kompyuter".into(),
                rule("forbidden-kompyuter"),
                "error".into()
            ),
            ("house-email".into(), rule("house-email"), "warning".into()),
        ]
    );
    assert_eq!(
        results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "email"
    );
}

#[test]
fn github_gitlab_junit_and_html_reports() {
    assert_eq!(
        report("github"),
        "::warning file=locales/tl.json,line=2,col=24,endLine=2,endColumn=30,title=salin (house-email)::house-email: Write `email`, not `e-mail` (house style)
::error file=locales/tl.json,line=3,col=21,endLine=3,endColumn=30,title=salin (forbidden-kompyuter)::forbidden-kompyuter: Use `computer`, the glossary's term
::warning file=docs/a.md,line=1,col=29,endLine=1,endColumn=35,title=salin (house-email)::house-email: Write `email`, not `e-mail` (house style)
"
    );
    let gitlab: serde_json::Value = serde_json::from_str(&report("gitlab")).unwrap();
    let shown: Vec<String> = gitlab
        .as_array()
        .unwrap()
        .iter()
        .map(|i| format!("{} {} {}", i["check_name"], i["severity"], i["description"]))
        .collect();
    assert_eq!(
        shown,
        [
            "\"house-email\" \"minor\" \"house-email: Write `email`, not `e-mail` (house style)\"",
            "\"forbidden-kompyuter\" \"major\" \"forbidden-kompyuter: Use `computer`, the glossary's term\"",
            "\"house-email\" \"minor\" \"house-email: Write `email`, not `e-mail` (house style)\"",
        ]
    );
    let junit = report("junit");
    assert!(
        junit.contains(
            "<testcase name=\"forbidden-kompyuter at line 3, column 21\" classname=\"locales/tl.json\" file=\"locales/tl.json\" line=\"3\">\n      <failure message=\"Use `computer`, the glossary&apos;s term\" type=\"error\">locales/tl.json:3:21: error[forbidden-kompyuter] Use `computer`, the glossary&apos;s term</failure>"
        ),
        "{junit}"
    );
    let html = report("html");
    for part in [
        "<a class=\"rule\" href=\"#rule-house-email\">house-email</a> <span class=\"where\">line 2, column 24</span>",
        "<article class=\"rule-doc\" id=\"rule-house-email\">",
        "<li>Regex: <code>\\b([Ee])-mail\\b</code></li>",
        "<li>Regex: <code>(?i)\\bkompyuter\\b</code></li>",
    ] {
        assert!(html.contains(part), "html lacks {part}");
    }
}

/// Each bad entry is one line naming the file and line, exit 2, nothing
/// checked.
#[test]
fn config_errors_name_the_file_and_line() {
    for (entry, error) in [
        (
            "name = \"House_Email\"\nregex = \"a\"\nmessage = \"m\"",
            "salin.toml:4: pattern name `House_Email` must be lower-case kebab (like `house-email`)",
        ),
        (
            "name = \"hyphen-spacing\"\nregex = \"a\"\nmessage = \"m\"",
            "salin.toml:4: pattern name `hyphen-spacing` is a built-in rule's name (see `salin rules`)",
        ),
        (
            "name = \"x\"\nregex = \"(a\"\nmessage = \"m\"",
            "salin.toml:5: invalid regex `(a`: unclosed group",
        ),
        (
            "name = \"x\"\nregex = \"a\"\nmessage = \"m\"\nsafe = \"yes\"",
            "salin.toml:7: invalid type: string \"yes\", expected a boolean",
        ),
        (
            "name = \"x\"\nregex = \"a\"\nmessage = \"m\"\nfiles = [\"{a\"]",
            "salin.toml:7: invalid glob `{a`: error parsing glob '{a': unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)",
        ),
        (
            "name = \"x\"\nregex = \"a\"\nmessage = \"m\"\n\n[[patterns]]\nname = \"x\"\nregex = \"b\"\nmessage = \"n\"",
            "salin.toml:8: pattern name `x` is already used at salin.toml:3",
        ),
    ] {
        let dir = project(&format!("select = []\n\n[[patterns]]\n{entry}\n"));
        let out = check(&dir, &["docs"]);
        assert_eq!(out.status.code(), Some(2), "{entry}");
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            format!("salin: error: {error}\n")
        );
        assert!(out.stdout.is_empty());
    }
}

/// A safe replacement is applied by `--fix`, an unsafe one only with
/// `--unsafe-fixes`; a replacement with `"` is written as each format
/// needs it, the files still parse, and fixing again changes nothing.
#[test]
fn safe_and_unsafe_fixes_are_format_safe() {
    let config = format!(
        "{CONFIG}\n[[patterns]]\nname = \"quoted-ok\"\nregex = '\\bOK na\\b'\nmessage = \"Quote the button's name\"\nreplacement = '\"OK\" na'\n"
    );
    let dir = project(&config);
    let yaml =
        "a:\n  b: Pindutin ang OK na e-mail\n  c: \"Pindutin ang OK na E-mail\"\n  d: 'OK na'\n";
    write(dir.path(), "locales/tl.yml", yaml);
    let read = |p: &str| fs::read_to_string(dir.path().join(p)).unwrap();
    let out = check(&dir, &["--fix", "locales"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        read("locales/tl.yml"),
        "a:\n  b: Pindutin ang OK na email\n  c: \"Pindutin ang OK na Email\"\n  d: 'OK na'\n"
    );
    assert_eq!(
        read("locales/tl.json"),
        "{\n  \"send\": \"Ipadala ang email sa {e-mail}.\",\n  \"pc\": \"Buksan ang kompyuter.\"\n}\n"
    );
    let out = check(&dir, &["--fix", "--unsafe-fixes", "locales"]);
    // The forbidden term has no replacement: it stays, an error.
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let fixed_yaml = "a:\n  b: Pindutin ang \"OK\" na email\n  c: \"Pindutin ang \\\"OK\\\" na Email\"\n  d: '\"OK\" na'\n";
    assert_eq!(read("locales/tl.yml"), fixed_yaml);
    salin::Document::parse("tl.yml", fixed_yaml, salin::Format::Yaml, None).unwrap();
    write(
        dir.path(),
        "locales/tl.json",
        "{\"a\": \"Pindutin ang OK na e-mail\", \"OK na\": \"x\"}\n",
    );
    check(&dir, &["--fix", "--unsafe-fixes", "locales/tl.json"]);
    let json = read("locales/tl.json");
    // The key is never matched; the value's `"` is escaped.
    assert_eq!(
        json,
        "{\"a\": \"Pindutin ang \\\"OK\\\" na email\", \"OK na\": \"x\"}\n"
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["a"], "Pindutin ang \"OK\" na email");
    let again = check(
        &dir,
        &[
            "--fix",
            "--unsafe-fixes",
            "locales/tl.yml",
            "locales/tl.json",
        ],
    );
    assert_eq!(again.status.code(), Some(0), "{again:?}");
    assert_eq!(read("locales/tl.yml"), fixed_yaml);
    assert_eq!(read("locales/tl.json"), json);
}

/// The team's names work in `--select`/`--ignore`, `[severity]`,
/// `[[overrides]]`, suppression comments and baselines.
#[test]
fn selected_suppressed_and_baselined_by_name() {
    let dir = project(CONFIG);
    let rules_of = |out: &Output| -> Vec<String> {
        stdout(out)
            .lines()
            .map(|l| {
                let d: serde_json::Value = serde_json::from_str(l).unwrap();
                format!("{} {} {}", d["path"], d["rule"], d["severity"])
            })
            .collect()
    };
    let out = check(
        &dir,
        &[
            "--format",
            "jsonl",
            "--ignore",
            "house-email",
            "locales",
            "docs",
        ],
    );
    assert_eq!(
        rules_of(&out),
        ["\"locales/tl.json\" \"forbidden-kompyuter\" \"error\""]
    );
    let out = check(
        &dir,
        &["--format", "jsonl", "--select", "house-email", "locales"],
    );
    assert_eq!(
        rules_of(&out),
        ["\"locales/tl.json\" \"house-email\" \"warning\""]
    );
    let out = check(
        &dir,
        &["--format", "jsonl", "--select", "no-such-rule", "locales"],
    );
    assert_eq!(out.status.code(), Some(2));
    // A `select` without the pattern turns it off, as for any rule.
    let config = format!(
        "select = [\"hyphen-spacing\", \"house-email\"]\n\n[severity]\nhouse-email = \"error\"\n\n[[overrides]]\nfiles = [\"docs/**\"]\nignore = [\"house-email\"]\n\n{CONFIG}"
    );
    write(dir.path(), "salin.toml", &config);
    let out = check(&dir, &["--format", "jsonl", "locales", "docs"]);
    assert_eq!(
        rules_of(&out),
        ["\"locales/tl.json\" \"house-email\" \"error\""]
    );
    write(dir.path(), "salin.toml", CONFIG);
    write(
        dir.path(),
        "docs/a.md",
        "<!-- salin-disable-next-line house-email -->\nAng e-mail.\n\nAng e-mail.\n",
    );
    let out = check(&dir, &["--format", "jsonl", "docs"]);
    assert_eq!(
        stdout(&out),
        "{\"path\":\"docs/a.md\",\"rule\":\"house-email\",\"severity\":\"warning\",\"message\":\"Write `email`, not `e-mail` (house style)\",\"line\":4,\"column\":5,\"end_line\":4,\"end_column\":11,\"start_byte\":62,\"end_byte\":68,\"text\":\"e-mail\",\"suggestion\":\"email\",\"fix\":{\"applicability\":\"safe\",\"edits\":[{\"start_byte\":62,\"end_byte\":68,\"replacement\":\"email\"}]}}\n"
    );
    write(
        dir.path(),
        "locales/tl.yml",
        "a:\n  # salin: ignore[house-email]\n  b: Ang e-mail\n  c: Ang e-mail\n",
    );
    let out = check(&dir, &["--format", "jsonl", "locales/tl.yml"]);
    assert_eq!(
        rules_of(&out),
        ["\"locales/tl.yml\" \"house-email\" \"warning\""]
    );
    assert!(stdout(&out).contains("\"line\":4,"), "{}", stdout(&out));
    fs::remove_file(dir.path().join("locales/tl.yml")).unwrap();
    let out = check(&dir, &["--write-baseline", "base.json", "locales", "docs"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let baseline = fs::read_to_string(dir.path().join("base.json")).unwrap();
    assert!(
        baseline.contains("\"rule\": \"forbidden-kompyuter\""),
        "{baseline}"
    );
    let out = check(&dir, &["--baseline", "base.json", "locales", "docs"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    write(dir.path(), "docs/b.md", "Isa pang e-mail.\n");
    let out = check(
        &dir,
        &[
            "--format",
            "jsonl",
            "--baseline",
            "base.json",
            "locales",
            "docs",
        ],
    );
    assert_eq!(
        rules_of(&out),
        ["\"docs/b.md\" \"house-email\" \"warning\""]
    );
}

#[test]
fn explain_a_pattern_rule_and_the_feature() {
    let dir = project(CONFIG);
    let out = salin_in(dir.path())
        .args(["explain", "forbidden-kompyuter"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "# forbidden-kompyuter

A project pattern (`[[patterns]]` at salin.toml:8).

- Message: Use `computer`, the glossary's term
- Regex: `(?i)\\bkompyuter\\b`
- Replacement: none (report only)
- Severity: error
- Files: `locales/**`

See `salin explain patterns` for how pattern rules work.
"
    );
    let out = salin_in(dir.path())
        .args(["explain", "house-email"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout).unwrap().contains(
            "- Replacement: `${1}mail` (safe: applied by `--fix`)\n- Severity: warning\n"
        )
    );
    let out = salin_in(dir.path())
        .args(["explain", "patterns"])
        .output()
        .unwrap();
    let doc = String::from_utf8(out.stdout).unwrap();
    assert!(doc.starts_with("# patterns\n\nProject checklists"), "{doc}");
}
