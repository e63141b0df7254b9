//! salin's Hunspell reader against the `spellbook` crate (a Hunspell
//! implementation): every word that one accepts, the other must accept.
//!
//! The words compared are generated from the dictionary itself: every stem
//! with every affix rule of the `.aff` applied (whether its flags allow it or
//! not, so wrong acceptances show as well as missed forms), and each prefix
//! combined with each suffix for stems that have both kinds of flag. Only
//! lower-case stems and words without a hyphen are compared: salin folds case
//! and Hunspell checks hyphenated words part by part (`BREAK`), on purpose.
//!
//! Run on two hand-written pairs, and on Debian's `/usr/share/hunspell/tl.dic`
//! when it is installed (`apt-get install myspell-tl`); without it that test
//! says so and passes. CI sets `SALIN_REQUIRE_TL_DIC=1` to make it required.

use std::collections::BTreeSet;

use salin::lexicon::Dictionary;

/// One `PFX`/`SFX` rule: (prefix?, flag, strip, add).
type Rule = (bool, char, String, String);

fn rules(aff: &str) -> Vec<Rule> {
    let mut out = Vec::new();
    for line in aff.lines() {
        let f: Vec<&str> = line.split('#').next().unwrap().split_whitespace().collect();
        let prefix = match f.first() {
            Some(&"PFX") => true,
            Some(&"SFX") => false,
            _ => continue,
        };
        // Headers have 4 fields ending in a count (`PFX A Y 5`); rules have 5.
        if f.len() < 5 {
            continue;
        }
        let zero = |s: &str| {
            if s == "0" {
                String::new()
            } else {
                s.to_string()
            }
        };
        let flag = f[1].chars().next().unwrap();
        out.push((
            prefix,
            flag,
            zero(f[2]),
            zero(f[3].split('/').next().unwrap()),
        ));
    }
    out
}

fn apply(rule: &Rule, word: &str) -> Option<String> {
    let (prefix, _, strip, add) = rule;
    if *prefix {
        word.strip_prefix(strip.as_str())
            .map(|w| format!("{add}{w}"))
    } else {
        word.strip_suffix(strip.as_str())
            .map(|w| format!("{w}{add}"))
    }
}

/// Candidate words for the comparison (see the module documentation).
fn candidates(aff: &str, dic: &str) -> BTreeSet<String> {
    let rules = rules(aff);
    let mut out = BTreeSet::new();
    for line in dic.lines().skip(1) {
        let (stem, flags) = line.split_once('/').unwrap_or((line, ""));
        let stem = stem.trim();
        if stem.is_empty() || stem.chars().any(char::is_uppercase) {
            continue;
        }
        out.insert(stem.to_string());
        for r in &rules {
            if let Some(w) = apply(r, stem) {
                out.insert(w);
            }
        }
        let has = |prefix: bool| rules.iter().any(|r| r.0 == prefix && flags.contains(r.1));
        if has(true) && has(false) {
            for s in rules.iter().filter(|r| !r.0) {
                let Some(suffixed) = apply(s, stem) else {
                    continue;
                };
                for p in rules.iter().filter(|r| r.0) {
                    if let Some(w) = apply(p, &suffixed) {
                        out.insert(w);
                    }
                }
            }
        }
    }
    out.retain(|w| !w.contains('-') && !w.chars().any(char::is_uppercase));
    out
}

/// Checks every candidate with both readers; returns how many were accepted.
/// Both read the dictionary without its capitalised stems: salin folds case
/// (`Katoliko` makes `katolikong` a word), Hunspell keeps it.
fn compare(aff: &str, dic: &str) -> usize {
    let dic: String = dic
        .lines()
        .enumerate()
        .filter(|(i, l)| {
            let stem = l.split('/').next().unwrap_or("");
            *i == 0 || !stem.chars().any(char::is_uppercase)
        })
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    let dic = dic.as_str();
    let ours = Dictionary::from_hunspell(dic.as_bytes(), Some(aff.as_bytes()));
    let theirs = spellbook::Dictionary::new(aff, dic).expect("spellbook parses the pair");
    let mut accepted = 0;
    let mut differences = Vec::new();
    for w in candidates(aff, dic) {
        let (a, b) = (ours.contains(&w), theirs.check(&w));
        if a != b {
            differences.push(format!("{w}: salin {a}, spellbook {b}"));
        }
        accepted += usize::from(a);
    }
    assert!(
        differences.is_empty(),
        "{} differences, e.g.\n{}",
        differences.len(),
        differences[..differences.len().min(30)].join("\n")
    );
    accepted
}

/// A pair shaped like Debian's: flags naming both a prefix and a suffix
/// class, conditions with sets and negated sets, a stripping prefix, a
/// non-crossing suffix class, an apostrophe suffix.
const AFF: &str = "SET UTF-8
PFX A Y 2
PFX A 0 um [aeiou]
PFX A 0 ina a
SFX A Y 3
SFX A 0 ng [aeiou]
SFX A 0 han [aeiou]
SFX A 0 an [^aeiou]
PFX I Y 1
PFX I 0 in [aeiou]
SFX I Y 2
SFX I 0 hin [aeiou]
SFX I 0 in [^aeiou]
PFX M Y 3
PFX M 0 mag .
PFX M t man t
PFX M 0 mang [gk]
SFX O N 1
SFX O 0 ng o
SFX N Y 1
SFX N n 'y n
";

const DIC: &str = "12
abot/AM
asa/AI
aral/AIM
basa/IM
balik/A
takot/M
kuha/M
gulo/MO
produkto/O
naman/N
ulan/AN
Maynila/A
";

#[test]
fn agrees_with_spellbook_on_a_hand_written_pair() {
    let accepted = compare(AFF, DIC);
    // The stems, and forms like umabot, abotan, basahin, balikan,
    // manakot, ulang, nama'y: more than the stems alone.
    assert!(accepted > 40, "{accepted}");
    let ours = Dictionary::from_hunspell(DIC.as_bytes(), Some(AFF.as_bytes()));
    for w in [
        "basahin",
        "balikan",
        "umasahin",
        "manakot",
        "nama'y",
        "produktong",
    ] {
        assert!(ours.contains(w), "{w}");
    }
}

#[test]
fn agrees_with_spellbook_without_cross_products() {
    let aff = "SET UTF-8\nPFX P N 1\nPFX P 0 pag .\nSFX S N 1\nSFX S 0 an [^aeiou]\n";
    let dic = "2\nsulat/PS\nlaro/P\n";
    assert_eq!(compare(aff, dic), 5); // sulat, pagsulat, sulatan, laro, paglaro
    let ours = Dictionary::from_hunspell(dic.as_bytes(), Some(aff.as_bytes()));
    assert!(!ours.contains("pagsulatan"));
}

#[test]
fn agrees_with_spellbook_on_debians_tl_dic() {
    let (dic, aff) = ("/usr/share/hunspell/tl.dic", "/usr/share/hunspell/tl.aff");
    let (Ok(dic), Ok(aff)) = (std::fs::read(dic), std::fs::read(aff)) else {
        assert!(
            std::env::var_os("SALIN_REQUIRE_TL_DIC").is_none(),
            "SALIN_REQUIRE_TL_DIC is set but {dic} is not installed"
        );
        eprintln!("skipped: {dic} not installed (apt-get install myspell-tl)");
        return;
    };
    // Debian's pair is ISO-8859-1; spellbook reads UTF-8.
    let latin1 = |b: &[u8]| b.iter().map(|&c| char::from(c)).collect::<String>();
    let aff = latin1(&aff).replace("SET ISO8859-1", "SET UTF-8");
    let dic = latin1(&dic);
    let accepted = compare(&aff, &dic);
    assert!(accepted > 16_000, "{accepted}");
}
