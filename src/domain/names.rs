//! Name keys that let the spellings of one Persian or Arabic name meet.
//!
//! `name_key` maps a name in Latin, Persian or Arabic script to a consonant skeleton:
//! script variants are folded (ك/ک, ي/ى/ی, hamza forms, diacritics, tatweel, ZWNJ),
//! Perso-Arabic letters are transliterated, Latin spellings are reduced (digraphs,
//! doubled letters, vowels dropped after the first letter), and articles are joined
//! to the word they belong to. Mohammad, Muhammad, Mohammed and محمد share one key.

/// Folds Persian/Arabic letter variants, diacritics, tatweel, ZWNJ and digits.
pub fn normalize_script(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::i18n::normalize_digits(s).chars() {
        match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}' | 'ء' => {}
            'ك' => out.push('ک'),
            'ي' | 'ى' | 'ئ' => out.push('ی'),
            'ة' => out.push('ه'),
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ؤ' => out.push('و'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Perso-Arabic letters to Latin consonant classes.
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'ا' | 'ع' => "a",
        'ب' | 'پ' => "b",
        'ت' | 'ط' => "t",
        'ث' | 'س' | 'ص' => "s",
        'ج' => "j",
        'چ' => "ch",
        'ح' | 'ه' => "h",
        'خ' => "kh",
        'د' => "d",
        'ذ' | 'ز' | 'ض' | 'ظ' => "z",
        'ر' => "r",
        'ژ' => "zh",
        'ش' => "sh",
        'غ' | 'ق' => "q",
        'ف' => "f",
        'ک' | 'گ' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'و' => "v",
        'ی' => "y",
        _ => return None,
    })
}

fn latin_fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'ō' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        c => c,
    }
}

/// The key of one word.
fn word_key(word: &str) -> String {
    // Transliterate Perso-Arabic script first, then treat everything as Latin.
    let mut latin = String::new();
    for c in word.chars() {
        match transliterate(c) {
            Some(t) => latin.push_str(t),
            None if c.is_alphabetic() => latin.push(latin_fold(c)),
            None => {}
        }
    }
    let l = latin
        .replace("kh", "x")
        .replace("gh", "q")
        .replace("dh", "z")
        .replace("th", "s")
        .replace("sh", "c")
        .replace("ch", "c")
        .replace("zh", "j")
        .replace("dj", "j")
        .replace("ph", "f");
    let mut out = String::new();
    for (i, c) in l.chars().enumerate() {
        let c = match c {
            'k' | 'g' => 'k',
            'q' => 'q',
            'w' | 'v' => 'v',
            'y' | 'i' | 'e' | 'a' | 'o' | 'u' if i > 0 => continue,
            'y' | 'i' | 'e' | 'a' | 'o' | 'u' => 'a',
            c => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The per-word keys of a name, with articles (al-, el-, ol-, ul-) joined to the
/// following word and "abd al lah" forms joined into one word.
pub fn part_keys(s: &str) -> Vec<String> {
    let norm = normalize_script(s).replace(['-', '\'', '’', '`', '.'], " ");
    let words: Vec<&str> = norm.split_whitespace().collect();
    let mut joined: Vec<String> = Vec::new();
    for w in words {
        let article = matches!(w, "al" | "el" | "ol" | "ul" | "ال");
        match joined.last_mut() {
            Some(prev) if prev.ends_with('\u{1}') => {
                prev.pop();
                prev.push_str(w);
            }
            Some(prev) if article && (prev == "abd" || prev == "عبد") => prev.push('\u{1}'),
            _ if article => joined.push(format!("{w}\u{1}")),
            _ => joined.push(w.to_string()),
        }
    }
    joined
        .iter()
        .map(|w| word_key(w.trim_end_matches('\u{1}')))
        .filter(|k| !k.is_empty())
        .collect()
}

/// The key of a whole name: its word keys in order.
pub fn name_key(s: &str) -> String {
    part_keys(s).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_name_meet() {
        for group in [
            &[
                "Mohammad",
                "Muhammad",
                "Mohammed",
                "Mohamad",
                "محمد",
                "مُحَمَّد",
            ][..],
            &["Hossein", "Hussein", "Husain", "حسین", "حسين"][..],
            &["Qasem", "Ghasem", "Qassim", "قاسم"][..],
            &["Kazem", "Kazim", "کاظم", "كاظم"][..],
            &["Zeinab", "Zaynab", "Zainab", "زینب", "زينب"][..],
        ] {
            let keys: Vec<String> = group.iter().map(|n| name_key(n)).collect();
            assert!(
                keys.windows(2).all(|w| w.first() == w.last()),
                "{group:?} → {keys:?}"
            );
        }
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [
            ("Hassan", "Hossein"),
            ("Amir", "Amin"),
            ("Jamal", "Kamal"),
            ("Karim", "Kazem"),
        ] {
            assert_ne!(name_key(a), name_key(b), "{a} / {b}");
        }
    }
}
