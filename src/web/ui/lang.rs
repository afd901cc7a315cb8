//! The language switch: a cookie for everyone, and the account's preference for a
//! signed-in user, so the next sign-in starts in the same language.

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use crate::i18n::Lang;
use crate::web::error::UiError;
use crate::web::extract::PublicForm;
use crate::web::AppState;

#[derive(serde::Deserialize)]
pub struct LangForm {
    #[serde(default)]
    lang: String,
}

pub async fn switch(
    State(app): State<AppState>,
    headers: HeaderMap,
    f: PublicForm<LangForm>,
) -> Result<Response, UiError> {
    let lang = Lang::parse(&f.form.lang).ok_or(UiError::status(
        StatusCode::UNPROCESSABLE_ENTITY,
        "error-bad-form",
    ))?;
    if let Some(s) = &f.session {
        let cap = s.actor.grant()?;
        crate::actions::users::set_own_language(&app, &cap, lang)
            .await
            .map_err(UiError::from)?;
    }
    // Back to the page the switch was pressed on, when it is one of ours.
    let back = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| {
            let host = headers.get(header::HOST)?.to_str().ok()?;
            let rest = r.split_once("://")?.1.strip_prefix(host)?;
            // A path of ours only: never `//host` or `/\host`, which browsers read as another site.
            (rest.starts_with('/') && !rest.starts_with("//") && !rest.contains('\\'))
                .then(|| rest.to_string())
        })
        .unwrap_or_else(|| "/".into());
    let mut res = Redirect::to(&back).into_response();
    if let Ok(v) = HeaderValue::from_str(&super::login::lang_cookie(
        lang.code(),
        app.config.secure_cookies,
    )) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}
