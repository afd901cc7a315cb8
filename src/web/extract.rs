//! Extractors: who is calling (session cookie or API token), in which language, from
//! which address, and forms whose CSRF token has been checked.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::de::DeserializeOwned;

use super::error::{ApiError, UiError};
use super::{csrf, AppState};
use crate::auth::{session::COOKIE as SESSION_COOKIE, Actor};
use crate::i18n::Lang;

pub const LANG_COOKIE: &str = "vigil_lang";

/// The language of a request: the `vigil_lang` cookie, else the browser's
/// `Accept-Language`, else English.
pub fn request_lang(headers: &HeaderMap) -> Lang {
    let jar = CookieJar::from_headers(headers);
    jar.get(LANG_COOKIE)
        .and_then(|c| Lang::parse(c.value()))
        .unwrap_or_else(|| {
            Lang::negotiate(
                headers
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or(""),
            )
        })
}

/// A signed-in browser session. Without one, HTML routes redirect to `/login`.
#[derive(Clone)]
pub struct Session {
    pub actor: Actor,
    pub csrf: String,
    pub lang: Lang,
    pub token: String,
}

async fn session_from(parts: &Parts, app: &AppState) -> Result<Option<Session>, UiError> {
    let jar = CookieJar::from_headers(&parts.headers);
    let Some(token) = jar.get(SESSION_COOKIE).map(|c| c.value().to_string()) else {
        return Ok(None);
    };
    let current = crate::actions::session::authenticate(app, &token)
        .await
        .map_err(UiError::from)?;
    Ok(current.map(|c| Session {
        lang: request_lang(&parts.headers),
        actor: c.actor,
        csrf: c.csrf,
        token,
    }))
}

impl FromRequestParts<AppState> for Session {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match session_from(parts, app).await {
            Ok(Some(s)) => Ok(s),
            Ok(None) => Err(Redirect::to("/login").into_response()),
            Err(e) => Err(e.into_response()),
        }
    }
}

/// A session if there is one (the login page, the language switch).
pub struct MaybeSession(pub Option<Session>);

impl FromRequestParts<AppState> for MaybeSession {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        session_from(parts, app)
            .await
            .map(MaybeSession)
            .map_err(IntoResponse::into_response)
    }
}

/// The peer's address, for sign-in throttling and the trail.
pub struct ClientAddr(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let addr = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map_or_else(|| "unknown".to_string(), |c| c.0.ip().to_string());
        Ok(ClientAddr(addr))
    }
}

#[derive(serde::Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

async fn read_form(req: Request) -> Result<(Parts, axum::body::Bytes), Response> {
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, 1024 * 1024).await.map_err(|_| {
        UiError::status(StatusCode::PAYLOAD_TOO_LARGE, "error-too-large").into_response()
    })?;
    Ok((parts, bytes))
}

fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Response> {
    serde_urlencoded::from_bytes(bytes).map_err(|_| {
        UiError::status(StatusCode::UNPROCESSABLE_ENTITY, "error-bad-form").into_response()
    })
}

/// A form posted by a signed-in user, its CSRF token checked against the session's.
pub struct SignedInForm<T> {
    pub session: Session,
    pub form: T,
}

impl<T: DeserializeOwned + Send> FromRequest<AppState> for SignedInForm<T> {
    type Rejection = Response;

    async fn from_request(req: Request, app: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, bytes) = read_form(req).await?;
        let session = Session::from_request_parts(&mut parts, app).await?;
        if csrf::cross_site(&parts.headers) {
            return Err(UiError::status(StatusCode::FORBIDDEN, "error-csrf").into_response());
        }
        let given: CsrfField = parse(&bytes)?;
        if !csrf::tokens_match(&session.csrf, &given.csrf) {
            return Err(UiError::status(StatusCode::FORBIDDEN, "error-csrf").into_response());
        }
        Ok(SignedInForm {
            session,
            form: parse(&bytes)?,
        })
    }
}

/// A form that may be posted before signing in (login, language switch): its token
/// must equal the session's, or, without a session, the `vigil_csrf` cookie.
pub struct PublicForm<T> {
    pub session: Option<Session>,
    pub form: T,
    pub lang: Lang,
}

impl<T: DeserializeOwned + Send> FromRequest<AppState> for PublicForm<T> {
    type Rejection = Response;

    async fn from_request(req: Request, app: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, bytes) = read_form(req).await?;
        let MaybeSession(session) = MaybeSession::from_request_parts(&mut parts, app).await?;
        if csrf::cross_site(&parts.headers) {
            return Err(UiError::status(StatusCode::FORBIDDEN, "error-csrf").into_response());
        }
        let given: CsrfField = parse(&bytes)?;
        let expected = match &session {
            Some(s) => s.csrf.clone(),
            None => CookieJar::from_headers(&parts.headers)
                .get(csrf::COOKIE)
                .map(|c| c.value().to_string())
                .unwrap_or_default(),
        };
        if !csrf::tokens_match(&expected, &given.csrf) {
            return Err(UiError::status(StatusCode::FORBIDDEN, "error-csrf").into_response());
        }
        Ok(PublicForm {
            lang: request_lang(&parts.headers),
            session,
            form: parse(&bytes)?,
        })
    }
}

/// The caller of an API route: `Authorization: Bearer vgl_…`, acting with the token
/// owner's current role. Anything else is 401.
pub struct ApiCaller(pub Actor);

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or_else(ApiError::unauthorized)?;
        match crate::actions::session::authenticate_token(app, token).await {
            Ok(Some(actor)) => Ok(ApiCaller(actor)),
            Ok(None) => Err(ApiError::unauthorized()),
            Err(e) => Err(ApiError::from(e)),
        }
    }
}
