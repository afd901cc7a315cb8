//! The anchor of the commitments' evaluation: every commitment's status and share as
//! of an instant, computed by hand-written SQL (SQLite), one statement per term kind
//! over all commitments of that kind — the least any evaluation must do, with no
//! evidence read into the process. It follows `domain/commitment/compliance.rs` rule
//! for rule; the bench checks that both give the same statuses before it times them.
//! It gives neither the day a status began nor the evidence that decides it (vigil's
//! path gives both).

use crate::store::Conn;

/// The latest observation up to the instant that says whether a commitment was kept:
/// its outcome and share (`lo`, `ls`), for the terms that fall back on it.
const LATEST: &str = "l as (
    select k.commitment_id,
      (select o.outcome from commitment_observations o where o.commitment_id = k.commitment_id
         and o.observed_on <= ?1 and o.outcome <> 'statement'
         order by o.observed_on desc, o.observation_id desc limit 1) as lo,
      (select o.share_permille from commitment_observations o where o.commitment_id = k.commitment_id
         and o.observed_on <= ?1 and o.outcome <> 'statement'
         order by o.observed_on desc, o.observation_id desc limit 1) as ls
    from commitments k)";

/// Status from the latest deciding observation, else `none`.
fn fallback(none: &str) -> String {
    format!(
        "case l.lo when 'fulfilled' then 'met' when 'partly' then 'partly_met' \
         when 'not_fulfilled' then 'breached' else '{none}' end"
    )
}

/// Status of `got` kept of `owed` (both SQL expressions).
fn ratio(got: &str, owed: &str) -> String {
    format!(
        "case when {got} >= {owed} then 'met' when {got} <= 0 then 'breached' else 'partly_met' end"
    )
}

fn statements() -> Vec<String> {
    let deadline = format!(
        "with {LATEST},
         f as (select commitment_id, min(observed_on) as done from commitment_observations
               where outcome = 'fulfilled' and observed_on <= ?1 group by commitment_id)
         select k.commitment_id,
           case when ?1 < k.in_force_from then 'pending'
                when f.done is not null then
                  case when f.done < k.due_on + 86400000 then 'met' else 'breached' end
                when ?1 < k.due_on + 86400000 then 'pending'
                else {fb} end as status,
           l.ls as share
         from commitments k join l on l.commitment_id = k.commitment_id
           left join f on f.commitment_id = k.commitment_id
         where k.term = 'deadline'",
        fb = fallback("cannot_judge")
    );
    // Quantity: the convoy's manifest lines of the item (compared without case or a
    // plural s), else the latest count at the site against its population that day.
    let quantity = format!(
        "with {LATEST},
         d as (select k.commitment_id,
                 coalesce(m.moved, m.allowed) as del,
                 case when k.per_residents is null then k.quantity
                      when k.per_residents > 0 and v.left_count is not null then
                        (k.quantity * max(v.left_count, 0) + k.per_residents - 1) / k.per_residents
                 end as req
               from commitments k join convoy_manifest m on m.convoy_id = k.convoy_id
                 join convoys v on v.convoy_id = m.convoy_id
               where k.term = 'quantity'
                 and rtrim(lower(trim(m.item)), 's') = rtrim(lower(trim(k.item)), 's')
                 and coalesce(v.departed_on, v.arrived_on, v.planned_on) <= ?1),
         dq as (select commitment_id, count(*) as lines,
                  sum(case when req is not null and del is not null then 1 else 0 end) as usable,
                  sum(case when req is not null and del is not null
                      then max(min(del, req), 0) else 0 end) as got,
                  sum(case when req is not null and del is not null then req else 0 end) as due
                from d group by commitment_id),
         n as (select k.commitment_id,
                 (select o.observation_id from commitment_observations o
                  where o.commitment_id = k.commitment_id and o.counted is not null
                    and o.observed_on <= ?1
                  order by o.observed_on desc, o.observation_id desc limit 1) as oid
               from commitments k where k.term = 'quantity'),
         c as (select n.commitment_id, o.counted,
                 case when k.per_residents is null then k.quantity
                      when k.per_residents > 0 and k.site_id is not null then
                        (k.quantity * max((select count(*) from person_history h
                           where h.site_id = k.site_id and h.status = 'present'
                             and h.history_id = (select h2.history_id from person_history h2
                               where h2.person_id = h.person_id
                                 and h2.effective_at <= o.observed_on + 86400000 - 1
                               order by h2.effective_at desc, h2.history_id desc limit 1)), 0)
                         + k.per_residents - 1) / k.per_residents
                 end as req
               from n join commitment_observations o on o.observation_id = n.oid
                 join commitments k on k.commitment_id = n.commitment_id)
         select k.commitment_id,
           case when ?1 < k.in_force_from then 'pending'
                when dq.lines is not null then
                  case when dq.usable = 0 then 'cannot_judge' else {rd} end
                when c.commitment_id is not null then
                  case when c.req is null then 'cannot_judge' else {rc} end
                when k.in_force_until is not null and ?1 >= k.in_force_until then {fbc}
                else {fbp} end as status,
           case when ?1 < k.in_force_from then null
                when dq.lines is not null then
                  case when dq.usable > 0 and dq.got < dq.due and dq.got > 0
                       then dq.got * 1000 / max(dq.due, 1) end
                when c.commitment_id is not null then
                  case when c.req is not null and min(c.counted, c.req) < c.req
                         and min(c.counted, c.req) > 0
                       then min(c.counted, c.req) * 1000 / max(c.req, 1) end
                else l.ls end as share
         from commitments k join l on l.commitment_id = k.commitment_id
           left join dq on dq.commitment_id = k.commitment_id
           left join c on c.commitment_id = k.commitment_id
         where k.term = 'quantity'",
        rd = ratio("dq.got", "dq.due"),
        rc = ratio("min(c.counted, c.req)", "c.req"),
        fbc = fallback("cannot_judge"),
        fbp = fallback("pending"),
    );
    // Presence: the owing party's visits at the site merged (each span counts from
    // the furthest departure before it), against the share of the time in force.
    let presence = format!(
        "with {LATEST},
         p as (select commitment_id, owed_by_id, site_id, in_force_from as f,
                 min(coalesce(in_force_until, ?1), ?1) as e, share_permille as sh
               from commitments where term = 'presence'),
         s as (select p.commitment_id, max(v.arrival, p.f) as a, min(v.departure, p.e) as b
               from p join monitoring_visits v on v.organisation_id = p.owed_by_id
                 and (p.site_id is null or v.site_id = p.site_id) and v.arrival <= ?1),
         w as (select commitment_id, a, b, max(b) over (partition by commitment_id order by a, b
                 rows between unbounded preceding and 1 preceding) as r
               from s where a < b),
         cov as (select commitment_id, sum(max(b - max(a, coalesce(r, a)), 0)) as covered
                 from w group by commitment_id),
         seen as (select commitment_id from s group by commitment_id)
         select p.commitment_id,
           case when ?1 < p.f then 'pending'
                when seen.commitment_id is null then {fb}
                when p.e - p.f <= 0 then 'pending'
                when coalesce(cov.covered, 0) * 1000 >= (p.e - p.f) * p.sh then 'met'
                when coalesce(cov.covered, 0) = 0 then 'breached'
                else 'partly_met' end as status,
           case when ?1 < p.f then null
                when seen.commitment_id is null then l.ls
                when p.e - p.f > 0 and coalesce(cov.covered, 0) > 0
                  and cov.covered * 1000 < (p.e - p.f) * p.sh
                then cov.covered * 1000 * 1000 / max((p.e - p.f) * p.sh, 1) end as share
         from p join l on l.commitment_id = p.commitment_id
           left join cov on cov.commitment_id = p.commitment_id
           left join seen on seen.commitment_id = p.commitment_id",
        fb = fallback("cannot_judge")
    );
    // Frequency: the visits counted by whole window of the period; the share of
    // windows with enough of them.
    let frequency = format!(
        "with {LATEST},
         q as (select commitment_id, owed_by_id, site_id, in_force_from as f, visits as k,
                 max(period_days * 86400000, 1) as len,
                 max(min(coalesce(in_force_until, ?1), ?1) - in_force_from, 0)
                   / max(period_days * 86400000, 1) as windows
               from commitments where term = 'frequency'),
         win as (select q.commitment_id, (v.arrival - q.f) / q.len as w, count(*) as n
                 from q join monitoring_visits v on v.organisation_id = q.owed_by_id
                   and (q.site_id is null or v.site_id = q.site_id)
                   and v.arrival >= q.f and v.arrival < q.f + q.windows * q.len
                 group by q.commitment_id, w),
         kept as (select win.commitment_id, count(*) as kept from win
                  join q on q.commitment_id = win.commitment_id
                  where win.n >= q.k group by win.commitment_id),
         seen as (select q.commitment_id from q where exists (select 1 from monitoring_visits v
                  where v.organisation_id = q.owed_by_id
                    and (q.site_id is null or v.site_id = q.site_id) and v.arrival <= ?1))
         select q.commitment_id,
           case when ?1 < q.f then 'pending'
                when seen.commitment_id is null then {fb}
                when q.windows = 0 then 'pending'
                else {r} end as status,
           case when ?1 < q.f then null
                when seen.commitment_id is null then l.ls
                when q.windows > 0 and coalesce(kept.kept, 0) > 0 and kept.kept < q.windows
                then kept.kept * 1000 / q.windows end as share
         from q join l on l.commitment_id = q.commitment_id
           left join kept on kept.commitment_id = q.commitment_id
           left join seen on seen.commitment_id = q.commitment_id",
        fb = fallback("cannot_judge"),
        r = ratio("coalesce(kept.kept, 0)", "q.windows"),
    );
    // Prohibition and access: any standing incident of the category at the site in
    // the period, or an observation that it was not kept, breaches.
    let breach = "select k.commitment_id,
           case when ?1 < k.in_force_from then 'pending'
                when exists (select 1 from incidents i where i.category = k.category
                    and (k.site_id is null or i.site_id = k.site_id)
                    and i.started_at >= k.in_force_from
                    and i.started_at <= min(coalesce(k.in_force_until, ?1), ?1)
                    and i.retracted_at is null)
                  or exists (select 1 from commitment_observations o
                    where o.commitment_id = k.commitment_id and o.outcome = 'not_fulfilled'
                      and o.observed_on <= ?1)
                then 'breached' else 'met' end as status,
           null as share
         from commitments k where k.term in ('prohibition', 'access')"
        .to_string();
    vec![deadline, quantity, presence, frequency, breach]
}

/// Every commitment's (id, status, share in ‰) as of instant `at`, by id.
pub async fn statuses(c: &mut Conn, at: i64) -> anyhow::Result<Vec<(i64, String, Option<i64>)>> {
    let mut out: Vec<(i64, String, Option<i64>)> = vec![];
    for sql in statements() {
        // A share only where the status is partly met, as the judge gives it.
        let sql = format!(
            "select commitment_id, status, case when status = 'partly_met' then share end
             from ({sql})"
        );
        let rows: Vec<(i64, String, Option<i64>)> =
            sqlx::query_as(&sql).bind(at).fetch_all(&mut *c).await?;
        out.extend(rows);
    }
    out.sort_by_key(|r| r.0);
    Ok(out)
}
