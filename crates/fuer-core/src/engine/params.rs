//! Every tuning constant of the engine, named and explained, in one place.
//!
//! Scores are sums of evidence: a two-character keyword found exactly counts 1.0, longer
//! keywords up to [`MAX_KEYWORD_WEIGHT`] (see the keyword weights below). The other
//! constants scale the other kinds of evidence against that unit.

/// Keyword weight: each Chinese character beyond two adds this to 1.0 (四个字 → 2.0).
pub const KEYWORD_CHARACTER_WEIGHT: f32 = 0.5;
/// Keyword weight: a one-character keyword counts this much.
pub const ONE_CHARACTER_KEYWORD_WEIGHT: f32 = 0.5;
/// Keyword weight: each English word beyond the first adds this to 1.0 (nursing room → 1.7).
pub const ENGLISH_KEYWORD_WORD_WEIGHT: f32 = 0.7;
/// Keyword weight: an English keyword with fewer letters or digits than this (hk, 5g) …
pub const MIN_ENGLISH_KEYWORD_LETTERS: usize = 3;
/// … counts this much.
pub const SHORT_ENGLISH_KEYWORD_WEIGHT: f32 = 0.8;
/// Keyword weight: no keyword counts more than this.
pub const MAX_KEYWORD_WEIGHT: f32 = 3.0;

/// Below this item score the engine declines: roughly one two-character keyword.
pub const MIN_ITEM_SCORE: f32 = 1.0;
/// Another item within this share of the best score makes the answer ambiguous.
pub const AMBIGUITY_RATIO: f32 = 0.75;
/// Confidence is multiplied by this when the answer is ambiguous.
pub const AMBIGUOUS_CONFIDENCE_FACTOR: f32 = 0.6;
/// Another item with a keyword hit of its own within this share is offered as a suggestion.
pub const ALSO_MENTIONED_RATIO: f32 = 0.45;
/// A declined question still suggests items with a keyword hit and this share of
/// [`MIN_ITEM_SCORE`].
pub const DECLINED_SUGGESTION_RATIO: f32 = 0.6;

/// A homophone (same toneless pinyin) keyword hit counts this share of an exact hit.
pub const PINYIN_HIT_FACTOR: f32 = 0.9;
/// A near-homophone hit (pinyin equal after merging in/ing, en/eng, an/ang, z/zh, c/ch,
/// s/sh, l/n, f/h) counts this share of an exact hit, for keywords of
/// [`FUZZY_PINYIN_LONG_KEYWORD_CHARS`] or more characters.
pub const FUZZY_PINYIN_HIT_FACTOR: f32 = 0.75;
/// The same for shorter keywords: weaker evidence, more everyday collisions.
pub const FUZZY_PINYIN_SHORT_HIT_FACTOR: f32 = 0.7;
pub const FUZZY_PINYIN_LONG_KEYWORD_CHARS: usize = 4;
/// A near-homophone hit needs at least this share of the keyword's characters typed right
/// (everyday words that merely sound alike are no hit).
pub const FUZZY_PINYIN_MIN_RIGHT_SHARE: f32 = 0.5;
/// Shortest Han keyword matched by pinyin (two-character homophones such as 一秒/疫苗
/// collide with everyday words).
pub const MIN_PINYIN_KEYWORD_CHARS: usize = 3;
/// A one-edit keyword hit counts this share of an exact hit ([`LONG_EDIT_KEYWORD_CHARS`]
/// characters or more) …
pub const FUZZY_HIT_FACTOR: f32 = 0.7;
/// … and this share for shorter keywords: one wrong character in four is weaker.
pub const FUZZY_SHORT_HIT_FACTOR: f32 = 0.5;
/// Shortest Han keyword matched by edit distance (a keyword of this length may have one
/// wrong or one extra character, a longer one also one missing).
pub const MIN_EDIT_KEYWORD_CHARS: usize = 4;
/// Keywords of this length or more count [`FUZZY_HIT_FACTOR`] when matched by edit distance.
pub const LONG_EDIT_KEYWORD_CHARS: usize = 5;
/// Keywords of this length or more may be matched with two edits.
pub const TWO_EDIT_KEYWORD_CHARS: usize = 8;

/// A keyword that is a place outside the article's scope (香港, 福田区) counts this share:
/// a city or district alone names no topic of the article.
pub const PLACE_KEYWORD_FACTOR: f32 = 0.5;
/// How much fact-text overlap (IDF-weighted character bigrams) counts towards an item's score.
pub const OVERLAP_FACTOR: f32 = 0.45;
/// Fact-text overlap up to this much (about one rare and one common bigram) is noise: only
/// the excess counts towards an item's score.
pub const OVERLAP_FLOOR: f32 = 4.6;
/// A figure of the question found in a fact counts this much, shared among the facts that
/// hold it.
pub const FIGURE_LOOKUP_WEIGHT: f32 = 3.0;
/// A figure the question gives only as a lower bound (六百多场, 超过1000场: the asker's
/// rough guess to check) counts this share of [`FIGURE_LOOKUP_WEIGHT`]: its round digits
/// match another item's 600余场 as readily as the 617场次 meant, so it must not outweigh the
/// keyword naming the topic (宣讲活动).
pub const APPROXIMATE_FIGURE_FACTOR: f32 = 0.5;

/// A time cue (明年) with 我 this many characters before it or fewer tells the asker's own
/// plans (我们明年结婚, 我姐明年毕业), not the time the question asks about.
pub const OWN_PLAN_CHARS: usize = 3;

/// A figure of the question with at most this many digits (13, 30) finds a fact's figure
/// only with the same measure word, when both have one (13岁 is not 13个城中村).
pub const SMALL_FIGURE_DIGITS: usize = 2;

/// Fact ranking: a keyword written on a fact counts this much more than an item keyword.
pub const FACT_KEYWORD_LEVEL: f32 = 1.5;
/// Fact ranking: share of a bigram's sentence-IDF added to each fact of the item holding it.
pub const FACT_BIGRAM_FACTOR: f32 = 0.5;
/// Fact ranking: a word of the noun the question asks about (着力点是什么 → 着力点) counts
/// this many times a word elsewhere in the question.
pub const HEAD_NOUN_WORD_FACTOR: f32 = 2.0;
/// Fact ranking: a figure of the question found in the fact, times its lookup weight.
pub const FACT_FIGURE_LOOKUP_FACTOR: f32 = 2.0;
/// Fact ranking: a fact that answers what is asked (a figure for "how many", a place for
/// "where" …).
pub const ANSWERS_ASKED_BONUS: f32 = 2.5;
/// Fact ranking: the fact's figure has the very measure word the question used (多少人次 → 人次).
pub const EXACT_UNIT_BONUS: f32 = 1.5;
/// Fact ranking: a fact that says what a modifier of the question says (免费的培训 → a fact
/// with 免费) counts this much more.
pub const MODIFIER_FACT_BONUS: f32 = 1.5;
/// Fact ranking: added to the topic of a fact that answers and gives the city's or the year's figure of
/// the thing a question asking for a whole counts (全市全年发放生育津贴46.8亿元 for 一共…).
pub const WHOLE_FIGURE_BONUS: f32 = 2.5;
/// Fact ranking: added to the topic of a fact that answers and writes a limit (不少于3000册) when the
/// question asks for one (至少要有多少本): the sentence writing the limit's figure is the answer,
/// before a sentence that names the topic more fully but only counts the same measure (新增少儿图书38万册).
pub const BOUND_FACT_BONUS: f32 = 6.0;
/// Limits: how many characters before a written limit word may hold its figure (30小时以上: a
/// figure, then a unit of up to two characters); a limit word with no figure there or right
/// after it (最多的一次) writes no limit.
pub const LIMIT_FIGURE_REACH: usize = 3;
/// Fact ranking: the item's headline can answer too (超2万个岗位, 第一批 are only there), at
/// this share of its score, so that a body sentence with the same evidence comes first.
pub const HEADLINE_FACT_FACTOR: f32 = 0.8;
/// Facts scoring at least this share of the best fact are listed (at most [`MAX_ANSWER_FACTS`]).
pub const LISTED_FACT_RATIO: f32 = 0.5;
/// Most facts listed in an answer.
pub const MAX_ANSWER_FACTS: usize = 3;
/// Most suggestions offered.
pub const MAX_SUGGESTIONS: usize = 3;

/// Topic narrowing: when the best fact has at least this much fact-specific evidence
/// (a narrowing fact keyword, a figure of the question), only facts with [`NARROW_RATIO`] of it
/// are about the asked topic; otherwise the question is about the item as a whole.
pub const NARROW_MIN: f32 = 1.5;
/// A fact keyword narrows the question to its fact only when its words appear in fewer
/// than this share of the item's facts (else it names the item's subject).
pub const NARROWING_SHARE: f32 = 0.5;
pub const NARROW_RATIO: f32 = 0.5;
/// Facts narrowed by fact keywords that all lie outside the question's head noun (they
/// modify what is asked: 遛娃的人有多少) and none of which answers are joined by an answering
/// fact the question points at this share as strongly (`ranking::with_stronger_answers`;
/// 1.0 when a keyword is the head itself).
pub const MODIFIER_NARROWED_ANSWER_RATIO: f32 = 0.5;

/// Several topics: each part of the question needs this item score of its own.
pub const MIN_PART_SCORE: f32 = 1.0;
/// Most parts answered for one question.
pub const MAX_PARTS: usize = 3;

/// An existence (母婴室有没有热水) or count (多少会员) question about a thing none of whose
/// pairs of characters the article writes is related only when the thing is this short (a
/// noun, not a clause telling a need).
pub const UNNAMED_THING_MAX_CHARS: usize = 4;
/// An existence question asks about a thing up to this long (免费尿不湿): one whose last
/// pair of characters the article does not write, one of them never, is related (the
/// facts name 免费, not the thing); a longer one tells a need.
pub const UNNAMED_MODIFIED_THING_MAX_CHARS: usize = 6;
/// … and in 「X有Y吗」 (母婴室里有热水吗) or 「X有没有Y」 (母婴室里头有没有热水) at most this
/// many characters other than particles (a locative: 里, 里头) stand between the topic X and
/// the asking words.
pub const UNNAMED_THING_GAP_CHARS: usize = 2;
/// A question asking the names of counted things (13个城中村是哪些) asks what its fact
/// says when the noun after its asking word (哪些场所), read up to this many characters,
/// is written in the fact.
pub const LISTED_NOUN_MAX_CHARS: usize = 4;

/// A question asking the name of a thing (政策性文件叫什么名字) reads the thing before its
/// asking words up to this many characters (`naming.rs`).
pub const NAMED_THING_MAX_CHARS: usize = 6;
/// A keyword of the item ending with the thing asked is the thing's name (维权关爱智慧系统 of
/// 那个系统全称叫什么) when it writes at least this many characters before the thing.
pub const KEPT_NAME_MIN_EXTRA_CHARS: usize = 2;
/// A fact writing, right before the thing whose name is asked, a compound of at least this
/// many characters with no particle (…思想政治引领暨新媒体宣传信息工作培训班) holding words of
/// the question writes the thing's full name (`naming.rs`).
pub const NAME_COMPOUND_MIN_CHARS: usize = 6;

/// A noun cue is among examples the asker offers (地铁站、高铁站这种算不算) when a word closing
/// examples (`[words] examples`) starts at most this many characters after it (the other
/// examples between: 高铁站).
pub const EXAMPLES_MAX_CHARS: usize = 8;

/// A place asked by its rank (哪个区) is answered by a place word of this many characters
/// ending in the rank (坪山区, 汕尾市; not 社区 or 居民小区: `analysis/rank.rs`).
pub const RANKED_PLACE_NAME_CHARS: usize = 3;
/// Follow-ups: a question without a topic of its own continues the conversation only if
/// at most this many pairs of its characters are words the article never uses …
pub const FOLLOW_UP_MAX_UNKNOWN_BIGRAMS: usize = 3;
/// … and at most this share of them (推荐几个深圳好吃的餐厅 is a new question).
pub const FOLLOW_UP_MAX_UNKNOWN_SHARE: f32 = 0.6;
/// … unless it asks for something specific (a figure, a place) with one such pair (網上嘅有
/// 幾場), or at most this many and a word of the conversation's item (是几个部门一起搞的: 部门).
pub const FOLLOW_UP_SPECIFIC_UNKNOWN_BIGRAMS: usize = 3;
/// … a word of the item counting only when few items use it (item IDF at least this: in at
/// most about a third of the items), so 深圳 of 推荐几个深圳好吃的餐厅 does not count.
pub const FOLLOW_UP_ITEM_WORD_MIN_IDF: f32 = 1.0;
/// Follow-ups: IDF-weighted overlap with one of the conversation item's sentences that
/// makes a general question (哪些, 什么) a follow-up about it.
pub const FOLLOW_UP_MIN_OVERLAP: f32 = 1.5;
/// Follow-ups: evidence of the question's own words for a fact outside the conversation's
/// focus that lets it answer (覆盖了几个社区 after a question about the pilot district).
pub const FOCUS_ESCAPE_TOPIC: f32 = 0.5;
/// Follow-ups: a general follow-up (它实现了哪些功能) prefers the conversation's facts by
/// this much, less than one rare word of the question pointing elsewhere.
pub const FOCUS_PREFERENCE: f32 = 0.5;
/// Follow-ups: a question naming the conversation's item among others stays with it only
/// if the item scores at least this share of the best item.
pub const CONTEXT_TOPIC_RATIO: f32 = 0.5;

/// Knowledge checks: a fact that is not a sentence of the article is shown beside the
/// article's most similar sentence when they are at least this similar (normalized
/// Levenshtein); below it, the fact is reported as not in the article at all.
pub const CLOSE_SENTENCE_SIMILARITY: f64 = 0.5;

/// Figures: how many characters after a figure say what it counts (24个社区 → 社区全覆).
pub const FOLLOWER_CHARS: usize = 4;
/// Figures: a figure answers "how many X" with the very thing counted when the characters
/// after it begin with at least this many characters of X (多少个社区 → 24个社区).
pub const COUNTED_PREFIX_CHARS: usize = 2;
/// Figures: how many characters after a figure's measure word its noun phrase may hold
/// before the counted noun heads it (120名家庭教育专家 counts 专家).
pub const NOUN_PHRASE_CHARS: usize = 8;
/// Figures: the longest noun after a figure's measure word that ends in the question's
/// measure word and so counts the same things (四大板块 answers 几大块).
pub const MEASURE_NOUN_CHARS: usize = 2;
/// Navigation: most characters a navigation message may have besides its phrase
/// (下一件是什么, 能详细说说吗).
pub const NAVIGATION_FILLER_CHARS: usize = 3;

/// A yes/no question's reply opens with 有 / 是的 only when this share of the question's
/// words (its claim) is found in the first fact (see `lead.rs`).
pub const LEAD_MIN_COVERAGE: f32 = 0.75;
/// English words shorter than this (a, in, the) are no part of a question's claim.
pub const LEAD_MIN_ENGLISH_WORD_LETTERS: usize = 4;

/// Choosing the answering figure of a fact (「爱心妈妈本身有几位」 → 2317名, not 3698名):
/// a figure of the very unit or counted noun asked for outweighs any word evidence …
pub const LEAD_EXACT_FIT: u32 = 20;
pub const LEAD_FIT: u32 = 10;
/// … then what the question counts (多少孩子 → 儿童) found in what the figure counts …
pub const LEAD_COUNTED: u32 = 10;
/// … then each word of the question (a Chinese bigram, an English word) found around the
/// figure in its clause (see `lead.rs`), up to this many.
pub const LEAD_MAX_WORDS: u32 = 4;
/// English question words that tell nothing about what a figure counts.
pub const LEAD_ENGLISH_STOP_WORDS: &[&str] = &[
    "many", "much", "there", "have", "been", "were", "does", "what", "which", "with", "from", "that", "this", "they",
    "their", "total", "number", "shenzhen", "article",
];
/// Characters before a figure that belong to it (逾36万元, 超2.3万个, 近60%, 约1000个).
pub const LEAD_QUALIFIERS: &[char] = &['逾', '超', '近', '约'];

/// Fallback when no keyword is found (`fallback.rs`): an item needs at least this BM25-style
/// score (sentence IDF of the question's character pairs, plus its keywords' pairs) …
pub const FALLBACK_MIN_SCORE: f32 = 6.0;
/// … and this many times the next item's score.
pub const FALLBACK_MARGIN: f32 = 1.4;
/// Fallback: BM25's term-frequency saturation and length normalization.
pub const FALLBACK_BM25_K1: f32 = 1.2;
pub const FALLBACK_BM25_B: f32 = 0.5;
/// Fallback: a pair of the question found in an item's keywords counts its item IDF times this.
pub const FALLBACK_KEYWORD_FACTOR: f32 = 1.0;
/// Fallback: a pair of characters is rare when its sentence IDF is at least this (it is in
/// a few sentences), or when the keywords of one item only hold it …
pub const FALLBACK_RARE_PAIR_IDF: f32 = 2.5;
/// … and the fallback's item must hold at least this many rare pairs of the question.
pub const FALLBACK_MIN_RARE_PAIRS: usize = 2;
/// Follow-ups: a fact saying the aspect a follow-up asks of the conversation's item
/// (效果怎么样 → 有效打通; `[[followup.aspect_facts]]`), three times the focus preference: less
/// than a keyword of the question pointing elsewhere.
pub const ASPECT_FACT_BONUS: f32 = 1.5;
/// Follow-ups asking for an aspect or for something else: a fact the conversation has not
/// shown yet wins a tie.
pub const UNSHOWN_TIE_BONUS: f32 = 0.1;

/// Follow-ups asking for something else (还有别的…吗): the facts already shown weigh this
/// share of their evidence.
pub const OTHERS_SHOWN_FACTOR: f32 = 0.25;

/// How many characters the name of a person an article quotes has (负责人何婉清介绍, 主席罗美华说):
/// the name of a kind answered by no figure (负责人是谁) is read after its title and before one of
/// `[words] name_verbs` (`analysis::written`).
pub const PERSON_NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=3;

/// Added, beside the best candidate's score, to the facts that say the aspect a
/// which-question's head noun names (哪份文件 → 《…》; `head_aspect.rs`): they come first,
/// in their own order, and a fact with no evidence of its own still passes the best one.
pub const HEAD_ASPECT_TIE: f32 = 0.1;
/// A count question: a fact whose fitting figure's clause names the keyword the question
/// counts (直播领域 of 三新领域妇联组织里直播领域的有多少个; `counted.rs`), over one whose
/// figure counts only the frame; as much as the bonus of a fact giving the whole figure.
pub const COUNTED_KEYWORD_BONUS: f32 = 2.0;

/// English words shared with a fact's translation (`english_words.rs`): words shorter
/// than this (of, the, in) are not counted,
pub const ENGLISH_MIN_WORD_CHARS: usize = 3;
/// … nor words common among the translations: a word counts with at least this rarity
/// (log of translated facts over those holding it: in about a twelfth of them or fewer),
pub const ENGLISH_MIN_WORD_IDF: f32 = 2.4;
/// … and the bonus it then gains (others in proportion): a fact keyword's weight.
pub const ENGLISH_FACT_BONUS: f32 = 1.5;
/// … or, for a question naming its topic (its keywords point at facts already), this much:
/// it settles a tie between facts, never outweighs a fact keyword.
pub const ENGLISH_TOPIC_FACT_BONUS: f32 = 0.5;
/// A glossary term an English question says (`english_words.rs`) points at the sentences
/// writing its Chinese only when they are this rare (log of the article's sentences over
/// those writing it: in about a fifth of them or fewer).
pub const ENGLISH_GLOSSED_MIN_IDF: f32 = 1.6;
