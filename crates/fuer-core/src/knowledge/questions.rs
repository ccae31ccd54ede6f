//! The question-words file (`questions.toml`): the words that tell *what* a question asks.
//!
//! Admins extend these lists without touching code. The engine's question analysis
//! ([`crate::engine`]) compiles them: cue words name what is asked (a quantity, a price,
//! opening hours, how to apply …) and which facts can answer it; unit classes say which
//! measure words agree (多少人 is answered by 716万余人次, not by 1458场); scope markers name
//! places and years the article does not cover. Parsing reports every problem as
//! `file:line: message`, like the other knowledge files.
//! The model is here; reading and checking the file is `questions/parse.rs`.

use serde::Deserialize;

mod parse;

pub(super) use parse::parse_questions;

/// The file name of the question words in the knowledge directory.
pub const QUESTIONS_FILE_NAME: &str = "questions.toml";

/// How a fact can answer one kind of question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerRule {
    /// Any fact about the topic answers it (what is X, who, yes/no).
    #[default]
    Any,
    /// A fact with a figure answers it (of an agreeing unit when the question names one).
    Figure,
    /// A fact containing one of the kind's `words` answers it.
    Words,
    /// The article never says it (prices, opening hours, how to apply …).
    None,
}

impl AnswerRule {
    pub fn name(self) -> &'static str {
        match self {
            AnswerRule::Any => "any",
            AnswerRule::Figure => "figure",
            AnswerRule::Words => "words",
            AnswerRule::None => "none",
        }
    }
}

/// One kind of question: its cue words, a label for "the article does not say …", and
/// which facts answer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskedKind {
    /// A short ASCII name (`quantity`, `price`, `hours` …) shown in traces and logs.
    pub kind: String,
    /// What was asked, in Chinese, as in 「文章没有提到妇儿大厦的{label}。」
    pub label: String,
    /// The same in English (`ticket prices or fees`); empty when not written.
    pub label_en: String,
    pub answer: AnswerRule,
    /// Words in a question that ask for this.
    pub cues: Vec<String>,
    /// For `answer = "figure"`: measure words a figure must have (empty: any figure).
    pub units: Vec<String>,
    /// For `answer = "words"`: words a fact must contain.
    pub words: Vec<String>,
    /// A cue of this kind sets the time the question is about (明年, 今后): it is never a mere
    /// modifier, as 明年计划再建多少个建设点 asks about next year, not the count the article gives.
    pub scope: bool,
}

/// Measure words that agree: a question asking 多少人 is answered by a figure in 人, 名, 人次 ….
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitClass {
    /// What is counted, in Chinese (人数, 场次 …), for "the article does not say …".
    pub label: String,
    /// The same in English (`number of people`); empty when not written.
    pub label_en: String,
    /// Words after 多少/几 (or nouns anywhere in the question) that ask for this unit.
    pub asked: Vec<String>,
    /// Measure words of a fact's figures that answer it; empty: any figure.
    pub answered_by: Vec<String>,
}

/// What the article covers: one year, one city. Other places and years are outside it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scope {
    /// The year the article reports on.
    pub year: u16,
    /// The article's own place, for replies (深圳).
    pub home: String,
    /// Its English name, for English replies (`Shenzhen`); empty when not written.
    pub home_en: String,
    /// Places a question may name that the article does not cover (unless a fact names them).
    pub other_places: Vec<String>,
}

/// Words of follow-up messages in a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FollowUpWords {
    /// The next item: 下一件, next.
    pub next: Vec<String>,
    /// The previous item: 上一件, previous.
    pub previous: Vec<String>,
    /// More of the current item: 详细一点, 还有呢, more.
    pub more: Vec<String>,
    /// Words that point back at the conversation's topic: 它, 她们, 其中, 那里, they, it.
    pub references: Vec<String>,
    /// Words that continue a conversation, a weaker hint: 那…呢, and, what about.
    pub continuations: Vec<String>,
    /// Polite words and fillers (请问, 麻烦): not new words of a follow-up.
    pub fillers: Vec<String>,
    /// Everyday words asking about an aspect of any topic (参加, 效果, 具体, 获奖): a
    /// follow-up using them asks about the conversation's topic, they are not new words.
    pub aspects: Vec<String>,
    /// Words asking for something not said yet (别的, 其他, else, other): a follow-up
    /// using them prefers the facts the conversation has not shown.
    pub others: Vec<String>,
    /// Aspects a follow-up may ask of its topic (its effect, what it does, its model, its
    /// documents, its meetings) and the words of a sentence that say them.
    pub aspect_facts: Vec<AspectFacts>,
}

/// One aspect of a topic a follow-up may ask (效果怎么样, 用的什么模式): the question's
/// words that ask it and the sentence words that say it (有效, 方式).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AspectFacts {
    pub asks: Vec<String>,
    pub said_by: Vec<String>,
}

/// Word lists of the `[words]` table: plain lexical knowledge an admin may extend.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lexicon {
    /// Measure words besides those of the unit classes (张, 份, 届): after one of them a
    /// single numeral is a number (两张 → 2张).
    pub measure_words: Vec<String>,
    /// Whole messages that greet (你好, 在吗, hello).
    pub greetings: Vec<String>,
    /// Characters that carry no topic (了, 的, 吗, 呢): they end what a question counts
    /// (多少个社区呢 → 社区) and are not new words of a follow-up.
    pub particles: Vec<String>,
    /// Question words (多少, 几, 哪, 谁, 什么, how, when): a cue holding one is a question of
    /// its own (几点, 多少钱); other cues are nouns (门票, 电话) that decide what is asked
    /// only where the question asks about them.
    pub interrogatives: Vec<String>,
    /// Words of yes/no questions (吗, 是不是, 有没有, is there).
    pub yes_no: Vec<String>,
    /// The names of the days of the week that stand where a cue asking a day has 几 (三 of
    /// 周三 for 周几, 日 and 天 of 星期日, 星期天): a cue asking 周几 is answered by an article
    /// that writes one of them there (每周三晚). Taken as written, not normalized.
    pub weekdays: Vec<String>,
    /// The verbs that follow the name of a person an article quotes after their title (说,
    /// 介绍, 表示: 负责人何婉清介绍): the name answers a kind asking who holds the title
    /// (负责人是谁; `analysis::written`).
    pub name_verbs: Vec<String>,
    /// Words closing examples the asker offers (这种, 这类, 之类: 地铁站、高铁站这种算不算):
    /// a cue among the examples is a thing asked about, not what is asked.
    pub examples: Vec<String>,
    /// Words asking whether what the asker heard is true (真的, 真㗎, 属实, really): a yes/no
    /// word governing only one of them asks to confirm the words before it (听说有个五分钟
    /// 救助服务圈，是不是真的 → 救助服务圈), not whether something named 真的 exists.
    pub confirmations: Vec<String>,
    /// Words opening the asker's self-introduction (我是, 我在, 我住, 本人, 作为, I am, we
    /// live): a place named only there is the asker's, not the question's scope.
    pub askers: Vec<String>,
    /// Words asking whether the asker may do something (能不能, 可不可以, can I): who the
    /// asker is then is the condition asked about, so their introduction's place stays.
    pub permission: Vec<String>,
    /// Words of who the asker is (妈妈, 老板, 柜员): after a place in a clause that asks
    /// nothing (南山做机器人的妈妈, 罗湖典当行老板问一句), the place is the asker's.
    pub personas: Vec<String>,
    /// Words naming the whole city (全市, 市里): the clause asking with one asks the city's
    /// figure, whatever place another clause names (盐田这边…, 全市一共做了多少例).
    pub city_wide: Vec<String>,
    /// Words of what the asker heard (听说, 听讲): a place after one is what is asked about.
    pub hearsay: Vec<String>,
}

/// Words of limits (`[limits]`): a question asking for one (至少, 最多, at least) is answered
/// first by a sentence writing one (不少于3000册, 不超过300元).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LimitWords {
    /// Words of a question asking for a limit (至少, 最少, 最多, 不超过, at most).
    pub asked: Vec<String>,
    /// Words of a sentence writing a limit (不少于, 不超过, 至少, 最高).
    pub written: Vec<String>,
}

/// Words of questions that ask for a whole (`[whole]`): a count asked of all of something,
/// or of a place the article's place is part of. A figure answers them only where its own
/// words say it counts that whole.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WholeWords {
    /// What is missing when the article counts only a part, in Chinese, as in
    /// 「文章没有提到留守儿童的{label}。」(总数).
    pub label: String,
    /// Words that ask for a whole count (一共, 所有, 总共, in total): a figure that counts only
    /// those something reached (结对关爱3698名留守儿童) does not answer them.
    pub totals: Vec<String>,
    /// Wholes the article's place is part of (全省, 广东, 全国): a count asked of one of them
    /// is answered only by a figure whose own clause names it (全国68家分公司), not by the
    /// article's place's count (深圳全市…1767个, 位居全省前列).
    pub places: Vec<String>,
    /// Words that rank the article's place within a whole (排, 前列, 第几): there the whole
    /// is the frame of the question (在全省排第几), not the scope of a count.
    pub ranks: Vec<String>,
    /// Words that ask for a part of what was just counted (其中, 当中: 其中线上的呢): a fact
    /// that gives the count without that part does not answer them.
    pub part_markers: Vec<String>,
    /// Characters that, right after a part marker, begin the asking words rather than the
    /// part (其中有多少, 其中哪个): one character each.
    pub part_asking: Vec<String>,
    /// Pairs of opposite characters (上下, 内外) that, each written after the same character
    /// (线上线下, 省内省外), name a whole made of two halves: a fact writing it gives no figure
    /// of one half (线上的有多少场).
    pub paired: Vec<String>,
    /// Words of a figure's clause saying it counts the whole city or year (全市, 全年, 累计:
    /// 全市全年发放生育津贴46.8亿元 is the total a question asking 一共 wants).
    pub said_by: Vec<String>,
    /// Words pointing back to those who did what a figure counts (她们, 他们, they): a whole
    /// asked of what they did (她们一共帮了几个孩子) is the figure's own total, not the whole
    /// population's.
    pub agents: Vec<String>,
}

/// Words that compare a figure of a yes/no question with the article's (`[compare]`):
/// 超过1000场了吗, 有没有超过两千名, 是不是已经有2000间了, more than 1,000.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompareWords {
    /// Before the figure: the question asks whether the article's figure is larger (超过, 多于,
    /// more than).
    pub more: Vec<String>,
    /// … smaller (不到, 少于, less than).
    pub less: Vec<String>,
    /// … at least as large (已经有, 达到, at least).
    pub reached: Vec<String>,
    /// Around the figure: the question's figure is a rough one (大概, 左右, about); only the
    /// same figure settles it.
    pub about: Vec<String>,
}

/// Alternative questions (`[alternative]`: 是累计还是2024年新建的): answered only by a fact
/// that says one of the alternatives.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AlternativeWords {
    /// What is missing when no fact settles it, as in 「文章没有提到母婴室的{label}。」.
    pub label: String,
    /// The words between the alternatives (还是, 定系).
    pub words: Vec<String>,
    /// Further words that offer a place as one of several (河源或者汕尾) without making an
    /// alternative question (或者 asks yes or no: 线上或者线下都可以吗): a place right before
    /// or after one of these or of `words` is offered, not asked about.
    pub offered: Vec<String>,
}

/// Details a question asks of the article's sentences that a sentence says only where it
/// writes them (`[listing]`, `[groups]`): the names of counted things, and whether a group
/// of people the asker names may take part.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DetailWords {
    /// What is missing when no sentence says it, as in 「文章没有提到母婴室的{label}。」.
    pub label: String,
    /// The same in English; empty when not written.
    pub label_en: String,
    /// Words of the question that ask it (分别是哪些, 名单; 男孩, 成年, 外籍).
    pub asks: Vec<String>,
    /// For `[listing]`: what marks names listed in a figure's clause (、, “, 等).
    pub listed_by: Vec<String>,
}

/// The whole question-words file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuestionWords {
    /// In priority order: when a question has cues of several kinds, the first kind wins.
    pub asked: Vec<AskedKind>,
    pub units: Vec<UnitClass>,
    pub scope: Scope,
    pub follow_up: FollowUpWords,
    pub lexicon: Lexicon,
    pub whole: WholeWords,
    pub compare: CompareWords,
    pub alternative: AlternativeWords,
    pub limits: LimitWords,
    /// `[listing]`: the names of things the article only counts (1480间母婴室分别在哪).
    pub listing: DetailWords,
    /// `[groups]`: groups of people a sentence must name to say they may take part (男孩,
    /// 成年女性, 外籍).
    pub groups: DetailWords,
    /// `[naming]`: the name of a thing asked (政策性文件叫什么名字) is said only by a clause
    /// writing a name (`listed_by`: “, 《) beside the thing.
    pub naming: DetailWords,
    /// `[target]`: what was actually reached (实际达到了多少, `asks`) is not said by a figure
    /// its clause gives as a goal (`listed_by`: 目标, 任务: 覆盖率达60%的年度目标任务).
    pub target: DetailWords,
    /// `[dialect] cantonese` and `sichuanese`: dialect words of questions and the Mandarin
    /// they mean (几多 → 多少, 喺 → 在; 啥子 → 什么, 屋头 → 家里), as written; applied to
    /// questions only, never to the article.
    pub dialect: Vec<(String, String)>,
}

impl QuestionWords {
    /// Every measure word: the `[words]` list, the unit classes' words and the kinds' units
    /// (but not the pseudo-units 年份 and 第), as written. The one list figures are read
    /// and numerals normalized with.
    pub fn measure_words(&self) -> impl Iterator<Item = &str> {
        self.lexicon
            .measure_words
            .iter()
            .chain(
                self.units
                    .iter()
                    .flat_map(|class| class.asked.iter().chain(&class.answered_by)),
            )
            .chain(self.asked.iter().flat_map(|kind| &kind.units))
            .map(String::as_str)
            .filter(|word| *word != YEAR_UNIT && *word != ORDINAL_UNIT)
    }
}

/// The pseudo-unit of calendar years in `units` of an `[[asked]]` kind (2024年).
pub(crate) const YEAR_UNIT: &str = "年份";
/// The pseudo-unit of ordinals (第七次) in `units` of an `[[asked]]` kind.
pub(crate) const ORDINAL_UNIT: &str = "第";
