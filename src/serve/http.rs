//! The HTTP side of `carnets serve`: the preview folder served by tower-http's `ServeDir`
//! (HEAD, `Range` → 206 or 416, content types, no path outside the folder — `..` is refused
//! also when percent-encoded —, no directory listing, `404.html` for what is missing), behind
//! one middleware that adds the live-reload script and the last build error to the pages.
//!
//! Nothing is cached by browsers (`Cache-Control: no-cache`, conditional request headers
//! ignored): a reloaded page must show the last build. Requests whose `Host` is not the
//! preview's own address are refused, so a web page cannot read the drafts through DNS
//! rebinding.

use std::convert::Infallible;
use std::io;
use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::Stream;
use tower_http::services::{ServeDir, ServeFile};

use super::live::{self, EVENTS_PATH, Live};
use crate::t;

/// Largest page the middleware reads to add its script; larger files pass untouched.
const MAX_PAGE: usize = 64 << 20;

#[derive(Clone)]
struct AppState {
    live: Arc<Live>,
    /// The `Host` values a request may carry: `127.0.0.1:PORT`, `localhost:PORT`.
    hosts: [String; 2],
}

/// Serves `out` on `listener` until Ctrl-C.
pub fn serve(
    listener: TcpListener,
    address: SocketAddr,
    out: &Path,
    live: Arc<Live>,
) -> io::Result<()> {
    listener.set_nonblocking(true)?;
    let app = router(out, live, address.port());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let result = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let server = std::future::IntoFuture::into_future(axum::serve(listener, app));
        tokio::select! {
            served = server => served,
            _ = tokio::signal::ctrl_c() => {
                eprintln!("{}", t!("serve-stopped"));
                Ok(())
            }
        }
    });
    // Open event streams never end by themselves: do not wait for them.
    runtime.shutdown_background();
    result
}

/// The routes: the build events, then every file of the preview.
fn router(out: &Path, live: Arc<Live>, port: u16) -> Router {
    let state = AppState {
        live,
        hosts: [format!("127.0.0.1:{port}"), format!("localhost:{port}")],
    };
    let files = ServeDir::new(out)
        .append_index_html_on_directories(true)
        .not_found_service(ServeFile::new(out.join("404.html")));
    Router::new()
        .route(EVENTS_PATH, get(events))
        .fallback_service(files)
        .layer(middleware::from_fn_with_state(state.clone(), preview))
        .with_state(state)
}

/// The build events: the current build's id at once, then each new one.
async fn events(
    State(state): State<AppState>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = state.live.subscribe();
    let stream =
        futures_util::stream::unfold((receiver, true), |(mut receiver, first)| async move {
            if !first {
                receiver.changed().await.ok()?;
            }
            let id = receiver.borrow_and_update().id.clone();
            Some((Ok(Event::default().data(id)), (receiver, false)))
        });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Around every request: refuse foreign hosts, never answer "not modified", add the reload
/// script (and the build error) to pages.
async fn preview(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    if !host_allowed(request.headers(), &state.hosts) {
        let address = state.hosts[0].clone();
        let text = format!("{}\n", t!("serve-foreign-host", address = address));
        return (StatusCode::MISDIRECTED_REQUEST, text).into_response();
    }
    let headers = request.headers_mut();
    headers.remove(header::IF_MODIFIED_SINCE);
    headers.remove(header::IF_NONE_MATCH);
    let method = request.method().clone();
    let is_events = request.uri().path() == EVENTS_PATH;
    let is_m4a = request.uri().path().ends_with(".m4a");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if is_m4a && headers.contains_key(header::CONTENT_TYPE) {
        // mime_guess says `audio/m4a`, which is no registered type: hosts say `audio/mp4`.
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("audio/mp4"));
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if is_events || !(method == Method::GET || method == Method::HEAD) {
        return response;
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    let status = state.live.status();
    let is_html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        if response.status() == StatusCode::NOT_FOUND && status.error.is_some() {
            return html_response(StatusCode::NOT_FOUND, live::error_page(&status), &method);
        }
        return response;
    }
    if response.status() != StatusCode::OK && response.status() != StatusCode::NOT_FOUND {
        // A part of a page (206), a redirect: as the files are.
        return response;
    }
    let snippet = live::snippet(&status);
    let code = response.status();
    if method == Method::HEAD {
        let length = response
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
        let headers = response.headers_mut();
        headers.remove(header::LAST_MODIFIED);
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Some(length) = length {
            headers.insert(header::CONTENT_LENGTH, (length + snippet.len()).into());
        }
        return response;
    }
    let body = std::mem::replace(response.body_mut(), Body::empty());
    match axum::body::to_bytes(body, MAX_PAGE).await {
        Ok(page) => html_response(code, live::inject(&page, &snippet), &method),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

/// A page made here, never cached.
fn html_response(code: StatusCode, page: Vec<u8>, method: &Method) -> Response {
    let length = page.len();
    let body = if method == Method::HEAD {
        Body::empty()
    } else {
        Body::from(page)
    };
    let mut response = Response::new(body);
    *response.status_mut() = code;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CONTENT_LENGTH, length.into());
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// No `Host` (HTTP/1.0), or the preview's own address.
fn host_allowed(headers: &HeaderMap, hosts: &[String; 2]) -> bool {
    match headers.get(header::HOST).map(HeaderValue::to_str) {
        None => true,
        Some(Ok(host)) => hosts.iter().any(|h| h.eq_ignore_ascii_case(host)),
        Some(Err(_)) => false,
    }
}
