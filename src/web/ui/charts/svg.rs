//! The drawing layer under every chart: an SVG string builder that escapes
//! all text, writes coordinates with one fixed format (determinism), turns
//! "left/right" into `text-anchor` for either direction, and draws the shared
//! parts — legend, markers, the "no data" panel.

use std::fmt::Write as _;

use super::Hue;
use crate::i18n::Tr;

/// Every chart is laid out in a 640-unit-wide viewBox; CSS scales it.
pub(super) const WIDTH: f64 = 640.0;
/// Outer margin inside the viewBox.
pub(super) const PAD: f64 = 12.0;
/// Font sizes; they must match `.chart text` and `.chart-tick` in vigil.css,
/// because layout estimates text widths from them.
pub(super) const TEXT: f64 = 13.0;
pub(super) const TICK: f64 = 12.0;
/// Height of one legend row.
const LEGEND_ROW: f64 = 22.0;

/// XML-escapes text for element content and attribute values alike, and drops
/// the control characters XML 1.0 forbids, so a name pasted from anywhere
/// cannot break the markup or inject any.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// One decimal place, no `-0`, no trailing `.0`: the same number always
/// prints the same way.
pub(super) fn num(v: f64) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{v:.1}");
    let s = s.strip_suffix(".0").unwrap_or(&s);
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// A deliberately generous estimate of rendered width, as there are no font
/// metrics on the server: 0.6 em per digit, capital and symbol, 0.55 per
/// Latin small letter, 0.5 per (joined) Arabic-script letter, 0.3 for spaces
/// and thin punctuation, nothing for bidi and joiner marks.
pub(super) fn text_width(s: &str, size: f64) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}' => 0.0,
            ' ' => 0.3,
            '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' | '0'..='9' => 0.6,
            'a'..='z' => 0.55,
            '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFC}' => 0.5,
            _ => 0.6,
        })
        .sum();
    em * size
}

/// The direction of the first strong character: `Some(true)` for Arabic or
/// Hebrew script, `Some(false)` for other letters, `None` for digits and
/// punctuation only.
fn first_strong_rtl(s: &str) -> Option<bool> {
    s.chars().find_map(|c| match c {
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' | '\u{0600}'..='\u{0605}' => None,
        '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => Some(true),
        c if c.is_alphabetic() => Some(false),
        _ => None,
    })
}

/// `s`, cut with an ellipsis if it would be wider than `max`.
pub(super) fn fit(s: &str, max: f64, size: f64) -> String {
    if text_width(s, size) <= max {
        return s.to_owned();
    }
    let mut out = String::new();
    for c in s.chars() {
        if text_width(&out, size) + 2.0 * 0.6 * size > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Axis labels centred on their ticks and nudged inside the picture. When
/// they would overlap, every second (third, …) label is kept instead, so the
/// survivors stay evenly spaced. Labels count in reading order (`rtl`: from
/// the right), so the first — usually zero — always survives.
pub(super) fn spaced<'a>(labels: &[(f64, &'a str)], rtl: bool) -> Vec<(f64, f64, &'a str)> {
    let mut sorted: Vec<(f64, &str)> = labels.iter().filter(|l| l.0.is_finite()).copied().collect();
    sorted.sort_by(|a, b| {
        if rtl {
            b.0.total_cmp(&a.0)
        } else {
            a.0.total_cmp(&b.0)
        }
    });
    let placed: Vec<(f64, f64, &str)> = sorted
        .iter()
        .map(|(tick, label)| {
            let half = text_width(label, TICK) / 2.0;
            (*tick, tick.clamp(PAD + half, WIDTH - PAD - half), *label)
        })
        .collect();
    let fits = |kept: &[&(f64, f64, &str)]| {
        kept.windows(2).all(|w| match w {
            [a, b] => {
                let gap = (a.1 - b.1).abs();
                gap >= (text_width(a.2, TICK) + text_width(b.2, TICK)) / 2.0 + 8.0
            }
            _ => true,
        })
    };
    for stride in 1..=placed.len().max(1) {
        let kept: Vec<&(f64, f64, &str)> = placed.iter().step_by(stride).collect();
        if fits(&kept) {
            return kept.into_iter().copied().collect();
        }
    }
    Vec::new()
}

/// A horizontal position expressed physically; [`Svg::text`] maps it to
/// `start`/`end` for the chart's direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Anchor {
    Left,
    Middle,
    Right,
}

/// What a legend entry shows next to its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Swatch {
    /// A stretch of the series' line with its marker.
    Line,
    /// A filled square, as the bars are filled.
    Box,
}

pub(super) struct Svg {
    kind: &'static str,
    lang: &'static str,
    rtl: bool,
    title: String,
    desc: String,
    body: String,
}

impl Svg {
    pub(super) fn new(tr: &Tr, kind: &'static str, title: &str, desc: &str) -> Svg {
        Svg {
            kind,
            lang: tr.code(),
            rtl: tr.dir() == "rtl",
            title: title.to_owned(),
            desc: desc.to_owned(),
            body: String::new(),
        }
    }

    pub(super) fn rtl(&self) -> bool {
        self.rtl
    }

    /// Text centred vertically on `y` (baseline lowered by a third of the
    /// size, which holds for Latin and Arabic script alike).
    pub(super) fn text(&mut self, x: f64, y: f64, anchor: Anchor, class: &str, s: &str) {
        let anchor = match (anchor, self.rtl) {
            (Anchor::Middle, _) => "middle",
            (Anchor::Left, false) | (Anchor::Right, true) => "start",
            (Anchor::Left, true) | (Anchor::Right, false) => "end",
        };
        let size = if class.contains("chart-tick") || class.contains("chart-value") {
            TICK
        } else {
            TEXT
        };
        // An English name in a Persian chart (or the reverse) gets its own
        // direction, or its punctuation lands on the wrong end. Text with no
        // letters (numbers, "۰–۴") keeps the chart's direction on purpose:
        // that is how a range reads in an RTL sentence.
        let s = match first_strong_rtl(s) {
            Some(rtl) if rtl != self.rtl => format!("\u{2068}{s}\u{2069}"),
            _ => s.to_owned(),
        };
        let _ = write!(
            self.body,
            r#"<text x="{}" y="{}" text-anchor="{anchor}" class="{}">{}</text>"#,
            num(x),
            num(y + size * 0.35),
            escape(class),
            escape(&s)
        );
    }

    pub(super) fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, class: &str) {
        let _ = write!(
            self.body,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" class="{class}"/>"#,
            num(x1),
            num(y1),
            num(x2),
            num(y2)
        );
    }

    /// A rectangle from two corners in any order (bars may grow either way).
    pub(super) fn rect(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, class: &str) {
        let _ = write!(
            self.body,
            r#"<rect x="{}" y="{}" width="{}" height="{}" class="{class}"/>"#,
            num(x1.min(x2)),
            num(y1.min(y2)),
            num((x2 - x1).abs()),
            num((y2 - y1).abs())
        );
    }

    pub(super) fn path(&mut self, d: &str, class: &str) {
        let _ = write!(self.body, r#"<path d="{d}" class="{class}"/>"#);
    }

    /// The hue's marker shape centred on (x, y).
    pub(super) fn marker(&mut self, hue: Hue, x: f64, y: f64) {
        let (x, y) = (num(x), num(y));
        let class = format!("chart-marker {}", hue.class());
        let shape = |d: &str| d.replace('X', &x).replace('Y', &y);
        match hue {
            Hue::Blue => {
                let _ = write!(
                    self.body,
                    r#"<circle cx="{x}" cy="{y}" r="4" class="{class}"/>"#
                );
            }
            Hue::Grey => {
                let _ = write!(
                    self.body,
                    r#"<circle cx="{x}" cy="{y}" r="3.5" class="{class} chart-marker-hollow"/>"#
                );
            }
            // Relative moves keep one template per shape.
            Hue::Vermillion => self.path(&shape("MX Ym-3.5 -3.5h7v7h-7z"), &class),
            Hue::Green => self.path(&shape("MX Ym0 -5l4.5 8h-9z"), &class),
            Hue::Purple => self.path(&shape("MX Ym0 -5l5 5l-5 5l-5 -5z"), &class),
            Hue::Orange => self.path(&shape("MX Ym0 5l4.5 -8h-9z"), &class),
        }
    }

    /// Lays out and draws a legend from `top`, wrapping to more rows when
    /// needed; returns the height it took. Entries run in reading order, from
    /// the left in LTR and from the right in RTL.
    pub(super) fn legend(&mut self, items: &[(&str, Hue)], swatch: Swatch, top: f64) -> f64 {
        let sw = match swatch {
            Swatch::Line => 30.0,
            Swatch::Box => 14.0,
        };
        let rtl = self.rtl;
        let (mut offset, mut row) = (0.0, 0.0);
        for (name, hue) in items {
            let name = fit(name, WIDTH - 2.0 * PAD - sw - 8.0, TEXT);
            let w = sw + 6.0 + text_width(&name, TEXT);
            if offset > 0.0 && offset + w > WIDTH - 2.0 * PAD {
                offset = 0.0;
                row += 1.0;
            }
            let y = top + row * LEGEND_ROW + LEGEND_ROW / 2.0;
            // Distance from the reading-start edge → physical x.
            let at = |d: f64| if rtl { WIDTH - PAD - d } else { PAD + d };
            let (s1, s2) = (at(offset), at(offset + sw));
            match swatch {
                Swatch::Line => {
                    let class = format!("chart-line {}", hue.class());
                    self.line(s1, y, s2, y, &class);
                    self.marker(*hue, (s1 + s2) / 2.0, y);
                }
                Swatch::Box => {
                    let class = format!("chart-bar {}", hue.class());
                    self.rect(s1, y - 7.0, s2, y + 7.0, &class);
                }
            }
            let anchor = if rtl { Anchor::Right } else { Anchor::Left };
            self.text(at(offset + sw + 6.0), y, anchor, "chart-legend", &name);
            offset += w + 20.0;
        }
        if items.is_empty() {
            0.0
        } else {
            (row + 1.0) * LEGEND_ROW
        }
    }

    /// The finished `<svg>`: accessible name and description first, then the
    /// drawing. The id comes from a hash of kind, title and description, so
    /// it is stable across renders and differs between charts on one page
    /// as long as their titles do.
    pub(super) fn finish(self, height: f64) -> String {
        let id = chart_id(self.kind, &self.title, &self.desc);
        let dir = if self.rtl { "rtl" } else { "ltr" };
        format!(
            concat!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" "#,
                r#"viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title {id}-desc" "#,
                r#"lang="{lang}" direction="{dir}">"#,
                "\n",
                r#"<title id="{id}-title">{title}</title>"#,
                "\n",
                r#"<desc id="{id}-desc">{desc}</desc>"#,
                "\n",
                "{body}\n</svg>\n"
            ),
            kind = self.kind,
            w = num(WIDTH),
            h = num(height),
            id = id,
            lang = self.lang,
            dir = dir,
            title = escape(&self.title),
            desc = escape(&self.desc),
            body = self.body,
        )
    }

    // incidents: the map's places.
    pub(super) fn circle(&mut self, x: f64, y: f64, r: f64, class: &str) {
        let _ = write!(
            self.body,
            r#"<circle cx="{}" cy="{}" r="{}" class="{class}"/>"#,
            num(x),
            num(y),
            num(r)
        );
    }

    /// A newline between the parts of a chart keeps golden-file diffs readable.
    pub(super) fn newline(&mut self) {
        self.body.push('\n');
    }
}

/// FNV-1a, 32 bits: stable across Rust versions, unlike `DefaultHasher`.
fn chart_id(kind: &str, title: &str, desc: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in [kind, "\0", title, "\0", desc].concat().bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("chart-{h:08x}")
}

/// What every chart draws when there is nothing to plot: a framed panel with
/// the translated "no data" message, still a named image for screen readers
/// (whose description ends with the same message).
pub(super) fn no_data(tr: &Tr, kind: &'static str, title: &str, desc: &str) -> String {
    let message = tr.t("chart-no-data");
    let desc = if desc.trim().is_empty() {
        message.clone()
    } else {
        format!("{} {message}", desc.trim_end())
    };
    let mut svg = Svg::new(tr, kind, title, &desc);
    let height = 120.0;
    svg.rect(PAD, PAD, WIDTH - PAD, height - PAD, "chart-empty");
    svg.text(
        WIDTH / 2.0,
        height / 2.0,
        Anchor::Middle,
        "chart-no-data",
        &message,
    );
    svg.finish(height)
}
