//! Organisations and sources: the lists (organisations searchable by any spelling of
//! their names), each one's page, and the documenter's forms to add them.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::page::{done, PageCtx, Ui};
use super::people::Opt;
use crate::actions::documentation::sources::{self, Source, SourceDetail};
use crate::actions::documentation::{self as doc, Organisation, OrganisationDetail};
use crate::auth::capability::{ReadRecord, WriteDocumentation};
use crate::domain::person::Choice;
use crate::domain::source::{
    parse_aliases, Affiliation, OrgKind, OrganisationInput, Reliability, SourceInput, SourceKind,
    SourceText,
};
use crate::domain::{Invalid, Perm};
use crate::i18n::Tr;
use crate::web::error::UiError;
use crate::web::extract::SignedInForm;
use crate::web::AppState;

/// The options of a choice, labelled in the language.
pub fn choice_opts<C: Choice>(tr: &Tr, selected: &str) -> Vec<Opt> {
    C::ALL
        .iter()
        .map(|c| Opt {
            value: c.as_str().to_string(),
            label: tr.t(&c.message_id()),
            selected: c.as_str() == selected,
        })
        .collect()
}

/// A stored choice's label, or the stored text when it is not one.
pub fn label<C: Choice>(tr: &Tr, stored: &str) -> String {
    C::parse(stored).map_or_else(|_| stored.to_string(), |c| tr.t(&c.message_id()))
}

pub fn reliability_opts(tr: &Tr) -> Vec<Opt> {
    Reliability::ALL
        .iter()
        .filter_map(|c| Reliability::parse(&c.to_string()).ok())
        .map(|r| Opt {
            value: r.as_str(),
            label: format!("{} — {}", r.letter(), tr.t(&r.message_id())),
            selected: false,
        })
        .collect()
}

/// "B — usually reliable".
pub fn reliability_label(tr: &Tr, stored: &str) -> String {
    Reliability::parse(stored).map_or_else(
        |_| stored.to_string(),
        |r| format!("{} — {}", r.letter(), tr.t(&r.message_id())),
    )
}

fn invalid(to: &str) -> impl FnOnce(Invalid) -> UiError {
    let to = to.to_string();
    move |i| UiError::back(to)(i.into())
}

#[derive(serde::Deserialize, Default)]
pub struct OrgQuery {
    #[serde(default)]
    q: String,
}

#[derive(Template)]
#[template(path = "organisations.html")]
pub struct OrganisationsTemplate {
    pub page: PageCtx,
    pub orgs: Vec<(Organisation, String)>,
    pub q: String,
    pub can_write: bool,
    pub kinds: Vec<Opt>,
}

pub async fn organisations(ui: Ui, Query(q): Query<OrgQuery>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let orgs = doc::list_orgs(&ui.app, &cap, Some(&q.q))
        .await?
        .into_iter()
        .map(|o| {
            let kind = label::<OrgKind>(&tr, &o.row.kind);
            (o, kind)
        })
        .collect();
    ui.render(&OrganisationsTemplate {
        page: ui.page("orgs-title", "/documentation/organisations"),
        orgs,
        q: q.q,
        can_write: ui.session.actor.can(Perm::WriteDocumentation),
        kinds: choice_opts::<OrgKind>(&tr, ""),
    })
}

#[derive(serde::Deserialize)]
pub struct OrgForm {
    #[serde(default)]
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) org_kind: String,
    #[serde(default)]
    pub(crate) aliases: String,
}

pub async fn create_org(
    State(app): State<AppState>,
    f: SignedInForm<OrgForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = "/documentation/organisations";
    let input = OrganisationInput::parse(&f.form.name, &f.form.org_kind, &f.form.aliases)
        .map_err(invalid(to))?;
    let id = doc::create_org(&app, &cap, &input)
        .await
        .map_err(UiError::back(to))?;
    Ok(Redirect::to(&format!("/documentation/organisations/{id}")).into_response())
}

#[derive(Template)]
#[template(path = "organisation.html")]
pub struct OrganisationTemplate {
    pub page: PageCtx,
    pub o: OrganisationDetail,
    pub kind: String,
    pub can_write: bool,
    /// The edit form: kinds with its own selected, and its other spellings one a line.
    pub kinds: Vec<Opt>,
    pub aliases_text: String,
    /// Its earlier versions, each in a sentence.
    pub revisions: Vec<String>,
}

pub async fn organisation(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let o = doc::get_org(&ui.app, &cap, id).await?;
    let mut page = ui.page("orgs-title", "/documentation/organisations");
    page.title.clone_from(&o.org.row.name);
    let aliases_text = o
        .org
        .aliases
        .iter()
        .filter(|a| **a != o.org.row.name)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    ui.render(&OrganisationTemplate {
        page,
        kinds: choice_opts::<OrgKind>(&tr, &o.org.row.kind),
        aliases_text,
        revisions: super::corrections::revision_lines(&tr, &o.revisions),
        kind: label::<OrgKind>(&tr, &o.org.row.kind),
        o,
        can_write: ui.session.actor.can(Perm::WriteDocumentation),
    })
}

#[derive(serde::Deserialize)]
pub struct AliasForm {
    #[serde(default)]
    aliases: String,
}

pub async fn add_aliases(
    State(app): State<AppState>,
    Path(id): Path<i64>,
    f: SignedInForm<AliasForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = format!("/documentation/organisations/{id}");
    let aliases = parse_aliases(&f.form.aliases).map_err(invalid(&to))?;
    doc::add_aliases(&app, &cap, id, &aliases)
        .await
        .map_err(UiError::back(&to))?;
    Ok(done(&to, "flash-saved"))
}

/// A source as listed: with its labels in the language.
pub struct SourceLine {
    pub s: Source,
    pub kind: String,
    pub affiliation: String,
    pub reliability: String,
    pub published: String,
}

fn source_line(tr: &Tr, s: Source) -> SourceLine {
    SourceLine {
        kind: label::<SourceKind>(tr, &s.row.kind),
        affiliation: label::<Affiliation>(tr, &s.row.affiliation),
        reliability: reliability_label(tr, &s.row.reliability),
        published: s
            .row
            .published_on
            .map_or_else(|| "—".to_string(), |ms| tr.date(ms.div_euclid(1000))),
        s,
    }
}

#[derive(Template)]
#[template(path = "sources.html")]
pub struct SourcesTemplate {
    pub page: PageCtx,
    pub sources: Vec<SourceLine>,
    pub can_write: bool,
    pub kinds: Vec<Opt>,
    pub affiliations: Vec<Opt>,
    pub grades: Vec<Opt>,
}

pub async fn sources(ui: Ui) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let sources = sources::list(&ui.app, &cap)
        .await?
        .into_iter()
        .map(|s| source_line(&tr, s))
        .collect();
    ui.render(&SourcesTemplate {
        page: ui.page("sources-title", "/documentation/sources"),
        sources,
        can_write: ui.session.actor.can(Perm::WriteDocumentation),
        kinds: choice_opts::<SourceKind>(&tr, "article"),
        affiliations: choice_opts::<Affiliation>(&tr, "independent"),
        grades: reliability_opts(&tr),
    })
}

#[derive(serde::Deserialize)]
pub struct SourceForm {
    #[serde(default)]
    pub(crate) source_kind: String,
    #[serde(default)]
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) publisher: String,
    #[serde(default)]
    pub(crate) author: String,
    #[serde(default)]
    pub(crate) published_on: String,
    #[serde(default)]
    pub(crate) language: String,
    #[serde(default)]
    pub(crate) url: String,
    #[serde(default)]
    pub(crate) affiliation: String,
    #[serde(default)]
    pub(crate) aligned_with: String,
    #[serde(default)]
    pub(crate) reliability: String,
    #[serde(default)]
    pub(crate) reliability_reason: String,
}

impl SourceForm {
    pub(crate) fn input(&self) -> Result<SourceInput, Invalid> {
        SourceInput::parse(&SourceText {
            kind: &self.source_kind,
            title: &self.title,
            publisher: &self.publisher,
            author: &self.author,
            published_on: &self.published_on,
            language: &self.language,
            url: &self.url,
            affiliation: &self.affiliation,
            aligned_with: &self.aligned_with,
            reliability: &self.reliability,
            reliability_reason: &self.reliability_reason,
        })
    }
}

pub async fn create_source(
    State(app): State<AppState>,
    f: SignedInForm<SourceForm>,
) -> Result<Response, UiError> {
    let cap = f.session.actor.grant::<WriteDocumentation>()?;
    let to = "/documentation/sources";
    let input = f.form.input().map_err(invalid(to))?;
    let id = sources::create(&app, &cap, &input)
        .await
        .map_err(UiError::back(to))?;
    Ok(Redirect::to(&format!("/documentation/sources/{id}")).into_response())
}

/// A claim of a source, as its page lists it.
pub struct SourceClaim {
    pub incident_id: Option<i64>,
    /// Said when the claim was retracted (empty when it stands).
    pub retracted: String,
    pub locator: String,
    pub statement: String,
    pub values: String,
    pub credibility: String,
}

#[derive(Template)]
#[template(path = "source.html")]
pub struct SourceTemplate {
    pub page: PageCtx,
    pub s: SourceLine,
    pub claims: Vec<SourceClaim>,
    /// The documenter may correct or retract it (it stands).
    pub can_write: bool,
    /// Said when the source was retracted (empty when it stands).
    pub retracted: String,
    /// The edit form's choices, the source's own selected, and its day as typed.
    pub kinds: Vec<Opt>,
    pub affiliations: Vec<Opt>,
    pub grades: Vec<Opt>,
    pub published_on: String,
    /// Its earlier versions, each in a sentence.
    pub revisions: Vec<String>,
    /// The document's imported text, if any.
    pub text: Option<crate::store::source_texts::SourceTextRow>,
}

/// "killed 35 · injured 300", in the language.
pub fn values_text(tr: &Tr, values: &[crate::store::sources::ValueRow]) -> String {
    values
        .iter()
        .map(|v| {
            format!(
                "{} {}",
                label::<crate::domain::incident::Act>(tr, &v.measure),
                tr.num(v.value)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn credibility_label(tr: &Tr, n: i64) -> String {
    crate::domain::source::Credibility::from_stored(n).map_or_else(
        || n.to_string(),
        |c| format!("{} — {}", tr.num(n), tr.t(&c.message_id())),
    )
}

pub async fn source(ui: Ui, Path(id): Path<i64>) -> Result<Response, UiError> {
    let cap = ui.session.actor.grant::<ReadRecord>()?;
    let tr = ui.tr();
    let SourceDetail {
        source,
        claims,
        revisions,
    } = sources::get(&ui.app, &cap, id).await?;
    let mut page = ui.page("sources-title", "/documentation/sources");
    page.title.clone_from(&source.row.title);
    let claims = claims
        .into_iter()
        .map(|c| SourceClaim {
            incident_id: c.row.incident_id,
            retracted: super::incidents::retracted_note(
                &tr,
                c.row.retracted_at,
                &c.row.retracted_by,
                &c.row.retraction_reason,
            ),
            values: values_text(&tr, &c.values),
            credibility: credibility_label(&tr, c.row.credibility),
            locator: c.row.locator,
            statement: c.row.statement,
        })
        .collect();
    let row = &source.row;
    let mut grades = reliability_opts(&tr);
    for g in &mut grades {
        g.selected = g.value == row.reliability;
    }
    let text = crate::actions::documentation::source_text::text_of(&ui.app, id).await?;
    ui.render(&SourceTemplate {
        page,
        can_write: ui.session.actor.can(Perm::WriteDocumentation) && row.retracted_at.is_none(),
        retracted: super::incidents::retracted_note(
            &tr,
            row.retracted_at,
            &row.retracted_by,
            &row.retraction_reason,
        ),
        kinds: choice_opts::<SourceKind>(&tr, &row.kind),
        affiliations: choice_opts::<Affiliation>(&tr, &row.affiliation),
        grades,
        published_on: row
            .published_on
            .map(|ms| crate::clock::rfc3339(ms).chars().take(10).collect())
            .unwrap_or_default(),
        s: source_line(&tr, source),
        claims,
        revisions: super::corrections::revision_lines(&tr, &revisions),
        text,
    })
}
