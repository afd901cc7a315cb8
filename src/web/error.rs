//! Errors at the HTTP boundary, mapped to statuses in one place each.
//!
//! Clients get a clear message and never internal text: storage and crypto errors are
//! logged with a reference and answered with a generic 500. HTML errors carry a
//! message id; the `ui::errors::render` middleware turns them into a page in the
//! request's language. Form errors go back to the form with a flash message.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;

use crate::actions::ActionError;
use crate::domain::Invalid;

/// An HTML error page to render: status and message id.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    pub key: &'static str,
}

#[derive(Debug)]
pub enum UiError {
    Page(StatusCode, &'static str),
    /// Back to a form, with a message about what was wrong.
    Back {
        to: String,
        flash: super::ui::page::FlashCookie,
    },
}

impl UiError {
    pub fn status(status: StatusCode, key: &'static str) -> Self {
        UiError::Page(status, key)
    }

    pub fn not_found() -> Self {
        UiError::Page(StatusCode::NOT_FOUND, "error-not-found")
    }

    pub fn forbidden() -> Self {
        UiError::Page(StatusCode::FORBIDDEN, "error-forbidden")
    }

    /// Maps an action's error for a form posted from `to`: input problems go back to
    /// the form; everything else becomes an error page.
    pub fn back(to: impl Into<String>) -> impl FnOnce(ActionError) -> UiError {
        let to = to.into();
        move |e| match e {
            ActionError::Invalid(i) => UiError::Back {
                to,
                flash: super::ui::page::FlashCookie::invalid(&i),
            },
            ActionError::Conflict(_) => UiError::Back {
                to,
                flash: super::ui::page::FlashCookie::error("error-conflict"),
            },
            ActionError::Refused(_) => UiError::Back {
                to,
                flash: super::ui::page::FlashCookie::error("error-refused"),
            },
            other => UiError::from(other),
        }
    }
}

/// A role without the permission: the same answer as the action layer's refusal.
impl From<crate::auth::Denied> for UiError {
    fn from(e: crate::auth::Denied) -> Self {
        UiError::from(ActionError::from(e))
    }
}

impl From<ActionError> for UiError {
    fn from(e: ActionError) -> Self {
        match e {
            ActionError::Denied(_) => UiError::forbidden(),
            ActionError::NotFound => UiError::not_found(),
            ActionError::Invalid(_) => {
                UiError::Page(StatusCode::UNPROCESSABLE_ENTITY, "error-bad-form")
            }
            ActionError::Conflict(_) => UiError::Page(StatusCode::CONFLICT, "error-conflict"),
            ActionError::Refused(_) => UiError::Page(StatusCode::CONFLICT, "error-refused"),
            ActionError::Store(_) | ActionError::Internal(_) => {
                tracing::error!("request failed: {e}");
                UiError::Page(StatusCode::INTERNAL_SERVER_ERROR, "error-server")
            }
            ActionError::Damaged(_) => {
                tracing::error!("request failed: {e}");
                UiError::Page(StatusCode::INTERNAL_SERVER_ERROR, "error-evidence-damaged")
            }
        }
    }
}

impl IntoResponse for UiError {
    fn into_response(self) -> Response {
        match self {
            UiError::Page(status, key) => {
                let mut res = status.into_response();
                res.extensions_mut().insert(ErrorPage { key });
                res
            }
            UiError::Back { to, flash } => {
                let mut res = Redirect::to(&to).into_response();
                if let Ok(v) = flash.set_cookie().parse() {
                    res.headers_mut().append(header::SET_COOKIE, v);
                }
                res
            }
        }
    }
}

/// What a client is told about a missing or altered evidence file (never its path).
const DAMAGED: &str = "the stored file of this evidence item is missing or was altered; \
    an administrator must run `vigil evidence verify` and restore the evidence directory from a backup";

/// An API error as RFC 9457 problem details.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem (`about:blank` with a title for the usual ones).
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The input field at fault, for validation errors; in a list, with the element's
    /// index from 0 (`claims[1].credibility`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// A stable code for the problem (the message id of the UI).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

#[derive(Debug)]
pub struct ApiError(pub StatusCode, pub Problem);

impl ApiError {
    pub fn new(status: StatusCode, detail: Option<String>) -> Self {
        ApiError(
            status,
            Problem {
                kind: "about:blank".into(),
                title: status.canonical_reason().unwrap_or("Error").into(),
                status: status.as_u16(),
                detail,
                field: None,
                code: None,
            },
        )
    }

    pub fn unauthorized() -> Self {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            Some("send a personal API token as `Authorization: Bearer vgl_…`".into()),
        )
    }

    pub fn not_found() -> Self {
        ApiError::new(StatusCode::NOT_FOUND, None)
    }

    pub fn invalid(i: &Invalid) -> Self {
        let mut e = ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, Some(i.to_string()));
        e.1.field = Some(i.path());
        e.1.code = Some(i.key.to_string());
        e
    }
}

impl From<ActionError> for ApiError {
    fn from(e: ActionError) -> Self {
        match e {
            ActionError::Denied(_) => ApiError::new(
                StatusCode::FORBIDDEN,
                Some("your role does not allow this".into()),
            ),
            ActionError::NotFound => ApiError::not_found(),
            ActionError::Invalid(i) => ApiError::invalid(&i),
            ActionError::Conflict(what) => {
                ApiError::new(StatusCode::CONFLICT, Some(format!("{what} already exists")))
            }
            ActionError::Refused(why) => ApiError::new(StatusCode::CONFLICT, Some(why.to_string())),
            ActionError::Store(_) | ActionError::Internal(_) => {
                tracing::error!("api request failed: {e}");
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, None)
            }
            ActionError::Damaged(_) => {
                tracing::error!("api request failed: {e}");
                let mut p = ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, Some(DAMAGED.into()));
                p.1.code = Some("error-evidence-damaged".into());
                p
            }
        }
    }
}

impl From<crate::auth::Denied> for ApiError {
    fn from(e: crate::auth::Denied) -> Self {
        ApiError::from(ActionError::from(e))
    }
}

impl From<Invalid> for ApiError {
    fn from(i: Invalid) -> Self {
        ApiError::invalid(&i)
    }
}

/// A JSON body, or the reason it could not be read (answered as a 422 problem).
pub type JsonBody<T> = Result<axum::Json<T>, axum::extract::rejection::JsonRejection>;

impl From<axum::extract::rejection::JsonRejection> for ApiError {
    fn from(r: axum::extract::rejection::JsonRejection) -> Self {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, Some(r.body_text()))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (self.0, Json(self.1)).into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("application/problem+json"),
        );
        res
    }
}
