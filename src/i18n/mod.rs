//! English, Persian and Arabic: messages, numbers and dates.
//!
//! Messages live in `locales/{en,fa,ar}/main.ftl` and are embedded at compile
//! time, so a running server never reads them from disk. Fluent supplies the
//! CLDR plural rules (Arabic has six categories, Persian two); this module adds
//! what Fluent leaves out: native digits, the Solar Hijri calendar for Persian,
//! and language negotiation limited to the three languages we actually ship.
//!
//! [`Tr`] is the one handle pages get (`page.tr.t("nav-dashboard")` in askama).
//! It is `Copy` and carries only the language, so it can go anywhere.
//!
//! Bidi isolation: by default every `{ $placeable }` is wrapped in FSI/PDI so a
//! Latin name inside Persian text (or the reverse) cannot reorder its
//! neighbours. Those invisible marks do harm in attribute values, CSV cells and
//! PDFs, hence the `_plain` variant.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::{FluentResource, FluentValue};
use fluent_templates::{LanguageIdentifier, StaticLoader};

use crate::calendar;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| {
            localise_numbers(bundle);
        },
    };
}

fluent_templates::static_loader! {
    static LOCALES_PLAIN = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| {
            bundle.set_use_isolating(false);
            localise_numbers(bundle);
        },
    };
}

/// Numbers inside messages get the same digits and grouping as [`Tr::num`].
/// Fluent wants a plain `fn`, not a closure, hence one per language.
fn localise_numbers(bundle: &mut fluent_templates::FluentBundle<&'static FluentResource>) {
    match bundle.locales.first().map(|l| l.language.as_str()) {
        Some("fa") => bundle.set_formatter(Some(|v, _| format_fluent_number(v, Lang::Fa))),
        Some("ar") => bundle.set_formatter(Some(|v, _| format_fluent_number(v, Lang::Ar))),
        _ => bundle.set_formatter(Some(|v, _| format_fluent_number(v, Lang::En))),
    }
}

fn format_fluent_number(value: &FluentValue, lang: Lang) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(localise_numeral(&group(&n.as_string()), lang)),
        _ => None,
    }
}

/// One of the three languages vigil ships.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Fa,
    Ar,
}

type LangIds = (LanguageIdentifier, LanguageIdentifier, LanguageIdentifier);

static LANG_IDS: LazyLock<LangIds> = LazyLock::new(|| {
    // These literals always parse; `unwrap_or_default` only keeps clippy's
    // no-panic rule without a `langid!` macro (which expands to `unsafe`).
    let id = |s: &str| s.parse().unwrap_or_default();
    (id("en"), id("fa"), id("ar"))
});

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fa, Lang::Ar];

    /// BCP 47 code, as used in `<html lang>` and the language cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fa => "fa",
            Lang::Ar => "ar",
        }
    }

    /// Text direction for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
            Lang::Fa | Lang::Ar => "rtl",
        }
    }

    /// The language's name in itself, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fa => "فارسی",
            Lang::Ar => "العربية",
        }
    }

    /// Accepts a bare code or a tag with region (`fa-IR`, `ar_SY`), any case.
    /// Dari (`prs`, and `fa-AF`) and Iranian Persian (`pes`) map to Persian.
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "fa" | "prs" | "pes" => Some(Lang::Fa),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }

    /// Picks a language from an `Accept-Language` header: highest q-value wins,
    /// earlier entries win ties, `q=0` means "not this one", default English.
    pub fn negotiate(accept_language_header: &str) -> Lang {
        let mut best: Option<(Lang, u16)> = None;
        for item in accept_language_header.split(',') {
            let mut parts = item.split(';');
            let Some(lang) = parts.next().and_then(Lang::parse) else {
                continue;
            };
            let mut q = Some(1000);
            for param in parts {
                let param = param.trim();
                if let Some(v) = param
                    .strip_prefix("q=")
                    .or_else(|| param.strip_prefix("Q="))
                {
                    q = parse_q(v);
                }
            }
            let Some(q) = q.filter(|&q| q > 0) else {
                continue;
            };
            if best.is_none_or(|(_, b)| q > b) {
                best = Some((lang, q));
            }
        }
        best.map_or(Lang::En, |(lang, _)| lang)
    }

    fn langid(self) -> &'static LanguageIdentifier {
        match self {
            Lang::En => &LANG_IDS.0,
            Lang::Fa => &LANG_IDS.1,
            Lang::Ar => &LANG_IDS.2,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A q-value in thousandths (`0.8` → 800); `None` if malformed.
fn parse_q(v: &str) -> Option<u16> {
    let q: f32 = v.trim().parse().ok()?;
    (0.0..=1.0)
        .contains(&q)
        .then(|| (q * 1000.0).round() as u16)
}

/// A value for a `{ $placeable }` in a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Str(String),
    /// Numbers select plural forms and are shown with the language's digits.
    Num(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}
impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Arg::Num(n.into())
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Num(n.into())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(n.to_i64())
    }
}

/// Any integer a template hands over, by value or by reference (askama passes
/// loop fields as `&i64`). Unsigned values beyond `i64::MAX` saturate.
pub trait Integer {
    fn to_i64(&self) -> i64;
}

impl Integer for i64 {
    fn to_i64(&self) -> i64 {
        *self
    }
}
impl Integer for i32 {
    fn to_i64(&self) -> i64 {
        i64::from(*self)
    }
}
impl Integer for u32 {
    fn to_i64(&self) -> i64 {
        i64::from(*self)
    }
}
impl Integer for u64 {
    fn to_i64(&self) -> i64 {
        i64::try_from(*self).unwrap_or(i64::MAX)
    }
}
impl Integer for usize {
    fn to_i64(&self) -> i64 {
        i64::try_from(*self).unwrap_or(i64::MAX)
    }
}
impl<T: Integer + ?Sized> Integer for &T {
    fn to_i64(&self) -> i64 {
        (**self).to_i64()
    }
}

/// The translator a page renders with: a language and nothing else.
#[derive(Clone, Copy, Debug)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Self {
        Tr { lang }
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn dir(&self) -> &'static str {
        self.lang.dir()
    }

    /// A message with no arguments. A missing id logs a warning and returns
    /// the id itself, so a gap shows up on screen instead of a blank.
    pub fn t(&self, key: &str) -> String {
        self.lookup(&LOCALES, key, None)
    }

    /// A message with arguments, placeables bidi-isolated (for HTML text).
    pub fn t_args(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.lookup(&LOCALES, key, Some(&fluent_args(args)))
    }

    /// Like [`Tr::t_args`] without isolation marks: for attribute values,
    /// CSV cells and PDFs, where the marks would end up as stray characters.
    pub fn t_args_plain(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.lookup(&LOCALES_PLAIN, key, Some(&fluent_args(args)))
    }

    /// Shorthand for the common plural case: a message whose one argument is `$count`.
    pub fn t_count(&self, key: &str, count: impl Integer) -> String {
        self.t_args(key, &[("count", Arg::Num(count.to_i64()))])
    }

    fn lookup(
        &self,
        loader: &StaticLoader,
        key: &str,
        args: Option<&HashMap<Cow<'static, str>, FluentValue<'_>>>,
    ) -> String {
        let err = match loader.lookup_single_language(self.lang.langid(), key, args) {
            Ok(text) => return text,
            Err(err) => err,
        };
        // The error names ids and variables, never argument values.
        tracing::warn!(key, lang = self.lang.code(), error = %err, "message lookup failed");
        if self.lang != Lang::En {
            if let Ok(text) = loader.lookup_single_language(Lang::En.langid(), key, args) {
                return text;
            }
        }
        key.to_owned()
    }

    /// An integer with the language's digits and thousands separator:
    /// `12,345`, `۱۲٬۳۴۵`, `١٢٬٣٤٥`.
    pub fn num(&self, n: impl Integer) -> String {
        localise_numeral(&group(&n.to_i64().to_string()), self.lang)
    }

    /// A calendar date (UTC): `22 Nov 2026`, `۱ آذر ۱۴۰۵` (Solar Hijri),
    /// `٢٢ نوفمبر ٢٠٢٦`.
    pub fn date(&self, unix_secs: impl Integer) -> String {
        let unix_secs = unix_secs.to_i64();
        let days = unix_secs.div_euclid(86_400);
        let (y, m, d) = calendar::civil_from_days(days);
        let month = usize::from(m).saturating_sub(1);
        match self.lang {
            Lang::En => format!(
                "{d} {} {y}",
                calendar::ENGLISH_MONTHS_SHORT.get(month).unwrap_or(&"")
            ),
            Lang::Ar => digits(
                &format!(
                    "{d} {} {y}",
                    calendar::ARABIC_MONTHS.get(month).unwrap_or(&"")
                ),
                Lang::Ar,
            ),
            Lang::Fa => match calendar::days_to_jalali(days) {
                Some((jy, jm, jd)) => digits(
                    &format!(
                        "{jd} {} {jy}",
                        calendar::persian_month_name(jm).unwrap_or("")
                    ),
                    Lang::Fa,
                ),
                // Beyond the Solar Hijri tables (years 1–3177 AP): ISO, honestly.
                None => digits(&format!("{y}-{m:02}-{d:02}"), Lang::Fa),
            },
        }
    }

    /// A year (or any number that is a label, not a quantity): localised digits, no
    /// thousands separator — `1985`, `۱۹۸۵`, `١٩٨٥`.
    pub fn year(&self, y: impl Integer) -> String {
        digits(&y.to_i64().to_string(), self.lang)
    }

    /// A month for axis labels and tables: `Nov 2026`, `آذر ۱۴۰۵` (Solar Hijri month
    /// containing the instant), `نوفمبر ٢٠٢٦`.
    pub fn month(&self, unix_secs: impl Integer) -> String {
        let days = unix_secs.to_i64().div_euclid(86_400);
        let (y, m, _) = calendar::civil_from_days(days);
        let month = usize::from(m).saturating_sub(1);
        match self.lang {
            Lang::En => format!(
                "{} {y}",
                calendar::ENGLISH_MONTHS_SHORT.get(month).unwrap_or(&"")
            ),
            Lang::Ar => digits(
                &format!("{} {y}", calendar::ARABIC_MONTHS.get(month).unwrap_or(&"")),
                Lang::Ar,
            ),
            Lang::Fa => match calendar::days_to_jalali(days) {
                Some((jy, jm, _)) => digits(
                    &format!("{} {jy}", calendar::persian_month_name(jm).unwrap_or("")),
                    Lang::Fa,
                ),
                None => digits(&format!("{y}-{m:02}"), Lang::Fa),
            },
        }
    }

    /// Date and time of day in UTC: `22 Nov 2026 14:05 UTC`,
    /// `۱ آذر ۱۴۰۵، ۱۴:۰۵ UTC`.
    pub fn datetime(&self, unix_secs: impl Integer) -> String {
        let unix_secs = unix_secs.to_i64();
        let secs = unix_secs.rem_euclid(86_400);
        let time = digits(
            &format!("{:02}:{:02}", secs / 3600, secs % 3600 / 60),
            self.lang,
        );
        let sep = match self.lang {
            Lang::En => " ",
            Lang::Fa | Lang::Ar => "، ",
        };
        format!("{}{sep}{time} UTC", self.date(unix_secs))
    }
}

fn fluent_args<'a>(args: &'a [(&str, Arg)]) -> HashMap<Cow<'static, str>, FluentValue<'a>> {
    args.iter()
        .map(|(name, arg)| {
            let value = match arg {
                Arg::Str(s) => FluentValue::from(s.as_str()),
                Arg::Num(n) => FluentValue::from(*n),
            };
            (Cow::Owned((*name).to_owned()), value)
        })
        .collect()
}

/// Inserts `,` every three digits of the integer part of an ASCII numeral.
fn group(ascii: &str) -> String {
    let (sign, rest) = match ascii.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", ascii),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (rest, None),
    };
    let mut out = String::with_capacity(ascii.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// ASCII numeral (`-12,345.6`) → the language's digits, separators and minus
/// sign, as CLDR has them for `fa` and `ar` (the `arab` numbering system).
fn localise_numeral(ascii: &str, lang: Lang) -> String {
    let (group_sep, decimal_sep, minus) = match lang {
        Lang::En => return ascii.to_owned(),
        // LRM + MINUS SIGN keeps the sign on the reading side in RTL text.
        Lang::Fa => ('\u{066C}', '\u{066B}', "\u{200E}\u{2212}"),
        // ARABIC LETTER MARK + hyphen-minus.
        Lang::Ar => ('\u{066C}', '\u{066B}', "\u{061C}-"),
    };
    let mut out = String::with_capacity(ascii.len() * 2);
    for c in ascii.chars() {
        match c {
            ',' => out.push(group_sep),
            '.' => out.push(decimal_sep),
            '-' => out.push_str(minus),
            c => out.push(native_digit(c, lang)),
        }
    }
    out
}

/// Replaces ASCII digits only; everything else is left as it is.
fn digits(s: &str, lang: Lang) -> String {
    s.chars().map(|c| native_digit(c, lang)).collect()
}

fn native_digit(c: char, lang: Lang) -> char {
    let zero = match lang {
        Lang::En => return c,
        Lang::Fa => 0x06F0,
        Lang::Ar => 0x0660,
    };
    match c.to_digit(10) {
        Some(d) if c.is_ascii_digit() => char::from_u32(zero + d).unwrap_or(c),
        _ => c,
    }
}

/// Persian (۰–۹) and Arabic-Indic (٠–٩) digits → ASCII, and the Arabic decimal
/// (٫) and thousands (٬) separators → `.` and `,`, so every form, import and
/// search accepts numbers typed on a Persian or Arabic keyboard.
pub fn normalize_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{06F0}'..='\u{06F9}' => char::from_u32(u32::from(c) - 0x06F0 + 0x30).unwrap_or(c),
            '\u{0660}'..='\u{0669}' => char::from_u32(u32::from(c) - 0x0660 + 0x30).unwrap_or(c),
            '\u{066B}' => '.',
            '\u{066C}' => ',',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests;
