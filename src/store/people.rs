//! People: the registry's rows. Personal columns arrive sealed and leave sealed; only
//! the action layer opens them, and only for roles that may see them.

use sqlx::FromRow;

use super::{on_unique, Conn, Result, StoreError};

/// What any reader of the record may see of a person: no personal data.
#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct PersonRow {
    pub person_id: i64,
    pub code: String,
    pub external_id: Option<String>,
    pub site_id: Option<i64>,
    pub household_id: Option<i64>,
    pub relationship: String,
    pub status: String,
    pub sex: String,
    pub birth_year: Option<i64>,
    pub nationality: Option<String>,
    pub languages: String,
    pub protection: String,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str =
    "person_id, code, external_id, site_id, household_id, relationship, status, sex, birth_year, \
                       nationality, languages, protection, created_at, updated_at";

/// The sealed personal columns and the blind-index tags that go with them.
#[derive(Default, FromRow)]
pub struct Sealed {
    pub name_latin: Option<Vec<u8>>,
    pub name_original: Option<Vec<u8>>,
    pub birth_date: Option<Vec<u8>>,
    pub document: Option<Vec<u8>>,
    pub phone: Option<Vec<u8>>,
    pub notes: Option<Vec<u8>>,
    pub name_key_latin: Option<String>,
    pub name_key_original: Option<String>,
    pub document_key: Option<String>,
}

/// The plain columns of a new or changed person.
pub struct Plain<'a> {
    pub external_id: Option<&'a str>,
    pub site_id: Option<i64>,
    pub household_id: Option<i64>,
    pub relationship: &'a str,
    pub status: &'a str,
    pub sex: &'a str,
    pub birth_year: Option<i64>,
    pub nationality: Option<&'a str>,
    pub languages: &'a str,
    pub protection: &'a str,
}

/// A new person: the id handed out by [`super::next_id`], the public code, the plain
/// columns and the sealed ones.
pub struct NewPerson<'a> {
    pub id: i64,
    pub code: &'a str,
    pub plain: Plain<'a>,
    pub sealed: Sealed,
}

/// Inserts people, a few hundred rows per statement.
pub async fn insert_many(c: &mut Conn, rows: &[NewPerson<'_>], now: i64) -> Result<()> {
    const COLS: usize = 23;
    for chunk in rows.chunks(super::rows_per_statement(COLS)) {
        let sql = format!(
            "insert into people (person_id, code, external_id, site_id, household_id, relationship, status,
                                 sex, birth_year, nationality, languages, protection, name_latin, name_original,
                                 birth_date, document, phone, notes, name_key_latin, name_key_original,
                                 document_key, created_at, updated_at)
             values {}",
            super::values_list(c, chunk.len(), COLS)
        );
        let mut q = sqlx::query(&sql).persistent(super::keep_prepared(
            chunk.len(),
            super::rows_per_statement(COLS),
        ));
        for r in chunk {
            let (p, s) = (&r.plain, &r.sealed);
            q = q
                .bind(r.id)
                .bind(r.code)
                .bind(p.external_id)
                .bind(p.site_id)
                .bind(p.household_id)
                .bind(p.relationship)
                .bind(p.status)
                .bind(p.sex)
                .bind(p.birth_year)
                .bind(p.nationality)
                .bind(p.languages)
                .bind(p.protection)
                .bind(s.name_latin.clone())
                .bind(s.name_original.clone())
                .bind(s.birth_date.clone())
                .bind(s.document.clone())
                .bind(s.phone.clone())
                .bind(s.notes.clone())
                .bind(s.name_key_latin.clone())
                .bind(s.name_key_original.clone())
                .bind(s.document_key.clone())
                .bind(now)
                .bind(now);
        }
        q.execute(&mut *c)
            .await
            .map_err(|e| on_unique(e, "a person with this code or external id"))?;
    }
    Ok(())
}

/// Which of `codes` are already taken.
pub async fn taken_codes(c: &mut Conn, codes: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for chunk in codes.chunks(super::rows_per_statement(1)) {
        let sql = format!(
            "select code from people where code in ({})",
            super::placeholders(c, chunk.len())
        );
        let mut q = sqlx::query_scalar(&sql).persistent(super::keep_prepared(
            chunk.len(),
            super::rows_per_statement(1),
        ));
        for code in chunk {
            q = q.bind(code);
        }
        out.extend(q.fetch_all(&mut *c).await?);
    }
    Ok(out)
}

/// The people whose external id is one of `ids`.
pub async fn by_external_ids(c: &mut Conn, ids: &[&str]) -> Result<Vec<PersonRow>> {
    let mut out = Vec::new();
    for chunk in ids.chunks(super::rows_per_statement(1)) {
        let sql = format!(
            "select {COLUMNS} from people where external_id in ({})",
            super::placeholders(c, chunk.len())
        );
        let mut q = sqlx::query_as(&sql).persistent(super::keep_prepared(
            chunk.len(),
            super::rows_per_statement(1),
        ));
        for id in chunk {
            q = q.bind(*id);
        }
        out.extend(q.fetch_all(&mut *c).await?);
    }
    Ok(out)
}

/// Changes the plain columns that describe a person (not site, household or status,
/// which have their own dated actions).
pub async fn update_plain(c: &mut Conn, id: i64, p: &Plain<'_>, now: i64) -> Result<()> {
    let n = sqlx::query(
        "update people set external_id = $1, sex = $2, birth_year = $3, nationality = $4, languages = $5,
         protection = $6, updated_at = $7 where person_id = $8",
    )
    .bind(p.external_id)
    .bind(p.sex)
    .bind(p.birth_year)
    .bind(p.nationality)
    .bind(p.languages)
    .bind(p.protection)
    .bind(now)
    .bind(id)
    .execute(&mut *c)
    .await
    .map_err(|e| on_unique(e, "a person with this external id"))?
    .rows_affected();
    found(n)
}

pub async fn set_sealed(c: &mut Conn, id: i64, s: &Sealed) -> Result<()> {
    let n = sqlx::query(
        "update people set name_latin = $1, name_original = $2, birth_date = $3, document = $4, phone = $5,
         notes = $6, name_key_latin = $7, name_key_original = $8, document_key = $9 where person_id = $10",
    )
    .bind(&s.name_latin)
    .bind(&s.name_original)
    .bind(&s.birth_date)
    .bind(&s.document)
    .bind(&s.phone)
    .bind(&s.notes)
    .bind(&s.name_key_latin)
    .bind(&s.name_key_original)
    .bind(&s.document_key)
    .bind(id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    found(n)
}

pub async fn sealed(c: &mut Conn, id: i64) -> Result<Option<Sealed>> {
    Ok(sqlx::query_as(
        "select name_latin, name_original, birth_date, document, phone, notes, name_key_latin, name_key_original,
                document_key from people where person_id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *c)
    .await?)
}

pub async fn get(c: &mut Conn, id: i64) -> Result<Option<PersonRow>> {
    let sql = format!("select {COLUMNS} from people where person_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn by_code(c: &mut Conn, code: &str) -> Result<Option<PersonRow>> {
    let sql = format!("select {COLUMNS} from people where code = $1");
    Ok(sqlx::query_as(&sql)
        .bind(code)
        .fetch_optional(&mut *c)
        .await?)
}

pub async fn in_household(c: &mut Conn, household_id: i64) -> Result<Vec<PersonRow>> {
    let sql = format!("select {COLUMNS} from people where household_id = $1 order by person_id");
    Ok(sqlx::query_as(&sql)
        .bind(household_id)
        .fetch_all(&mut *c)
        .await?)
}

/// People (not merged away) whose name-key tag, in either script, is one of `tags`.
pub async fn by_name_tags(c: &mut Conn, tags: &[String], limit: i64) -> Result<Vec<PersonRow>> {
    let mut out: Vec<PersonRow> = Vec::new();
    for t in tags {
        let sql = format!(
            "select {COLUMNS} from people where (name_key_latin = $1 or name_key_original = $1)
             and status <> 'merged' order by person_id limit $2"
        );
        let rows: Vec<PersonRow> = sqlx::query_as(&sql)
            .bind(t)
            .bind(limit)
            .fetch_all(&mut *c)
            .await?;
        for r in rows {
            if !out.iter().any(|o| o.person_id == r.person_id) {
                out.push(r);
            }
        }
    }
    Ok(out)
}

/// Codes of people (other than `except`) with the document-number tag `key`.
pub async fn document_matches(
    c: &mut Conn,
    key: &str,
    except: i64,
    limit: i64,
) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "select code from people where document_key = $1 and person_id <> $2 order by person_id limit $3",
    )
    .bind(key)
    .bind(except)
    .bind(limit)
    .fetch_all(&mut *c)
    .await?)
}

pub async fn set_place(
    c: &mut Conn,
    id: i64,
    site_id: Option<i64>,
    status: &str,
    now: i64,
) -> Result<()> {
    let n = sqlx::query(
        "update people set site_id = $1, status = $2, updated_at = $3 where person_id = $4",
    )
    .bind(site_id)
    .bind(status)
    .bind(now)
    .bind(id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    found(n)
}

pub async fn set_household(
    c: &mut Conn,
    id: i64,
    household_id: Option<i64>,
    relationship: &str,
    now: i64,
) -> Result<()> {
    let n = sqlx::query("update people set household_id = $1, relationship = $2, updated_at = $3 where person_id = $4")
        .bind(household_id)
        .bind(relationship)
        .bind(now)
        .bind(id)
        .execute(&mut *c)
        .await?
        .rows_affected();
    found(n)
}

pub async fn replace_needs(c: &mut Conn, id: i64, needs: &[(&str, &str)]) -> Result<()> {
    sqlx::query("delete from person_needs where person_id = $1")
        .bind(id)
        .execute(&mut *c)
        .await?;
    for (kind, urgency) in needs {
        sqlx::query("insert into person_needs (person_id, kind, urgency) values ($1, $2, $3)")
            .bind(id)
            .bind(*kind)
            .bind(*urgency)
            .execute(&mut *c)
            .await?;
    }
    Ok(())
}

/// Adds needs `(person, kind, urgency)` of people who have none yet.
pub async fn insert_needs_many(c: &mut Conn, rows: &[(i64, &str, &str)]) -> Result<()> {
    for chunk in rows.chunks(super::rows_per_statement(3)) {
        let sql = format!(
            "insert into person_needs (person_id, kind, urgency) values {}",
            super::values_list(c, chunk.len(), 3)
        );
        let mut q = sqlx::query(&sql).persistent(super::keep_prepared(
            chunk.len(),
            super::rows_per_statement(3),
        ));
        for (id, kind, urgency) in chunk {
            q = q.bind(*id).bind(*kind).bind(*urgency);
        }
        q.execute(&mut *c).await?;
    }
    Ok(())
}

pub async fn needs(c: &mut Conn, id: i64) -> Result<Vec<(String, String)>> {
    Ok(
        sqlx::query_as("select kind, urgency from person_needs where person_id = $1 order by kind")
            .bind(id)
            .fetch_all(&mut *c)
            .await?,
    )
}

pub async fn add_history(
    c: &mut Conn,
    id: i64,
    status: &str,
    site_id: Option<i64>,
    effective_at: i64,
    recorded_at: i64,
    reason: &str,
) -> Result<()> {
    sqlx::query(
        "insert into person_history (person_id, status, site_id, effective_at, recorded_at, reason)
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(status)
    .bind(site_id)
    .bind(effective_at)
    .bind(recorded_at)
    .bind(reason)
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// One new line of a person's history.
pub struct NewHistory<'a> {
    pub person_id: i64,
    pub status: &'a str,
    pub site_id: Option<i64>,
    pub effective_at: i64,
    pub reason: &'a str,
}

pub async fn add_history_many(
    c: &mut Conn,
    rows: &[NewHistory<'_>],
    recorded_at: i64,
) -> Result<()> {
    for chunk in rows.chunks(super::rows_per_statement(6)) {
        let sql = format!(
            "insert into person_history (person_id, status, site_id, effective_at, recorded_at, reason) values {}",
            super::values_list(c, chunk.len(), 6)
        );
        let mut q = sqlx::query(&sql).persistent(super::keep_prepared(
            chunk.len(),
            super::rows_per_statement(6),
        ));
        for h in chunk {
            q = q
                .bind(h.person_id)
                .bind(h.status)
                .bind(h.site_id)
                .bind(h.effective_at)
                .bind(recorded_at)
                .bind(h.reason);
        }
        q.execute(&mut *c).await?;
    }
    Ok(())
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct HistoryRow {
    pub person_id: i64,
    pub status: String,
    pub site_id: Option<i64>,
    pub effective_at: i64,
    pub recorded_at: i64,
    pub reason: String,
}

pub async fn history(c: &mut Conn, id: i64) -> Result<Vec<HistoryRow>> {
    Ok(sqlx::query_as(
        "select person_id, status, site_id, effective_at, recorded_at, reason from person_history
         where person_id = $1 order by effective_at, history_id",
    )
    .bind(id)
    .fetch_all(&mut *c)
    .await?)
}

/// A stretch of time during which some people were present at a site: how many,
/// of what sex and birth year, from `since` until `until` (epoch ms; open-ended when
/// `until` is `None`).
#[derive(Debug, Clone, FromRow)]
pub struct Span {
    pub sex: String,
    pub birth_year: Option<i64>,
    pub since: i64,
    pub until: Option<i64>,
    pub people: i64,
}

/// The site's presence spans, grouped: each history entry holds from its date until the
/// person's next entry (ties broken by entry order, as the history is read), and the
/// entries that put someone present at `site_id` are counted by sex, birth year and
/// span. People registered or moved together share a span, so the result is small
/// even when the site holds a million people.
pub async fn site_spans(c: &mut Conn, site_id: i64) -> Result<Vec<Span>> {
    Ok(sqlx::query_as(
        "select p.sex, p.birth_year, s.since, s.until, count(*) as people
         from (select h.person_id, h.status, h.site_id, h.effective_at as since,
                      lead(h.effective_at) over (partition by h.person_id
                                                 order by h.effective_at, h.history_id) as until
               from person_history h
               where h.person_id in (select person_id from person_history where site_id = $1)) s
         join people p on p.person_id = s.person_id
         where s.site_id = $1 and s.status = 'present' and (s.until is null or s.until > s.since)
         group by p.sex, p.birth_year, s.since, s.until",
    )
    .bind(site_id)
    .fetch_all(&mut *c)
    .await?)
}

pub async fn site_history_start(c: &mut Conn, site_id: i64) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("select min(effective_at) from person_history where site_id = $1")
            .bind(site_id)
            .fetch_one(&mut *c)
            .await?,
    )
}

/// Filters of the registry list; every field is optional.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
pub struct Filter {
    /// Site code.
    pub site: Option<String>,
    pub status: Option<String>,
    /// A need (`serious_medical`, …): people who have it.
    pub need: Option<String>,
    /// Only people in households of at least this many members.
    pub min_household: Option<i64>,
    /// A person code (exact).
    pub code: Option<String>,
    /// Keyset cursor: people with a larger id than this.
    pub after: Option<i64>,
}

/// A page of people in id order, after the cursor.
pub async fn list(
    c: &mut Conn,
    f: &Filter,
    site_id: Option<i64>,
    limit: i64,
) -> Result<Vec<PersonRow>> {
    // Records merged into another are tombstones: the list shows the survivors.
    let mut sql =
        format!("select {COLUMNS} from people p where p.person_id > $1 and p.status <> 'merged'");
    enum Arg {
        Int(i64),
        Text(String),
    }
    let mut args: Vec<Arg> = Vec::new();
    let mut push = |sql: &mut String, clause: &str, v: Arg| {
        args.push(v);
        sql.push_str(&clause.replace('?', &format!("${}", args.len() + 1)));
    };
    if let Some(s) = site_id {
        push(&mut sql, " and p.site_id = ?", Arg::Int(s));
    }
    if let Some(s) = f.status.as_deref().filter(|s| !s.is_empty()) {
        push(&mut sql, " and p.status = ?", Arg::Text(s.to_string()));
    }
    if let Some(n) = f.need.as_deref().filter(|s| !s.is_empty()) {
        push(
            &mut sql,
            " and exists (select 1 from person_needs n where n.person_id = p.person_id and n.kind = ?)",
            Arg::Text(n.to_string()),
        );
    }
    if let Some(min) = f.min_household.filter(|m| *m > 1) {
        push(
            &mut sql,
            // Counted per candidate through the household index, so the cost follows
            // the page, not the size of the registry.
            " and p.household_id is not null
               and (select count(*) from people m where m.household_id = p.household_id) >= ?",
            Arg::Int(min),
        );
    }
    if let Some(code) = f.code.as_deref().filter(|s| !s.is_empty()) {
        push(&mut sql, " and p.code = ?", Arg::Text(code.to_string()));
    }
    let n = args.len() + 2;
    sql.push_str(&format!(" order by p.person_id limit ${n}"));
    let mut q = sqlx::query_as::<_, PersonRow>(&sql).bind(f.after.unwrap_or(0));
    for a in args {
        q = match a {
            Arg::Int(i) => q.bind(i),
            Arg::Text(t) => q.bind(t),
        };
    }
    Ok(q.bind(limit).fetch_all(&mut *c).await?)
}

pub async fn count(c: &mut Conn) -> Result<i64> {
    Ok(sqlx::query_scalar("select count(*) from people")
        .fetch_one(&mut *c)
        .await?)
}

fn found(rows: u64) -> Result<()> {
    if rows == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}
