//! The words of a sentence: runs of words between punctuation and figures (segmented and
//! tagged by jieba's dictionary, embedded in the binary), the names in quotes (“…” 《…》),
//! and each figure with the noun it counts (1480间母婴室, 母婴室1480间 → 母婴室).
//!
//! Size (about 595 lines, 75 of them unit tests): segmentation, the figure reader and the
//! noun-pairing rules read the same pieces of a sentence, so they stay in one file.

use crate::segment::JIEBA;

/// The longest quoted text taken as a name (longer ones are slogans or speech).
const MAX_NAME_CHARS: usize = 24;
/// The most words of a noun phrase taken as a figure's noun.
const MAX_NOUN_WORDS: usize = 4;

/// Common measure words (classifiers) of Chinese, besides those of `questions.toml`.
const MEASURE_WORDS: &[&str] = &[
    "个",
    "家",
    "名",
    "人",
    "人次",
    "万人次",
    "场",
    "场次",
    "次",
    "间",
    "所",
    "座",
    "处",
    "条",
    "项",
    "件",
    "份",
    "册",
    "本",
    "期",
    "节",
    "台",
    "支",
    "户",
    "对",
    "批",
    "批次",
    "例",
    "剂",
    "元",
    "万元",
    "亿元",
    "岁",
    "年",
    "个月",
    "月",
    "天",
    "日",
    "小时",
    "周",
    "平方米",
    "公里",
    "米",
    "倍",
    "款",
    "类",
    "种",
    "部",
    "篇",
    "届",
    "位",
    "辆",
    "张",
    "套",
    "宗",
    "起",
    "亩",
    "吨",
    "斤",
    "单",
    "户次",
    "棵",
    "所",
    "万册",
    "万户",
    "万名",
    "万人",
    "万元",
    "亿",
    "万",
    "余",
];

/// Words that only say how a figure was reached (建成…, 达到…): not what it counts.
const REPORT_VERBS: &[&str] = &[
    "惠及", "覆盖", "新增", "发放", "建成", "建设", "开展", "提供", "累计", "完成", "吸引", "带动", "接待", "举办",
    "设立", "开设", "组织", "帮助", "参与", "参加", "达到", "超过", "共有", "共计", "合计", "总计", "达", "超", "共",
    "约", "近", "逾", "有", "为", "至", "到", "及",
];

/// Words that say a figure is approximate or a total (超1000个, 达382个, 共覆盖12154人次):
/// cut off before segmenting, so that they do not stick to the noun before them (建设点超).
const APPROXIMATORS: &[&str] = &[
    "不少于",
    "不低于",
    "超过",
    "达到",
    "共计",
    "共有",
    "累计",
    "总计",
    "合计",
    "突破",
    "多达",
    "高达",
    "超",
    "达",
    "逾",
    "近",
    "约",
    "共",
    "仅",
];

/// One word and its part of speech (jieba's tags: `n` noun, `v` verb, `nr` person …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub tag: &'a str,
}

impl Word<'_> {
    /// Nouns, names, nominal verbs and abbreviations: the head of a keyword.
    pub fn is_noun(&self) -> bool {
        self.tag.starts_with('n') || matches!(self.tag, "vn" | "an" | "j" | "eng")
    }

    /// Words that may stand before a noun in a noun phrase: nouns, adjectives, attributive
    /// and time words (公共, 灵活, 课后).
    pub fn is_modifier(&self) -> bool {
        self.is_noun() || matches!(self.tag, "a" | "b" | "t" | "s" | "f")
    }

    pub fn is_verb(&self) -> bool {
        self.tag.starts_with('v')
    }

    /// A person's name (张燕).
    pub fn is_person(&self) -> bool {
        self.tag.starts_with("nr")
    }

    fn is_report_verb(&self) -> bool {
        REPORT_VERBS.contains(&self.text)
    }
}

/// How common a word is in general Chinese: its count in jieba's dictionary (an estimate
/// for words it does not have).
pub fn general_frequency(word: &str) -> usize {
    JIEBA.suggest_freq(word)
}

/// A figure of a sentence and what it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure<'a> {
    /// As written: digits, scale and measure word (`1480间`, `2.35亿元`, `98%`).
    pub text: String,
    /// The noun phrases right before the figure and right after its measure word, if any;
    /// a name in quotes is one word.
    pub nouns: Vec<Vec<Word<'a>>>,
    /// What the figure counts said more widely, for a noun too generic to be a keyword on
    /// its own: the noun before it with the verbs and nouns that say which (亲子阅读活动2900余场
    /// → 亲子阅读活动, 参与家庭16.5万户 → 参与家庭), or the verb right after it when no noun
    /// follows (9200余人次参赛 → 参赛).
    pub wide: Vec<Vec<Word<'a>>>,
}

/// What a sentence is made of.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceWords<'a> {
    /// Runs of words between punctuation, quotes and figures.
    pub runs: Vec<Vec<Word<'a>>>,
    /// Texts in quotes short enough to be names, in order.
    pub names: Vec<&'a str>,
    pub figures: Vec<Figure<'a>>,
    /// A name in quotes with the head noun of the noun phrase right after it, as residents
    /// say it (“心晴童伴”儿童心理援助热线 → 心晴童伴热线), and the name it was made from.
    pub named_heads: Vec<(String, &'a str)>,
}

/// A piece of a sentence.
enum Piece<'a> {
    Text(&'a str),
    Quote(&'a str),
    Figure(String),
    Break,
}

/// The words, names and figures of `sentence`; `measure_words` are those of the shared
/// question words (normalized), added to the common ones.
pub fn sentence_words<'a>(sentence: &'a str, measure_words: &[String]) -> SentenceWords<'a> {
    let mut pieces = pieces(sentence, measure_words);
    trim_approximators(&mut pieces);
    let mut words = SentenceWords::default();
    let runs: Vec<Option<Vec<Word<'a>>>> = pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) | Piece::Quote(text) => Some(tag(text)),
            _ => None,
        })
        .collect();
    for (index, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Quote(text) => {
                words.names.push(text);
                if let (Some(Piece::Text(_)), Some(Some(run))) = (pieces.get(index + 1), runs.get(index + 1))
                    && let Some(head) = head_after_name(text, run)
                {
                    words.named_heads.push((head, text));
                }
            }
            Piece::Figure(text) => {
                let name = |text: &'a str| vec![Word { text, tag: "nz" }];
                let (mut nouns, mut wide) = (Vec::new(), Vec::new());
                match index.checked_sub(1).map(|before| (&pieces[before], &runs[before])) {
                    Some((Piece::Quote(text), _)) => nouns.push(name(text)),
                    Some((Piece::Text(_), Some(run))) => {
                        nouns.extend(noun_before(run));
                        wide.extend(wide_before(run));
                    }
                    _ => {}
                }
                match (pieces.get(index + 1), runs.get(index + 1)) {
                    (Some(Piece::Quote(text)), _) => nouns.push(name(text)),
                    (Some(Piece::Text(_)), Some(Some(run))) => match noun_after(run) {
                        Some(noun) => nouns.push(noun),
                        None => wide.extend(verb_after(run)),
                    },
                    _ => {}
                }
                nouns.dedup();
                words.figures.push(Figure {
                    text: text.clone(),
                    nouns,
                    wide,
                });
            }
            Piece::Text(_) | Piece::Break => {}
        }
    }
    words.runs = runs.into_iter().flatten().collect();
    words
}

/// Cuts the approximators off the text right before each figure.
fn trim_approximators(pieces: &mut [Piece<'_>]) {
    for index in 1..pieces.len() {
        if !matches!(pieces[index], Piece::Figure(_)) {
            continue;
        }
        if let Piece::Text(text) = pieces[index - 1]
            && let Some(trimmed) = APPROXIMATORS
                .iter()
                .find_map(|word| text.strip_suffix(word))
                .filter(|trimmed| !trimmed.is_empty())
        {
            pieces[index - 1] = Piece::Text(trimmed);
        }
    }
}

/// The words of a text without punctuation, tagged.
fn tag(text: &str) -> Vec<Word<'_>> {
    JIEBA
        .tag(text, true)
        .into_iter()
        .map(|tag| Word {
            text: tag.word,
            tag: tag.tag,
        })
        .filter(|word| !word.text.trim().is_empty())
        .collect()
}

/// The noun phrase that ends right before a figure (母婴室1480间, 覆盖率达60%): the last
/// nouns of the run, after dropping the verbs that lead to the figure; when the run ends
/// with no noun, its last word if it says what is counted (接听来电4.7万人次 → 来电).
fn noun_before<'a>(run: &[Word<'a>]) -> Option<Vec<Word<'a>>> {
    let end = noun_before_end(run)?;
    let mut start = end - 1;
    while start > 0
        && end - start < MAX_NOUN_WORDS
        && run[start - 1].is_modifier()
        && !run[start - 1].is_person()
        && !run[start - 1].is_report_verb()
    {
        start -= 1;
    }
    phrase(&run[start..end])
}

/// The noun before a figure with the words before it that say which one, verbs and
/// reporting verbs included (亲子阅读活动, 参与家庭; see [`Figure::wide`]): up to
/// [`MAX_NOUN_WORDS`] words, none a person's name.
fn wide_before<'a>(run: &[Word<'a>]) -> Option<Vec<Word<'a>>> {
    let end = noun_before_end(run)?;
    let mut start = end - 1;
    while start > 0
        && end - start < MAX_NOUN_WORDS
        && (run[start - 1].is_modifier() || run[start - 1].is_verb())
        && !run[start - 1].is_person()
    {
        start -= 1;
    }
    (end - start > 1).then(|| run[start..end].to_vec())
}

/// The verb right after a figure that says what was counted (9200余人次参赛 → 参赛): two
/// characters or more, not a reporting verb.
fn verb_after<'a>(run: &[Word<'a>]) -> Option<Vec<Word<'a>>> {
    let first = run.first()?;
    (first.is_verb() && !first.is_report_verb() && first.text.chars().count() >= 2).then(|| vec![*first])
}

/// Where the noun phrase before a figure ends (see [`noun_before`]).
fn noun_before_end(run: &[Word<'_>]) -> Option<usize> {
    let mut end = run.len();
    while end > 0 && (!run[end - 1].is_noun() || run[end - 1].is_report_verb()) && run.len() - end < 2 {
        end -= 1;
    }
    if end == 0 || !run[end - 1].is_noun() {
        end = run.len();
        let last = run.last()?;
        if !last.is_verb() || last.is_report_verb() || last.text.chars().count() < 2 {
            return None;
        }
    }
    Some(end)
}

/// The noun phrase right after a figure's measure word (326家女性创业企业, 8.3万名灵活就业
/// 女性): up to four words, ending with a noun.
fn noun_after<'a>(run: &[Word<'a>]) -> Option<Vec<Word<'a>>> {
    let mut end = 0;
    for (index, word) in run.iter().enumerate().take(MAX_NOUN_WORDS) {
        if !(word.is_modifier() || word.is_verb()) || word.is_person() {
            break;
        }
        if word.is_noun() {
            end = index + 1;
        }
    }
    phrase(&run[..end])
}

/// A name with the head of the noun phrase that directly follows it (see
/// [`SentenceWords::named_heads`]): the phrase opens with a noun or a modifier (not a verb:
/// “爱心妈妈”结对关爱 names nothing), its head has two characters or more and the name
/// does not already end with it.
fn head_after_name(name: &str, run: &[Word<'_>]) -> Option<String> {
    if !run.first().is_some_and(Word::is_modifier) {
        return None;
    }
    let noun = noun_after(run)?;
    let head = noun.last()?.text;
    (head.chars().count() >= 2 && !name.ends_with(head)).then(|| format!("{name}{head}"))
}

fn phrase<'a>(words: &[Word<'a>]) -> Option<Vec<Word<'a>>> {
    let chars: usize = words.iter().map(|word| word.text.chars().count()).sum();
    (chars >= 2).then(|| words.to_vec())
}

/// The text of some words.
pub fn joined(words: &[Word<'_>]) -> String {
    words.iter().map(|word| word.text).collect()
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether a character is part of a word (Han, letters, digits) rather than punctuation.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The closing mark of an opening quote.
fn closing(open: char) -> Option<char> {
    Some(match open {
        '“' => '”',
        '《' => '》',
        '「' => '」',
        '『' => '』',
        '‘' => '’',
        '〈' => '〉',
        _ => return None,
    })
}

/// Cuts a sentence into texts, quotes, figures and breaks.
fn pieces<'a>(sentence: &'a str, measure_words: &[String]) -> Vec<Piece<'a>> {
    let mut pieces = Vec::new();
    let mut text_start: Option<usize> = None;
    let mut index = 0;
    let flush = |pieces: &mut Vec<Piece<'a>>, start: &mut Option<usize>, end: usize| {
        if let Some(from) = start.take() {
            pieces.push(Piece::Text(&sentence[from..end]));
        }
    };
    while let Some(c) = sentence[index..].chars().next() {
        if let Some(close) = closing(c) {
            let inner_start = index + c.len_utf8();
            if let Some(length) = sentence[inner_start..].find(close) {
                flush(&mut pieces, &mut text_start, index);
                let inner = &sentence[inner_start..inner_start + length];
                let is_name = inner.chars().count() <= MAX_NAME_CHARS
                    && inner.chars().count() >= 2
                    && !inner.contains(['。', '！', '？', '，', ',']);
                pieces.push(if is_name { Piece::Quote(inner) } else { Piece::Break });
                if !is_name {
                    // A slogan or speech: its words still count, between breaks.
                    pieces.extend(pieces_of_plain(inner, measure_words));
                    pieces.push(Piece::Break);
                }
                index = inner_start + length + close.len_utf8();
                continue;
            }
        }
        if is_digit(c) {
            flush(&mut pieces, &mut text_start, index);
            let (figure, end) = figure_at(sentence, index, measure_words);
            pieces.push(Piece::Figure(figure));
            index = end;
            continue;
        }
        if is_word_char(c) {
            text_start.get_or_insert(index);
        } else {
            flush(&mut pieces, &mut text_start, index);
            pieces.push(Piece::Break);
        }
        index += c.len_utf8();
    }
    flush(&mut pieces, &mut text_start, sentence.len());
    pieces
}

/// The pieces of a text with no quotes of its own (a slogan's or a speech's inside).
fn pieces_of_plain<'a>(text: &'a str, measure_words: &[String]) -> Vec<Piece<'a>> {
    let mut pieces = Vec::new();
    let mut start: Option<usize> = None;
    let mut index = 0;
    while let Some(c) = text[index..].chars().next() {
        if is_digit(c) {
            if let Some(from) = start.take() {
                pieces.push(Piece::Text(&text[from..index]));
            }
            let (figure, end) = figure_at(text, index, measure_words);
            pieces.push(Piece::Figure(figure));
            index = end;
            continue;
        }
        if is_word_char(c) {
            start.get_or_insert(index);
        } else {
            if let Some(from) = start.take() {
                pieces.push(Piece::Text(&text[from..index]));
            }
            pieces.push(Piece::Break);
        }
        index += c.len_utf8();
    }
    if let Some(from) = start {
        pieces.push(Piece::Text(&text[from..]));
    }
    pieces
}

/// The figure starting at byte `start` (digits, a decimal part, 万/亿, 余/多 and the
/// longest measure word) and the byte where it ends.
fn figure_at(text: &str, start: usize, measure_words: &[String]) -> (String, usize) {
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let decimal_point = matches!(c, '.' | '．') && chars.peek().is_some_and(|&(_, next)| is_digit(next));
        if !(is_digit(c) || decimal_point || (c == '%' && offset > 0)) {
            break;
        }
        end = start + offset + c.len_utf8();
        if c == '%' {
            return (text[start..end].to_string(), end);
        }
    }
    let rest = &text[end..];
    let unit = MEASURE_WORDS
        .iter()
        .copied()
        .chain(measure_words.iter().map(String::as_str))
        .filter(|word| !word.is_empty() && rest.starts_with(word))
        .max_by_key(|word| word.len())
        .unwrap_or("");
    let mut end = end + unit.len();
    // 716万余人次, 600余场: a measure word may follow 余/多 after a scale.
    if matches!(unit, "万" | "亿" | "余") || (unit.is_empty() && text[end..].starts_with('多')) {
        let rest = &text[end..];
        let skip = rest
            .strip_prefix(['余', '多'])
            .map_or(0, |after| rest.len() - after.len());
        let after = &text[end + skip..];
        if let Some(word) = MEASURE_WORDS
            .iter()
            .copied()
            .chain(measure_words.iter().map(String::as_str))
            .filter(|word| !word.is_empty() && !matches!(*word, "万" | "亿" | "余") && after.starts_with(word))
            .max_by_key(|word| word.len())
        {
            end += skip + word.len();
        }
    }
    (text[start..end].to_string(), end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nouns(sentence: &str) -> Vec<(String, Vec<String>)> {
        sentence_words(sentence, &[])
            .figures
            .into_iter()
            .map(|figure| (figure.text, figure.nouns.iter().map(|noun| joined(noun)).collect()))
            .collect()
    }

    #[test]
    fn figures_and_the_nouns_they_count() {
        assert_eq!(
            nouns("建设公共场所母婴室1480间,基本实现公共场所全覆盖。"),
            [("1480间".to_string(), vec!["公共场所母婴室".to_string()])]
        );
        assert_eq!(
            nouns("326家女性创业企业和团队集中亮相,吸引观展市民8.6万人次。")[0],
            ("326家".to_string(), vec!["女性创业企业".to_string()])
        );
        assert_eq!(nouns("累计到访716万余人次")[0].0, "716万余人次");
        assert_eq!(nouns("覆盖率达60%")[0], ("60%".to_string(), vec!["覆盖率".to_string()]));
        assert_eq!(nouns("建成“巧手工坊”52个")[0].1, ["巧手工坊"]);
        assert_eq!(
            nouns("发放贴息贷款2.35亿元")[0],
            ("2.35亿元".to_string(), vec!["贴息贷款".to_string()])
        );
    }

    /// Class: a figure whose noun is generic (活动, 家庭) or that a verb follows says what
    /// it counts more widely (`Figure::wide`).
    #[test]
    fn figures_with_a_generic_noun_or_a_verb_are_said_widely() {
        let wide = |sentence: &str| -> Vec<(String, Vec<String>)> {
            sentence_words(sentence, &[])
                .figures
                .into_iter()
                .map(|figure| (figure.text, figure.wide.iter().map(|words| joined(words)).collect()))
                .collect()
        };
        // (sentence, [(figure, its wide phrases)])
        type Case<'a> = (&'a str, &'a [(&'a str, &'a [&'a str])]);
        let table: [Case; 3] = [
            (
                "开展“书香童年·悦读鹏城”亲子阅读活动2900余场,参与家庭16.5万户。",
                &[("2900余场", &["亲子阅读活动"]), ("16.5万户", &["参与家庭"])],
            ),
            (
                "每周开放不少于40小时,全市486支队伍参赛。",
                &[("40小时", &[]), ("486支", &[])],
            ),
            ("建设公共场所母婴室1480间。", &[("1480间", &["建设公共场所母婴室"])]),
        ];
        for (sentence, expected) in table {
            let expected: Vec<(String, Vec<String>)> = expected
                .iter()
                .map(|(figure, wide)| (figure.to_string(), wide.iter().map(|w| w.to_string()).collect()))
                .collect();
            let found = wide(sentence);
            let tags = tag(sentence);
            assert_eq!(found, expected, "{sentence}: {tags:?}");
        }
    }

    #[test]
    fn names_in_quotes_and_runs() {
        let words = sentence_words(
            "开通“心晴童伴”儿童心理援助热线,出台《深圳市支持女性创新创业若干措施》。她说,“好的,谢谢。”",
            &[],
        );
        assert_eq!(words.names, ["心晴童伴", "深圳市支持女性创新创业若干措施"]);
        assert!(words.runs.iter().flatten().any(|word| word.text == "热线"));
    }
}
