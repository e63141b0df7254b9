//! Spelled numbers: the cardinals `ika` makes ordinals of (`ikalima`,
//! the irregular `ikalawa`, `ikatlo`) and the Spanish hours of clock time
//! (`ala-una`, `alas-dos`).

/// Spelled cardinal numbers and the ordinal each makes with `ika`. Sorted.
const ORDINALS: &[(&str, &str)] = &[
    ("anim", "ikaanim"),
    ("animnapu", "ikaanimnapu"),
    ("apat", "ikaapat"),
    ("apatnapu", "ikaapatnapu"),
    ("dalawa", "ikalawa"),
    ("dalawampu", "ikadalawampu"),
    ("labing", "ikalabing"),
    ("lima", "ikalima"),
    ("limampu", "ikalimampu"),
    ("pito", "ikapito"),
    ("pitumpu", "ikapitumpu"),
    ("sampu", "ikasampu"),
    ("sandaan", "ikasandaan"),
    ("siyam", "ikasiyam"),
    ("siyamnapu", "ikasiyamnapu"),
    ("tatlo", "ikatlo"),
    ("tatlumpu", "ikatatlumpu"),
    ("walo", "ikawalo"),
    ("walumpu", "ikawalumpu"),
];

/// Spanish clock numbers: `ala-una`, `alas-dos` ... `alas-dose`. Lower-case, sorted.
const CLOCK: &[&str] = &[
    "diyes", "dos", "dose", "dyis", "kuwatro", "kwatro", "nuwebe", "nwebe", "onse", "otso", "sais",
    "singko", "sinko", "siyete", "syete", "tres", "una",
];

/// A spelled cardinal that `ika` makes an ordinal of (`lima`, `dalawang`).
pub fn is_spelled_cardinal(lower: &str) -> bool {
    ordinal(lower).is_some()
}

/// A Spanish clock number (`una`, `dos`, `tres`).
pub fn is_clock_word(word: &str) -> bool {
    CLOCK.contains(&word)
}

/// A spelled cardinal (with an optional `-ng` linker): the fused ordinal and
/// the linker to keep.
pub fn ordinal(lower: &str) -> Option<(&'static str, &str)> {
    if let Some(&(_, o)) = ORDINALS.iter().find(|(c, _)| *c == lower) {
        return Some((o, ""));
    }
    let base = lower.strip_suffix("ng")?;
    ORDINALS
        .iter()
        .find(|(c, _)| *c == base && c.ends_with(['a', 'e', 'i', 'o', 'u']))
        .map(|&(_, o)| (o, &lower[base.len()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted() {
        assert!(ORDINALS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(CLOCK.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn ordinals_keep_a_linker() {
        assert_eq!(ordinal("lima"), Some(("ikalima", "")));
        assert_eq!(ordinal("dalawang"), Some(("ikalawa", "ng")));
        assert_eq!(ordinal("apatng"), None, "a linker follows a vowel only");
        assert!(is_clock_word("tres") && !is_clock_word("Tres"));
    }
}
