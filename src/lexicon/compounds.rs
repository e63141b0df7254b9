//! Hyphenated compounds (*tambalang salita*) written with a hyphen because a
//! linking word was dropped (`punong-tanggapan` = `puno ng tanggapan`), as
//! the KWF *Ortograpiyang Pambansa* writes them. A short hand-made list of
//! common compounds, so that `punong - tanggapan` is repaired even without a
//! system dictionary. Lower-case, sorted.

const COMPOUNDS: &[&str] = &[
    "abot-kamay",
    "abot-tanaw",
    "agaw-buhay",
    "agaw-dilim",
    "agaw-pansin",
    "akyat-bahay",
    "away-bati",
    "baboy-ramo",
    "bahay-ampunan",
    "bahay-kalakal",
    "bahay-kubo",
    "balik-aral",
    "balik-bayan",
    "balik-tanaw",
    "bantay-dagat",
    "bantay-salakay",
    "bigyang-daan",
    "bigyang-diin",
    "bigyang-halaga",
    "bigyang-pansin",
    "buhay-alamang",
    "bukang-liwayway",
    "buong-puso",
    "dagdag-bawas",
    "dagdag-gastos",
    "dalagang-bukid",
    "dugong-bughaw",
    "hilagang-kanluran",
    "hilagang-silangan",
    "humigit-kumulang",
    "ingat-yaman",
    "isip-bata",
    "kapit-bisig",
    "kapit-tuko",
    "kapwa-tao",
    "kuwentong-bayan",
    "lakad-takbo",
    "lakas-loob",
    "lipat-bahay",
    "madaling-araw",
    "matang-lawin",
    "pamatay-sunog",
    "pampatibay-loob",
    "pikit-mata",
    "pulong-balitaan",
    "punong-barangay",
    "punong-guro",
    "punong-himpilan",
    "punong-lungsod",
    "punong-ministro",
    "punong-tagapagpaganap",
    "punong-tanggapan",
    "silid-aklatan",
    "silid-aralan",
    "silid-kainan",
    "silid-tulugan",
    "sulat-kamay",
    "tabing-daan",
    "tabing-dagat",
    "tabing-ilog",
    "takip-silim",
    "tanod-gubat",
    "taos-puso",
    "timog-kanluran",
    "timog-silangan",
    "tubig-alat",
    "tubig-tabang",
    "urong-sulong",
];

/// Whether `lower` (`left-right`, lower-case) is a known compound.
pub fn is_compound(lower: &str) -> bool {
    COMPOUNDS.binary_search(&lower).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_hyphenated() {
        assert!(COMPOUNDS.windows(2).all(|w| w[0] < w[1]));
        assert!(COMPOUNDS.iter().all(|c| c.matches('-').count() == 1));
        assert!(is_compound("punong-tanggapan"));
        assert!(!is_compound("sambong-ang"));
    }
}
