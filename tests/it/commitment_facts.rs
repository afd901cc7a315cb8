//! A presence or frequency term's visits summed up by the store (`visit_facts`: a
//! presence term's visits read as one text and merged, a frequency term's visits per
//! window in SQL, the first visits named) against the
//! same facts in Rust from every visit, on both databases; and every commitment's
//! status and the day it began, judged from the facts (lists, the report) and from
//! every visit (the commitment's page): the same.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use vigil::actions::documentation::commitments as acts;
use vigil::domain::commitment::facts::VisitFacts;
use vigil::domain::commitment::input::{CommitmentInput, CommitmentText};
use vigil::domain::commitment::{Commitment, Visit, DAY_MS};
use vigil::store;

use crate::commitments::agreement;
use crate::incidents::{documenter, org, reader};
use crate::support;

const H: i64 = 3_600_000;

fn day(s: &str) -> i64 {
    vigil::clock::parse_day(s).unwrap()
}

#[tokio::test]
async fn visit_facts_in_sql_equal_the_facts_from_every_visit() {
    for t in support::both().await {
        let cap = documenter();
        t.site_and_person("LIBERTY").await;
        t.site_and_person("ASHRAF").await;
        let un = org(&t, "UN Assistance Mission for Iraq", "un_body", "UNAMI").await;
        let mut c = t.app.store.read().await.unwrap();
        let liberty = store::sites::by_code(&mut c, "LIBERTY")
            .await
            .unwrap()
            .unwrap()
            .site_id;
        let ashraf = store::sites::by_code(&mut c, "ASHRAF")
            .await
            .unwrap()
            .unwrap()
            .site_id;
        drop(c);
        // Visits that overlap, touch, straddle the period's start, run past the day
        // judged, at two sites; a few hours most days, none for a month.
        let mut rng = StdRng::seed_from_u64(11);
        let start = day("2013-01-01");
        let mut tx = t.app.store.write().await.unwrap();
        let mut n = 0;
        for d in 0..120 {
            if (60..90).contains(&d) {
                continue;
            }
            for _ in 0..rng.gen_range(0..4) {
                let arrival = start + d * DAY_MS + rng.gen_range(0..20) * H;
                let departure = arrival + rng.gen_range(1..30) * H;
                let site = if rng.gen_bool(0.8) { liberty } else { ashraf };
                let v = store::commitments::VisitFields {
                    organisation_id: un,
                    site_id: site,
                    arrival,
                    departure,
                    monitors: Some(2),
                    source_id: None,
                };
                store::commitments::insert_visit(&mut tx, &v, 0)
                    .await
                    .unwrap();
                n += 1;
            }
        }
        // Two visits that touch: one span.
        for (a, b) in [(start + 40 * DAY_MS, start + 40 * DAY_MS + 5 * H)] {
            for (x, y) in [(a, b), (b, b + 2 * H)] {
                let v = store::commitments::VisitFields {
                    organisation_id: un,
                    site_id: liberty,
                    arrival: x,
                    departure: y,
                    monitors: None,
                    source_id: None,
                };
                store::commitments::insert_visit(&mut tx, &v, 0)
                    .await
                    .unwrap();
                n += 1;
            }
        }
        tx.commit().await.unwrap();
        assert!(n > 100, "{n} visits");

        let a = acts::create_agreement(&t.app, &cap, &agreement("Letter", &["UNAMI"], None))
            .await
            .unwrap();
        let terms = [
            (
                "presence",
                "1000",
                "",
                "",
                Some("LIBERTY"),
                "2013-01-10",
                "",
            ),
            ("presence", "300", "", "", None, "2013-01-01", "2013-03-15"),
            ("presence", "50", "", "", Some("LIBERTY"), "2013-02-03", ""),
            ("frequency", "", "3", "7", Some("LIBERTY"), "2013-01-05", ""),
            ("frequency", "", "1", "2", None, "2013-01-01", "2013-04-20"),
        ];
        for (term, share, visits, period, site, from, until) in terms {
            let k = CommitmentInput::parse(&CommitmentText {
                statement: "Monitors present.",
                owed_by: "UNAMI",
                site: site.unwrap_or(""),
                from,
                until,
                term,
                share_permille: share,
                visits,
                period_days: period,
                ..CommitmentText::default()
            })
            .unwrap();
            acts::add_commitment(&t.app, &cap, a, &k).await.unwrap();
        }

        let mut c = t.app.store.read().await.unwrap();
        let rows = store::commitments::commitments(&mut c, Some(a))
            .await
            .unwrap();
        for r in &rows {
            let k = Commitment {
                term: acts::term_of(r).unwrap(),
                from: r.in_force_from,
                until: r.in_force_until,
            };
            let every: Vec<Visit> = store::commitments::visits(&mut c, Some(un), r.site_id)
                .await
                .unwrap()
                .into_iter()
                .map(|v| Visit {
                    id: v.visit_id,
                    arrival: v.arrival,
                    departure: v.departure,
                })
                .collect();
            for at in ["2013-01-03", "2013-01-20", "2013-03-10", "2013-05-01"] {
                let at = acts::end_of(day(at));
                for listed in [3, 100] {
                    let sql = store::commitment_evidence::visit_facts(
                        &mut c,
                        (un, r.site_id),
                        &k,
                        at,
                        listed,
                    )
                    .await
                    .unwrap();
                    let rust = VisitFacts::from_visits(&k, &every, at, listed as usize);
                    assert_eq!(
                        sql, rust,
                        "{} {:?} as of {at} ({})",
                        r.term, r.site_id, t.backend
                    );
                }
            }
        }
        drop(c);

        // Statuses and the day they began: from the facts (the list) and from every
        // visit (each commitment's page).
        for as_of in ["2013-01-20", "2013-02-11", "2013-03-10", "2013-05-01"] {
            let listed = acts::statuses(&t.app, &reader(), day(as_of)).await.unwrap();
            assert_eq!(listed.len(), terms.len());
            for s in listed {
                let page = acts::get_commitment(&t.app, &reader(), s.row.commitment_id, day(as_of))
                    .await
                    .unwrap();
                let one = &page.summary.status;
                assert_eq!(
                    (s.status.status, s.status.share_permille, s.status.since),
                    (one.status, one.share_permille, one.since),
                    "commitment {} as of {as_of} ({})",
                    s.row.commitment_id,
                    t.backend
                );
                let ids =
                    |v: &acts::StatusView| v.deciding.iter().map(|l| l.id).collect::<Vec<_>>();
                assert_eq!(ids(&s.status), ids(one));
                assert_eq!(s.status.deciding_more, one.deciding_more);
            }
            // The report's statuses month by month (histories from the facts) against
            // the pages' histories (from every visit).
            let r = acts::report::commitments_report(&t.app, &reader(), day(as_of))
                .await
                .unwrap();
            let mut pages = vec![];
            for k in &rows {
                let id = k.commitment_id;
                let p = acts::get_commitment(&t.app, &reader(), id, day(as_of)).await;
                pages.push(p.unwrap().history);
            }
            for month in &r.over_time {
                let mut counts = acts::report::StatusCounts {
                    at: month.at,
                    ..Default::default()
                };
                for h in &pages {
                    let s = h.iter().rev().find(|e| e.at <= month.at);
                    counts.add(s.map_or("pending", |e| e.status));
                }
                assert_eq!(&counts, month, "as of {as_of} ({})", t.backend);
            }
        }
    }
}
