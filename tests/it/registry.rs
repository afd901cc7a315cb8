//! The registry's own story on both backends: a name found in any spelling or script
//! through the blind index (and only by the registrar), and households joined later.

use std::collections::HashMap;

use vigil::actions::registry::people::{self, Placement};
use vigil::auth::Actor;
use vigil::domain::person::{PersonInput, Relationship};
use vigil::domain::Role;

use crate::support;

fn person(name_latin: &str, name_original: &str) -> PersonInput {
    let f: HashMap<&str, &str> = [
        ("name_latin", name_latin),
        ("name_original", name_original),
        ("birth_year", "1970"),
    ]
    .into_iter()
    .collect();
    PersonInput::from_fields(&f, 2026).unwrap()
}

#[tokio::test]
async fn names_are_found_in_any_spelling_and_households_joined() {
    for t in support::both().await {
        let b = t.backend;
        let cap = t.registrar();
        let a = people::register(
            &t.app,
            &cap,
            &person("Mohammad Ahmadi", ""),
            &Placement::default(),
        )
        .await
        .unwrap();
        let z = people::register(
            &t.app,
            &cap,
            &person("", "زهرا کاظمی"),
            &Placement {
                new_household: true,
                ..Placement::default()
            },
        )
        .await
        .unwrap();
        let reg = Actor {
            user_id: 0,
            username: "r".into(),
            role: Role::Registrar,
        };
        let view = reg.grant().unwrap();
        for spelling in ["Muhammad Ahmadi", "محمد احمدی", "MOHAMMED  ahmadi"] {
            let found = people::find_by_name(&t.app, &view, spelling).await.unwrap();
            assert!(
                found.iter().any(|p| p.person_id == a.person_id),
                "{b}: {spelling}"
            );
        }
        let found = people::find_by_name(&t.app, &view, "Zahra Kazemi")
            .await
            .unwrap();
        assert!(
            found.iter().any(|p| p.person_id == z.person_id),
            "{b}: Latin finds the Persian-script name"
        );
        // A case officer holds the permission for their own cases, not the registry.
        let co = Actor {
            user_id: 0,
            username: "c".into(),
            role: Role::CaseOfficer,
        };
        assert!(
            people::find_by_name(&t.app, &co.grant().unwrap(), "Mohammad Ahmadi")
                .await
                .unwrap()
                .is_empty(),
            "{b}"
        );
        // Mohammad joins Zahra's household.
        let hh = z.household_id.unwrap();
        people::join_household(&t.app, &cap, a.person_id, Some(hh), Relationship::Spouse)
            .await
            .unwrap();
        let read = Actor::system().grant().unwrap();
        let d = people::get(&t.app, &read, z.person_id).await.unwrap();
        assert!(
            d.household.iter().any(|(_, rel)| rel == "spouse"),
            "{b}: {:?}",
            d.household
        );
    }
}
