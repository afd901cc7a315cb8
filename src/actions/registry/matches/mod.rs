//! Possible duplicates and watch-list matches: raising flags when a person is
//! registered, imported or changed; the registrar's queue and the decisions on it are
//! in [`queue`].
//!
//! Flags are raised inside the registering transaction by [`flag_in`], with the same
//! tags the registry stores, so the measurement in `tests/it/matching_quality.rs` runs
//! exactly what registration runs. A watch-list flag carries the entry's category for
//! the registrar and never its name: only admins read the list.

use std::collections::{BTreeMap, BTreeSet, HashMap};

mod queue;
pub use queue::*;

use crate::actions::{audit, audit_many, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, WriteRegistry};
use crate::auth::Actor;
use crate::domain::matching::{
    excluded_sex, sexes_compatible, years_compatible, FlagStatus, MatchReason, YEAR_TOLERANCE,
};
use crate::domain::person::Choice;
use crate::store::matching::{Candidate, FlagRow, NameWindow, NewFlag, MERGED};
use crate::store::people::PersonRow;
use crate::store::{self, Conn, IdTable};

/// A flag that concerns a person just registered or changed.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Found {
    pub flag_id: i64,
    /// The code of the other person; absent for a watch-list match.
    pub other: Option<String>,
    /// document, name_birth_year or watch_list.
    pub reason: String,
    /// Raised now (false: it was already open).
    pub new: bool,
}

/// A name is rare in an age band when at most this many people of a compatible sex
/// within [`YEAR_TOLERANCE`] years of age (or of unknown age) bear it: sharing it is
/// then evidence, and all of them are flagged. A commoner name flags only its holders
/// born the very same year, and only if they are this few; beyond that a name and an
/// age cannot single anyone out (in a registry of 500,000 the usual person shares
/// both with several others), and only a document links them. Document matches are
/// never limited. See docs/matching.md for what this costs and gains.
pub const NAME_RARE: i64 = 5;

/// Raises a flag for every possible duplicate of person `id` and every watch-list
/// entry its name matches, inside the caller's transaction; returns the open flags
/// that concern the person. See [`flag_many`].
pub async fn flag_in(c: &mut Conn, app: &App, actor: &Actor, id: i64) -> Result<Vec<Found>> {
    Ok(flag_many(c, app, actor, &[id])
        .await?
        .pop()
        .unwrap_or_default())
}

/// [`flag_in`] for many people at once (an import batch), with a fixed number of
/// statements whatever the number of people: returns, for each of `ids` in order, the
/// open flags that concern it. Pairs already decided are left alone: a pair marked
/// distinct is never flagged again. Each person with new flags gets one audit entry.
pub async fn flag_many(
    c: &mut Conn,
    app: &App,
    actor: &Actor,
    ids: &[i64],
) -> Result<Vec<Vec<Found>>> {
    let people = store::matching::candidates(c, ids).await?;
    let known = store::matching::flags_of_many(c, ids).await?;
    flag_people(c, app, actor, ids, people, &known).await
}

/// [`flag_many`] for people registered a moment ago in this transaction: what
/// matching needs of them is in memory and they have no flags yet, so neither is read
/// back from the database.
pub(super) async fn flag_new(
    c: &mut Conn,
    app: &App,
    actor: &Actor,
    people: Vec<Candidate>,
) -> Result<Vec<Vec<Found>>> {
    let ids: Vec<i64> = people.iter().map(|p| p.person_id).collect();
    flag_people(c, app, actor, &ids, people, &[]).await
}

/// The matching itself, for the people `ids` whose facts are `people` and whose
/// flags so far are `known`.
async fn flag_people(
    c: &mut Conn,
    app: &App,
    actor: &Actor,
    ids: &[i64],
    people: Vec<Candidate>,
    known: &[FlagRow],
) -> Result<Vec<Vec<Found>>> {
    let people: HashMap<i64, Candidate> = people
        .into_iter()
        .filter(|p| p.status != MERGED)
        .map(|p| (p.person_id, p))
        .collect();
    let mut known_of: HashMap<i64, Vec<&FlagRow>> = HashMap::new();
    for f in known {
        known_of.entry(f.person_a).or_default().push(f);
        if let Some(b) = f.person_b.filter(|b| *b != f.person_a) {
            known_of.entry(b).or_default().push(f);
        }
    }
    let mut tags: BTreeSet<&str> = BTreeSet::new();
    let mut docs: BTreeSet<&str> = BTreeSet::new();
    let mut windows = Vec::new();
    // People in the order of their first name tag: the index is then walked forwards,
    // and the pages one window reads are still in the cache for the next (otherwise a
    // batch's windows land at random in it).
    let mut ordered: Vec<&Candidate> = people.values().collect();
    ordered.sort_by_key(|p| (name_tags(p).min(), p.person_id));
    for p in ordered {
        let (lo, hi) = match p.birth_year {
            Some(y) => (y - YEAR_TOLERANCE, y + YEAR_TOLERANCE),
            None => (i64::MIN, i64::MAX),
        };
        let mine: BTreeSet<&str> = name_tags(p).collect();
        let not_sex = excluded_sex(&p.sex);
        windows.extend(mine.iter().map(|tag| NameWindow {
            me: p.person_id,
            tag,
            lo,
            hi,
            born: p.birth_year.unwrap_or(0),
            not_sex,
        }));
        tags.extend(mine);
        docs.extend(p.document_key.as_deref());
    }
    let tags: Vec<&str> = tags.into_iter().collect();
    let docs: Vec<&str> = docs.into_iter().collect();
    let mut by_name: HashMap<i64, Vec<Candidate>> = HashMap::new();
    for (me, cand) in store::matching::by_name_windows(c, &windows, NAME_RARE).await? {
        by_name.entry(me).or_default().push(cand);
    }
    let mut by_doc: HashMap<String, Vec<Candidate>> = HashMap::new();
    for cand in store::matching::by_documents(c, &docs).await? {
        if let Some(d) = cand.document_key.clone() {
            by_doc.entry(d).or_default().push(cand);
        }
    }
    let mut watched: HashMap<String, Vec<(i64, String)>> = HashMap::new();
    for (watch_id, category, tag) in store::watchlist::matching_many(c, &tags).await? {
        watched.entry(tag).or_default().push((watch_id, category));
    }
    let mut raising = Raising {
        next_id: None,
        flags: Vec::new(),
        pairs: HashMap::new(),
        events: Vec::new(),
        now: app.now(),
    };
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(me) = people.get(id) else {
            out.push(Vec::new());
            continue;
        };
        let mut candidates: Vec<&Candidate> = me
            .document_key
            .as_ref()
            .and_then(|d| by_doc.get(d))
            .map(|v| v.iter().filter(|p| p.person_id != *id).collect())
            .unwrap_or_default();
        candidates.extend(closest_by_name(me, by_name.get(id)));
        let best = strongest(c, me, candidates).await?;
        let mine: &[&FlagRow] = known_of.get(id).map_or(&[], Vec::as_slice);
        let mut found = Vec::new();
        let mut raised = Vec::new();
        for (other, (reason, code)) in best {
            let key = (*id.min(&other), *id.max(&other));
            let existing = mine.iter().find(|f| {
                f.person_b.is_some() && (f.person_a == other || f.person_b == Some(other))
            });
            match existing {
                Some(f) if f.status == FlagStatus::Open.as_str() => found.push(Found {
                    flag_id: f.flag_id,
                    other: Some(code),
                    reason: f.reason.clone(),
                    new: false,
                }),
                Some(_) => {}
                None => match raising.pairs.get(&key) {
                    // Raised a moment ago, for the other one of the pair in this call.
                    Some((flag_id, reason)) => found.push(Found {
                        flag_id: *flag_id,
                        other: Some(code),
                        reason: reason.to_string(),
                        new: false,
                    }),
                    None => {
                        let flag_id = raising.open(c, key.0, Some(key.1), None, reason).await?;
                        raising.pairs.insert(key, (flag_id, reason.as_str()));
                        raised.push(format!("{flag_id} ~ {code}: {}", reason.as_str()));
                        found.push(Found {
                            flag_id,
                            other: Some(code),
                            reason: reason.as_str().into(),
                            new: true,
                        });
                    }
                },
            }
        }
        let mut entries: Vec<&(i64, String)> = name_tags(me)
            .filter_map(|t| watched.get(t))
            .flatten()
            .collect();
        entries.sort_by_key(|(w, _)| *w);
        entries.dedup_by_key(|(w, _)| *w);
        for (watch_id, category) in entries {
            match mine.iter().find(|f| f.watch_id == Some(*watch_id)) {
                Some(f) if f.status == FlagStatus::Open.as_str() => found.push(Found {
                    flag_id: f.flag_id,
                    other: None,
                    reason: f.reason.clone(),
                    new: false,
                }),
                Some(_) => {}
                None => {
                    let reason = MatchReason::WatchList;
                    let flag_id = raising.open(c, *id, None, Some(*watch_id), reason).await?;
                    raised.push(format!(
                        "{flag_id} ~ watch-list entry {watch_id} ({category})"
                    ));
                    found.push(Found {
                        flag_id,
                        other: None,
                        reason: reason.as_str().into(),
                        new: true,
                    });
                }
            }
        }
        if !raised.is_empty() {
            raising.events.push(Event {
                action: "match.flag",
                object_type: "person",
                object_id: id.to_string(),
                summary: format!("{}: flags {}", me.code, raised.join("; ")),
                details: serde_json::Value::Null,
            });
        }
        out.push(found);
    }
    store::matching::insert_flags(c, &raising.flags, raising.now).await?;
    audit_many(c, app, actor, raising.events).await?;
    Ok(out)
}

/// Flags being raised by one [`flag_many`] call, written together at its end.
struct Raising<'a> {
    next_id: Option<i64>,
    flags: Vec<NewFlag<'a>>,
    /// Pairs raised in this call: (flag id, reason).
    pairs: HashMap<(i64, i64), (i64, &'a str)>,
    events: Vec<Event<'a>>,
    now: i64,
}

impl<'a> Raising<'a> {
    async fn open(
        &mut self,
        c: &mut Conn,
        a: i64,
        b: Option<i64>,
        watch_id: Option<i64>,
        reason: MatchReason,
    ) -> Result<i64> {
        let id = match self.next_id {
            Some(id) => id,
            None => store::next_id(c, IdTable::Flags).await?,
        };
        self.next_id = Some(id + 1);
        self.flags.push(NewFlag {
            id,
            a,
            b,
            watch_id,
            reason: reason.as_str(),
        });
        Ok(id)
    }
}

/// A person's name tags, in either script.
fn name_tags(p: &Candidate) -> impl Iterator<Item = &str> {
    [p.name_key_latin.as_deref(), p.name_key_original.as_deref()]
        .into_iter()
        .flatten()
}

/// Of the people flagged by name for `me` (see [`NAME_RARE`]): the closest in age
/// first, the most recent first among equals, each once.
fn closest_by_name<'a>(me: &Candidate, found: Option<&'a Vec<Candidate>>) -> Vec<&'a Candidate> {
    let mut v: Vec<&Candidate> = found.map(|f| f.iter().collect()).unwrap_or_default();
    // One person can match by both name columns.
    v.sort_by_key(|p| p.person_id);
    v.dedup_by_key(|p| p.person_id);
    let born = me.birth_year.unwrap_or(0);
    v.sort_by_key(|p| {
        (
            p.birth_year.map_or(10_000, |y| (y - born).abs()),
            std::cmp::Reverse(p.person_id),
        )
    });
    v.truncate(usize::try_from(NAME_RARE).unwrap_or(5));
    v
}

/// The strongest reason per surviving record among `candidates` (a merged record
/// speaks for the one it joined).
async fn strongest(
    c: &mut Conn,
    me: &Candidate,
    candidates: Vec<&Candidate>,
) -> Result<BTreeMap<i64, (MatchReason, String)>> {
    let doc = me.document_key.as_deref();
    let mut best: BTreeMap<i64, (MatchReason, String)> = BTreeMap::new();
    for cand in candidates {
        let same_doc = doc.is_some() && cand.document_key.as_deref() == doc;
        let reason = if same_doc {
            MatchReason::Document
        } else if years_compatible(me.birth_year, cand.birth_year)
            && sexes_compatible(&me.sex, &cand.sex)
        {
            MatchReason::NameBirthYear
        } else {
            continue;
        };
        let (other, code) = if cand.status == MERGED {
            let s = store::matching::survivor(c, cand.person_id).await?;
            let code = store::people::get(c, s).await?.map(|p| p.code);
            (s, code.unwrap_or_default())
        } else {
            (cand.person_id, cand.code.clone())
        };
        if other != me.person_id {
            let r = best.entry(other).or_insert((reason, code));
            r.0 = r.0.min(reason);
        }
    }
    Ok(best)
}

/// Flags `person` against watch-list entry `watch_id` unless that was done before
/// (when an admin adds an entry that people already registered match).
pub(crate) async fn open_watch_flag(
    c: &mut Conn,
    app: &App,
    actor: &Actor,
    person: &PersonRow,
    watch_id: i64,
    category: &str,
) -> Result<Option<Found>> {
    let reason = MatchReason::WatchList.as_str();
    match store::matching::watch_flag(c, person.person_id, watch_id).await? {
        Some(f) if f.status == FlagStatus::Open.as_str() => Ok(Some(Found {
            flag_id: f.flag_id,
            other: None,
            reason: f.reason,
            new: false,
        })),
        Some(_) => Ok(None),
        None => {
            let flag_id = store::matching::insert_flag(
                c,
                person.person_id,
                None,
                Some(watch_id),
                reason,
                app.now(),
            )
            .await?;
            let summary = format!(
                "{}: flags {flag_id} ~ watch-list entry {watch_id} ({category})",
                person.code
            );
            audit_flag(c, app, actor, person.person_id, summary).await?;
            Ok(Some(Found {
                flag_id,
                other: None,
                reason: reason.into(),
                new: true,
            }))
        }
    }
}

/// One entry for the flags raised about a person at once.
async fn audit_flag(
    c: &mut Conn,
    app: &App,
    actor: &Actor,
    person_id: i64,
    summary: String,
) -> Result<()> {
    audit(
        c,
        app,
        actor,
        Event {
            action: "match.flag",
            object_type: "person",
            object_id: person_id.to_string(),
            summary,
            details: serde_json::Value::Null,
        },
    )
    .await?;
    Ok(())
}
