//! Format-preserving edits of knowledge files, for the admin web page: add or remove an
//! item's keyword, a synonym, a synonym group. Pure: text in, text out (with `toml_edit`,
//! so comments, blank lines and the layout of everything not edited stay as they were).
//!
//! An edit only changes the TOML; whether the result is valid knowledge is decided by
//! [`crate::knowledge::parse_knowledge`] on the would-be files, as for `fuer-bot check`.

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

/// The longest keyword or synonym the page accepts, in characters.
pub(crate) const MAX_WORD_CHARS: usize = 40;

/// One change to the knowledge files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Adds `keyword` to item `item`'s `keywords`.
    AddKeyword { item: u8, keyword: String },
    /// Removes `keyword` from item `item`'s `keywords`.
    RemoveKeyword { item: u8, keyword: String },
    /// Adds `word` to the synonym group `group` (0-based, in file order).
    AddSynonym { group: usize, word: String },
    /// Removes `word` from the synonym group `group`.
    RemoveSynonym { group: usize, word: String },
    /// Appends a new synonym group.
    AddGroup { words: Vec<String> },
    /// Removes the synonym group `group`.
    RemoveGroup { group: usize },
}

impl Edit {
    /// The item whose file the edit changes; `None` for `synonyms.toml`.
    pub fn item(&self) -> Option<u8> {
        match self {
            Edit::AddKeyword { item, .. } | Edit::RemoveKeyword { item, .. } => Some(*item),
            _ => None,
        }
    }

    /// Applies the edit to the contents of its file.
    pub fn apply(&self, contents: &str) -> Result<String, EditError> {
        let mut document: DocumentMut = contents
            .parse()
            .map_err(|error: toml_edit::TomlError| EditError::Syntax(error.message().to_string()))?;
        match self {
            Edit::AddKeyword { keyword, .. } => {
                let keyword = check_word(keyword)?;
                match document.get_mut("keywords") {
                    Some(item) => add_keyword(word_array(item)?, &keyword),
                    None => {
                        let mut array = Array::new();
                        array.push(keyword);
                        document.insert("keywords", Item::Value(Value::Array(array)));
                    }
                }
            }
            Edit::RemoveKeyword { keyword, .. } => {
                let array = word_array(document.get_mut("keywords").ok_or(EditError::NotFound)?)?;
                remove_word(array, keyword)?;
            }
            Edit::AddSynonym { group, word } => {
                let word = check_word(word)?;
                push_word(group_words(&mut document, *group)?, &word);
            }
            Edit::RemoveSynonym { group, word } => {
                remove_word(group_words(&mut document, *group)?, word)?;
            }
            Edit::AddGroup { words } => {
                let mut array = Array::new();
                for word in words {
                    array.push(check_word(word)?);
                }
                let mut table = Table::new();
                table.insert("words", Item::Value(Value::Array(array)));
                match document.get_mut("group") {
                    Some(item) => item.as_array_of_tables_mut().ok_or(EditError::NotAList)?.push(table),
                    None => {
                        let mut groups = ArrayOfTables::new();
                        groups.push(table);
                        document.insert("group", Item::ArrayOfTables(groups));
                    }
                }
            }
            Edit::RemoveGroup { group } => {
                let groups = document
                    .get_mut("group")
                    .and_then(Item::as_array_of_tables_mut)
                    .ok_or(EditError::NotFound)?;
                if *group >= groups.len() {
                    return Err(EditError::NotFound);
                }
                groups.remove(*group);
            }
        }
        Ok(document.to_string())
    }
}

/// Why an edit cannot be made (the web page shows these in Chinese).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The word is empty after trimming.
    #[error("the word is empty")]
    Empty,
    /// Longer than [`MAX_WORD_CHARS`].
    #[error("the word has more than {MAX_WORD_CHARS} characters")]
    TooLong,
    /// A line break, a quote or another control character.
    #[error("the word has a line break or a control character")]
    BadCharacter,
    /// The file is not valid TOML (fix it by hand first).
    #[error("the file is not valid TOML: {0}")]
    Syntax(String),
    /// `keywords` or `words` is not a list of texts.
    #[error("the list to edit is not a list of texts")]
    NotAList,
    /// The word or the group is not there.
    #[error("no such word or group")]
    NotFound,
}

/// A keyword as it will be written: trimmed, checked.
pub(crate) fn check_word(word: &str) -> Result<String, EditError> {
    let word = word.trim();
    if word.is_empty() {
        return Err(EditError::Empty);
    }
    if word.chars().count() > MAX_WORD_CHARS {
        return Err(EditError::TooLong);
    }
    if word.chars().any(char::is_control) {
        return Err(EditError::BadCharacter);
    }
    Ok(word.to_string())
}

fn word_array(item: &mut Item) -> Result<&mut Array, EditError> {
    item.as_array_mut().ok_or(EditError::NotAList)
}

fn group_words(document: &mut DocumentMut, group: usize) -> Result<&mut Array, EditError> {
    let table = document
        .get_mut("group")
        .and_then(Item::as_array_of_tables_mut)
        .and_then(|groups| groups.get_mut(group))
        .ok_or(EditError::NotFound)?;
    word_array(table.get_mut("words").ok_or(EditError::NotFound)?)
}

/// Appends `word` after the last element, on its line, spaced like a list written by hand
/// (`"a", "b", "new"`); a list that ends with a comma keeps it.
fn push_word(array: &mut Array, word: &str) {
    if array.is_empty() {
        array.push(word);
        return;
    }
    let mut value = Value::from(word);
    value.decor_mut().set_prefix(" ");
    array.push_formatted(value);
}

/// Whether a word is written in Chinese characters (at least one CJK ideograph).
fn is_chinese(word: &str) -> bool {
    word.chars()
        .any(|c| matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'))
}

/// Adds a keyword beside its kind: a Chinese keyword right after the last Chinese one (an
/// item file lists its Chinese keywords first, then, under a comment, the English ones), any
/// other at the end.
fn add_keyword(array: &mut Array, keyword: &str) {
    let last_chinese = array
        .iter()
        .enumerate()
        .filter(|(_, value)| value.as_str().is_some_and(is_chinese))
        .map(|(index, _)| index)
        .last();
    match last_chinese {
        Some(index) if is_chinese(keyword) && index + 1 < array.len() => {
            let mut value = Value::from(keyword);
            value.decor_mut().set_prefix(" ");
            array.insert_formatted(index + 1, value);
        }
        _ => push_word(array, keyword),
    }
}

/// Removes every element equal to `word` (exactly, after trimming).
fn remove_word(array: &mut Array, word: &str) -> Result<(), EditError> {
    let word = word.trim();
    let positions: Vec<usize> = array
        .iter()
        .enumerate()
        .filter(|(_, value)| value.as_str().is_some_and(|text| text.trim() == word))
        .map(|(index, _)| index)
        .collect();
    if positions.is_empty() {
        return Err(EditError::NotFound);
    }
    for &index in positions.iter().rev() {
        // The first element's prefix holds the list's own layout (a line break, a comment):
        // give it to the element that becomes first.
        let prefix = (index == 0)
            .then(|| array.get(0).and_then(|value| value.decor().prefix()).cloned())
            .flatten();
        array.remove(index);
        if let (Some(prefix), Some(first)) = (prefix, array.get_mut(0)) {
            first.decor_mut().set_prefix(prefix);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: &str = "# item five\nnumber = 5\nkeywords = [\n  # spoken words\n  \"a\", \"b\",\n  \"c\",\n]\n\n# first fact\n[[facts]]\ntext = \"x\"\n";

    #[test]
    fn adding_a_keyword_keeps_comments_and_layout() {
        let edited = Edit::AddKeyword {
            item: 5,
            keyword: " 新词 ".to_string(),
        }
        .apply(ITEM)
        .unwrap();
        assert_eq!(
            edited,
            "# item five\nnumber = 5\nkeywords = [\n  # spoken words\n  \"a\", \"b\",\n  \"c\", \"新词\",\n]\n\n# first fact\n[[facts]]\ntext = \"x\"\n"
        );
    }

    #[test]
    fn a_keyword_goes_with_the_keywords_of_its_script() {
        let item = "number = 5\nkeywords = [\n  # 中文\n  \"母婴室\", \"哺乳室\",\n  # English\n  \"nursing room\", \"daycare\",\n]\n";
        // (keyword, the keywords line it must end up on)
        for (keyword, line) in [
            ("喂奶间", "  \"母婴室\", \"哺乳室\", \"喂奶间\","),
            ("hpv vaccine", "  \"nursing room\", \"daycare\", \"hpv vaccine\","),
            ("hpv疫苗", "  \"母婴室\", \"哺乳室\", \"hpv疫苗\","),
        ] {
            let edited = Edit::AddKeyword {
                item: 5,
                keyword: keyword.to_string(),
            }
            .apply(item)
            .unwrap();
            assert!(edited.lines().any(|candidate| candidate == line), "{keyword}: {edited}");
            assert!(edited.contains("# English\n  \"nursing room\""), "{edited}");
        }
        // Only Chinese keywords, or none Chinese: at the end.
        let chinese_only = "number = 1\nkeywords = [\"a中\", \"b中\"]\n";
        let edited = Edit::AddKeyword {
            item: 1,
            keyword: "新词".to_string(),
        }
        .apply(chinese_only)
        .unwrap();
        assert_eq!(edited, "number = 1\nkeywords = [\"a中\", \"b中\", \"新词\"]\n");
    }

    #[test]
    fn removing_a_keyword_keeps_the_rest() {
        let edited = Edit::RemoveKeyword {
            item: 5,
            keyword: "a".to_string(),
        }
        .apply(ITEM)
        .unwrap();
        assert!(edited.contains("# spoken words\n  \"b\","), "{edited}");
        assert!(edited.contains("# first fact"));
        let missing = Edit::RemoveKeyword {
            item: 5,
            keyword: "zzz".to_string(),
        };
        assert_eq!(missing.apply(ITEM), Err(EditError::NotFound));
    }

    #[test]
    fn an_item_without_keywords_gets_a_list() {
        let edited = Edit::AddKeyword {
            item: 1,
            keyword: "k".to_string(),
        }
        .apply("number = 1\n")
        .unwrap();
        assert_eq!(edited, "number = 1\nkeywords = [\"k\"]\n");
    }

    #[test]
    fn synonym_groups() {
        let synonyms = "# groups\n[[group]]\nwords = [\"a\", \"b\"]\n\n# second\n[[group]]\nwords = [\"c\", \"d\"]\n";
        let added = Edit::AddSynonym {
            group: 1,
            word: "e".to_string(),
        }
        .apply(synonyms)
        .unwrap();
        assert!(
            added.ends_with("# second\n[[group]]\nwords = [\"c\", \"d\", \"e\"]\n"),
            "{added}"
        );
        let removed = Edit::RemoveSynonym {
            group: 0,
            word: "b".to_string(),
        }
        .apply(synonyms)
        .unwrap();
        assert!(
            removed.starts_with("# groups\n[[group]]\nwords = [\"a\"]\n"),
            "{removed}"
        );
        let new_group = Edit::AddGroup {
            words: vec!["x".to_string(), "y".to_string()],
        }
        .apply(synonyms)
        .unwrap();
        assert!(new_group.starts_with(synonyms), "{new_group}");
        assert!(new_group.contains("[[group]]\nwords = [\"x\", \"y\"]"), "{new_group}");
        let without_first = Edit::RemoveGroup { group: 0 }.apply(synonyms).unwrap();
        assert!(!without_first.contains("\"a\""));
        assert!(without_first.contains("\"c\""));
        assert_eq!(Edit::RemoveGroup { group: 2 }.apply(synonyms), Err(EditError::NotFound));
    }

    #[test]
    fn words_are_checked_and_quotes_are_escaped() {
        let add = |keyword: &str| {
            Edit::AddKeyword {
                item: 5,
                keyword: keyword.to_string(),
            }
            .apply(ITEM)
        };
        assert_eq!(add("  "), Err(EditError::Empty));
        assert_eq!(add("a\nb"), Err(EditError::BadCharacter));
        assert_eq!(add(&"长".repeat(41)), Err(EditError::TooLong));
        let quoted = add("say \"hi\" ]").unwrap();
        let parsed: toml::Table = toml::from_str(&quoted).unwrap();
        let keywords = parsed["keywords"].as_array().unwrap();
        assert_eq!(keywords.last().and_then(|v| v.as_str()), Some("say \"hi\" ]"));
        assert!(matches!(
            Edit::AddKeyword {
                item: 5,
                keyword: "k".to_string()
            }
            .apply("number = [\n"),
            Err(EditError::Syntax(_))
        ));
    }
}
