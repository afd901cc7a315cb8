//! Chart tests: escaping, tick maths, edge cases, and golden SVGs in
//! `tests/golden/` (rewrite them with `UPDATE_GOLDEN=1 cargo test --lib charts`
//! and review the diff like code).

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::path::PathBuf;

use super::*;
use crate::calendar::days_from_civil;
use crate::i18n::{Lang, Tr};

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (create it with UPDATE_GOLDEN=1)", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a);
        panic!(
            "{} differs from the rendered chart (first differing line: {:?}); \
             if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff",
            path.display(),
            line.map(|l| l + 1)
        );
    }
}

fn month(y: i64, m: u8) -> f64 {
    (days_from_civil(y, m, 1) * 86_400) as f64
}

/// Twelve months of a camp: arrivals swell the registered population while
/// the number seen at the last headcount lags behind.
fn population(tr: &Tr) -> (Vec<Series>, Vec<(f64, String)>) {
    let registered = [
        3120, 3185, 3240, 3390, 3620, 3905, 4210, 4380, 4465, 4490, 4530, 4575,
    ];
    let present = [
        3050, 3101, 3150, 3262, 3460, 3702, 3950, 4100, 4122, 4160, 4190, 4230,
    ];
    let months: Vec<f64> = (1..=12).map(|m| month(2026, m)).collect();
    let zip = |v: &[i64]| months.iter().zip(v).map(|(x, y)| (*x, *y as f64)).collect();
    let series = vec![
        Series {
            name: name(tr, "Registered", "ثبت‌شده"),
            hue: Hue::Blue,
            points: zip(&registered),
        },
        Series {
            name: name(tr, "Present at headcount", "حاضر در سرشماری"),
            hue: Hue::Vermillion,
            points: zip(&present),
        },
    ];
    let labels = months
        .iter()
        .step_by(2)
        .map(|x| (*x, tr.date(*x as i64)))
        .collect();
    (series, labels)
}

fn name(tr: &Tr, en: &str, fa: &str) -> String {
    if tr.lang == Lang::En { en } else { fa }.to_owned()
}

fn line(tr: &Tr) -> String {
    let (series, x_labels) = population(tr);
    line_chart(
        tr,
        &LineChart {
            title: &name(tr, "Camp population, 2026", "جمعیت اردوگاه، ۲۰۲۶"),
            desc: &name(
                tr,
                "Registered people rose from 3,120 to 4,575.",
                "شمار ثبت‌شدگان از ۳٬۱۲۰ به ۴٬۵۷۵ رسید.",
            ),
            x_title: &name(tr, "Month", "ماه"),
            y_title: &name(tr, "People", "نفر"),
            series: &series,
            x_labels: &x_labels,
        },
    )
}

/// UNHCR age bands, labelled with the page's digits.
fn bands(tr: &Tr) -> Vec<(String, i64, i64)> {
    let n = |v: i64| tr.num(v);
    vec![
        (format!("{}–{}", n(0), n(4)), 412, 431),
        (format!("{}–{}", n(5), n(11)), 530, 548),
        (format!("{}–{}", n(12), n(17)), 361, 377),
        (format!("{}–{}", n(18), n(59)), 1204, 968),
        (format!("{}+", n(60)), 96, 71),
    ]
}

fn pyramid_of(tr: &Tr) -> String {
    pyramid(
        tr,
        &name(tr, "People by sex and age", "افراد بر پایهٔ جنس و سن"),
        "",
        &bands(tr),
    )
}

fn bars(tr: &Tr, orientation: Orientation) -> String {
    let categories: Vec<String> = bands(tr).into_iter().map(|b| b.0).collect();
    let groups = vec![
        BarGroup {
            name: tr.t("chart-female"),
            hue: Hue::Vermillion,
            values: bands(tr).iter().map(|b| b.1).collect(),
        },
        BarGroup {
            name: tr.t("chart-male"),
            hue: Hue::Blue,
            values: bands(tr).iter().map(|b| b.2).collect(),
        },
    ];
    bar_chart(
        tr,
        &BarChart {
            title: &name(tr, "People by age band", "افراد بر پایهٔ گروه سنی"),
            desc: "",
            value_title: &tr.t("chart-people"),
            category_title: &name(tr, "Age (years)", "سن (سال)"),
            orientation,
            categories: &categories,
            groups: &groups,
        },
    )
}

const EN: Tr = Tr { lang: Lang::En };
const FA: Tr = Tr { lang: Lang::Fa };
const AR: Tr = Tr { lang: Lang::Ar };

#[test]
fn golden_charts() {
    golden("line_en.svg", &line(&EN));
    golden("line_fa.svg", &line(&FA));
    golden("pyramid_en.svg", &pyramid_of(&EN));
    golden("pyramid_fa.svg", &pyramid_of(&FA));
    golden("bar_columns_en.svg", &bars(&EN, Orientation::Columns));
    golden("bar_rows_fa.svg", &bars(&FA, Orientation::Rows));
}

#[test]
fn output_is_deterministic_and_css_only() {
    for tr in [EN, FA, AR] {
        for svg in [
            line(&tr),
            pyramid_of(&tr),
            bars(&tr, Orientation::Columns),
            bars(&tr, Orientation::Rows),
        ] {
            assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
            assert!(svg.contains(r#"role="img""#) && svg.contains("aria-labelledby=\"chart-"));
            assert!(svg.contains("<title id=") && svg.contains("<desc id="));
            assert!(!svg.contains("style"), "the CSP forbids inline styles");
            assert!(!svg.contains("NaN") && !svg.contains("inf"));
        }
        assert_eq!(line(&tr), line(&tr));
        assert_eq!(pyramid_of(&tr), pyramid_of(&tr));
    }
}

#[test]
fn escape_neutralises_markup() {
    assert_eq!(
        escape(r#"<script>alert("x")</script> & 'q'"#),
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"
    );
    assert_eq!(escape("a\u{0}b\u{1b}c\u{FFFE}"), "abc");
    assert_eq!(escape("داده\nx"), "داده\nx");
    let evil = "<script>alert(1)</script> & co";
    let series = [Series {
        name: evil.into(),
        hue: Hue::Green,
        points: vec![(0.0, 1.0), (1.0, 2.0)],
    }];
    let labels = [(0.0, evil.to_owned())];
    let chart = LineChart {
        title: evil,
        desc: evil,
        x_title: evil,
        y_title: evil,
        series: &series,
        x_labels: &labels,
    };
    let svg = line_chart(&EN, &chart);
    assert!(!svg.contains("<script"));
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    let svg = pyramid(&EN, evil, evil, &[(evil.into(), 1, 2)]);
    assert!(!svg.contains("<script") && !svg.contains("& co"));
}

#[test]
fn nice_ticks_step_by_one_two_five() {
    assert_eq!(nice_ticks(0.0, 97.0, 5), vec![0, 20, 40, 60, 80, 100]);
    assert_eq!(
        nice_ticks(0.0, 4575.0, 5),
        vec![0, 1000, 2000, 3000, 4000, 5000]
    );
    assert_eq!(nice_ticks(-35.0, 120.0, 5), vec![-50, 0, 50, 100, 150]);
    assert_eq!(nice_ticks(0.0, 7.0, 5), vec![0, 2, 4, 6, 8]);
    assert_eq!(nice_ticks(0.0, 3.0, 5), vec![0, 1, 2, 3]);
    assert_eq!(
        nice_ticks(120.0, 0.0, 5),
        vec![0, 50, 100, 150],
        "bounds in either order"
    );
    // Degenerate and sub-unit ranges still give an axis.
    assert_eq!(nice_ticks(0.0, 0.0, 5), vec![0, 1]);
    assert_eq!(nice_ticks(0.0, 0.3, 5), vec![0, 1]);
    assert_eq!(nice_ticks(3.0, 3.0, 5), vec![3, 4]);
    assert_eq!(nice_ticks(f64::NAN, f64::INFINITY, 5), vec![0, 1]);
    assert_eq!(
        nice_ticks(0.0, 10.0, 0),
        vec![0, 5, 10],
        "at least two intervals"
    );
    // Huge values clamp at ±10¹⁸ and stay inside i64.
    const E18: i64 = 1_000_000_000_000_000_000;
    assert_eq!(
        nice_ticks(-1e300, 1e300, 5),
        vec![-E18, -E18 / 2, 0, E18 / 2, E18]
    );
    assert_eq!(nice_ticks(-1e300, 1e300, 2), vec![-E18, 0, E18]);
    assert_eq!(
        nice_ticks(0.0, f64::MAX, 2),
        vec![0, 500_000_000_000_000_000, 1_000_000_000_000_000_000]
    );
}

#[test]
fn nice_ticks_cover_the_range_evenly() {
    let cases = [
        (0.0, 1.0),
        (1.0, 999.0),
        (-7.0, -3.0),
        (-123_456.0, 7.5),
        (0.0, 9.9e17),
        (42.0, 43.0),
    ];
    for (lo, hi) in cases {
        for max in 2..9 {
            let t = nice_ticks(lo, hi, max);
            assert!(
                t.len() >= 2 && t.len() - 1 <= max,
                "{lo}..{hi} max {max}: {t:?}"
            );
            assert!(
                t[0] as f64 <= lo && *t.last().unwrap() as f64 >= hi,
                "{lo}..{hi}: {t:?}"
            );
            let step = t[1] - t[0];
            assert!(t.windows(2).all(|w| w[1] - w[0] == step));
            let mantissa = step / 10_i64.pow(step.ilog10());
            assert!([1, 2, 5].contains(&mantissa), "step {step}");
        }
    }
}

#[test]
fn empty_data_says_so_in_each_language() {
    let none = LineChart {
        title: "Population",
        desc: "",
        x_title: "",
        y_title: "",
        series: &[],
        x_labels: &[],
    };
    let svg = line_chart(&EN, &none);
    assert!(
        svg.contains("No data to show")
            && svg.contains("role=\"img\"")
            && svg.contains(">Population</title>")
    );
    let gaps = [Series {
        name: "x".into(),
        hue: Hue::Blue,
        points: vec![(1.0, f64::NAN), (f64::NAN, 3.0)],
    }];
    assert!(line_chart(
        &EN,
        &LineChart {
            series: &gaps,
            ..none
        }
    )
    .contains("No data to show"));
    let svg = pyramid(&FA, "جمعیت", "خلاصه", &[]);
    assert!(svg.contains(&FA.t("chart-no-data")) && svg.contains(">خلاصه "));
    let empty = BarChart {
        title: "t",
        desc: "",
        value_title: "",
        category_title: "",
        orientation: Orientation::Columns,
        categories: &[],
        groups: &[],
    };
    assert!(bar_chart(&AR, &empty).contains(&AR.t("chart-no-data")));
}

#[test]
fn persian_and_arabic_get_native_digits_and_mirrored_text() {
    let fa = line(&FA);
    assert!(fa.contains(r#"direction="rtl""#) && fa.contains(r#"lang="fa""#));
    assert!(fa.contains(">۵٬۰۰۰</text>") && !fa.contains(">5,000<"));
    let ar = pyramid_of(&AR);
    assert!(ar.contains(&AR.num(1204)) && ar.contains("إناث") && ar.contains("ذكور"));
    assert!(line(&EN).contains(">5,000</text>") && line(&EN).contains(r#"direction="ltr""#));
}

#[test]
fn negative_huge_and_ragged_values_render() {
    let series = [
        Series {
            name: "net".into(),
            hue: Hue::Purple,
            points: vec![(0.0, -40.0), (1.0, 25.0), (2.0, f64::NAN), (3.0, 5.0)],
        },
        Series {
            name: "big".into(),
            hue: Hue::Grey,
            points: vec![(0.0, 1e30), (3.0, -1e30)],
        },
    ];
    let svg = line_chart(
        &EN,
        &LineChart {
            title: "t",
            desc: "d",
            x_title: "",
            y_title: "",
            series: &series,
            x_labels: &[],
        },
    );
    assert!(svg.contains("-1,000,000,000,000,000,000") && !svg.contains("NaN"));
    // The NaN leaves a gap: two subpaths, and the isolated point keeps a marker.
    assert!(svg.contains(" M"));

    let svg = pyramid(
        &EN,
        "t",
        "",
        &[("0–4".into(), -5, i64::MAX), ("5–11".into(), 3, 0)],
    );
    assert!(svg.contains(">9,223,372,036,854,775,807<") && !svg.contains("-5"));

    let groups = [
        BarGroup {
            name: "a".into(),
            hue: Hue::Orange,
            values: vec![-30, 120],
        },
        BarGroup {
            name: "b".into(),
            hue: Hue::Green,
            values: vec![10],
        },
    ];
    let categories = ["one".to_owned(), "two".to_owned()];
    for orientation in [Orientation::Columns, Orientation::Rows] {
        let chart = BarChart {
            title: "t",
            desc: "",
            value_title: "",
            category_title: "",
            orientation,
            categories: &categories,
            groups: &groups,
        };
        for tr in [EN, AR] {
            let svg = bar_chart(&tr, &chart);
            assert_eq!(
                svg.matches("<rect").count(),
                3 + 2,
                "three bars and two legend swatches"
            );
            assert!(svg.contains(&tr.num(-50)));
        }
    }
}

#[test]
fn ids_differ_between_charts() {
    let a = pyramid(&EN, "Camp A", "", &bands(&EN));
    let b = pyramid(&EN, "Camp B", "", &bands(&EN));
    let id = |s: &str| {
        s.split("<title id=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned()
    };
    assert_ne!(id(&a), id(&b));
    assert!(a.contains(&format!("aria-labelledby=\"{} ", id(&a))));
}
