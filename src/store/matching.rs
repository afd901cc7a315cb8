//! Match flags and merges: the rows behind the registrar's duplicate queue.
//!
//! A flag names an unordered pair of people (stored as `person_a < person_b`) or a
//! person and a watch-list entry. Flags are never deleted: a decided flag is what stops
//! the same pair from being flagged again. A merge leaves the absorbed record in
//! `people` as a tombstone (status `merged`) with a row in `person_merges` that points
//! to the record it joined.

use std::collections::{BTreeSet, HashMap};

use sqlx::FromRow;

use super::{Conn, Result};

/// Status of a person record that was merged into another.
pub const MERGED: &str = "merged";

/// A person whose blind-index tags meet a new record's: what matching needs to know.
#[derive(Debug, Clone, FromRow)]
pub struct Candidate {
    pub person_id: i64,
    pub code: String,
    pub status: String,
    pub birth_year: Option<i64>,
    pub sex: String,
    pub name_key_latin: Option<String>,
    pub name_key_original: Option<String>,
    pub document_key: Option<String>,
}

const CANDIDATE: &str =
    "person_id, code, status, birth_year, sex, name_key_latin, name_key_original, document_key";
const CANDIDATE_P: &str = "p.person_id, p.code, p.status, p.birth_year, p.sex, p.name_key_latin, \
                           p.name_key_original, p.document_key";

/// The matching facts of the people `ids`.
pub async fn candidates(c: &mut Conn, ids: &[i64]) -> Result<Vec<Candidate>> {
    let mut out = Vec::new();
    for chunk in ids.chunks(super::rows_per_statement(1)) {
        let sql = format!(
            "select {CANDIDATE} from people where person_id in ({})",
            super::placeholders(c, chunk.len())
        );
        let mut q = sqlx::query_as(&sql).persistent(super::keep_prepared(
            chunk.len(),
            super::rows_per_statement(1),
        ));
        for v in chunk {
            q = q.bind(*v);
        }
        out.extend(q.fetch_all(&mut *c).await?);
    }
    Ok(out)
}

/// What one person's name match looks for: people with `tag` in either name column,
/// a birth year from `lo` to `hi` (or none recorded), and any sex but `not_sex`; the
/// closest to `born` first.
#[derive(Debug, Clone, Copy)]
pub struct NameWindow<'a> {
    pub me: i64,
    pub tag: &'a str,
    pub lo: i64,
    pub hi: i64,
    pub born: i64,
    pub not_sex: &'a str,
}

/// The people a name match flags for every window, in either name column, for a whole
/// batch in one query per chunk: the holders of the window's tag (in either column,
/// either script) whose sex does not contradict and whose birth year is in the window
/// or unknown — but only where they are few. A name shared by more than `rare` such
/// people is common in that age band, and sharing it says little: then only holders
/// of the very same birth year are returned, and only if those are at most `rare`.
/// Returns `(me, candidate)` pairs; `me` itself is left out.
///
/// Deciding "at most `rare`" never needs more than `rare + 1` holders of one index
/// range, however common the name: each window reads six ranges of the (tag, birth
/// year, sex) index — per column, the years in the window, no year recorded, the very
/// same year — each stopped at `rare + 1` ids, and the counting is done here. (Reading
/// every holder of a common name to count them was half of an import's time into a
/// registry of 900,000.) Only the people returned are then read from the table.
pub async fn by_name_windows(
    c: &mut Conn,
    wanted: &[NameWindow<'_>],
    rare: i64,
) -> Result<Vec<(i64, Candidate)>> {
    let limit = rare.saturating_add(1);
    let arm = |column: &str, years: &str| {
        format!(
            "coalesce((select string_agg(cast(h.person_id as text), ',') from (
                 select p.person_id from people p
                 where p.{column} = v.tag and {years} and p.sex <> v.not_sex
                   and p.person_id <> v.me
                 limit {limit}) h), '')"
        )
    };
    let (within, unknown, exact) = (
        "p.birth_year >= v.lo and p.birth_year <= v.hi",
        "p.birth_year is null",
        "p.birth_year = v.born",
    );
    // Ranges 0-3 decide whether the name is rare; 4-5 are the same-year holders.
    let ranges = [
        arm("name_key_latin", within),
        arm("name_key_original", within),
        arm("name_key_latin", unknown),
        arm("name_key_original", unknown),
        arm("name_key_latin", exact),
        arm("name_key_original", exact),
    ]
    .join(" || '|' || ");
    #[derive(Default)]
    struct Holders {
        any: BTreeSet<i64>,
        same_year: BTreeSet<i64>,
        /// A range held more than `rare`: the set is not whole, and too many.
        any_full: bool,
        same_year_full: bool,
    }
    let mut of: HashMap<i64, Holders> = HashMap::new();
    let per = super::rows_per_statement(6);
    for chunk in wanted.chunks(per) {
        let sql = format!(
            "with v (me, tag, lo, hi, born, not_sex) as (values {values})
             select v.me, {ranges} from v",
            values = super::values_list(c, chunk.len(), 6),
        );
        let mut q = sqlx::query_as::<_, (i64, String)>(&sql)
            .persistent(super::keep_prepared(chunk.len(), per));
        for w in chunk {
            q = q
                .bind(w.me)
                .bind(w.tag)
                .bind(w.lo)
                .bind(w.hi)
                .bind(w.born)
                .bind(w.not_sex);
        }
        for (me, lists) in q.fetch_all(&mut *c).await? {
            let h = of.entry(me).or_default();
            for (k, list) in lists.split('|').enumerate() {
                let ids: Vec<i64> = list
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::parse)
                    .collect::<std::result::Result<_, _>>()
                    .map_err(|_| {
                        super::StoreError::Corrupt("a holder id is not a number".into())
                    })?;
                let full = i64::try_from(ids.len()).unwrap_or(i64::MAX) >= limit;
                if k < 4 {
                    h.any_full |= full;
                    h.any.extend(ids);
                } else {
                    h.same_year_full |= full;
                    h.same_year.extend(ids);
                }
            }
        }
    }
    let few = |set: &BTreeSet<i64>, full: bool| {
        !full && i64::try_from(set.len()).unwrap_or(i64::MAX) <= rare
    };
    let mut flagged: Vec<(i64, i64)> = Vec::new();
    for (me, h) in &of {
        let chosen = if few(&h.any, h.any_full) {
            &h.any
        } else if few(&h.same_year, h.same_year_full) {
            &h.same_year
        } else {
            continue;
        };
        flagged.extend(chosen.iter().map(|id| (*me, *id)));
    }
    let mut ids: Vec<i64> = flagged.iter().map(|(_, id)| *id).collect();
    ids.sort_unstable();
    ids.dedup();
    let found: HashMap<i64, Candidate> = candidates(c, &ids)
        .await?
        .into_iter()
        .map(|p| (p.person_id, p))
        .collect();
    Ok(flagged
        .into_iter()
        .filter_map(|(me, id)| Some((me, found.get(&id)?.clone())))
        .collect())
}

/// Everyone whose document tag is one of `tags` and held by someone else too. The
/// people the tags were taken from are stored already (they are matched after they
/// are written), so a tag with one holder names only its own: an import's new,
/// distinct documents then cost two index probes each and no row to read back.
pub async fn by_documents(c: &mut Conn, tags: &[&str]) -> Result<Vec<Candidate>> {
    let mut out = Vec::new();
    for chunk in tags.chunks(super::rows_per_statement(1)) {
        let sql = format!(
            "select {CANDIDATE_P} from people p
             where p.document_key in ({})
               and exists (select 1 from people q
                           where q.document_key = p.document_key and q.person_id <> p.person_id)
             order by p.person_id",
            super::placeholders(c, chunk.len())
        );
        let mut q = sqlx::query_as(&sql).persistent(super::keep_prepared(
            chunk.len(),
            super::rows_per_statement(1),
        ));
        for v in chunk {
            q = q.bind(*v);
        }
        out.extend(q.fetch_all(&mut *c).await?);
    }
    Ok(out)
}

/// Every flag that names one of `people`, whatever its status.
pub async fn flags_of_many(c: &mut Conn, people: &[i64]) -> Result<Vec<FlagRow>> {
    let mut out: Vec<FlagRow> = Vec::new();
    for column in ["person_a", "person_b"] {
        for chunk in people.chunks(super::rows_per_statement(1)) {
            let sql = format!(
                "select {FLAG} from match_flags where {column} in ({})",
                super::placeholders(c, chunk.len())
            );
            let mut q = sqlx::query_as(&sql).persistent(super::keep_prepared(
                chunk.len(),
                super::rows_per_statement(1),
            ));
            for v in chunk {
                q = q.bind(*v);
            }
            let rows: Vec<FlagRow> = q.fetch_all(&mut *c).await?;
            out.extend(rows);
        }
    }
    out.sort_by_key(|f| f.flag_id);
    out.dedup_by_key(|f| f.flag_id);
    Ok(out)
}

/// People (not merged away) with this name tag in either name column.
pub async fn people_with_name_tag(c: &mut Conn, tag: &str) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "select person_id from people
         where (name_key_latin = $1 or name_key_original = $1) and status <> 'merged'
         order by person_id",
    )
    .bind(tag)
    .fetch_all(&mut *c)
    .await?)
}

/// The record a merged one now lives in (itself if it was never merged).
pub async fn survivor(c: &mut Conn, id: i64) -> Result<i64> {
    let mut at = id;
    // Merges flatten chains as they happen; the bound only guards against a loop.
    for _ in 0..8 {
        let next: Option<i64> =
            sqlx::query_scalar("select into_person_id from person_merges where person_id = $1")
                .bind(at)
                .fetch_optional(&mut *c)
                .await?;
        match next {
            Some(n) if n != at => at = n,
            _ => break,
        }
    }
    Ok(at)
}

/// Codes of the records merged into `id`, oldest merge first.
pub async fn merged_into(c: &mut Conn, id: i64) -> Result<Vec<(i64, String, i64)>> {
    Ok(sqlx::query_as(
        "select p.person_id, p.code, m.merged_at from person_merges m
         join people p on p.person_id = m.person_id
         where m.into_person_id = $1 order by m.merged_at, p.person_id",
    )
    .bind(id)
    .fetch_all(&mut *c)
    .await?)
}

/// A flag as stored.
#[derive(Debug, Clone, FromRow)]
pub struct FlagRow {
    pub flag_id: i64,
    pub person_a: i64,
    pub person_b: Option<i64>,
    pub watch_id: Option<i64>,
    pub reason: String,
    pub status: String,
    pub created_at: i64,
    pub decided_at: Option<i64>,
    pub decided_by_name: Option<String>,
    pub decision_reason: Option<String>,
}

const FLAG: &str =
    "flag_id, person_a, person_b, watch_id, reason, status, created_at, decided_at, \
                    decided_by_name, decision_reason";

pub async fn flag(c: &mut Conn, id: i64) -> Result<Option<FlagRow>> {
    let sql = format!("select {FLAG} from match_flags where flag_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

/// The flag of a pair, whatever its status (`a < b`).
pub async fn pair_flag(c: &mut Conn, a: i64, b: i64) -> Result<Option<FlagRow>> {
    let sql = format!("select {FLAG} from match_flags where person_a = $1 and person_b = $2");
    Ok(sqlx::query_as(&sql)
        .bind(a)
        .bind(b)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn watch_flag(c: &mut Conn, person: i64, watch_id: i64) -> Result<Option<FlagRow>> {
    let sql = format!("select {FLAG} from match_flags where person_a = $1 and watch_id = $2");
    Ok(sqlx::query_as(&sql)
        .bind(person)
        .bind(watch_id)
        .fetch_optional(&mut *c)
        .await?)
}

/// A flag to open, its id handed out by [`super::next_id`]; the caller has checked
/// that none exists for the pair or entry.
pub struct NewFlag<'a> {
    pub id: i64,
    pub a: i64,
    pub b: Option<i64>,
    pub watch_id: Option<i64>,
    pub reason: &'a str,
}

pub async fn insert_flag(
    c: &mut Conn,
    a: i64,
    b: Option<i64>,
    watch_id: Option<i64>,
    reason: &str,
    now: i64,
) -> Result<i64> {
    let id = super::next_id(c, super::IdTable::Flags).await?;
    let f = NewFlag {
        id,
        a,
        b,
        watch_id,
        reason,
    };
    insert_flags(c, std::slice::from_ref(&f), now).await?;
    Ok(id)
}

pub async fn insert_flags(c: &mut Conn, flags: &[NewFlag<'_>], now: i64) -> Result<()> {
    for chunk in flags.chunks(super::rows_per_statement(7)) {
        let sql = format!(
            "insert into match_flags (flag_id, person_a, person_b, watch_id, reason, status, created_at) values {}",
            super::values_list(c, chunk.len(), 7)
        );
        let mut q = sqlx::query(&sql).persistent(super::keep_prepared(
            chunk.len(),
            super::rows_per_statement(7),
        ));
        for f in chunk {
            q = q
                .bind(f.id)
                .bind(f.a)
                .bind(f.b)
                .bind(f.watch_id)
                .bind(f.reason)
                .bind("open")
                .bind(now);
        }
        q.execute(&mut *c).await?;
    }
    Ok(())
}

/// Records a decision on a flag.
pub async fn decide(
    c: &mut Conn,
    id: i64,
    status: &str,
    now: i64,
    by: (i64, &str),
    reason: &str,
) -> Result<()> {
    sqlx::query(
        "update match_flags set status = $1, decided_at = $2, decided_by = $3, decided_by_name = $4,
         decision_reason = $5 where flag_id = $6",
    )
    .bind(status)
    .bind(now)
    .bind(by.0)
    .bind(by.1)
    .bind(reason)
    .bind(id)
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// Points an open flag at a new pair (after a merge).
pub async fn repoint(c: &mut Conn, id: i64, a: i64, b: Option<i64>) -> Result<()> {
    sqlx::query("update match_flags set person_a = $1, person_b = $2 where flag_id = $3")
        .bind(a)
        .bind(b)
        .bind(id)
        .execute(&mut *c)
        .await?;
    Ok(())
}

/// Open flags that involve `person`.
pub async fn open_flags_of(c: &mut Conn, person: i64) -> Result<Vec<FlagRow>> {
    let sql = format!(
        "select {FLAG} from match_flags where status = 'open' and (person_a = $1 or person_b = $1)
         order by flag_id"
    );
    Ok(sqlx::query_as(&sql).bind(person).fetch_all(&mut *c).await?)
}

/// A page of flags with `status` (and `reason`, if given), oldest first, after the
/// cursor.
pub async fn flags(
    c: &mut Conn,
    status: &str,
    reason: Option<&str>,
    after: i64,
    limit: i64,
) -> Result<Vec<FlagRow>> {
    let sql = format!(
        "select {FLAG} from match_flags where status = $1 and ($2 = '' or reason = $2) and flag_id > $3
         order by flag_id limit $4"
    );
    Ok(sqlx::query_as(&sql)
        .bind(status)
        .bind(reason.unwrap_or(""))
        .bind(after)
        .bind(limit)
        .fetch_all(&mut *c)
        .await?)
}

/// Open flags by reason.
pub async fn open_by_reason(c: &mut Conn) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "select reason, count(*) from match_flags where status = 'open' group by reason order by reason",
    )
    .fetch_all(&mut *c)
    .await?)
}

/// Every flag raised against a watch-list entry, newest first.
pub async fn flags_of_watch(c: &mut Conn, watch_id: i64) -> Result<Vec<FlagRow>> {
    let sql = format!("select {FLAG} from match_flags where watch_id = $1 order by flag_id desc");
    Ok(sqlx::query_as(&sql)
        .bind(watch_id)
        .fetch_all(&mut *c)
        .await?)
}

/// Every pair flag (both sides), for measurement and tests.
pub async fn pair_flags(c: &mut Conn) -> Result<Vec<FlagRow>> {
    let sql = format!("select {FLAG} from match_flags where person_b is not null order by flag_id");
    Ok(sqlx::query_as(&sql).fetch_all(&mut *c).await?)
}

/// The tombstone of a merge: `from` now lives in `into`.
pub struct Merge<'a> {
    pub from: i64,
    pub into: i64,
    pub flag_id: Option<i64>,
    pub at: i64,
    pub by: (i64, &'a str),
    pub reason: &'a str,
}

pub async fn insert_merge(c: &mut Conn, m: &Merge<'_>) -> Result<()> {
    sqlx::query(
        "insert into person_merges (person_id, into_person_id, flag_id, merged_at, merged_by, merged_by_name, reason)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(m.from)
    .bind(m.into)
    .bind(m.flag_id)
    .bind(m.at)
    .bind(m.by.0)
    .bind(m.by.1)
    .bind(m.reason)
    .execute(&mut *c)
    .await?;
    // Records merged into `from` earlier now point straight at `into`.
    sqlx::query("update person_merges set into_person_id = $1 where into_person_id = $2")
        .bind(m.into)
        .bind(m.from)
        .execute(&mut *c)
        .await?;
    Ok(())
}

/// Moves `from`'s dated history to `into`; returns the number of rows moved.
pub async fn move_history(c: &mut Conn, from: i64, into: i64) -> Result<u64> {
    Ok(
        sqlx::query("update person_history set person_id = $1 where person_id = $2")
            .bind(into)
            .bind(from)
            .execute(&mut *c)
            .await?
            .rows_affected(),
    )
}

/// Moves `from`'s needs to `into`: kinds `into` lacks move, kinds both have keep the
/// more urgent of the two. `rank` orders urgencies (higher is more urgent).
pub async fn move_needs(
    c: &mut Conn,
    from: i64,
    into: i64,
    rank: impl Fn(&str) -> usize,
) -> Result<usize> {
    let theirs: Vec<(String, String)> =
        sqlx::query_as("select kind, urgency from person_needs where person_id = $1")
            .bind(from)
            .fetch_all(&mut *c)
            .await?;
    let ours: Vec<(String, String)> =
        sqlx::query_as("select kind, urgency from person_needs where person_id = $1")
            .bind(into)
            .fetch_all(&mut *c)
            .await?;
    let mut moved = 0;
    for (kind, urgency) in &theirs {
        match ours.iter().find(|(k, _)| k == kind) {
            None => {
                sqlx::query(
                    "update person_needs set person_id = $1 where person_id = $2 and kind = $3",
                )
                .bind(into)
                .bind(from)
                .bind(kind)
                .execute(&mut *c)
                .await?;
                moved += 1;
            }
            Some((_, mine)) => {
                if rank(urgency) > rank(mine) {
                    sqlx::query(
                        "update person_needs set urgency = $1 where person_id = $2 and kind = $3",
                    )
                    .bind(urgency)
                    .bind(into)
                    .bind(kind)
                    .execute(&mut *c)
                    .await?;
                }
                // The same need, now held by the surviving record.
                sqlx::query("delete from person_needs where person_id = $1 and kind = $2")
                    .bind(from)
                    .bind(kind)
                    .execute(&mut *c)
                    .await?;
            }
        }
    }
    Ok(moved)
}
