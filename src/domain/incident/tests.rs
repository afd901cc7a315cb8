use super::corroboration::{corroborate, Voice, Witness};
use super::*;
use crate::domain::source::{
    org_key, parse_values, Affiliation, ClaimInput, ClaimText, Credibility, OrganisationInput,
    Reliability, SourceInput, SourceText,
};

fn field<T>(r: Result<T, Invalid>) -> Option<&'static str> {
    r.err().map(|e| e.field)
}

#[test]
fn when_carries_its_precision() {
    let at = |s| parse_when("started", s).ok().flatten();
    let day = crate::clock::parse_day("2013-12-26");
    assert_eq!(at("2013-12-26"), day.map(|d| (d, Precision::Day)));
    assert_eq!(
        at("۲۰۱۳-۱۲-۲۶ 05:30"),
        day.map(|d| (d + 5 * 3_600_000 + 30 * 60_000, Precision::Exact))
    );
    assert_eq!(
        at("2013-12"),
        crate::clock::parse_day("2013-12-01").map(|d| (d, Precision::Month))
    );
    assert_eq!(
        at("2013"),
        crate::clock::parse_day("2013-01-01").map(|d| (d, Precision::Year))
    );
    assert_eq!(at(""), None);
    for bad in [
        "2013-13",
        "2013-02-30",
        "13-12-26",
        "2013-12 05:30",
        "2013-12-26 25:00",
        "x",
    ] {
        assert_eq!(field(parse_when("started", bad)), Some("started"), "{bad}");
    }
    // The end of a month, of February in a leap year, of a year.
    let feb = crate::clock::parse_day("2012-02-01").unwrap_or(0);
    assert_eq!(
        Precision::Month.end_of(feb) + 1,
        crate::clock::parse_day("2012-03-01").unwrap_or(0)
    );
    assert_eq!(Precision::Month.format(feb), "2012-02");
    assert_eq!(Precision::Year.format(feb), "2012");
}

fn incident(started: &str, ended: &str) -> Result<IncidentInput, Invalid> {
    IncidentInput::parse(&IncidentText {
        title: "Rocket attack on the camp",
        category: "rocket attack",
        started,
        ended,
        site: "liberty",
        ..IncidentText::default()
    })
}

#[test]
fn incidents_are_checked_field_by_field() {
    let i = incident("2013-12-26", "").unwrap_or_else(|e| unreachable!("{e}"));
    assert_eq!(i.category, Category::RocketAttack);
    assert_eq!(i.site.as_ref().map(|s| s.as_str()), Some("LIBERTY"));
    // A site and no coordinates: the place is near the site.
    assert_eq!(i.geo_precision, GeoPrecision::Near);
    // An end in the same month as a start known to the day is fine; before it is not.
    assert!(incident("2013-12-26", "2013-12").is_ok());
    assert_eq!(field(incident("2013-12-26", "2013-11-30")), Some("ended"));
    assert_eq!(field(incident("", "")), Some("started"));
    let bad = |t: IncidentText<'static>| field(IncidentInput::parse(&t));
    let base = IncidentText {
        title: "t",
        category: "killing",
        started: "2011",
        ..IncidentText::default()
    };
    assert_eq!(bad(IncidentText { title: "", ..base }), Some("title"));
    assert_eq!(
        bad(IncidentText {
            category: "riot",
            ..base
        }),
        Some("category")
    );
    assert_eq!(
        bad(IncidentText {
            lat: "33.3",
            ..base
        }),
        Some("lon")
    );
    assert_eq!(
        bad(IncidentText {
            lat: "95",
            lon: "1",
            ..base
        }),
        Some("lat")
    );
    assert_eq!(bad(IncidentText { site: "x", ..base }), Some("site"));
    assert_eq!(
        bad(IncidentText {
            geo_precision: "street",
            ..base
        }),
        Some("geo_precision")
    );
}

#[test]
fn acts_name_a_person_or_count_victims_never_both() {
    let act = |person, victims| {
        ActInput::parse(&ActText {
            act: "killed",
            person,
            victims,
            sex: "male",
            age_band: "18-59",
        })
    };
    assert_eq!(act("", "34").map(|a| a.victims), Ok(Victims::Count(34)));
    assert_eq!(field(act("", "")), Some("victims"));
    assert_eq!(field(act("", "0")), Some("victims"));
    assert_eq!(field(act("not a code", "")), Some("person"));
    let bad_band = ActInput::parse(&ActText {
        act: "injured",
        victims: "3",
        age_band: "18-65",
        ..ActText::default()
    });
    assert_eq!(field(bad_band), Some("age_band"));
}

#[test]
fn corroborated_cannot_be_typed() {
    assert_eq!(
        field(VerificationInput::parse("corroborated", "two outlets")),
        Some("verification")
    );
    assert_eq!(
        field(VerificationInput::parse("verified", " ")),
        Some("reason")
    );
    assert!(VerificationInput::parse("verified", "site visit by monitors").is_ok());
}

#[test]
fn sources_and_claims_are_checked() {
    let src = |affiliation, aligned_with, publisher| {
        SourceInput::parse(&SourceText {
            kind: "article",
            title: "Report",
            publisher,
            affiliation,
            aligned_with,
            reliability: "c",
            reliability_reason: "Partisan outlet, figures checked against others",
            url: "https://example.org/a",
            ..SourceText::default()
        })
    };
    assert_eq!(
        src("independent", "", "").map(|s| s.reliability),
        Reliability::parse("C")
    );
    assert_eq!(field(src("aligned", "", "")), Some("aligned_with"));
    assert_eq!(
        field(src("independent", "Some party", "")),
        Some("aligned_with")
    );
    assert_eq!(field(src("official", "", "")), Some("publisher"));
    assert_eq!(field(Reliability::parse("G")), Some("reliability"));
    assert_eq!(field(Credibility::parse("7")), Some("credibility"));
    let claim = |values, credibility| {
        ClaimInput::parse(&ClaimText {
            source: "1",
            values,
            credibility,
            locator: "para. 3",
            ..ClaimText::default()
        })
    };
    let c = claim("killed = 34; injured: ۳۰۰", "2").unwrap_or_else(|e| unreachable!("{e}"));
    assert_eq!(c.values, vec![(Act::Killed, 34), (Act::Injured, 300)]);
    assert_eq!(field(claim("", "2")), Some("statement"));
    assert_eq!(field(claim("killed = 3, killed = 4", "2")), Some("values"));
    assert_eq!(field(claim("wounded = 3", "2")), Some("values"));
    assert_eq!(field(parse_values("killed")), Some("values"));
}

#[test]
fn organisation_names_match_across_spellings() {
    assert_eq!(org_key("Qods Force"), org_key("Quds Force"));
    assert_eq!(org_key("QUDS force"), org_key("Qods Force"));
    assert_ne!(org_key("Quds Force"), org_key("Iraqi Army"));
    // Numbers tell organisations apart, in any digits.
    assert_ne!(org_key("Brigade 9"), org_key("Brigade 10"));
    assert_eq!(org_key("Brigade 9"), org_key("brigade ۹"));
    let o = OrganisationInput::parse(
        "Quds Force",
        "armed group",
        "Qods Force\nنیروی قدس; Quds Force",
    )
    .unwrap_or_else(|e| unreachable!("{e}"));
    assert_eq!(
        o.aliases,
        vec!["Qods Force".to_string(), "نیروی قدس".to_string()]
    );
    assert_eq!(
        field(OrganisationInput::parse("123", "ngo", "")),
        Some("name")
    );
}

fn w(voice: Voice, reliability: &str, credibility: &str, values: &[(Act, i64)]) -> Witness {
    Witness {
        voice,
        reliability: Reliability::parse(reliability).unwrap_or_else(|e| unreachable!("{e}")),
        credibility: Credibility::parse(credibility).unwrap_or_else(|e| unreachable!("{e}")),
        values: values.to_vec(),
    }
}

#[test]
fn corroboration_counts_independent_voices_only() {
    use Act::Killed;
    // Two articles of one outlet are one voice: not corroborated.
    let one_outlet = [
        w(Voice::Publisher(1), "B", "2", &[(Killed, 35)]),
        w(Voice::Publisher(1), "B", "2", &[(Killed, 35)]),
    ];
    let c = corroborate(&one_outlet);
    assert_eq!((c.voices, c.corroborated), (1, false));
    // A second, independent outlet and a UN statement agree on 35; the hostile side's
    // media says 3, graded unreliable and improbable: shown, never corroborating.
    let story = [
        w(Voice::Publisher(1), "B", "2", &[(Killed, 35)]),
        w(Voice::Publisher(2), "C", "3", &[(Killed, 35)]),
        w(Voice::Party(9), "A", "1", &[(Killed, 34)]),
        w(Voice::Party(7), "E", "5", &[(Killed, 3)]),
        w(Voice::Party(7), "E", "5", &[(Killed, 3)]),
    ];
    let c = corroborate(&story);
    assert_eq!((c.voices, c.corroborated), (3, true));
    let Some(killed) = c.figures.first() else {
        unreachable!("a figure")
    };
    assert_eq!(
        (killed.measure.as_str(), killed.low, killed.high),
        ("killed", 3, 35)
    );
    assert!(killed.disputed());
    let v: Vec<(i64, usize, usize, bool)> = killed
        .values
        .iter()
        .map(|v| (v.value, v.claims, v.voices, v.corroborated))
        .collect();
    assert_eq!(
        v,
        vec![(3, 2, 0, false), (34, 1, 1, false), (35, 2, 2, true)]
    );
    // Doubtful claims from reliable sources do not corroborate either.
    let doubtful = [
        w(Voice::Publisher(1), "A", "4", &[]),
        w(Voice::Publisher(2), "A", "4", &[]),
    ];
    assert!(!corroborate(&doubtful).corroborated);
    assert_eq!(corroborate(&[]).voices, 0);
}

#[test]
fn voices_follow_affiliation() {
    assert_eq!(
        Voice::of(5, Affiliation::Aligned, Some(1), Some(9)),
        Voice::Party(9)
    );
    assert_eq!(
        Voice::of(5, Affiliation::Official, Some(3), None),
        Voice::Party(3)
    );
    assert_eq!(
        Voice::of(5, Affiliation::Independent, Some(3), None),
        Voice::Publisher(3)
    );
    assert_eq!(
        Voice::of(5, Affiliation::Independent, None, None),
        Voice::Alone(5)
    );
}
