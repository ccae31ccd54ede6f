//! An edit of the knowledge as the forms send it: its fields, the [`Edit`] they make, what it
//! does in words, and the message page of a refused edit. Shared by the preview and the save.

use std::collections::HashMap;

use axum::http::StatusCode;
use axum::response::Response;

use super::layout::{MessagePage, item_title, layout, render};
use crate::web::WebState;
use crate::web::auth::Session;
use crate::web::changes::ChangeError;
use fuer_core::knowledge::edit::{Edit, EditError};
use fuer_core::knowledge::{KnowledgeBase, Problem};
use fuer_core::texts;

/// The fields of an edit, as the forms send them (query string or form body).
#[derive(Debug, Clone, Default)]
pub(super) struct EditFields {
    pub(super) op: String,
    /// The id of the article whose item is edited (empty: the latest article).
    pub(super) article: String,
    pub(super) item: String,
    pub(super) keyword: String,
    pub(super) group: String,
    pub(super) word: String,
    pub(super) words: String,
    pub(super) question: String,
    pub(super) hash: String,
}

impl EditFields {
    /// The edit, if the fields make one (numbers are parsed strictly: nothing else gets
    /// through to the files).
    pub(super) fn edit(&self) -> Option<Edit> {
        let item = || self.item.trim().parse::<u8>().ok().filter(|item| *item > 0);
        let group = || self.group.trim().parse::<usize>().ok();
        Some(match self.op.as_str() {
            "add_keyword" => Edit::AddKeyword {
                item: item()?,
                keyword: self.keyword.clone(),
            },
            "remove_keyword" => Edit::RemoveKeyword {
                item: item()?,
                keyword: self.keyword.clone(),
            },
            "add_synonym" => Edit::AddSynonym {
                group: group()?,
                word: self.word.clone(),
            },
            "remove_synonym" => Edit::RemoveSynonym {
                group: group()?,
                word: self.word.clone(),
            },
            "add_group" => Edit::AddGroup {
                words: self
                    .words
                    .split([',', '，', '、', ' ', '\n'])
                    .map(str::trim)
                    .filter(|word| !word.is_empty())
                    .map(String::from)
                    .collect(),
            },
            "remove_group" => Edit::RemoveGroup { group: group()? },
            _ => return None,
        })
    }

    /// What was saved, for the note after a save: the item or the synonyms.
    pub(super) fn op_file(&self) -> String {
        match self.item.trim().parse::<u8>() {
            Ok(item) if self.op.ends_with("keyword") => texts::web_item(item),
            _ => fuer_core::knowledge::SYNONYMS_FILE_NAME.to_string(),
        }
    }
}

pub(super) fn problem_lines(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

fn change_error_text(error: &ChangeError) -> (StatusCode, String, Vec<String>) {
    match error {
        ChangeError::Edit(EditError::Empty) => (StatusCode::BAD_REQUEST, texts::WEB_WORD_EMPTY.to_string(), vec![]),
        ChangeError::Edit(EditError::TooLong) => {
            (StatusCode::BAD_REQUEST, texts::WEB_WORD_TOO_LONG.to_string(), vec![])
        }
        ChangeError::Edit(EditError::BadCharacter) => (
            StatusCode::BAD_REQUEST,
            texts::WEB_WORD_BAD_CHARACTER.to_string(),
            vec![],
        ),
        ChangeError::Edit(EditError::Syntax(message)) => {
            (StatusCode::CONFLICT, texts::web_file_syntax(message), vec![])
        }
        ChangeError::Edit(EditError::NotAList) => (StatusCode::CONFLICT, texts::WEB_NOT_A_LIST.to_string(), vec![]),
        ChangeError::Edit(EditError::NotFound) => (StatusCode::NOT_FOUND, texts::WEB_NOT_FOUND.to_string(), vec![]),
        ChangeError::NoSuchItem(item) => (StatusCode::NOT_FOUND, texts::web_no_such_item(*item), vec![]),
        ChangeError::Unreadable(problems) => (
            StatusCode::CONFLICT,
            texts::WEB_UNREADABLE.to_string(),
            problem_lines(problems),
        ),
        ChangeError::Changed => (StatusCode::CONFLICT, texts::WEB_FILE_CHANGED.to_string(), vec![]),
        ChangeError::Invalid(problems) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            texts::WEB_INVALID_CHANGE.to_string(),
            problem_lines(problems),
        ),
        ChangeError::Write(reason) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            texts::web_write_failed(reason),
            vec![],
        ),
        ChangeError::History(reason) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            texts::WEB_HISTORY_FAILED.to_string(),
            vec![reason.clone()],
        ),
        ChangeError::NoSuchVersion => (StatusCode::NOT_FOUND, texts::WEB_NO_SUCH_VERSION.to_string(), vec![]),
        ChangeError::ChangedSince => (StatusCode::CONFLICT, texts::WEB_CHANGED_SINCE.to_string(), vec![]),
    }
}

/// The message page of a refused edit, with the knowledge's problems if any.
pub(super) fn change_error(state: &WebState, session: &Session, error: &ChangeError) -> Response {
    let (status, text, problems) = change_error_text(error);
    render(
        status,
        &MessagePage {
            layout: layout(state, Some(session), ""),
            message: text,
            problems,
        },
    )
}

/// What an edit does, in words (for the preview's heading).
pub(super) fn describe(edit: &Edit, knowledge: &KnowledgeBase) -> String {
    let group_words = |group: usize| {
        knowledge
            .synonym_groups
            .get(group)
            .map(|words| words.join("、"))
            .unwrap_or_default()
    };
    match edit {
        Edit::AddKeyword { item, keyword } => {
            texts::web_add_keyword(*item, &item_title(knowledge, *item), keyword.trim())
        }
        Edit::RemoveKeyword { item, keyword } => {
            texts::web_remove_keyword(*item, &item_title(knowledge, *item), keyword.trim())
        }
        Edit::AddSynonym { group, word } => texts::web_add_synonym(&group_words(*group), word.trim()),
        Edit::RemoveSynonym { group, word } => texts::web_remove_synonym(&group_words(*group), word.trim()),
        Edit::AddGroup { words } => texts::web_add_group(&words.join("、")),
        Edit::RemoveGroup { group } => texts::web_remove_group(&group_words(*group)),
    }
}

/// The edit fields from a map (serde's `Query` of a struct with defaults would do, but a
/// map accepts repeated or unknown fields without a 400 from axum).
pub(super) fn fields_of(map: HashMap<String, String>) -> EditFields {
    let get = |name: &str| map.get(name).cloned().unwrap_or_default();
    EditFields {
        op: get("op"),
        article: get("article"),
        item: get("item"),
        keyword: get("keyword"),
        group: get("group"),
        word: get("word"),
        words: get("words"),
        question: get("question"),
        hash: get("hash"),
    }
}
