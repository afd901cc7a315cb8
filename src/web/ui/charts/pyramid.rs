//! The age–sex pyramid, the humanitarian sector's standard picture of who is
//! in a camp: one row per age band, youngest at the bottom, males on one side
//! of a central column of band names and females on the other, both halves on
//! one scale so the shapes can be compared.
//!
//! Males go on the left in left-to-right pages, as in UN DESA, UNHCR and
//! census publications. In Persian and Arabic the pyramid mirrors (males on
//! the right), so the reading order — first half, then second — is the same
//! in every language; change [`males_on_left`] to pin one side for all.

use super::svg::{self, Anchor, Svg, PAD, TEXT, TICK, WIDTH};
use super::{nice_ticks, Hue};
use crate::i18n::Tr;

const FEMALE: Hue = Hue::Vermillion;
const MALE: Hue = Hue::Blue;
const ROW: f64 = 26.0;
const BAR: f64 = 18.0;

fn males_on_left(rtl: bool) -> bool {
    !rtl
}

/// Renders an age–sex pyramid. `bands` are `(label, females, males)`,
/// youngest first (e.g. UNHCR's `0–4`, `5–11`, `12–17`, `18–59`, `60+`, with
/// digits already in the page's language). Negative counts are drawn as zero;
/// an empty `bands` renders the "no data" panel. Legend, axis title and the
/// sex labels are translated here (`chart-female`, `chart-male`,
/// `chart-people`).
pub fn pyramid(tr: &Tr, title: &str, desc: &str, bands: &[(String, i64, i64)]) -> String {
    if bands.is_empty() {
        return svg::no_data(tr, "pyramid", title, desc);
    }
    let mut svg = Svg::new(tr, "pyramid", title, desc);
    let bands: Vec<(&str, i64, i64)> = bands
        .iter()
        .map(|(l, f, m)| (l.as_str(), (*f).max(0), (*m).max(0)))
        .collect();
    let max = bands.iter().map(|b| b.1.max(b.2)).max().unwrap_or(0);
    let ticks = nice_ticks(0.0, max as f64, 4);
    let t_max = ticks.last().copied().filter(|t| *t > 0).unwrap_or(1) as f64;

    let centre_w = bands
        .iter()
        .map(|b| svg::text_width(b.0, TEXT))
        .fold(0.0, f64::max)
        .clamp(40.0, 160.0)
        + 20.0;
    let value_w = bands
        .iter()
        .map(|b| svg::text_width(&tr.num(b.1.max(b.2)), TICK))
        .fold(0.0, f64::max)
        + 8.0;
    let half = (WIDTH - 2.0 * PAD - centre_w - 2.0 * value_w) / 2.0;
    let inner_left = WIDTH / 2.0 - centre_w / 2.0;
    let inner_right = WIDTH / 2.0 + centre_w / 2.0;
    // Position of a count on the left half (growing leftwards) or the right.
    let on_left = |v: f64| inner_left - v.min(t_max) / t_max * half;
    let on_right = |v: f64| inner_right + v.min(t_max) / t_max * half;

    let header_h = 24.0;
    let top = PAD + header_h + 8.0;
    let bottom = top + ROW * bands.len() as f64;
    let height = bottom + 26.0 + 24.0 + PAD;

    let rtl = svg.rtl();
    let (female, male) = (tr.t("chart-female"), tr.t("chart-male"));
    let (left_name, left_hue, right_name, right_hue) = if males_on_left(rtl) {
        (&male, MALE, &female, FEMALE)
    } else {
        (&female, FEMALE, &male, MALE)
    };
    header(
        &mut svg,
        left_name,
        left_hue,
        on_left(t_max / 2.0),
        PAD + header_h / 2.0,
    );
    header(
        &mut svg,
        right_name,
        right_hue,
        on_right(t_max / 2.0),
        PAD + header_h / 2.0,
    );
    svg.newline();

    let mut tick_labels: Vec<(f64, String)> = Vec::new();
    for t in &ticks {
        let v = *t as f64;
        let class = if *t == 0 { "chart-axis" } else { "chart-grid" };
        for x in [on_left(v), on_right(v)] {
            svg.line(x, top, x, bottom, class);
            tick_labels.push((x, tr.num(*t)));
        }
    }
    // Each half keeps its own labels, read outward from the centre.
    for (side, outward_is_rtl) in [(true, true), (false, false)] {
        let mine: Vec<(f64, &str)> = tick_labels
            .iter()
            .filter(|(x, _)| (*x < WIDTH / 2.0) == side)
            .map(|(x, l)| (*x, l.as_str()))
            .collect();
        for (tick, centre, label) in svg::spaced(&mine, outward_is_rtl) {
            svg.line(tick, bottom, tick, bottom + 5.0, "chart-axis");
            svg.text(centre, bottom + 16.0, Anchor::Middle, "chart-tick", label);
        }
    }
    svg.line(on_left(t_max), bottom, inner_left, bottom, "chart-axis");
    svg.line(inner_right, bottom, on_right(t_max), bottom, "chart-axis");
    svg.text(
        WIDTH / 2.0,
        height - PAD - 12.0,
        Anchor::Middle,
        "chart-axis-title",
        &tr.t("chart-people"),
    );
    svg.newline();

    for (i, (label, females, males)) in bands.iter().enumerate() {
        let y = bottom - (i as f64 + 0.5) * ROW;
        let (l, r) = if males_on_left(rtl) {
            (*males, *females)
        } else {
            (*females, *males)
        };
        let l_end = on_left(l as f64);
        let r_end = on_right(r as f64);
        svg.rect(
            l_end,
            y - BAR / 2.0,
            inner_left,
            y + BAR / 2.0,
            &format!("chart-bar {}", left_hue.class()),
        );
        svg.rect(
            inner_right,
            y - BAR / 2.0,
            r_end,
            y + BAR / 2.0,
            &format!("chart-bar {}", right_hue.class()),
        );
        svg.text(l_end - 4.0, y, Anchor::Right, "chart-value", &tr.num(l));
        svg.text(r_end + 4.0, y, Anchor::Left, "chart-value", &tr.num(r));
        svg.text(WIDTH / 2.0, y, Anchor::Middle, "chart-category", label);
        svg.newline();
    }
    svg.finish(height)
}

/// A half's heading: a filled square in its colour and the sex, centred on
/// `x`, square first in reading order.
fn header(svg: &mut Svg, name: &str, hue: Hue, x: f64, y: f64) {
    let w = 20.0 + svg::text_width(name, TEXT);
    let class = format!("chart-bar {}", hue.class());
    if svg.rtl() {
        let x1 = x + w / 2.0;
        svg.rect(x1 - 14.0, y - 7.0, x1, y + 7.0, &class);
        svg.text(x1 - 20.0, y, Anchor::Right, "chart-legend", name);
    } else {
        let x0 = x - w / 2.0;
        svg.rect(x0, y - 7.0, x0 + 14.0, y + 7.0, &class);
        svg.text(x0 + 20.0, y, Anchor::Left, "chart-legend", name);
    }
}
