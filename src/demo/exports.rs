//! The demo's exports: a second registrar, so the two-person rule can be tried, and two
//! requests for exports with personal data — one waiting for that second registrar's
//! approval, one already rejected.
//!
//! The waiting request is encrypted to a demo recipient whose secret key is written
//! beside the demo's master key (`demo-recipient.key`, in age-keygen's format), so
//! whoever tries the demo can open the file they download with
//! `age -d -i vigil-demo-keys/demo-recipient.key`. A real recipient keeps their secret
//! key to themselves and sends only the `age1…` public key.

use std::io::Write;
use std::path::{Path, PathBuf};

use age::secrecy::ExposeSecret;

use crate::actions::registry::export_requests;
use crate::actions::users::NewUser;
use crate::app::App;
use crate::auth::capability::ExportPersonalData;
use crate::auth::{Actor, Cap};
use crate::domain::export::{ExportFilter, Recipient};
use crate::domain::{DisplayName, Role, Username};
use crate::store;

pub const SECOND_REGISTRAR: &str = "registrar2";

async fn registrar(app: &App, name: &str) -> anyhow::Result<Cap<ExportPersonalData>> {
    let mut c = app.store.read().await?;
    let u = store::users::by_username(&mut c, name)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo has no account {name}"))?;
    Ok(Actor {
        user_id: u.user_id,
        username: u.username,
        role: Role::Registrar,
    }
    .grant()?)
}

/// Adds the second registrar and the requests; returns the second registrar's
/// password and the path of the demo recipient's secret key.
pub async fn load(app: &App, key_dir: &Path) -> anyhow::Result<(String, PathBuf)> {
    let admin = Actor::system().grant()?;
    let (_, password) = crate::actions::users::create(
        app,
        &admin,
        NewUser {
            username: Username::parse(SECOND_REGISTRAR)?,
            role: Role::Registrar,
            password: None,
            full_name: DisplayName::parse("full_name", "Demo Second Registrar")?,
            contact: None,
        },
    )
    .await?;

    let identity = age::x25519::Identity::generate();
    let public = identity.to_public().to_string();
    let key_file = key_dir.join("demo-recipient.key");
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(&key_file)?;
    writeln!(
        f,
        "# demo recipient for vigil exports (synthetic data only)"
    )?;
    writeln!(f, "# public key: {public}")?;
    writeln!(f, "{}", identity.to_string().expose_secret())?;

    let first = registrar(app, "registrar").await?;
    let second = registrar(app, SECOND_REGISTRAR).await?;
    let recipient = Recipient::parse(&public)?;
    let press = Recipient::parse(&age::x25519::Identity::generate().to_public().to_string())?;
    let refused = export_requests::request(
        app,
        &second,
        &ExportFilter::default(),
        &press,
        "Names for a journalist (demo)",
    )
    .await?;
    export_requests::decide(app, &first, refused, false).await?;
    export_requests::request(
        app,
        &first,
        &ExportFilter::parse("LIBERTY", "present", "serious_medical")?,
        &recipient,
        "Medical evacuation list for the resettlement unit (demo)",
    )
    .await?;
    Ok((password.unwrap_or_default(), key_file))
}
