//! Tests of the parent module.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use super::*;
use std::collections::BTreeSet;
use std::path::Path;

/// 2026-11-22 14:05:09 UTC.
const NOV_22_2026: i64 = 1_795_356_309;

#[test]
fn lang_codes_and_parsing() {
    for lang in Lang::ALL {
        assert_eq!(Lang::parse(lang.code()), Some(lang));
    }
    assert_eq!(Lang::Fa.dir(), "rtl");
    assert_eq!(Lang::En.dir(), "ltr");
    assert_eq!(Lang::parse(" FA-ir "), Some(Lang::Fa));
    assert_eq!(Lang::parse("ar_SY"), Some(Lang::Ar));
    assert_eq!(Lang::parse("prs"), Some(Lang::Fa));
    assert_eq!(Lang::parse("de"), None);
    assert_eq!(Lang::parse(""), None);
}

#[test]
fn negotiation_honours_q_values() {
    assert_eq!(Lang::negotiate(""), Lang::En);
    assert_eq!(Lang::negotiate("de-DE,de;q=0.9"), Lang::En);
    assert_eq!(Lang::negotiate("fa-IR,fa;q=0.9,en;q=0.8"), Lang::Fa);
    assert_eq!(Lang::negotiate("en;q=0.5, ar;q=0.9"), Lang::Ar);
    assert_eq!(Lang::negotiate("ar;q=0, fa;q=0.1"), Lang::Fa);
    assert_eq!(Lang::negotiate("ar;q=0"), Lang::En);
    assert_eq!(Lang::negotiate("fr, ar, fa"), Lang::Ar);
    assert_eq!(Lang::negotiate("*;q=0.5, fa;q=bogus, ar;Q=0.4"), Lang::Ar);
}

#[test]
fn messages_in_each_language() {
    let key = "dashboard-title";
    assert_eq!(Tr::new(Lang::En).t(key), "Dashboard");
    assert_eq!(Tr::new(Lang::Fa).t(key), "داشبورد");
    assert_eq!(Tr::new(Lang::Ar).t(key), "لوحة المعلومات");
}

#[test]
fn missing_key_returns_the_key() {
    let key = "no-such-message";
    assert_eq!(Tr::new(Lang::Fa).t(key), key);
}

#[test]
fn arabic_has_six_plural_forms_with_native_digits() {
    let tr = Tr::new(Lang::Ar);
    let key = "common-people-count";
    let say = |n: i64| tr.t_args_plain(key, &[("count", Arg::Num(n))]);
    assert_eq!(say(0), "لا أحد");
    assert_eq!(say(1), "شخص واحد");
    assert_eq!(say(2), "شخصان");
    assert_eq!(say(3), "٣ أشخاص");
    assert_eq!(say(11), "١١ شخصًا");
    assert_eq!(say(100), "١٠٠ شخص");
    assert_eq!(say(1234), "١٬٢٣٤ شخص");
}

#[test]
fn persian_and_english_plurals() {
    let key = "common-people-count";
    assert_eq!(
        Tr::new(Lang::Fa).t_count(key, 12_345),
        "\u{2068}۱۲٬۳۴۵\u{2069} نفر"
    );
    let en = Tr::new(Lang::En);
    assert_eq!(en.t_args_plain(key, &[("count", 1.into())]), "1 person");
    assert_eq!(
        en.t_args_plain(key, &[("count", 1200.into())]),
        "1,200 people"
    );
}

#[test]
fn string_args_are_isolated_only_in_the_default_variant() {
    let tr = Tr::new(Lang::Fa);
    let key = "header-role";
    let args = [("role", Arg::from("admin"))];
    assert_eq!(tr.t_args(key, &args), "نقش: \u{2068}admin\u{2069}");
    assert_eq!(tr.t_args_plain(key, &args), "نقش: admin");
}

#[test]
fn numbers() {
    let (en, fa, ar) = (Tr::new(Lang::En), Tr::new(Lang::Fa), Tr::new(Lang::Ar));
    assert_eq!(en.num(12_345), "12,345");
    assert_eq!(en.num(0), "0");
    assert_eq!(en.num(999), "999");
    assert_eq!(en.num(-1_234_567), "-1,234,567");
    assert_eq!(fa.num(12_345), "۱۲٬۳۴۵");
    assert_eq!(ar.num(12_345), "١٢٬٣٤٥");
    assert_eq!(fa.num(-5), "\u{200E}\u{2212}۵");
    assert_eq!(en.num(i64::MIN), "-9,223,372,036,854,775,808");
}

#[test]
fn dates() {
    assert_eq!(Tr::new(Lang::En).date(NOV_22_2026), "22 Nov 2026");
    assert_eq!(Tr::new(Lang::Fa).date(NOV_22_2026), "۱ آذر ۱۴۰۵");
    assert_eq!(Tr::new(Lang::Ar).date(NOV_22_2026), "٢٢ نوفمبر ٢٠٢٦");
    assert_eq!(Tr::new(Lang::En).date(-1), "31 Dec 1969");
    assert_eq!(Tr::new(Lang::En).date(0), "1 Jan 1970");
    // Outside the Solar Hijri range: an ISO date, never a panic.
    let year_500 = calendar::days_from_civil(500, 1, 1) * 86_400;
    assert_eq!(Tr::new(Lang::Fa).date(year_500), "۵۰۰-۰۱-۰۱");
    for lang in Lang::ALL {
        Tr::new(lang).datetime(i64::MIN);
        Tr::new(lang).datetime(i64::MAX);
    }
}

#[test]
fn datetimes() {
    assert_eq!(
        Tr::new(Lang::En).datetime(NOV_22_2026),
        "22 Nov 2026 14:05 UTC"
    );
    assert_eq!(
        Tr::new(Lang::Fa).datetime(NOV_22_2026),
        "۱ آذر ۱۴۰۵، ۱۴:۰۵ UTC"
    );
    assert_eq!(
        Tr::new(Lang::Ar).datetime(NOV_22_2026),
        "٢٢ نوفمبر ٢٠٢٦، ١٤:٠٥ UTC"
    );
}

#[test]
fn digits_normalise_to_ascii() {
    assert_eq!(normalize_digits("۱۴۰۵-۰۹-۰۱"), "1405-09-01");
    assert_eq!(normalize_digits("٢٠٢٦/١١/٢٢"), "2026/11/22");
    assert_eq!(normalize_digits("۱۲٬۳۴۵٫۵ abc"), "12,345.5 abc");
    assert_eq!(normalize_digits("plain 42"), "plain 42");
}

fn manifest(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Message ids of a Fluent file: lines that start with an identifier and `=`.
fn ftl_ids(lang: Lang) -> BTreeSet<String> {
    let path = manifest(&format!("locales/{}/main.ftl", lang.code()));
    let text = std::fs::read_to_string(&path).unwrap();
    if let Err((_, errors)) = FluentResource::try_new(text.clone()) {
        panic!("{}: {errors:?}", path.display());
    }
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('='))
        .map(|(id, _)| id.trim().to_owned())
        .collect()
}

#[test]
fn locales_define_the_same_ids() {
    let en = ftl_ids(Lang::En);
    assert!(en.contains("dashboard-title"));
    for lang in [Lang::Fa, Lang::Ar] {
        let other = ftl_ids(lang);
        let missing: Vec<_> = en.difference(&other).collect();
        let extra: Vec<_> = other.difference(&en).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, extra {extra:?}"
        );
    }
}

/// String literals that follow any of `patterns` in files under `dir`.
fn keys_used(dir: &Path, patterns: &[&str], out: &mut BTreeSet<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            keys_used(&path, patterns, out);
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for pattern in patterns {
            for (pos, _) in text.match_indices(pattern) {
                let rest = &text[pos + pattern.len()..];
                if let Some(end) = rest.find('"') {
                    out.insert((rest[..end].to_owned(), path.display().to_string()));
                }
            }
        }
    }
}

#[test]
fn every_key_used_in_templates_and_code_exists() {
    let mut used = BTreeSet::new();
    let methods = ["t(\"", "t_args(\"", "t_args_plain(\"", "t_count(\""];
    let in_templates = methods.map(|m| format!("tr.{m}"));
    let in_code = methods.map(|m| format!(".{m}"));
    keys_used(
        &manifest("templates"),
        &in_templates.each_ref().map(|s| s.as_str()),
        &mut used,
    );
    keys_used(
        &manifest("src"),
        &in_code.each_ref().map(|s| s.as_str()),
        &mut used,
    );
    let ids: Vec<_> = Lang::ALL.into_iter().map(|l| (l, ftl_ids(l))).collect();
    let mut problems = Vec::new();
    for (key, file) in &used {
        // `message.attribute` lookups need the message.
        let id = key.split('.').next().unwrap_or(key);
        for (lang, set) in &ids {
            if !set.contains(id) {
                problems.push(format!("{file}: `{key}` missing in {lang}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
