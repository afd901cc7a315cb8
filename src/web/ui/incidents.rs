//! Incidents: the list, and an incident's page — what happened, when and where with
//! their precision, who was harmed (registered people by code only, others counted),
//! who is alleged to be behind it, and every source's figures side by side with both
//! grades, the figure the record accepts with its reason, and the corroboration
//! computed from independent sources. The documenter's forms are in `incident_forms`.

use askama::Template;
use axum::extract::Path;
use axum::response::Response;

use super::incident_forms::CLAIM_ROWS;
use super::page::{PageCtx, Ui};
use super::people::Opt;
use super::sources::{choice_opts, credibility_label, label, reliability_label};
use crate::actions::documentation::incidents::{self, IncidentDetail, IncidentSummary};
use crate::actions::documentation::sources as source_actions;
use crate::auth::capability::{Cap, ReadRecord};
use crate::domain::incident::{Act, Category, GeoPrecision, Involvement, Precision, Verification};
use crate::domain::person::{Choice, Sex};
use crate::domain::source::Affiliation;
use crate::domain::Perm;
use crate::i18n::Tr;
use crate::web::error::UiError;

/// A time at its precision: a year, a month, a day or a day and time.
pub fn when(tr: &Tr, at: i64, precision: &str) -> String {
    let secs = at.div_euclid(1000);
    match Precision::parse(precision) {
        Ok(Precision::Year) => tr.year(crate::clock::year_of(at)),
        Ok(Precision::Month) => tr.month(secs),
        Ok(Precision::Exact) => tr.datetime(secs),
        _ => tr.date(secs),
    }
}

fn status_badge(s: &str) -> &'static str {
    match s {
        "verified" => "badge-ok",
        "corroborated" => "badge-info",
        _ => "badge-warn",
    }
}

pub struct ListLine {
    pub i: IncidentSummary,
    pub when: String,
    pub category: String,
    pub status: String,
    pub badge: &'static str,
}

#[derive(Template)]
#[template(path = "incidents.html")]
pub struct IncidentsTemplate {
    pub page: PageCtx,
    pub incidents: Vec<ListLine>,
    pub can_write: bool,
    pub categories: Vec<Opt>,
    pub geo: Vec<Opt>,
    pub sites: Vec<Opt>,
    /// The claim rows of the form (numbered from 1 on the page) and the sources they
    /// may cite: an incident is recorded with its sources' claims in one step.
    pub claim_rows: Vec<ClaimRow>,
    pub source_opts: Vec<Opt>,
}

/// One row of the incident form's claims: its index in the form (`claims[0]`) and its
/// number as shown.
pub struct ClaimRow {
    pub index: usize,
    pub number: i64,
}

pub async fn list(ui: Ui) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let incidents = incidents::list(&ui.app, &cap)
        .await?
        .into_iter()
        .map(|i| ListLine {
            when: when(&tr, i.row.started_at, &i.row.start_precision),
            category: label::<Category>(&tr, &i.row.category),
            status: label::<Verification>(&tr, &i.status),
            badge: status_badge(&i.status),
            i,
        })
        .collect();
    let sites = site_opts(&ui, &cap).await?;
    let can_write = ui.session.actor.can(Perm::WriteDocumentation);
    let source_opts = if can_write {
        source_opts(&ui, &cap).await?
    } else {
        Vec::new()
    };
    ui.render(&IncidentsTemplate {
        page: ui.page("incidents-title", "/documentation/incidents"),
        incidents,
        can_write,
        categories: choice_opts::<Category>(&tr, ""),
        geo: choice_opts::<GeoPrecision>(&tr, ""),
        sites,
        claim_rows: (0..CLAIM_ROWS)
            .map(|index| ClaimRow {
                index,
                number: i64::try_from(index).unwrap_or(0) + 1,
            })
            .collect(),
        source_opts,
    })
}

/// The standing sources a claim may cite, by title and grade.
async fn source_opts(ui: &Ui, cap: &Cap<ReadRecord>) -> Result<Vec<Opt>, UiError> {
    Ok(source_actions::list(&ui.app, cap)
        .await?
        .into_iter()
        .filter(|s| s.row.retracted_at.is_none())
        .map(|s| Opt {
            value: s.row.source_id.to_string(),
            label: format!("{} ({})", s.row.title, s.row.reliability),
            selected: false,
        })
        .collect())
}

/// The sites a form offers, by code.
async fn site_opts(ui: &Ui, cap: &Cap<ReadRecord>) -> Result<Vec<Opt>, UiError> {
    Ok(crate::actions::registry::sites::list(&ui.app, cap)
        .await?
        .into_iter()
        .map(|s| Opt {
            label: format!("{} — {}", s.site.code, s.site.name(ui.lang())),
            value: s.site.code,
            selected: false,
        })
        .collect())
}

/// "Retracted on 3 May 2026 by ali: a duplicate", or nothing when it stands.
pub fn retracted_note(tr: &Tr, at: Option<i64>, by: &Option<String>, reason: &str) -> String {
    at.map_or_else(String::new, |at| {
        tr.t_args(
            "retracted-note",
            &[
                ("when", when(tr, at, "day").into()),
                ("by", by.clone().unwrap_or_default().into()),
                ("reason", reason.to_string().into()),
            ],
        )
    })
}

/// One claim as a row of the side-by-side table: its source, both grades, and its
/// value for each measure (in the order of `measures`), or a dash.
pub struct ClaimLine {
    pub claim_id: i64,
    /// Said when the claim was retracted (empty when it stands).
    pub retracted: String,
    pub source_id: i64,
    pub source: String,
    pub publisher: String,
    pub affiliation: String,
    pub reliability: String,
    pub credibility: String,
    pub locator: String,
    pub statement: String,
    /// The public code of the person a claim is about.
    pub person: Option<String>,
    pub cells: Vec<String>,
    /// Graded unreliable or improbable: shown, but it does not corroborate.
    pub discounted: bool,
}

/// One measure's corroboration, said in a sentence per value.
pub struct FigureLine {
    pub measure: String,
    pub disputed: bool,
    pub values: Vec<(String, bool)>,
}

pub struct ActLine {
    pub act: String,
    pub person_code: Option<String>,
    pub victims: String,
    pub sex: String,
    pub age_band: String,
}

#[derive(Template)]
#[template(path = "incident.html")]
pub struct IncidentTemplate {
    pub page: PageCtx,
    pub d: IncidentDetail,
    pub category: String,
    pub started: String,
    pub ended: String,
    pub geo_precision: String,
    pub status: String,
    pub badge: &'static str,
    pub status_note: String,
    pub acts: Vec<ActLine>,
    pub perpetrators: Vec<(i64, String, String)>,
    pub measures: Vec<String>,
    pub claims: Vec<ClaimLine>,
    pub accepted: Vec<String>,
    pub reasons: Vec<String>,
    pub figures: Vec<FigureLine>,
    pub can_write: bool,
    /// Said when the incident was retracted (empty when it stands).
    pub retracted: String,
    /// Its earlier versions, each in a sentence.
    pub revisions: Vec<String>,
    /// The edit form's choices, the incident's own selected.
    pub edit_categories: Vec<Opt>,
    pub edit_sites: Vec<Opt>,
    pub edit_geo: Vec<Opt>,
    /// Its start and end as they would be typed (`2013-12-26`, `2013-12` …).
    pub edit_started: String,
    pub edit_ended: String,
    pub act_opts: Vec<Opt>,
    pub sex_opts: Vec<Opt>,
    pub involvement_opts: Vec<Opt>,
    pub source_opts: Vec<Opt>,
}

pub async fn show(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let d = incidents::get(&ui.app, &cap, id).await?;
    let row = &d.incident;
    // The measures any source gives or the record accepts, in the order of `Act`.
    let mut measures: Vec<Act> = d
        .corroboration
        .figures
        .iter()
        .map(|f| f.measure.as_str())
        .chain(d.accepted.iter().map(|f| f.measure.as_str()))
        .filter_map(|m| Act::parse(m).ok())
        .collect();
    measures.sort();
    measures.dedup();
    let claims = d
        .claims
        .iter()
        .map(|c| {
            let s = &c.source.row;
            let rel = crate::domain::source::Reliability::parse(&s.reliability).ok();
            let cred = crate::domain::source::Credibility::from_stored(c.claim.row.credibility);
            ClaimLine {
                claim_id: c.claim.row.claim_id,
                retracted: retracted_note(
                    &tr,
                    c.claim.row.retracted_at,
                    &c.claim.row.retracted_by,
                    &c.claim.row.retraction_reason,
                ),
                source_id: s.source_id,
                source: s.title.clone(),
                publisher: c.source.publisher.clone().unwrap_or_default(),
                affiliation: match &c.source.aligned_with {
                    Some(p) => format!("{}: {p}", label::<Affiliation>(&tr, &s.affiliation)),
                    None => label::<Affiliation>(&tr, &s.affiliation),
                },
                reliability: reliability_label(&tr, &s.reliability),
                credibility: credibility_label(&tr, c.claim.row.credibility),
                locator: c.claim.row.locator.clone(),
                statement: c.claim.row.statement.clone(),
                person: c.claim.row.person_code.clone(),
                cells: measures
                    .iter()
                    .map(|m| {
                        c.claim
                            .values
                            .iter()
                            .find(|v| v.measure == m.as_str())
                            .map_or_else(|| "—".to_string(), |v| tr.num(v.value))
                    })
                    .collect(),
                discounted: c.claim.row.retracted_at.is_some()
                    || c.source.row.retracted_at.is_some()
                    || !(rel.is_some_and(|r| r.at_least_fairly_reliable())
                        && cred.is_some_and(|c| c.at_least_possible())),
            }
        })
        .collect();
    let accepted = measures
        .iter()
        .map(|m| {
            d.accepted
                .iter()
                .find(|f| f.measure == m.as_str())
                .map_or_else(|| "—".to_string(), |f| tr.num(f.value))
        })
        .collect();
    let reasons = d
        .accepted
        .iter()
        .map(|f| {
            tr.t_args(
                "incident-accepted-reason",
                &[
                    ("measure", label::<Act>(&tr, &f.measure).into()),
                    ("value", f.value.into()),
                    ("reason", f.reason.clone().into()),
                    ("by", f.set_by.clone().into()),
                ],
            )
        })
        .collect();
    let figures = d
        .corroboration
        .figures
        .iter()
        .map(|f| FigureLine {
            measure: label::<Act>(&tr, &f.measure),
            disputed: f.disputed(),
            values: f
                .values
                .iter()
                .map(|v| {
                    let text = tr.t_args(
                        "incident-value-support",
                        &[
                            ("value", v.value.into()),
                            ("claims", i64::try_from(v.claims).unwrap_or(0).into()),
                            ("voices", i64::try_from(v.voices).unwrap_or(0).into()),
                        ],
                    );
                    (text, v.corroborated)
                })
                .collect(),
        })
        .collect();
    let status_note = match d.status.as_str() {
        "verified" => tr.t_args(
            "incident-verified-by",
            &[
                ("by", row.verification_by.clone().unwrap_or_default().into()),
                ("reason", row.verification_reason.clone().into()),
            ],
        ),
        _ => tr.t_args(
            "incident-voices",
            &[(
                "count",
                i64::try_from(d.corroboration.voices).unwrap_or(0).into(),
            )],
        ),
    };
    let acts = d
        .acts
        .iter()
        .map(|a| ActLine {
            act: label::<Act>(&tr, &a.act),
            person_code: a.person_code.clone(),
            victims: a.victims.map_or_else(String::new, |n| tr.num(n)),
            sex: label::<Sex>(&tr, &a.sex),
            age_band: if a.age_band == "unknown" {
                tr.t("incident-age-unknown")
            } else {
                a.age_band.clone()
            },
        })
        .collect();
    let perpetrators = d
        .perpetrators
        .iter()
        .map(|p| {
            (
                p.organisation_id,
                p.name.clone(),
                label::<Involvement>(&tr, &p.involvement),
            )
        })
        .collect();
    // A retracted incident is shown as it stood, with no forms to change it.
    let can_write = ui.session.actor.can(Perm::WriteDocumentation) && row.retracted_at.is_none();
    let retracted = retracted_note(
        &tr,
        row.retracted_at,
        &row.retracted_by,
        &row.retraction_reason,
    );
    let (edit_sites, edit_started, edit_ended) = if can_write {
        let code = d.site.clone().unwrap_or_default();
        let mut sites = site_opts(&ui, &cap).await?;
        for o in &mut sites {
            o.selected = o.value == code;
        }
        let start = Precision::parse(&row.start_precision).unwrap_or(Precision::Day);
        let ended = match (
            row.ended_at,
            row.end_precision.as_deref().map(Precision::parse),
        ) {
            (Some(at), Some(Ok(p))) => p.format(at),
            _ => String::new(),
        };
        (sites, start.format(row.started_at), ended)
    } else {
        (Vec::new(), String::new(), String::new())
    };
    let source_opts = if can_write {
        source_opts(&ui, &cap).await?
    } else {
        Vec::new()
    };
    let mut page = ui.page("incidents-title", "/documentation/incidents");
    page.title.clone_from(&row.title);
    ui.render(&IncidentTemplate {
        page,
        category: label::<Category>(&tr, &row.category),
        started: when(&tr, row.started_at, &row.start_precision),
        ended: match (row.ended_at, &row.end_precision) {
            (Some(at), Some(p)) => when(&tr, at, p),
            _ => "—".to_string(),
        },
        geo_precision: label::<GeoPrecision>(&tr, &row.geo_precision),
        status: label::<Verification>(&tr, &d.status),
        badge: status_badge(&d.status),
        status_note,
        acts,
        perpetrators,
        measures: measures.iter().map(|m| tr.t(&m.message_id())).collect(),
        claims,
        accepted,
        reasons,
        figures,
        can_write,
        retracted,
        revisions: super::corrections::revision_lines(&tr, &d.revisions),
        edit_categories: choice_opts::<Category>(&tr, &row.category),
        edit_sites,
        edit_geo: choice_opts::<GeoPrecision>(&tr, &row.geo_precision),
        edit_started,
        edit_ended,
        act_opts: choice_opts::<Act>(&tr, "killed"),
        sex_opts: choice_opts::<Sex>(&tr, "unknown"),
        involvement_opts: choice_opts::<Involvement>(&tr, "direct"),
        source_opts,
        d,
    })
}
