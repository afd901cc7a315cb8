//! The allocation against brute force, hand-computed cases and large instances.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;
use rand::{Rng, SeedableRng};

fn item(case_id: i64, people: i64, weight: i64, eligible: &[i64]) -> Item {
    Item {
        case_id,
        people,
        weight,
        eligible: eligible.to_vec(),
    }
}

fn bin(offer_id: i64, places: i64) -> Bin {
    Bin { offer_id, places }
}

/// Every allocation, by brute force: the optimum to compare with.
fn brute(items: &[Item], bins: &[Bin]) -> i64 {
    fn rec(items: &[Item], bins: &[Bin], left: &mut Vec<i64>, k: usize) -> i64 {
        let Some(it) = items.get(k) else { return 0 };
        let mut best = rec(items, bins, left, k + 1);
        for (b, bn) in bins.iter().enumerate() {
            if it.eligible.contains(&bn.offer_id) && left[b] >= it.people {
                left[b] -= it.people;
                best = best.max(it.people * it.weight + rec(items, bins, left, k + 1));
                left[b] += it.people;
            }
        }
        best
    }
    rec(items, bins, &mut bins.iter().map(|b| b.places).collect(), 0)
}

#[test]
fn a_hand_computed_case_where_greedy_is_wrong() {
    // Places: offer 1 has 4. A household of 3 (weight 10: 30) and two of 2
    // (weight 9: 18 each). Heaviest-first takes the 3 and wastes a place (30);
    // the optimum is the two households of 2 (36).
    let items = [
        item(1, 3, 10, &[1]),
        item(2, 2, 9, &[1]),
        item(3, 2, 9, &[1]),
    ];
    let a = allocate(&items, &[bin(1, 4)], NODE_LIMIT);
    assert!(a.proven);
    assert_eq!(a.value, 36);
    let mut placed: Vec<i64> = a.placements.iter().map(|p| p.case_id).collect();
    placed.sort_unstable();
    assert_eq!(placed, [2, 3]);
}

#[test]
fn conditions_decide_where_a_household_may_go() {
    // Case 1 may only go to offer 2; case 2 to either. Both fit only if case 2
    // goes to offer 1.
    let items = [item(1, 2, 5, &[2]), item(2, 2, 5, &[1, 2])];
    let a = allocate(&items, &[bin(1, 2), bin(2, 2)], NODE_LIMIT);
    assert_eq!(a.value, 20);
    let of = |c| {
        a.placements
            .iter()
            .find(|p| p.case_id == c)
            .unwrap()
            .offer_id
    };
    assert_eq!((of(1), of(2)), (2, 1));
}

/// Property: on random small instances the result equals brute force, never
/// splits a household (one offer per case) and never exceeds an offer's places.
#[test]
fn optimal_whole_and_within_places_on_random_instances() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    for round in 0..600 {
        let few = round % 2 == 0;
        let bins: Vec<Bin> = (0..rng.gen_range(1..4))
            .map(|j| bin(j, rng.gen_range(0..8)))
            .collect();
        let items: Vec<Item> = (0..rng.gen_range(0..9))
            .map(|i| {
                let eligible: Vec<i64> = bins
                    .iter()
                    .map(|b| b.offer_id)
                    .filter(|_| few || rng.gen_bool(0.7))
                    .collect();
                // Half the instances have few weights: many identical cases.
                let w = if few {
                    rng.gen_range(1..3)
                } else {
                    rng.gen_range(1..20)
                };
                item(i, rng.gen_range(1..5), w, &eligible)
            })
            .collect();
        let a = allocate(&items, &bins, NODE_LIMIT);
        assert!(a.proven);
        let best = brute(&items, &bins);
        assert_eq!(a.value, best);
        assert!(
            upper_bound(&items, &bins) >= best,
            "the bound is an upper bound"
        );
        let mut seen = std::collections::HashSet::new();
        for p in &a.placements {
            assert!(seen.insert(p.case_id), "a case placed twice");
            let it = items.iter().find(|i| i.case_id == p.case_id).unwrap();
            assert_eq!(p.people, it.people, "households whole");
            assert!(it.eligible.contains(&p.offer_id));
        }
        for b in &bins {
            let used: i64 = a
                .placements
                .iter()
                .filter(|p| p.offer_id == b.offer_id)
                .map(|p| p.people)
                .sum();
            assert!(used <= b.places, "an offer exceeded");
        }
    }
}

#[test]
fn a_search_stopped_early_says_so_with_its_gap() {
    // Households of three and four into two offers of five places: the bound
    // counts ten people, whole households at most eight, so the search must work.
    let items: Vec<Item> = (0..12)
        .map(|i| item(i, 3 + i % 2, 10 + (i * 7) % 5, &[1, 2]))
        .collect();
    let bins = [bin(1, 5), bin(2, 5)];
    let a = allocate(&items, &bins, 3);
    assert!(!a.proven);
    let optimum = brute(&items, &bins);
    assert!(a.value <= optimum && optimum <= a.bound, "{a:?}");
    let a = allocate(&items, &bins, NODE_LIMIT);
    assert!(a.proven);
    assert_eq!(a.value, optimum);
}

#[test]
fn the_bound_lets_households_split() {
    // Offer of 4 places; a household of 3 at weight 10, two of 2 at weight 9: three
    // people at 10 and one at 9 (39) bound the optimum of 36.
    let items = [
        item(1, 3, 10, &[1]),
        item(2, 2, 9, &[1]),
        item(3, 2, 9, &[1]),
    ];
    assert_eq!(upper_bound(&items, &[bin(1, 4)]), 39);
    // Eligibility counts: the heavy single may only go to offer 2 (1 place).
    let items = [
        item(1, 1, 50, &[2]),
        item(2, 1, 50, &[2]),
        item(3, 1, 1, &[1]),
    ];
    assert_eq!(upper_bound(&items, &[bin(1, 5), bin(2, 1)]), 51);
}

/// Cases and offers shaped like the benchmark's: many identical households.
fn large(n: i64, offers: i64, seed: u64) -> (Vec<Item>, Vec<Bin>) {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let bins: Vec<(Bin, i64, bool)> = (0..offers)
        .map(|j| {
            let max = [2, 3, 100, 100, 100][(j % 5) as usize];
            (bin(j, rng.gen_range(20..200)), max, j % 5 != 4)
        })
        .collect();
    let items = (0..n)
        .map(|i| {
            let people = [1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4][rng.gen_range(0..11)];
            let medical = rng.gen_bool(0.06);
            let eligible: Vec<i64> = bins
                .iter()
                .filter(|(_, max, med)| people <= *max && (*med || !medical))
                .map(|(b, _, _)| b.offer_id)
                .collect();
            item(i, people, rng.gen_range(1..100), &eligible)
        })
        .collect();
    (items, bins.into_iter().map(|(b, _, _)| b).collect())
}

fn check_feasible(items: &[Item], bins: &[Bin], a: &Allocation) {
    let mut seen = std::collections::HashSet::new();
    for p in &a.placements {
        assert!(seen.insert(p.case_id), "a case placed twice");
        let it = items.iter().find(|i| i.case_id == p.case_id).unwrap();
        assert_eq!(p.people, it.people, "households whole");
        assert!(it.eligible.contains(&p.offer_id), "an ineligible placement");
    }
    for b in bins {
        let used: i64 = a
            .placements
            .iter()
            .filter(|p| p.offer_id == b.offer_id)
            .map(|p| p.people)
            .sum();
        assert!(used <= b.places, "an offer exceeded");
    }
    let value: i64 = a.placements.iter().map(|p| p.people * p.weight).sum();
    assert_eq!(value, a.value);
}

#[test]
fn many_identical_households_are_proven_optimal_without_a_search() {
    let (items, bins) = large(20_000, 60, 11);
    let a = allocate(&items, &bins, NODE_LIMIT);
    check_feasible(&items, &bins, &a);
    assert!(a.proven);
    assert_eq!(a.value, upper_bound(&items, &bins));
    assert_eq!(a.nodes, 0, "the construction met the bound");
}
