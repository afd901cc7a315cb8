//! Convoys: the list, and a convoy's page — route and dates, head counts reconciled,
//! the manifest with every shortfall highlighted and said in a sentence, the people on
//! board household by household — with the registrar's forms (in `convoy_forms`).

use askama::Template;
use axum::extract::Path;
use axum::response::Response;

use super::page::{PageCtx, Ui};
use super::people::Opt;
use crate::actions::registry::convoys::{
    self, ConvoyDetail, ConvoySummary, ManifestLine, UnitTotal,
};
use crate::auth::capability::ReadRecord;
use crate::domain::convoy::{ConvoyStatus, HeadCount};
use crate::domain::person::{Choice, PersonStatus, Relationship};
use crate::domain::Perm;
use crate::i18n::{Arg, Tr};
use crate::store::convoys::{LineRow, MemberRow};
use crate::store::sites::SiteRow;
use crate::web::error::UiError;

/// A day for display, or a dash.
fn day(tr: &Tr, ms: Option<i64>) -> String {
    ms.map_or_else(|| "—".to_string(), |ms| tr.date(ms.div_euclid(1000)))
}

/// A day as a form value (`YYYY-MM-DD`).
fn day_value(ms: Option<i64>) -> String {
    ms.map(|ms| crate::clock::rfc3339(ms).chars().take(10).collect())
        .unwrap_or_default()
}

fn status_label(tr: &Tr, s: &str) -> String {
    ConvoyStatus::parse(s)
        .map(|c| tr.t(&c.message_id()))
        .unwrap_or_else(|_| s.to_string())
}

/// The badge class that goes with a status.
fn status_badge(s: &str) -> &'static str {
    match s {
        "completed" => "badge-ok",
        "blocked" => "badge-danger",
        "under_way" => "badge-warn",
        _ => "badge-info",
    }
}

async fn all_sites(ui: &Ui) -> Result<Vec<SiteRow>, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    Ok(crate::actions::registry::sites::list(&ui.app, &cap)
        .await?
        .into_iter()
        .map(|s| s.site)
        .collect())
}

fn site_opts(ui: &Ui, sites: &[SiteRow], selected: &str) -> Vec<Opt> {
    sites
        .iter()
        .map(|s| Opt {
            value: s.code.clone(),
            label: format!("{} — {}", s.code, s.name(ui.lang())),
            selected: s.code == selected,
        })
        .collect()
}

/// The statuses a registrar may set by hand (completion is its own action).
fn status_opts(tr: &Tr, selected: &str) -> Vec<Opt> {
    ConvoyStatus::ALL
        .iter()
        .filter(|s| **s != ConvoyStatus::Completed)
        .map(|s| Opt {
            value: s.as_str().to_string(),
            label: tr.t(&s.message_id()),
            selected: s.as_str() == selected,
        })
        .collect()
}

/// The values the convoy form starts with.
#[derive(Default)]
pub struct FormValues {
    pub seq: String,
    pub planned_on: String,
    pub departed_on: String,
    pub arrived_on: String,
}

pub struct ListLine {
    pub c: ConvoySummary,
    pub planned: String,
    pub departed: String,
    pub arrived: String,
    pub status: String,
    pub badge: &'static str,
}

#[derive(Template)]
#[template(path = "convoys.html")]
pub struct ConvoysTemplate {
    pub page: PageCtx,
    pub convoys: Vec<ListLine>,
    pub can_write: bool,
    pub form: FormValues,
    pub action: String,
    pub origins: Vec<Opt>,
    pub destinations: Vec<Opt>,
    pub statuses: Vec<Opt>,
}

pub async fn list(ui: Ui) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let rows = convoys::list(&ui.app, &cap).await?;
    let next_seq = rows.iter().map(|c| c.row.convoy.seq).max().unwrap_or(0) + 1;
    let sites = all_sites(&ui).await?;
    let convoys = rows
        .into_iter()
        .map(|c| ListLine {
            planned: day(&tr, c.row.convoy.planned_on),
            departed: day(&tr, c.row.convoy.departed_on),
            arrived: day(&tr, c.row.convoy.arrived_on),
            status: status_label(&tr, &c.row.convoy.status),
            badge: status_badge(&c.row.convoy.status),
            c,
        })
        .collect();
    ui.render(&ConvoysTemplate {
        page: ui.page("convoys-title", "/registry/convoys"),
        convoys,
        can_write: ui.session.actor.can(Perm::WriteRegistry),
        form: FormValues {
            seq: next_seq.to_string(),
            ..FormValues::default()
        },
        action: String::new(),
        origins: site_opts(&ui, &sites, ""),
        destinations: site_opts(&ui, &sites, ""),
        statuses: status_opts(&tr, "planned"),
    })
}

/// A manifest line as shown: figures, and the sentence that says how it falls short.
pub struct LineView {
    pub l: ManifestLine,
    pub shortfall: Option<String>,
}

/// "generators: 6 agreed, 2 allowed" — what a shortfall line says, in the language.
fn shortfall_sentence(
    tr: &Tr,
    l: &LineRow,
    allowed_short: bool,
    moved_short: bool,
) -> Option<String> {
    let key = match (allowed_short, moved_short) {
        (true, true) => "convoy-short-both",
        (true, false) => "convoy-short-allowed",
        (false, true) => "convoy-short-moved",
        (false, false) => return None,
    };
    let n = |v: Option<i64>| Arg::Num(v.unwrap_or(0));
    Some(tr.t_args(
        key,
        &[
            ("item", Arg::Str(l.item.clone())),
            ("agreed", n(l.agreed)),
            ("allowed", n(l.allowed)),
            ("moved", n(l.moved)),
        ],
    ))
}

pub struct MemberView {
    pub m: MemberRow,
    pub relationship: String,
    pub status: String,
    pub site: String,
    pub outcome: String,
    pub outcome_badge: &'static str,
    /// The first listed member of a household (the page groups by household).
    pub first_of_household: bool,
}

#[derive(Template)]
#[template(path = "convoy.html")]
pub struct ConvoyTemplate {
    pub page: PageCtx,
    pub heading: String,
    pub c: ConvoyDetail,
    pub origin_name: String,
    pub destination_name: String,
    pub planned: String,
    pub departed: String,
    pub arrived: String,
    pub status: String,
    pub badge: &'static str,
    pub lines: Vec<LineView>,
    pub shortfalls: Vec<String>,
    pub shortfall_intro: String,
    pub totals: Vec<UnitTotal>,
    pub members: Vec<MemberView>,
    pub hc: HeadCount,
    pub unaccounted: String,
    pub unlisted: String,
    pub can_write: bool,
    pub is_open: bool,
    pub is_completed: bool,
    pub is_blocked: bool,
    pub form: FormValues,
    pub action: String,
    pub origins: Vec<Opt>,
    pub destinations: Vec<Opt>,
    pub statuses: Vec<Opt>,
    pub complete_note: String,
    pub left_hint: String,
}

pub async fn show(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let c = convoys::get(&ui.app, &cap, id).await?;
    let sites = all_sites(&ui).await?;
    let name_of = |site_id: i64| {
        sites
            .iter()
            .find(|s| s.site_id == site_id)
            .map_or_else(String::new, |s| s.name(tr.lang).to_string())
    };
    let code_of = |site_id: Option<i64>| {
        site_id
            .and_then(|id| sites.iter().find(|s| s.site_id == id))
            .map_or_else(|| "—".to_string(), |s| s.code.clone())
    };
    let lines: Vec<LineView> = c
        .manifest
        .iter()
        .map(|l| LineView {
            shortfall: shortfall_sentence(
                &tr,
                &l.line,
                l.allowed_short.is_some(),
                l.moved_short.is_some(),
            ),
            l: l.clone(),
        })
        .collect();
    let shortfalls: Vec<String> = lines.iter().filter_map(|l| l.shortfall.clone()).collect();
    let mut previous = None;
    let members = c
        .members
        .iter()
        .map(|m| {
            let first = m.household_id.is_none() || m.household_id != previous;
            previous = m.household_id;
            let (outcome_key, outcome_badge) = match m.outcome.as_str() {
                "arrived" => ("convoy-outcome-arrived", "badge-ok"),
                "missing" => ("convoy-outcome-missing", "badge-danger"),
                _ => ("convoy-outcome-listed", "badge-info"),
            };
            MemberView {
                relationship: Relationship::parse(&m.relationship)
                    .map(|r| tr.t(&r.message_id()))
                    .unwrap_or_else(|_| m.relationship.clone()),
                status: PersonStatus::parse(&m.status)
                    .map(|s| tr.t(&s.message_id()))
                    .unwrap_or_else(|_| m.status.clone()),
                site: code_of(m.site_id),
                outcome: tr.t(outcome_key),
                outcome_badge,
                first_of_household: first,
                m: m.clone(),
            }
        })
        .collect();
    let hc = c.head_count;
    let status = c.convoy.status.clone();
    let t = ConvoyTemplate {
        page: ui.page("convoy-title", "/registry/convoys"),
        heading: tr.t_args(
            "convoy-heading",
            &[("seq", Arg::Str(tr.year(c.convoy.seq)))],
        ),
        origin_name: name_of(c.convoy.origin_site_id),
        destination_name: name_of(c.convoy.destination_site_id),
        planned: day(&tr, c.convoy.planned_on),
        departed: day(&tr, c.convoy.departed_on),
        arrived: day(&tr, c.convoy.arrived_on),
        status: status_label(&tr, &status),
        badge: status_badge(&status),
        shortfall_intro: tr.t_count("convoy-shortfall-intro", shortfalls.len() as i64),
        shortfalls,
        lines,
        totals: c.totals.clone(),
        members,
        unaccounted: tr.t_count("convoy-unaccounted", hc.unaccounted()),
        unlisted: tr.t_count("convoy-unlisted", hc.unlisted()),
        hc,
        can_write: ui.session.actor.can(Perm::WriteRegistry),
        is_open: status != ConvoyStatus::Completed.as_str(),
        is_completed: status == ConvoyStatus::Completed.as_str(),
        is_blocked: status == ConvoyStatus::Blocked.as_str(),
        form: FormValues {
            seq: c.convoy.seq.to_string(),
            planned_on: day_value(c.convoy.planned_on),
            departed_on: day_value(c.convoy.departed_on),
            arrived_on: day_value(c.convoy.arrived_on),
        },
        action: format!("/registry/convoys/{id}"),
        origins: site_opts(&ui, &sites, &c.origin),
        destinations: site_opts(&ui, &sites, &c.destination),
        statuses: status_opts(&tr, &status),
        complete_note: tr.t_args(
            "convoy-complete-note",
            &[("destination", Arg::Str(c.destination.clone()))],
        ),
        left_hint: tr.t_count("convoy-left-hint", hc.listed),
        c,
    };
    ui.render(&t)
}
