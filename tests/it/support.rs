//! Shared test fixtures: an opened vigil on SQLite (temp dir) or on the throwaway
//! PostgreSQL cluster, accounts and tokens made through the action layer, a real
//! server on port 0, and a browser-like HTTP client that keeps cookies and CSRF tokens.

use std::net::SocketAddr;
use std::sync::Arc;

use vigil::actions::users::NewUser;
use vigil::app::App;
use vigil::auth::Actor;
use vigil::clock::Clock;
use vigil::config::{Config, Options};
use vigil::crypto::MasterKey;
use vigil::domain::{Password, Role, Username};

pub const PASSWORD: &str = "a long test passphrase";

pub struct TestApp {
    pub app: Arc<App>,
    pub dir: tempfile::TempDir,
    pub master_hex: String,
    pub backend: &'static str,
}

fn config(dir: &std::path::Path, url: String) -> Config {
    // SQLite keeps its default (beside the database file, in the temp dir); PostgreSQL
    // needs one said, also in the temp dir.
    let evidence_dir = (!url.starts_with("sqlite")).then(|| dir.join("evidence"));
    let opts = Options {
        data: Some(dir.join("data")),
        database_url: Some(url),
        evidence_dir,
        key_file: Some(dir.join("keys/master.key")),
        ..Options::default()
    };
    Config::load(&opts, Some("127.0.0.1:0")).unwrap()
}

async fn open(url: Option<String>, backend: &'static str, clock: Clock) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let url =
        url.unwrap_or_else(|| format!("sqlite://{}", dir.path().join("data/vigil.db").display()));
    let master = MasterKey::generate();
    let app = App::open(config(dir.path(), url), &master, clock)
        .await
        .unwrap();
    TestApp {
        app: Arc::new(app),
        dir,
        master_hex: master.to_hex(),
        backend,
    }
}

pub async fn sqlite() -> TestApp {
    open(None, "sqlite", Clock::System).await
}

pub async fn sqlite_with_clock(clock: Clock) -> TestApp {
    open(None, "sqlite", clock).await
}

pub async fn postgres() -> Option<TestApp> {
    let url = crate::pg::fresh_database_url().await?;
    Some(open(Some(url), "postgres", Clock::System).await)
}

/// SQLite always, PostgreSQL when the cluster is available (required in CI).
pub async fn both() -> Vec<TestApp> {
    let mut v = vec![sqlite().await];
    if let Some(pg) = postgres().await {
        v.push(pg);
    }
    v
}

/// `both()`, each with a manual clock starting at `start` (epoch ms): move it with
/// `t.app.clock.advance(ms)`.
pub async fn both_with_clock(start: i64) -> Vec<TestApp> {
    let mut v = vec![open(None, "sqlite", Clock::manual(start)).await];
    if let Some(url) = crate::pg::fresh_database_url().await {
        v.push(open(Some(url), "postgres", Clock::manual(start)).await);
    }
    v
}

impl TestApp {
    /// Adds an account with the standard test password; returns its id.
    pub async fn user(&self, name: &str, role: Role) -> i64 {
        let cap = Actor::system().grant().unwrap();
        let new = NewUser {
            username: Username::parse(name).unwrap(),
            role,
            password: Some(Password::parse(PASSWORD).unwrap()),
            full_name: None,
            contact: None,
        };
        vigil::actions::users::create(&self.app, &cap, new)
            .await
            .unwrap()
            .0
    }

    pub async fn token(&self, user_id: i64, name: &str, role: Role) -> String {
        let actor = Actor {
            user_id,
            username: name.into(),
            role,
        };
        let cap = actor.grant().unwrap();
        vigil::actions::tokens::create(&self.app, &cap, "test", None)
            .await
            .unwrap()
            .1
    }

    /// The capability of a registrar (the CLI's system actor is an admin, who does not
    /// keep the registry).
    pub fn registrar(&self) -> vigil::auth::Cap<vigil::auth::capability::WriteRegistry> {
        Actor {
            user_id: 0,
            username: "test-registrar".into(),
            role: Role::Registrar,
        }
        .grant()
        .unwrap()
    }

    /// The audit trail checked end to end against its stored checkpoints, as `vigil
    /// audit verify` does.
    pub async fn trail(&self) -> vigil::audit::Report {
        trail_of(&self.app).await
    }

    /// A site with the code `code` and one registered person at it: (site id, person id).
    pub async fn site_and_person(&self, code: &str) -> (i64, i64) {
        use vigil::actions::registry::{people, sites};
        let cap = self.registrar();
        let site = vigil::domain::site::SiteInput::parse(
            code,
            "Main camp",
            "",
            "",
            "camp",
            "IRQ",
            "",
            "",
            "",
        )
        .unwrap();
        let site_id = sites::create(&self.app, &cap, site).await.unwrap();
        let fields: std::collections::HashMap<&str, &str> = [
            ("name_latin", "Person Example"),
            ("sex", "female"),
            ("birth_year", "1980"),
        ]
        .into_iter()
        .collect();
        let input = vigil::domain::person::PersonInput::from_fields(&fields, 2026).unwrap();
        let place = people::Placement {
            site_id: Some(site_id),
            new_household: true,
            ..people::Placement::default()
        };
        let r = people::register(&self.app, &cap, &input, &place)
            .await
            .unwrap();
        (site_id, r.person_id)
    }

    /// Serves the real router on a free port; returns the base URL.
    pub async fn serve(&self) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let router = vigil::web::router(self.app.clone())
            .into_make_service_with_connect_info::<SocketAddr>();
        tokio::spawn(async move {
            axum::serve(listener, router).await.ok();
        });
        format!("http://{addr}")
    }
}

/// A browser-like client: cookies kept, redirects not followed (tests look at them).
pub struct Browser {
    pub http: reqwest::Client,
    pub base: String,
}

impl Browser {
    pub fn new(base: &str) -> Self {
        Browser {
            http: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: base.to_string(),
        }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    pub async fn text(&self, path: &str) -> (u16, String) {
        let r = self.get(path).await;
        let s = r.status().as_u16();
        (s, r.text().await.unwrap())
    }

    /// The CSRF token in the page at `path`.
    pub async fn csrf(&self, path: &str) -> String {
        let (_, html) = self.text(path).await;
        csrf_in(&html).unwrap_or_default()
    }

    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.http
            .post(format!("{}{path}", self.base))
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// Signs in; returns the status of the answer (303 on success).
    pub async fn login(&self, user: &str, password: &str) -> u16 {
        let csrf = self.csrf("/login").await;
        self.post(
            "/login",
            &[("csrf", &csrf), ("username", user), ("password", password)],
        )
        .await
        .status()
        .as_u16()
    }

    /// Posts a form from a signed-in page, with that page's CSRF token.
    pub async fn submit(
        &self,
        page: &str,
        action: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let csrf = self.csrf(page).await;
        let mut f: Vec<(&str, &str)> = vec![("csrf", &csrf)];
        f.extend_from_slice(form);
        self.post(action, &f).await
    }
}

pub fn csrf_in(html: &str) -> Option<String> {
    let i = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let rest = html.get(i..)?;
    Some(rest.get(..rest.find('"')?)?.to_string())
}

pub fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// [`TestApp::trail`] for an `App` held on its own.
pub async fn trail_of(app: &vigil::app::App) -> vigil::audit::Report {
    let cap = Actor::system().grant().unwrap();
    vigil::actions::trail::verify(app, &cap, vigil::actions::trail::Checkpoints::Stored, None)
        .await
        .unwrap()
}
