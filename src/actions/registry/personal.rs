//! The audited view of a resident's personal data. Opening it writes an audit entry
//! in the same transaction. A record merged into another leads to the one it joined,
//! whose view also opens the personal data the merged records held (kept, never
//! deleted, so an alias stays on file).

use crate::actions::{audit, ActionError, Event, Result};
use crate::app::App;
use crate::auth::capability::{Cap, ViewPersonalData};
use crate::domain::Role;
use crate::store::{self, Conn};

const TABLE: &str = "people";

/// A person's personal data, decrypted.
#[derive(Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PersonPersonal {
    pub name_latin: Option<String>,
    pub name_original: Option<String>,
    pub birth_date: Option<String>,
    pub document: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
    /// What the records merged into this one held, by their codes.
    pub merged: Vec<MergedPersonal>,
}

/// The personal data of a record that was merged into another.
#[derive(Clone, serde::Serialize, utoipa::ToSchema)]
pub struct MergedPersonal {
    pub code: String,
    pub name_latin: Option<String>,
    pub name_original: Option<String>,
    pub birth_date: Option<String>,
    pub document: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
}

impl std::fmt::Debug for PersonPersonal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PersonPersonal(<redacted>)")
    }
}

impl std::fmt::Debug for MergedPersonal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MergedPersonal(<redacted>)")
    }
}

/// The six sealed fields of one record, opened.
type Fields = [Option<String>; 6];

async fn open_fields(c: &mut Conn, app: &App, id: i64) -> Result<Fields> {
    let s = store::people::sealed(c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let open = |col: &str, v: &Option<Vec<u8>>| -> Result<Option<String>> {
        v.as_ref()
            .map(|b| app.keys.open(TABLE, col, id, b))
            .transpose()
            .map_err(ActionError::from)
    };
    Ok([
        open("name_latin", &s.name_latin)?,
        open("name_original", &s.name_original)?,
        open("birth_date", &s.birth_date)?,
        open("document", &s.document)?,
        open("phone", &s.phone)?,
        open("notes", &s.notes)?,
    ])
}

/// Opens a person's personal data for a role allowed to see it, auditing the view in
/// the caller's transaction; returns the id of the record actually shown (a merged
/// record's survivor). Case officers see only the people of their own cases; until a
/// case names this person, the person is hidden from them (not found).
pub async fn view_personal_in(
    c: &mut Conn,
    app: &App,
    cap: &Cap<ViewPersonalData>,
    id: i64,
) -> Result<(i64, PersonPersonal)> {
    if cap.actor().role != Role::Registrar {
        return Err(ActionError::NotFound);
    }
    store::people::get(c, id)
        .await?
        .ok_or(ActionError::NotFound)?;
    let id = store::matching::survivor(c, id).await?;
    let [name_latin, name_original, birth_date, document, phone, notes] =
        open_fields(c, app, id).await?;
    let mut merged = Vec::new();
    for (mid, code, _) in store::matching::merged_into(c, id).await? {
        let [name_latin, name_original, birth_date, document, phone, notes] =
            open_fields(c, app, mid).await?;
        merged.push(MergedPersonal {
            code,
            name_latin,
            name_original,
            birth_date,
            document,
            phone,
            notes,
        });
    }
    let codes: Vec<&str> = merged.iter().map(|m| m.code.as_str()).collect();
    audit(
        c,
        app,
        cap.actor(),
        Event {
            action: "person.view_personal",
            object_type: "person",
            object_id: id.to_string(),
            summary: if codes.is_empty() {
                "fields: name_latin, name_original, birth_date, document, phone, notes".into()
            } else {
                format!(
                    "fields: name_latin, name_original, birth_date, document, phone, notes; \
                     with merged records {}",
                    codes.join(", ")
                )
            },
            details: serde_json::Value::Null,
        },
    )
    .await?;
    Ok((
        id,
        PersonPersonal {
            name_latin,
            name_original,
            birth_date,
            document,
            phone,
            notes,
            merged,
        },
    ))
}

/// [`view_personal_in`] in its own transaction.
pub async fn view_personal(
    app: &App,
    cap: &Cap<ViewPersonalData>,
    id: i64,
) -> Result<PersonPersonal> {
    let mut tx = app.store.write().await?;
    let (_, personal) = view_personal_in(&mut tx, app, cap, id).await?;
    tx.commit().await?;
    Ok(personal)
}
