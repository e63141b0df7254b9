//! `salin server` end to end: the binary is started and spoken to over
//! JSON-RPC as an editor would; every edit a code action returns is applied
//! client-side and compared with what the command line (`--fix`,
//! `--add-suppressions`) makes of the same text.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::lsp_client::{Client, apply_edits, edits_for, file_uri};
use serde_json::{Value, json};

/// An article with an emoji, a combining tilde (`n` + U+0303) and CRLF
/// line endings.
const ARTICLE: &str = "# Balita 😀\r\n\r\n😀 Ayon kay Paran\u{303}aque, mabilis ang pag -unlad ng Glaxosmithkline.\r\nNanalo ang Innovant ng Award Award.\r\n";

fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    (dir, root)
}

/// `salin ARGS` in `dir` with `stdin`; its stdout.
fn cli(dir: &Path, args: &[&str], stdin: &str) -> String {
    let mut child = Command::new(crate::common::salin_path())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap()
}

/// What `salin check --fix` makes of `text` (with `extra` arguments).
fn cli_fix(dir: &Path, name: &str, text: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "check",
        "--no-dictionary",
        "--fix",
        "--stdin-filename",
        name,
    ];
    args.extend_from_slice(extra);
    args.push("-");
    cli(dir, &args, text)
}

/// The rules of `salin check --format json FILE`'s findings, in order.
fn cli_rules(dir: &Path, file: &str) -> Vec<String> {
    let report = cli(
        dir,
        &["check", "--no-dictionary", "--format", "json", file],
        "",
    );
    let findings: Vec<Value> = serde_json::from_str(&report).unwrap();
    findings
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

/// `salin check --add-suppressions` of one rule's findings in `file`.
fn cli_add_suppressions(dir: &Path, rule: &str, file: &str) {
    let args = [
        "check",
        "--no-dictionary",
        "--add-suppressions",
        "--select",
        rule,
        file,
    ];
    cli(dir, &args, "");
}

fn range(d: &Value) -> [u64; 4] {
    let r = &d["range"];
    [
        r["start"]["line"].as_u64().unwrap(),
        r["start"]["character"].as_u64().unwrap(),
        r["end"]["line"].as_u64().unwrap(),
        r["end"]["character"].as_u64().unwrap(),
    ]
}

/// `[start line, start character, end line, end character]` of each.
fn ranges(diagnostics: &[Value]) -> String {
    format!("{:?}", diagnostics.iter().map(range).collect::<Vec<_>>())
}

/// Opens ARTICLE as `balita.md`; its URI and first diagnostics.
fn open_article(client: &mut Client, root: &Path) -> (String, Vec<Value>) {
    let uri = file_uri(&root.join("balita.md"));
    client.open(&uri, "markdown", ARTICLE, 1);
    let diagnostics = client.diagnostics(&uri, Some(1));
    (uri, diagnostics)
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

/// The code actions for `range`, of the kinds in `only`.
fn actions(client: &mut Client, uri: &str, range: Value, only: &[&str]) -> Vec<Value> {
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": range,
            "context": {"diagnostics": [], "only": only}
        }),
    );
    response["result"].as_array().unwrap().clone()
}

fn titled<'a>(actions: &'a [Value], title: &str) -> &'a Value {
    actions
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no action `{title}` in {actions:#?}"))
}

/// Applies a workspace edit to the files on disk, as an editor would.
fn apply_to_disk(edit: &Value, encoding: &str) {
    for change in edit["documentChanges"].as_array().unwrap() {
        if change["kind"] == "create" {
            let path = PathBuf::from(
                change["uri"]
                    .as_str()
                    .unwrap()
                    .strip_prefix("file://")
                    .unwrap(),
            );
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            if !path.exists() {
                fs::write(&path, "").unwrap();
            }
            continue;
        }
        let uri = change["textDocument"]["uri"].as_str().unwrap();
        let path = PathBuf::from(uri.strip_prefix("file://").unwrap());
        let text = fs::read_to_string(&path).unwrap();
        let edits = change["edits"].as_array().unwrap();
        fs::write(&path, apply_edits(&text, edits, encoding)).unwrap();
    }
}

fn assert_clean_exit(exit: crate::lsp_client::Exit, code: i32) {
    assert_eq!(exit.status.code(), Some(code), "stderr: {}", exit.stderr);
    assert!(
        exit.stray.is_empty(),
        "stray output on stdout: {:?}",
        exit.stray
    );
    assert!(!exit.stderr.contains("panicked"), "{}", exit.stderr);
}

#[test]
fn utf16_diagnostics_code_actions_hover_and_edits() {
    let (_dir, root) = project();
    let mut client = Client::start(&root);
    let init = client.initialize(&root, None);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "salin");

    let (uri, diagnostics) = open_article(&mut client, &root);
    assert_eq!(
        codes(&diagnostics),
        [
            "hyphen-spacing",
            "glossary-case",
            "glossary-near-miss",
            "repeated-word"
        ]
    );
    // UTF-16: the emoji counts two, the combining tilde one.
    assert_eq!(
        ranges(&diagnostics),
        "[[2, 36, 2, 46], [2, 50, 2, 65], [3, 11, 3, 19], [3, 23, 3, 34]]"
    );
    let d = &diagnostics[0];
    assert_eq!(d["severity"], 1);
    assert_eq!(diagnostics[2]["severity"], 2);
    assert_eq!(d["source"], "salin");
    assert_eq!(
        d["message"],
        "stray space before the hyphen of the prefix `pag-`; write `pag-unlad`"
    );
    let href = d["codeDescription"]["href"].as_str().unwrap();
    let doc = fs::read_to_string(href.strip_prefix("file://").unwrap()).unwrap();
    assert!(doc.starts_with("# hyphen-spacing\n"), "{doc}");

    // Fix all safe problems = `salin check --fix`.
    let all = actions(&mut client, &uri, d["range"].clone(), &["source.fixAll"]);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["kind"], "source.fixAll.salin");
    let fixed = apply_edits(ARTICLE, &edits_for(&all[0]["edit"], &uri), "utf-16");
    assert_eq!(fixed, cli_fix(&root, "balita.md", ARTICLE, &[]));
    assert!(fixed.contains("pag-unlad ng GlaxoSmithKline.\r\n"));

    // One safe fix = `--fix` with only that rule.
    let quick = actions(&mut client, &uri, d["range"].clone(), &["quickfix"]);
    let fix = titled(&quick, "salin: write `pag-unlad` (safe fix)");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["diagnostics"][0]["code"], "hyphen-spacing");
    assert_eq!(
        apply_edits(ARTICLE, &edits_for(&fix["edit"], &uri), "utf-16"),
        cli_fix(&root, "balita.md", ARTICLE, &["--select", "hyphen-spacing"])
    );
    assert!(quick.iter().all(|a| a["kind"] == "quickfix"));

    // The unsafe fix, labelled, = `--fix --unsafe-fixes` with only that rule.
    let near = diagnostics[2]["range"].clone();
    let quick = actions(&mut client, &uri, near.clone(), &["quickfix"]);
    let fix = titled(
        &quick,
        "salin: write `Innovent` (unsafe fix: a guess, check it)",
    );
    assert_eq!(fix["isPreferred"], false);
    assert_eq!(
        apply_edits(ARTICLE, &edits_for(&fix["edit"], &uri), "utf-16"),
        cli_fix(
            &root,
            "balita.md",
            ARTICLE,
            &["--unsafe-fixes", "--select", "glossary-near-miss"]
        )
    );

    // The suppression comment = `--add-suppressions` with only that rule.
    let ignore = titled(&quick, "salin: ignore `glossary-near-miss` on this line");
    let suppressed = apply_edits(ARTICLE, &edits_for(&ignore["edit"], &uri), "utf-16");
    let copy = root.join("kopya.md");
    fs::write(&copy, ARTICLE).unwrap();
    cli_add_suppressions(&root, "glossary-near-miss", "kopya.md");
    assert_eq!(suppressed, fs::read_to_string(&copy).unwrap());
    assert!(suppressed.contains("<!-- salin-disable-next-line glossary-near-miss -->"));
    fs::remove_file(&copy).unwrap();

    // Hover explains the rule.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 40}}),
    );
    let text = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("`hyphen-spacing` (error): stray space"),
        "{text}"
    );
    assert!(text.contains("# hyphen-spacing\n"), "{text}");
    assert_eq!(hover["result"]["range"], d["range"]);

    // Add the word to the project glossary: a new glossary/project.tsv,
    // recorded in a new salin.toml; after the watched-files notice the
    // near-miss is gone, and the command line agrees.
    let add = titled(
        &quick,
        "salin: add `Innovant` to the glossary (glossary/project.tsv)",
    );
    apply_to_disk(&add["edit"], "utf-16");
    assert_eq!(
        fs::read_to_string(root.join("glossary/project.tsv")).unwrap(),
        "Innovant\n"
    );
    assert_eq!(
        fs::read_to_string(root.join("salin.toml")).unwrap(),
        "glossaries = [\"glossary/project.tsv\"]\n"
    );
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [
            {"uri": file_uri(&root.join("glossary/project.tsv")), "type": 1},
            {"uri": file_uri(&root.join("salin.toml")), "type": 1}
        ]}),
    );
    let after = client.diagnostics(&uri, Some(1));
    assert_eq!(
        codes(&after),
        ["hyphen-spacing", "glossary-case", "repeated-word"]
    );
    fs::write(root.join("balita.md"), ARTICLE).unwrap();
    let report = cli(
        &root,
        &["check", "--no-dictionary", "--format", "json", "balita.md"],
        "",
    );
    assert!(!report.contains("glossary-near-miss"), "{report}");

    // An edit: the stray space deleted (UTF-16 columns), checked after the
    // debounce; a save checks again.
    client.change(&uri, 2, Some([2, 39, 2, 40]), "");
    let edited = client.diagnostics(&uri, Some(2));
    assert_eq!(codes(&edited), ["glossary-case", "repeated-word"]);
    assert_eq!(range(&edited[0]), [2, 49, 2, 64]);
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(client.diagnostics(&uri, Some(2)), edited);

    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert!(client.diagnostics(&uri, None).is_empty());
    assert_clean_exit(client.shutdown(), 0);
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let (_dir, root) = project();
    let mut client = Client::start(&root);
    let init = client.initialize(&root, Some(&["utf-8", "utf-16"]));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");

    let (uri, diagnostics) = open_article(&mut client, &root);
    // UTF-8: the emoji counts four, the combining tilde two.
    assert_eq!(
        ranges(&diagnostics),
        "[[2, 39, 2, 49], [2, 53, 2, 68], [3, 11, 3, 19], [3, 23, 3, 34]]"
    );

    // Replace the emoji of line 3 with a word, in UTF-8 columns.
    client.change(&uri, 2, Some([2, 0, 2, 4]), "Ngayon:");
    let edited = client.diagnostics(&uri, Some(2));
    assert_eq!(range(&edited[0]), [2, 42, 2, 52]);
    let text = ARTICLE.replacen("😀 Ayon", "Ngayon: Ayon", 1);
    let all = actions(&mut client, &uri, edited[0]["range"].clone(), &["source"]);
    let fixed = apply_edits(&text, &edits_for(&all[0]["edit"], &uri), "utf-8");
    assert_eq!(fixed, cli_fix(&root, "balita.md", &text, &[]));
    assert_clean_exit(client.shutdown(), 0);
}

#[test]
fn configuration_errors_are_shown_and_changes_reload() {
    let (_dir, root) = project();
    fs::write(root.join("salin.toml"), "ignore = [\"hyphen-spacing\"]\n").unwrap();
    let mut client = Client::start(&root);
    client.initialize(&root, None);
    let (uri, diagnostics) = open_article(&mut client, &root);
    assert_eq!(
        codes(&diagnostics),
        ["glossary-case", "glossary-near-miss", "repeated-word"]
    );

    let changed = |client: &mut Client, name: &str| {
        client.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": file_uri(&root.join(name)), "type": 2}]}),
        );
    };
    // A broken configuration: shown, and the defaults are used meanwhile.
    fs::write(root.join("salin.toml"), "ignore = [\"hyphen-spase\"]\n").unwrap();
    changed(&mut client, "salin.toml");
    let shown = client.wait_for(|m| m["method"] == "window/showMessage");
    assert_eq!(shown["params"]["type"], 1);
    // Named as on the command line: relative to the server's directory.
    assert_eq!(
        shown["params"]["message"],
        "salin: salin.toml:1: unknown rule `hyphen-spase` (see `salin rules`); checking with the default settings"
    );
    assert_eq!(
        codes(&client.diagnostics(&uri, Some(1))),
        [
            "hyphen-spacing",
            "glossary-case",
            "glossary-near-miss",
            "repeated-word"
        ]
    );

    // Fixed, with a glossary that knows `Innovant`.
    fs::write(root.join("names.tsv"), "Innovant\n").unwrap();
    fs::write(
        root.join("salin.toml"),
        "glossaries = [\"names.tsv\"]\nignore = [\"hyphen-spacing\"]\n",
    )
    .unwrap();
    changed(&mut client, "salin.toml");
    let shown = client.wait_for(|m| m["method"] == "window/showMessage");
    assert_eq!(shown["params"]["type"], 3);
    assert_eq!(
        codes(&client.diagnostics(&uri, Some(1))),
        ["glossary-case", "repeated-word"]
    );

    // The glossary edited on disk: the near-miss is back.
    fs::write(root.join("names.tsv"), "# wala na\n").unwrap();
    changed(&mut client, "names.tsv");
    assert_eq!(
        codes(&client.diagnostics(&uri, Some(1))),
        ["glossary-case", "glossary-near-miss", "repeated-word"]
    );
    assert_clean_exit(client.shutdown(), 0);
}

#[test]
fn localisation_files_pair_with_their_source_and_suppress_per_entry() {
    let (_dir, root) = project();
    fs::write(
        root.join("salin.toml"),
        "[[pairs]]\ntarget = \"**/tl.yml\"\nsource = \"{dir}/en.yml\"\n",
    )
    .unwrap();
    let source = "greeting: \"Hello {{name}}\"\nsave: Save\n";
    fs::write(root.join("en.yml"), source).unwrap();
    let target = "greeting: \"Kumusta {{pangalan}}\"\nsave: I -save\n";
    let mut client = Client::start(&root);
    client.initialize(&root, None);
    let uri = file_uri(&root.join("tl.yml"));
    client.open(&uri, "yaml", target, 1);
    let found = client.diagnostics(&uri, Some(1));
    assert_eq!(codes(&found), ["placeholder-mismatch", "hyphen-spacing"]);
    fs::write(root.join("tl.yml"), target).unwrap();
    assert_eq!(cli_rules(&root, "tl.yml"), codes(&found));

    // YAML's suppression comment, as `--add-suppressions` writes it.
    let quick = actions(&mut client, &uri, found[1]["range"].clone(), &["quickfix"]);
    let ignore = titled(&quick, "salin: ignore `hyphen-spacing` in this entry");
    let suppressed = apply_edits(target, &edits_for(&ignore["edit"], &uri), "utf-16");
    cli_add_suppressions(&root, "hyphen-spacing", "tl.yml");
    assert_eq!(suppressed, fs::read_to_string(root.join("tl.yml")).unwrap());

    // The source opened and edited in the editor: its text, not the file's,
    // is what the translation is compared with.
    let source_uri = file_uri(&root.join("en.yml"));
    client.open(&source_uri, "yaml", source, 1);
    client.diagnostics(&source_uri, Some(1));
    client.change(
        &source_uri,
        2,
        None,
        "greeting: \"Hello {{pangalan}}\"\nsave: Save\n",
    );
    assert_eq!(
        codes(&client.diagnostics(&uri, Some(1))),
        ["hyphen-spacing"]
    );
    assert_clean_exit(client.shutdown(), 0);
}

/// An inconsistent translation lists its other places in the document as
/// the diagnostic's related information.
#[test]
fn inconsistencies_list_their_other_places() {
    let (_dir, root) = project();
    fs::write(root.join("en.json"), r#"{"a": "Save", "b": "Save"}"#).unwrap();
    let mut client = Client::start(&root);
    client.initialize(&root, None);
    let uri = file_uri(&root.join("tl.json"));
    client.open(&uri, "json", "{\"a\": \"I-save\",\n\"b\": \"Itago\"}", 1);
    let found = client.diagnostics(&uri, Some(1));
    assert_eq!(codes(&found), ["inconsistent-translation"]);
    let related = found[0]["relatedInformation"].as_array().unwrap();
    assert_eq!(related.len(), 1);
    assert_eq!(related[0]["location"]["uri"], uri.as_str());
    assert_eq!(range(&related[0]["location"]), [1, 6, 1, 11]);
    assert_eq!(related[0]["message"], "translated `Itago`");
    assert_clean_exit(client.shutdown(), 0);
}

#[test]
fn malformed_messages_are_answered_and_do_not_stop_the_server() {
    let (_dir, root) = project();
    let mut client = Client::start(&root);
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002);
    client.initialize(&root, None);

    client.send_raw(b"{not json");
    let e = client.wait_for(|m| m["id"].is_null() && m.get("error").is_some());
    assert_eq!(e["error"]["code"], -32700);
    client.send_raw(&[b'{', 0xff, b'}']);
    let e = client.wait_for(|m| m["id"].is_null() && m.get("error").is_some());
    assert_eq!(e["error"]["code"], -32700);
    client.send_raw(br#"{"jsonrpc":"2.0","id":41,"method":7}"#);
    let e = client.wait_for(|m| m["id"] == 41);
    assert_eq!(e["error"]["code"], -32600);
    let e = client.request("textDocument/codeAction", json!({"bogus": 1}));
    assert_eq!(e["error"]["code"], -32602);
    let e = client.request("salin/nothing", json!({}));
    assert_eq!(e["error"]["code"], -32601);
    client.notify("textDocument/didOpen", json!({"textDocument": 5}));
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///wala.md", "version": 2}, "contentChanges": []}),
    );
    // A change with a range past the end of the text is clamped.
    let uri = file_uri(&root.join("a.txt"));
    client.open(&uri, "plaintext", "Ang pag -unlad.\n", 1);
    assert_eq!(
        codes(&client.diagnostics(&uri, Some(1))),
        ["hyphen-spacing"]
    );
    client.change(&uri, 2, Some([9, 0, 99, 5]), "Award Award.\n");
    assert_eq!(
        codes(&client.diagnostics(&uri, Some(2))),
        ["hyphen-spacing", "repeated-word"]
    );
    // A document salin does not read gets no diagnostics.
    let rust = file_uri(&root.join("main.rs"));
    client.open(&rust, "rust", "// pag -unlad\n", 1);
    assert!(!client.arrives_within(Duration::from_millis(300), |m| m["params"]["uri"] == rust));

    // Framing that cannot be followed ends the connection, without a panic
    // and without a word on stdout.
    client.send_unframed(b"Content-Type: x\r\n\r\n{}");
    let exit = client.finish();
    assert!(
        exit.stderr
            .contains("salin server: a message without a Content-Length header; stopping"),
        "{}",
        exit.stderr
    );
    assert_clean_exit(exit, 1);
}

#[test]
fn every_format_is_checked_as_on_the_command_line() {
    let (_dir, root) = project();
    let po = "msgid \"Save\"\nmsgstr \"I -save\"\n\nmsgid \"Hi {name}\"\nmsgstr \"Kumusta {pangalan}\"\n";
    let xliff = "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>Save</source><target>I -save</target></trans-unit></body></file></xliff>\n";
    let files = [
        ("a.md", "markdown", "Ang pag -unlad ng `pag -unlad`.\n"),
        ("a.txt", "plaintext", "Nanalo ng Award Award.\n"),
        ("tl.yml", "yaml", "save: I -save\n"),
        ("tl.json", "json", "{\"save\": \"I -save nalang\"}\n"),
        ("tl.po", "po", po),
        ("tl.xlf", "xml", xliff),
    ];
    let mut client = Client::start(&root);
    client.initialize(&root, None);
    for (name, language, text) in files {
        fs::write(root.join(name), text).unwrap();
        let expected = cli_rules(&root, name);
        assert!(!expected.is_empty(), "{name}");
        let uri = file_uri(&root.join(name));
        client.open(&uri, language, text, 1);
        assert_eq!(
            codes(&client.diagnostics(&uri, Some(1))),
            expected,
            "{name}"
        );
    }
    // An unsaved buffer: no path, so the language id decides.
    client.open("untitled:Untitled-1", "markdown", "Ang pag -unlad.\n", 1);
    assert_eq!(
        codes(&client.diagnostics("untitled:Untitled-1", Some(1))),
        ["hyphen-spacing"]
    );
    assert_clean_exit(client.shutdown(), 0);
}
