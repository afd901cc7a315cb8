//! The demo's agreements and commitments, from the public record of 2011–2015 told in
//! vigil's own words: the memorandum of 25 December 2011 and the promises around it,
//! the letters of 15 February and 16 March 2012, the fourth group's generators, the
//! water connection due on 20 July 2012, the sunshades understanding of 12 June 2012
//! and the US pledge of regular visits. Status is never typed in: it is computed from
//! the convoys' manifests, the incidents and the sourced observations below.

use crate::actions::documentation::commitments as acts;
use crate::app::App;
use crate::auth::capability::{Cap, WriteDocumentation};
use crate::domain::commitment::input::{
    AgreementInput, AgreementText, CommitmentInput, CommitmentText, ObservationInput,
    ObservationText,
};
use crate::store::{self, Conn};

pub(super) const UNAMI: &str = "UN Assistance Mission for Iraq";
pub(super) const GOI: &str = "Government of Iraq";
pub(super) const RESIDENTS: &str = "Residents' representatives";
pub(super) const US: &str = "US Embassy in Baghdad";
/// The demo sources (src/demo/incident_sources.rs) that report on the commitments.
pub(super) const REFUSED: &str = "Residents refuse a 'voluntary' move to Liberty";
pub(super) const ISJ: &str = "Call to protect Camp Liberty residents";

pub(super) async fn source(c: &mut Conn, title: &str) -> anyhow::Result<i64> {
    store::sources::list_sources(c)
        .await?
        .into_iter()
        .find(|s| s.title == title)
        .map(|s| s.source_id)
        .ok_or_else(|| anyhow::anyhow!("demo source missing: {title}"))
}

pub(super) struct Ctx<'a> {
    pub(super) app: &'a App,
    pub(super) cap: &'a Cap<WriteDocumentation>,
}

impl Ctx<'_> {
    pub(super) async fn agreement(
        &self,
        c: &mut Conn,
        t: AgreementText<'_>,
        parties: &[&str],
        signatories: &[(&str, &str)],
        sources: &[(i64, &str)],
    ) -> anyhow::Result<i64> {
        let parties: Vec<String> = parties.iter().map(|p| (*p).to_string()).collect();
        let sigs: Vec<(String, String)> = signatories
            .iter()
            .map(|(n, p)| ((*n).to_string(), (*p).to_string()))
            .collect();
        let srcs: Vec<(i64, String)> = sources
            .iter()
            .map(|(i, l)| (*i, (*l).to_string()))
            .collect();
        let a = AgreementInput::parse(&t, &parties, &sigs, &srcs)?;
        Ok(acts::create_agreement_in(c, self.app, self.cap, &a).await?)
    }

    pub(super) async fn commitment(
        &self,
        c: &mut Conn,
        a: i64,
        t: CommitmentText<'_>,
    ) -> anyhow::Result<i64> {
        let k = CommitmentInput::parse(&t)?;
        Ok(acts::add_commitment_in(c, self.app, self.cap, a, &k).await?)
    }

    pub(super) async fn observe(
        &self,
        c: &mut Conn,
        k: i64,
        t: ObservationText<'_>,
    ) -> anyhow::Result<()> {
        let o = ObservationInput::parse(&t)?;
        acts::add_observation_in(c, self.app, self.cap, k, &o).await?;
        Ok(())
    }
}

/// Loads the agreements after the incidents and convoys (they are its evidence).
/// Returns the number of commitments.
pub async fn load(app: &App, cap: &Cap<WriteDocumentation>) -> anyhow::Result<usize> {
    let mut tx = app.store.write().await?;
    let c = &mut *tx;
    let x = Ctx { app, cap };
    let refused = source(c, REFUSED).await?;
    let isj = source(c, ISJ).await?;
    let refused_id = refused.to_string();
    let isj_id = isj.to_string();
    let mut n = 0;

    let mou = x
        .agreement(
            c,
            AgreementText {
                title: "Memorandum of understanding on the relocation to Camp Liberty",
                kind: "memorandum",
                made_on: "2011-12-25",
                summary: "The residents of Ashraf move to a temporary transit location, Camp Liberty, \
                          while the UN refugee agency processes their claims; the UN monitors the \
                          camp and Iraqi police trained with UN help protect it. A transit period of \
                          six months discussed beforehand is not in the signed text.",
            },
            &[UNAMI, GOI],
            &[],
            &[(isj, "points 18–19")],
        )
        .await?;
    let k = x
        .commitment(
            c,
            mou,
            CommitmentText {
                statement: "Once residents arrive, the UN monitors Camp Liberty round the clock \
                            until the last resident has left Iraq (promised in writing to the \
                            residents on 28 December 2011).",
                owed_by: UNAMI,
                owed_to: RESIDENTS,
                site: "LIBERTY",
                from: "2012-02-18",
                term: "presence",
                share_permille: "1000",
                ..CommitmentText::default()
            },
        )
        .await?;
    x.observe(
        c,
        k,
        ObservationText {
            observed_on: "2014-06-15",
            outcome: "not_fulfilled",
            source: &isj_id,
            locator: "point 18",
            note: "Monitors spent a few hours in the camp on some days, stopped coming when the \
                   danger grew, and were absent for several months from 15 June 2014.",
            ..ObservationText::default()
        },
    )
    .await?;
    x.commitment(
        c,
        mou,
        CommitmentText {
            statement: "Medical treatment of the residents is not obstructed.",
            owed_by: GOI,
            owed_to: RESIDENTS,
            from: "2011-12-25",
            term: "access",
            category: "medical_denial",
            ..CommitmentText::default()
        },
    )
    .await?;
    n += 2;

    let pledge = x
        .agreement(
            c,
            AgreementText {
                title: "US pledge of regular diplomatic visits to Camp Liberty",
                kind: "pledge",
                made_on: "2011-12-25",
                summary: "On the day the memorandum was signed the United States backed it and \
                          said its diplomats in Baghdad would visit Camp Liberty regularly and often.",
            },
            &[US],
            &[],
            &[(isj, "points 18–19")],
        )
        .await?;
    let k = x
        .commitment(
            c,
            pledge,
            CommitmentText {
                statement: "US diplomats visit Camp Liberty regularly and frequently (taken here \
                            as at least one visit a month).",
                owed_by: US,
                owed_to: RESIDENTS,
                site: "LIBERTY",
                from: "2012-02-18",
                term: "frequency",
                visits: "1",
                period_days: "30",
                ..CommitmentText::default()
            },
        )
        .await?;
    x.observe(
        c,
        k,
        ObservationText {
            observed_on: "2015-02-01",
            outcome: "not_fulfilled",
            source: &isj_id,
            locator: "point 19",
            note: "Fewer than five US visits to the camp in three years.",
            ..ObservationText::default()
        },
    )
    .await?;
    n += 1;

    let february = x
        .agreement(
            c,
            AgreementText {
                title: "Letter of 15 February 2012 on the conditions of the moves",
                kind: "letter",
                made_on: "2012-02-15",
                summary: "Agreed after talks with the UN: no Iranian agents at Liberty, the \
                          generators of Ashraf's power station moved, 10 vehicles with the convoys \
                          for every 400 residents, and enough residents left at Ashraf to guard \
                          the property.",
            },
            &[UNAMI, GOI, RESIDENTS],
            &[],
            &[(refused, "Breach of agreement")],
        )
        .await?;
    // One vehicles commitment per convoy: each convoy's head count sets what it is owed.
    let mut convoys = store::convoys::list(c).await?;
    convoys.sort_by_key(|v| v.convoy.seq);
    for v in &convoys {
        let seq = v.convoy.seq.to_string();
        x.commitment(
            c,
            february,
            CommitmentText {
                statement: "10 vehicles go with the convoy for every 400 residents on it.",
                owed_by: GOI,
                owed_to: RESIDENTS,
                convoy: &seq,
                from: "2012-02-15",
                term: "quantity",
                item: "Vehicles",
                quantity: "10",
                per_residents: "400",
                ..CommitmentText::default()
            },
        )
        .await?;
        n += 1;
    }
    if convoys.iter().any(|v| v.convoy.seq == 4) {
        x.commitment(
            c,
            february,
            CommitmentText {
                statement: "The fourth group may take six generators to Liberty (confirmed by \
                            UN and Iraqi officials after talks in February 2012).",
                owed_by: GOI,
                owed_to: RESIDENTS,
                convoy: "4",
                from: "2012-02-15",
                term: "quantity",
                item: "Generators",
                quantity: "6",
                ..CommitmentText::default()
            },
        )
        .await?;
        n += 1;
    }

    let march = x
        .agreement(
            c,
            AgreementText {
                title: "Letter of 16 March 2012 on the police inside the camp",
                kind: "letter",
                made_on: "2012-03-16",
                summary: "Signed by the UN Special Representative after weeks of talks: the Iraqi \
                          police leave the inside of Camp Liberty.",
            },
            &[UNAMI, GOI, RESIDENTS],
            &[],
            &[(refused, "Breach of agreement")],
        )
        .await?;
    let k = x
        .commitment(
            c,
            march,
            CommitmentText {
                statement: "No Iraqi police posted inside Camp Liberty.",
                owed_by: GOI,
                owed_to: RESIDENTS,
                site: "LIBERTY",
                from: "2012-03-16",
                term: "prohibition",
                category: "intimidation",
                ..CommitmentText::default()
            },
        )
        .await?;
    x.observe(
        c,
        k,
        ObservationText {
            observed_on: "2012-07-01",
            outcome: "not_fulfilled",
            source: &refused_id,
            locator: "Breach of agreement",
            note: "Police posts were added and an armoured unit deployed instead.",
            ..ObservationText::default()
        },
    )
    .await?;
    n += 1;

    let june = x
        .agreement(
            c,
            AgreementText {
                title: "Understanding of 12 June 2012 on water and shade",
                kind: "understanding",
                made_on: "2012-06-12",
                summary:
                    "Sunshades are not banned at Liberty, and the UN undertakes that the camp \
                          is connected to the city's water network by 20 July, the Iraqi \
                          government allowing it.",
            },
            &[UNAMI, GOI],
            &[],
            &[(refused, "")],
        )
        .await?;
    x.commitment(
        c,
        june,
        CommitmentText {
            statement: "Materials for sunshades are let into the camp.",
            owed_by: GOI,
            owed_to: RESIDENTS,
            site: "LIBERTY",
            from: "2012-06-12",
            term: "access",
            category: "property_seizure",
            ..CommitmentText::default()
        },
    )
    .await?;
    let k = x
        .commitment(
            c,
            june,
            CommitmentText {
                statement: "The camp is connected to the city's water network.",
                owed_by: GOI,
                owed_to: RESIDENTS,
                site: "LIBERTY",
                from: "2012-06-12",
                term: "deadline",
                due_on: "2012-07-20",
                ..CommitmentText::default()
            },
        )
        .await?;
    x.observe(
        c,
        k,
        ObservationText {
            observed_on: "2012-07-01",
            outcome: "not_fulfilled",
            source: &refused_id,
            note: "Every effort of the residents to get water from the city network had been \
                   blocked so far.",
            ..ObservationText::default()
        },
    )
    .await?;
    n += 2;
    tx.commit().await?;
    Ok(n)
}
