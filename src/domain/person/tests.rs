//! Tests of the parent module.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;
use rand::SeedableRng;

#[test]
fn codes_carry_a_check_character() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    for _ in 0..200 {
        let c = PersonCode::generate(&mut rng);
        assert_eq!(PersonCode::parse(c.as_str()).unwrap(), c);
        assert_eq!(PersonCode::parse(&c.as_str().to_lowercase()).unwrap(), c);
        // One mistyped character is caught.
        let mut s: Vec<char> = c.as_str().chars().collect();
        s[3] = if s[3] == 'A' { 'B' } else { 'A' };
        let typo: String = s.into_iter().collect();
        assert!(PersonCode::parse(&typo).is_err(), "{typo}");
    }
    assert!(PersonCode::parse("VG-1234").is_err());
}

fn fields(pairs: &[(&'static str, &'static str)]) -> HashMap<&'static str, &'static str> {
    pairs.iter().copied().collect()
}

#[test]
fn a_person_is_read_from_fields_in_any_digits() {
    let p = PersonInput::from_fields(
        &fields(&[
            ("name_original", "زهرا کاظمی"),
            ("birth_date", "۱۹۸۵-۰۳-۲۱"),
            ("sex", "F"),
            ("nationality", "irn"),
            ("languages", "fa, ku"),
            ("vulnerabilities", "serious_medical:urgent; disability"),
            ("phone", "+964 ۷۷۰ 123"),
        ]),
        2026,
    )
    .unwrap();
    assert_eq!(p.birth_year, Some(1985));
    assert_eq!(p.birth_date.unwrap().expose(), "1985-03-21");
    assert_eq!(p.sex, Sex::Female);
    assert_eq!(p.languages, vec!["fa", "ku"]);
    assert_eq!(
        p.vulnerabilities[0],
        (Vulnerability::SeriousMedical, Urgency::Urgent)
    );
    assert_eq!(p.phone.unwrap().expose(), "+964 770 123");
}

#[test]
fn bad_fields_are_named() {
    let field = |pairs: &[(&'static str, &'static str)]| {
        PersonInput::from_fields(&fields(pairs), 2026)
            .err()
            .map(|e| e.field)
    };
    assert_eq!(field(&[]), Some("name_latin"));
    assert_eq!(
        field(&[("name_latin", "A"), ("birth_date", "1985-13-01")]),
        Some("birth_date")
    );
    assert_eq!(
        field(&[("name_latin", "A"), ("birth_year", "2090")]),
        Some("birth_year")
    );
    assert_eq!(
        field(&[
            ("name_latin", "A"),
            ("birth_date", "1985-01-01"),
            ("birth_year", "1984")
        ]),
        Some("birth_year")
    );
    assert_eq!(field(&[("name_latin", "A"), ("sex", "q")]), Some("sex"));
    assert_eq!(
        field(&[("name_latin", "A"), ("vulnerabilities", "hungry")]),
        Some("vulnerability")
    );
    assert_eq!(
        field(&[("name_latin", "A"), ("phone", "call me")]),
        Some("phone")
    );
    assert!(format!(
        "{:?}",
        PersonInput::from_fields(&fields(&[("name_latin", "Canary")]), 2026)
    )
    .contains("redacted"));
}

#[test]
fn age_bands_are_unhcrs() {
    assert_eq!(age_band(4), Some(0));
    assert_eq!(age_band(12), Some(2));
    assert_eq!(age_band(60), Some(4));
    assert_eq!(age_band(-1), None);
}
