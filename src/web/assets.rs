//! Static files (CSS, htmx, fonts), embedded in the binary and served under
//! checksummed URLs.
//!
//! Embedding keeps the deployment to one file and nothing fetched at run time;
//! putting a content hash in every URL (`/static/vigil.3f9a0c12de.css`) lets
//! browsers cache each file forever and still see a new version the moment it
//! changes. Stylesheets refer to fonts by plain relative names, which are
//! rewritten to the checksummed URLs once, at start-up, before the stylesheet
//! itself is hashed.

use std::collections::HashMap;
use std::sync::LazyLock;

use axum::body::Body;
use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use sha2::{Digest, Sha256};

/// Every file under `static/`, by its path there. A test checks that this list
/// and the directory agree.
const FILES: &[(&str, &[u8])] = &[
    ("vigil.css", include_bytes!("../../static/vigil.css")),
    ("htmx.min.js", include_bytes!("../../static/htmx.min.js")),
    ("favicon.svg", include_bytes!("../../static/favicon.svg")),
    (
        "fonts/Vazirmatn-Regular.woff2",
        include_bytes!("../../static/fonts/Vazirmatn-Regular.woff2"),
    ),
    (
        "fonts/Vazirmatn-Bold.woff2",
        include_bytes!("../../static/fonts/Vazirmatn-Bold.woff2"),
    ),
    (
        "fonts/OFL.txt",
        include_bytes!("../../static/fonts/OFL.txt"),
    ),
];

const CACHE_FOREVER: &str = "public, max-age=31536000, immutable";

struct Asset {
    url: String,
    body: Vec<u8>,
    content_type: &'static str,
}

struct Assets {
    by_name: HashMap<&'static str, Asset>,
    /// URL path after `/static/` → name.
    by_path: HashMap<String, &'static str>,
}

static ASSETS: LazyLock<Assets> = LazyLock::new(build);

fn build() -> Assets {
    let mut by_name = HashMap::new();
    // Everything a stylesheet may point at is hashed first.
    let (styles, others): (Vec<_>, Vec<_>) =
        FILES.iter().partition(|(name, _)| name.ends_with(".css"));
    for &(name, bytes) in &others {
        by_name.insert(name, asset(name, bytes.to_vec()));
    }
    for &(name, bytes) in &styles {
        let mut css = String::from_utf8_lossy(bytes).into_owned();
        for (other, a) in &by_name {
            css = css.replace(&format!("url(\"{other}\")"), &format!("url(\"{}\")", a.url));
        }
        by_name.insert(name, asset(name, css.into_bytes()));
    }
    let by_path = by_name
        .iter()
        .map(|(name, a)| (a.url.trim_start_matches("/static/").to_owned(), *name))
        .collect();
    Assets { by_name, by_path }
}

fn asset(name: &str, body: Vec<u8>) -> Asset {
    let mut hash = hex::encode(Sha256::digest(&body));
    hash.truncate(10);
    let url = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !stem.ends_with('/') => {
            format!("/static/{stem}.{hash}.{ext}")
        }
        _ => format!("/static/{name}.{hash}"),
    };
    Asset {
        url,
        body,
        content_type: content_type(name),
    }
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("woff2") => "font/woff2",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

/// The checksummed URL of a file in `static/`, e.g. `url("vigil.css")`.
/// An unknown name is a programming error: it is logged and gives `""`.
pub fn url(name: &str) -> &'static str {
    match ASSETS.by_name.get(name) {
        Some(a) => a.url.as_str(),
        None => {
            tracing::warn!(name, "no such static asset");
            ""
        }
    }
}

/// `GET /static/{name}.{hash}.{ext}`. Only the current hash is served: a stale
/// URL gets 404 rather than different bytes under a forever-cached name.
pub fn router<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new().route("/static/{*path}", get(serve))
}

async fn serve(Path(path): Path<String>) -> Response {
    let assets: &'static Assets = &ASSETS;
    let Some(asset) = assets
        .by_path
        .get(path.as_str())
        .and_then(|name| assets.by_name.get(name))
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let body: &'static [u8] = &asset.body;
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(asset.content_type),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static(CACHE_FOREVER),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        Body::from(body),
    )
        .into_response()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn hash_of(bytes: &[u8]) -> String {
        hex::encode(Sha256::digest(bytes))[..10].to_owned()
    }

    #[test]
    fn urls_carry_the_content_hash() {
        let js = include_bytes!("../../static/htmx.min.js");
        assert_eq!(
            url("htmx.min.js"),
            format!("/static/htmx.min.{}.js", hash_of(js))
        );
        let font = include_bytes!("../../static/fonts/Vazirmatn-Bold.woff2");
        assert_eq!(
            url("fonts/Vazirmatn-Bold.woff2"),
            format!("/static/fonts/Vazirmatn-Bold.{}.woff2", hash_of(font))
        );
        let css = url("vigil.css");
        let hash = css
            .strip_prefix("/static/vigil.")
            .unwrap()
            .strip_suffix(".css")
            .unwrap();
        assert_eq!(hash.len(), 10);
        assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(hash, hash_of(&ASSETS.by_name["vigil.css"].body));
        assert_eq!(url("nope.css"), "");
    }

    #[test]
    fn stylesheet_points_at_checksummed_fonts() {
        let css = String::from_utf8(ASSETS.by_name["vigil.css"].body.clone()).unwrap();
        assert!(css.contains(url("fonts/Vazirmatn-Regular.woff2")));
        assert!(css.contains(url("fonts/Vazirmatn-Bold.woff2")));
        assert!(
            !css.contains("url(\"fonts/"),
            "a font URL was not rewritten"
        );
    }

    fn walk(dir: &std::path::Path, root: &std::path::Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel);
            }
        }
    }

    #[test]
    fn every_file_in_static_is_embedded() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static");
        let mut on_disk = BTreeSet::new();
        walk(&root, &root, &mut on_disk);
        let embedded: BTreeSet<String> = FILES.iter().map(|(n, _)| (*n).to_owned()).collect();
        assert_eq!(on_disk, embedded);
    }

    async fn get(path: &str) -> Response {
        use tower::ServiceExt;
        let req = axum::http::Request::get(path).body(Body::empty()).unwrap();
        router::<()>().oneshot(req).await.unwrap()
    }

    #[tokio::test]
    async fn served_with_type_and_cache_headers() {
        let res = get(url("vigil.css")).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["content-type"], "text/css; charset=utf-8");
        assert_eq!(res.headers()["cache-control"], CACHE_FOREVER);
        assert_eq!(res.headers()["x-content-type-options"], "nosniff");
        let body = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        assert_eq!(body, ASSETS.by_name["vigil.css"].body);

        let res = get(url("fonts/Vazirmatn-Regular.woff2")).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["content-type"], "font/woff2");

        let res = get(url("htmx.min.js")).await;
        assert_eq!(
            res.headers()["content-type"],
            "text/javascript; charset=utf-8"
        );

        for missing in [
            "/static/vigil.css",
            "/static/vigil.0000000000.css",
            "/static/nope.js",
            "/static/../Cargo.toml",
        ] {
            assert_eq!(
                get(missing).await.status(),
                StatusCode::NOT_FOUND,
                "{missing}"
            );
        }
    }
}
