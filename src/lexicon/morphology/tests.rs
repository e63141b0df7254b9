//! Table tests of the morphology's questions, on forms written for salin
//! (stems and loans chosen to cover each phenomenon, not taken from any
//! corpus).

use super::hyphen::Spacing::{self, *};
use super::{Confidence, Confidence::*, CopyMatch, HyphenKind, Morphology, Ordinary};

fn explain(
    left: &str,
    right: &str,
    spacing: Spacing,
) -> Option<(String, Option<String>, Confidence)> {
    Morphology::default()
        .explain_hyphen(left, right, spacing)
        .map(|j| (j.joined, j.standard, j.confidence))
}

fn kind(left: &str, right: &str, spacing: Spacing) -> HyphenKind {
    Morphology::default()
        .explain_hyphen(left, right, spacing)
        .unwrap_or_else(|| panic!("{left} {right} unexplained"))
        .kind
}

#[test]
fn loans_with_a_copied_first_syllable() {
    for (left, right, copy, matches) in [
        ("nagpi", "print", "pi", CopyMatch::Exact),
        ("magsha", "share", "sha", CopyMatch::Exact),
        ("nagse", "send", "se", CopyMatch::Exact),
        ("magba", "backup", "ba", CopyMatch::Exact),
        ("nire", "reset", "re", CopyMatch::Exact),
        ("kina", "copy", "kina", CopyMatch::Sound),
        ("ini", "upload", "i", CopyMatch::Sound),
        ("tumi", "tweet", "tumi", CopyMatch::Sound),
        ("hina", "handle", "hina", CopyMatch::Exact),
        ("sina", "scan", "sina", CopyMatch::Exact),
        ("ida", "delete", "da", CopyMatch::Sound),
        ("magpo", "post", "po", CopyMatch::Exact),
        ("nagse", "cellphone", "se", CopyMatch::Sound),
        ("magtsa", "chat", "tsa", CopyMatch::Sound),
    ] {
        let HyphenKind::PrefixCopy {
            copy: c,
            matches: m,
            ..
        } = kind(left, right, Before)
        else {
            panic!("{left} -{right}: {:?}", kind(left, right, Before));
        };
        assert_eq!((c.as_str(), m), (copy, matches), "{left} -{right}");
        for spacing in [Before, After, Both] {
            let (joined, standard, confidence) = explain(left, right, spacing).unwrap();
            assert_eq!(joined, format!("{left}-{right}"));
            assert_eq!(standard, None, "{left}-{right}: a loan keeps its hyphen");
            // `kina` and `sina` are also words (plurals of `kay`, `si`):
            // between two spaces, only probable.
            let word = matches!(left, "kina" | "sina");
            let expected = if word && spacing == Both {
                Probable
            } else {
                Certain
            };
            assert_eq!(confidence, expected, "{left} {right} {spacing:?}");
        }
    }
}

#[test]
fn a_copy_that_does_not_repeat_the_loan_is_less_sure() {
    assert_eq!(explain("magpa", "index", Before).unwrap().2, Certain); // `magpa` is a prefix
    assert_eq!(explain("magto", "edit", Before).unwrap().2, Probable);
    // Between two spaces a dash needs a word before it: `magto` is none.
    assert_eq!(explain("magto", "edit", Both).unwrap().2, Probable);
    // A fragment the lexicon holds from hyphenated text is still no word.
    assert_eq!(explain("magpo", "install", Before).unwrap().2, Probable);
}

#[test]
fn native_copies_take_no_hyphen() {
    let (joined, standard, confidence) = explain("magla", "laba", Before).unwrap();
    assert_eq!(
        (joined.as_str(), standard.as_deref()),
        ("magla-laba", Some("maglalaba"))
    );
    assert_eq!(confidence, Probable);
    assert_eq!(explain("magla", "laba", Both).unwrap().2, Possible);
}

#[test]
fn stacked_and_rare_prefixes() {
    for (left, right, prefix) in [
        ("nai", "upload", "nai"),
        ("mai", "download", "mai"),
        ("maipa", "repair", "maipa"),
        ("nakikipag", "chat", "nakipag"),
        ("makiki", "share", "maki"),
        ("ipinag", "utos", "ipinag"),
        ("pakikipag", "usap", "pakipag"),
        ("nakaka", "stress", "naka"),
        ("naka", "login", "naka"),
        ("ipina", "print", "ipina"),
    ] {
        assert_eq!(
            kind(left, right, Both),
            HyphenKind::Prefix { prefix },
            "{left}"
        );
        let (joined, standard, confidence) = explain(left, right, Both).unwrap();
        assert_eq!((joined, standard), (format!("{left}-{right}"), None));
        assert_eq!(confidence, Certain, "{left} - {right}");
    }
}

#[test]
fn vowel_final_prefixes_before_native_vowels_join_without_a_hyphen() {
    let (_, standard, confidence) = explain("nagsi", "alis", Before).unwrap();
    assert_eq!(
        (standard.as_deref(), confidence),
        (Some("nagsialis"), Certain)
    );
    let (_, standard, confidence) = explain("pag", "sulat", Both).unwrap();
    assert_eq!(
        (standard.as_deref(), confidence),
        (Some("pagsulat"), Possible)
    );
}

#[test]
fn prefixes_before_names_and_numerals() {
    assert_eq!(explain("taga", "Davao", Both).unwrap().2, Certain);
    assert_eq!(
        kind("taga", "Davao", Both),
        HyphenKind::PrefixName { prefix: "taga" }
    );
    assert_eq!(explain("pa", "Cebu", Before).unwrap().2, Probable);
    assert_eq!(explain("na", "Cebu", Before).unwrap().2, Possible);
    assert_eq!(explain("ika", "3", Both).unwrap().2, Certain);
    assert_eq!(
        kind("alas", "4", After),
        HyphenKind::PrefixNumber { prefix: "alas" }
    );
    assert_eq!(explain("bahay", "3", Both), None);
}

#[test]
fn free_words_need_more_than_spaces() {
    assert_eq!(explain("di", "mabilang", Both).unwrap().2, Probable);
    assert_eq!(explain("i", "click", Both).unwrap().2, Certain);
    assert_eq!(explain("I", "click", Both).unwrap().2, Possible);
    assert_eq!(explain("I", "click", Before).unwrap().2, Certain);
    assert_eq!(explain("na", "hindi", Both).unwrap().2, Possible);
}

#[test]
fn reduplications() {
    for (left, right, full) in [
        ("dahan", "dahan", true),
        ("araw", "araw", true),
        ("halu", "halo", true),
        ("dahan", "dahang", true),
        ("kitang", "kita", true),
        ("bahay", "bahayan", false),
        ("kabi", "kabila", false),
        ("pagkakasunud", "sunod", false),
        ("kapaki", "pakinabang", false),
        ("kani", "kaniyang", false),
    ] {
        assert_eq!(
            kind(left, right, Both),
            HyphenKind::Reduplication { full },
            "{left} - {right}"
        );
        assert_eq!(explain(left, right, Both).unwrap().2, Certain);
    }
}

#[test]
fn linker_compounds() {
    for (left, right, base) in [
        ("walang", "humpay", "wala"),
        ("walang", "hiya", "wala"),
        ("mahabang", "panahon", "mahaba"),
        ("kawalang", "gana", "kawalan"),
        // `wala` takes prefixes too: `ipagwala` + `-ng`.
        ("ipagwalang", "pansin", "ipagwala"),
    ] {
        let k = kind(left, right, Both);
        assert!(
            matches!(&k, HyphenKind::LinkerCompound { base: b } if b.as_str() == base
                || (base == "kawalan" && b == "kawala")),
            "{left} - {right}: {k:?}"
        );
        assert_eq!(explain(left, right, Both).unwrap().2, Probable);
        assert_eq!(explain(left, right, Before).unwrap().2, Certain);
    }
    // In title case: a linked word cannot end a phrase, so no dash follows
    // it; still only probable between two spaces.
    assert_eq!(explain("Walang", "Humpay", Both).unwrap().2, Probable);
    assert_eq!(explain("Mahabang", "Panahon", Both).unwrap().2, Probable);
    assert_eq!(kind("bahay", "kubo", Both), HyphenKind::Compound);
}

#[test]
fn words_that_end_in_ng_themselves_are_less_sure_compounds() {
    // `tulong` (help) is far commoner than `tulo` (drip), `tanong` than
    // `tano`: their `-ng` may be no linker, and a dash may follow them.
    for left in ["tulong", "tanong"] {
        assert_eq!(
            explain(left, "suporta", Both).unwrap().2,
            Possible,
            "{left}"
        );
        assert_eq!(
            explain(left, "suporta", Before).unwrap().2,
            Probable,
            "{left}"
        );
    }
    let title = |l: &str| explain(l, "Suporta", Both).map(|j| j.2);
    assert_eq!(title("Tulong"), Some(Possible));
}

#[test]
fn dashes_ranges_and_suspended_prefixes_are_unexplained() {
    for (left, right, spacing) in [
        ("TWM", "Simulan", Both),
        ("Maynila", "Cebu", Both),
        ("mag", "at", After),
        ("nag", "na", After),
        ("sa", "bahay", Both),
        ("Mag", "Log", Both),
        ("ulat", "panahon", Both),
        ("bahay", "ang", Both),
        ("ABS", "CBN", Before),
        ("self", "confidence", Before),
        ("bahay", "10", Both),
        // A word, then a dash: the left is no prefix with a copy.
        ("ito", "noong", Before),
        ("mali", "why", Before),
    ] {
        assert_eq!(explain(left, right, spacing), None, "{left} {right}");
    }
}

#[test]
fn a_plain_space_after_a_bound_prefix() {
    let (joined, _, confidence) = explain("mag", "i-update", Plain).unwrap();
    assert_eq!((joined.as_str(), confidence), ("mag-i-update", Probable));
    assert_eq!(explain("pag", "aaral", Plain), None);
    assert_eq!(explain("na", "i-update", Plain), None);
    // Not before a word with its own prefix or a hyphenated loan.
    assert_eq!(explain("pang", "nag-share", Plain), None);
    assert_eq!(explain("mag", "log-in", Plain), None);
}

#[test]
fn capitalised_words_that_are_ordinary() {
    let m = Morphology::default();
    for (word, expected) in [
        ("Pagbutihin", Ordinary::Inflected),
        ("Isinulat", Ordinary::Inflected),
        ("Nakakapagod", Ordinary::Inflected),
        ("Ipinagbabawal", Ordinary::Inflected),
        ("Awtomatikong", Ordinary::Affixed),
        ("Pangkalahatang", Ordinary::Affixed),
        ("Minsan", Ordinary::Frequent),
        ("Innovent", Ordinary::None),
        ("Glaxosmithkline", Ordinary::None),
        ("Download", Ordinary::None),
        // Loans take no Tagalog affixes unhyphenated: no `in` + `com`.
        ("Incoming", Ordinary::None),
    ] {
        assert_eq!(
            m.word_facts(word).ordinary(),
            expected,
            "{word}: {:?}",
            m.word_facts(word)
        );
    }
}

#[test]
fn known_words_in_either_language() {
    let m = Morphology::default();
    for w in [
        "bahay",
        "apple",
        "computer",
        "pinagbubuti",
        "i-install",
        "nagda-download",
        "ako'y",
        "kawalang-tatag",
        "Basahin",
    ] {
        assert!(m.is_known_word(w), "{w}");
    }
    for w in ["innovent", "afrowave", "qwzx", "gcsfise", "nag-qwzx"] {
        assert!(!m.is_known_word(w), "{w}");
    }
    let dict = crate::lexicon::Dictionary::from_words(["qwzx"]);
    assert!(Morphology::new(Some(&dict)).is_known_word("nag-qwzx"));
}
