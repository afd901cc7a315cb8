//! Registering people: one at a time (the form, the API) or thousands in one
//! transaction (an import batch, the demo) through the same code. Each table is
//! written with a few multi-row statements, ids and codes are handed out before the
//! insert, and the audit entries are chained in memory and written together, so a
//! batch of two thousand people costs about as many round trips to the database as
//! one person does. Every person still gets their own audit entry and history line.

use std::collections::HashSet;

use super::people::{personal_details, plain, seal};
use crate::actions::{audit_many, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, WriteRegistry};
use crate::domain::person::{
    household_code, Choice, PersonCode, PersonInput, PersonStatus, Relationship,
};
use crate::store::households::NewHousehold;
use crate::store::matching::Candidate;
use crate::store::people::{NewHistory, NewPerson, Sealed};
use crate::store::{self, Conn, IdTable};

/// Where a newly registered person goes.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    pub site_id: Option<i64>,
    /// An existing household, or a new one when `new_household` is set.
    pub household_id: Option<i64>,
    pub new_household: bool,
    pub relationship: Option<Relationship>,
    /// When the person arrived at the site (epoch ms); default: now.
    pub effective_at: Option<i64>,
}

/// The outcome of a registration.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Registered {
    pub person_id: i64,
    pub code: String,
    pub household_id: Option<i64>,
    /// Codes of people who may be the same person (same document, or same name key with
    /// a compatible birth year): each has an open flag in the registrar's queue.
    pub possible_duplicates: Vec<String>,
    /// The open flags that concern this person, watch-list matches included.
    pub flags: Vec<i64>,
}

pub async fn register(
    app: &App,
    cap: &Cap<WriteRegistry>,
    p: &PersonInput,
    place: &Placement,
) -> Result<Registered> {
    let mut tx = app.store.write().await?;
    let r = register_in(&mut tx, app, cap, p, place).await?;
    tx.commit().await?;
    Ok(r)
}

/// Registers one person inside the caller's transaction.
pub async fn register_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteRegistry>,
    p: &PersonInput,
    place: &Placement,
) -> Result<Registered> {
    register_many(c, app, cap, &[(p, place.clone())])
        .await?
        .pop()
        .ok_or_else(|| ActionError::Internal("registration wrote no one".into()))
}

/// Registers everyone in `rows` inside the caller's transaction, in order: people,
/// needs, history, one `person.register` audit entry each, then the duplicate and
/// watch-list flags their names and documents raise (within the batch too).
pub async fn register_many(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteRegistry>,
    rows: &[(&PersonInput, Placement)],
) -> Result<Vec<Registered>> {
    register_many_sealed(c, app, cap, rows, None).await
}

/// The sealed fields of people sealed ahead of their transaction, for the ids that
/// were expected to be free from `first` on.
pub struct Presealed {
    pub first: i64,
    pub sealed: Vec<Sealed>,
}

/// [`register_many`] with the rows' fields perhaps sealed ahead (an import seals the
/// next batch while the database writes this one). They are used only if they were
/// sealed for exactly these rows under exactly the ids handed out now — the sealed
/// data is bound to its row id — and sealed afresh otherwise.
pub async fn register_many_sealed(
    c: &mut Conn,
    app: &App,
    cap: &Cap<WriteRegistry>,
    rows: &[(&PersonInput, Placement)],
    presealed: Option<Presealed>,
) -> Result<Vec<Registered>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let now = app.now();
    let codes = free_codes(c, rows.len(), Codes::People).await?;

    // Households founded by these registrations.
    let founding: Vec<(Option<&str>, Option<i64>)> = rows
        .iter()
        .filter(|(_, pl)| pl.new_household)
        .map(|(_, pl)| (None, pl.site_id))
        .collect();
    let mut founded = found_households(c, &founding, now).await?.into_iter();
    let household_of: Vec<Option<i64>> = rows
        .iter()
        .map(|(_, place)| match place.new_household {
            true => founded.next(),
            false => place.household_id,
        })
        .collect();

    let first = store::next_id(c, IdTable::People).await?;
    let sealed = match presealed {
        Some(p) if p.first == first && p.sealed.len() == rows.len() => p.sealed,
        _ => seal_all(app, first, rows)?,
    };
    let mut sealed = sealed.into_iter();
    let langs: Vec<String> = rows.iter().map(|(p, _)| p.languages.join(",")).collect();
    let mut people = Vec::with_capacity(rows.len());
    let mut needs = Vec::new();
    let mut history = Vec::with_capacity(rows.len());
    let mut events = Vec::with_capacity(rows.len());
    let ids = (first..).take(rows.len());
    for (((((p, place), code), langs), household_id), id) in rows
        .iter()
        .zip(&codes)
        .zip(&langs)
        .zip(&household_of)
        .zip(ids)
    {
        let relationship = place.relationship.unwrap_or(if place.new_household {
            Relationship::Head
        } else {
            Relationship::Other
        });
        let mut row = plain(p, langs);
        row.site_id = place.site_id;
        row.household_id = *household_id;
        row.relationship = relationship.as_str();
        people.push(NewPerson {
            id,
            code,
            plain: row,
            sealed: sealed
                .next()
                .ok_or_else(|| ActionError::Internal("a row was not sealed".into()))?,
        });
        needs.extend(
            p.vulnerabilities
                .iter()
                .map(|(k, u)| (id, k.as_str(), u.as_str())),
        );
        history.push(NewHistory {
            person_id: id,
            status: PersonStatus::Present.as_str(),
            site_id: place.site_id,
            effective_at: place.effective_at.unwrap_or(now),
            reason: "registered",
        });
        events.push(Event {
            action: "person.register",
            object_type: "person",
            object_id: id.to_string(),
            summary: format!(
                "code={code} site={} household={}",
                place.site_id.map_or("-".into(), |s| s.to_string()),
                household_id.map_or("-".into(), |h| h.to_string()),
            ),
            details: personal_details(p),
        });
    }
    store::people::insert_many(c, &people, now).await?;
    store::people::insert_needs_many(c, &needs).await?;
    store::people::add_history_many(c, &history, now).await?;
    // The registrations' entries first, then the flags', so the trail reads in order.
    audit_many(c, app, cap.actor(), events).await?;
    // What matching needs of these people is in memory: no need to read it back.
    let facts: Vec<Candidate> = people
        .iter()
        .map(|p| Candidate {
            person_id: p.id,
            code: p.code.to_string(),
            status: p.plain.status.to_string(),
            birth_year: p.plain.birth_year,
            sex: p.plain.sex.to_string(),
            name_key_latin: p.sealed.name_key_latin.clone(),
            name_key_original: p.sealed.name_key_original.clone(),
            document_key: p.sealed.document_key.clone(),
        })
        .collect();
    let flags = super::matches::flag_new(c, app, cap.actor(), facts).await?;
    Ok(people
        .iter()
        .zip(household_of)
        .zip(flags)
        .map(|((p, household_id), found)| Registered {
            person_id: p.id,
            code: p.code.to_string(),
            household_id,
            possible_duplicates: found.iter().filter_map(|f| f.other.clone()).collect(),
            flags: found.iter().map(|f| f.flag_id).collect(),
        })
        .collect())
}

/// The sealed fields and blind-index tags of `rows`, whose ids start at `first`.
/// Sealing and name keys are most of a registration's own work, so a batch is shared
/// among the machine's cores (the database is idle meanwhile: it waits for these rows).
fn seal_all(app: &App, first: i64, rows: &[(&PersonInput, Placement)]) -> Result<Vec<Sealed>> {
    let seal_run = |from: usize, part: &[(&PersonInput, Placement)]| -> Vec<Sealed> {
        (first.saturating_add(i64::try_from(from).unwrap_or(i64::MAX))..)
            .zip(part)
            .map(|(id, (p, _))| seal(app, id, p))
            .collect()
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if rows.len() < 256 || threads < 2 {
        return Ok(seal_run(0, rows));
    }
    let per = rows.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let mut parts = rows.chunks(per).enumerate();
        let here = parts.next();
        let handles: Vec<_> = parts
            .map(|(k, part)| scope.spawn(move || seal_run(k * per, part)))
            .collect();
        let mut out = here.map_or_else(Vec::new, |(_, part)| seal_run(0, part));
        for h in handles {
            let part = h
                .join()
                .map_err(|_| ActionError::Internal("a sealing thread failed".into()))?;
            out.extend(part);
        }
        Ok(out)
    })
}

/// Seals `rows` for ids from `first` on, a few at a time, letting other futures of
/// the same task run in between: joined with a database call, the sealing goes on
/// while the database works on its own thread.
pub async fn seal_stepwise(app: &App, first: i64, rows: &[&PersonInput]) -> Presealed {
    let mut sealed = Vec::with_capacity(rows.len());
    for (k, chunk) in rows.chunks(32).enumerate() {
        let from = first.saturating_add(i64::try_from(k * 32).unwrap_or(i64::MAX));
        sealed.extend((from..).zip(chunk).map(|(id, p)| seal(app, id, p)));
        tokio::task::yield_now().await;
    }
    Presealed { first, sealed }
}

/// Founds one household per `(external reference, site)`, each with a fresh code,
/// and returns their ids in order.
pub async fn found_households(
    c: &mut Conn,
    rows: &[(Option<&str>, Option<i64>)],
    now: i64,
) -> Result<Vec<i64>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let codes = free_codes(c, rows.len(), Codes::Households).await?;
    let first = store::next_id(c, IdTable::Households).await?;
    let new: Vec<NewHousehold> = rows
        .iter()
        .zip(&codes)
        .zip(first..)
        .map(|(((external_ref, site_id), code), id)| NewHousehold {
            id,
            code,
            external_ref: *external_ref,
            site_id: *site_id,
        })
        .collect();
    store::households::insert_many(c, &new, now).await?;
    Ok(new.iter().map(|h| h.id).collect())
}

#[derive(Clone, Copy)]
enum Codes {
    People,
    Households,
}

/// `n` random public codes that no one holds yet, all different.
async fn free_codes(c: &mut Conn, n: usize, kind: Codes) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::with_capacity(n);
    let mut seen: HashSet<String> = HashSet::with_capacity(n);
    // Codes are drawn from 32^5 (people) or 32^6 (households) values: a round leaves
    // a handful to draw again even at a million people.
    for _ in 0..16 {
        let want = n - out.len();
        if want == 0 {
            return Ok(out);
        }
        let drawn: Vec<String> = {
            // Not held across an await: the thread's generator does not move between
            // threads.
            let mut rng = rand::thread_rng();
            (0..want)
                .map(|_| match kind {
                    Codes::People => PersonCode::generate(&mut rng).as_str().to_string(),
                    Codes::Households => household_code(&mut rng),
                })
                .filter(|code| seen.insert(code.clone()))
                .collect()
        };
        let taken: HashSet<String> = match kind {
            Codes::People => store::people::taken_codes(c, &drawn).await?,
            Codes::Households => store::households::taken_codes(c, &drawn).await?,
        }
        .into_iter()
        .collect();
        out.extend(drawn.into_iter().filter(|code| !taken.contains(code)));
    }
    Err(ActionError::Internal(
        "could not find free public codes".into(),
    ))
}
