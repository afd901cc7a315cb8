//! The registry of people: the list (filters, keyset pages), a person's page (codes,
//! status history, household, needs), registration, moves, and the audited view of
//! personal data for the roles allowed to see it.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Response};

use super::page::{done, PageCtx, Ui};
use crate::actions::registry::people::{
    self, Move, PersonDetail, PersonPersonal, Placement, Scope,
};
use crate::auth::capability::{ReadRecord, ViewPersonalData, WriteRegistry};
use crate::domain::person::{
    Choice, PersonInput, PersonStatus, ProtectionStatus, Relationship, Sex, Vulnerability,
    PERSON_FIELDS,
};
use crate::domain::{Invalid, Perm};
use crate::store::people::{Filter, PersonRow};
use crate::store::sites::SiteRow;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;

pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

fn options<C: Choice>(ui: &Ui, selected: &str) -> Vec<Opt> {
    C::ALL
        .iter()
        .map(|c| Opt {
            value: c.as_str().to_string(),
            label: ui.tr().t(&c.message_id()),
            selected: c.as_str() == selected,
        })
        .collect()
}

async fn site_options(
    ui: &Ui,
    selected: Option<&str>,
) -> Result<(Vec<SiteRow>, Vec<Opt>), UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let sites: Vec<SiteRow> = crate::actions::registry::sites::all(&ui.app, &cap).await?;
    let opts = sites
        .iter()
        .map(|s| Opt {
            value: s.code.clone(),
            label: format!("{} — {}", s.code, s.name(ui.lang())),
            selected: Some(s.code.as_str()) == selected,
        })
        .collect();
    Ok((sites, opts))
}

/// A row of the list, with labels resolved.
pub struct Line {
    pub person: PersonRow,
    pub site: String,
    pub status: String,
    pub sex: String,
}

#[derive(Template)]
#[template(path = "people.html")]
pub struct PeopleTemplate {
    pub page: PageCtx,
    pub people: Vec<Line>,
    pub filter: Filter,
    pub sites: Vec<Opt>,
    pub statuses: Vec<Opt>,
    pub needs: Vec<Opt>,
    pub next: Option<String>,
    pub can_write: bool,
    /// The filter as a query string for the export buttons (`?site=…`, or empty).
    pub export_query: String,
    pub can_export_personal: bool,
    /// The registrar may search by name (through the blind index).
    pub can_search_names: bool,
    /// These are the results of a name search, not a filtered page.
    pub name_search: bool,
}

fn label<C: Choice>(ui: &Ui, v: &str) -> String {
    C::parse(v)
        .map(|c| ui.tr().t(&c.message_id()))
        .unwrap_or_else(|_| v.to_string())
}

pub async fn list(ui: Ui, Query(filter): Query<Filter>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let (rows, next) = people::list(&ui.app, &cap, &filter).await?;
    render_list(&ui, rows, next, filter, false).await
}

async fn render_list(
    ui: &Ui,
    rows: Vec<PersonRow>,
    next: Option<i64>,
    filter: Filter,
    name_search: bool,
) -> Result<Response, UiError> {
    let (sites, site_opts) = site_options(ui, filter.site.as_deref()).await?;
    let code_of = |id: Option<i64>| {
        id.and_then(|id| sites.iter().find(|s| s.site_id == id))
            .map_or_else(String::new, |s| s.code.clone())
    };
    let people = rows
        .into_iter()
        .map(|p| Line {
            site: code_of(p.site_id),
            status: label::<PersonStatus>(ui, &p.status),
            sex: label::<Sex>(ui, &p.sex),
            person: p,
        })
        .collect();
    let next = next.map(|after| {
        let mut f = filter.clone();
        f.after = Some(after);
        serde_urlencoded::to_string(FilterQuery(&f)).unwrap_or_default()
    });
    ui.render(&PeopleTemplate {
        page: ui.page("people-title", "/registry/people"),
        people,
        sites: site_opts,
        statuses: options::<PersonStatus>(ui, filter.status.as_deref().unwrap_or("")),
        needs: options::<Vulnerability>(ui, filter.need.as_deref().unwrap_or("")),
        export_query: super::exports::query_of(&filter),
        filter,
        next,
        can_write: ui.session.actor.can(Perm::WriteRegistry),
        can_export_personal: ui.session.actor.can(Perm::ExportPersonalData),
        can_search_names: ui.session.actor.role == crate::domain::Role::Registrar,
        name_search,
    })
}

#[derive(serde::Deserialize)]
pub struct NameSearch {
    #[serde(default)]
    name: String,
}

/// Name search is a POST: the name never appears in a URL, a log or the history.
pub async fn search(ui: Ui, f: SignedInForm<NameSearch>) -> Result<Response, UiError> {
    // Only the registry's keeper searches names (case officers reach their own cases).
    f.session.actor.grant::<WriteRegistry>()?;
    let cap = f.session.actor.grant::<ViewPersonalData>()?;
    let rows = people::find_by_name(&ui.app, &cap, &f.form.name)
        .await
        .map_err(UiError::back("/registry/people"))?;
    render_list(&ui, rows, None, Filter::default(), true).await
}

#[derive(serde::Deserialize)]
pub struct JoinForm {
    /// A household code (HH-…), or empty for a new household.
    #[serde(default)]
    household: String,
    #[serde(default)]
    relationship: String,
}

pub async fn join_household(
    ui: Ui,
    Path(id): Path<i64>,
    f: SignedInForm<JoinForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteRegistry>()?;
    let to = format!("/registry/people/{id}");
    let relationship = Relationship::parse(&f.form.relationship)
        .map_err(|i| UiError::back(to.clone())(i.into()))?;
    let household = match f.form.household.trim() {
        "" => None,
        code => Some(
            people::household_by_code(&ui.app, &cap, code)
                .await?
                .ok_or_else(|| {
                    UiError::back(to.clone())(
                        Invalid::new(
                            "household",
                            "invalid-household",
                            "no household has this code",
                        )
                        .into(),
                    )
                })?,
        ),
    };
    people::join_household(&ui.app, &cap, id, household, relationship)
        .await
        .map_err(UiError::back(to.clone()))?;
    Ok(done(&to, "flash-saved"))
}

struct FilterQuery<'a>(&'a Filter);

impl serde::Serialize for FilterQuery<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let f = self.0;
        let mut m = s.serialize_map(None)?;
        for (k, v) in [
            ("site", &f.site),
            ("status", &f.status),
            ("need", &f.need),
            ("code", &f.code),
        ] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                m.serialize_entry(k, v)?;
            }
        }
        if let Some(n) = f.min_household {
            m.serialize_entry("min_household", &n)?;
        }
        if let Some(a) = f.after {
            m.serialize_entry("after", &a)?;
        }
        m.end()
    }
}

#[derive(Template)]
#[template(path = "person_new.html")]
pub struct NewTemplate {
    pub page: PageCtx,
    pub sites: Vec<Opt>,
    pub sexes: Vec<Opt>,
    pub protections: Vec<Opt>,
    pub needs: Vec<Opt>,
    pub relationships: Vec<Opt>,
}

pub async fn new_form(ui: Ui) -> Result<Response, UiError> {
    ui.session.actor.grant::<WriteRegistry>()?;
    let (_, sites) = site_options(&ui, None).await?;
    ui.render(&NewTemplate {
        page: ui.page("person-new-title", "/registry/people"),
        sites,
        sexes: options::<Sex>(&ui, "unknown"),
        protections: options::<ProtectionStatus>(&ui, "unknown"),
        needs: options::<Vulnerability>(&ui, ""),
        relationships: options::<Relationship>(&ui, "head"),
    })
}

#[derive(Template)]
#[template(path = "person.html")]
pub struct PersonTemplate {
    pub page: PageCtx,
    pub p: PersonDetail,
    pub site: String,
    pub status: String,
    pub sex: String,
    pub protection: String,
    pub needs: Vec<(String, String)>,
    pub history: Vec<(String, String, String, String)>,
    pub personal: Option<PersonPersonal>,
    pub duplicates: Vec<String>,
    pub can_write: bool,
    pub can_view_personal: bool,
    pub relationships: Vec<Opt>,
    pub statuses: Vec<Opt>,
    pub sites: Vec<Opt>,
}

async fn person_page(
    ui: &Ui,
    id: i64,
    personal: Option<PersonPersonal>,
    duplicates: Vec<String>,
) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let p = people::get(&ui.app, &cap, id).await?;
    // A record merged into another leads to the one it joined.
    if p.person.person_id != id && personal.is_none() {
        return Ok(axum::response::Redirect::to(&format!(
            "/registry/people/{}",
            p.person.person_id
        ))
        .into_response());
    }
    let (sites, site_opts) = site_options(ui, None).await?;
    let code_of = |id: Option<i64>| {
        id.and_then(|id| sites.iter().find(|s| s.site_id == id))
            .map_or_else(|| "—".to_string(), |s| s.code.clone())
    };
    let tr = ui.tr();
    let t = PersonTemplate {
        page: ui.page("person-title", "/registry/people"),
        site: code_of(p.person.site_id),
        status: label::<PersonStatus>(ui, &p.person.status),
        sex: label::<Sex>(ui, &p.person.sex),
        protection: label::<ProtectionStatus>(ui, &p.person.protection),
        needs: p
            .needs
            .iter()
            .map(|(k, u)| {
                (
                    label::<Vulnerability>(ui, k),
                    label::<crate::domain::person::Urgency>(ui, u),
                )
            })
            .collect(),
        history: p
            .history
            .iter()
            .map(|h| {
                (
                    tr.date(h.effective_at / 1000),
                    label::<PersonStatus>(ui, &h.status),
                    code_of(h.site_id),
                    h.reason.clone(),
                )
            })
            .collect(),
        personal,
        duplicates,
        can_write: ui.session.actor.can(Perm::WriteRegistry),
        can_view_personal: ui.session.actor.role == crate::domain::Role::Registrar,
        relationships: options::<Relationship>(ui, &p.person.relationship),
        statuses: options::<PersonStatus>(ui, &p.person.status),
        sites: site_opts,
        p,
    };
    ui.render(&t)
}

pub async fn show(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    person_page(&ui, id, None, Vec::new()).await
}

pub async fn personal(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ViewPersonalData>()?;
    let personal = people::view_personal(&ui.app, &cap, id).await?;
    person_page(&ui, id, Some(personal), Vec::new()).await
}

/// Registers a person and answers with their page, warning of possible duplicates.
pub async fn create(ui: Ui, f: SignedInForm<HashMap<String, String>>) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteRegistry>()?;
    let back = UiError::back("/registry/people/new");
    let get = |k: &str| f.form.get(k).map(String::as_str).unwrap_or("");
    let mut fields: HashMap<&str, &str> = PERSON_FIELDS.iter().map(|k| (*k, get(k))).collect();
    // The form has one need with an urgency; the shared parser reads `kind:urgency`.
    let need = match (get("need"), get("urgency")) {
        ("", _) => String::new(),
        (k, u) => format!("{k}:{}", if u.is_empty() { "normal" } else { u }),
    };
    fields.insert("vulnerabilities", &need);
    let year = crate::clock::year_of(ui.app.now());
    let input = PersonInput::from_fields(&fields, year).map_err(|i| back(i.into()))?;
    let site_id = site_id(&ui, get("site")).await?;
    let relationship = match get("relationship") {
        "" => None,
        r => Some(
            Relationship::parse(r).map_err(|i| UiError::back("/registry/people/new")(i.into()))?,
        ),
    };
    let place = Placement {
        site_id,
        new_household: get("household") == "new",
        relationship,
        ..Placement::default()
    };
    let r = people::register(&ui.app, &cap, &input, &place)
        .await
        .map_err(UiError::back("/registry/people/new"))?;
    person_page(&ui, r.person_id, None, r.possible_duplicates).await
}

async fn site_id(ui: &Ui, code: &str) -> Result<Option<i64>, UiError> {
    if code.is_empty() {
        return Ok(None);
    }
    let (sites, _) = site_options(ui, None).await?;
    sites
        .iter()
        .find(|s| s.code == code)
        .map(|s| Some(s.site_id))
        .ok_or_else(|| {
            UiError::back("/registry/people/new")(
                Invalid::new("site", "invalid-site", "no such site").into(),
            )
        })
}

#[derive(serde::Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    site: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    scope: String,
}

pub async fn move_person(
    ui: Ui,
    Path(id): Path<i64>,
    f: SignedInForm<MoveForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteRegistry>()?;
    let to = format!("/registry/people/{id}");
    let back = UiError::back(to.clone());
    let status =
        PersonStatus::parse(&f.form.status).map_err(|i| UiError::back(to.clone())(i.into()))?;
    let effective_at = match f.form.date.trim() {
        "" => ui.app.now(),
        d => crate::clock::parse_day(&crate::i18n::normalize_digits(d)).ok_or_else(|| {
            UiError::back(to.clone())(
                Invalid::new("date", "invalid-date", "expected YYYY-MM-DD").into(),
            )
        })?,
    };
    let site_id = if f.form.site.is_empty() {
        None
    } else {
        site_id(&ui, &f.form.site).await?
    };
    let scope = match f.form.scope.as_str() {
        "household" => Scope::Household,
        "split" => Scope::PersonSplittingHousehold,
        _ => Scope::Person,
    };
    let m = Move {
        status,
        site_id,
        effective_at,
        reason: f.form.reason.trim().to_string(),
    };
    people::move_person(&ui.app, &cap, id, &m, scope)
        .await
        .map_err(back)?;
    Ok(done(&to, "flash-saved"))
}
