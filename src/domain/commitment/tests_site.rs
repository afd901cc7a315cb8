//! Quantity terms per N residents of a site: what is owed follows the site's
//! population on the day of each count, hand-computed.

use super::compliance::{judge, owed, Status};
use super::*;

fn day(y: i64, m: u8, d: u8) -> i64 {
    crate::calendar::days_from_civil(y, m, d) * DAY_MS
}

fn count(id: i64, at: i64, counted: i64, residents: Option<i64>) -> Count {
    Count {
        id,
        at,
        counted,
        residents,
    }
}

fn vehicles() -> Commitment {
    Commitment {
        term: Term::Quantity {
            item: "vehicles".into(),
            at_least: 10,
            per_residents: Some(400),
        },
        from: day(2012, 2, 15),
        until: None,
    }
}

#[test]
fn owed_rounds_up_per_started_block() {
    assert_eq!(owed(10, Some(400), Some(400)), Some(10));
    assert_eq!(owed(10, Some(400), Some(410)), Some(11));
    assert_eq!(owed(10, Some(400), Some(0)), Some(0));
    assert_eq!(owed(10, Some(400), None), None);
    assert_eq!(owed(6, None, None), Some(6));
}

#[test]
fn the_same_count_is_judged_against_the_population_of_its_day() {
    let c = vehicles();
    // 1,200 residents on 1 March: 30 vehicles owed, 30 counted.
    // 3,000 on 1 October: 75 owed, the same 30 counted: 400 ‰.
    let ev = Evidence {
        counts: vec![
            count(1, day(2012, 3, 1), 30, Some(1200)),
            count(2, day(2012, 10, 1), 30, Some(3000)),
        ],
        ..Evidence::default()
    };
    assert_eq!(judge(&c, &ev, day(2012, 2, 20)).status, Status::Pending);
    let march = judge(&c, &ev, day(2012, 3, 1));
    assert_eq!(march.status, Status::Met);
    assert_eq!(march.deciding, vec![EvidenceRef::Observation(1)]);
    let october = judge(&c, &ev, day(2012, 10, 2));
    assert_eq!(october.status, Status::PartlyMet(Some(400)));
    assert_eq!(october.deciding, vec![EvidenceRef::Observation(2)]);
}

#[test]
fn a_count_without_a_head_count_cannot_be_judged_and_none_found_breaches() {
    let c = vehicles();
    let unknown = Evidence {
        counts: vec![count(1, day(2012, 3, 1), 30, None)],
        ..Evidence::default()
    };
    assert_eq!(
        judge(&c, &unknown, day(2012, 3, 2)).status,
        Status::CannotJudge
    );
    let none = Evidence {
        counts: vec![count(1, day(2012, 3, 1), 0, Some(800))],
        ..Evidence::default()
    };
    assert_eq!(judge(&c, &none, day(2012, 3, 2)).status, Status::Breached);
}

#[test]
fn convoy_manifests_take_precedence_over_counts() {
    let c = vehicles();
    let ev = Evidence {
        deliveries: vec![Delivery {
            convoy_id: 4,
            line_id: 9,
            at: day(2012, 5, 5),
            delivered: Some(10),
            residents: Some(400),
        }],
        counts: vec![count(1, day(2012, 5, 6), 0, Some(800))],
        ..Evidence::default()
    };
    let j = judge(&c, &ev, day(2012, 5, 7));
    assert_eq!(j.status, Status::Met);
    assert_eq!(j.deciding, vec![EvidenceRef::Manifest(4, 9)]);
}
