//! Population figures by site, sex and UNHCR age band at a date, as an HXL-tagged CSV
//! fit for HDX, with small cells suppressed.
//!
//! One row per site. The columns follow UNHCR's demographic tables (`f_0_4` … `f_60`,
//! `f_other` for age unknown, `f_total`, the same for `m_`, then `total`) and carry
//! HXL hashtags in HDX's style: `#population` with `+f`/`+m`, a broad core age
//! attribute (`+children`, `+adults`, `+elderly`) and the exact band as a custom
//! attribute (`+age_5_11`).
//!
//! **Small cells.** A count from 1 to 4 can point at a person in a small camp (the only
//! two women over sixty), so it is left empty. A hidden cell must not be recoverable
//! by subtraction either: wherever a row's cells add up to a total (the female bands to
//! `f_total`; `f_total`, `m_total` and the other-or-unknown-sex count to `total`) and
//! only one of them is hidden, the smallest non-zero other part is hidden too (or the
//! total, if every other part is zero), until no sum has exactly one hidden member.
//! Hidden cells are empty rather than marked `<5`, because `#population` columns must
//! hold numbers (`hxlvalidate` checks this); the row's `#meta+suppressed` column says
//! how many cells were hidden.

use super::{csv_plain_row, csv_row, Cell};

/// Counts of 1 to this are hidden.
pub const SMALL_CELL: i64 = 4;

/// One site's figures, as `actions::registry::sites::population` counts them.
#[derive(Debug, Clone, Default)]
pub struct SiteFigures {
    pub code: String,
    pub name_en: String,
    pub name_fa: String,
    pub name_ar: String,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    /// Per UNHCR band, 0–4 … 60+: women and girls, men and boys.
    pub female: [i64; 5],
    pub male: [i64; 5],
    pub female_total: i64,
    pub male_total: i64,
    pub total: i64,
}

/// Column names and hashtags, in file order, before the counts.
const LEAD: [(&str, &str); 6] = [
    ("site_code", "#loc+code"),
    ("site_name", "#loc+name"),
    ("site_name_fa", "#loc+name+i_fa"),
    ("site_name_ar", "#loc+name+i_ar"),
    ("country", "#country+code"),
    ("date", "#date"),
];

/// The UNHCR band names as column suffixes, and the core HXL age attribute of each.
const BANDS: [(&str, &str); 5] = [
    ("0_4", "+children+age_0_4"),
    ("5_11", "+children+age_5_11"),
    ("12_17", "+children+age_12_17"),
    ("18_59", "+adults+age_18_59"),
    ("60", "+elderly+age_60_plus"),
];

/// Positions of the count cells in a row (after `LEAD`).
const F: usize = 0; // f bands 0..5, f_other 5, f_total 6
const M: usize = 7; // m bands 7..12, m_other 12, m_total 13
const X: usize = 14; // other or unknown sex
const T: usize = 15; // total
const CELLS: usize = 16;

/// The count columns: (name, hashtag).
pub fn count_columns() -> Vec<(String, String)> {
    let mut out = Vec::with_capacity(CELLS);
    for (sex, attr) in [("f", "+f"), ("m", "+m")] {
        for (band, tags) in BANDS {
            out.push((format!("{sex}_{band}"), format!("#population{attr}{tags}")));
        }
        out.push((
            format!("{sex}_other"),
            format!("#population{attr}+age_unknown"),
        ));
        out.push((format!("{sex}_total"), format!("#population{attr}+total")));
    }
    out.push((
        "sex_other_or_unknown".into(),
        "#population+sex_other_unknown+total".into(),
    ));
    out.push(("total".into(), "#population+total".into()));
    out
}

/// The sums that hold within a row: (parts, total), by cell position.
fn relations() -> [(Vec<usize>, usize); 3] {
    [
        ((F..F + 6).collect(), F + 6),
        ((M..M + 6).collect(), M + 6),
        (vec![F + 6, M + 6, X], T),
    ]
}

/// The row's counts by position, derived so that every relation holds exactly.
fn counts(s: &SiteFigures) -> [i64; CELLS] {
    let mut c = [0; CELLS];
    for (base, bands, total) in [(F, &s.female, s.female_total), (M, &s.male, s.male_total)] {
        for (i, n) in bands.iter().enumerate() {
            if let Some(cell) = c.get_mut(base + i) {
                *cell = *n;
            }
        }
        if let Some(cell) = c.get_mut(base + 5) {
            *cell = total - bands.iter().sum::<i64>();
        }
        if let Some(cell) = c.get_mut(base + 6) {
            *cell = total;
        }
    }
    if let Some(cell) = c.get_mut(X) {
        *cell = s.total - s.female_total - s.male_total;
    }
    if let Some(cell) = c.get_mut(T) {
        *cell = s.total;
    }
    c
}

/// Which cells to hide: primary (1 to `SMALL_CELL`) and complementary suppression, as
/// the module header explains.
pub fn suppress(c: &[i64; CELLS]) -> [bool; CELLS] {
    let mut hidden = [false; CELLS];
    for (h, n) in hidden.iter_mut().zip(c) {
        *h = (1..=SMALL_CELL).contains(n);
    }
    let value = |i: usize| c.get(i).copied().unwrap_or(0);
    loop {
        let mut changed = false;
        for (parts, total) in relations() {
            let is_hidden = |h: &[bool; CELLS], i: usize| h.get(i).copied().unwrap_or(false);
            let members = parts.iter().copied().chain([total]);
            if members.filter(|i| is_hidden(&hidden, *i)).count() != 1 {
                continue;
            }
            let extra = parts
                .iter()
                .copied()
                .filter(|i| !is_hidden(&hidden, *i) && value(*i) > 0)
                .min_by_key(|i| (value(*i), *i))
                .unwrap_or(total);
            if let Some(h) = hidden.get_mut(extra) {
                *h = true;
                changed = true;
            }
        }
        if !changed {
            return hidden;
        }
    }
}

/// The HXL CSV: BOM, header, hashtag row, one row per site at `day` (`YYYY-MM-DD`).
pub fn csv(day: &str, sites: &[SiteFigures]) -> String {
    let counts_cols = count_columns();
    let mut out = String::from("\u{FEFF}");
    let names = LEAD
        .iter()
        .map(|(n, _)| *n)
        .chain(counts_cols.iter().map(|(n, _)| n.as_str()))
        .chain(["suppressed_cells"]);
    csv_plain_row(&mut out, names);
    let tags = LEAD
        .iter()
        .map(|(_, t)| *t)
        .chain(counts_cols.iter().map(|(_, t)| t.as_str()))
        .chain(["#meta+suppressed"]);
    csv_plain_row(&mut out, tags);
    for s in sites {
        let c = counts(s);
        let hidden = suppress(&c);
        let text = |v: &str| {
            if v.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(v.to_string().into())
            }
        };
        let lead = [
            text(&s.code),
            text(&s.name_en),
            text(&s.name_fa),
            text(&s.name_ar),
            text(&s.country),
            text(day),
        ];
        let figures = c
            .iter()
            .zip(hidden)
            .map(|(n, h)| if h { Cell::Empty } else { Cell::Int(*n) });
        let n_hidden = hidden.iter().filter(|h| **h).count();
        csv_row(
            &mut out,
            lead.into_iter()
                .chain(figures)
                .chain([Cell::Int(i64::try_from(n_hidden).unwrap_or(0))]),
        );
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn site(
        female: [i64; 5],
        male: [i64; 5],
        f_unknown: i64,
        m_unknown: i64,
        x: i64,
    ) -> SiteFigures {
        let ft = female.iter().sum::<i64>() + f_unknown;
        let mt = male.iter().sum::<i64>() + m_unknown;
        SiteFigures {
            code: "CAMP".into(),
            name_en: "Camp".into(),
            country: "IRQ".into(),
            female,
            male,
            female_total: ft,
            male_total: mt,
            total: ft + mt + x,
            ..SiteFigures::default()
        }
    }

    /// No hidden cell can be worked out from the others: in every sum, zero or at
    /// least two members are hidden.
    fn safe(c: &[i64; CELLS], hidden: &[bool; CELLS]) -> bool {
        relations().iter().all(|(parts, total)| {
            let n = parts.iter().chain([total]).filter(|i| hidden[**i]).count();
            n != 1
        }) && c
            .iter()
            .zip(hidden)
            .all(|(n, h)| *h || !(1..=SMALL_CELL).contains(n))
    }

    #[test]
    fn large_counts_are_all_shown() {
        let s = site([50, 60, 70, 400, 30], [55, 66, 77, 380, 25], 0, 0, 0);
        let c = counts(&s);
        assert_eq!(suppress(&c), [false; CELLS]);
        assert_eq!(c[F + 6], 610);
        assert_eq!(c[T], 610 + 603);
    }

    #[test]
    fn a_small_cell_is_hidden_with_a_partner_so_it_cannot_be_subtracted_back() {
        let s = site([50, 60, 70, 400, 3], [55, 66, 77, 380, 25], 0, 0, 0);
        let c = counts(&s);
        let h = suppress(&c);
        assert!(h[F + 4], "the 3 older women");
        assert!(h[F], "and the smallest other female band (50)");
        assert_eq!(h.iter().filter(|h| **h).count(), 2);
        assert!(safe(&c, &h));
    }

    #[test]
    fn other_sex_counts_hide_a_sex_total_and_then_one_of_its_bands() {
        // Two people of other or unknown sex: total − f_total − m_total would show it.
        let s = site([50, 60, 70, 400, 30], [55, 66, 77, 380, 25], 0, 0, 2);
        let c = counts(&s);
        let h = suppress(&c);
        assert!(h[X]);
        assert!(h[M + 6], "m_total (603) is smaller than f_total (610)");
        assert!(h[M + 4], "then the smallest male band (25)");
        assert!(safe(&c, &h));
    }

    #[test]
    fn zeros_are_shown_and_a_lone_small_part_takes_its_total_with_it() {
        // Only 3 women, all 18–59; every other female cell is 0.
        let s = site([0, 0, 0, 3, 0], [55, 66, 77, 380, 25], 0, 0, 0);
        let c = counts(&s);
        let h = suppress(&c);
        assert!(h[F + 3] && h[F + 6], "the 3 and f_total (also 3)");
        assert!(
            h[M + 6] && h[M + 4],
            "then m_total and a male band, for the grand total"
        );
        assert!(!h[F] && !h[F + 5]);
        assert!(safe(&c, &h));
    }

    #[test]
    fn every_row_is_safe_whatever_the_counts() {
        let mut seed: u64 = 7;
        let mut next = |max: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            i64::try_from((seed >> 33) % max).unwrap()
        };
        for _ in 0..2_000 {
            let mut f = [0; 5];
            let mut m = [0; 5];
            for i in 0..5 {
                f[i] = next(9);
                m[i] = next(12);
            }
            let s = site(f, m, next(5), next(5), next(6));
            let c = counts(&s);
            assert!(safe(&c, &suppress(&c)), "{c:?}");
        }
    }

    #[test]
    fn the_file_has_a_hashtag_for_every_column_and_empty_hidden_cells() {
        let s = site([50, 60, 70, 400, 3], [55, 66, 77, 380, 25], 0, 0, 0);
        let text = csv("2012-02-17", &[s]);
        let lines: Vec<&str> = text.trim_start_matches('\u{FEFF}').lines().collect();
        assert_eq!(lines.len(), 3);
        let head: Vec<&str> = lines[0].split(',').collect();
        let tags: Vec<&str> = lines[1].split(',').collect();
        let row: Vec<&str> = lines[2].split(',').collect();
        assert_eq!(head.len(), tags.len());
        assert_eq!(head.len(), row.len());
        assert!(tags.iter().all(|t| t.starts_with('#')));
        let col = |name: &str| head.iter().position(|h| *h == name).unwrap();
        assert_eq!(tags[col("f_60")], "#population+f+elderly+age_60_plus");
        assert_eq!(tags[col("m_5_11")], "#population+m+children+age_5_11");
        assert_eq!(row[col("f_60")], "");
        assert_eq!(row[col("f_0_4")], "");
        assert_eq!(row[col("m_60")], "25");
        assert_eq!(row[col("total")], "1186");
        assert_eq!(row[col("date")], "2012-02-17");
        assert_eq!(row[col("suppressed_cells")], "2");
    }
}
