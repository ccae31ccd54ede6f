//! TOML syntax errors told the way an admin can act on them.
//!
//! The `toml` crate reports where parsing failed, in its own words, and often a line after
//! the real mistake (a missing `]` shows up as "missing comma" on the next key's line). The
//! mistakes admins make with a Chinese keyboard are found on the lines themselves instead:
//! Chinese quotes and commas, full-width brackets, a string without its closing quote, a
//! list without its `]`. Other errors are translated from the crate's wording. Every
//! message is a template of [`super::messages`].

use super::messages;

/// Where an admin's mistake is and what it is: the 1-based line and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Mistake {
    pub line: usize,
    pub message: String,
}

/// The message for a TOML error of `contents` that the crate reported at byte `offset`
/// with `message`: a typing mistake found on the reported line or before it, else the
/// crate's message in plain Chinese.
pub(super) fn explain(contents: &str, offset: usize, message: &str) -> Mistake {
    let message = message.trim().replace('\n', " ");
    let mut offset = offset;
    if message.starts_with("missing field") && offset == 0 {
        // A field of the file's own (top-level) table: point at where its fields start,
        // after the comments at the top.
        offset = first_key_offset(contents);
    }
    let line = line_of_offset(contents, offset);
    if let Some(mistake) = typing_mistake(contents, line) {
        return mistake;
    }
    Mistake {
        line,
        message: translate(&message, key_at(contents, offset)),
    }
}

/// 1-based line number of a byte offset.
pub(super) fn line_of_offset(contents: &str, offset: usize) -> usize {
    let end = offset.min(contents.len());
    contents.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// What a line holds outside its strings and comments, and whether a string is left open.
struct LineScan {
    /// The characters outside strings and comments.
    code: String,
    /// A `"…` or `'…` string not closed by the end of the line.
    open_string: bool,
    /// The line has a multi-line string delimiter (`"""`, `'''`): not judged.
    multiline: bool,
}

fn scan_line(line: &str) -> LineScan {
    let multiline = line.contains("\"\"\"") || line.contains("'''");
    let mut code = String::new();
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in line.chars() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(open) if c == open => quote = None,
            Some(_) => {}
            None if c == '#' => break,
            None if c == '"' || c == '\'' => quote = Some(c),
            None => code.push(c),
        }
    }
    LineScan {
        code,
        open_string: quote.is_some(),
        multiline,
    }
}

/// The full-width brackets admins type for `[` and `]`.
const FULL_WIDTH_BRACKETS: &[char] = &['［', '］', '【', '】', '〔', '〕', '「', '」'];

/// The first typing mistake on a line up to `error_line`: what is on a line is judged
/// alone, a list left open is noticed where the next key or table starts.
fn typing_mistake(contents: &str, error_line: usize) -> Option<Mistake> {
    let mut depth: usize = 0;
    let mut last_value_line = 0;
    for (index, raw) in contents.lines().enumerate() {
        let line = index + 1;
        if line > error_line {
            return None;
        }
        let raw = raw.trim_start_matches('\u{feff}');
        let scan = scan_line(raw);
        if scan.multiline {
            continue;
        }
        let code = scan.code.trim();
        if depth > 0 && (is_key_line(code) || is_table_header(code)) {
            // A new key or table while a list is still open: its `]` is missing.
            return Some(at(last_value_line, messages::MISSING_CLOSING_BRACKET.to_string()));
        }
        let found = |message: String| Some(at(line, message));
        if code.contains(['“', '”']) {
            return found(messages::CHINESE_QUOTES.to_string());
        }
        if code.contains('，') {
            return found(messages::CHINESE_COMMA.to_string());
        }
        if let Some(bracket) = code.chars().find(|c| FULL_WIDTH_BRACKETS.contains(c)) {
            return found(messages::fill(messages::FULL_WIDTH_BRACKET, &[&bracket]));
        }
        if scan.open_string {
            return found(messages::MISSING_CLOSING_QUOTE.to_string());
        }
        let values = if is_key_line(code) {
            code.split_once('=').map_or("", |(_, value)| value)
        } else if is_table_header(code) && depth == 0 {
            // A table header such as `[[facts]]`: no list.
            ""
        } else {
            code
        };
        for c in values.chars() {
            match c {
                '[' => depth += 1,
                ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        if !raw.trim().is_empty() && !raw.trim_start().starts_with('#') {
            last_value_line = line;
        }
    }
    None
}

fn at(line: usize, message: String) -> Mistake {
    Mistake { line, message }
}

/// Whether a line (outside strings) is a table header such as `[scope]` or `[[facts]]`.
fn is_table_header(code: &str) -> bool {
    code.strip_prefix('[')
        .map(|rest| rest.trim_start_matches('['))
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// Whether a line (outside strings) starts with `key =`.
fn is_key_line(code: &str) -> bool {
    code.split_once('=').is_some_and(|(key, _)| {
        let key = key.trim();
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
    })
}

/// The offset of the first `key = value` line (0 if there is none).
fn first_key_offset(contents: &str) -> usize {
    let mut offset = 0;
    for line in contents.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            return offset + (line.len() - trimmed.len());
        }
        offset += line.len();
    }
    0
}

/// The key whose value is at `offset`: the last `key =` at the start of a line, on the
/// line of `offset` or above it (values such as lists may span lines).
fn key_at(contents: &str, offset: usize) -> Option<&str> {
    let before = &contents[..contents.floor_char_boundary(offset.min(contents.len()))];
    let line_end = contents[before.len()..]
        .find('\n')
        .map_or(contents.len(), |end| before.len() + end);
    contents[..line_end].lines().rev().find_map(|line| {
        let (key, _) = line.split_once('=')?;
        let key = key.trim();
        (!key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')).then_some(key)
    })
}

/// The names between backquotes of a serde list (`` `a`, `b` `` → `a、b`).
fn quoted_names(list: &str) -> String {
    list.split(',')
        .map(|name| name.trim().trim_matches('`'))
        .filter(|name| !name.is_empty())
        .collect::<Vec<_>>()
        .join("、")
}

/// The `toml`/serde wording of an error in plain Chinese.
fn translate(message: &str, key: Option<&str>) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ");
        return messages::fill(messages::UNKNOWN_FIELD, &[&field, &quoted_names(expected)]);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        return messages::fill(messages::MISSING_FIELD, &[&rest.trim_end_matches('`')]);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ");
        return messages::fill(
            messages::UNKNOWN_VALUE,
            &[&format!("\"{value}\""), &quoted_names(expected)],
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate key `") {
        return messages::fill(messages::DUPLICATE_KEY, &[&rest.split('`').next().unwrap_or(rest)]);
    }
    if let Some(text) = plain_type_error(message, key) {
        return text;
    }
    if message.starts_with("missing comma") {
        return messages::MISSING_COMMA.to_string();
    }
    if message.contains("basic string") || message.contains("must be quoted") || message.contains("opening quote") {
        return messages::BAD_QUOTES.to_string();
    }
    messages::fill(messages::TOML_SYNTAX, &[&message])
}

/// serde's wording of a type error made plain: `invalid type: string "5", expected i64`
/// becomes 「`number` 应该是数字（例如 5，不加引号），现在是文字 "5"」. `None` for other
/// messages.
fn plain_type_error(message: &str, key: Option<&str>) -> Option<String> {
    let (found, expected) = message.strip_prefix("invalid type: ")?.split_once(", expected ")?;
    let found = if let Some(text) = found.strip_prefix("string ") {
        format!("文字 {text}")
    } else if let Some(number) = found
        .strip_prefix("integer `")
        .or_else(|| found.strip_prefix("floating point `"))
    {
        let (number, rest) = number.split_once('`').unwrap_or((number, ""));
        let too_large = if rest.contains("i128") { "（太大了）" } else { "" };
        format!("数字 {number}{too_large}")
    } else if let Some(value) = found.strip_prefix("boolean `") {
        format!("真假值 {}", value.trim_end_matches('`'))
    } else {
        match found {
            "map" => "一个表".to_string(),
            "sequence" => "一个列表".to_string(),
            other => other.to_string(),
        }
    };
    let expected = match expected {
        "i64" | "u8" | "u32" | "u64" | "integer" => "数字（例如 5，不加引号）".to_string(),
        "a string" => "加英文双引号的文字（例如 \"母婴室\"）".to_string(),
        "a sequence" => "方括号里的列表（例如 [\"a\", \"b\"]）".to_string(),
        other if other.starts_with("struct") || other == "a map" => "一个表".to_string(),
        other => other.to_string(),
    };
    let key = key.unwrap_or("这个值");
    Some(messages::fill(messages::WRONG_TYPE, &[&key, &expected, &found]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mistake(contents: &str) -> Option<Mistake> {
        typing_mistake(contents, usize::MAX)
    }

    #[test]
    fn typing_mistakes_are_found_on_their_line() {
        let cases: &[(&str, usize, &str)] = &[
            ("a = 1\nkeywords = [“彩礼”]\n", 2, messages::CHINESE_QUOTES),
            ("keywords = [\"a\"，\"b\"]\n", 1, messages::CHINESE_COMMA),
            (
                "title = \"没有右引号\nsummary = \"x\"\n",
                1,
                messages::MISSING_CLOSING_QUOTE,
            ),
            (
                "keywords = [\n  \"a\",\n  \"b\"\nsummary = \"x\"\n",
                3,
                messages::MISSING_CLOSING_BRACKET,
            ),
            (
                "keywords = [\"a\", \"b\"\n\n[[facts]]\ntext = \"x\"\n",
                1,
                messages::MISSING_CLOSING_BRACKET,
            ),
        ];
        for &(contents, line, message) in cases {
            assert_eq!(
                mistake(contents),
                Some(Mistake {
                    line,
                    message: message.to_string()
                }),
                "{contents}"
            );
        }
        assert_eq!(
            mistake("keywords = 【\"a\"】\n").map(|m| m.message),
            Some(messages::fill(messages::FULL_WIDTH_BRACKET, &[&'【']))
        );
    }

    #[test]
    fn quotes_and_commas_inside_strings_and_comments_are_fine() {
        for contents in [
            "text = \"打造“幸福家”托育中心，示范点\"\n",
            "# 注释里可以有“中文引号”，和逗号\nkeywords = [\"a\", \"b\",\n]\n",
            "text = 'single “quoted”'\n[[facts]]\ntext = \"x\"\n",
            "keywords = [\n  \"a\", # 注释 ]\n  \"b\",\n]\n",
        ] {
            assert_eq!(mistake(contents), None, "{contents}");
        }
    }
}
