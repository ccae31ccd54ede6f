//! Logging in and out, and who may do what: the session cookie (axum-extra's cookie jar),
//! the confirm page of a login link, and the extractors every other page uses: [`LoggedIn`]
//! (the session of the cookie, or 401) and [`CsrfForm`] (a form posted with the session's
//! CSRF token, or 401 / 403). The login files are read and written off the async workers.

use std::collections::HashMap;
use std::time::Duration;

use askama::Template;
use axum::Router;
use axum::extract::{Form, FromRequest, FromRequestParts, Query, Request, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::Deserialize;

use super::layout::{Layout, blocking, layout, message, render, see_other};
use crate::store::unix_now;
use crate::web::WebState;
use crate::web::auth::{LoginError, Session};
use fuer_core::texts;

/// The routes of this page.
pub(super) fn routes() -> Router<WebState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
}

/// The session cookie's name.
const SESSION_COOKIE: &str = "fuer_session";

/// The session of the request, if its cookie is valid.
pub(super) fn session(state: &WebState, cookies: &CookieJar) -> Option<Session> {
    cookies
        .get(SESSION_COOKIE)
        .and_then(|cookie| state.auth().session(cookie.value(), unix_now()))
}

/// A request of a logged-in admin: the session of its cookie. Without one the request is
/// refused with the "please log in" page (401).
pub(super) struct LoggedIn(pub(super) Session);

impl FromRequestParts<WebState> for LoggedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &WebState) -> Result<LoggedIn, Response> {
        session(state, &CookieJar::from_headers(&parts.headers))
            .map(LoggedIn)
            .ok_or_else(|| message(state, None, StatusCode::UNAUTHORIZED, texts::WEB_NOT_LOGGED_IN))
    }
}

/// A form posted by a logged-in admin with the session's CSRF token (its `csrf` field):
/// the session and every field of the form. Refused with 401 without a session (before
/// the body is read), 403 without the right token.
pub(super) struct CsrfForm {
    pub(super) session: Session,
    pub(super) fields: HashMap<String, String>,
}

impl FromRequest<WebState> for CsrfForm {
    type Rejection = Response;

    async fn from_request(request: Request, state: &WebState) -> Result<CsrfForm, Response> {
        let (mut parts, body) = request.into_parts();
        let LoggedIn(session) = LoggedIn::from_request_parts(&mut parts, state).await?;
        // A map accepts repeated or unknown fields without a 400 from axum.
        let Form(fields) = Form::<HashMap<String, String>>::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(IntoResponse::into_response)?;
        let csrf = fields.get("csrf").map(String::as_str).unwrap_or_default();
        if !state.auth().check_csrf(&session, csrf) {
            log::warn!("web page: a POST without a valid CSRF token was refused");
            return Err(message(
                state,
                Some(&session),
                StatusCode::FORBIDDEN,
                texts::WEB_CSRF_REFUSED,
            ));
        }
        Ok(CsrfForm { session, fields })
    }
}

#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    token: String,
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    layout: Layout,
    token: String,
}

fn login_error_text(error: LoginError) -> &'static str {
    match error {
        LoginError::Invalid => texts::WEB_LOGIN_INVALID,
        LoginError::Expired => texts::WEB_LOGIN_EXPIRED,
        LoginError::Used => texts::WEB_LOGIN_USED,
    }
}

/// A refused token: answered after a delay that grows with recent bad tokens.
async fn refuse_login(state: &WebState, error: LoginError) -> Response {
    let delay: Duration = state.auth().failure_delay(unix_now());
    log::warn!("web page: login token refused ({error:?}); answering in {delay:?}");
    tokio::time::sleep(delay).await;
    message(state, None, StatusCode::FORBIDDEN, login_error_text(error))
}

async fn login_page(State(state): State<WebState>, Query(form): Query<TokenForm>) -> Response {
    let worker = state.clone();
    let token = form.token.clone();
    let checked = match blocking(move || worker.auth().check_login(&token, unix_now())).await {
        Ok(checked) => checked,
        Err(response) => return response,
    };
    match checked {
        Ok(()) => render(
            StatusCode::OK,
            &LoginPage {
                layout: layout(&state, None, "login"),
                token: form.token,
            },
        ),
        Err(error) => refuse_login(&state, error).await,
    }
}

/// The session cookie with `value`: only for this page's path, never sent to scripts or
/// from other sites, `Secure` when the page is served over https.
fn session_cookie(state: &WebState, value: String) -> Cookie<'static> {
    Cookie::build((SESSION_COOKIE, value))
        .path(state.config().base_path().to_string())
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.config().secure())
        .build()
}

async fn login(State(state): State<WebState>, cookies: CookieJar, Form(form): Form<TokenForm>) -> Response {
    let now = unix_now();
    let worker = state.clone();
    let logged_in = match blocking(move || worker.auth().log_in(&form.token, now)).await {
        Ok(logged_in) => logged_in,
        Err(response) => return response,
    };
    match logged_in {
        Ok(session) => {
            log::info!("web page: an admin logged in");
            let mut cookie = session_cookie(&state, state.auth().session_cookie(&session));
            cookie.set_max_age(cookie::time::Duration::seconds(session.expires - now));
            (cookies.add(cookie), see_other(state.config().base_path())).into_response()
        }
        Err(error) => refuse_login(&state, error).await,
    }
}

async fn logout(State(state): State<WebState>, cookies: CookieJar, form: CsrfForm) -> Response {
    let worker = state.clone();
    if let Err(response) = blocking(move || worker.auth().end_session(&form.session, unix_now())).await {
        return response;
    }
    let cleared = cookies.remove(session_cookie(&state, String::new()));
    (cleared, message(&state, None, StatusCode::OK, texts::WEB_LOGGED_OUT)).into_response()
}
