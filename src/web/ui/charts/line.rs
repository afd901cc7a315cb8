//! Line charts over a numeric x axis (days, unix seconds, months …): the
//! population of a camp over time, cases opened per week.
//!
//! x positions are plain numbers and the caller says where the tick labels go
//! and what they read (`tr.date(secs)`), because only the caller knows whether
//! the data is daily, weekly or monthly. y is scaled to "nice" whole-number
//! ticks that always include zero: a population axis that starts at 9,000
//! makes a 2 % change look like a collapse.

use super::svg::{self, Anchor, Svg, Swatch, PAD, TICK, WIDTH};
use super::{nice_ticks, Hue, LIMIT};
use crate::i18n::Tr;

/// Height of the plotting area; the picture grows with the legend instead
/// of squeezing the plot when there are many series.
const PLOT_HEIGHT: f64 = 230.0;
/// Past this many points a series is drawn as a bare line: markers would
/// merge into a smear. The legend still shows the marker.
const MARKERS_UP_TO: usize = 40;

/// One line: its legend name, its hue (colour, dash and marker) and its
/// points as (x, y). Points are drawn in x order; a non-finite y (NaN) leaves
/// a gap, for a period with no count.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub hue: Hue,
    pub points: Vec<(f64, f64)>,
}

/// Everything a line chart shows. `title` and `desc` become the SVG's
/// `<title>` and `<desc>` (the accessible name and summary; say what the
/// chart shows and its main finding). Axis titles may be empty.
#[derive(Clone, Copy, Debug)]
pub struct LineChart<'a> {
    pub title: &'a str,
    pub desc: &'a str,
    pub x_title: &'a str,
    pub y_title: &'a str,
    pub series: &'a [Series],
    /// Where x ticks go and what they read. Labels that would overlap their
    /// left neighbour are dropped, so passing one per day is safe.
    pub x_labels: &'a [(f64, String)],
}

/// Renders `chart` as inline SVG (see the module docs for the contract).
/// In Persian and Arabic the x axis still runs left to right, as time does
/// in charts there; text anchors and the legend mirror.
pub fn line_chart(tr: &Tr, chart: &LineChart<'_>) -> String {
    let finite = |p: &&(f64, f64)| p.0.is_finite() && p.1.is_finite();
    let points = || {
        chart
            .series
            .iter()
            .flat_map(|s| s.points.iter().filter(finite))
    };
    if points().next().is_none() {
        return svg::no_data(tr, "line", chart.title, chart.desc);
    }
    let mut svg = Svg::new(tr, "line", chart.title, chart.desc);

    let items: Vec<(&str, Hue)> = chart
        .series
        .iter()
        .map(|s| (s.name.as_str(), s.hue))
        .collect();
    let legend_h = svg.legend(&items, Swatch::Line, PAD);
    svg.newline();

    let clamp = |v: f64| v.clamp(-LIMIT, LIMIT);
    let (y_lo, y_hi) = points().fold((0.0_f64, 0.0_f64), |(lo, hi), p| {
        (lo.min(clamp(p.1)), hi.max(clamp(p.1)))
    });
    let ticks = nice_ticks(y_lo, y_hi, 5);
    let tick_labels: Vec<(i64, String)> = ticks.iter().map(|t| (*t, tr.num(*t))).collect();
    let (t_first, t_last) = match (ticks.first(), ticks.last()) {
        (Some(a), Some(b)) if b > a => (*a as f64, *b as f64),
        _ => (0.0, 1.0),
    };

    let x_labels: Vec<&(f64, String)> = {
        let mut v: Vec<_> = chart.x_labels.iter().filter(|l| l.0.is_finite()).collect();
        v.sort_by(|a, b| a.0.total_cmp(&b.0));
        v
    };
    let xs = points().map(|p| p.0).chain(x_labels.iter().map(|l| l.0));
    let (mut x_lo, mut x_hi) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
        (lo.min(x), hi.max(x))
    });
    if x_hi <= x_lo {
        x_lo -= 1.0;
        x_hi += 1.0;
    }

    // Room for the widest y label on the left and for the outermost x labels
    // to centre on their ticks without leaving the picture.
    let label_w = |x: Option<&&(f64, String)>, at: f64| match x {
        Some(l) if l.0 == at => svg::text_width(&l.1, TICK) / 2.0,
        _ => 0.0,
    };
    let y_label_w = tick_labels
        .iter()
        .map(|(_, s)| svg::text_width(s, TICK))
        .fold(0.0, f64::max)
        .min(WIDTH * 0.3);
    let left = (PAD + y_label_w + 8.0).max(PAD + label_w(x_labels.first(), x_lo));
    let right = WIDTH - (PAD + 8.0).max(PAD + label_w(x_labels.last(), x_hi));
    let y_title_h = if chart.y_title.is_empty() { 0.0 } else { 22.0 };
    let top = PAD + legend_h + y_title_h + 10.0;
    let x_title_h = if chart.x_title.is_empty() { 0.0 } else { 24.0 };
    let bottom = top + PLOT_HEIGHT;
    let height = bottom + 26.0 + x_title_h + PAD;

    let sx = |x: f64| left + (x - x_lo) / (x_hi - x_lo) * (right - left);
    let sy = |y: f64| bottom - (clamp(y) - t_first) / (t_last - t_first) * (bottom - top);

    if !chart.y_title.is_empty() {
        let y = PAD + legend_h + y_title_h / 2.0;
        svg.text(PAD, y, Anchor::Left, "chart-axis-title", chart.y_title);
    }
    for (t, label) in &tick_labels {
        let y = sy(*t as f64);
        let class = if *t == 0 { "chart-axis" } else { "chart-grid" };
        svg.line(left, y, right, y, class);
        svg.text(left - 8.0, y, Anchor::Right, "chart-tick", label);
    }
    svg.line(left, top, left, bottom, "chart-axis");
    if t_first != 0.0 {
        svg.line(left, bottom, right, bottom, "chart-axis");
    }
    svg.newline();

    let ticks: Vec<(f64, &str)> = x_labels.iter().map(|l| (sx(l.0), l.1.as_str())).collect();
    for (tick, centre, label) in svg::spaced(&ticks, false) {
        svg.line(tick, bottom, tick, bottom + 5.0, "chart-axis");
        svg.text(centre, bottom + 16.0, Anchor::Middle, "chart-tick", label);
    }
    if !chart.x_title.is_empty() {
        let y = height - PAD - x_title_h / 2.0;
        svg.text(
            (left + right) / 2.0,
            y,
            Anchor::Middle,
            "chart-axis-title",
            chart.x_title,
        );
    }
    svg.newline();

    for series in chart.series {
        let mut pts: Vec<(f64, f64)> = series
            .points
            .iter()
            .filter(|p| p.0.is_finite())
            .copied()
            .collect();
        pts.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut d = String::new();
        let mut pen_down = false;
        for (x, y) in &pts {
            if !y.is_finite() {
                pen_down = false;
                continue;
            }
            d.push_str(if pen_down { " L" } else { " M" });
            d.push_str(&format!("{} {}", svg::num(sx(*x)), svg::num(sy(*y))));
            pen_down = true;
        }
        let class = format!("chart-line {}", series.hue.class());
        svg.path(d.trim_start(), &class);
        // A point between two gaps has no line to show it: it keeps its marker.
        let drawn = pts.iter().filter(|p| p.1.is_finite()).count();
        let gap = |j: Option<usize>| j.and_then(|j| pts.get(j)).is_none_or(|p| !p.1.is_finite());
        for (i, (x, y)) in pts.iter().enumerate() {
            let isolated = gap(i.checked_sub(1)) && gap(i.checked_add(1));
            if y.is_finite() && (drawn <= MARKERS_UP_TO || isolated) {
                svg.marker(series.hue, sx(*x), sy(*y));
            }
        }
        svg.newline();
    }
    svg.finish(height)
}
