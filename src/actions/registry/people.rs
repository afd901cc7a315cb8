//! People and households: registering, changing, moving (with their dated history),
//! grouping into households, and listing without personal data. Registering or
//! changing a person raises duplicate and watch-list flags (`matches`); a record merged
//! into another leads to the one it joined. The audited view of personal data is in
//! `personal`.

use serde_json::json;

pub use super::personal::{view_personal, MergedPersonal, PersonPersonal};
use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ReadRecord, WriteRegistry};
use crate::domain::matching::document_key;
use crate::domain::names::name_key;
use crate::domain::person::{Choice, PersonInput, PersonStatus, Relationship, Secret};
use crate::store::matching::MERGED;
use crate::store::people::{HistoryRow, PersonRow, Plain, Sealed};
use crate::store::{self, Conn};

const TABLE: &str = "people";

pub use super::register::{register, register_in, register_many, Placement, Registered};

pub(super) fn plain<'a>(p: &'a PersonInput, langs: &'a str) -> Plain<'a> {
    Plain {
        external_id: p.external_id.as_deref(),
        site_id: None,
        household_id: None,
        relationship: "other",
        status: PersonStatus::Present.as_str(),
        sex: p.sex.as_str(),
        birth_year: p.birth_year,
        nationality: p.nationality.as_ref().map(|c| c.as_str()),
        languages: langs,
        protection: p.protection.as_str(),
    }
}

pub(super) fn seal(app: &App, id: i64, p: &PersonInput) -> Sealed {
    let s = |col: &str, v: &Option<Secret>| {
        v.as_ref()
            .map(|v| app.keys.seal(TABLE, col, id, v.expose()))
    };
    let name_tag = |v: &Option<Secret>| {
        v.as_ref()
            .map(|n| name_key(n.expose()))
            .filter(|k| !k.is_empty())
            .map(|k| app.keys.blind_index("person-name", &k))
    };
    Sealed {
        name_latin: s("name_latin", &p.name_latin),
        name_original: s("name_original", &p.name_original),
        birth_date: s("birth_date", &p.birth_date),
        document: s("document", &p.document),
        phone: s("phone", &p.phone),
        notes: s("notes", &p.notes),
        name_key_latin: name_tag(&p.name_latin),
        name_key_original: name_tag(&p.name_original),
        document_key: p.document.as_ref().map(|d| {
            app.keys
                .blind_index("person-document", &document_key(d.expose()))
        }),
    }
}

pub(super) fn personal_details(p: &PersonInput) -> serde_json::Value {
    let e = |v: &Option<Secret>| v.as_ref().map(|s| s.expose().to_string());
    json!({
        "external_id": p.external_id, "name_latin": e(&p.name_latin), "name_original": e(&p.name_original),
        "birth_date": e(&p.birth_date), "birth_year": p.birth_year, "document": e(&p.document),
        "phone": e(&p.phone), "notes": e(&p.notes), "sex": p.sex.as_str(),
        "nationality": p.nationality.as_ref().map(|c| c.as_str()), "languages": p.languages,
        "protection": p.protection.as_str(),
        "needs": p.vulnerabilities.iter().map(|(k, u)| format!("{}:{}", k.as_str(), u.as_str())).collect::<Vec<_>>(),
    })
}

/// A merged record is a tombstone: it changes no more.
fn refuse_merged(p: &PersonRow) -> Result<()> {
    if p.status == MERGED {
        return Err(ActionError::Refused(
            "this record was merged into another; change that one",
        ));
    }
    Ok(())
}

/// Replaces a person's descriptive and personal fields (not place or status), and
/// flags possible duplicates under the new fields; returns the open flags.
pub async fn update_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteRegistry>,
    id: i64,
    p: &PersonInput,
) -> Result<Vec<super::matches::Found>> {
    let now = app.now();
    let before = store::people::get(c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    refuse_merged(&before)?;
    let langs = p.languages.join(",");
    store::people::update_plain(c, id, &plain(p, &langs), now).await?;
    store::people::set_sealed(c, id, &seal(app, id, p)).await?;
    let needs: Vec<(&str, &str)> = p
        .vulnerabilities
        .iter()
        .map(|(k, u)| (k.as_str(), u.as_str()))
        .collect();
    store::people::replace_needs(c, id, &needs).await?;
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action: "person.update",
            object_type: "person",
            object_id: id.to_string(),
            summary: "descriptive and personal fields replaced".into(),
            details: personal_details(p),
        },
    )
    .await?;
    super::matches::flag_in(c, app, cap.actor(), id).await
}

pub async fn update(app: &App, cap: &Cap<WriteRegistry>, id: i64, p: &PersonInput) -> Result<()> {
    let mut tx = app.store.write().await?;
    update_in(&mut tx, app, cap, id, p).await?;
    tx.commit().await?;
    Ok(())
}

/// A dated change of status and place.
#[derive(Debug, Clone)]
pub struct Move {
    pub status: PersonStatus,
    pub site_id: Option<i64>,
    pub effective_at: i64,
    /// Why, in words that hold no personal data ("convoy 5", "resettled to ALB").
    pub reason: String,
}

/// Whom a move applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The person alone; refused if it would leave the household split between places.
    Person,
    /// Every member of the person's household (a household moves together).
    Household,
    /// The person alone, splitting the household knowingly (recorded in the trail).
    PersonSplittingHousehold,
}

/// Moves a person (or their whole household); returns the ids of those moved.
pub async fn move_person(
    app: &App,
    cap: &Cap<WriteRegistry>,
    id: i64,
    m: &Move,
    scope: Scope,
) -> Result<Vec<i64>> {
    let mut tx = app.store.write().await?;
    let moved = move_in(&mut tx, app, cap, id, m, scope).await?;
    tx.commit().await?;
    Ok(moved)
}

pub async fn move_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteRegistry>,
    id: i64,
    m: &Move,
    scope: Scope,
) -> Result<Vec<i64>> {
    let now = app.now();
    let person = store::people::get(c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    refuse_merged(&person)?;
    if m.reason.chars().count() > 200 {
        return Err(crate::domain::Invalid::new(
            "reason",
            "invalid-text-length",
            "must be at most 200 characters",
        )
        .into());
    }
    let members = match person.household_id {
        Some(h) => store::people::in_household(c, h).await?,
        None => vec![person.clone()],
    };
    let movers: Vec<&PersonRow> = match scope {
        Scope::Household => members.iter().collect(),
        Scope::Person | Scope::PersonSplittingHousehold => {
            members.iter().filter(|p| p.person_id == id).collect()
        }
    };
    let stays_apart = members
        .iter()
        .filter(|p| !movers.iter().any(|mv| mv.person_id == p.person_id))
        .any(|p| p.site_id != m.site_id && p.status == PersonStatus::Present.as_str());
    if scope == Scope::Person && stays_apart {
        return Err(ActionError::Refused("this would split the household"));
    }
    let mut moved = Vec::new();
    for p in movers {
        store::people::set_place(c, p.person_id, m.site_id, m.status.as_str(), now).await?;
        store::people::add_history(
            c,
            p.person_id,
            m.status.as_str(),
            m.site_id,
            m.effective_at,
            now,
            &m.reason,
        )
        .await?;
        audit(
            c,
            app,
            cap.actor(),
            Event {
                action: "person.move",
                object_type: "person",
                object_id: p.person_id.to_string(),
                summary: format!(
                    "{} → {} at site {}{}; {}",
                    p.status,
                    m.status.as_str(),
                    m.site_id.map_or("-".into(), |s| s.to_string()),
                    if scope == Scope::PersonSplittingHousehold && stays_apart {
                        " (household split)"
                    } else {
                        ""
                    },
                    m.reason
                ),
                details: json!({ "effective_at": m.effective_at }),
            },
        )
        .await?;
        moved.push(p.person_id);
    }
    if let (Some(h), Scope::Household) = (person.household_id, scope) {
        store::households::set_site(c, h, m.site_id, now).await?;
    }
    Ok(moved)
}

/// Adds a person to a household (or a new one), audited.
pub async fn join_household(
    app: &App,
    cap: &Cap<WriteRegistry>,
    id: i64,
    household_id: Option<i64>,
    relationship: Relationship,
) -> Result<i64> {
    let now = app.now();
    let mut tx = app.store.write().await?;
    let person = store::people::get(&mut tx, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    refuse_merged(&person)?;
    let hh = match household_id {
        Some(h) => {
            store::households::get(&mut tx, h)
                .await?
                .ok_or(ActionError::NotFound)?
                .household_id
        }
        None => {
            let ids =
                super::register::found_households(&mut tx, &[(None, person.site_id)], now).await?;
            ids.first().copied().ok_or(ActionError::NotFound)?
        }
    };
    store::people::set_household(&mut tx, id, Some(hh), relationship.as_str(), now).await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "person.join_household",
            object_type: "person",
            object_id: id.to_string(),
            summary: format!("household={hh} relationship={}", relationship.as_str()),
            details: serde_json::Value::Null,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(hh)
}

/// People whose name, in any spelling or script, has the same name key as `name`
/// (`Mohammad` finds `Muhammad` and `محمد`), through the blind index: the database
/// never sees the name. Only the registrar may search by name; the search is audited
/// without the name.
pub async fn find_by_name(
    app: &App,
    cap: &Cap<crate::auth::capability::ViewPersonalData>,
    name: &str,
) -> Result<Vec<PersonRow>> {
    if cap.actor().role != crate::domain::Role::Registrar {
        return Ok(Vec::new());
    }
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(crate::domain::Invalid::new(
            "name",
            "invalid-text-length",
            "give a name of at most 200 characters",
        )
        .into());
    }
    // Whole names only: the index holds one tag per full name, so a single part of a
    // longer name cannot be looked up without storing more about the name.
    let key = name_key(name);
    let tags: Vec<String> = [key]
        .iter()
        .filter(|k| !k.is_empty())
        .map(|k| app.keys.blind_index("person-name", k))
        .collect();
    let mut tx = app.store.write().await?;
    let found = store::people::by_name_tags(&mut tx, &tags, 200).await?;
    audit(
        &mut tx,
        app,
        cap.actor(),
        Event {
            action: "person.search_by_name",
            object_type: "person",
            object_id: "*".into(),
            summary: format!("{} match(es)", found.len()),
            details: json!({ "name": name }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(found)
}

/// The id of the household with public code `code`.
pub async fn household_by_code(
    app: &App,
    _cap: &Cap<WriteRegistry>,
    code: &str,
) -> Result<Option<i64>> {
    let mut c = app.store.read().await?;
    Ok(
        store::households::by_code(&mut c, &code.trim().to_ascii_uppercase())
            .await?
            .map(|h| h.household_id),
    )
}

/// A person as every reader of the record sees them: codes, no personal data.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PersonDetail {
    #[serde(flatten)]
    pub person: PersonRow,
    pub household_code: Option<String>,
    /// Other members of the household: (person code, relationship).
    pub household: Vec<(String, String)>,
    /// (need, urgency).
    pub needs: Vec<(String, String)>,
    pub history: Vec<HistoryRow>,
    /// Codes of records found to be this same person and merged into this one.
    pub merged_from: Vec<String>,
}

/// A person by id. A record that was merged into another leads to the one it joined:
/// the answer is that person's (compare `person.person_id` with the id asked for).
pub async fn get(app: &App, _cap: &Cap<ReadRecord>, id: i64) -> Result<PersonDetail> {
    let mut c = app.store.read().await?;
    store::people::get(&mut c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let id = store::matching::survivor(&mut c, id).await?;
    let person = store::people::get(&mut c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let (household_code, household) = match person.household_id {
        Some(h) => {
            let code = store::households::get(&mut c, h).await?.map(|hh| hh.code);
            let members = store::people::in_household(&mut c, h).await?;
            (
                code,
                members
                    .into_iter()
                    .filter(|m| m.person_id != id)
                    .map(|m| (m.code, m.relationship))
                    .collect(),
            )
        }
        None => (None, Vec::new()),
    };
    Ok(PersonDetail {
        needs: store::people::needs(&mut c, id).await?,
        history: store::people::history(&mut c, id).await?,
        merged_from: store::matching::merged_into(&mut c, id)
            .await?
            .into_iter()
            .map(|(_, code, _)| code)
            .collect(),
        person,
        household_code,
        household,
    })
}

/// The id of the person with this code (a merged record's code leads to its survivor).
pub async fn by_code(app: &App, _cap: &Cap<ReadRecord>, code: &str) -> Result<Option<i64>> {
    let mut c = app.store.read().await?;
    match store::people::by_code(&mut c, code).await? {
        Some(p) => Ok(Some(store::matching::survivor(&mut c, p.person_id).await?)),
        None => Ok(None),
    }
}

pub const PAGE: i64 = 50;

/// A page of the registry (keyset pagination by id) and the cursor of the next.
pub async fn list(
    app: &App,
    _cap: &Cap<ReadRecord>,
    f: &store::people::Filter,
) -> Result<(Vec<PersonRow>, Option<i64>)> {
    let mut c = app.store.read().await?;
    let site_id = match f.site.as_deref().filter(|s| !s.is_empty()) {
        Some(code) => match store::sites::by_code(&mut c, &code.to_ascii_uppercase()).await? {
            Some(s) => Some(s.site_id),
            None => return Ok((Vec::new(), None)),
        },
        None => None,
    };
    // A merged record's code finds the record it joined.
    let mut f = f.clone();
    if let Some(code) = f.code.as_deref().filter(|s| !s.is_empty()) {
        if let Some(p) = store::people::by_code(&mut c, code).await? {
            let id = store::matching::survivor(&mut c, p.person_id).await?;
            if id != p.person_id {
                f.code = store::people::get(&mut c, id).await?.map(|p| p.code);
            }
        }
    }
    let mut rows = store::people::list(&mut c, &f, site_id, PAGE + 1).await?;
    let next = if rows.len() as i64 > PAGE {
        rows.truncate(PAGE as usize);
        rows.last().map(|p| p.person_id)
    } else {
        None
    };
    Ok((rows, next))
}
