//! The commitments' scenario: the status history of presence commitments ("24×7
//! monitoring"), whose share drifts between visits so that every midnight is a moment
//! the status may change. The history is swept over the visits merged once
//! (`domain/commitment/sweep.rs`); the anchor is a plain scan of the same rows — the
//! coverage of each commitment's visits, sorted and merged once — the least any
//! history must do. The note gives the old way (judging every midnight afresh) on one
//! commitment, for the speed-up.
//!
//! Data are generated from a seed: each commitment runs three years at one site with
//! monitors there a few hours on about three days a week, sometimes overlapping, and a
//! long absence in the last year. Size S has 10 commitments, M 100, L 1,000 (about
//! 470,000 visits).

use std::time::Instant;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::{measure, outcome, Outcome};
use crate::domain::commitment::compliance::{coverage, history, history_by_judging};
use crate::domain::commitment::{Commitment, Evidence, Term, Visit, DAY_MS};

const DAYS: i64 = 1100;

fn generate(seed: u64, n: usize) -> Vec<(Commitment, Evidence)> {
    let mut rng = StdRng::seed_from_u64(seed);
    let from = 15_388 * DAY_MS; // 18 February 2012
    (0..n)
        .map(|k| {
            let gap_from = rng.gen_range(700..900_i64);
            let mut visits = vec![];
            for d in 0..DAYS {
                if (gap_from..gap_from + 150).contains(&d) || !rng.gen_bool(0.43) {
                    continue;
                }
                let arrival = from + d * DAY_MS + rng.gen_range(6..12_i64) * 3_600_000;
                let hours = rng.gen_range(2..8_i64);
                visits.push(Visit {
                    id: (k as i64) * 10_000 + d,
                    arrival,
                    departure: arrival + hours * 3_600_000,
                });
            }
            let c = Commitment {
                term: Term::Presence {
                    share_permille: 1000,
                },
                from,
                until: None,
            };
            (
                c,
                Evidence {
                    visits,
                    ..Evidence::default()
                },
            )
        })
        .collect()
}

pub async fn scenarios(scale: usize, runs: usize) -> anyhow::Result<Vec<Outcome>> {
    let data = generate(7, 10 * scale);
    let at = 15_388 * DAY_MS + DAYS * DAY_MS;
    let visits: usize = data.iter().map(|(_, e)| e.visits.len()).sum();
    let changes = std::cell::Cell::new(0usize);
    let r = measure(
        runs,
        data.len(),
        || {
            let mut n = 0;
            for (c, ev) in &data {
                n += history(c, ev, at).len();
            }
            changes.set(n);
            async { Ok(()) }
        },
        || {
            let mut total = 0i64;
            for (c, ev) in &data {
                let vs: Vec<&Visit> = ev.visits.iter().collect();
                total = total.wrapping_add(coverage(&vs, c.from, at));
            }
            std::hint::black_box(total);
            async { Ok(()) }
        },
    )
    .await?;
    let mut o = outcome(
        "status history",
        "commitments",
        data.len(),
        r,
        "coverage scan of the same visits",
    );
    // The old way on one commitment: every midnight judged afresh.
    let note = data.first().map(|(c, ev)| {
        let t = Instant::now();
        let old = history_by_judging(c, ev, at);
        let old_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let new = history(c, ev, at);
        let new_s = t.elapsed().as_secs_f64().max(1e-9);
        format!(
            "{visits} visits over {DAYS} days each; {} status changes in all; one commitment: \
             judging every midnight {:.1} ms, the sweep {:.3} ms ({:.0}× faster, same {} changes: {})",
            changes.get(),
            old_s * 1000.0,
            new_s * 1000.0,
            old_s / new_s,
            new.len(),
            old == new
        )
    });
    o.note = note;
    Ok(vec![o])
}
