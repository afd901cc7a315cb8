//! How one name or document number turns into another in the registry: other Latin
//! spellings, an Arabic-speaking clerk's letter forms, invisible characters and
//! harakat, accents, and a mistyped or differently typed document number.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::Rng;

use vigil::bench::names::Name;

/// A Latin spelling: the usual one most of the time. `avoid` asks for another.
pub fn spell(rng: &mut StdRng, n: &'static Name, avoid: Option<&str>) -> &'static str {
    let others: Vec<&str> = n
        .latin
        .iter()
        .map(String::as_str)
        .filter(|v| Some(*v) != avoid)
        .collect();
    match (avoid, others.is_empty()) {
        (Some(_), true) => n.usual(),
        (Some(_), false) => others.choose(rng).copied().unwrap_or(""),
        (None, _) if rng.gen_bool(0.6) => n.usual(),
        (None, _) => n.latin.choose(rng).map_or("", String::as_str),
    }
}

const HARAKAT: [char; 4] = ['\u{064E}', '\u{0650}', '\u{064F}', '\u{0651}'];

/// How an Arabic-speaking clerk writes a Persian name.
pub fn arabic(rng: &mut StdRng, n: &Name, female_given: bool) -> String {
    let ends_in_a = n.usual().ends_with('a');
    let chars: Vec<char> = n.script.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        let last = i + 1 == chars.len();
        let mapped = match *c {
            'ی' if last && ends_in_a => "ى".to_string(),
            'ی' => "ي".into(),
            'ک' | 'گ' => "ك".into(),
            'پ' => "ب".into(),
            'چ' | 'ژ' => "ج".into(),
            'ه' if last && female_given => "ة".into(),
            '\u{200C}' => if rng.gen_bool(0.5) { "" } else { " " }.into(),
            other => other.to_string(),
        };
        out.push_str(&mapped);
        if rng.gen_bool(0.08) && c.is_alphabetic() {
            out.push(*HARAKAT.choose(rng).unwrap_or(&'\u{064E}'));
        }
    }
    out
}

pub fn script_noise(rng: &mut StdRng, s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        out.push(c);
        if c.is_alphabetic() {
            match rng.gen_range(0..12) {
                0 => out.push('\u{200C}'),
                1 => out.push('\u{0640}'),
                2 => out.push(*HARAKAT.choose(rng).unwrap_or(&'\u{064E}')),
                _ => {}
            }
        }
    }
    out
}

pub fn latin_noise(rng: &mut StdRng, s: &str) -> String {
    let accented: String = s
        .chars()
        .map(|c| match c {
            'a' if rng.gen_bool(0.3) => 'á',
            'e' if rng.gen_bool(0.3) => 'é',
            'i' if rng.gen_bool(0.3) => 'í',
            'o' if rng.gen_bool(0.3) => 'ö',
            other => other,
        })
        .collect();
    if rng.gen_bool(0.5) {
        format!("  {}  ", accented.to_uppercase().replace(' ', "   "))
    } else {
        accented
    }
}

/// The same document number as a different clerk types it.
pub fn retype(rng: &mut StdRng, doc: &str) -> String {
    match rng.gen_range(0..3) {
        0 => doc.to_lowercase().replacen('p', "p ", 1),
        1 => format!("{}-{}", &doc[..1], &doc[1..]),
        _ => doc
            .chars()
            .map(|c| {
                c.to_digit(10)
                    .map_or(c, |d| char::from_u32(0x06F0 + d).unwrap_or(c))
            })
            .collect(),
    }
}

/// One digit wrong, or two neighbours swapped.
pub fn typo(rng: &mut StdRng, doc: &str) -> String {
    let mut cs: Vec<char> = doc.chars().collect();
    loop {
        let i = rng.gen_range(1..cs.len() - 1);
        if rng.gen_bool(0.5) {
            cs.swap(i, i + 1);
        } else {
            cs[i] = char::from_digit(rng.gen_range(0..10), 10).unwrap();
        }
        let t: String = cs.iter().collect();
        if t != doc {
            return t;
        }
    }
}
