//! Server-rendered SVG charts: line charts over time, grouped bars, and the
//! age–sex pyramid.
//!
//! Why hand-written: the output must be byte-for-byte deterministic (golden
//! tests), must obey the CSP (`style-src 'self'`: no `style` attribute, no
//! `<style>` element — every colour and font comes from classes in
//! `static/vigil.css`, section "Charts"), must speak Persian and Arabic (native
//! digits through [`Tr::num`], mirrored text), and must not pull in a crate
//! (see research §2.5).
//!
//! Each function returns a `String` of `<svg>` markup for an askama template
//! (`{{ chart|safe }}`). Every piece of caller text is XML-escaped here.
//!
//! Accessibility: each chart is `role="img"` with `aria-labelledby` pointing at
//! its own `<title>` and `<desc>`, so screen readers announce one image with a
//! name and a summary instead of hundreds of shapes. The *numbers* behind the
//! chart are the caller's job: put a table next to it (class
//! `visually-hidden`, or visible behind a `<details>`). Series are told apart
//! by colour (Okabe–Ito palette, every hue ≥ 3:1 against white) *and* by dash
//! pattern and marker shape, so colour is never the only channel.
//!
//! Direction: in Persian and Arabic, time still runs left to right (as in
//! charts printed in Iran and the Arab world: dates on an axis are a number
//! line, not a sentence), so [`line_chart`] keeps its axes and only mirrors
//! text anchors and the legend. Categories have no such convention, so
//! [`bar_chart`] and [`pyramid`] mirror as a whole in right-to-left pages.
//!
//! Charts have no visible title: wrap them in `<figure>` with a
//! `<figcaption>` carrying the same text as `title`.

mod bar;
mod line;
// incidents
mod map;
mod pyramid;
mod svg;
#[cfg(test)]
mod tests;

pub use bar::{bar_chart, BarChart, BarGroup, Orientation};
pub use line::{line_chart, LineChart, Series};
// incidents
pub use map::{map, Place, PlaceKind};
pub use pyramid::pyramid;
pub use svg::escape;

/// A series colour, with the dash pattern and marker that go with it, so two
/// series never differ by colour alone. Hues are Okabe–Ito; orange is darkened
/// (`#a66f00` instead of `#e69f00`) to keep 3:1 contrast against white.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hue {
    /// `#0072b2`, solid line, filled circle.
    Blue,
    /// `#d55e00`, dashed line, filled square.
    Vermillion,
    /// `#009e73`, dotted line, filled triangle.
    Green,
    /// `#cc79a7`, dash-dot line, filled diamond.
    Purple,
    /// `#a66f00`, long dashes, filled downward triangle.
    Orange,
    /// The text colour, short dashes, hollow circle.
    Grey,
}

impl Hue {
    /// The order to hand out hues when series have no fixed colour.
    pub const ALL: [Hue; 6] = [
        Hue::Blue,
        Hue::Vermillion,
        Hue::Green,
        Hue::Purple,
        Hue::Orange,
        Hue::Grey,
    ];

    /// The `n`-th hue, cycling; for callers that just number their series.
    pub fn nth(n: usize) -> Hue {
        Hue::ALL
            .get(n % Hue::ALL.len())
            .copied()
            .unwrap_or(Hue::Blue)
    }

    /// The CSS class that sets `--chart-c` and `--chart-dash` (vigil.css).
    pub fn class(self) -> &'static str {
        match self {
            Hue::Blue => "chart-hue-blue",
            Hue::Vermillion => "chart-hue-vermillion",
            Hue::Green => "chart-hue-green",
            Hue::Purple => "chart-hue-purple",
            Hue::Orange => "chart-hue-orange",
            Hue::Grey => "chart-hue-grey",
        }
    }
}

/// Values beyond ±10¹⁸ are clamped: far past any count vigil keeps, and it
/// keeps every tick inside `i64` with room to spare.
const LIMIT: f64 = 1e18;

/// Tick values for an axis covering `lo..=hi`: whole numbers spaced 1, 2 or 5
/// × 10ⁿ, the first at or below `lo` and the last at or above `hi`, with at
/// most `max_intervals` gaps between them (at least 2 are allowed).
///
/// Ticks are integers on purpose: vigil charts count people and cases, and
/// [`Tr::num`](crate::i18n::Tr::num) formats integers. A range narrower than
/// 1 still gets two ticks one apart. Non-finite bounds count as 0.
pub fn nice_ticks(lo: f64, hi: f64, max_intervals: usize) -> Vec<i64> {
    let clean = |v: f64| {
        if v.is_finite() {
            v.clamp(-LIMIT, LIMIT)
        } else {
            0.0
        }
    };
    let (a, b) = (clean(lo), clean(hi));
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    let lo = lo.floor() as i128;
    let mut hi = hi.ceil() as i128;
    if hi == lo {
        hi = lo + 1;
    }
    let max = max_intervals.max(2) as i128;
    let mut magnitude: i128 = 1;
    // With |lo|, |hi| ≤ 10¹⁸ and two intervals allowed, a step of 10¹⁸
    // always fits, so the loop ends long before `magnitude` could overflow.
    loop {
        for m in [1, 2, 5] {
            let step = m * magnitude;
            let first = lo.div_euclid(step) * step;
            let last = -((-hi).div_euclid(step) * step);
            if (last - first) / step <= max || magnitude >= 1_000_000_000_000_000_000 {
                return (0..)
                    .map(|i| first + i * step)
                    .take_while(|t| *t <= last)
                    .filter_map(|t| i64::try_from(t).ok())
                    .collect();
            }
        }
        magnitude *= 10;
    }
}
