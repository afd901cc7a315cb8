//! Allocation of offers to cases: which eligible household goes under which open
//! offer, households whole, each offer's conditions and places respected, maximising
//! priority-weighted people placed. Exact: a matroid bound met by a construction, or
//! branch and bound; pure.
//!
//! The problem: cases i with size sᵢ (people) and weight wᵢ ≥ 1 (priority score + 1);
//! offers j with places cⱼ; eligibility Eᵢⱼ (the offer's conditions, and not a country
//! that rejected the case). Choose for each case one eligible offer or none so that
//! no offer receives more people than its places, maximising Σ wᵢ·sᵢ over the placed.
//!
//! Why the answer is optimal (docs/resettlement.md gives the same argument):
//! 0. First, on classes of identical cases (`relax`): an upper bound U that lets
//!    households split into persons (the heaviest set of persons that can be matched
//!    to places — a matroid greedy, exact), and a construction of whole households
//!    guided by it. If the construction is worth U, nothing is worth more: it is
//!    optimal and no search is needed (the usual case on a large register, where many
//!    single people of every weight fill what larger households leave).
//! 1. Otherwise the branch and bound starts from the construction. Cases are taken in
//!    a fixed order; at each, every choice is a branch — each eligible offer with
//!    room, or none — so the tree holds every feasible allocation. Offers with the
//!    same places left and the same eligibility for every case still to come are
//!    interchangeable; only the first of them is branched on, which removes mirror
//!    images, never a distinct value.
//! 2. A branch is cut only when its bound cannot beat the best allocation found. The
//!    bound is the value so far plus the best *fractional* filling of the places left
//!    (pooled across offers, each offer's places rounded down to a multiple of the
//!    greatest common divisor of the sizes of the cases it may take — any filling of
//!    it is such a multiple) by the remaining cases in decreasing weight, leaving out
//!    cases that no eligible offer has room for any more (they cannot count in any
//!    completion, as places only shrink): every completion places at most that many
//!    people, each worth at most its weight, and filling heaviest-first maximises a
//!    fractional knapsack — so the bound is never below any completion.
//! 3. Hence when the search ends the best allocation found is optimal. If it stops at
//!    the node limit instead, the result says so and reports the gap between it and the
//!    smaller of U and the largest bound still open — never claiming more than is
//!    proven.

mod relax;

/// An open offer as the allocation sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bin {
    pub offer_id: i64,
    /// Places left: announced, minus used, minus awaiting decision.
    pub places: i64,
}

/// An eligible case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub case_id: i64,
    pub people: i64,
    /// Priority score + 1, so that every person placed counts.
    pub weight: i64,
    /// Offers (ids) whose conditions the household meets.
    pub eligible: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Placement {
    pub case_id: i64,
    pub offer_id: i64,
    pub people: i64,
    pub weight: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Allocation {
    pub placements: Vec<Placement>,
    /// Σ weight × people of the placements.
    pub value: i64,
    /// The best bound still open when the search stopped (= value when proven).
    pub bound: i64,
    /// Whether the search finished: the allocation is then optimal.
    pub proven: bool,
    pub nodes: u64,
}

/// Nodes the search may visit before it stops and reports its gap.
pub const NODE_LIMIT: u64 = 200_000;
/// Each node's bound reads every remaining case against every offer; the node limit
/// shrinks so that nodes × cases × offers stays near this, keeping a page quick on a
/// large register (the result then says it is not proven, with its gap).
pub const WORK_BUDGET: u64 = 400_000_000;

struct Search<'a> {
    items: Vec<&'a Item>,
    bins: &'a [Bin],
    /// eligible[k][b]: item k may go in bin b.
    eligible: Vec<Vec<bool>>,
    left: Vec<i64>,
    /// grain[b]: the greatest common divisor of the sizes of the cases bin b may take;
    /// whatever cases fill it, they fill a multiple of it.
    grain: Vec<i64>,
    chosen: Vec<Option<usize>>,
    best: i64,
    best_choice: Vec<Option<usize>>,
    nodes: u64,
    limit: u64,
    open_bound: i64,
    stopped: bool,
}

impl Search<'_> {
    /// The fractional pooled bound of items `k..` into the places left. Items that no
    /// eligible offer has room for can never be placed below this node (places only
    /// shrink), so they are left out; the filling stops once the places are full, so
    /// only the cases that could still count are read.
    fn bound(&self, k: usize) -> i64 {
        let mut room: i64 = self
            .left
            .iter()
            .zip(self.grain.iter())
            .map(|(l, g)| l - l.rem_euclid((*g).max(1)))
            .sum();
        let mut total = 0;
        for (it, elig) in self.items.iter().zip(self.eligible.iter()).skip(k) {
            if room <= 0 {
                break;
            }
            let fits = elig
                .iter()
                .zip(self.left.iter())
                .any(|(ok, l)| *ok && *l >= it.people);
            if fits {
                let take = it.people.min(room);
                total += take * it.weight;
                room -= take;
            }
        }
        total
    }

    fn go(&mut self, k: usize, value: i64) {
        self.nodes += 1;
        if value > self.best {
            self.best = value;
            self.best_choice.clone_from(&self.chosen);
        }
        let Some(it) = self.items.get(k) else { return };
        let bound = value + self.bound(k);
        if bound <= self.best {
            return;
        }
        if self.nodes >= self.limit {
            self.stopped = true;
            self.open_bound = self.open_bound.max(bound);
            return;
        }
        let (people, weight) = (it.people, it.weight);
        let mut tried: Vec<usize> = Vec::new();
        // Roomiest offer first: it leaves the small offers to the cases that only they
        // may take, so the first allocation found is usually already the best. The
        // order changes how fast the search ends, never what it finds.
        let mut order: Vec<usize> = (0..self.bins.len()).collect();
        order.sort_by_key(|b| std::cmp::Reverse(self.left.get(*b).copied().unwrap_or(0)));
        for b in order {
            let ok = self.eligible.get(k).and_then(|e| e.get(b)).copied() == Some(true);
            let room = self.left.get(b).copied().unwrap_or(0);
            if !ok || room < people {
                continue;
            }
            // Symmetry: skip a bin identical (places left, eligibility of every item
            // still to come) to one already tried at this node.
            let same = tried.iter().any(|&t| {
                self.left.get(t) == Some(&room)
                    && self.eligible.iter().skip(k).all(|e| e.get(t) == e.get(b))
            });
            if same {
                continue;
            }
            tried.push(b);
            if let Some(l) = self.left.get_mut(b) {
                *l -= people;
            }
            if let Some(c) = self.chosen.get_mut(k) {
                *c = Some(b);
            }
            self.go(k + 1, value + people * weight);
            if let Some(c) = self.chosen.get_mut(k) {
                *c = None;
            }
            if let Some(l) = self.left.get_mut(b) {
                *l += people;
            }
        }
        self.go(k + 1, value);
    }
}

/// The optimal allocation of `items` to `bins` (or the best found within `limit`
/// nodes, with its gap).
pub fn allocate(items: &[Item], bins: &[Bin], limit: u64) -> Allocation {
    let grouped = relax::Grouped::new(items, bins);
    let upper = grouped.bound();
    let start = grouped.construct(items);
    let value_of = |to: &[Option<usize>]| -> i64 {
        items
            .iter()
            .zip(to.iter())
            .filter(|(_, b)| b.is_some())
            .map(|(it, _)| it.people * it.weight)
            .sum()
    };
    let placements = |pairs: &mut dyn Iterator<Item = (&Item, Option<usize>)>| -> Vec<Placement> {
        pairs
            .filter_map(|(it, c)| {
                let b = bins.get(c?)?;
                Some(Placement {
                    case_id: it.case_id,
                    offer_id: b.offer_id,
                    people: it.people,
                    weight: it.weight,
                })
            })
            .collect()
    };
    let built = value_of(&start);
    if built >= upper {
        // The construction reached the bound: nothing can be worth more.
        return Allocation {
            placements: placements(&mut items.iter().zip(start.iter().copied())),
            value: built,
            bound: built,
            proven: true,
            nodes: 0,
        };
    }
    let mut order: Vec<usize> = (0..items.len())
        .filter(|i| items.get(*i).is_some_and(|it| it.people > 0))
        .collect();
    // Heaviest per person first (the bound's order), then larger households, then id.
    order.sort_by(|&a, &b| match (items.get(a), items.get(b)) {
        (Some(a), Some(b)) => b
            .weight
            .cmp(&a.weight)
            .then(b.people.cmp(&a.people))
            .then(a.case_id.cmp(&b.case_id)),
        _ => std::cmp::Ordering::Equal,
    });
    let sorted: Vec<&Item> = order.iter().filter_map(|i| items.get(*i)).collect();
    let index: std::collections::HashMap<i64, usize> = bins
        .iter()
        .enumerate()
        .map(|(b, bin)| (bin.offer_id, b))
        .collect();
    let eligible: Vec<Vec<bool>> = sorted
        .iter()
        .map(|it| {
            let mut row = vec![false; bins.len()];
            for b in it.eligible.iter().filter_map(|o| index.get(o)) {
                if let Some(x) = row.get_mut(*b) {
                    *x = true;
                }
            }
            row
        })
        .collect();
    let n = sorted.len();
    let work = (n as u64).saturating_mul(bins.len() as u64).max(1);
    let limit = limit.min((WORK_BUDGET / work).max(n as u64 + 1));
    // The construction is the first allocation to beat.
    let seed: Vec<Option<usize>> = order
        .iter()
        .map(|i| start.get(*i).copied().flatten())
        .collect();
    let grain = (0..bins.len())
        .map(|b| {
            sorted
                .iter()
                .zip(eligible.iter())
                .filter(|(_, e): &(&&Item, &Vec<bool>)| e.get(b) == Some(&true))
                .fold(0, |g, (it, _)| gcd(g, it.people))
        })
        .collect();
    let mut s = Search {
        grain,
        items: sorted,
        bins,
        eligible,
        left: bins.iter().map(|b| b.places.max(0)).collect(),
        chosen: vec![None; n],
        best: built,
        best_choice: seed,
        nodes: 0,
        limit,
        open_bound: 0,
        stopped: false,
    };
    s.go(0, 0);
    let proven = !s.stopped;
    Allocation {
        placements: placements(&mut s.items.iter().copied().zip(s.best_choice.iter().copied())),
        value: s.best,
        // Both the search's open bound and the relaxation bound the optimum.
        bound: if proven {
            s.best
        } else {
            s.open_bound.max(s.best).min(upper.max(s.best))
        },
        proven,
        nodes: s.nodes,
    }
}

/// The greatest common divisor (0 with 0 gives 0: no case, no grain).
pub(crate) fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a.abs()
    } else {
        gcd(b, a % b)
    }
}

/// The relaxation's bound alone (households may split): what the docs' proof uses.
pub fn upper_bound(items: &[Item], bins: &[Bin]) -> i64 {
    relax::Grouped::new(items, bins).bound()
}

#[cfg(test)]
mod tests;
