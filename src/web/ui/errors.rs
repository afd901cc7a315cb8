//! Error pages, rendered in the request's language from the message id that a
//! handler's `UiError` left on the response.

use askama::Template;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::page::{render, PageCtx};
use crate::i18n::Tr;
use crate::web::error::{ErrorPage, UiError};
use crate::web::extract::request_lang;

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorTemplate {
    pub page: PageCtx,
    pub status: u16,
    pub message: String,
}

pub async fn render_errors(req: Request, next: Next) -> Response {
    let lang = request_lang(req.headers());
    let res = next.run(req).await;
    let Some(ErrorPage { key }) = res.extensions().get::<ErrorPage>().cloned() else {
        return res;
    };
    let status = res.status();
    let tr = Tr { lang };
    let page = PageCtx::new(
        tr,
        tr.t("error-title"),
        None,
        "",
        String::new(),
        false,
        None,
    );
    let t = ErrorTemplate {
        page,
        status: status.as_u16(),
        message: tr.t(key),
    };
    match render(&t) {
        Ok(mut body) => {
            *body.status_mut() = status;
            body
        }
        Err(_) => status.into_response(),
    }
}

pub async fn not_found() -> UiError {
    UiError::not_found()
}
