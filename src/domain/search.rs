//! Search text, pure: the normaliser that makes the spellings of one word meet (on
//! top of [`normalize_script`]: Arabic and Persian letter variants, hamza forms,
//! diacritics, tatweel, zero-width non-joiner, Persian and Arabic-Indic digits, case),
//! the split into words both databases index alike, the parsed query with its
//! filters, and the highlighted snippet, made here rather than by either engine so it
//! is the same on SQLite and PostgreSQL.

use super::names::normalize_script;
use super::Invalid;

/// The words of `s`, normalised: letters and digits only, lower case.
pub fn words(s: &str) -> Vec<String> {
    normalize_script(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// What is indexed for a text: its words, one space apart.
pub fn index_body(s: &str) -> String {
    words(s).join(" ")
}

/// The most words a query may have.
pub const MAX_WORDS: usize = 16;

/// What a document is.
pub const DOC_TYPES: [&str; 3] = ["incident", "source", "claim"];

/// A parsed search: the words (all must occur) and the filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub words: Vec<String>,
    pub doc_type: Option<&'static str>,
    /// Epoch ms, inclusive.
    pub from: Option<i64>,
    /// Epoch ms of the last day, inclusive (the whole day).
    pub to: Option<i64>,
    pub site_id: Option<i64>,
    pub category: Option<String>,
    /// A source grade letter, A–F.
    pub grade: Option<String>,
    pub language: Option<String>,
}

fn opt(s: &str) -> Option<&str> {
    Some(s.trim()).filter(|s| !s.is_empty())
}

impl Query {
    /// Reads the search box and the filters; empty fields are no filter.
    #[allow(clippy::too_many_arguments)]
    pub fn parse(
        q: &str,
        doc_type: &str,
        from: &str,
        to: &str,
        site: &str,
        category: &str,
        grade: &str,
        language: &str,
    ) -> Result<Self, Invalid> {
        let mut ws = words(q);
        ws.dedup();
        if ws.is_empty() {
            return Err(Invalid::new(
                "q",
                "search-invalid-empty",
                "type a word to search for",
            ));
        }
        if ws.len() > MAX_WORDS {
            return Err(Invalid::new("q", "search-invalid-long", "at most 16 words"));
        }
        let doc_type = match opt(doc_type) {
            None => None,
            Some(t) => Some(DOC_TYPES.into_iter().find(|d| *d == t).ok_or_else(|| {
                Invalid::new(
                    "type",
                    "invalid-choice",
                    "expected one of incident, source, claim",
                )
            })?),
        };
        let day = |field: &'static str, s: &str| -> Result<Option<i64>, Invalid> {
            super::convoy::parse_day(field, s)
        };
        let from = day("from", from)?;
        let to = day("to", to)?.map(|d| d + 86_400_000 - 1);
        let site_id = match opt(site) {
            None => None,
            Some(s) => Some(
                crate::i18n::normalize_digits(s)
                    .parse::<i64>()
                    .map_err(|_| Invalid::new("site", "invalid-number", "expected a number"))?,
            ),
        };
        let grade = match opt(grade) {
            None => None,
            Some(g) => {
                let g = g.to_ascii_uppercase();
                if !matches!(g.as_str(), "A" | "B" | "C" | "D" | "E" | "F") {
                    return Err(Invalid::new(
                        "grade",
                        "invalid-choice",
                        "expected a grade A to F",
                    ));
                }
                Some(g)
            }
        };
        Ok(Query {
            words: ws,
            doc_type,
            from,
            to,
            site_id,
            category: opt(category).map(str::to_string),
            grade,
            language: opt(language).map(str::to_ascii_lowercase),
        })
    }
}

/// A piece of a snippet: text, and whether it is a hit to highlight.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// Words shown around the first hit.
const BEFORE: usize = 8;
const WINDOW: usize = 30;

/// A window of `text` around its first word that matches one of `query` (normalised
/// words), with every matching word marked; the start of the text when none does.
pub fn snippet(text: &str, query: &[String]) -> Vec<Segment> {
    let raw: Vec<&str> = text.split_whitespace().collect();
    let hit = |w: &str| words(w).iter().any(|n| query.contains(n));
    let first = raw.iter().position(|w| hit(w)).unwrap_or(0);
    let start = first.saturating_sub(BEFORE);
    let mut out: Vec<Segment> = Vec::new();
    if start > 0 {
        out.push(Segment {
            text: "… ".into(),
            hit: false,
        });
    }
    let shown: Vec<&&str> = raw.iter().skip(start).take(WINDOW).collect();
    for (i, w) in shown.iter().enumerate() {
        let h = hit(w);
        let sep = if i + 1 < shown.len() { " " } else { "" };
        match out.last_mut() {
            Some(last) if !last.hit && !h => {
                last.text.push_str(w);
                last.text.push_str(sep);
            }
            _ if h => {
                out.push(Segment {
                    text: (*w).to_string(),
                    hit: true,
                });
                if !sep.is_empty() {
                    out.push(Segment {
                        text: sep.into(),
                        hit: false,
                    });
                }
            }
            _ => out.push(Segment {
                text: format!("{w}{sep}"),
                hit: false,
            }),
        }
    }
    if start + WINDOW < raw.len() {
        out.push(Segment {
            text: " …".into(),
            hit: false,
        });
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn spellings_of_one_word_meet() {
        // Arabic kaf and yeh against Persian keheh and yeh; hamza on alef; tatweel,
        // harakat, ZWNJ; Persian and Arabic-Indic digits; case.
        assert_eq!(words("كتاب"), words("کتاب"));
        assert_eq!(words("علي"), words("علی"));
        assert_eq!(words("مصطفى"), words("مصطفی"));
        assert_eq!(words("أحمد إبراهيم"), words("احمد ابراهیم"));
        assert_eq!(words("مـــوشـک"), words("موشک"));
        assert_eq!(words("مُوشَك"), words("موشک"));
        assert_eq!(words("می‌روند"), words("میروند"));
        assert_eq!(words("۱۴۰۲ ١٤٠٢ 1402"), ["1402", "1402", "1402"]);
        assert_eq!(
            words("Camp LIBERTY, rocket-attack!"),
            ["camp", "liberty", "rocket", "attack"]
        );
    }

    #[test]
    fn a_query_needs_a_word_and_names_its_bad_filter() {
        let q = Query::parse(
            "  حمله موشکی ",
            "incident",
            "2013-01-01",
            "۲۰۱۳-۱۲-۳۱",
            "",
            "",
            "b",
            "FA",
        )
        .unwrap();
        assert_eq!(q.words, ["حمله", "موشکی"]);
        assert_eq!(q.grade.as_deref(), Some("B"));
        assert_eq!(q.language.as_deref(), Some("fa"));
        assert!(q.to.unwrap() > q.from.unwrap());
        let field = |r: Result<Query, Invalid>| r.unwrap_err().field;
        assert_eq!(field(Query::parse(" ؟! ", "", "", "", "", "", "", "")), "q");
        assert_eq!(
            field(Query::parse("x", "person", "", "", "", "", "", "")),
            "type"
        );
        assert_eq!(
            field(Query::parse("x", "", "2013-13-01", "", "", "", "", "")),
            "from"
        );
        assert_eq!(
            field(Query::parse("x", "", "", "", "camp", "", "", "")),
            "site"
        );
        assert_eq!(
            field(Query::parse("x", "", "", "", "", "", "G", "")),
            "grade"
        );
    }

    #[test]
    fn snippets_mark_every_spelling_of_the_hit() {
        let s = snippet("گزارش درباره حملهٔ موشكي به کمپ لیبرتی", &words("موشکی"));
        let hits: Vec<&str> = s
            .iter()
            .filter(|g| g.hit)
            .map(|g| g.text.as_str())
            .collect();
        assert_eq!(hits, ["موشكي"]);
        let joined: String = s.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(joined, "گزارش درباره حملهٔ موشكي به کمپ لیبرتی");
        let long = format!("{} needle {}", "a ".repeat(40), "b ".repeat(40));
        let s = snippet(&long, &words("NEEDLE"));
        assert!(s.first().unwrap().text.starts_with('…'));
        assert!(s.last().unwrap().text.ends_with('…'));
        assert_eq!(s.iter().filter(|g| g.hit).count(), 1);
    }

    /// Characters the normaliser must ignore anywhere inside a word.
    const INVISIBLE: [char; 5] = ['\u{200C}', '\u{0640}', '\u{064E}', '\u{0651}', '\u{200F}'];
    const VARIANTS: [(char, char); 5] =
        [('ك', 'ک'), ('ي', 'ی'), ('ى', 'ی'), ('أ', 'ا'), ('٣', '۳')];

    proptest! {
        #[test]
        fn normalising_is_idempotent(s in "\\PC{0,40}") {
            let once = index_body(&s);
            prop_assert_eq!(index_body(&once), once.clone());
        }

        #[test]
        fn invisible_marks_inside_a_word_change_nothing(
            w in "[ابپتسشکگلمنوهی]{2,10}", at in 1usize..10, which in 0usize..5,
        ) {
            let chars: Vec<char> = w.chars().collect();
            let at = at.min(chars.len() - 1);
            let mut marked: String = chars[..at].iter().collect();
            marked.push(INVISIBLE[which]);
            marked.extend(&chars[at..]);
            prop_assert_eq!(words(&marked), words(&w));
        }

        #[test]
        fn arabic_and_persian_letter_forms_meet(
            parts in proptest::collection::vec((0usize..5, "[بتسلمن]{0,3}"), 1..6), upper in any::<bool>(),
        ) {
            let (mut arabic, mut persian) = (String::new(), String::new());
            for (v, filler) in &parts {
                arabic.push(VARIANTS[*v].0);
                arabic.push_str(filler);
                persian.push(VARIANTS[*v].1);
                persian.push_str(filler);
            }
            if upper {
                arabic.push_str("ABC");
                persian.push_str("abc");
            }
            prop_assert_eq!(words(&arabic), words(&persian));
        }

        #[test]
        fn words_are_letters_and_digits_only(s in "\\PC{0,60}") {
            for w in words(&s) {
                prop_assert!(!w.is_empty());
                prop_assert!(w.chars().all(char::is_alphanumeric), "{:?}", w);
            }
        }
    }
}
