//! Deterministic synthetic glossaries and corpora for benchmarks, shared by
//! `examples/generate.rs` (writes them to disk) and the criterion benches
//! (keep them in memory). Built from the project's own Filipino sentence
//! templates; some sentences mention glossary names, correctly or mangled
//! (wrong case, a near-miss letter), and some carry the other error classes
//! salin checks.

#![allow(dead_code)]

use std::fmt::Write as _;

/// xorshift64*: small, fast, and the same on every machine.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const ONSETS: &[&str] = &[
    "b", "br", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "pr", "q",
    "r", "s", "sh", "st", "t", "tr", "v", "w", "x", "y", "z", "zh",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ao", "ei", "ia", "ou"];
const CODAS: &[&str] = &["", "", "", "n", "ng", "r", "s", "x", "l", "m", "k"];
const SUFFIXES: &[&str] = &[
    "Holdings",
    "Pharmaceutical",
    "Biotech",
    "Technology",
    "Logistics",
    "Medical",
    "Group",
    "Foods",
    "Energy",
    "Bank",
    "Motors",
    "Telecom",
];

pub fn name_word(rng: &mut Rng) -> String {
    let syllables = 2 + rng.below(3);
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(rng.pick::<&str>(ONSETS));
        w.push_str(rng.pick::<&str>(VOWELS));
    }
    w.push_str(rng.pick::<&str>(CODAS));
    let mut c = w.chars();
    let first = c.next().unwrap().to_uppercase().collect::<String>();
    let mut out = first + c.as_str();
    // Some names have an inner capital (`GlaxoSmithKline` style).
    if rng.below(8) == 0 && out.len() > 6 {
        let at = 3 + rng.below(out.len() - 5);
        if out.is_char_boundary(at) {
            let (a, b) = out.split_at(at);
            out = format!("{a}{}", b[..1].to_uppercase() + &b[1..]);
        }
    }
    out
}

pub fn name(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=4 => name_word(rng),
        5..=7 => format!("{} {}", name_word(rng), *rng.pick(SUFFIXES)),
        _ => format!("{} {}", name_word(rng), name_word(rng)),
    }
}

/// Sentence templates: `{N}` is a name, `{E}` an injected error.
const TEMPLATES: &[&str] = &[
    "Ayon sa ulat ng {N}, tumaas ang benta ng kanilang mga produkto ngayong taon.",
    "Nagbukas ng bagong tanggapan ang {N} sa Lungsod Quezon noong Lunes.",
    "Sinabi ng tagapagsalita na magpapatuloy ang pakikipagtulungan sa mga lokal na pamahalaan.",
    "Mahalaga ang pag-aaral ng mga mag-aaral tungkol sa kalusugan at kalinisan.",
    "Dumalo sa pulong ang mga kinatawan ng {N} at ng ilang ahensiya ng gobyerno.",
    "Inaasahang darating ang malakas na ulan sa hapon, ayon sa PAGASA.",
    "Bumisita ang mga opisyal sa mga barangay upang alamin ang kalagayan ng mga residente.",
    "Nag-alok ang {N} ng libreng konsultasyon sa mga nakatatanda tuwing Sabado.",
    "Araw-araw na nagbabantay ang mga taga-bantay sa pasukan ng ospital.",
    "Ipinaliwanag ng guro kung paano i-sync ang mga aralin sa bagong app.",
    "Tinatayang {E} ang epekto ng bagong patakaran sa maliliit na negosyo.",
    "Lumagda ang {N} at ang isang kumpanyang dayuhan sa kasunduan ngayong linggo.",
    "Hindi pa malinaw kung kailan magbubukas muli ang pamilihan sa bayan.",
    "Sa isang pahayag, {E} ang mga hakbang na gagawin ng lungsod.",
];

const ERRORS: &[&str] = &[
    "pag -unlad",
    "unti -unting",
    "pag - aaral",
    "Award Award Award",
    "ang ang",
    "Rizhi Co, Ltd",
    "Maynila ,",
    "kahapon.Ang",
    "taga - Argentina",
    "ika- 5",
];

/// A glossary name as machine translation might mangle it.
pub fn mention(rng: &mut Rng, n: &str) -> String {
    match rng.below(10) {
        0 => {
            // Wrong case: all letters after the first lower-cased.
            let mut c = n.chars();
            c.next().map(|f| f.to_string()).unwrap_or_default() + &c.as_str().to_lowercase()
        }
        1 => {
            // A near miss: one letter of the first word changed.
            let chars: Vec<char> = n.chars().collect();
            let word_len = n.find(' ').unwrap_or(n.len());
            if word_len > 6 {
                let at = 2 + rng.below(word_len - 3);
                let mut out: String = chars[..at].iter().collect();
                out.push(if chars[at] == 'e' { 'a' } else { 'e' });
                out.extend(&chars[at + 1..]);
                out
            } else {
                n.to_string()
            }
        }
        _ => n.to_string(),
    }
}

/// `count` distinct names.
pub fn names(count: usize, seed: u64) -> Vec<String> {
    distinct(count, seed, name)
}

/// `count` names from `make`, none twice (ignoring case).
fn distinct(count: usize, seed: u64, make: fn(&mut Rng) -> String) -> Vec<String> {
    let mut rng = Rng(seed | 1);
    let mut names = Vec::with_capacity(count);
    let mut seen = std::collections::HashSet::new();
    while names.len() < count {
        let n = make(&mut rng);
        if seen.insert(n.to_lowercase()) {
            names.push(n);
        }
    }
    names
}

/// One Markdown document of about 5 KB mentioning `names`.
pub fn document(rng: &mut Rng, names: &[String], number: usize) -> String {
    let mut doc = String::with_capacity(6_000);
    let _ = writeln!(doc, "# Balita {number}\n");
    while doc.len() < 5_000 {
        for k in 0..4 {
            let t = *rng.pick(TEMPLATES);
            let picked = rng.pick(names).clone();
            let n = mention(rng, &picked);
            let e = *rng.pick(ERRORS);
            if k > 0 {
                doc.push(' ');
            }
            doc.push_str(&t.replace("{N}", &n).replace("{E}", e));
        }
        doc.push_str("\n\n");
        if rng.below(12) == 0 {
            doc.push_str("```\nsalin check --fix pag -unlad.md\n```\n\n");
        }
    }
    doc
}

// ---------------------------------------------------------------------------
// The name-dense corpus (issue 16): news in which names are everywhere.

/// Company suffixes of the name-dense glossary, some of several words with
/// punctuation inside (`Technology Co., Ltd.`).
const COMPANY_SUFFIXES: &[&str] = &[
    "Holdings",
    "Pharmaceutical",
    "Technology Co., Ltd.",
    "Medical Center",
    "Bank",
    "Energy Corporation",
    "Logistics Group",
    "Foods Inc.",
    "Motors",
    "Telecom",
    "Biotech",
    "Capital Partners",
    "Construction Corp.",
    "Development Bank",
    "Health Services",
    "Semiconductor",
];

/// A company or institution name of two to four words: most are one or two
/// invented words and a suffix (`Zhaoking Holdings`, `Brelu Kamor Technology
/// Co., Ltd.`), the rest two or three invented words (`Drama Shoulin`).
pub fn company_name(rng: &mut Rng) -> String {
    loop {
        let name = if rng.below(5) < 4 {
            let words = 1 + rng.below(2);
            let mut n: Vec<String> = (0..words).map(|_| name_word(rng)).collect();
            n.push(rng.pick(COMPANY_SUFFIXES).to_string());
            n.join(" ")
        } else {
            let words = 2 + rng.below(2);
            (0..words)
                .map(|_| name_word(rng))
                .collect::<Vec<_>>()
                .join(" ")
        };
        if name.split(' ').count() <= 4 {
            return name;
        }
    }
}

/// `count` distinct company names (see [`company_name`]).
pub fn company_names(count: usize, seed: u64) -> Vec<String> {
    distinct(count, seed, company_name)
}

/// Sentences that open with a name (`{N}`).
const OPENING_TEMPLATES: &[&str] = &[
    "{N} ay nag-anunsyo ng bagong pamumuhunan sa Mindanao ngayong linggo.",
    "{N} ang nanguna sa listahan ng mga kumpanyang may pinakamalaking kita.",
    "{N}, sa isang pahayag, ay nagsabing walang empleyadong mawawalan ng trabaho.",
    "{N} at ang lokal na pamahalaan ay lumagda sa isang kasunduan kahapon.",
    "{N} ay magbubukas ng tatlong bagong sangay bago matapos ang taon.",
    "{N} ang magbibigay ng libreng bakuna sa mga manggagawa ng pabrika.",
];

/// Sentences that carry a name (`{N}`) elsewhere, or none.
const PLAIN_TEMPLATES: &[&str] = &[
    "Ayon sa ulat ng {N}, tumaas ang benta ng kanilang mga produkto ngayong taon.",
    "Dumalo sa pulong ang mga kinatawan ng {N} at ng ilang ahensiya ng gobyerno.",
    "Nakipagpulong ang mga opisyal sa pamunuan ng {N} tungkol sa bagong planta.",
    "Sinabi ng tagapagsalita na magpapatuloy ang pakikipagtulungan sa mga lokal na pamahalaan.",
    "Mahalaga ang pag-aaral ng mga mag-aaral tungkol sa kalusugan at kalinisan.",
    "Inaasahang darating ang malakas na ulan sa hapon, ayon sa PAGASA.",
    "Bumisita ang mga opisyal sa mga barangay upang alamin ang kalagayan ng mga residente.",
    "Hindi pa malinaw kung kailan magbubukas muli ang pamilihan sa bayan.",
    "Tumaas ng limang porsiyento ang presyo ng bigas sa mga pamilihan sa Maynila.",
    "Nagpahayag ng pag-aalala ang mga magsasaka tungkol sa kakulangan ng tubig.",
];

/// `name` with one letter of one of its words (of four letters or more)
/// deleted: `Zhaoking Holdngs`.
pub fn with_letter_deleted(rng: &mut Rng, name: &str) -> String {
    let words: Vec<(usize, &str)> = name
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    if words.is_empty() {
        return name.to_string();
    }
    let (start, word) = *rng.pick(&words);
    // A letter after the first (a changed first letter is another name).
    let letters: Vec<usize> = word
        .char_indices()
        .skip(1)
        .filter(|(_, c)| c.is_alphabetic())
        .map(|(i, _)| i)
        .collect();
    let at = start + letters[rng.below(letters.len())];
    let len = name[at..].chars().next().map_or(1, char::len_utf8);
    format!("{}{}", &name[..at], &name[at + len..])
}

/// One Markdown news document of about 5 KB in which 30% of the sentences
/// open with a name of `names` and 5% carry a name with one letter deleted.
pub fn dense_document(rng: &mut Rng, names: &[String], number: usize) -> String {
    let mut doc = String::with_capacity(6_000);
    let _ = writeln!(doc, "# Balita sa negosyo {number}\n");
    while doc.len() < 5_000 {
        for k in 0..4 {
            let roll = rng.below(100);
            let name = rng.pick(names).clone();
            let (template, name) = if roll < 30 {
                (*rng.pick(OPENING_TEMPLATES), name)
            } else if roll < 35 {
                (
                    *rng.pick(&PLAIN_TEMPLATES[..3]),
                    with_letter_deleted(rng, &name),
                )
            } else {
                (*rng.pick(PLAIN_TEMPLATES), name)
            };
            if k > 0 {
                doc.push(' ');
            }
            doc.push_str(&template.replace("{N}", &name));
        }
        doc.push_str("\n\n");
    }
    doc
}
