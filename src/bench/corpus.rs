//! Realistic three-language text for the search benchmark: monitoring notes about the
//! camps in English, Persian and Arabic, generated from a seed so every run (and the
//! subject and its anchor) sees the same documents.
//!
//! Words are drawn with a Zipf-like law (a few words, "camp", «اردوگاه», «مخيم», are in
//! most documents of their language, most are rare), because that is what makes a
//! search slow: a word found in half the index must still be ranked. Persian text is
//! sometimes written with Arabic letter forms (ك, ي), Arabic text sometimes carries
//! tatweel or a vowel mark, and years are written in each language's digits, so the
//! normaliser has its real work to do when indexing and when searching.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const EN: [&str; 64] = [
    "camp",
    "residents",
    "report",
    "water",
    "liberty",
    "ashraf",
    "police",
    "convoy",
    "medical",
    "generator",
    "checkpoint",
    "fuel",
    "supplies",
    "blocked",
    "wounded",
    "hospital",
    "transfer",
    "rocket",
    "attack",
    "baghdad",
    "albania",
    "unhcr",
    "unami",
    "monitors",
    "delegation",
    "families",
    "container",
    "trailer",
    "electricity",
    "sewage",
    "protest",
    "siege",
    "embassy",
    "interview",
    "witness",
    "statement",
    "ministry",
    "committee",
    "security",
    "forces",
    "mortar",
    "shelling",
    "injured",
    "visit",
    "lawyers",
    "relatives",
    "access",
    "denied",
    "restrictions",
    "property",
    "sale",
    "relocation",
    "resettlement",
    "asylum",
    "refugees",
    "complaint",
    "doctor",
    "patient",
    "medicine",
    "ambulance",
    "gate",
    "children",
    "killed",
    "missing",
];
const EN_GLUE: [&str; 16] = [
    "the", "of", "and", "to", "in", "at", "on", "was", "were", "by", "from", "with", "after",
    "before", "near", "for",
];

const FA: [&str; 60] = [
    "اردوگاه",
    "ساکنان",
    "گزارش",
    "آب",
    "لیبرتی",
    "اشرف",
    "پلیس",
    "کاروان",
    "پزشکی",
    "ژنراتور",
    "ایست‌بازرسی",
    "سوخت",
    "تدارکات",
    "مسدود",
    "زخمی",
    "بیمارستان",
    "انتقال",
    "موشک",
    "حمله",
    "بغداد",
    "آلبانی",
    "کمیساریا",
    "یونامی",
    "ناظران",
    "هیئت",
    "خانواده‌ها",
    "کانتینر",
    "برق",
    "فاضلاب",
    "اعتراض",
    "محاصره",
    "سفارت",
    "مصاحبه",
    "شاهد",
    "بیانیه",
    "وزارت",
    "کمیته",
    "امنیتی",
    "نیروها",
    "خمپاره",
    "مجروح",
    "بازدید",
    "وکلا",
    "بستگان",
    "دسترسی",
    "ممنوع",
    "محدودیت",
    "اموال",
    "فروش",
    "جابجایی",
    "اسکان",
    "پناهندگی",
    "پناهجویان",
    "شکایت",
    "پزشک",
    "بیمار",
    "دارو",
    "آمبولانس",
    "دروازه",
    "کودکان",
];
const FA_GLUE: [&str; 14] = [
    "در",
    "به",
    "از",
    "و",
    "که",
    "با",
    "را",
    "این",
    "برای",
    "پس",
    "روز",
    "شد",
    "می‌شود",
    "بود",
];

const AR: [&str; 60] = [
    "مخيم",
    "السكان",
    "تقرير",
    "الماء",
    "ليبرتي",
    "أشرف",
    "الشرطة",
    "قافلة",
    "طبي",
    "مولد",
    "تفتيش",
    "الوقود",
    "الإمدادات",
    "مغلق",
    "جرحى",
    "مستشفى",
    "نقل",
    "صاروخ",
    "هجوم",
    "بغداد",
    "ألبانيا",
    "المفوضية",
    "يونامي",
    "المراقبون",
    "وفد",
    "العائلات",
    "حاوية",
    "الكهرباء",
    "الصرف",
    "احتجاج",
    "حصار",
    "السفارة",
    "مقابلة",
    "شاهد",
    "بيان",
    "وزارة",
    "لجنة",
    "الأمن",
    "القوات",
    "هاون",
    "قصف",
    "مصاب",
    "زيارة",
    "المحامون",
    "الأقارب",
    "الوصول",
    "ممنوع",
    "قيود",
    "الممتلكات",
    "بيع",
    "ترحيل",
    "توطين",
    "لجوء",
    "اللاجئين",
    "شكوى",
    "طبيب",
    "مريض",
    "دواء",
    "إسعاف",
    "الأطفال",
];
const AR_GLUE: [&str; 14] = [
    "في", "إلى", "من", "و", "على", "أن", "مع", "عن", "هذا", "بعد", "قبل", "يوم", "كان", "التي",
];

/// A document's language, in the shares of the demo's sources: half English, the rest
/// Persian and Arabic.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lang {
    En,
    Fa,
    Ar,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fa => "fa",
            Lang::Ar => "ar",
        }
    }

    fn pick(rng: &mut StdRng) -> Lang {
        match rng.gen_range(0..10) {
            0..=4 => Lang::En,
            5..=7 => Lang::Fa,
            _ => Lang::Ar,
        }
    }

    fn words(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            Lang::En => (&EN, &EN_GLUE),
            Lang::Fa => (&FA, &FA_GLUE),
            Lang::Ar => (&AR, &AR_GLUE),
        }
    }
}

/// Rank `r` (0-based) of `n`, drawn with weight about 1/(r+1) (the inverse of the
/// law's continuous distribution: cheap enough for a million documents).
fn zipf(rng: &mut StdRng, n: usize) -> usize {
    let u: f64 = rng.gen();
    let k = ((n as f64 + 1.0).powf(u)).floor() as usize;
    k.saturating_sub(1).min(n.saturating_sub(1))
}

fn pick<'a>(list: &[&'a str], i: usize) -> &'a str {
    list.get(i).copied().unwrap_or("camp")
}

/// Persian typed on an Arabic keyboard: kaf and yeh in their Arabic forms.
fn arabic_forms(w: &str) -> String {
    w.replace('ک', "ك").replace('ی', "ي")
}

/// The word as a writer of `lang` might have typed it.
fn variant(rng: &mut StdRng, lang: Lang, w: &str) -> String {
    match lang {
        Lang::Fa if rng.gen_range(0..10) == 0 => arabic_forms(w),
        // Tatweel after the first letter, or a fatha after it.
        Lang::Ar if rng.gen_range(0..20) == 0 => {
            let mut c = w.chars();
            let first: String = c.next().into_iter().collect();
            let mark = if rng.gen_bool(0.5) {
                '\u{640}'
            } else {
                '\u{64e}'
            };
            format!("{first}{mark}{}", c.as_str())
        }
        _ => w.to_string(),
    }
}

/// A year in the language's digits.
fn year(rng: &mut StdRng, lang: Lang) -> String {
    let y = rng.gen_range(2009..2017).to_string();
    let base = match lang {
        Lang::En => return y,
        Lang::Fa => 0x6f0,
        Lang::Ar => 0x660,
    };
    y.chars()
        .map(|d| {
            d.to_digit(10)
                .and_then(|v| char::from_u32(base + v))
                .unwrap_or(d)
        })
        .collect()
}

/// One generated document.
pub struct Document {
    pub lang: Lang,
    pub title: String,
    pub content: String,
}

/// Document `i` of the corpus seeded with `seed`: a title of five words and three
/// to six sentences of eight to fourteen words.
pub fn document(seed: u64, i: u64) -> Document {
    let mut rng = StdRng::seed_from_u64(seed ^ i.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let lang = Lang::pick(&mut rng);
    let (words, glue) = lang.words();
    let title: Vec<String> = (0..5)
        .map(|_| {
            let w = pick(words, zipf(&mut rng, words.len()));
            variant(&mut rng, lang, w)
        })
        .collect();
    let mut content = title.join(" ");
    for _ in 0..rng.gen_range(3..=6) {
        content.push_str(". ");
        for k in 0..rng.gen_range(8..=14) {
            if k > 0 {
                content.push(' ');
            }
            let w = if rng.gen_range(0..3) == 0 {
                pick(glue, rng.gen_range(0..glue.len())).to_string()
            } else {
                let w = pick(words, zipf(&mut rng, words.len()));
                variant(&mut rng, lang, w)
            };
            content.push_str(&w);
        }
        if rng.gen_range(0..3) == 0 {
            content.push(' ');
            content.push_str(&year(&mut rng, lang));
        }
    }
    content.push('.');
    Document {
        lang,
        title: title.join(" "),
        content,
    }
}

/// `n` search-box queries: one word (six in ten) or two, drawn evenly from the
/// vocabulary, so common and rare words are both asked for; three in ten Persian
/// queries are typed with Arabic letter forms.
pub fn queries(seed: u64, n: usize) -> Vec<String> {
    let mut rng = StdRng::seed_from_u64(seed);
    (0..n)
        .map(|_| {
            let lang = Lang::pick(&mut rng);
            let (words, _) = lang.words();
            let k = if rng.gen_range(0..10) < 6 { 1 } else { 2 };
            let q: Vec<&str> = (0..k)
                .map(|_| pick(words, rng.gen_range(0..words.len())))
                .collect();
            let q = q.join(" ");
            if lang == Lang::Fa && rng.gen_range(0..10) < 3 {
                arabic_forms(&q)
            } else {
                q
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_documents() {
        let a = document(7, 42);
        let b = document(7, 42);
        assert_eq!(a.content, b.content);
        assert_ne!(document(7, 43).content, a.content);
        assert_eq!(queries(3, 20), queries(3, 20));
    }

    #[test]
    fn the_corpus_mixes_the_three_languages() {
        let langs: Vec<Lang> = (0..300).map(|i| document(1, i).lang).collect();
        for l in [Lang::En, Lang::Fa, Lang::Ar] {
            let n = langs.iter().filter(|x| **x == l).count();
            assert!(n > 30, "{l:?}: {n} of 300");
        }
        // Some Persian text in Arabic letter forms, found again by the normaliser.
        let fa: String = (0..300)
            .map(|i| document(1, i))
            .filter(|d| d.lang == Lang::Fa)
            .map(|d| d.content)
            .collect();
        assert!(fa.contains('ك') && fa.contains('ک'));
    }
}
