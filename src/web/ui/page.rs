//! What every page shares: the layout context (`PageCtx`), the `Ui` extractor that
//! brings the session, language and flash message, rendering, and flash cookies.

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::response::{Html, IntoResponse, Response};
use axum_extra::extract::CookieJar;

use crate::domain::{Invalid, Perm};
use crate::i18n::{Lang, Tr};
use crate::web::error::UiError;
use crate::web::extract::Session;
use crate::web::{assets, AppState};

pub const FLASH_COOKIE: &str = "vigil_flash";

pub struct NavUser {
    pub username: String,
    pub role_label: String,
}

pub struct NavItem {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

pub struct Flash {
    pub kind: &'static str,
    pub text: String,
}

/// The layout's data (templates/base.html).
pub struct PageCtx {
    pub tr: Tr,
    pub title: String,
    pub user: Option<NavUser>,
    pub csrf: String,
    /// The areas of the navigation bar.
    pub nav: Vec<NavItem>,
    /// The pages of the current area, when it has more than one.
    pub subnav: Vec<NavItem>,
    pub demo: bool,
    pub flash: Option<Flash>,
    pub css_url: &'static str,
    pub js_url: &'static str,
    pub icon_url: &'static str,
}

/// The navigation: areas in a fixed order, each a group of pages with the permission
/// that opens it. The bar shows every area the role may open (linking to its first
/// page the role may open) and, under it, the pages of the area the user is in.
type NavPage = (&'static str, &'static str, Perm);
const NAV: [(&str, &[NavPage]); 6] = [
    (
        "nav-dashboard",
        &[("/", "nav-dashboard", Perm::ReadReports)],
    ),
    (
        "nav-area-registry",
        &[
            ("/registry/people", "nav-people", Perm::ReadRecord),
            ("/registry/sites", "nav-sites", Perm::ReadRecord),
            ("/registry/convoys", "nav-convoys", Perm::ReadRecord),
            ("/registry/matches", "nav-matches", Perm::WriteRegistry),
        ],
    ),
    (
        "nav-area-documentation",
        &[
            (
                "/documentation/incidents",
                "nav-incidents",
                Perm::ReadRecord,
            ),
            ("/documentation/timeline", "nav-timeline", Perm::ReadRecord),
            ("/documentation/sources", "nav-sources", Perm::ReadRecord),
            (
                "/documentation/organisations",
                "nav-organisations",
                Perm::ReadRecord,
            ),
            (
                "/documentation/agreements",
                "nav-agreements",
                Perm::ReadRecord,
            ),
            ("/documentation/evidence", "nav-evidence", Perm::ReadRecord),
            ("/documentation/search", "nav-search", Perm::ReadRecord),
        ],
    ),
    (
        "nav-resettlement",
        &[("/resettlement", "nav-resettlement", Perm::ReadRecord)],
    ),
    (
        "nav-area-admin",
        &[
            ("/admin/users", "nav-users", Perm::ManageUsers),
            ("/admin/watchlist", "nav-watchlist", Perm::ManageWatchList),
            ("/admin/audit", "nav-audit", Perm::ReadAudit),
        ],
    ),
    (
        "nav-account",
        &[("/account", "nav-account", Perm::OwnAccount)],
    ),
];

/// The areas `can` opens, and the pages of the one that holds `current`.
fn navigation(tr: Tr, can: impl Fn(Perm) -> bool, current: &str) -> (Vec<NavItem>, Vec<NavItem>) {
    let mut areas = Vec::new();
    let mut pages = Vec::new();
    for (area, all) in NAV {
        let open: Vec<&NavPage> = all.iter().filter(|(_, _, p)| can(*p)).collect();
        let Some((first, _, _)) = open.first() else {
            continue;
        };
        let here = open.iter().any(|(href, _, _)| *href == current);
        areas.push(NavItem {
            href: first,
            label: tr.t(area),
            current: here,
        });
        if here && open.len() > 1 {
            pages = open
                .iter()
                .map(|(href, key, _)| NavItem {
                    href,
                    label: tr.t(key),
                    current: *href == current,
                })
                .collect();
        }
    }
    (areas, pages)
}

impl PageCtx {
    pub fn new(
        tr: Tr,
        title: String,
        session: Option<&Session>,
        current: &str,
        csrf: String,
        demo: bool,
        flash: Option<Flash>,
    ) -> Self {
        let (nav, subnav) = match session {
            Some(s) => navigation(tr, |p| s.actor.can(p), current),
            None => (Vec::new(), Vec::new()),
        };
        PageCtx {
            tr,
            title,
            user: session.map(|s| NavUser {
                username: s.actor.username.clone(),
                role_label: tr.t(s.actor.role.message_id()),
            }),
            csrf,
            nav,
            subnav,
            demo,
            flash,
            css_url: assets::url("vigil.css"),
            js_url: assets::url("htmx.min.js"),
            icon_url: assets::url("favicon.svg"),
        }
    }
}

/// A flash message as it travels in a cookie between a redirect and the next page:
/// message ids only, never text typed by anyone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlashCookie {
    pub kind: &'static str,
    pub key: String,
    pub field: String,
}

impl FlashCookie {
    pub fn ok(key: &str) -> Self {
        FlashCookie {
            kind: "ok",
            key: key.into(),
            field: String::new(),
        }
    }

    pub fn error(key: &str) -> Self {
        FlashCookie {
            kind: "error",
            key: key.into(),
            field: String::new(),
        }
    }

    pub fn invalid(i: &Invalid) -> Self {
        FlashCookie {
            kind: "error",
            key: i.key.into(),
            field: i.field.into(),
        }
    }

    pub fn set_cookie(&self) -> String {
        format!(
            "{FLASH_COOKIE}={}.{}.{}; Path=/; HttpOnly; SameSite=Strict; Max-Age=60",
            self.kind, self.key, self.field
        )
    }

    pub fn parse(v: &str) -> Option<Self> {
        let mut it = v.splitn(3, '.');
        let kind = match it.next()? {
            "ok" => "ok",
            "error" => "error",
            _ => return None,
        };
        let key = it.next()?;
        let field = it.next().unwrap_or("");
        let safe = |s: &str| {
            s.len() < 64
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
        };
        (safe(key) && safe(field) && !key.is_empty()).then(|| FlashCookie {
            kind,
            key: key.into(),
            field: field.into(),
        })
    }

    pub fn text(&self, tr: &Tr) -> String {
        if self.field.is_empty() {
            tr.t(&self.key)
        } else {
            format!(
                "{}: {}",
                tr.t(&format!("field-{}", self.field.replace('_', "-"))),
                tr.t(&self.key)
            )
        }
    }
}

/// A signed-in page request: the session, the language, the pending flash message.
pub struct Ui {
    pub session: Session,
    pub app: AppState,
    flash: Option<FlashCookie>,
}

impl FromRequestParts<AppState> for Ui {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let session = Session::from_request_parts(parts, app).await?;
        let flash = CookieJar::from_headers(&parts.headers)
            .get(FLASH_COOKIE)
            .and_then(|c| FlashCookie::parse(c.value()));
        Ok(Ui {
            session,
            app: app.clone(),
            flash,
        })
    }
}

impl Ui {
    pub fn tr(&self) -> Tr {
        Tr {
            lang: self.session.lang,
        }
    }

    pub fn lang(&self) -> Lang {
        self.session.lang
    }

    /// The layout context for a page titled by message `title_key`, at nav `current`.
    pub fn page(&self, title_key: &str, current: &str) -> PageCtx {
        let tr = self.tr();
        PageCtx::new(
            tr,
            tr.t(title_key),
            Some(&self.session),
            current,
            self.session.csrf.clone(),
            self.app.demo,
            self.flash.as_ref().map(|f| Flash {
                kind: f.kind,
                text: f.text(&tr),
            }),
        )
    }

    /// Renders a page, clearing the flash cookie once its message has been shown.
    pub fn render(&self, t: &impl Template) -> Result<Response, UiError> {
        let mut res = render(t)?;
        if self.flash.is_some() {
            res.headers_mut().append(
                header::SET_COOKIE,
                HeaderValue::from_static(
                    "vigil_flash=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0",
                ),
            );
        }
        Ok(res)
    }
}

pub fn render(t: &impl Template) -> Result<Response, UiError> {
    match t.render() {
        Ok(html) => Ok(Html(html).into_response()),
        Err(e) => {
            tracing::error!("template failed: {e}");
            Err(UiError::status(
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "error-server",
            ))
        }
    }
}

/// A redirect after a successful form, with a flash message.
pub fn done(to: &str, key: &str) -> Response {
    let mut res = axum::response::Redirect::to(to).into_response();
    if let Ok(v) = FlashCookie::ok(key).set_cookie().parse() {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each role sees the areas it may open, each linking to its first page the role
    /// may open, and the current area's pages under them; pages it may not open appear
    /// nowhere.
    #[test]
    fn navigation_groups_pages_by_area_per_role() {
        use crate::domain::Role;
        let tr = Tr::new(crate::i18n::Lang::En);
        let hrefs = |v: &[NavItem]| v.iter().map(|i| i.href).collect::<Vec<_>>();
        let (areas, pages) = navigation(tr, |p| Role::Registrar.allows(p), "/registry/sites");
        assert_eq!(
            hrefs(&areas),
            [
                "/",
                "/registry/people",
                "/documentation/incidents",
                "/resettlement",
                "/account"
            ]
        );
        assert!(areas
            .iter()
            .any(|a| a.current && a.href == "/registry/people"));
        assert_eq!(
            hrefs(&pages),
            [
                "/registry/people",
                "/registry/sites",
                "/registry/convoys",
                "/registry/matches"
            ]
        );
        assert_eq!(pages.iter().filter(|p| p.current).count(), 1);

        // An analyst may not open the duplicate queue; an admin's area leads to the
        // first admin page it may open; a one-page area has no second row.
        let (_, pages) = navigation(tr, |p| Role::Analyst.allows(p), "/registry/people");
        assert!(!hrefs(&pages).contains(&"/registry/matches"));
        let (areas, pages) = navigation(tr, |p| Role::Admin.allows(p), "/resettlement");
        assert!(hrefs(&areas).contains(&"/admin/users"));
        assert!(pages.is_empty());
    }

    #[test]
    fn flash_cookies_round_trip_and_refuse_anything_else() {
        let f = FlashCookie {
            kind: "error",
            key: "invalid-password-short".into(),
            field: "password".into(),
        };
        let v = f.set_cookie();
        let value = v
            .split(';')
            .next()
            .and_then(|kv| kv.split_once('='))
            .map(|(_, v)| v.to_string());
        assert_eq!(value.as_deref().and_then(FlashCookie::parse), Some(f));
        assert_eq!(FlashCookie::parse("error.<script>."), None);
        assert_eq!(FlashCookie::parse("weird.key."), None);
    }
}
