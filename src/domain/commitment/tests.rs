//! Every term kind against hand-computed cases, before and after its evidence, and
//! the property that the judge never looks past the moment it is asked about.

use super::compliance::{coverage, gaps, history, history_by_judging, judge, verdict, Status};
use super::*;
use proptest::prelude::*;

const H: i64 = 3_600_000;

fn day(y: i64, m: u8, d: u8) -> i64 {
    crate::calendar::days_from_civil(y, m, d) * DAY_MS
}

fn obs(id: i64, at: i64, outcome: Outcome) -> Observation {
    Observation { id, at, outcome }
}

fn visit(id: i64, arrival: i64, departure: i64) -> Visit {
    Visit {
        id,
        arrival,
        departure,
    }
}

fn commit(term: Term, from: i64, until: Option<i64>) -> Commitment {
    Commitment { term, from, until }
}

#[test]
fn deadline_pending_met_late_and_unknown() {
    // Water connected by 20 July 2012.
    let c = commit(
        Term::Deadline {
            due: day(2012, 7, 20),
        },
        day(2012, 6, 1),
        None,
    );
    let none = Evidence::default();
    assert_eq!(judge(&c, &none, day(2012, 5, 1)).status, Status::Pending);
    assert_eq!(
        judge(&c, &none, day(2012, 7, 20) + H).status,
        Status::Pending
    );
    assert_eq!(
        judge(&c, &none, day(2012, 7, 21)).status,
        Status::CannotJudge
    );

    let on_time = Evidence {
        observations: vec![obs(1, day(2012, 7, 19), Outcome::Fulfilled)],
        ..Evidence::default()
    };
    assert_eq!(
        judge(&c, &on_time, day(2012, 7, 18)).status,
        Status::Pending
    );
    let j = judge(&c, &on_time, day(2012, 7, 19));
    assert_eq!(j.status, Status::Met);
    assert_eq!(j.deciding, vec![EvidenceRef::Observation(1)]);

    let never = Evidence {
        observations: vec![
            obs(2, day(2012, 7, 10), Outcome::NotFulfilled),
            obs(3, day(2012, 8, 30), Outcome::Statement),
        ],
        ..Evidence::default()
    };
    // Not yet due: a report that it is not done does not breach it.
    assert_eq!(judge(&c, &never, day(2012, 7, 15)).status, Status::Pending);
    let j = judge(&c, &never, day(2012, 9, 1));
    assert_eq!(j.status, Status::Breached);
    assert_eq!(j.deciding, vec![EvidenceRef::Observation(2)]);
    assert_eq!(verdict(&c, &never, day(2012, 9, 1)).since, day(2012, 7, 21));

    let late = Evidence {
        observations: vec![obs(4, day(2012, 8, 2), Outcome::Fulfilled)],
        ..Evidence::default()
    };
    assert_eq!(judge(&c, &late, day(2012, 8, 3)).status, Status::Breached);

    let partly = Evidence {
        observations: vec![obs(5, day(2012, 7, 25), Outcome::Partly(Some(400)))],
        ..Evidence::default()
    };
    assert_eq!(
        judge(&c, &partly, day(2012, 7, 26)).status,
        Status::PartlyMet(Some(400))
    );
}

fn delivery(line: i64, at: i64, delivered: Option<i64>, residents: Option<i64>) -> Delivery {
    Delivery {
        convoy_id: 4,
        line_id: line,
        at,
        delivered,
        residents,
    }
}

#[test]
fn quantity_absolute_six_agreed_two_allowed() {
    let c = commit(
        Term::Quantity {
            item: "generator".into(),
            at_least: 6,
            per_residents: None,
        },
        day(2012, 2, 1),
        None,
    );
    let ev = Evidence {
        deliveries: vec![delivery(9, day(2012, 5, 5), Some(2), None)],
        ..Evidence::default()
    };
    assert_eq!(judge(&c, &ev, day(2012, 5, 4)).status, Status::Pending);
    let j = judge(&c, &ev, day(2012, 5, 5));
    assert_eq!(j.status, Status::PartlyMet(Some(333)));
    assert_eq!(j.deciding, vec![EvidenceRef::Manifest(4, 9)]);
    let zero = Evidence {
        deliveries: vec![delivery(9, day(2012, 5, 5), Some(0), None)],
        ..Evidence::default()
    };
    assert_eq!(judge(&c, &zero, day(2012, 5, 6)).status, Status::Breached);
    let all = Evidence {
        deliveries: vec![delivery(9, day(2012, 5, 5), Some(7), None)],
        ..Evidence::default()
    };
    assert_eq!(judge(&c, &all, day(2012, 5, 6)).status, Status::Met);
}

#[test]
fn quantity_per_residents_from_the_head_count() {
    // 10 vehicles per 400 residents: 410 residents are owed 11 (a started block counts).
    let c = commit(
        Term::Quantity {
            item: "vehicle".into(),
            at_least: 10,
            per_residents: Some(400),
        },
        day(2012, 2, 15),
        None,
    );
    let ev = |moved, residents| Evidence {
        deliveries: vec![delivery(1, day(2012, 3, 1), moved, residents)],
        ..Evidence::default()
    };
    assert_eq!(
        judge(&c, &ev(Some(11), Some(410)), day(2012, 3, 2)).status,
        Status::Met
    );
    assert_eq!(
        judge(&c, &ev(Some(10), Some(410)), day(2012, 3, 2)).status,
        Status::PartlyMet(Some(909))
    );
    // 397 residents, 5 vehicles: owed 10, half given.
    assert_eq!(
        judge(&c, &ev(Some(5), Some(397)), day(2012, 3, 2)).status,
        Status::PartlyMet(Some(500))
    );
    // No head count: the per-resident figure cannot be computed.
    let j = judge(&c, &ev(Some(5), None), day(2012, 3, 2));
    assert_eq!(j.status, Status::CannotJudge);
    assert_eq!(j.deciding, vec![EvidenceRef::Manifest(4, 1)]);
    // Nothing moved or counted yet.
    assert_eq!(
        judge(&c, &ev(None, Some(400)), day(2012, 3, 2)).status,
        Status::CannotJudge
    );
}

#[test]
fn quantity_without_manifest_falls_back_to_observations() {
    let c = commit(
        Term::Quantity {
            item: "generator".into(),
            at_least: 6,
            per_residents: None,
        },
        day(2012, 2, 1),
        Some(day(2012, 12, 31)),
    );
    assert_eq!(
        judge(&c, &Evidence::default(), day(2012, 6, 1)).status,
        Status::Pending
    );
    assert_eq!(
        judge(&c, &Evidence::default(), day(2013, 1, 1)).status,
        Status::CannotJudge
    );
    let ev = Evidence {
        observations: vec![obs(7, day(2012, 4, 1), Outcome::NotFulfilled)],
        ..Evidence::default()
    };
    assert_eq!(judge(&c, &ev, day(2012, 6, 1)).status, Status::Breached);
}

#[test]
fn presence_round_the_clock_and_its_share() {
    let from = day(2012, 1, 1);
    let c = commit(
        Term::Presence {
            share_permille: 1000,
        },
        from,
        None,
    );
    // Present the whole first day, then 6 hours of the second.
    let ev = Evidence {
        visits: vec![
            visit(1, from, from + DAY_MS),
            visit(2, from + DAY_MS, from + DAY_MS + 6 * H),
        ],
        ..Evidence::default()
    };
    assert_eq!(judge(&c, &ev, from + DAY_MS).status, Status::Met);
    let j = judge(&c, &ev, from + 2 * DAY_MS);
    assert_eq!(j.status, Status::PartlyMet(Some(625)));
    assert_eq!(
        j.deciding,
        vec![EvidenceRef::Visit(1), EvidenceRef::Visit(2)]
    );
    // Nothing to judge at the very first instant; met after it; partly met from the
    // moment the monitors left.
    let h = history(&c, &ev, from + 2 * DAY_MS);
    let kinds: Vec<_> = h.iter().map(|(at, j)| (*at, j.status.as_str())).collect();
    assert_eq!(
        kinds,
        vec![
            (from, "pending"),
            (from + DAY_MS, "met"),
            (from + DAY_MS + 6 * H + 1, "partly_met")
        ]
    );

    // Half-time presence promised: 15 of 24 hours is enough.
    let half = commit(
        Term::Presence {
            share_permille: 500,
        },
        from,
        None,
    );
    assert_eq!(judge(&half, &ev, from + 2 * DAY_MS).status, Status::Met);

    // No visit at all recorded: nothing to judge presence by.
    assert_eq!(
        judge(&c, &Evidence::default(), from + DAY_MS).status,
        Status::CannotJudge
    );
    // Before the period in force.
    assert_eq!(judge(&c, &ev, from - 1).status, Status::Pending);
}

#[test]
fn coverage_counts_overlaps_once_and_gaps_are_longest_first() {
    let a = visit(1, 0, 10);
    let b = visit(2, 5, 20);
    let c = visit(3, 30, 35);
    let vs = [&a, &b, &c];
    assert_eq!(coverage(&vs, 0, 40), 25);
    assert_eq!(coverage(&vs, 8, 32), 14);
    assert_eq!(gaps(&vs, 0, 40), vec![(20, 30), (35, 40)]);
    assert_eq!(gaps(&[], 0, 40), vec![(0, 40)]);
}

#[test]
fn frequency_counts_every_completed_window() {
    // At least 2 visits every 30 days.
    let from = day(2012, 1, 1);
    let p = 30 * DAY_MS;
    let c = commit(
        Term::Frequency {
            visits: 2,
            period_days: 30,
        },
        from,
        None,
    );
    let ev = Evidence {
        visits: vec![
            visit(1, from + DAY_MS, from + DAY_MS + H),
            visit(2, from + 2 * DAY_MS, from + 2 * DAY_MS + H),
            visit(3, from + p + DAY_MS, from + p + DAY_MS + H),
        ],
        ..Evidence::default()
    };
    // First window not over yet.
    assert_eq!(judge(&c, &ev, from + 10 * DAY_MS).status, Status::Pending);
    assert_eq!(judge(&c, &ev, from + p).status, Status::Met);
    assert_eq!(
        judge(&c, &ev, from + 2 * p).status,
        Status::PartlyMet(Some(500))
    );
    // Three windows, one kept.
    assert_eq!(
        judge(&c, &ev, from + 3 * p).status,
        Status::PartlyMet(Some(333))
    );
    let none_kept = Evidence {
        visits: vec![visit(1, from + DAY_MS, from + DAY_MS + H)],
        ..Evidence::default()
    };
    assert_eq!(judge(&c, &none_kept, from + 3 * p).status, Status::Breached);
    let v = verdict(&c, &ev, from + 3 * p);
    assert_eq!(v.since, from + 2 * p);
}

#[test]
fn prohibition_breached_by_an_incident_in_force_only() {
    let from = day(2012, 3, 16);
    let c = commit(
        Term::Prohibition {
            category: crate::domain::incident::Category::Harassment,
        },
        from,
        Some(day(2013, 1, 1)),
    );
    let ev = Evidence {
        incidents: vec![
            IncidentFact {
                id: 1,
                at: day(2012, 1, 5),
            },
            IncidentFact {
                id: 2,
                at: day(2012, 4, 2),
            },
            IncidentFact {
                id: 3,
                at: day(2013, 2, 2),
            },
        ],
        ..Evidence::default()
    };
    assert_eq!(judge(&c, &ev, from).status, Status::Met);
    let j = judge(&c, &ev, day(2012, 4, 2));
    assert_eq!(j.status, Status::Breached);
    assert_eq!(j.deciding, vec![EvidenceRef::Incident(2)]);
    // The incident after the period does not count.
    assert_eq!(
        judge(&c, &ev, day(2013, 3, 1)).deciding,
        vec![EvidenceRef::Incident(2)]
    );
    assert_eq!(verdict(&c, &ev, day(2012, 9, 1)).since, day(2012, 4, 2));
    let access = commit(
        Term::Access {
            category: crate::domain::incident::Category::MedicalDenial,
        },
        from,
        None,
    );
    let said = Evidence {
        observations: vec![obs(8, day(2012, 5, 1), Outcome::NotFulfilled)],
        ..Evidence::default()
    };
    assert_eq!(
        judge(&access, &said, day(2012, 5, 1)).status,
        Status::Breached
    );
    assert_eq!(judge(&access, &said, day(2012, 4, 30)).status, Status::Met);
}

#[test]
fn terms_and_outcomes_are_validated() {
    assert!(Term::Presence { share_permille: 0 }.validate().is_err());
    assert!(Term::Presence {
        share_permille: 1001
    }
    .validate()
    .is_err());
    assert!(Term::Frequency {
        visits: 1,
        period_days: 0
    }
    .validate()
    .is_err());
    let q = |item: &str, per| Term::Quantity {
        item: item.into(),
        at_least: 10,
        per_residents: per,
    };
    assert!(q("", None).validate().is_err());
    assert!(q("vehicle", Some(0)).validate().is_err());
    assert!(q("vehicle", Some(400)).validate().is_ok());
    assert_eq!(
        Outcome::parse("not fulfilled", None),
        Ok(Outcome::NotFulfilled)
    );
    assert_eq!(
        Outcome::parse("partly", Some(300)),
        Ok(Outcome::Partly(Some(300)))
    );
    assert_eq!(
        Outcome::parse("partly", Some(1300)).map_err(|e| e.field),
        Err("share")
    );
    assert_eq!(
        Outcome::parse("maybe", None).map_err(|e| e.field),
        Err("outcome")
    );
}

fn any_term() -> impl Strategy<Value = Term> {
    use crate::domain::incident::Category;
    prop_oneof![
        (0i64..200).prop_map(|d| Term::Deadline { due: d * DAY_MS }),
        (1i64..20, proptest::option::of(1i64..500)).prop_map(|(n, per)| Term::Quantity {
            item: "x".into(),
            at_least: n,
            per_residents: per,
        }),
        (1i64..=1000).prop_map(|s| Term::Presence { share_permille: s }),
        (1i64..5, 1i64..40).prop_map(|(k, p)| Term::Frequency {
            visits: k,
            period_days: p
        }),
        Just(Term::Prohibition {
            category: Category::Harassment
        }),
        Just(Term::Access {
            category: Category::MedicalDenial
        }),
    ]
}

fn any_evidence() -> impl Strategy<Value = Evidence> {
    let t = 0i64..(300 * DAY_MS);
    let outcome = prop_oneof![
        Just(Outcome::Fulfilled),
        Just(Outcome::NotFulfilled),
        Just(Outcome::Statement),
        proptest::option::of(0i64..=1000).prop_map(Outcome::Partly),
    ];
    (
        proptest::collection::vec((t.clone(), outcome), 0..4),
        proptest::collection::vec(
            (
                t.clone(),
                proptest::option::of(0i64..30),
                proptest::option::of(0i64..3000),
            ),
            0..4,
        ),
        proptest::collection::vec(t.clone(), 0..4),
        proptest::collection::vec((t, 0i64..(5 * DAY_MS)), 0..6),
    )
        .prop_map(|(o, d, i, v)| Evidence {
            // Some observations also count (their id and day pick the figures).
            counts: o
                .iter()
                .enumerate()
                .filter(|(n, _)| n % 2 == 0)
                .map(|(n, (at, _))| Count {
                    id: n as i64,
                    at: *at,
                    counted: (n as i64 * 7) % 40,
                    residents: Some(at % 3000),
                })
                .collect(),
            observations: o
                .into_iter()
                .enumerate()
                .map(|(n, (at, outcome))| obs(n as i64, at, outcome))
                .collect(),
            deliveries: d
                .into_iter()
                .enumerate()
                .map(|(n, (at, del, res))| delivery(n as i64, at, del, res))
                .collect(),
            incidents: i
                .into_iter()
                .enumerate()
                .map(|(n, at)| IncidentFact { id: n as i64, at })
                .collect(),
            visits: v
                .into_iter()
                .enumerate()
                .map(|(n, (a, len))| visit(n as i64, a, a + len))
                .collect(),
        })
}

/// Drops what no judge of moment `t` may see; a visit under way at `t` is cut there.
fn known_at(ev: &Evidence, t: i64) -> Evidence {
    Evidence {
        observations: ev
            .observations
            .iter()
            .filter(|o| o.at <= t)
            .cloned()
            .collect(),
        deliveries: ev
            .deliveries
            .iter()
            .filter(|d| d.at <= t)
            .cloned()
            .collect(),
        counts: ev.counts.iter().filter(|n| n.at <= t).cloned().collect(),
        incidents: ev.incidents.iter().filter(|i| i.at <= t).cloned().collect(),
        visits: ev
            .visits
            .iter()
            .filter(|v| v.arrival <= t)
            .map(|v| visit(v.id, v.arrival, v.departure.min(t)))
            .collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_depends_on_evidence_after_the_moment(
        term in any_term(),
        from in 0i64..(100 * DAY_MS),
        len in proptest::option::of(1i64..(200 * DAY_MS)),
        ev in any_evidence(),
        t in 0i64..(320 * DAY_MS),
    ) {
        let c = commit(term, from, len.map(|l| from + l));
        prop_assert_eq!(judge(&c, &ev, t), judge(&c, &known_at(&ev, t), t));
        let v = verdict(&c, &ev, t);
        prop_assert!(v.since <= t.max(c.from));
    }

    /// The swept histories (presence, frequency, prohibition, access) are exactly
    /// what judging every moment afresh gives, for every term kind.
    #[test]
    fn every_history_equals_judging_every_moment(
        term in any_term(),
        from in 0i64..(100 * DAY_MS),
        len in proptest::option::of(1i64..(200 * DAY_MS)),
        ev in any_evidence(),
        t in 0i64..(320 * DAY_MS),
    ) {
        let c = commit(term, from, len.map(|l| from + l));
        prop_assert_eq!(history(&c, &ev, t), history_by_judging(&c, &ev, t));
    }

    #[test]
    fn history_ends_with_the_status_of_its_last_moment(
        term in any_term(),
        ev in any_evidence(),
        t in 0i64..(320 * DAY_MS),
    ) {
        let c = commit(term, 10 * DAY_MS, None);
        let h = history(&c, &ev, t);
        for w in h.windows(2) {
            if let [a, b] = w {
                prop_assert!(a.0 < b.0);
                prop_assert_ne!(a.1.status.as_str(), b.1.status.as_str());
            }
        }
    }
}
