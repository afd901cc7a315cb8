//! The demo's duplicates and watch list. After the move to Liberty, arrivals were
//! registered again by clerks who wrote Persian names through Arabic, so some residents
//! appear twice under other spellings; a record turns up with another resident's
//! document number; and the hostile state's people try to pass as residents or as
//! their relatives. Every name here is synthetic.
//!
//! The demo's registrar settles two flags (one merge, one pair of different people);
//! the rest wait in the queue, as they would on a real first day.

use std::collections::HashMap;

use crate::actions::registry::matches;
use crate::actions::registry::people::{self, Placement};
use crate::actions::registry::watchlist;
use crate::app::App;
use crate::auth::capability::{ManageWatchList, WriteRegistry};
use crate::auth::Cap;
use crate::domain::matching::{Decision, DecisionReason, Keep, WatchInput};
use crate::domain::person::PersonInput;
use crate::store;

/// A registration in the story (every field as typed; empty when not recorded).
struct Entry {
    latin: &'static str,
    script: &'static str,
    sex: &'static str,
    year: &'static str,
    document: &'static str,
    site: &'static str,
    date: &'static str,
}

#[rustfmt::skip]
const fn entry(latin: &'static str, script: &'static str, sex: &'static str, year: &'static str,
               document: &'static str, site: &'static str, date: &'static str) -> Entry {
    Entry { latin, script, sex, year, document, site, date }
}

/// Registered at Ashraf in 2009.
#[rustfmt::skip]
const FIRST: [Entry; 5] = [
    entry("Siavash Kermani", "سیاوش کرمانی", "male", "1968", "", "ASHRAF", "2009-08-01"),
    entry("Masoumeh Tabatabaei", "معصومه طباطبایی", "female", "1959", "", "ASHRAF", "2009-08-01"),
    entry("Yaghoub Dehghan", "", "male", "1972", "IR-44719320", "ASHRAF", "2009-08-01"),
    entry("Hamid Kashani", "حمید کاشانی", "male", "1961", "", "ASHRAF", "2009-08-01"),
    entry("Parviz Keshavarz", "پرویز کشاورز", "male", "1955", "IR-30218845", "ASHRAF", "2009-08-01"),
];

/// Registered again at Liberty in 2012 and 2013, as the clerks wrote them.
#[rustfmt::skip]
const AGAIN: [Entry; 5] = [
    entry("", "سياوش كرماني", "male", "1969", "", "LIBERTY", "2012-06-10"),
    entry("Masumeh Tabatabai", "", "female", "1959", "", "LIBERTY", "2012-06-10"),
    entry("Yaqub Dehqan", "", "male", "", "ir 4471 9320", "LIBERTY", "2012-07-02"),
    entry("Hamed Kashani", "حامد کاشانی", "male", "1962", "", "LIBERTY", "2012-07-02"),
    entry("Behzad Karami", "", "male", "1956", "IR 30218845", "LIBERTY", "2013-02-11"),
];

/// The watch list: (name, category, note). Synthetic people, invented roles.
const WATCH: [(&str, &str, &str); 2] = [
    (
        "جلال قزوینی",
        "impersonator",
        "Telephoned hospitals in Baghdad as a relative of injured residents, asking for their names.",
    ),
    (
        "Nader Ardabili",
        "infiltrator",
        "Tried to join a resettlement group abroad as a former resident.",
    ),
];

/// Registers at Liberty in 2013 under a spelling of a watch-list name.
const SUSPECT: Entry = entry(
    "Nadir Ardebili",
    "نادر اردبیلی",
    "male",
    "1979",
    "",
    "LIBERTY",
    "2013-03-05",
);

async fn register(
    app: &App,
    cap: &Cap<WriteRegistry>,
    sites: &HashMap<String, i64>,
    e: &Entry,
) -> anyhow::Result<people::Registered> {
    let fields: HashMap<&str, &str> = [
        ("name_latin", e.latin),
        ("name_original", e.script),
        ("sex", e.sex),
        ("birth_year", e.year),
        ("document", e.document),
        ("nationality", "IRN"),
        ("languages", "fa"),
        ("protection", "protected_person"),
    ]
    .into_iter()
    .collect();
    let input = PersonInput::from_fields(&fields, 2013)?;
    let place = Placement {
        site_id: sites.get(e.site).copied(),
        new_household: true,
        effective_at: crate::clock::parse_day(e.date),
        ..Placement::default()
    };
    Ok(people::register(app, cap, &input, &place).await?)
}

/// Loads the story above; returns the number of flags left open.
pub async fn load(
    app: &App,
    registrar: &Cap<WriteRegistry>,
    admin: &Cap<ManageWatchList>,
) -> anyhow::Result<i64> {
    let sites: HashMap<String, i64> = {
        let mut c = app.store.read().await?;
        store::sites::list(&mut c)
            .await?
            .into_iter()
            .map(|s| (s.code, s.site_id))
            .collect()
    };
    for (name, category, note) in WATCH {
        watchlist::add(app, admin, &WatchInput::parse(name, category, note)?).await?;
    }
    let mut first = Vec::new();
    for e in &FIRST {
        first.push(register(app, registrar, &sites, e).await?);
    }
    let mut again = Vec::new();
    for e in &AGAIN {
        again.push(register(app, registrar, &sites, e).await?);
    }
    register(app, registrar, &sites, &SUSPECT).await?;

    // The registrar has compared two pairs so far.
    let decisions = [
        (
            0,
            Decision::Same,
            "same person re-registered at Liberty; photographs compared",
        ),
        (
            3,
            Decision::Distinct,
            "two brothers: fathers' names and photographs checked",
        ),
    ];
    for (i, decision, why) in decisions {
        let (Some(a), Some(b)) = (first.get(i), again.get(i)) else {
            continue;
        };
        let flag = {
            let mut c = app.store.read().await?;
            store::matching::pair_flag(&mut c, a.person_id, b.person_id).await?
        };
        if let Some(flag) = flag {
            let reason = DecisionReason::parse(why)?;
            matches::decide(app, registrar, flag.flag_id, decision, &reason, Keep::A).await?;
        }
    }
    Ok(matches::count_open(app, registrar).await?)
}
