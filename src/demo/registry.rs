//! The demo's registry: Camp Ashraf (Diyala) and Camp Liberty (near Baghdad airport),
//! about 3,000 synthetic residents in households, and their relocation from Ashraf to
//! Liberty in groups during 2012.
//!
//! Every name is generated from common Persian given names and family names, drawn at
//! random from a fixed seed: they belong to no one. The convoys that move them are in
//! `demo/convoys.rs`.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::actions::registry::people::{self, Placement};
use crate::actions::registry::sites;
use crate::app::App;
use crate::auth::capability::WriteRegistry;
use crate::auth::Cap;
use crate::domain::person::PersonInput;
use crate::domain::site::SiteInput;

/// (Latin, Persian) given names, women's then men's.
const WOMEN: [(&str, &str); 16] = [
    ("Zahra", "زهرا"),
    ("Fatemeh", "فاطمه"),
    ("Maryam", "مریم"),
    ("Narges", "نرگس"),
    ("Mahnaz", "مهناز"),
    ("Shirin", "شیرین"),
    ("Parvin", "پروین"),
    ("Soheila", "سهیلا"),
    ("Leila", "لیلا"),
    ("Azar", "آذر"),
    ("Roya", "رویا"),
    ("Mina", "مینا"),
    ("Nasrin", "نسرین"),
    ("Faranak", "فرانک"),
    ("Zohreh", "زهره"),
    ("Masoumeh", "معصومه"),
];
const MEN: [(&str, &str); 16] = [
    ("Mohammad", "محمد"),
    ("Ali", "علی"),
    ("Hossein", "حسین"),
    ("Reza", "رضا"),
    ("Mehdi", "مهدی"),
    ("Hassan", "حسن"),
    ("Abbas", "عباس"),
    ("Javad", "جواد"),
    ("Majid", "مجید"),
    ("Saeed", "سعید"),
    ("Behrouz", "بهروز"),
    ("Karim", "کریم"),
    ("Davoud", "داوود"),
    ("Nader", "نادر"),
    ("Farhad", "فرهاد"),
    ("Mostafa", "مصطفی"),
];
const FAMILIES: [(&str, &str); 24] = [
    ("Ahmadi", "احمدی"),
    ("Hosseini", "حسینی"),
    ("Karimi", "کریمی"),
    ("Rezaei", "رضایی"),
    ("Moradi", "مرادی"),
    ("Jafari", "جعفری"),
    ("Rahimi", "رحیمی"),
    ("Sadeghi", "صادقی"),
    ("Ghasemi", "قاسمی"),
    ("Mousavi", "موسوی"),
    ("Heidari", "حیدری"),
    ("Kazemi", "کاظمی"),
    ("Najafi", "نجفی"),
    ("Salehi", "صالحی"),
    ("Amiri", "امیری"),
    ("Rostami", "رستمی"),
    ("Ebrahimi", "ابراهیمی"),
    ("Bagheri", "باقری"),
    ("Nouri", "نوری"),
    ("Shirazi", "شیرازی"),
    ("Tabrizi", "تبریزی"),
    ("Esfahani", "اصفهانی"),
    ("Ghorbani", "قربانی"),
    ("Yazdani", "یزدانی"),
];

fn pick(rng: &mut StdRng, list: &[(&'static str, &'static str)]) -> (&'static str, &'static str) {
    list.choose(rng).copied().unwrap_or(("Ali", "علی"))
}

/// Loads the sites and the people. Returns the number of people registered.
pub async fn load(app: &App, cap: &Cap<WriteRegistry>) -> anyhow::Result<usize> {
    let ashraf = sites::create(
        app,
        cap,
        SiteInput::parse(
            "ASHRAF",
            "Camp Ashraf",
            "اردوگاه اشرف",
            "مخيم أشرف",
            "camp",
            "IRQ",
            "33.7461",
            "44.6044",
            "",
        )?,
    )
    .await?;
    sites::create(
        app,
        cap,
        SiteInput::parse(
            "LIBERTY",
            "Camp Liberty",
            "کمپ لیبرتی",
            "مخيم ليبرتي",
            "transit",
            "IRQ",
            "33.2960",
            "44.2380",
            "5500",
        )?,
    )
    .await?;
    let mut rng = StdRng::seed_from_u64(2012);
    let registered_at = crate::clock::parse_day("2009-08-01").unwrap_or(0);
    // Mostly adults, as in the camps: many single residents, some families.
    let mut households: Vec<Vec<i64>> = Vec::new();
    let mut total = 0;
    let mut tx = app.store.write().await?;
    while total < 3_000 {
        let size = match rng.gen_range(0..100) {
            0..=69 => 1,
            70..=84 => 2,
            85..=94 => 3,
            _ => 4,
        };
        let family = pick(&mut rng, &FAMILIES);
        let mut members = Vec::new();
        let mut household = None;
        for m in 0..size {
            let woman = rng.gen_bool(if m == 1 { 0.8 } else { 0.45 });
            let (given_l, given_o) = if woman {
                pick(&mut rng, &WOMEN)
            } else {
                pick(&mut rng, &MEN)
            };
            let year = if m >= 2 {
                rng.gen_range(1995..2008)
            } else {
                rng.gen_range(1940..1990)
            };
            let name_l = format!("{given_l} {}", family.0);
            let name_o = format!("{given_o} {}", family.1);
            let year_text = year.to_string();
            let need = match rng.gen_range(0..100) {
                0..=5 => "serious_medical:urgent",
                6..=9 => "disability",
                10..=13 if year < 1955 => "older_person",
                _ => "",
            };
            let fields = [
                ("name_latin", name_l.as_str()),
                ("name_original", name_o.as_str()),
                ("sex", if woman { "female" } else { "male" }),
                ("birth_year", year_text.as_str()),
                ("nationality", "IRN"),
                ("languages", "fa"),
                ("protection", "protected_person"),
                ("vulnerabilities", need),
            ];
            let input = PersonInput::from_fields(&fields.into_iter().collect(), 2012)?;
            let place = Placement {
                site_id: Some(ashraf),
                household_id: household,
                new_household: m == 0,
                relationship: None,
                effective_at: Some(registered_at),
            };
            let r = people::register_in(&mut tx, app, cap, &input, &place).await?;
            household = household.or(r.household_id);
            members.push(r.person_id);
        }
        total += size;
        households.push(members);
    }
    tx.commit().await?;

    // The relocation to Liberty: real convoys, completed one by one (demo/convoys.rs).
    super::convoys::load(app, cap, &households).await?;
    Ok(total)
}
