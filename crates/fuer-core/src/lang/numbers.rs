//! Figures across languages: the numbers a Chinese text writes in digits (716万 is
//! 7,160,000; 60% is 60) and the numbers an English text writes (7.16 million, 1,480,
//! 23,000, 60%, 2021–2025), compared by value. `check` uses them to hold an English
//! translation to its Chinese fact; a reply uses them to find the answering figure in the
//! English fact, or to write it in English when a fact has no translation.

/// A number found in a text, with its value and where it is written (byte range).
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub value: f64,
    /// A percentage (60%, 60 percent).
    pub percent: bool,
    /// Byte range of the number as written (`7.16 million`, `716万`).
    pub start: usize,
    pub end: usize,
}

impl Number {
    /// Whether two numbers have the same value (within rounding of the decimal point).
    pub fn same_value(&self, other: &Number) -> bool {
        same(self.value, other.value)
    }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// A run of ASCII digits with an optional decimal part, from byte `start`: its text and end.
fn digits_at(text: &str, start: usize, allow_commas: bool) -> (String, usize) {
    let bytes = text.as_bytes();
    let mut digits = String::new();
    let mut index = start;
    while index < bytes.len() {
        let b = bytes[index];
        if b.is_ascii_digit() {
            digits.push(b as char);
            index += 1;
        } else if allow_commas
            && b == b','
            && bytes
                .get(index + 1..index + 4)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !bytes.get(index + 4).is_some_and(u8::is_ascii_digit)
        {
            // A thousands separator: exactly three digits follow.
            index += 1;
        } else {
            break;
        }
    }
    if bytes.get(index) == Some(&b'.') && bytes.get(index + 1).is_some_and(u8::is_ascii_digit) {
        digits.push('.');
        index += 1;
        while index < bytes.len() && bytes[index].is_ascii_digit() {
            digits.push(bytes[index] as char);
            index += 1;
        }
    }
    (digits, index)
}

/// The numbers a Chinese text writes in digits: `716万` (7,160,000), `2.3万`, `60%`,
/// `1480`, each year of `2021-2025` on its own. Numbers written in characters (十大, 三年)
/// are not taken.
pub fn chinese_numbers(text: &str) -> Vec<Number> {
    let mut numbers = Vec::new();
    let mut index = 0;
    while index < text.len() {
        let Some(c) = text[index..].chars().next() else {
            break;
        };
        if !c.is_ascii_digit() {
            index += c.len_utf8();
            continue;
        }
        let start = index;
        let (digits, mut end) = digits_at(text, start, false);
        let mut value: f64 = digits.parse().unwrap_or(0.0);
        let rest = &text[end..];
        for (scale, factor) in [("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3)] {
            if rest.starts_with(scale) {
                value *= factor;
                end += scale.len();
                break;
            }
        }
        let percent = text[end..].starts_with('%') || text[end..].starts_with('％');
        if percent {
            end += text[end..].chars().next().map_or(0, char::len_utf8);
        }
        numbers.push(Number {
            value,
            percent,
            start,
            end,
        });
        index = end.max(start + 1);
    }
    numbers
}

/// The numbers an English text writes in digits: `1,480`, `7.16 million`, `23,000`, `60%`,
/// `60 percent`, each year of `2021–2025` on its own.
pub fn english_numbers(text: &str) -> Vec<Number> {
    let bytes = text.as_bytes();
    let mut numbers = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        let b = bytes[index];
        let part_of_word = index > 0 && (bytes[index - 1].is_ascii_alphanumeric() || bytes[index - 1] == b'.');
        if !b.is_ascii_digit() || part_of_word {
            index += 1;
            continue;
        }
        let start = index;
        let (digits, mut end) = digits_at(text, start, true);
        let mut value: f64 = digits.parse().unwrap_or(0.0);
        let after = &text[end..];
        let spaces = after.len() - after.trim_start_matches(' ').len();
        let word_start = end + spaces;
        let word: String = text[word_start..]
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        let scale = match word.as_str() {
            "thousand" => Some(1e3),
            "million" => Some(1e6),
            "billion" => Some(1e9),
            _ => None,
        };
        let mut percent = false;
        if let Some(factor) = scale {
            value *= factor;
            end = word_start + word.len();
        } else if word == "percent" {
            percent = true;
            end = word_start + word.len();
        }
        if text[end..].starts_with('%') {
            percent = true;
            end += 1;
        }
        numbers.push(Number {
            value,
            percent,
            start,
            end,
        });
        index = end.max(start + 1);
    }
    numbers
}

/// The numbers of a Chinese fact that its English version lacks, as the Chinese writes
/// them (`716万`).
pub fn missing_in_english<'a>(chinese: &'a str, english: &str) -> Vec<&'a str> {
    let english = english_numbers(english);
    chinese_numbers(chinese)
        .into_iter()
        .filter(|number| !english.iter().any(|other| other.same_value(number)))
        .map(|number| &chinese[number.start..number.end])
        .collect()
}

/// The numbers of an English fact that its Chinese fact has in neither digits nor
/// characters (`numerals` is the Chinese text with its numerals turned into digits), as
/// the English writes them.
pub fn extra_in_english<'a>(chinese: &str, numerals: &str, english: &'a str) -> Vec<&'a str> {
    let mut known = chinese_numbers(chinese);
    known.extend(chinese_numbers(numerals));
    english_numbers(english)
        .into_iter()
        .filter(|number| !known.iter().any(|other| other.same_value(number)))
        .map(|number| &english[number.start..number.end])
        .collect()
}

/// A value written the English way: `1,480`, `7.16 million`, `23,000`, `60%`. Millions and
/// billions are written as words when that keeps the digits short (7.16 million), plain
/// with thousands separators otherwise; years (`2024`) and short numbers as they are.
pub fn english_figure(value: f64, percent: bool) -> String {
    if percent {
        return format!("{}%", trim_decimals(value));
    }
    for (factor, word) in [(1e9, "billion"), (1e6, "million")] {
        if value >= factor {
            let scaled = value / factor;
            let text = trim_decimals(scaled);
            if text.len() <= 6 {
                return format!("{text} {word}");
            }
        }
    }
    group_thousands(&trim_decimals(value))
}

/// A value without trailing zeros: 7.16, 23000, 4.2.
fn trim_decimals(value: f64) -> String {
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_string()
}

/// `23000` → `23,000`; decimals are kept as they are.
fn group_thousands(text: &str) -> String {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (position, c) in whole.chars().enumerate() {
        if position > 0 && (whole.len() - position) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if let Some(fraction) = fraction {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(numbers: &[Number]) -> Vec<f64> {
        numbers.iter().map(|number| number.value).collect()
    }

    #[test]
    fn chinese_figures_with_scales() {
        let numbers = chinese_numbers("累计到访716万余人次,2.3万余个岗位,覆盖率达60%,2021-2025年,1480间");
        assert_eq!(values(&numbers), [7_160_000.0, 23_000.0, 60.0, 2021.0, 2025.0, 1480.0]);
        assert!(numbers[2].percent);
        assert!(chinese_numbers("十大 三年").is_empty());
    }

    #[test]
    fn english_figures_with_scales() {
        let numbers = english_numbers("over 7.16 million visits, 23,000 jobs, 60% of them, in 2021–2025, 1,480 rooms");
        assert_eq!(values(&numbers), [7_160_000.0, 23_000.0, 60.0, 2021.0, 2025.0, 1480.0]);
        let text = "over 7.16 million visits";
        assert_eq!(&text[numbers[0].start..numbers[0].end], "7.16 million");
        assert_eq!(values(&english_numbers("60 percent, 1,2 and H5N1")), [60.0, 1.0, 2.0]);
    }

    #[test]
    fn translations_keep_every_figure() {
        assert!(missing_in_english("建设母婴室1480间", "1,480 nursing rooms were built").is_empty());
        assert!(missing_in_english("累计到访716万余人次", "more than 7.16 million visits").is_empty());
        assert!(missing_in_english("超2.3万余个岗位", "over 23,000 jobs").is_empty());
        assert_eq!(missing_in_english("建设母婴室1480间", "1,408 nursing rooms"), ["1480"]);
        assert_eq!(missing_in_english("累计到访716万余人次", "716 visits"), ["716万"]);
        assert!(extra_in_english("十件大事", "10件大事", "the 10 major events").is_empty());
        assert_eq!(extra_in_english("1480间", "1480间", "1,480 rooms in 12 places"), ["12"]);
        // An English without figures writes nothing extra, whatever the Chinese's numerals
        // (the translation check normalizes the Chinese only when the English has figures).
        for (chinese, english) in [
            ("三年行动计划", "a three-year action plan"),
            ("建成母婴室1480间", "nursing rooms were built across the city"),
            ("第十届妇女代表大会", "the tenth women's congress"),
        ] {
            assert!(english_numbers(english).is_empty(), "{english}");
            assert!(extra_in_english(chinese, "", english).is_empty(), "{english}");
            let numerals = crate::normalize::normalize(chinese);
            assert!(extra_in_english(chinese, &numerals, english).is_empty(), "{english}");
        }
    }

    #[test]
    fn figures_written_in_english() {
        assert_eq!(english_figure(1480.0, false), "1,480");
        assert_eq!(english_figure(7_160_000.0, false), "7.16 million");
        assert_eq!(english_figure(23_000.0, false), "23,000");
        assert_eq!(english_figure(2_088_000.0, false), "2.088 million");
        assert_eq!(english_figure(60.0, true), "60%");
        assert_eq!(english_figure(9019.0, false), "9,019");
        assert_eq!(english_figure(42.5, false), "42.5");
    }
}
