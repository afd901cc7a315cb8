//! The generated record of the commitments' evaluation (SQLite): incidents and
//! monitoring visits inserted set-based, each batch one `insert … select` over a
//! recursive counter, every column a function of the row's number and the seed (a
//! small integer hash), so the same seed gives the same record at every size. The
//! indexes of both tables are dropped for the load and re-created from their own stored
//! definitions afterwards (the same indexes as before, built by one sort each instead
//! of 10 M random inserts); then `analyze`. This is setup, not measured: the fill at L
//! (10 M incidents, 1 M visits) had taken over half an hour row by row.

use crate::app::App;
use crate::domain::commitment::DAY_MS;

/// Generated evidence falls between these days (epoch days): 2009-01-01 to 2016-01-01.
const FIRST_DAY: i64 = 14_245;
const LAST_DAY: i64 = 16_801;
const CATEGORIES: [&str; 8] = [
    "rocket_attack",
    "medical_denial",
    "intimidation",
    "property_seizure",
    "harassment",
    "armed_assault",
    "threat",
    "infiltration",
];
/// Rows per transaction: the write-ahead log is checkpointed between batches.
const BATCH: i64 = 1_000_000;
/// The hash works modulo this prime (2^31 − 1), so every product fits in 63 bits.
const P: i64 = 2_147_483_647;
const MULTIPLIERS: [i64; 8] = [
    48_271, 69_621, 16_807, 39_373, 40_692, 41_358, 45_742, 62_089,
];

/// A pseudo-random value in 0..P for row `i` (SQL column) and field `j`, from `seed`:
/// an affine step modulo P, then a square to break its lattice.
fn hash(seed: u64, j: usize) -> String {
    let a = MULTIPLIERS
        .get(j % MULTIPLIERS.len())
        .copied()
        .unwrap_or(48_271);
    let mixed = seed
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add((j as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9));
    let s = i64::try_from(mixed % (P as u64)).unwrap_or(1);
    let b = 1 + (s % 65_521);
    let x = format!("((i * {a} + {s}) % {P})");
    format!("(({x} * {x} % {P} * {b} + {x}) % {P})")
}

/// `case (e) when 0 then v0 when 1 then v1 … end`: the value at index `e` of a list.
fn pick<T: std::fmt::Display>(e: &str, v: &[T]) -> String {
    let arms: String = v
        .iter()
        .enumerate()
        .map(|(k, x)| format!(" when {k} then {x}"))
        .collect();
    format!("(case ({e}) % {}{arms} end)", v.len())
}

fn quoted(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| format!("'{s}'")).collect()
}

/// The statements that insert rows `$1..=$2` of each table.
fn inserts(
    seed: u64,
    sites: &[i64],
    named: &[i64],
    orgs: &[i64],
    all_orgs: &[i64],
) -> (String, String) {
    let h = |j| hash(seed, j);
    let days = LAST_DAY - FIRST_DAY;
    // Incidents of the demo's categories at its sites, a tenth at none.
    let incidents = format!(
        "with recursive n(i) as (select $1 union all select i + 1 from n where i < $2)
         insert into incidents (category, started_at, site_id, title, start_precision,
           geo_precision, created_at, updated_at, derived_at)
         select {cat}, ({FIRST_DAY} + {day} % {days}) * {DAY_MS} + {hour} % 24 * 3600000,
           case when {none} % 10 = 0 then null else {site} end,
           'Bench incident', 'day', 'region', 0, 0, 0
         from n",
        cat = pick(&h(0), &quoted(&CATEGORIES)),
        day = h(1),
        hour = h(2),
        none = h(3),
        site = pick(&h(4), sites),
    );
    // Visits of every organisation, most by those the terms name, half of them at the
    // sites the terms name; 2 to 7 hours from a morning arrival.
    let visits = format!(
        "with recursive n(i) as (select $1 union all select i + 1 from n where i < $2)
         insert into monitoring_visits (organisation_id, site_id, arrival, departure,
           monitors, created_at)
         select o, s, a, a + d * 3600000, 2, 0 from (
           select case when {which} % 10 < 6 then {org} else {any} end as o,
             case when {half} % 2 = 0 then {named} else {site} end as s,
             ({FIRST_DAY} + {day} % {days}) * {DAY_MS} + (6 + {hour} % 6) * 3600000 as a,
             2 + {long} % 6 as d
           from n)",
        which = h(0),
        org = pick(&h(1), orgs),
        any = pick(&h(1), all_orgs),
        half = h(2),
        named = pick(&h(3), named),
        site = pick(&h(3), sites),
        day = h(4),
        hour = h(5),
        long = h(6),
    );
    (incidents, visits)
}

async fn ids(app: &App, sql: &str) -> anyhow::Result<Vec<i64>> {
    let mut c = app.store.read().await?;
    let v: Vec<i64> = sqlx::query_scalar(sql).fetch_all(&mut *c).await?;
    anyhow::ensure!(!v.is_empty(), "the demo has none of: {sql}");
    Ok(v)
}

/// Inserts rows 1..=`rows` with `sql`, a batch per transaction.
async fn batches(app: &App, sql: &str, rows: i64) -> anyhow::Result<()> {
    let mut lo = 1;
    while lo <= rows {
        let hi = (lo + BATCH - 1).min(rows);
        let mut tx = app.store.write().await?;
        sqlx::query(sql).bind(lo).bind(hi).execute(&mut *tx).await?;
        tx.commit().await?;
        lo = hi + 1;
    }
    Ok(())
}

/// Loads `incidents` incidents and `visits` visits generated from `seed` (module
/// header): incidents of the demo's categories at its sites (a tenth at none), visits
/// of every organisation at the sites, half of them at the sites the demo's terms name.
pub async fn fill(app: &App, incidents: usize, visits: usize, seed: u64) -> anyhow::Result<()> {
    let sites = ids(app, "select site_id from sites order by site_id").await?;
    let named = ids(
        app,
        "select distinct site_id from commitments where site_id is not null order by site_id",
    )
    .await?;
    let orgs = ids(
        app,
        "select distinct owed_by_id from commitments
         where term in ('presence', 'frequency') order by owed_by_id",
    )
    .await?;
    let all_orgs = ids(
        app,
        "select organisation_id from organisations order by organisation_id",
    )
    .await?;
    let (ins_incidents, ins_visits) = inserts(seed, &sites, &named, &orgs, &all_orgs);
    let indexes: Vec<(String, String)> = {
        let mut c = app.store.read().await?;
        sqlx::query_as(
            "select name, sql from sqlite_master where type = 'index' and sql is not null
               and tbl_name in ('incidents', 'monitoring_visits') order by name",
        )
        .fetch_all(&mut *c)
        .await?
    };
    let mut tx = app.store.write().await?;
    for (name, _) in &indexes {
        sqlx::query(&format!("drop index \"{name}\""))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    batches(app, &ins_incidents, i64::try_from(incidents)?).await?;
    batches(app, &ins_visits, i64::try_from(visits)?).await?;
    let mut tx = app.store.write().await?;
    for (_, sql) in &indexes {
        sqlx::query(sql).execute(&mut *tx).await?;
    }
    sqlx::query("analyze").execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_stays_in_range_and_spreads() {
        // Evaluate the SQL expression's arithmetic in Rust for a few rows.
        let v: Vec<i64> = (1..=1000_i64)
            .map(|i| {
                let (a, s) = (48_271_i64, 12_345_i64);
                let x = (i * a + s) % P;
                (x * x % P * 7 + x) % P
            })
            .collect();
        assert!(v.iter().all(|x| (0..P).contains(x)));
        let mut buckets = [0_usize; 8];
        for x in &v {
            if let Some(b) = buckets.get_mut(usize::try_from(x % 8).unwrap_or(0)) {
                *b += 1;
            }
        }
        assert!(buckets.iter().all(|b| (80..170).contains(b)), "{buckets:?}");
    }

    #[test]
    fn a_pick_names_every_value() {
        let s = pick("h", &[3, 5, 9]);
        assert_eq!(
            s,
            "(case (h) % 3 when 0 then 3 when 1 then 5 when 2 then 9 end)"
        );
    }
}
