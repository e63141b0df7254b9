//! Fixes that respect the file format, and files that are read whole or
//! refused (issue 12): each case with its exact input and exact outcome,
//! through the `salin` command.

use std::fs;
use std::path::Path;

use tempfile::TempDir;

use crate::names::HOSTILE_GLOSSARY;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    /// The file after the run.
    text: String,
}

/// Writes `text` to `name` in a fresh directory (with the hostile glossary
/// beside it) and runs `salin check ARGS name`.
fn run(name: &str, text: &str, args: &[&str]) -> Run {
    let mut args = args.to_vec();
    args.push(name);
    run_with(&[(name, text)], &args, name)
}

/// Writes `files` to a fresh directory, runs `salin check ARGS` and reads
/// `read_back` afterwards.
fn run_with(files: &[(&str, &str)], args: &[&str], read_back: &str) -> Run {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("names.toml"), HOSTILE_GLOSSARY).unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let out = crate::common::salin_check_in(dir.path())
        .args(["--glossary", "names.toml"])
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        text: fs::read_to_string(dir.path().join(read_back)).unwrap(),
    }
}

/// `rule text` of each finding of a JSON report, with whether it has a fix.
fn findings(stdout: &str) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_str(stdout).unwrap();
    report
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {:?}{}",
                d["rule"].as_str().unwrap(),
                d["text"].as_str().unwrap(),
                if d["fix"].is_null() { "" } else { " (fix)" }
            )
        })
        .collect()
}

// 1. Replacement text is encoded for the place it lands.

#[test]
fn replacements_are_written_in_the_syntax_of_their_string() {
    for (name, before, after) in [
        (
            "r.yml",
            "a: 'Kumain sa Mcdonald\u{2019}s kahapon'\n",
            "a: 'Kumain sa McDonald''s kahapon'\n",
        ),
        (
            "d.yml",
            "a: \"Namili sa Toys R Us kahapon\"\n",
            "a: \"Namili sa Toys\\\"R\\\"Us kahapon\"\n",
        ),
        (
            "p.yml",
            "a: Namili sa Toys R Us kahapon\n",
            "a: Namili sa Toys\"R\"Us kahapon\n",
        ),
        (
            "b.yml",
            "a: |\n  Namili sa Toys R Us kahapon\n",
            "a: |\n  Namili sa Toys\"R\"Us kahapon\n",
        ),
        (
            "t.json",
            "{\"a\": \"Namili sa Toys R Us kahapon\"}\n",
            "{\"a\": \"Namili sa Toys\\\"R\\\"Us kahapon\"}\n",
        ),
        (
            "t.po",
            "msgid \"\"\nmsgstr \"\"\n\"Language: tl\\n\"\n\nmsgid \"Shopped\"\nmsgstr \"Namili sa Toys R Us kahapon\"\n",
            "msgid \"\"\nmsgstr \"\"\n\"Language: tl\\n\"\n\nmsgid \"Shopped\"\nmsgstr \"Namili sa Toys\\\"R\\\"Us kahapon\"\n",
        ),
        (
            "t.xlf",
            "<xliff><file><body><trans-unit id=\"a\"><source>Call AT&amp;T</source><target>Tawagan ang AT and T ngayon</target></trans-unit></body></file></xliff>\n",
            "<xliff><file><body><trans-unit id=\"a\"><source>Call AT&amp;T</source><target>Tawagan ang AT&amp;T ngayon</target></trans-unit></body></file></xliff>\n",
        ),
        (
            "t.md",
            "Namili sa Toys R Us kahapon.\n",
            "Namili sa Toys\"R\"Us kahapon.\n",
        ),
    ] {
        let r = run(name, before, &["--fix"]);
        assert_eq!(r.text, after, "{name}: {}", r.stderr);
        assert_eq!(r.code, Some(0), "{name}: {}{}", r.stdout, r.stderr);
        let format = salin::Format::from_path(Path::new(name)).unwrap();
        assert!(crate::oracle::parses(&r.text, format), "{name}");
    }
}

#[test]
fn a_replacement_a_single_quoted_value_cannot_hold_is_reported_not_fixed() {
    // whitespace-mismatch wants a line break at the end: single quotes can
    // only write it as a blank line, so the finding stays, unfixed.
    let r = run_with(
        &[
            ("tl.yml", "a: 'Tapos na'\nb: \"Tapos na\"\n"),
            ("en.json", "{\"a\": \"Done\\n\", \"b\": \"Done\\n\"}\n"),
        ],
        &["--source", "en.json", "--fix", "--format", "json", "tl.yml"],
        "tl.yml",
    );
    assert_eq!(r.text, "a: 'Tapos na'\nb: \"Tapos na\\n\"\n");
    assert_eq!(findings(&r.stdout), ["whitespace-mismatch \"\""]);
    assert_eq!(r.code, Some(1));
}

// 2. A fix never changes a value's type or the structure.

#[test]
fn plain_scalars_stay_strings() {
    for (before, after) in [
        ("a: No No No\n", "a: \"No\"\n"),
        ("b: Ayon sa ulat 1 .\n", "b: Ayon sa ulat 1.\n"),
        ("b: 1 .\n", "b: \"1.\"\n"),
        ("- Award Award Award\n", "- Award\n"),
        ("c: Yes Yes Yes\n", "c: \"Yes\"\n"),
    ] {
        let r = run("a.yml", before, &["--fix"]);
        assert_eq!(r.text, after, "{before}: {}{}", r.stdout, r.stderr);
    }
    // An unsafe fix that would make `Pangalan:` a syntax error quotes it.
    let r = run_with(
        &[("tl.yml", "a: Pangalan\n"), ("en.yml", "a: 'Name:'\n")],
        &["--source", "en.yml", "--fix", "--unsafe-fixes", "tl.yml"],
        "tl.yml",
    );
    assert_eq!(r.text, "a: \"Pangalan:\"\n", "{}", r.stderr);
    assert_eq!(r.code, Some(0));
}

// 3. Only translatable text is checked or edited.

#[test]
fn yaml_keys_are_never_checked_or_edited() {
    let text = "? I -update\n: Isang halaga\n!!str I -load: y\ng: { a: b,\n  c: Co, Ltd }\n";
    let r = run("k.yml", text, &["--fix", "--format", "json"]);
    assert_eq!(r.text, text);
    assert_eq!(findings(&r.stdout), Vec::<String>::new());
    assert_eq!(r.code, Some(0));
}

#[test]
fn a_flow_collection_continued_at_column_0_is_an_error() {
    let text = "h: [x,\ny: I -update]\n";
    let r = run("f.yml", text, &["--fix"]);
    assert_eq!(
        r.stderr,
        "salin: error: f.yml:2: not valid YAML: invalid indentation in flow construct\n"
    );
    assert_eq!(r.code, Some(2));
    assert_eq!(r.text, text);
}

#[test]
fn xliff_attributes_and_comments_are_not_text_and_cdata_is() {
    let text = "<xliff><file><body><trans-unit id=\"a\"><source>Click <ph id=\"1\" equiv-text=\"a > update\"/> at x</source><target>I-<ph id=\"1\" equiv-text=\"a > I -update\"/>click <!-- pag -unlad --> at <![CDATA[ang pag -unlad]]></target></trans-unit></body></file></xliff>\n";
    let r = run("a.xlf", text, &["--fix", "--format", "json"]);
    assert_eq!(
        r.text,
        text.replace("CDATA[ang pag -unlad]", "CDATA[ang pag-unlad]")
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

// 4. Markdown structure.

#[test]
fn markdown_labels_and_emphasis_are_kept() {
    let text = "Ang [Co, Ltd] ay kumpanya.\n\n[Co, Ltd]: https://example.com\n\nAt ang *Acme Co, Ltd*ay iba.\n";
    let r = run("a.md", text, &["--fix", "--format", "json"]);
    assert_eq!(r.text, text);
    assert_eq!(
        findings(&r.stdout),
        ["company-suffix \"Co, Ltd\"", "company-suffix \"Co, Ltd\""]
    );
    assert_eq!(r.code, Some(1));
}

// 5. Source-aware rules compare decoded values.

#[test]
fn placeholders_are_compared_decoded() {
    let r = run_with(
        &[
            ("tl.yml", "a: \"<a href=\\\"/x\\\">Tingnan</a>\"\n"),
            ("en.yml", "a: '<a href=\"/x\">See</a>'\n"),
        ],
        &["--source", "en.yml", "--format", "json", "tl.yml"],
        "tl.yml",
    );
    assert_eq!(findings(&r.stdout), Vec::<String>::new());
    assert_eq!(r.code, Some(0));
}

// 6. --add-suppressions never writes into a block scalar.

#[test]
fn suppressions_go_before_a_block_scalar() {
    let text = "- |\n  Ang pag -unlad\n- k: >2\n     Ang pag -unlad\n";
    let r = run("s.yml", text, &["--add-suppressions"]);
    assert_eq!(
        r.text,
        "# salin: ignore[hyphen-spacing]\n- |\n  Ang pag -unlad\n# salin: ignore[hyphen-spacing]\n- k: >2\n     Ang pag -unlad\n"
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    // The values are unchanged, and the findings silenced.
    let r2 = run("s.yml", &r.text, &["--format", "json"]);
    assert_eq!(findings(&r2.stdout), Vec::<String>::new());
}

// 7. Fixes that fight.

#[test]
fn company_suffix_and_punctuation_mismatch_agree() {
    let r = run_with(
        &[
            ("tl.yml", "a: Acme Co, Ltd\n"),
            ("en.yml", "a: Acme Co, Ltd\n"),
        ],
        &["--source", "en.yml", "--fix", "--unsafe-fixes", "tl.yml"],
        "tl.yml",
    );
    assert_eq!(r.text, "a: Acme Co., Ltd.\n");
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
}

// 10. Malformed input is an error naming the file and line.

#[test]
fn malformed_files_are_errors_with_file_and_line() {
    for (name, text, message) in [
        (
            "c.json",
            "{\n  // komento\n  \"a\": \"I -update\"\n}\n",
            "c.json:2: not valid JSON: Comments are not allowed",
        ),
        (
            "m.json",
            "{\n  \"a\": \"x\"\n  \"b\": \"I -update\"\n}\n",
            "m.json:2: not valid JSON: Expected comma",
        ),
        (
            "q.yml",
            "a: ok\nb: \"I -update\nc: x\n",
            "q.yml:2: not valid YAML: invalid indentation in quoted scalar",
        ),
        (
            "u.po",
            "msgid \"a\"\nmsgstr \"I -update\n",
            "u.po:2: not valid PO: unterminated string",
        ),
        (
            "t.xlf",
            "<xliff><file><body>\n<trans-unit id=\"a\"><target>I -update</target></trans-unit>\n<trans-unit id=\"b\"><target>I -upd",
            "t.xlf:3: not well-formed XML: the file ends inside <target>",
        ),
        (
            "d.json",
            &"[".repeat(6000),
            "d.json:1: not valid JSON: Maximum nesting depth exceeded",
        ),
    ] {
        let r = run(name, text, &["--fix"]);
        assert_eq!(r.stderr, format!("salin: error: {message}\n"), "{name}");
        assert_eq!(r.code, Some(2), "{name}");
        assert_eq!(r.text, text, "{name}");
    }
}

#[test]
fn broken_glossaries_are_errors() {
    for (name, text, message) in [
        (
            "g.csv",
            "term,note\nInnovent,\"isang tala\nMerck,x\n",
            "g.csv:2: a quoted field is not closed (a `\"` is missing)",
        ),
        (
            "g.tbx",
            "<martif><text><body>\n<termEntry><langSet xml:lang=\"tl\"><tig><term>Innovent</term></tig></langSet></termEntry>\n<termEntry>",
            "g.tbx:3: malformed XML: the file ends inside <termEntry>",
        ),
    ] {
        let r = run_with(
            &[(name, text), ("a.txt", "Ang pag -unlad.\n")],
            &["--glossary", name, "a.txt"],
            "a.txt",
        );
        assert_eq!(r.stderr, format!("salin: error: {message}\n"), "{name}");
        assert_eq!(r.code, Some(2), "{name}");
    }
}

// 11. PO: the entry before obsolete ones is checked.

#[test]
fn the_po_entry_before_obsolete_ones_is_checked() {
    let text =
        "msgid \"Update\"\nmsgstr \"I -update\"\n\n#~ msgid \"Old\"\n#~ msgstr \"I -luma\"\n";
    let r = run("o.po", text, &["--fix"]);
    assert_eq!(r.text, text.replace("\"I -update\"", "\"I-update\""));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

// A plural form of any index is a value: its continuation lines belong to
// it, not to `msgid_plural` (polib reads only `msgstr[0]`..`msgstr[9]`; the
// fuzzer's ninth find).

#[test]
fn a_po_plural_form_past_nine_is_fixed_in_its_own_value() {
    let text = "msgid \"One\"\nmsgid_plural \"Many\"\nmsgstr[12] \"Isa\\n\"\n\"I -update\"\n";
    let r = run("p.po", text, &["--fix"]);
    assert_eq!(r.text, text.replace("\"I -update\"", "\"I-update\""));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

// A quoted YAML value followed by blanks or a comment is read to its
// closing quote (the parser's span runs on to the line's end): it is
// checked and fixed, the comment is left alone, and a comment ending in a
// multi-byte character is no panic (the fuzzer's tenth find).

#[test]
fn a_quoted_yaml_value_before_a_comment_is_checked_and_fixed() {
    let text = "a: \"I -update\" # I -load\nb: 'I -update'   \nc: \"Isa\" # \u{672}\n";
    let r = run("c.yml", text, &["--fix"]);
    assert_eq!(
        r.text,
        "a: \"I-update\" # I -load\nb: 'I-update'   \nc: \"Isa\" # \u{672}\n"
    );
    assert_eq!((r.code, r.stderr.as_str()), (Some(0), ""));
}

// A value tagged as a string is text, whatever it reads like; other tags
// are not (the fuzzer's twelfth find was the oracle judging `!!str` values
// as non-text).

#[test]
fn a_string_tagged_yaml_value_is_checked_and_others_are_not() {
    let text = "a: !!str I -update\nb: !!binary I -update\n";
    let r = run("t.yml", text, &["--fix"]);
    assert_eq!(r.text, "a: !!str I-update\nb: !!binary I -update\n");
    assert_eq!((r.code, r.stderr.as_str()), (Some(0), ""));
}

// 12. A structured file salin does not parse is not fixed as plain text.

#[test]
fn a_csv_named_explicitly_is_checked_but_not_fixed() {
    let text = "en,tl\nUpdate,I -update\n";
    let r = run("bilingual.csv", text, &["--fix"]);
    assert_eq!(r.text, text);
    assert_eq!(
        r.stderr,
        "salin: note: bilingual.csv: not a format salin parses; checked as plain text, not fixed\n"
    );
    assert!(r.stdout.contains("error[hyphen-spacing]"), "{}", r.stdout);
    assert_eq!(r.code, Some(1));
}

// 14. Nesting depth.

#[test]
fn deep_yaml_is_read_without_overflow() {
    let r = run("deep.yml", &"- ".repeat(10_000), &["--fix"]);
    assert_eq!((r.code, r.stderr.as_str()), (Some(0), ""));
    let r = run("deep2.yml", &"[".repeat(6000), &["--fix"]);
    assert_eq!(r.code, Some(2));
    assert_eq!(
        r.stderr,
        "salin: error: deep2.yml:1: not valid YAML: recursion limit exceeded\n"
    );
}

// 16. Deep XLIFF markup is read in linear time, and the time-out is polled
// while parsing.

#[test]
fn deep_xliff_markup_is_checked() {
    let n = 30_000;
    let text = format!(
        "<xliff><file><body><trans-unit id=\"a\"><target>{}Ang pag -unlad{}</target></trans-unit></body></file></xliff>\n",
        "<g id=\"1\">".repeat(n),
        "</g>".repeat(n)
    );
    let r = run("deep.xlf", &text, &["--fix", "--timeout", "60"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.text, text.replace("pag -unlad", "pag-unlad"));
}
