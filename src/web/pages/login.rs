//! Logging in and out: the session cookie (axum-extra's cookie jar), the confirm page of a
//! login link, and the session and CSRF checks every other page uses.

use std::time::Duration;

use askama::Template;
use axum::Router;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::Deserialize;

use super::layout::{Layout, layout, message, render, see_other};
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

/// The session, or the "please log in" page (401).
#[allow(clippy::result_large_err)]
pub(super) fn require_session(state: &WebState, cookies: &CookieJar) -> Result<Session, Response> {
    session(state, cookies).ok_or_else(|| message(state, None, StatusCode::UNAUTHORIZED, texts::WEB_NOT_LOGGED_IN))
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
    match state.auth().check_login(&form.token, unix_now()) {
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
    match state.auth().log_in(&form.token, now) {
        Ok(session) => {
            log::info!("web page: an admin logged in");
            let mut cookie = session_cookie(&state, state.auth().session_cookie(&session));
            cookie.set_max_age(cookie::time::Duration::seconds(session.expires - now));
            (cookies.add(cookie), see_other(state.config().base_path())).into_response()
        }
        Err(error) => refuse_login(&state, error).await,
    }
}

#[derive(Deserialize)]
struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// The session and a valid CSRF token, or the refusal (401 / 403).
#[allow(clippy::result_large_err)]
pub(super) fn require_csrf(state: &WebState, cookies: &CookieJar, csrf: &str) -> Result<Session, Response> {
    let session = require_session(state, cookies)?;
    if !state.auth().check_csrf(&session, csrf) {
        log::warn!("web page: a POST without a valid CSRF token was refused");
        return Err(message(
            state,
            Some(&session),
            StatusCode::FORBIDDEN,
            texts::WEB_CSRF_REFUSED,
        ));
    }
    Ok(session)
}

async fn logout(State(state): State<WebState>, cookies: CookieJar, Form(form): Form<CsrfForm>) -> Response {
    let session = match require_csrf(&state, &cookies, &form.csrf) {
        Ok(session) => session,
        Err(response) => return response,
    };
    state.auth().end_session(&session, unix_now());
    let cleared = cookies.remove(session_cookie(&state, String::new()));
    (cleared, message(&state, None, StatusCode::OK, texts::WEB_LOGGED_OUT)).into_response()
}
