//! The English of the knowledge files (`title_en`, `headline_en`, `summary_en`, and `en`
//! beside each fact): written and reviewed by people, held to the Chinese by `check`. Every
//! figure the Chinese writes in digits must be in the English (1480 ↔ 1,480; 716万 ↔ 7.16
//! million; 60% ↔ 60%), and the English writes no figure the Chinese lacks (numbers the
//! Chinese spells in characters, 十大 or 三年, may be written in digits). A figure that
//! differs is an error at the English line; a translation not written yet is only a
//! warning: the reply then shows the Chinese with a short English note.

use toml::Spanned;

use super::messages;
use super::parse::{FileReport, Warnings};
use crate::lang::numbers::{english_numbers, extra_in_english, missing_in_english};

/// The longest English title, in characters (it is a button's label).
pub(crate) const MAX_TITLE_EN_CHARS: usize = 48;

/// The English of a Chinese text (`field` is its name, `anchor` where a missing one is
/// reported): `None` after a warning when it is not written, and the figures checked.
pub(super) fn check<T>(
    report: &mut FileReport<'_>,
    warnings: &mut Warnings<'_>,
    field: &str,
    chinese: &str,
    english: Option<&Spanned<String>>,
    anchor: &Spanned<T>,
) -> Option<String> {
    let Some(english) = english.filter(|english| !english.get_ref().trim().is_empty()) else {
        warnings.at(anchor, messages::fill(messages::TRANSLATION_MISSING, &[&field]));
        return None;
    };
    let text = english.get_ref().trim().to_string();
    for figure in missing_in_english(chinese, &text) {
        report.at(
            english,
            messages::fill(messages::TRANSLATION_FIGURE_MISSING, &[&field, &figure]),
        );
    }
    // The Chinese's numerals are only compared with the English's figures: an English with
    // none (most titles and many facts) needs no normalization of the Chinese.
    let numerals = if english_numbers(&text).is_empty() {
        String::new()
    } else {
        crate::normalize::normalize(chinese)
    };
    for figure in extra_in_english(chinese, &numerals, &text) {
        report.at(
            english,
            messages::fill(messages::TRANSLATION_FIGURE_EXTRA, &[&field, &figure]),
        );
    }
    Some(text)
}

/// The English title: checked like any translation, and short enough for a button.
pub(super) fn check_title<T>(
    report: &mut FileReport<'_>,
    warnings: &mut Warnings<'_>,
    chinese: &str,
    english: Option<&Spanned<String>>,
    anchor: &Spanned<T>,
) -> Option<String> {
    let title = check(report, warnings, "title_en", chinese, english, anchor)?;
    let chars = title.chars().count();
    if let Some(english) = english
        && chars > MAX_TITLE_EN_CHARS
    {
        report.at(
            english,
            messages::fill(messages::TITLE_EN_TOO_LONG, &[&chars, &MAX_TITLE_EN_CHARS]),
        );
    }
    Some(title)
}
