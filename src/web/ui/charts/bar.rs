//! Grouped bar charts: counts per category, one bar per group in each
//! (people per UNHCR age band, female and male; cases per stage of a
//! resettlement funnel).
//!
//! Two orientations share one value scale: columns for short category names
//! (age bands), rows for long ones (funnel stages), where names get a column
//! of their own instead of being cut. Categories have no left-to-right
//! convention in Persian and Arabic, so in RTL the chart mirrors whole: the
//! first category and the value axis sit on the right.

use super::svg::{self, Anchor, Svg, Swatch, PAD, TEXT, TICK, WIDTH};
use super::{nice_ticks, Hue};
use crate::i18n::Tr;

/// Which way the bars run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// Vertical bars, categories along the bottom.
    Columns,
    /// Horizontal bars, one row per category, names beside them.
    Rows,
}

/// One group (a bar in every category): legend name, hue, and one value per
/// category in the same order as [`BarChart::categories`]. A missing value
/// (a shorter `values`) draws no bar.
#[derive(Clone, Debug, PartialEq)]
pub struct BarGroup {
    pub name: String,
    pub hue: Hue,
    pub values: Vec<i64>,
}

/// Everything a bar chart shows; `title`/`desc` as for line charts.
#[derive(Clone, Copy, Debug)]
pub struct BarChart<'a> {
    pub title: &'a str,
    pub desc: &'a str,
    /// Title of the value axis ("Number of people"); may be empty.
    pub value_title: &'a str,
    /// Title of the category axis ("Age"); may be empty.
    pub category_title: &'a str,
    pub orientation: Orientation,
    pub categories: &'a [String],
    pub groups: &'a [BarGroup],
}

/// Maps a value to a position along the value axis; `p0`/`p1` may run either
/// way (up the page, or right-to-left in RTL).
struct Scale {
    t0: f64,
    t1: f64,
    p0: f64,
    p1: f64,
}

impl Scale {
    fn at(&self, v: f64) -> f64 {
        let v = v.clamp(self.t0, self.t1);
        self.p0 + (v - self.t0) / (self.t1 - self.t0) * (self.p1 - self.p0)
    }
}

/// Renders `chart` as inline SVG (see the module docs of `charts`).
pub fn bar_chart(tr: &Tr, chart: &BarChart<'_>) -> String {
    let n = chart.categories.len();
    let has_data = chart
        .groups
        .iter()
        .any(|g| g.values.iter().take(n).next().is_some());
    if n == 0 || !has_data {
        return svg::no_data(tr, "bar", chart.title, chart.desc);
    }
    let mut svg = Svg::new(tr, "bar", chart.title, chart.desc);
    let items: Vec<(&str, Hue)> = chart
        .groups
        .iter()
        .map(|g| (g.name.as_str(), g.hue))
        .collect();
    let legend_h = svg.legend(&items, Swatch::Box, PAD);
    svg.newline();

    let values = || {
        chart
            .groups
            .iter()
            .flat_map(|g| g.values.iter().take(n).copied())
    };
    let lo = values().min().unwrap_or(0).min(0) as f64;
    let hi = values().max().unwrap_or(0).max(0) as f64;
    let ticks: Vec<(i64, String)> = nice_ticks(lo, hi, 5)
        .into_iter()
        .map(|t| (t, tr.num(t)))
        .collect();
    let (t0, t1) = match (ticks.first(), ticks.last()) {
        (Some(a), Some(b)) if b.0 > a.0 => (a.0 as f64, b.0 as f64),
        _ => (0.0, 1.0),
    };
    let g = chart.groups.len().max(1) as f64;
    let rtl = svg.rtl();
    let height = match chart.orientation {
        Orientation::Columns => columns(&mut svg, tr, chart, &ticks, (t0, t1), legend_h, g),
        Orientation::Rows => rows(&mut svg, tr, chart, &ticks, (t0, t1), legend_h, g, rtl),
    };
    svg.finish(height)
}

/// Physical x of a distance `d` from the reading-start edge of `[a, b]`.
fn from_start(rtl: bool, a: f64, b: f64, d: f64) -> f64 {
    if rtl {
        b - d
    } else {
        a + d
    }
}

fn columns(
    svg: &mut Svg,
    tr: &Tr,
    chart: &BarChart<'_>,
    ticks: &[(i64, String)],
    (t0, t1): (f64, f64),
    legend_h: f64,
    g: f64,
) -> f64 {
    const PLOT_HEIGHT: f64 = 220.0;
    let rtl = svg.rtl();
    let label_w = ticks
        .iter()
        .map(|t| svg::text_width(&t.1, TICK))
        .fold(0.0, f64::max)
        .min(WIDTH * 0.3);
    // The value axis stands on the reading-start side.
    let (left, right) = if rtl {
        (PAD, WIDTH - PAD - label_w - 8.0)
    } else {
        (PAD + label_w + 8.0, WIDTH - PAD)
    };
    let y_title_h = if chart.value_title.is_empty() {
        0.0
    } else {
        22.0
    };
    let top = PAD + legend_h + y_title_h + 12.0;
    let x_title_h = if chart.category_title.is_empty() {
        0.0
    } else {
        24.0
    };
    let bottom = top + PLOT_HEIGHT;
    let height = bottom + 26.0 + x_title_h + PAD;
    let scale = Scale {
        t0,
        t1,
        p0: bottom,
        p1: top,
    };
    let (axis_x, outward, outer_anchor) = if rtl {
        (right, 8.0, Anchor::Left)
    } else {
        (left, -8.0, Anchor::Right)
    };

    if !chart.value_title.is_empty() {
        let x = if rtl { WIDTH - PAD } else { PAD };
        let anchor = if rtl { Anchor::Right } else { Anchor::Left };
        let y = PAD + legend_h + y_title_h / 2.0;
        svg.text(x, y, anchor, "chart-axis-title", chart.value_title);
    }
    for (t, label) in ticks {
        let y = scale.at(*t as f64);
        svg.line(
            left,
            y,
            right,
            y,
            if *t == 0 { "chart-axis" } else { "chart-grid" },
        );
        svg.text(axis_x + outward, y, outer_anchor, "chart-tick", label);
    }
    svg.line(axis_x, top, axis_x, bottom, "chart-axis");
    svg.newline();

    let slot = (right - left) / chart.categories.len().max(1) as f64;
    let bar = (slot * 0.8 / g).min(56.0);
    let inset = (slot - bar * g) / 2.0;
    let zero = scale.at(0.0);
    for (i, name) in chart.categories.iter().enumerate() {
        let slot_start = i as f64 * slot;
        for (j, group) in chart.groups.iter().enumerate() {
            let Some(v) = group.values.get(i) else {
                continue;
            };
            let a = from_start(rtl, left, right, slot_start + inset + j as f64 * bar + 1.0);
            let b = from_start(
                rtl,
                left,
                right,
                slot_start + inset + (j + 1) as f64 * bar - 1.0,
            );
            let end = scale.at(*v as f64);
            svg.rect(a, zero, b, end, &format!("chart-bar {}", group.hue.class()));
            let label = tr.num(*v);
            if svg::text_width(&label, TICK) <= bar + 4.0 {
                let y = if *v < 0 { end + 10.0 } else { end - 9.0 };
                svg.text((a + b) / 2.0, y, Anchor::Middle, "chart-value", &label);
            }
        }
        let centre = from_start(rtl, left, right, slot_start + slot / 2.0);
        let name = svg::fit(name, slot - 4.0, TEXT);
        svg.text(
            centre,
            bottom + 16.0,
            Anchor::Middle,
            "chart-category",
            &name,
        );
        svg.newline();
    }
    if !chart.category_title.is_empty() {
        let y = height - PAD - x_title_h / 2.0;
        svg.text(
            (left + right) / 2.0,
            y,
            Anchor::Middle,
            "chart-axis-title",
            chart.category_title,
        );
    }
    height
}

#[allow(clippy::too_many_arguments)] // one private call site; a struct would only rename them
fn rows(
    svg: &mut Svg,
    tr: &Tr,
    chart: &BarChart<'_>,
    ticks: &[(i64, String)],
    (t0, t1): (f64, f64),
    legend_h: f64,
    g: f64,
    rtl: bool,
) -> f64 {
    const BAR: f64 = 16.0;
    const GAP: f64 = 12.0;
    let names_w = chart
        .categories
        .iter()
        .map(|c| svg::text_width(c, TEXT))
        .fold(0.0, f64::max)
        .min(WIDTH * 0.4);
    let widest_value = chart
        .groups
        .iter()
        .flat_map(|g| g.values.iter().take(chart.categories.len()))
        .map(|v| svg::text_width(&tr.num(*v), TICK))
        .fold(0.0, f64::max);
    let negatives = chart
        .groups
        .iter()
        .flat_map(|g| g.values.iter())
        .any(|v| *v < 0);
    // Plot span measured from the reading-start edge: names, then bars, with
    // room past the bar ends for their value labels.
    let start = PAD + names_w + 10.0 + if negatives { widest_value + 6.0 } else { 0.0 };
    let end = WIDTH - PAD - widest_value - 6.0;
    let (p0, p1) = (
        from_start(rtl, 0.0, WIDTH, start),
        from_start(rtl, 0.0, WIDTH, end),
    );
    let scale = Scale { t0, t1, p0, p1 };
    let cat_title_h = if chart.category_title.is_empty() {
        0.0
    } else {
        22.0
    };
    let top = PAD + legend_h + cat_title_h + 6.0;
    let block = g * BAR + GAP;
    let bottom = top + block * chart.categories.len() as f64;
    let value_title_h = if chart.value_title.is_empty() {
        0.0
    } else {
        24.0
    };
    let height = bottom + 26.0 + value_title_h + PAD;
    let toward_plot = if rtl { Anchor::Left } else { Anchor::Right };
    let away_from_plot = if rtl { Anchor::Right } else { Anchor::Left };

    if !chart.category_title.is_empty() {
        let y = PAD + legend_h + cat_title_h / 2.0;
        svg.text(
            from_start(rtl, 0.0, WIDTH, PAD),
            y,
            away_from_plot,
            "chart-axis-title",
            chart.category_title,
        );
    }
    let tick_labels: Vec<(f64, &str)> = ticks
        .iter()
        .map(|(t, l)| (scale.at(*t as f64), l.as_str()))
        .collect();
    for (t, _) in ticks {
        let x = scale.at(*t as f64);
        svg.line(
            x,
            top,
            x,
            bottom,
            if *t == 0 { "chart-axis" } else { "chart-grid" },
        );
    }
    for (tick, centre, label) in svg::spaced(&tick_labels, rtl) {
        svg.line(tick, bottom, tick, bottom + 5.0, "chart-axis");
        svg.text(centre, bottom + 16.0, Anchor::Middle, "chart-tick", label);
    }
    svg.line(scale.p0, bottom, scale.p1, bottom, "chart-axis");
    svg.newline();

    let zero = scale.at(0.0);
    for (i, name) in chart.categories.iter().enumerate() {
        let block_top = top + i as f64 * block + GAP / 2.0;
        let name = svg::fit(name, names_w, TEXT);
        let name_x = from_start(rtl, 0.0, WIDTH, PAD + names_w);
        svg.text(
            name_x,
            block_top + g * BAR / 2.0,
            toward_plot,
            "chart-category",
            &name,
        );
        for (j, group) in chart.groups.iter().enumerate() {
            let Some(v) = group.values.get(i) else {
                continue;
            };
            let y = block_top + j as f64 * BAR;
            let end = scale.at(*v as f64);
            svg.rect(
                zero,
                y + 1.0,
                end,
                y + BAR - 1.0,
                &format!("chart-bar {}", group.hue.class()),
            );
            // Past the bar's far end: further along the axis for positive
            // values, back towards the names for negative ones.
            let forward = (*v >= 0) != rtl;
            let (x, anchor) = if forward {
                (end + 4.0, Anchor::Left)
            } else {
                (end - 4.0, Anchor::Right)
            };
            svg.text(x, y + BAR / 2.0, anchor, "chart-value", &tr.num(*v));
        }
        svg.newline();
    }
    if !chart.value_title.is_empty() {
        let y = height - PAD - value_title_h / 2.0;
        svg.text(
            (p0 + p1) / 2.0,
            y,
            Anchor::Middle,
            "chart-axis-title",
            chart.value_title,
        );
    }
    height
}
