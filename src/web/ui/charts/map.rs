//! A map drawn by vigil itself: sites and the places of incidents as points on a
//! graticule, fitted to what is shown — no tiles, no external request, nothing that
//! could tell a third party what is being looked at. Only places are drawn: sites
//! and incident places, never where an individual is.
//!
//! Projection: equirectangular, with longitudes shrunk by the cosine of the middle
//! latitude so shapes near the map's centre keep their proportions; at the scale of
//! a region this is what a reader expects. Geography has no reading direction, so
//! the map never mirrors; only labels follow the page's direction.

use super::nice_ticks;
use super::svg::{self, Anchor, Svg, PAD, WIDTH};
use crate::i18n::Tr;

/// What a point on the map is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A site from the registry (a square).
    Site,
    /// A place where incidents happened (a circle sized by their number).
    Incident,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub kind: PlaceKind,
    /// Incidents at this place (for a site: incidents recorded at the site).
    pub incidents: i64,
}

const HEIGHT: f64 = 420.0;

/// The box drawn: south, north, west, east, widened to at least one degree and with
/// a margin around the points.
fn bounds(places: &[Place]) -> (f64, f64, f64, f64) {
    let lats = places.iter().map(|p| p.lat);
    let lons = places.iter().map(|p| p.lon);
    let (mut s, mut n) = (
        lats.clone().fold(f64::MAX, f64::min),
        lats.fold(f64::MIN, f64::max),
    );
    let (mut w, mut e) = (
        lons.clone().fold(f64::MAX, f64::min),
        lons.fold(f64::MIN, f64::max),
    );
    let grow = |lo: &mut f64, hi: &mut f64| {
        let span = (*hi - *lo).max(1.0);
        let mid = (*hi + *lo) / 2.0;
        *lo = mid - span * 0.65;
        *hi = mid + span * 0.65;
    };
    grow(&mut s, &mut n);
    grow(&mut w, &mut e);
    (s.max(-89.0), n.min(89.0), w, e)
}

/// Maps (lat, lon) to the drawing area, keeping proportions.
pub struct Projection {
    n: f64,
    w: f64,
    k: f64,
    x0: f64,
    y0: f64,
    scale: f64,
}

impl Projection {
    pub fn fit(places: &[Place], width: f64, height: f64) -> Projection {
        let (s, n, w, e) = bounds(places);
        let k = ((s + n) / 2.0).to_radians().cos().max(0.1);
        let (dx, dy) = ((e - w) * k, n - s);
        let scale = (width / dx).min(height / dy);
        Projection {
            n,
            w,
            k,
            x0: PAD + (width - dx * scale) / 2.0,
            y0: PAD + (height - dy * scale) / 2.0,
            scale,
        }
    }

    pub fn xy(&self, lat: f64, lon: f64) -> (f64, f64) {
        (
            self.x0 + (lon - self.w) * self.k * self.scale,
            self.y0 + (self.n - lat) * self.scale,
        )
    }
}

/// Renders the map; places without any point to show give the "no data" panel.
pub fn map(tr: &Tr, title: &str, desc: &str, places: &[Place]) -> String {
    if places.is_empty() {
        return svg::no_data(tr, "map", title, desc);
    }
    let (width, height) = (WIDTH - 2.0 * PAD, HEIGHT - 2.0 * PAD);
    let p = Projection::fit(places, width, height);
    let mut g = Svg::new(tr, "map", title, desc);
    g.rect(PAD, PAD, PAD + width, PAD + height, "chart-map-sea");
    // The graticule: whole degrees, spaced 1, 2 or 5 × 10ⁿ.
    let (s, n, w, e) = bounds(places);
    for lat in nice_ticks(s, n, 5) {
        let lat = lat as f64;
        if lat > s && lat < n {
            let (_, y) = p.xy(lat, w);
            g.line(PAD, y, PAD + width, y, "chart-grid");
            g.text(
                PAD + 4.0,
                y - 8.0,
                Anchor::Left,
                "chart-tick",
                &format!("{}°", tr.num(lat as i64)),
            );
        }
    }
    for lon in nice_ticks(w, e, 6) {
        let lon = lon as f64;
        if lon > w && lon < e {
            let (x, _) = p.xy(s, lon);
            g.line(x, PAD, x, PAD + height, "chart-grid");
            g.text(
                x + 4.0,
                PAD + height - 10.0,
                Anchor::Left,
                "chart-tick",
                &format!("{}°", tr.num(lon as i64)),
            );
        }
    }
    // Incident places first, so sites and their labels stay on top.
    let mut ordered: Vec<&Place> = places.iter().collect();
    ordered.sort_by_key(|pl| pl.kind == PlaceKind::Site);
    for pl in ordered {
        let (x, y) = p.xy(pl.lat, pl.lon);
        let label = if pl.incidents > 0 {
            format!("{} ({})", pl.name, tr.num(pl.incidents))
        } else {
            pl.name.clone()
        };
        match pl.kind {
            PlaceKind::Site => {
                g.rect(x - 5.0, y - 5.0, x + 5.0, y + 5.0, "chart-map-site");
                g.text(x + 9.0, y, Anchor::Left, "", &label);
            }
            PlaceKind::Incident => {
                let r = 4.0 + (pl.incidents.max(1) as f64).sqrt() * 3.0;
                g.circle(x, y, r, "chart-map-incident");
                g.text(x + r + 4.0, y + 14.0, Anchor::Left, "", &label);
            }
        }
    }
    g.finish(HEIGHT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn place(name: &str, lat: f64, lon: f64, kind: PlaceKind, incidents: i64) -> Place {
        Place {
            name: name.into(),
            lat,
            lon,
            kind,
            incidents,
        }
    }

    #[test]
    fn points_fit_inside_the_map_with_north_up_and_east_right() {
        let places = [
            place("Ashraf", 33.75, 44.60, PlaceKind::Site, 3),
            place("Liberty", 33.30, 44.24, PlaceKind::Site, 4),
            place("Albania", 41.33, 19.82, PlaceKind::Incident, 2),
        ];
        let p = Projection::fit(&places, 616.0, 396.0);
        for pl in &places {
            let (x, y) = p.xy(pl.lat, pl.lon);
            assert!(
                (PAD..=PAD + 616.0).contains(&x) && (PAD..=PAD + 396.0).contains(&y),
                "{pl:?}"
            );
        }
        let (ax, ay) = p.xy(33.75, 44.60);
        let (bx, by) = p.xy(41.33, 19.82);
        assert!(bx < ax && by < ay, "Albania is north-west of Ashraf");
        let svg = map(&Tr::new(Lang::Fa), "نقشه", "desc", &places);
        assert!(svg.contains("chart-map-site") && svg.contains("chart-map-incident"));
        assert!(svg.contains("Ashraf (۳)"), "{svg}");
        assert!(!svg.contains("http://tile") && !svg.contains("<image"));
        // One place alone still gets a map a degree or more wide.
        let one = map(&Tr::new(Lang::En), "t", "d", &places[..1]);
        assert!(one.contains("Ashraf (3)"));
        assert!(map(&Tr::new(Lang::En), "t", "d", &[]).contains("chart-no-data"));
    }
}
