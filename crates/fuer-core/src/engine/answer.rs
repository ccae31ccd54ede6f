//! The answer model: what the engine returns, independent of how it is shown.
//!
//! An [`Answer`] says what kind of reply a question calls for ([`Intent`]), whether the
//! article answers it ([`Status`]), the item and facts that do, what the article does not
//! say ([`Missing`]) and further topics of the same question ([`Part`]).

use super::analysis::Relation;
use super::followup::{ContextUse, Navigation};

/// What kind of reply a question calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// A question answered (or found related) by an item's facts.
    Item,
    /// The question names an item by position (第二件, last one).
    Ordinal,
    /// A position outside the items (第11件, 第-1件).
    NoSuchItem,
    /// The user asked for the list of all items.
    List,
    Greeting,
    Thanks,
    Help,
    /// Where the knowledge comes from (publisher, date).
    Source,
    /// Out of scope, or nothing matched well enough.
    Declined,
    /// Nothing but symbols, emoji or spaces.
    Empty,
    /// A move through the conversation (下一件, 上一件) or a request for more (详细一点); the
    /// dialogue step answers it from the conversation's item.
    Navigation(Navigation),
}

/// Whether the question was answered, is about a topic of the article but asks what the
/// article does not say, or was declined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Answered,
    Related,
    Declined,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Answered => "answered",
            Status::Related => "related",
            Status::Declined => "declined",
        }
    }
}

/// What the article does not say, for a *related* answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// The asked thing (「门票价格或收费标准」) about a topic (「妇儿大厦」).
    Asked { topic: String, label: String },
    /// A place the article does not cover (上海), while it covers `home` (深圳).
    Place { topic: String, place: String, home: String },
    /// A year the article does not cover (2023), while it covers `year` (2024).
    Year { topic: String, asked: u16, year: u16 },
}

/// One topic of the question and the facts that answer it.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub item: u8,
    /// Indexes into the item's facts, best first.
    pub facts: Vec<usize>,
    /// Set when this topic's question is one the article does not answer.
    pub missing: Option<Missing>,
}

/// What was asked, as the analysis saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    /// The kind's short name (`quantity`, `price` …).
    pub kind: String,
    /// The label of what was asked (人数, 门票价格或收费标准 …).
    pub label: String,
    /// The measure word of a quantity question (人次), if any.
    pub unit: Option<String>,
}

/// How a reply opens: the answer itself, before the fact that says it. Set only where
/// the first fact plainly holds it (the reply renders it in the asker's language: 有 /
/// 是的 / Yes, 不是 / No, 「答：1480间」 / "Answer: 1,480"). The one model of an answer's
/// lead: the figure a count asks for is [`Lead::Figure`], nowhere else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lead {
    /// The thing asked about exists or happened (有没有…, 有…吗, is there …).
    Exists,
    /// What the question says is so (是不是…, …吗), or a compared figure holds.
    Affirms,
    /// A compared figure plainly does not hold (是不是超过2000间 when the fact says 1480间).
    Denies,
    /// The figure a "how many" question asks for, as the first fact writes it (the part's
    /// figure when the question asks for a part: 其中线上的呢 → 4场).
    Figure(Box<FigureLead>),
}

/// The answering figure of a fact: 「716万余人次」 in 「…累计到访716万余人次…」.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureLead {
    /// The sentence that holds it (an index as for [`crate::knowledge::Item::sentence`]).
    pub fact: usize,
    /// The figure with its unit, exactly as the sentence writes it (`716万余人次`, `逾36万元`).
    pub text: String,
    /// Where `text` starts in the sentence (bytes).
    pub start: usize,
}

impl Lead {
    /// The answering figure, for a figure lead.
    pub fn figure(&self) -> Option<&FigureLead> {
        match self {
            Lead::Figure(figure) => Some(figure),
            Lead::Exists | Lead::Affirms | Lead::Denies => None,
        }
    }

    /// The lead of a comparison the article's figure settles: 是的 when it holds, 不是 when
    /// it plainly does not, none when it does not tell.
    pub fn of_comparison(holds: Option<bool>) -> Option<Lead> {
        holds.map(|holds| if holds { Lead::Affirms } else { Lead::Denies })
    }
}

/// A yes/no question comparing a figure with the article's (超过1000场了吗, 是不是已经有2000间
/// 了, more than 1,000), answered by the fact holding the article's figure of that unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureComparison {
    /// The question's figure as written, normalized (`1000场`, `2000间`).
    pub asked: String,
    pub relation: Relation,
    /// The article's figure that answers it, as written (`1458场`, `1480间`).
    pub found: String,
    /// `Some(true)` when the article's figure plainly makes the question's claim true (the
    /// reply opens with 是的 / Yes), `Some(false)` when it plainly makes it false (不是 /
    /// No), `None` when it does not tell (超2万 against "more than 30,000").
    pub holds: Option<bool>,
}

/// A structured answer, independent of how it is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub intent: Intent,
    pub status: Status,
    /// The (first) matched item's number; `None` unless the intent is `Item` or `Ordinal`.
    pub item: Option<u8>,
    /// Confidence in `0.0..=1.0`.
    pub confidence: f32,
    /// Indexes into the first item's facts, best first.
    pub facts: Vec<usize>,
    /// Set when the (first) topic's question is one the article does not answer.
    pub missing: Option<Missing>,
    /// Further topics of the same question, in the question's order.
    pub more: Vec<Part>,
    /// Other item numbers the user may have meant, best first.
    pub suggestions: Vec<u8>,
    pub asked: Option<Asked>,
    /// For `NoSuchItem`: the position asked for.
    pub position: Option<i64>,
    /// The facts the question is about, for the next follow-up (empty: the whole item).
    pub topic_facts: Vec<usize>,
    /// What came from the conversation.
    pub context_use: ContextUse,
    /// How the reply opens, where the first fact plainly holds the answer: the figure a
    /// count asks for, or 有 / 是的 / 不是 for a yes/no question.
    pub lead: Option<Lead>,
    /// For a yes/no question comparing a figure: the comparison and whether the answering
    /// figure settles it (then `lead` is [`Lead::of_comparison`]).
    pub comparison: Option<FigureComparison>,
}

impl Answer {
    pub(crate) fn without_item(intent: Intent) -> Answer {
        let status = match intent {
            Intent::Declined | Intent::Empty => Status::Declined,
            _ => Status::Answered,
        };
        Answer {
            intent,
            status,
            item: None,
            confidence: 0.0,
            facts: Vec::new(),
            missing: None,
            more: Vec::new(),
            suggestions: Vec::new(),
            asked: None,
            position: None,
            topic_facts: Vec::new(),
            context_use: ContextUse::default(),
            lead: None,
            comparison: None,
        }
    }

    /// The answer for a whole item shown by number (`/item 5`, a button, 下一件).
    pub fn whole_item(number: u8, fact_count: usize) -> Answer {
        let mut answer = Answer::without_item(Intent::Ordinal);
        answer.item = Some(number);
        answer.confidence = 1.0;
        answer.facts = (0..fact_count).collect();
        answer
    }

    /// Every topic answered: the first item and the further ones.
    pub fn parts(&self) -> Vec<Part> {
        let mut parts = Vec::new();
        if let Some(item) = self.item {
            parts.push(Part {
                item,
                facts: self.facts.clone(),
                missing: self.missing.clone(),
            });
        }
        parts.extend(self.more.iter().cloned());
        parts
    }

    /// Every item answered, in order, without repeats.
    pub fn items(&self) -> Vec<u8> {
        let mut items: Vec<u8> = Vec::new();
        for part in self.parts() {
            if !items.contains(&part.item) {
                items.push(part.item);
            }
        }
        items
    }
}
