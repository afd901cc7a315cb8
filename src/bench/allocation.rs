//! Allocation scenarios: 3,000 households to 30 offers (every size) and 100,000 to
//! 300 (sizes M and L), the exact allocation against the greedy baseline on the same
//! instance, with the allocation's time, whether it proved optimality, its search
//! nodes and its gap to the bound.
//!
//! The instances are the register's usual shape at scale: places scarcer than people,
//! households of one to four (most of one), some offers taking households of at most
//! two or three, a fifth unable to take serious medical cases, weights 1 to 99.

use std::collections::HashMap;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::{measure, outcome, Outcome};
use crate::domain::allocation::{allocate, Bin, Item, NODE_LIMIT};

/// `households` synthetic cases and `offers` offers, from a seed.
fn instance(households: i64, offers: i64, seed: u64) -> (Vec<Item>, Vec<Bin>) {
    let mut rng = StdRng::seed_from_u64(seed);
    let bins: Vec<(Bin, i64, bool)> = (0..offers)
        .map(|j| {
            let max = match j % 5 {
                0 => 2,
                1 => 3,
                _ => 100,
            };
            (
                Bin {
                    offer_id: j,
                    places: rng.gen_range(20..200),
                },
                max,
                j % 5 != 4,
            )
        })
        .collect();
    let items = (0..households)
        .map(|i| {
            let people = match rng.gen_range(0..100) {
                0..=69 => 1,
                70..=84 => 2,
                85..=94 => 3,
                _ => 4,
            };
            let medical = rng.gen_bool(0.06);
            Item {
                case_id: i,
                people,
                weight: rng.gen_range(1..100),
                eligible: bins
                    .iter()
                    .filter(|(_, max, med)| people <= *max && (*med || !medical))
                    .map(|(b, _, _)| b.offer_id)
                    .collect(),
            }
        })
        .collect();
    (items, bins.into_iter().map(|(b, _, _)| b).collect())
}

/// The obvious baseline: heaviest household first, into the roomiest eligible offer.
fn greedy(items: &[Item], bins: &[Bin]) -> i64 {
    let index: HashMap<i64, usize> = bins
        .iter()
        .enumerate()
        .map(|(b, bin)| (bin.offer_id, b))
        .collect();
    let mut left: Vec<i64> = bins.iter().map(|b| b.places).collect();
    let mut order: Vec<&Item> = items.iter().collect();
    order.sort_by_key(|i| std::cmp::Reverse(i.weight));
    let mut value = 0;
    for it in order {
        let best = it
            .eligible
            .iter()
            .filter_map(|o| index.get(o).copied())
            .filter(|b| left.get(*b).is_some_and(|l| *l >= it.people))
            .max_by_key(|b| left.get(*b).copied().unwrap_or(0));
        if let Some(l) = best.and_then(|b| left.get_mut(b)) {
            *l -= it.people;
            value += it.people * it.weight;
        }
    }
    value
}

async fn scenario(
    name: &'static str,
    households: i64,
    offers: i64,
    runs: usize,
) -> anyhow::Result<Outcome> {
    let (items, bins) = instance(households, offers, households as u64);
    let started = std::time::Instant::now();
    let result = allocate(&items, &bins, NODE_LIMIT);
    let seconds = started.elapsed().as_secs_f64();
    let baseline = greedy(&items, &bins);
    let timing = measure(
        runs,
        1,
        || async {
            allocate(&items, &bins, NODE_LIMIT);
            Ok(())
        },
        || async {
            greedy(&items, &bins);
            Ok(())
        },
    )
    .await?;
    let mut o = outcome(name, "proposals", 1, timing, "greedy, heaviest first");
    let gap = if result.bound > 0 {
        (result.bound - result.value) as f64 / result.bound as f64 * 100.0
    } else {
        0.0
    };
    o.note = Some(format!(
        "{households} households to {offers} offers in {seconds:.3} s (first run), {} search nodes, {}; value {} (greedy {}), gap to the bound {gap:.3} %",
        result.nodes,
        if result.proven { "proven optimal" } else { "stopped at the node limit" },
        result.value,
        baseline
    ));
    Ok(o)
}

/// 3,000 to 30 at every size; 100,000 to 300 at M and L.
pub async fn scenarios(scale: usize, runs: usize) -> anyhow::Result<Vec<Outcome>> {
    let mut out = vec![scenario("allocation 3k", 3_000, 30, runs).await?];
    if scale > 1 {
        out.push(scenario("allocation 100k", 100_000, 300, runs).await?);
    }
    Ok(out)
}
