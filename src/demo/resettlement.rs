//! The demo's resettlement: country offers and synthetic cases of Camp Liberty's
//! households, recorded step by step by the demo's case officer, at the pace the
//! public record tells.
//!
//! Facts from the seeds, in our words: the residents were moved to Liberty during 2012,
//! as a transit stop before resettlement; the first group left for Albania in May
//! 2013; Germany admitted about a hundred in 2013; three years after the move about
//! 15 % of the roughly 3,000 residents had been resettled. The offers' sizes other
//! than Germany's, the countries other than Albania and Germany, and every case are
//! illustrative: the demo records them so that the funnel, the pipeline and the
//! forecast tell that story, and says so in the offers' notes.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::actions::resettlement::{self, offers};
use crate::app::App;
use crate::auth::capability::WriteCases;
use crate::auth::Cap;
use crate::domain::resettlement::{OfferInput, OfferText, StepInput, StepText};
use crate::store;

const DAY: i64 = 86_400_000;

/// The last day the demo's record covers: about three years after the move.
pub const RECORD_ENDS: &str = "2015-09-30";

const ILLUSTRATIVE: &str = "Illustrative figure for the demo";

/// (country, announced, places, note): the offers the cases go under.
const OFFERS: [(&str, &str, &str, &str); 6] = [
    ("ALB", "2013-02-15", "210", ILLUSTRATIVE),
    (
        "DEU",
        "2013-06-01",
        "100",
        "About a hundred admitted in 2013 (public record)",
    ),
    ("ALB", "2014-01-20", "400", ILLUSTRATIVE),
    ("NOR", "2014-03-01", "25", ILLUSTRATIVE),
    ("FIN", "2014-06-01", "30", ILLUSTRATIVE),
    ("NLD", "2015-01-15", "30", ILLUSTRATIVE),
];

/// People who left, by month and destination (offer index): the first group to
/// Albania in May 2013, Germany's hundred in the autumn of 2013, and a slow trickle
/// after — about 450 people (15 %) by the end of September 2015.
const DEPARTURES: [(&str, usize, i64); 20] = [
    ("2013-05-20", 0, 14),
    ("2013-07-10", 0, 22),
    ("2013-09-05", 0, 30),
    ("2013-10-15", 1, 47),
    ("2013-11-20", 1, 47),
    ("2013-12-10", 0, 30),
    ("2014-02-18", 0, 20),
    ("2014-04-22", 2, 25),
    ("2014-06-10", 3, 18),
    ("2014-07-15", 2, 24),
    ("2014-09-09", 4, 22),
    ("2014-10-21", 2, 22),
    ("2014-12-02", 2, 16),
    ("2015-02-10", 2, 18),
    ("2015-03-24", 5, 20),
    ("2015-04-28", 2, 16),
    ("2015-06-09", 2, 18),
    ("2015-07-14", 2, 12),
    ("2015-08-18", 2, 12),
    ("2015-09-15", 2, 12),
];

fn day(s: &str) -> anyhow::Result<i64> {
    crate::clock::parse_day(s).ok_or_else(|| anyhow::anyhow!("bad demo date {s}"))
}

fn iso(ms: i64) -> String {
    crate::clock::rfc3339(ms).chars().take(10).collect()
}

/// A step's input; `offer` only for a submission.
fn step(
    stage: &str,
    on: i64,
    offer: Option<i64>,
    country: &str,
    category: &str,
) -> anyhow::Result<StepInput> {
    let on = iso(on);
    let offer = offer.map(|o| o.to_string()).unwrap_or_default();
    Ok(StepInput::parse(&StepText {
        stage,
        on: &on,
        country,
        offer: &offer,
        priority: "normal",
        category,
        note: "",
    })?)
}

const CATEGORIES: [&str; 4] = [
    "legal_physical_protection",
    "legal_physical_protection",
    "survivors_of_violence",
    "medical_needs",
];

fn pick_category(rng: &mut StdRng) -> &'static str {
    CATEGORIES
        .choose(rng)
        .copied()
        .unwrap_or("legal_physical_protection")
}

/// Records the offers and the cases; returns the number of cases.
pub async fn load(app: &App, cap: &Cap<WriteCases>) -> anyhow::Result<usize> {
    let mut rng = StdRng::seed_from_u64(2013);
    let mut tx = app.store.write().await?;
    let mut offer_ids = Vec::new();
    for (country, on, places, note) in OFFERS {
        let o = OfferInput::parse(&OfferText {
            country,
            announced_on: on,
            places,
            max_household: "",
            medical: "yes",
            note,
        })?;
        offer_ids.push((offers::create_in(&mut tx, app, cap, &o).await?, day(on)?));
    }
    let households = store::resettlement::household_sizes(&mut tx).await?;
    let mut queue = households.into_iter();
    let mut cases = 0;

    // The households that left: each case's steps, counted back from its departure.
    for (date, offer, target) in DEPARTURES {
        let departed = day(date)?;
        let (offer_id, announced) = offer_ids.get(offer).copied().unwrap_or((0, 0));
        let mut people = 0;
        while people < target {
            let Some((code, size)) = queue.next() else {
                break;
            };
            people += size;
            let departed = departed + rng.gen_range(0..10) * DAY;
            let scheduled = departed - rng.gen_range(14..35) * DAY;
            let accepted = scheduled - rng.gen_range(20..60) * DAY;
            let submitted = (accepted - rng.gen_range(50..160) * DAY)
                .max(announced + 7 * DAY)
                .min(accepted);
            let recognised = submitted - rng.gen_range(20..90) * DAY;
            let interviewed = recognised - rng.gen_range(20..90) * DAY;
            let identified = interviewed - rng.gen_range(30..120) * DAY;
            let category = pick_category(&mut rng);
            let id = resettlement::open_in(&mut tx, app, cap, &code, identified, "").await?;
            for s in [
                step("interviewed", interviewed, None, "", "")?,
                step("recognised", recognised, None, "", "")?,
                step("submitted", submitted, Some(offer_id), "", category)?,
                step("accepted", accepted, None, "", "")?,
                step("departure_scheduled", scheduled, None, "", "")?,
                step("departed", departed, None, "", "")?,
            ] {
                resettlement::step_in(&mut tx, app, cap, id, &s).await?;
            }
            cases += 1;
        }
    }

    // The rest of the pipeline on the record's last day: cases waiting at every stage,
    // some rejected, deferred or withdrawn — the backlog the forecast reads.
    let ends = day(RECORD_ENDS)?;
    let latest_offer = offer_ids.get(2).copied().unwrap_or((0, 0)).0;
    for _ in 0..420 {
        let Some((code, _)) = queue.next() else { break };
        let identified = day("2012-10-01")? + rng.gen_range(0..900) * DAY;
        let id = resettlement::open_in(&mut tx, app, cap, &code, identified, "").await?;
        cases += 1;
        // How far along: most are early, as in any backlog.
        let reach = rng.gen_range(0..100);
        let mut on = identified;
        let mut path: Vec<StepInput> = Vec::new();
        for (stage, min_reach) in [("interviewed", 35), ("recognised", 60), ("submitted", 78)] {
            if reach < min_reach {
                break;
            }
            on += rng.gen_range(40..150) * DAY;
            if on > ends {
                break;
            }
            let (offer, country, category) = if stage == "submitted" {
                (Some(latest_offer), "", pick_category(&mut rng))
            } else {
                (None, "", "")
            };
            path.push(step(stage, on, offer, country, category)?);
        }
        let submitted = path.len() == 3;
        if submitted && reach >= 88 {
            on += rng.gen_range(60..200) * DAY;
            if on <= ends {
                let decision = match reach {
                    88..=91 => "rejected",
                    92..=94 => "deferred",
                    _ => "withdrawn",
                };
                path.push(step(decision, on, None, "", "")?);
            }
        }
        for s in &path {
            resettlement::step_in(&mut tx, app, cap, id, s).await?;
        }
    }
    // The record is current to its last day: the analytics look from there.
    store::settings::set(
        &mut tx,
        crate::actions::resettlement::pipeline::RECORD_DATE,
        RECORD_ENDS,
    )
    .await?;
    tx.commit().await?;
    Ok(cases)
}
