//! The routes of the admin web page and their templates, one module per route group:
//! [`layout`] (the frame every page shares, rendering, small response helpers),
//! [`login`] (the session cookie, login and logout, the session and CSRF checks),
//! [`overview`], [`unanswered`], [`try_question`], [`knowledge`], and [`edit`] (the
//! edit forms' fields, the preview and the save).
//!
//! | route | what |
//! |---|---|
//! | `GET /login?token=` | checks a login link and asks to confirm (a link preview cannot use it up) |
//! | `POST /login` | uses the token up and sets the session cookie |
//! | `POST /logout` | ends the session |
//! | `GET /` | overview: questions per day (chart), shares, most asked items, most frequent unanswered |
//! | `GET /unanswered` | frequent unanswered questions, each with the engine's guess and a keyword form |
//! | `GET /try?q=` | a question's reply as the bot sends it, and the trace |
//! | `GET /knowledge` | items, facts (read-only), keywords and synonym groups, with edit forms |
//! | `GET /preview?op=…` | what an edit would do: validation, the new reply, the changed questions |
//! | `POST /save` | saves an edit (CSRF token, the file's hash from the preview), keeping the file's previous version |
//! | `GET /history`, `GET /history/{id}` | the last 50 saves; what one changed, line by line |
//! | `POST /undo` | undoes a save (CSRF token): the file as before it, validated and reloaded |
//! | `GET /articles` | the articles served and hidden, hide (with a confirmation), the import form |
//! | `POST /articles/preview` | the draft of a pasted or uploaded article (multipart, CSRF token); writes nothing |
//! | `POST /articles/save` | saves the draft as a new article (validated, atomic, reloaded) |
//! | `POST /articles/hide`, `POST /articles/show` | hides an article (moved to `_hidden/`) or shows it again |
//!
//! Every page but the login needs the session cookie; every POST but the login needs the
//! session's CSRF token. Responses are never cached, and the login token never leaves
//! in a `Referer`.

mod articles;
mod delete;
mod edit;
mod history;
mod knowledge;
mod layout;
mod login;
mod overview;
mod preview;
mod save;
mod try_question;
mod unanswered;

use axum::Router;
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY};
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use axum_extra::extract::cookie::CookieJar;

use super::WebState;
use fuer_core::texts;
use layout::message;
use login::session;

/// The page's router.
pub fn router(state: WebState) -> Router {
    Router::new()
        .merge(overview::routes())
        .merge(login::routes())
        .merge(unanswered::routes())
        .merge(try_question::routes())
        .merge(knowledge::routes())
        .merge(preview::routes())
        .merge(save::routes())
        .merge(delete::routes())
        .merge(articles::routes())
        .merge(history::routes())
        .fallback(not_found)
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    headers.insert("x-frame-options", HeaderValue::from_static("DENY"));
    response
}

async fn not_found(State(state): State<WebState>, cookies: CookieJar) -> Response {
    let session = session(&state, &cookies);
    message(&state, session.as_ref(), StatusCode::NOT_FOUND, texts::WEB_BAD_REQUEST)
}
