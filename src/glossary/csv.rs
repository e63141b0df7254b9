//! The CSV glossary format, for spreadsheets: a header row naming the columns
//! (`term,variants,forbidden,source,kind,case,note`, in any order; only `term`
//! is required), then one term per row. Lists (`variants`, `forbidden`,
//! `source`) separate their items with `|`.

use super::{CaseMode, GlossaryError, Kind, Origin, Term};

const COLUMNS: &[&str] = &[
    "term",
    "variants",
    "forbidden",
    "source",
    "kind",
    "case",
    "note",
];

pub fn parse(text: &str, file: &str) -> Result<Vec<Term>, GlossaryError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(line) = unterminated_quote(text) {
        // The csv reader would take the rest of the file into the field.
        return Err(GlossaryError::at(
            file,
            line,
            "a quoted field is not closed (a `\"` is missing)",
        ));
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(false)
        .trim(::csv::Trim::All)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| csv_error(file, &e))?.clone();
    let mut index = [None; 7];
    for (i, h) in headers.iter().enumerate() {
        let h = h.to_ascii_lowercase();
        match COLUMNS.iter().position(|c| *c == h) {
            Some(c) if index[c].is_none() => index[c] = Some(i),
            Some(_) => {
                return Err(GlossaryError::at(
                    file,
                    1,
                    format!("column `{h}` appears twice"),
                ));
            }
            None => {
                return Err(GlossaryError::at(
                    file,
                    1,
                    format!("unknown column `{h}` (expected {})", COLUMNS.join(", ")),
                ));
            }
        }
    }
    if index[0].is_none() {
        return Err(GlossaryError::at(
            file,
            1,
            "the header has no `term` column",
        ));
    }
    let mut terms = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let get = |c: usize| index[c].and_then(|i| record.get(i)).unwrap_or("");
        let err = |m: String| GlossaryError::at(file, line, m);
        let canonical = get(0);
        if canonical.is_empty() {
            return Err(err("the `term` column is empty".into()));
        }
        let mut term = Term::new(canonical, Origin::new(file, line));
        term.variants = list(get(1));
        term.forbidden = list(get(2));
        term.source = list(get(3));
        term.kind = Kind::parse(get(4)).ok_or_else(|| {
            err(format!(
                "unknown kind `{}` (expected person, organization, place, product or other)",
                get(4)
            ))
        })?;
        term.case = CaseMode::parse(get(5)).ok_or_else(|| {
            err(format!(
                "unknown case `{}` (expected exact or insensitive)",
                get(5)
            ))
        })?;
        term.note = Some(get(6).to_string()).filter(|n| !n.is_empty());
        term.validate().map_err(err)?;
        terms.push(term);
    }
    Ok(terms)
}

fn list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn csv_error(file: &str, e: &::csv::Error) -> GlossaryError {
    let line = e.position().map_or(1, |p| p.line() as usize);
    let message = match e.kind() {
        ::csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("this row has {len} fields, the header {expected_len}"),
        ::csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_string(),
        _ => e.to_string(),
    };
    GlossaryError::at(file, line, message)
}

/// The line where a quoted field opens that the file never closes, if
/// any: quotes count only at the start of a field (after blanks), `""`
/// inside quotes is a quote, and `#` lines between records are comments.
fn unterminated_quote(text: &str) -> Option<usize> {
    let mut line = 1;
    let mut opened = 0;
    let mut quoted = false;
    let mut field_start = true;
    let mut record_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => quoted = false,
                '\n' => line += 1,
                _ => {}
            }
            continue;
        }
        match c {
            '#' if record_start => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
                line += 1;
                continue;
            }
            '"' if field_start => {
                quoted = true;
                opened = line;
            }
            ',' => {
                field_start = true;
                record_start = false;
                continue;
            }
            '\n' => {
                line += 1;
                field_start = true;
                record_start = true;
                continue;
            }
            ' ' | '\t' | '\r' if field_start => continue,
            _ => {}
        }
        field_start = false;
        record_start = false;
    }
    quoted.then_some(opened)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_column() {
        let text = "term,variants,forbidden,source,kind,case,note\n\
                    GlaxoSmithKline,GSK,Glaxo Smith Kline|Glaxosmithkline Inc,葛兰素史克,organization,exact,British drugmaker\n\
                    \"Huacao Town\",Huacao,Bayan ng Huacao,华漕镇,place,,\n";
        let terms = parse(text, "g.csv").unwrap();
        assert_eq!(terms.len(), 2);
        let t = &terms[0];
        assert_eq!(t.canonical, "GlaxoSmithKline");
        assert_eq!(t.variants, ["GSK"]);
        assert_eq!(t.forbidden, ["Glaxo Smith Kline", "Glaxosmithkline Inc"]);
        assert_eq!(t.source, ["葛兰素史克"]);
        assert_eq!(t.kind, Kind::Organization);
        assert_eq!(t.note.as_deref(), Some("British drugmaker"));
        assert_eq!(t.origin, Origin::new("g.csv", 2));
        assert_eq!(terms[1].forbidden, ["Bayan ng Huacao"]);
        assert_eq!(terms[1].origin.line, 3);
    }

    #[test]
    fn an_unclosed_quote_is_an_error_at_its_line() {
        let e = parse("term,note\nInnovent,\"isang tala\nMerck,x\n", "g.csv").unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.csv:2: a quoted field is not closed (a `\"` is missing)"
        );
        // Closed quotes over lines and doubled quotes are fine.
        let terms = parse(
            "term,note\nInnovent,\"isa\nat \"\"dalawa\"\"\"\nMerck,x\n",
            "g.csv",
        )
        .unwrap();
        assert_eq!(terms.len(), 2);
    }

    #[test]
    fn columns_in_any_order_and_only_term_required() {
        let terms = parse("note,term\nisang tala,Innovent\n", "g.csv").unwrap();
        assert_eq!(terms[0].canonical, "Innovent");
        assert_eq!(terms[0].note.as_deref(), Some("isang tala"));
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = parse("term,kind\nInnovent,company\n", "g.csv").unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.csv:2: unknown kind `company` (expected person, organization, place, product or other)"
        );
        let e = parse("term,lang\nx,y\n", "g.csv").unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.csv:1: unknown column `lang` (expected term, variants, forbidden, source, kind, case, note)"
        );
        let e = parse("term,note\nInnovent\nMerck,a,b\n", "g.csv").unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.csv:2: this row has 1 fields, the header 2"
        );
        let e = parse("variants\nGSK\n", "g.csv").unwrap_err();
        assert_eq!(e.to_string(), "g.csv:1: the header has no `term` column");
        let e = parse("term,forbidden\nInnovent,Innovent\n", "g.csv").unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.csv:2: \"Innovent\" is both accepted and forbidden"
        );
    }
}
