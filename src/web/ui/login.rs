//! Signing in and out.
//!
//! Every failure — unknown account, wrong password, disabled account, too many
//! attempts — gets the same page and message, and unknown accounts cost the same
//! argon2 time as real ones, so the form cannot be used to learn who has an account.

use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;

use super::page::{render, PageCtx};
use crate::auth::session::COOKIE as SESSION_COOKIE;
use crate::i18n::Tr;
use crate::web::error::UiError;
use crate::web::extract::{
    request_lang, ClientAddr, MaybeSession, PublicForm, SignedInForm, LANG_COOKIE,
};
use crate::web::{csrf, AppState};

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginTemplate {
    pub page: PageCtx,
    pub failed: bool,
    pub username: String,
}

fn cookie(name: &str, value: &str, secure: bool, max_age: Option<i64>) -> String {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
    if secure {
        c.push_str("; Secure");
    }
    if let Some(a) = max_age {
        c.push_str(&format!("; Max-Age={a}"));
    }
    c
}

fn login_page(
    app: &AppState,
    tr: Tr,
    failed: bool,
    username: String,
    jar: &CookieJar,
) -> Result<Response, UiError> {
    // The double-submit token for the anonymous form: reuse the browser's, or mint one.
    let token = jar
        .get(csrf::COOKIE)
        .map(|c| c.value().to_string())
        .filter(|v| v.len() >= 32)
        .unwrap_or_else(|| crate::crypto::random_token(32));
    let page = PageCtx::new(
        tr,
        tr.t("login-title"),
        None,
        "/login",
        token.clone(),
        app.demo,
        None,
    );
    let mut res = render(&LoginTemplate {
        page,
        failed,
        username,
    })?;
    if failed {
        *res.status_mut() = StatusCode::UNAUTHORIZED;
    }
    if let Ok(v) = HeaderValue::from_str(&cookie(
        csrf::COOKIE,
        &token,
        app.config.secure_cookies,
        None,
    )) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}

pub async fn form(
    State(app): State<AppState>,
    MaybeSession(session): MaybeSession,
    headers: axum::http::HeaderMap,
) -> Result<Response, UiError> {
    if session.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    let jar = CookieJar::from_headers(&headers);
    login_page(
        &app,
        Tr {
            lang: request_lang(&headers),
        },
        false,
        String::new(),
        &jar,
    )
}

#[derive(serde::Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

pub async fn submit(
    State(app): State<AppState>,
    ClientAddr(addr): ClientAddr,
    headers: axum::http::HeaderMap,
    f: PublicForm<LoginForm>,
) -> Result<Response, UiError> {
    let jar = CookieJar::from_headers(&headers);
    let previous = f.session.as_ref().map(|s| s.token.clone());
    let outcome = crate::actions::session::login(
        &app,
        &f.form.username,
        &f.form.password,
        &addr,
        previous.as_deref(),
    )
    .await
    .map_err(UiError::from)?;
    match outcome {
        Ok(signed_in) => {
            let mut res = Redirect::to("/").into_response();
            let secure = app.config.secure_cookies;
            for c in [
                cookie(SESSION_COOKIE, &signed_in.token, secure, None),
                cookie(LANG_COOKIE, &signed_in.lang, secure, Some(31_536_000)),
                cookie(csrf::COOKIE, "", secure, Some(0)),
            ] {
                if let Ok(v) = HeaderValue::from_str(&c) {
                    res.headers_mut().append(header::SET_COOKIE, v);
                }
            }
            Ok(res)
        }
        Err(_) => {
            // The username is echoed back to the form (it is what the user typed, on
            // their own screen); the password never is.
            let name: String = f.form.username.chars().take(64).collect();
            login_page(&app, Tr { lang: f.lang }, true, name, &jar)
        }
    }
}

#[derive(serde::Deserialize)]
pub struct Empty {}

pub async fn logout(
    State(app): State<AppState>,
    f: SignedInForm<Empty>,
) -> Result<Response, UiError> {
    crate::actions::session::logout(&app, &f.session.actor, &f.session.token)
        .await
        .map_err(UiError::from)?;
    let mut res = Redirect::to("/login").into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie(
        SESSION_COOKIE,
        "",
        app.config.secure_cookies,
        Some(0),
    )) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}

pub(crate) fn lang_cookie(lang: &str, secure: bool) -> String {
    cookie(LANG_COOKIE, lang, secure, Some(31_536_000))
}
