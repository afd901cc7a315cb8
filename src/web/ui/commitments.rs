//! Agreements and their commitments: the list, each agreement with its commitments
//! judged as of a chosen day, and each commitment with the evidence that decides its
//! status, its observations and the history of its status ("what stood on
//! 1 September 2012?" is the same page with another day).

use askama::Template;
use axum::extract::{Path, Query};
use axum::response::Response;

use super::page::{PageCtx, Ui};
use super::people::Opt;
use super::sources::{choice_opts, label};
use crate::actions::documentation::commitments::{
    self as acts, AgreementSummary, CommitmentSummary, EvidenceLink, StatusView,
};
use crate::actions::documentation::sources as source_actions;
use crate::auth::capability::Cap;
use crate::auth::capability::ReadRecord;
use crate::domain::convoy::parse_day;
use crate::domain::incident::Category;
use crate::domain::{Invalid, Perm};
use crate::i18n::{Arg, Tr};
use crate::store::commitments::{AgreementRow, ObservationRow, SignatoryRow};
use crate::web::error::UiError;

const TERMS: [&str; 6] = [
    "deadline",
    "quantity",
    "presence",
    "frequency",
    "prohibition",
    "access",
];

#[derive(serde::Deserialize, Default)]
pub struct AsOfQuery {
    #[serde(default)]
    pub as_of: String,
}

/// The day asked about (today when none), as epoch ms and as `YYYY-MM-DD`.
pub(super) fn as_of(ui: &Ui, q: &AsOfQuery, back: &str) -> Result<(i64, String), UiError> {
    let day = parse_day("as_of", &q.as_of)
        .map_err(|i: Invalid| UiError::back(back.to_string())(i.into()))?
        .unwrap_or_else(|| ui.app.now());
    Ok((day, iso(day)))
}

pub(super) fn iso(ms: i64) -> String {
    let (y, m, d) = crate::calendar::civil_from_days(ms.div_euclid(86_400_000));
    format!("{y:04}-{m:02}-{d:02}")
}

pub(super) fn date(tr: &Tr, ms: i64) -> String {
    tr.date(ms.div_euclid(1000))
}

/// The term in words: "At least 10 vehicles per 400 residents".
pub(super) fn term_text(tr: &Tr, k: &CommitmentSummary) -> String {
    let r = &k.row;
    let n = |v: Option<i64>| Arg::Num(v.unwrap_or(0));
    match r.term.as_str() {
        "deadline" => tr.t_args(
            "term-deadline",
            &[(
                "due",
                Arg::Str(r.due_on.map(|d| date(tr, d)).unwrap_or_default()),
            )],
        ),
        "quantity" if r.per_residents.is_some() => tr.t_args(
            "term-quantity-per",
            &[
                ("n", n(r.quantity)),
                ("item", r.item.as_str().into()),
                ("per", n(r.per_residents)),
            ],
        ),
        "quantity" => tr.t_args(
            "term-quantity",
            &[("n", n(r.quantity)), ("item", r.item.as_str().into())],
        ),
        "presence" => tr.t_args("term-presence", &[("share", n(r.share_permille))]),
        "frequency" => tr.t_args(
            "term-frequency",
            &[("k", n(r.visits)), ("days", n(r.period_days))],
        ),
        kind => {
            let cat = label::<Category>(tr, r.category.as_deref().unwrap_or(""));
            tr.t_args(
                &format!("term-{kind}"),
                &[("category", cat.as_str().into())],
            )
        }
    }
}

/// A status in words, with its share when partly met.
pub(super) fn status_text(tr: &Tr, status: &str, share: Option<i64>) -> String {
    let name = tr.t(&format!("commitment-status-{}", status.replace('_', "-")));
    match share {
        Some(s) => tr.t_args(
            "commitment-status-share",
            &[
                ("status", name.as_str().into()),
                ("share", Arg::Num(s / 10)),
            ],
        ),
        None => name,
    }
}

/// The sources to cite, for the documenter's forms (none for readers).
pub(super) async fn source_opts(
    ui: &Ui,
    cap: &Cap<ReadRecord>,
) -> Result<(bool, Vec<Opt>), UiError> {
    if !ui.session.actor.can(Perm::WriteDocumentation) {
        return Ok((false, vec![]));
    }
    let opts = source_actions::list(&ui.app, cap)
        .await?
        .into_iter()
        .map(|s| Opt {
            value: s.row.source_id.to_string(),
            label: format!("{} ({})", s.row.title, s.row.reliability),
            selected: false,
        })
        .collect();
    Ok((true, opts))
}

/// Where a piece of evidence lives, and what to call it.
pub struct EvidenceLine {
    pub href: String,
    pub text: String,
}

pub(super) fn evidence_line(tr: &Tr, e: &EvidenceLink, commitment: i64) -> EvidenceLine {
    let id = Arg::Num(e.id);
    match (e.kind, e.convoy_id) {
        ("incident", _) => EvidenceLine {
            href: format!("/documentation/incidents/{}", e.id),
            text: tr.t_args("evidence-incident", &[("id", id)]),
        },
        ("manifest", Some(c)) => EvidenceLine {
            href: format!("/registry/convoys/{c}"),
            text: tr.t_args("evidence-manifest", &[("id", id)]),
        },
        ("visit", _) => EvidenceLine {
            href: format!("/documentation/visits/{}", e.id),
            text: tr.t_args("evidence-visit", &[("id", id)]),
        },
        _ => EvidenceLine {
            href: format!(
                "/documentation/commitments/{commitment}#observation-{}",
                e.id
            ),
            text: tr.t_args("evidence-observation", &[("id", id)]),
        },
    }
}

pub struct StatusLine {
    pub status: String,
    pub class: &'static str,
    pub text: String,
    pub since: String,
    pub deciding: Vec<EvidenceLine>,
    /// "and N more" when the deciding incidents run past those listed.
    pub more: String,
}

pub(super) fn status_line(tr: &Tr, s: &StatusView, commitment: i64) -> StatusLine {
    StatusLine {
        status: s.status.to_string(),
        class: match s.status {
            "met" => "badge-ok",
            "breached" => "badge-danger",
            "partly_met" => "badge-warn",
            _ => "badge-info",
        },
        text: status_text(tr, s.status, s.share_permille),
        since: date(tr, s.since),
        deciding: s
            .deciding
            .iter()
            .map(|e| evidence_line(tr, e, commitment))
            .collect(),
        more: if s.deciding_more > 0 {
            tr.t_args(
                "commitment-deciding-more",
                &[("n", Arg::Num(s.deciding_more))],
            )
        } else {
            String::new()
        },
    }
}

#[derive(Template)]
#[template(path = "agreements.html")]
pub struct AgreementsTemplate {
    pub page: PageCtx,
    pub agreements: Vec<(AgreementSummary, String, String)>,
    pub can_write: bool,
    pub source_opts: Vec<Opt>,
    pub kinds: Vec<Opt>,
}

pub async fn list(ui: Ui) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let agreements = acts::list_agreements(&ui.app, &cap)
        .await?
        .into_iter()
        .map(|a| {
            let kind = tr.t(&format!("agreement-kind-{}", a.row.kind));
            let made = date(&tr, a.row.made_on);
            (a, kind, made)
        })
        .collect();
    let (can_write, source_opts) = source_opts(&ui, &cap).await?;
    let kinds = crate::domain::commitment::input::AGREEMENT_KINDS
        .iter()
        .map(|k| Opt {
            value: (*k).to_string(),
            label: tr.t(&format!("agreement-kind-{k}")),
            selected: false,
        })
        .collect();
    ui.render(&AgreementsTemplate {
        page: ui.page("agreements-title", "/documentation/agreements"),
        agreements,
        can_write,
        source_opts,
        kinds,
    })
}

pub struct CommitmentLine {
    pub id: i64,
    pub statement: String,
    pub owed_by: String,
    pub owed_by_id: i64,
    pub owed_to: String,
    pub term: String,
    pub status: StatusLine,
}

fn commitment_line(tr: &Tr, k: &CommitmentSummary) -> CommitmentLine {
    CommitmentLine {
        id: k.row.commitment_id,
        statement: k.row.statement.clone(),
        owed_by: k.owed_by.clone(),
        owed_by_id: k.row.owed_by_id,
        owed_to: k.owed_to.clone().unwrap_or_default(),
        term: term_text(tr, k),
        status: status_line(tr, &k.status, k.row.commitment_id),
    }
}

#[derive(Template)]
#[template(path = "agreement.html")]
pub struct AgreementTemplate {
    pub page: PageCtx,
    pub row: AgreementRow,
    pub kind: String,
    pub made: String,
    pub parties: Vec<String>,
    pub signatories: Vec<SignatoryRow>,
    pub sources: Vec<(i64, String)>,
    pub as_of: String,
    pub as_of_text: String,
    pub commitments: Vec<CommitmentLine>,
    pub can_write: bool,
    pub category_opts: Vec<Opt>,
    pub terms: Vec<Opt>,
}

pub async fn agreement(
    ui: Ui,
    Path(id): Path<i64>,
    Query(q): Query<AsOfQuery>,
) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let (day, as_of) = as_of(&ui, &q, &format!("/documentation/agreements/{id}"))?;
    let a = acts::get_agreement(&ui.app, &cap, id, day).await?;
    let mut page = ui.page("agreements-title", "/documentation/agreements");
    page.title.clone_from(&a.row.title);
    let can_write = ui.session.actor.can(Perm::WriteDocumentation);
    let terms = TERMS
        .iter()
        .map(|k| Opt {
            value: (*k).to_string(),
            label: tr.t(&format!("term-kind-{k}")),
            selected: false,
        })
        .collect();
    ui.render(&AgreementTemplate {
        can_write,
        category_opts: choice_opts::<Category>(&tr, ""),
        terms,
        kind: tr.t(&format!("agreement-kind-{}", a.row.kind)),
        made: date(&tr, a.row.made_on),
        commitments: a
            .commitments
            .iter()
            .map(|k| commitment_line(&tr, k))
            .collect(),
        sources: a
            .sources
            .iter()
            .map(|s| (s.source_id, s.locator.clone()))
            .collect(),
        parties: a.parties,
        signatories: a.signatories,
        row: a.row,
        as_of_text: date(&tr, day),
        as_of,
        page,
    })
}

pub struct ObservationLine {
    pub o: ObservationRow,
    pub on: String,
    pub outcome: String,
}

pub struct HistoryLine {
    pub at: String,
    pub iso: String,
    pub status: StatusLine,
}

#[derive(Template)]
#[template(path = "commitment.html")]
pub struct CommitmentTemplate {
    pub page: PageCtx,
    pub k: CommitmentLine,
    pub agreement: AgreementRow,
    pub in_force: String,
    pub as_of: String,
    pub as_of_text: String,
    pub observations: Vec<ObservationLine>,
    pub history: Vec<HistoryLine>,
    pub can_write: bool,
    pub source_opts: Vec<Opt>,
    pub presence: Option<PresenceLines>,
}

/// A presence term's coverage in words: hours present of hours promised, the longest
/// gaps, the incidents while no monitor was there.
pub struct PresenceLines {
    pub coverage: String,
    pub gaps: Vec<String>,
    pub incidents: Vec<i64>,
}

pub async fn commitment(
    ui: Ui,
    Path(id): Path<i64>,
    Query(q): Query<AsOfQuery>,
) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let (day, as_of) = as_of(&ui, &q, &format!("/documentation/commitments/{id}"))?;
    let d = acts::get_commitment(&ui.app, &cap, id, day).await?;
    let mut page = ui.page("agreements-title", "/documentation/agreements");
    page.title = tr.t_args("commitment-heading", &[("id", Arg::Num(id))]);
    let from = date(&tr, d.summary.row.in_force_from);
    let in_force = match d.summary.row.in_force_until {
        Some(u) => tr.t_args(
            "commitment-in-force-until",
            &[
                ("from", from.as_str().into()),
                ("until", date(&tr, u).as_str().into()),
            ],
        ),
        None => tr.t_args(
            "commitment-in-force-open",
            &[("from", from.as_str().into())],
        ),
    };
    let history = d
        .history
        .iter()
        .map(|h| {
            let view = StatusView {
                status: h.status,
                share_permille: h.share_permille,
                since: h.at,
                deciding: h.deciding.clone(),
                deciding_more: 0,
            };
            HistoryLine {
                at: date(&tr, h.at),
                iso: iso(h.at),
                status: status_line(&tr, &view, id),
            }
        })
        .collect();
    let observations = d
        .observations
        .iter()
        .map(|o| ObservationLine {
            on: date(&tr, o.observed_on),
            outcome: status_text(
                &tr,
                &format!("observed-{}", o.outcome),
                o.share_permille.filter(|_| o.outcome == "partly"),
            ),
            o: o.clone(),
        })
        .collect();
    let (can_write, source_opts) = source_opts(&ui, &cap).await?;
    // Whole hours, rounded: the day asked ends a millisecond before midnight.
    let hours = |ms: i64| Arg::Num((ms + 1_800_000) / 3_600_000);
    let presence = d.presence.as_ref().map(|p| PresenceLines {
        coverage: tr.t_args(
            "presence-coverage",
            &[
                ("present", hours(p.present_ms)),
                ("span", hours(p.span_ms)),
                ("share", Arg::Num(p.coverage_permille / 10)),
            ],
        ),
        gaps: p
            .longest_gaps
            .iter()
            .map(|g| {
                tr.t_args(
                    "presence-gap",
                    &[
                        ("from", date(&tr, g.from).as_str().into()),
                        ("until", date(&tr, g.until).as_str().into()),
                        ("hours", hours(g.until - g.from)),
                    ],
                )
            })
            .collect(),
        incidents: p.unmonitored_incidents.clone(),
    });
    ui.render(&CommitmentTemplate {
        presence,
        can_write,
        source_opts,
        k: commitment_line(&tr, &d.summary),
        agreement: d.agreement,
        in_force,
        as_of_text: date(&tr, day),
        as_of,
        observations,
        history,
        page,
    })
}
