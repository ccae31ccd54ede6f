//! The replies to questions: an answer quotes the facts that answer it (the answering
//! figure leading and bold), a related answer says what the article does not say, a
//! declined one offers the items.

use super::{
    ItemArgumentError, Paragraph, Reply, Span, Style, full_item_button, full_item_pointer, help, item_argument_error,
    item_heading, item_headline, item_summary, item_title, list, sentence_in, source, suggestion_buttons,
};
use crate::engine::{Answer, FigureLead, Intent, Lead, Missing, Part};
use crate::knowledge::{Item, KnowledgeBase};
use crate::lang::Lang;
use crate::lang::numbers::{chinese_numbers, english_figure, english_numbers};
use crate::texts;

/// The paragraphs showing sentence `index` of `item` in `lang`, with the answering figure
/// bold when `lead` is in it. An English asker gets a short note before a sentence that is
/// not translated yet.
pub(super) fn sentence_paragraphs(lang: Lang, item: &Item, index: usize, lead: Option<&FigureLead>) -> Vec<Paragraph> {
    let Some(chinese) = item.sentence(index) else {
        return Vec::new();
    };
    let lead = lead.filter(|lead| lead.fact == index);
    let english = item.sentence_en(index);
    match (lang, english) {
        (Lang::English, Some(english)) => {
            let span = lead.and_then(|lead| english_figure_span(english, lead));
            vec![emphasized(english, span)]
        }
        (Lang::English, None) => vec![
            Paragraph::italic(texts::NO_TRANSLATION_NOTE.get(lang)),
            emphasized(chinese, lead.map(|lead| (lead.start, lead.start + lead.text.len()))),
        ],
        (Lang::Simplified, _) => vec![emphasized(
            chinese,
            lead.map(|lead| (lead.start, lead.start + lead.text.len())),
        )],
        (Lang::Traditional, _) => {
            let converted = lang.script(chinese);
            let span = lead.and_then(|lead| {
                let figure = lang.script(&lead.text);
                converted.find(&figure).map(|start| (start, start + figure.len()))
            });
            vec![emphasized(&converted, span)]
        }
    }
}

/// A paragraph of `text` with the byte range `bold` (if any) in bold.
fn emphasized(text: &str, bold: Option<(usize, usize)>) -> Paragraph {
    let Some((start, end)) = bold.filter(|&(start, end)| {
        start < end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
    }) else {
        return Paragraph::plain(text);
    };
    let mut spans = Vec::new();
    for (piece, style) in [
        (&text[..start], Style::Plain),
        (&text[start..end], Style::Bold),
        (&text[end..], Style::Plain),
    ] {
        if !piece.is_empty() {
            spans.push(Span {
                text: piece.to_string(),
                style,
            });
        }
    }
    Paragraph { spans }
}

/// English words before a figure that belong to it (over 7.16 million).
const ENGLISH_QUALIFIERS: [&str; 7] = [
    "more than ",
    "over ",
    "nearly ",
    "almost ",
    "about ",
    "around ",
    "some ",
];

/// Where the answering figure is in an English sentence: the number of the same value, with
/// a qualifier before it (more than, over).
fn english_figure_span(english: &str, lead: &FigureLead) -> Option<(usize, usize)> {
    let value = chinese_numbers(&lead.text).first()?.value;
    let number = english_numbers(english)
        .into_iter()
        .find(|number| (number.value - value).abs() <= 1e-9 * value.abs().max(1.0))?;
    let before = &english[..number.start];
    let lowered = before.to_ascii_lowercase();
    let start = ENGLISH_QUALIFIERS
        .iter()
        .find(|qualifier| lowered.ends_with(*qualifier))
        .map_or(number.start, |qualifier| number.start - qualifier.len());
    Some((start, number.end))
}

/// The answering figure as the lead line shows it: as the sentence writes it (Chinese,
/// Traditional), as its English translation writes it, or written the English way when the
/// sentence has no translation.
fn lead_figure_text(lang: Lang, item: &Item, lead: &FigureLead) -> String {
    match lang {
        Lang::Simplified | Lang::Traditional => lang.script(&lead.text),
        Lang::English => {
            let translated = item.sentence_en(lead.fact).and_then(|english| {
                english_figure_span(english, lead).map(|(start, end)| english[start..end].to_string())
            });
            translated.unwrap_or_else(|| {
                let number = chinese_numbers(&lead.text);
                let approximate = lead.text.contains(['余', '多', '逾', '超']);
                let figure = number
                    .first()
                    .map(|number| english_figure(number.value, number.percent))
                    .unwrap_or_else(|| lead.text.clone());
                if approximate { format!("over {figure}") } else { figure }
            })
        }
    }
}

/// The lead line of an answer: 「答：**1480间**」, "Answer: **1,480**", 「**有。**」, 「**不是。**」.
fn lead_paragraph(lang: Lang, item: &Item, lead: &Lead) -> Paragraph {
    match lead {
        Lead::Exists => Paragraph::bold(texts::LEAD_EXISTS.get(lang)),
        Lead::Affirms => Paragraph::bold(texts::LEAD_AFFIRMS.get(lang)),
        Lead::Denies => Paragraph::bold(texts::LEAD_DENIES.get(lang)),
        Lead::Figure(figure) => {
            let shown = lead_figure_text(lang, item, figure);
            let line = texts::answer_lead(lang, &shown);
            let span = line.rfind(&shown).map(|start| (start, start + shown.len()));
            emphasized(&line, span)
        }
    }
}
/// The reply to a free-text question, from the engine's answer, in `lang`.
pub fn answer(lang: Lang, knowledge: &KnowledgeBase, answer: &Answer) -> Reply {
    match answer.intent {
        Intent::Greeting => Reply::from_paragraphs(vec![Paragraph::plain(texts::GREETING.get(lang))]),
        Intent::Thanks => Reply::from_paragraphs(vec![Paragraph::plain(texts::THANKS.get(lang))]),
        Intent::Help => help(lang),
        Intent::Source => source(lang, knowledge),
        Intent::List => list(lang, knowledge),
        Intent::Empty => Reply::from_paragraphs(vec![Paragraph::plain(texts::EMPTY_QUESTION.get(lang))]),
        // Outside a conversation (inline, `ask` on one line) there is no item to move from.
        Intent::Navigation(_) => follow_up_without_topic(lang, knowledge),
        Intent::NoSuchItem => item_argument_error(lang, knowledge, &ItemArgumentError::OutOfRange),
        Intent::Declined => declined(lang, knowledge, &answer.suggestions),
        Intent::Item | Intent::Ordinal => {
            let parts: Vec<(Part, &Item)> = answer
                .parts()
                .into_iter()
                .filter_map(|part| knowledge.item(part.item).map(|item| (part, item)))
                .collect();
            if parts.is_empty() {
                return declined(lang, knowledge, &answer.suggestions);
            }
            item_answer(lang, knowledge, &parts, answer)
        }
    }
}

/// The facts of an answer as its reply shows them in `lang`, in the order of
/// [`answer_facts`] (what `ask --json` prints as `shown`).
pub fn shown_facts(lang: Lang, knowledge: &KnowledgeBase, answer: &Answer) -> Vec<String> {
    answer_facts(knowledge, answer)
        .into_iter()
        .filter_map(|(item, index)| sentence_in(lang, item, index))
        .collect()
}

/// Every fact of an answer: the first fact of each topic first (several topics), then the
/// others; as (item, sentence index).
pub fn answer_facts<'k>(knowledge: &'k KnowledgeBase, answer: &Answer) -> Vec<(&'k Item, usize)> {
    let parts = answer.parts();
    let mut facts = Vec::new();
    let rounds = parts.iter().map(|part| part.facts.len()).max().unwrap_or(0);
    for round in 0..rounds {
        for part in &parts {
            let Some(item) = knowledge.item(part.item) else {
                continue;
            };
            if let Some(&index) = part.facts.get(round)
                && item.sentence(index).is_some()
            {
                facts.push((item, index));
            }
        }
    }
    facts
}

/// 下一件 or 详细一点 with no item to start from: the list, and a word why.
pub(crate) fn follow_up_without_topic(lang: Lang, knowledge: &KnowledgeBase) -> Reply {
    let mut reply = list(lang, knowledge);
    reply
        .paragraphs
        .insert(0, Paragraph::plain(texts::FOLLOW_UP_WITHOUT_TOPIC.get(lang)));
    reply
}

fn declined(lang: Lang, knowledge: &KnowledgeBase, suggestions: &[u8]) -> Reply {
    let mut paragraphs = vec![Paragraph::plain(texts::DECLINE.get(lang))];
    if !suggestions.is_empty() {
        paragraphs.push(Paragraph::plain(texts::SUGGESTIONS_HEADER.get(lang)));
    }
    paragraphs.push(Paragraph::plain(texts::DECLINE_POINTER.get(lang)));
    Reply {
        paragraphs,
        keyboard: suggestion_buttons(lang, knowledge, suggestions),
    }
}

/// The sentence saying what the article does not say, in `lang`. `item` names the topic in
/// English when the question named it in Chinese.
pub fn missing_sentence(lang: Lang, knowledge: &KnowledgeBase, item: &Item, missing: &Missing) -> String {
    let topic_in = |topic: &str| -> String {
        if lang == Lang::English && topic.chars().any(crate::normalize::is_han) {
            item_title(lang, item)
        } else {
            lang.script(topic)
        }
    };
    match missing {
        Missing::Asked { topic, label } => {
            let words = &knowledge.question_words;
            let label_en = words
                .asked
                .iter()
                .filter(|kind| kind.label == *label)
                .map(|kind| kind.label_en.as_str())
                .chain(
                    words
                        .units
                        .iter()
                        .filter(|unit| unit.label == *label)
                        .map(|unit| unit.label_en.as_str()),
                )
                .chain(
                    [&words.listing, &words.groups, &words.naming]
                        .into_iter()
                        .filter(|detail| detail.label == *label)
                        .map(|detail| detail.label_en.as_str()),
                )
                .find(|label_en| !label_en.is_empty());
            texts::related_asked(lang, &topic_in(topic), &lang.script(label), label_en)
        }
        Missing::Place { topic, place, home } => {
            let scope = &knowledge.question_words.scope;
            let home = if lang == Lang::English && !scope.home_en.is_empty() && *home == scope.home {
                scope.home_en.clone()
            } else {
                lang.script(home)
            };
            texts::related_place(lang, &home, &lang.script(place), &topic_in(topic))
        }
        Missing::Year { topic, asked, year } => texts::related_year(lang, *year, *asked, &topic_in(topic)),
    }
}

fn item_answer(lang: Lang, knowledge: &KnowledgeBase, parts: &[(Part, &Item)], answer: &Answer) -> Reply {
    let mut paragraphs = Vec::new();
    let mut keyboard = Vec::new();
    let shows_summary = answer.intent == Intent::Ordinal
        && answer.missing.is_none()
        && answer
            .asked
            .as_ref()
            .is_none_or(|asked| asked.kind == "what" || asked.kind == "yesno");
    let figure_lead = answer.lead.as_ref().and_then(Lead::figure);
    for (position, (part, item)) in parts.iter().enumerate() {
        // The lead belongs to the first topic's first fact.
        let lead = answer.lead.as_ref().filter(|_| position == 0 && !shows_summary);
        if let Some(lead) = lead {
            paragraphs.push(lead_paragraph(lang, item, lead));
        }
        paragraphs.push(item_heading(lang, item));
        if answer.intent == Intent::Ordinal {
            paragraphs.push(Paragraph::bold(item_headline(lang, item)));
        }
        if let Some(missing) = &part.missing {
            paragraphs.push(Paragraph::plain(missing_sentence(lang, knowledge, item, missing)));
            if !part.facts.is_empty() {
                paragraphs.push(Paragraph::plain(texts::RELATED_OFFER.get(lang)));
            }
        }
        if shows_summary {
            paragraphs.push(Paragraph::plain(item_summary(lang, item)));
        } else {
            let bold = figure_lead.filter(|_| position == 0);
            for &index in &part.facts {
                paragraphs.extend(sentence_paragraphs(lang, item, index, bold));
            }
        }
        paragraphs.push(full_item_pointer(lang, item.number));
        keyboard.push(vec![full_item_button(lang, item)]);
    }
    if !answer.suggestions.is_empty() {
        paragraphs.push(Paragraph::plain(texts::SUGGESTIONS_HEADER.get(lang)));
        let names: Vec<String> = answer
            .suggestions
            .iter()
            .filter_map(|&n| knowledge.item(n))
            .map(|s| format!("{}（/item {}）", item_title(lang, s), s.number))
            .collect();
        paragraphs.push(Paragraph::plain(names.join("；")));
        keyboard.extend(suggestion_buttons(lang, knowledge, &answer.suggestions));
    }
    Reply { paragraphs, keyboard }
}
