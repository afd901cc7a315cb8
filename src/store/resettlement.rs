//! Resettlement cases, their dated steps, and country offers with the places their
//! cases hold. No personal data: a case names its household, people appear by code.

use sqlx::FromRow;

use super::{Conn, Result, StoreError};

/// Stages whose people hold places of their offer (see `Stage::holds_places`).
const HOLDING: &str = "('accepted', 'departure_scheduled', 'departed')";
/// Stages whose people wait for an offer's country to decide.
const PENDING: &str = "('submitted', 'deferred')";
/// People who go with their household's case (not the dead, missing or gone).
pub const WITH_HOUSEHOLD: &str = "status not in ('deceased', 'missing', 'departed')";

fn found(n: u64) -> Result<()> {
    if n == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct OfferRow {
    pub offer_id: i64,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    /// Day, epoch milliseconds of midnight UTC.
    pub announced_on: i64,
    pub places: i64,
    /// The largest household the country takes; null: any size.
    pub max_household: Option<i64>,
    /// 1 when people with serious medical needs can be taken.
    pub medical: i64,
    pub note: String,
    /// People in cases accepted under the offer (accepted, departure scheduled, departed).
    pub used: i64,
    /// People in cases submitted under the offer and not yet decided.
    pub pending: i64,
}

impl OfferRow {
    pub fn left(&self) -> i64 {
        (self.places - self.used).max(0)
    }
}

/// An offer's columns as stored.
pub struct OfferFields<'a> {
    pub country: &'a str,
    pub announced_on: i64,
    pub places: i64,
    pub max_household: Option<i64>,
    pub medical: bool,
    pub note: &'a str,
}

fn offer_select() -> String {
    format!(
        "select o.offer_id, o.country, o.announced_on, o.places, o.max_household, o.medical, o.note,
           cast(coalesce((select sum(c.people) from resettlement_cases c
                     where c.offer_id = o.offer_id and c.stage in {HOLDING}), 0) as bigint) as used,
           cast(coalesce((select sum(c.people) from resettlement_cases c
                     where c.offer_id = o.offer_id and c.stage in {PENDING}), 0) as bigint) as pending
         from resettlement_offers o"
    )
}

pub async fn insert_offer(c: &mut Conn, f: &OfferFields<'_>, now: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into resettlement_offers (country, announced_on, places, max_household, medical, note,
                                          created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $7) returning offer_id",
    )
    .bind(f.country)
    .bind(f.announced_on)
    .bind(f.places)
    .bind(f.max_household)
    .bind(i64::from(f.medical))
    .bind(f.note)
    .bind(now)
    .fetch_one(&mut *c)
    .await?)
}

pub async fn update_offer(c: &mut Conn, id: i64, f: &OfferFields<'_>, now: i64) -> Result<()> {
    let n = sqlx::query(
        "update resettlement_offers set country = $1, announced_on = $2, places = $3, max_household = $4,
         medical = $5, note = $6, updated_at = $7 where offer_id = $8",
    )
    .bind(f.country)
    .bind(f.announced_on)
    .bind(f.places)
    .bind(f.max_household)
    .bind(i64::from(f.medical))
    .bind(f.note)
    .bind(now)
    .bind(id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    found(n)
}

pub async fn offer(c: &mut Conn, id: i64) -> Result<Option<OfferRow>> {
    let sql = format!("{} where o.offer_id = $1", offer_select());
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

/// Every offer, newest first.
pub async fn offers(c: &mut Conn) -> Result<Vec<OfferRow>> {
    let sql = format!(
        "{} order by o.announced_on desc, o.offer_id desc",
        offer_select()
    );
    Ok(sqlx::query_as(&sql).fetch_all(&mut *c).await?)
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct CaseRow {
    pub case_id: i64,
    pub household_id: i64,
    pub household_code: String,
    /// identified, interviewed, recognised, submitted, accepted, rejected, deferred,
    /// departure_scheduled, departed or withdrawn.
    pub stage: String,
    /// The day the case entered its stage.
    pub stage_on: i64,
    pub opened_on: i64,
    /// The country it was last submitted to (ISO alpha-3).
    pub country: Option<String>,
    pub offer_id: Option<i64>,
    /// normal, urgent or emergency (from the last submission).
    pub priority: Option<String>,
    pub category: Option<String>,
    /// People in the household when the case last moved.
    pub people: i64,
}

const CASE_SELECT: &str =
    "select c.case_id, c.household_id, h.code as household_code, c.stage, c.stage_on,
            c.opened_on, c.country, c.offer_id, c.priority, c.category, c.people
     from resettlement_cases c join households h on h.household_id = c.household_id";

/// What a case is, as of its last step.
pub struct CaseState<'a> {
    pub stage: &'a str,
    pub on: i64,
    pub country: Option<&'a str>,
    pub offer_id: Option<i64>,
    pub priority: Option<&'a str>,
    pub category: Option<&'a str>,
    pub people: i64,
}

pub async fn insert_case(
    c: &mut Conn,
    household_id: i64,
    s: &CaseState<'_>,
    now: i64,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into resettlement_cases (household_id, stage, stage_on, opened_on, country, offer_id,
                                         priority, category, people, created_at, updated_at)
         values ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, $9) returning case_id",
    )
    .bind(household_id)
    .bind(s.stage)
    .bind(s.on)
    .bind(s.country)
    .bind(s.offer_id)
    .bind(s.priority)
    .bind(s.category)
    .bind(s.people)
    .bind(now)
    .fetch_one(&mut *c)
    .await?)
}

pub async fn set_state(c: &mut Conn, id: i64, s: &CaseState<'_>, now: i64) -> Result<()> {
    let n = sqlx::query(
        "update resettlement_cases set stage = $1, stage_on = $2, country = $3, offer_id = $4,
         priority = $5, category = $6, people = $7, updated_at = $8 where case_id = $9",
    )
    .bind(s.stage)
    .bind(s.on)
    .bind(s.country)
    .bind(s.offer_id)
    .bind(s.priority)
    .bind(s.category)
    .bind(s.people)
    .bind(now)
    .bind(id)
    .execute(&mut *c)
    .await?
    .rows_affected();
    found(n)
}

pub async fn case(c: &mut Conn, id: i64) -> Result<Option<CaseRow>> {
    let sql = format!("{CASE_SELECT} where c.case_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *c)
        .await?)
}

/// The household's case that is neither departed nor withdrawn, if any.
pub async fn open_case_of(c: &mut Conn, household_id: i64) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "select case_id from resettlement_cases
         where household_id = $1 and stage not in ('departed', 'withdrawn') limit 1",
    )
    .bind(household_id)
    .fetch_optional(&mut *c)
    .await?)
}

/// The household's departed case, if it has one: its people have left for good.
pub async fn departed_case_of(c: &mut Conn, household_id: i64) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "select case_id from resettlement_cases
         where household_id = $1 and stage = 'departed' order by case_id limit 1",
    )
    .bind(household_id)
    .fetch_optional(&mut *c)
    .await?)
}

/// Cases, optionally at one stage, those that moved longest ago first.
pub async fn cases(c: &mut Conn, stage: Option<&str>, limit: i64) -> Result<Vec<CaseRow>> {
    let sql = format!(
        "{CASE_SELECT} where ($1 = '' or c.stage = $1) order by c.stage_on, c.case_id limit $2"
    );
    Ok(sqlx::query_as(&sql)
        .bind(stage.unwrap_or(""))
        .bind(limit)
        .fetch_all(&mut *c)
        .await?)
}

/// The cases under an offer (submitted, decided or departed), newest step first.
pub async fn cases_of_offer(c: &mut Conn, offer_id: i64) -> Result<Vec<CaseRow>> {
    let sql = format!("{CASE_SELECT} where c.offer_id = $1 order by c.stage_on desc, c.case_id");
    Ok(sqlx::query_as(&sql)
        .bind(offer_id)
        .fetch_all(&mut *c)
        .await?)
}

/// Every case that is not closed (the priority list and the allocation read these).
pub async fn open_cases(c: &mut Conn) -> Result<Vec<CaseRow>> {
    let sql =
        format!("{CASE_SELECT} where c.stage not in ('departed', 'withdrawn') order by c.case_id");
    Ok(sqlx::query_as(&sql).fetch_all(&mut *c).await?)
}

#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct StepRow {
    pub step_id: i64,
    pub case_id: i64,
    pub stage: String,
    pub effective_on: i64,
    pub country: Option<String>,
    pub offer_id: Option<i64>,
    pub priority: Option<String>,
    pub category: Option<String>,
    pub people: i64,
    pub note: String,
    /// When it was recorded (epoch ms) and by whom (username).
    pub recorded_at: i64,
    pub recorded_by: String,
}

/// A step to record.
pub struct NewStep<'a> {
    pub state: CaseState<'a>,
    pub note: &'a str,
    pub recorded_by: &'a str,
}

pub async fn insert_step(c: &mut Conn, case_id: i64, s: &NewStep<'_>, now: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into resettlement_steps (case_id, stage, effective_on, country, offer_id, priority,
                                         category, people, note, recorded_at, recorded_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning step_id",
    )
    .bind(case_id)
    .bind(s.state.stage)
    .bind(s.state.on)
    .bind(s.state.country)
    .bind(s.state.offer_id)
    .bind(s.state.priority)
    .bind(s.state.category)
    .bind(s.state.people)
    .bind(s.note)
    .bind(now)
    .bind(s.recorded_by)
    .fetch_one(&mut *c)
    .await?)
}

/// A case's history, oldest first.
pub async fn steps(c: &mut Conn, case_id: i64) -> Result<Vec<StepRow>> {
    Ok(sqlx::query_as(
        "select step_id, case_id, stage, effective_on, country, offer_id, priority, category, people,
                note, recorded_at, recorded_by
         from resettlement_steps where case_id = $1 order by effective_on, step_id",
    )
    .bind(case_id)
    .fetch_all(&mut *c)
    .await?)
}

/// The countries that rejected the case (a resubmission must go elsewhere).
pub async fn rejected_by(c: &mut Conn, case_id: i64) -> Result<Vec<String>> {
    // A rejection step carries the country of the submission it answers.
    Ok(sqlx::query_scalar(
        "select distinct country from resettlement_steps
         where case_id = $1 and stage = 'rejected' and country is not null",
    )
    .bind(case_id)
    .fetch_all(&mut *c)
    .await?)
}

/// The people of a household who go with its case: (person id, code).
pub async fn household_people(c: &mut Conn, household_id: i64) -> Result<Vec<(i64, String)>> {
    let sql = format!(
        "select person_id, code from people where household_id = $1 and {WITH_HOUSEHOLD}
         order by person_id"
    );
    Ok(sqlx::query_as(&sql)
        .bind(household_id)
        .fetch_all(&mut *c)
        .await?)
}

/// Whether anyone in the household has a serious medical need.
pub async fn household_medical(c: &mut Conn, household_id: i64) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from person_needs n join people p on p.person_id = n.person_id
         where p.household_id = $1 and n.kind = 'serious_medical'",
    )
    .bind(household_id)
    .fetch_one(&mut *c)
    .await?;
    Ok(n > 0)
}

/// The households in which anyone has a serious medical need (all at once, for the
/// allocation: the same test as `household_medical`).
pub async fn medical_households(c: &mut Conn) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "select distinct p.household_id from person_needs n join people p on p.person_id = n.person_id
         where n.kind = 'serious_medical' and p.household_id is not null",
    )
    .fetch_all(&mut *c)
    .await?)
}

/// Every rejection: (case, country that rejected it), for all cases at once.
pub async fn rejections(c: &mut Conn) -> Result<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "select distinct case_id, country from resettlement_steps
         where stage = 'rejected' and country is not null",
    )
    .fetch_all(&mut *c)
    .await?)
}

/// One funnel line: cases and people at a stage.
#[derive(Debug, Clone, FromRow, serde::Serialize, utoipa::ToSchema)]
pub struct StageCount {
    pub stage: String,
    pub cases: i64,
    pub people: i64,
}

/// Cases and people at each stage now.
pub async fn funnel_now(c: &mut Conn) -> Result<Vec<StageCount>> {
    Ok(sqlx::query_as(
        "select stage, count(*) as cases, cast(coalesce(sum(people), 0) as bigint) as people
         from resettlement_cases group by stage",
    )
    .fetch_all(&mut *c)
    .await?)
}

/// Cases and people at each stage as of the end of day `at`: each case's last step on
/// or before that day (cases opened later are not counted), found with one window
/// pass over the steps rather than a lookup per step.
pub async fn funnel_at(c: &mut Conn, at: i64) -> Result<Vec<StageCount>> {
    Ok(sqlx::query_as(
        "select stage, count(*) as cases, cast(coalesce(sum(people), 0) as bigint) as people
         from (select stage, people,
                      row_number() over (partition by case_id order by effective_on desc, step_id desc) as r
               from resettlement_steps where effective_on <= $1) last_steps
         where r = 1
         group by stage",
    )
    .bind(at)
    .fetch_all(&mut *c)
    .await?)
}

/// Completed spells counted by length, as of the end of day `at`: (country, stage,
/// days, spells). A spell runs from a step to the case's next step; a case still at a
/// stage has no completed spell there. The country is the one the case was last
/// submitted to by that day (`""` before any submission). Counting by length keeps
/// the answer a few thousand rows however many cases there are; the percentiles are
/// read from the counts (`domain::pipeline::time_in_stage`).
pub async fn spell_counts(c: &mut Conn, at: i64) -> Result<Vec<(String, String, i64, i64)>> {
    Ok(sqlx::query_as(
        "select country, stage, days, count(*) from (
           select coalesce(first_value(country) over (partition by case_id
                    order by case when country is null then 1 else 0 end, effective_on desc, step_id desc), '')
                    as country,
                  stage,
                  (lead(effective_on) over (partition by case_id order by effective_on, step_id)
                    - effective_on) / 86400000 as days
           from resettlement_steps where effective_on <= $1) spells
         where days is not null
         group by country, stage, days",
    )
    .bind(at)
    .fetch_all(&mut *c)
    .await?)
}

/// Open cases whose last step by the end of day `at` is on or before day `before`
/// (not departed, not withdrawn), longest-waiting first: (case, stage, day, people).
pub async fn stalled(c: &mut Conn, at: i64, before: i64) -> Result<Vec<(i64, String, i64, i64)>> {
    Ok(sqlx::query_as(
        "select case_id, stage, effective_on, people from (
           select case_id, stage, effective_on, people,
                  row_number() over (partition by case_id order by effective_on desc, step_id desc) as r
           from resettlement_steps where effective_on <= $1) last_steps
         where r = 1 and stage not in ('departed', 'withdrawn') and effective_on <= $2
         order by effective_on, case_id",
    )
    .bind(at)
    .bind(before)
    .fetch_all(&mut *c)
    .await?)
}

/// The day of the first step in the record, if any.
pub async fn first_step_on(c: &mut Conn) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("select min(effective_on) from resettlement_steps")
            .fetch_one(&mut *c)
            .await?,
    )
}

/// People departed on each day up to the end of day `at`, oldest first: (day,
/// people). Days are midnights, so this is already the finest grain the record has;
/// months are summed from it in Rust, the same on both databases.
pub async fn departures_by_day(c: &mut Conn, at: i64) -> Result<Vec<(i64, i64)>> {
    Ok(sqlx::query_as(
        "select effective_on, cast(sum(people) as bigint) from resettlement_steps
         where stage = 'departed' and effective_on <= $1
         group by effective_on order by effective_on",
    )
    .bind(at)
    .fetch_all(&mut *c)
    .await?)
}

/// Departures: (day, destination country, people), oldest first.
pub async fn departures(c: &mut Conn) -> Result<Vec<(i64, String, i64)>> {
    Ok(sqlx::query_as(
        "select effective_on, coalesce(country, ''), people from resettlement_steps
         where stage = 'departed' order by effective_on, step_id",
    )
    .fetch_all(&mut *c)
    .await?)
}

/// Households with people present in a camp, and how many: (code, people), oldest
/// household first (the demo's cases are opened from these).
pub async fn household_sizes(c: &mut Conn) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "select h.code, count(*) from households h join people p on p.household_id = h.household_id
         where p.status = 'present' group by h.household_id, h.code order by h.household_id",
    )
    .fetch_all(&mut *c)
    .await?)
}

/// Residents who are or were in the camps: present, transferred or resettled (not the
/// dead, the missing, or those who left otherwise) — the forecast's population.
pub async fn population(c: &mut Conn) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "select count(*) from people where status in ('present', 'transferred', 'resettled')",
    )
    .fetch_one(&mut *c)
    .await?)
}

/// The specific needs in the households of open cases: (case id, kind, urgency), one
/// per person and kind.
pub async fn open_case_needs(c: &mut Conn) -> Result<Vec<(i64, String, String)>> {
    let sql = format!(
        "select c.case_id, n.kind, n.urgency from resettlement_cases c
         join people p on p.household_id = c.household_id
         join person_needs n on n.person_id = p.person_id
         where c.stage not in ('departed', 'withdrawn') and p.{WITH_HOUSEHOLD}
         order by c.case_id"
    );
    Ok(sqlx::query_as(&sql).fetch_all(&mut *c).await?)
}

/// Records a case officer's decision on a proposed placement.
pub async fn insert_placement(
    c: &mut Conn,
    case_id: i64,
    offer_id: i64,
    decision: &str,
    reason: &str,
    by: &str,
    now: i64,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "insert into resettlement_placements (case_id, offer_id, decision, reason, decided_at, decided_by)
         values ($1, $2, $3, $4, $5, $6) returning placement_id",
    )
    .bind(case_id)
    .bind(offer_id)
    .bind(decision)
    .bind(reason)
    .bind(now)
    .bind(by)
    .fetch_one(&mut *c)
    .await?)
}

/// Placements a case officer rejected: (case id, offer id), never proposed again.
pub async fn rejected_placements(c: &mut Conn) -> Result<Vec<(i64, i64)>> {
    Ok(sqlx::query_as(
        "select case_id, offer_id from resettlement_placements where decision = 'rejected'",
    )
    .fetch_all(&mut *c)
    .await?)
}
