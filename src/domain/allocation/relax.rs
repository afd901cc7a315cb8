//! The allocation's relaxation and the construction it guides, on *classes* of
//! identical cases so that 100,000 households cost what a few hundred classes cost.
//!
//! - A **signature** is the set of offers a case may go to (its eligibility, less the
//!   offers too small to ever take it). Cases with the same size, weight and signature
//!   form a **class**: interchangeable for every purpose of the allocation.
//! - Offers that belong to exactly the same signatures form a **type**: every case that
//!   may go to one may go to all, so for anything counted in people they are one pool.
//! - The **bound** lets households split: every person is placed on their own. Persons
//!   matched to places (a person to an offer of their signature, no offer over its
//!   places) are the independent sets of a transversal matroid, so taking persons in
//!   decreasing weight and keeping each one who can still be matched (an augmenting
//!   path in the small signature → type network below) gives the heaviest matchable
//!   set. Any allocation of whole households is such a set, so no allocation is worth
//!   more than this bound (docs/resettlement.md, "Allocation").
//! - The **construction** takes the same greedy walk in whole households (classes in
//!   decreasing weight, larger households first at a weight, each class as many whole
//!   households as still fit), then puts the chosen households into actual offers,
//!   large ones first, each only where what is still to place keeps fitting, and the
//!   single people last along the network's flow. When its value reaches the bound it
//!   is optimal, with nothing left to search.

use std::collections::HashMap;

use super::{Bin, Item};

/// People flowing from signatures to offer types, each type holding at most its
/// places: the transportation network behind the bound and the construction.
#[derive(Debug, Clone)]
struct Network {
    /// The types each signature may send people to.
    adj: Vec<Vec<usize>>,
    cap: Vec<i64>,
    load: Vec<i64>,
    /// flow[s * types + t]: people of signature s placed in type t.
    flow: Vec<i64>,
}

impl Network {
    fn new(adj: Vec<Vec<usize>>, cap: Vec<i64>) -> Self {
        let n = adj.len() * cap.len();
        Network {
            load: vec![0; cap.len()],
            flow: vec![0; n],
            adj,
            cap,
        }
    }

    fn at(&self, s: usize, t: usize) -> i64 {
        self.flow.get(s * self.cap.len() + t).copied().unwrap_or(0)
    }

    fn add(&mut self, s: usize, t: usize, d: i64) {
        let types = self.cap.len();
        if let Some(f) = self.flow.get_mut(s * types + t) {
            *f += d;
        }
    }

    fn room(&self, t: usize) -> i64 {
        self.cap.get(t).copied().unwrap_or(0) - self.load.get(t).copied().unwrap_or(0)
    }

    /// Sends up to `want` more people from signature `s`, along shortest augmenting
    /// paths (a path may move other signatures' people between types, never lessen how
    /// many of them are placed); returns how many were sent.
    fn push(&mut self, s: usize, want: i64) -> i64 {
        let (sigs, types) = (self.adj.len(), self.cap.len());
        let mut sent = 0;
        while sent < want {
            // Nodes: signatures 0..sigs, then types sigs..sigs+types.
            let mut prev: Vec<Option<usize>> = vec![None; sigs + types];
            let mut seen = vec![false; sigs + types];
            if let Some(x) = seen.get_mut(s) {
                *x = true;
            }
            let mut queue = std::collections::VecDeque::from([s]);
            let mut end = None;
            'bfs: while let Some(u) = queue.pop_front() {
                if u < sigs {
                    for &t in self.adj.get(u).map(Vec::as_slice).unwrap_or(&[]) {
                        let v = sigs + t;
                        if mark(&mut seen, &mut prev, v, u) {
                            if self.room(t) > 0 {
                                end = Some(t);
                                break 'bfs;
                            }
                            queue.push_back(v);
                        }
                    }
                } else {
                    let t = u - sigs;
                    for s2 in 0..sigs {
                        if self.at(s2, t) > 0 && mark(&mut seen, &mut prev, s2, u) {
                            queue.push_back(s2);
                        }
                    }
                }
            }
            let Some(last) = end else { break };
            // The bottleneck: what is wanted, the room at the end, and every person
            // the path moves out of a type.
            let mut amount = (want - sent).min(self.room(last));
            let mut v = sigs + last;
            while let Some(u) = prev.get(v).copied().flatten() {
                if v < sigs {
                    amount = amount.min(self.at(v, u - sigs));
                }
                v = u;
            }
            let mut v = sigs + last;
            while let Some(u) = prev.get(v).copied().flatten() {
                if v < sigs {
                    self.add(v, u - sigs, -amount);
                } else {
                    self.add(u, v - sigs, amount);
                }
                v = u;
            }
            if let Some(l) = self.load.get_mut(last) {
                *l += amount;
            }
            sent += amount;
        }
        sent
    }

    /// Takes `amount` people of signature `s` back out (from any type they are in).
    fn pull(&mut self, s: usize, mut amount: i64) {
        for t in 0..self.cap.len() {
            let d = self.at(s, t).min(amount);
            if d > 0 {
                self.add(s, t, -d);
                if let Some(l) = self.load.get_mut(t) {
                    *l -= d;
                }
                amount -= d;
            }
        }
    }
}

/// Marks node `v` as reached from `u`; false when it was reached before.
fn mark(seen: &mut [bool], prev: &mut [Option<usize>], v: usize, u: usize) -> bool {
    match (seen.get_mut(v), prev.get_mut(v)) {
        (Some(s), Some(p)) if !*s => {
            *s = true;
            *p = Some(u);
            true
        }
        _ => false,
    }
}

/// Identical cases: same size, weight and signature.
#[derive(Debug)]
struct Class {
    people: i64,
    weight: i64,
    sig: usize,
    /// Indices into the items.
    members: Vec<usize>,
}

/// An instance seen as classes of cases, signatures and types of offers.
pub(super) struct Grouped {
    /// Per signature: the bins (indices) it may go to.
    sigs: Vec<Vec<usize>>,
    /// Per signature: the types it may go to.
    sig_types: Vec<Vec<usize>>,
    /// Per type: its bins.
    types: Vec<Vec<usize>>,
    /// Classes, heaviest first, larger households first at a weight.
    classes: Vec<Class>,
    places: Vec<i64>,
}

impl Grouped {
    pub(super) fn new(items: &[Item], bins: &[Bin]) -> Self {
        let places: Vec<i64> = bins.iter().map(|b| b.places.max(0)).collect();
        let mut sig_ids: HashMap<Vec<usize>, usize> = HashMap::new();
        let mut sigs: Vec<Vec<usize>> = Vec::new();
        let mut class_ids: HashMap<(i64, i64, usize), usize> = HashMap::new();
        let mut classes: Vec<Class> = Vec::new();
        let index: HashMap<i64, usize> = bins
            .iter()
            .enumerate()
            .map(|(b, bin)| (bin.offer_id, b))
            .collect();
        for (i, it) in items.iter().enumerate() {
            // An offer with fewer places than the household can never take it.
            let mut elig: Vec<usize> = it
                .eligible
                .iter()
                .filter_map(|o| index.get(o).copied())
                .filter(|b| places.get(*b).is_some_and(|p| *p >= it.people))
                .collect();
            elig.sort_unstable();
            elig.dedup();
            if it.people <= 0 || elig.is_empty() {
                continue;
            }
            let next = sigs.len();
            let sig = *sig_ids.entry(elig.clone()).or_insert(next);
            if sig == next {
                sigs.push(elig);
            }
            let next = classes.len();
            let k = *class_ids.entry((it.people, it.weight, sig)).or_insert(next);
            if k == next {
                classes.push(Class {
                    people: it.people,
                    weight: it.weight,
                    sig,
                    members: Vec::new(),
                });
            }
            if let Some(c) = classes.get_mut(k) {
                c.members.push(i);
            }
        }
        classes.sort_by(|a, b| {
            b.weight
                .cmp(&a.weight)
                .then(b.people.cmp(&a.people))
                .then(a.sig.cmp(&b.sig))
        });
        // A bin's type is the list of signatures that may use it.
        let mut of_bin: Vec<Vec<usize>> = vec![Vec::new(); bins.len()];
        for (s, bs) in sigs.iter().enumerate() {
            for b in bs {
                if let Some(v) = of_bin.get_mut(*b) {
                    v.push(s);
                }
            }
        }
        let mut type_ids: HashMap<Vec<usize>, usize> = HashMap::new();
        let mut types: Vec<Vec<usize>> = Vec::new();
        let mut sig_types: Vec<Vec<usize>> = vec![Vec::new(); sigs.len()];
        for (b, key) in of_bin.into_iter().enumerate() {
            if key.is_empty() {
                continue;
            }
            let next = types.len();
            let t = *type_ids.entry(key.clone()).or_insert(next);
            if t == next {
                types.push(Vec::new());
                for s in &key {
                    if let Some(v) = sig_types.get_mut(*s) {
                        v.push(t);
                    }
                }
            }
            if let Some(v) = types.get_mut(t) {
                v.push(b);
            }
        }
        // Whatever cases fill an offer fill a multiple of the greatest common divisor
        // of their sizes: the rest of its places can hold no one.
        let mut grain = vec![0_i64; bins.len()];
        for c in &classes {
            for b in sigs.get(c.sig).map(Vec::as_slice).unwrap_or(&[]) {
                if let Some(g) = grain.get_mut(*b) {
                    *g = super::gcd(*g, c.people);
                }
            }
        }
        let places: Vec<i64> = places
            .into_iter()
            .zip(grain)
            .map(|(p, g)| if g > 1 { p - p.rem_euclid(g) } else { p })
            .collect();
        Grouped {
            sigs,
            sig_types,
            types,
            classes,
            places,
        }
    }

    fn network(&self, room: &[i64]) -> Network {
        let cap = self
            .types
            .iter()
            .map(|bs| bs.iter().filter_map(|b| room.get(*b)).sum())
            .collect();
        Network::new(self.sig_types.clone(), cap)
    }

    /// The bound: the heaviest set of persons that can be matched to places.
    pub(super) fn bound(&self) -> i64 {
        let mut net = self.network(&self.places);
        self.classes
            .iter()
            .map(|c| {
                let n = c.members.len() as i64;
                c.weight * net.push(c.sig, n * c.people)
            })
            .sum()
    }

    /// Whether each signature's `demand` still fits in the places `room` leaves.
    fn fits(&self, demand: &[i64], room: &[i64]) -> bool {
        let mut net = self.network(room);
        demand
            .iter()
            .enumerate()
            .all(|(s, d)| net.push(s, *d) == *d)
    }

    /// A good allocation of whole households: for each item, the bin it goes to.
    pub(super) fn construct(&self, items: &[Item]) -> Vec<Option<usize>> {
        let mut chosen: Vec<usize> = Vec::new();
        let mut demand = vec![0_i64; self.sigs.len()];
        let mut net = self.network(&self.places);
        for c in &self.classes {
            let n = c.members.len() as i64;
            let sent = net.push(c.sig, n * c.people);
            // Whole households only: the people of a part-household go back.
            net.pull(c.sig, sent % c.people);
            let whole = (sent / c.people) as usize;
            chosen.extend(c.members.iter().take(whole));
            if let Some(d) = demand.get_mut(c.sig) {
                *d += whole as i64 * c.people;
            }
        }
        let mut to: Vec<Option<usize>> = vec![None; items.len()];
        let mut room = self.places.clone();
        let sig_of: HashMap<usize, usize> = self
            .classes
            .iter()
            .flat_map(|c| c.members.iter().map(move |i| (*i, c.sig)))
            .collect();
        let size = |i: usize| items.get(i).map_or(0, |it| it.people);
        // Households of two or more first, largest first: each goes where what is still
        // to place keeps fitting, into the roomiest offer of the roomiest type.
        let mut large: Vec<usize> = chosen.iter().copied().filter(|i| size(*i) > 1).collect();
        large.sort_by_key(|i| (std::cmp::Reverse(size(*i)), *i));
        for i in large {
            let (Some(&s), people) = (sig_of.get(&i), size(i)) else {
                continue;
            };
            if let Some(d) = demand.get_mut(s) {
                *d -= people;
            }
            let mut options: Vec<(i64, usize)> = self
                .sig_types
                .get(s)
                .map(Vec::as_slice)
                .unwrap_or(&[])
                .iter()
                .filter_map(|t| {
                    let bins = self.types.get(*t)?;
                    let total: i64 = bins.iter().filter_map(|b| room.get(*b)).sum();
                    let best = bins
                        .iter()
                        .copied()
                        .filter(|b| room.get(*b).is_some_and(|r| *r >= people))
                        .max_by_key(|b| {
                            (room.get(*b).copied().unwrap_or(0), std::cmp::Reverse(*b))
                        })?;
                    Some((total, best))
                })
                .collect();
            options.sort_by_key(|(total, b)| (std::cmp::Reverse(*total), *b));
            for (_, b) in options {
                if let Some(r) = room.get_mut(b) {
                    *r -= people;
                }
                if self.fits(&demand, &room) {
                    if let Some(x) = to.get_mut(i) {
                        *x = Some(b);
                    }
                    break;
                }
                if let Some(r) = room.get_mut(b) {
                    *r += people;
                }
            }
            // A household that found no such place stays out (its people are no
            // longer asked for); the construction is then short of the bound.
        }
        // Single people along the flow of what is left: per signature and type, that
        // many people into the type's offers.
        let mut net = self.network(&room);
        for (s, d) in demand.iter().enumerate() {
            net.push(s, *d);
        }
        let mut singles: Vec<Vec<usize>> = vec![Vec::new(); self.sigs.len()];
        for i in chosen.iter().copied().filter(|i| size(*i) == 1) {
            if let Some(list) = sig_of.get(&i).and_then(|s| singles.get_mut(*s)) {
                list.push(i);
            }
        }
        for (s, list) in singles.into_iter().enumerate() {
            let mut list = list.into_iter();
            for t in self.sig_types.get(s).map(Vec::as_slice).unwrap_or(&[]) {
                let mut n = net.at(s, *t);
                for b in self.types.get(*t).map(Vec::as_slice).unwrap_or(&[]) {
                    while n > 0 && room.get(*b).is_some_and(|r| *r > 0) {
                        let Some(i) = list.next() else { break };
                        if let Some(x) = to.get_mut(i) {
                            *x = Some(*b);
                        }
                        if let Some(r) = room.get_mut(*b) {
                            *r -= 1;
                        }
                        n -= 1;
                    }
                }
            }
        }
        // Whatever room is left goes to the heaviest households that fit.
        let mut rest: Vec<usize> = self
            .classes
            .iter()
            .flat_map(|c| c.members.iter().copied())
            .filter(|i| to.get(*i) == Some(&None))
            .collect();
        rest.sort_by_key(|i| {
            let it = items.get(*i);
            (
                std::cmp::Reverse(it.map_or(0, |it| it.weight)),
                std::cmp::Reverse(size(*i)),
                *i,
            )
        });
        let mut free: i64 = room.iter().filter(|r| **r > 0).sum();
        for i in rest {
            if free <= 0 {
                break;
            }
            let people = size(i);
            let Some(&s) = sig_of.get(&i) else { continue };
            let best = self
                .sigs
                .get(s)
                .map(Vec::as_slice)
                .unwrap_or(&[])
                .iter()
                .copied()
                .filter(|b| room.get(*b).is_some_and(|r| *r >= people))
                .max_by_key(|b| (room.get(*b).copied().unwrap_or(0), std::cmp::Reverse(*b)));
            if let Some(b) = best {
                if let Some(r) = room.get_mut(b) {
                    *r -= people;
                }
                free -= people;
                if let Some(x) = to.get_mut(i) {
                    *x = Some(b);
                }
            }
        }
        to
    }
}
