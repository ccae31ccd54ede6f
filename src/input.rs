//! Reading questions from standard input, one a line, for the console and `fuer-bot ask`:
//! a line that is not valid UTF-8 is reported as that line's own result (with its number)
//! and the lines after it are still read; a very long line is cut, so that no line can
//! take unbounded memory (the dialogue refuses questions over
//! [`fuer_core::dialogue::MAX_QUESTION_CHARS`] anyway).

use std::io::{self, BufRead};

/// The most bytes kept of one line; the rest of a longer line is skipped. Well above the
/// longest question answered (500 characters of at most 4 bytes), so a cut line is still
/// recognised as too long.
pub const MAX_LINE_BYTES: usize = 16 * 1024;

/// Why a line could not be taken as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not valid UTF-8 text (invalid byte at column {column}); save the input as UTF-8")]
pub struct LineError {
    /// The 1-based byte column of the first invalid byte.
    pub column: usize,
}

/// One line of input: its 1-based number and its text, or why it has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub number: usize,
    pub text: Result<String, LineError>,
}

/// The lines of `reader` (`\n` or `\r\n` endings), each at most [`MAX_LINE_BYTES`] bytes.
/// Only a read error of the input itself ends the iteration early (as an `Err` item).
pub fn lines<R: BufRead>(reader: R) -> Lines<R> {
    Lines {
        reader,
        number: 0,
        buffer: Vec::new(),
        failed: false,
    }
}

/// Iterator returned by [`lines`].
#[derive(Debug)]
pub struct Lines<R> {
    reader: R,
    number: usize,
    buffer: Vec<u8>,
    failed: bool,
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = io::Result<Line>;

    fn next(&mut self) -> Option<io::Result<Line>> {
        if self.failed {
            return None;
        }
        match read_capped_line(&mut self.reader, &mut self.buffer, MAX_LINE_BYTES) {
            Ok(None) => None,
            Ok(Some(cut)) => {
                self.number += 1;
                Some(Ok(Line {
                    number: self.number,
                    text: decode(&self.buffer, cut),
                }))
            }
            Err(error) => {
                self.failed = true;
                Some(Err(error))
            }
        }
    }
}

/// Reads one line into `buffer` (without its ending), keeping at most `cap` bytes and
/// skipping the rest of the line. `Ok(None)` at the end of the input; otherwise whether
/// the line was cut.
fn read_capped_line(reader: &mut impl BufRead, buffer: &mut Vec<u8>, cap: usize) -> io::Result<Option<bool>> {
    buffer.clear();
    let mut cut = false;
    let mut read_anything = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            return Ok(read_anything.then_some(cut));
        }
        read_anything = true;
        let newline = available.iter().position(|&byte| byte == b'\n');
        let content = &available[..newline.unwrap_or(available.len())];
        let room = cap.saturating_sub(buffer.len());
        if content.len() > room {
            cut = true;
        }
        buffer.extend_from_slice(&content[..content.len().min(room)]);
        let consumed = newline.map_or(available.len(), |index| index + 1);
        reader.consume(consumed);
        if newline.is_some() {
            if !cut && buffer.last() == Some(&b'\r') {
                buffer.pop();
            }
            return Ok(Some(cut));
        }
    }
}

/// The line's text; a line cut at the cap may end inside a character, which is dropped.
fn decode(bytes: &[u8], cut: bool) -> Result<String, LineError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        // An incomplete character at the very end of a cut line: keep what is before it.
        Err(error) if cut && error.error_len().is_none() => {
            Ok(String::from_utf8_lossy(&bytes[..error.valid_up_to()]).into_owned())
        }
        Err(error) => Err(LineError {
            column: error.valid_up_to() + 1,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8]) -> Vec<Line> {
        lines(input).collect::<io::Result<Vec<_>>>().expect("in-memory input")
    }

    fn text(number: usize, text: &str) -> Line {
        Line {
            number,
            text: Ok(text.to_string()),
        }
    }

    #[test]
    fn lines_are_numbered_and_endings_removed() {
        assert_eq!(
            read(b"a\r\nb\n\nc"),
            [text(1, "a"), text(2, "b"), text(3, ""), text(4, "c")]
        );
        assert!(read(b"").is_empty());
    }

    #[test]
    fn an_invalid_line_is_reported_and_the_next_ones_read() {
        let lines = read(
            "母婴室\n好\u{0}\n"
                .as_bytes()
                .iter()
                .chain(b"ab\xff\xfecd\n\xe6\xaf\n")
                .copied()
                .collect::<Vec<_>>()
                .as_slice(),
        );
        assert_eq!(lines[0], text(1, "母婴室"));
        assert_eq!(lines[1], text(2, "好\u{0}"));
        assert_eq!(lines[2].text, Err(LineError { column: 3 }));
        assert_eq!(lines[3].text, Err(LineError { column: 1 }), "a truncated character");
        assert_eq!(lines.len(), 4);
    }

    #[test]
    fn long_lines_are_cut_without_breaking_a_character() {
        let long = "问".repeat(MAX_LINE_BYTES); // 3 bytes a character
        let input = format!("{long}\n第二行\n");
        let lines = read(input.as_bytes());
        let first = lines[0].text.as_ref().expect("text");
        assert!(first.len() <= MAX_LINE_BYTES && first.len() > MAX_LINE_BYTES - 3);
        assert!(first.chars().all(|c| c == '问'));
        assert_eq!(lines[1], text(2, "第二行"));
    }
}
