//! Intents recognized before any item matching: greetings, thanks, help, the source, the
//! list of items, and items named by position (第五件, item 5, the last one).

use regex::Regex;

/// An item named by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ordinal {
    /// A position, possibly outside 1..=N (checked by the caller).
    Number(i64),
    /// 最后一件, the last one.
    Last,
}

/// An ordinal found in a question and how sure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrdinalMatch {
    pub ordinal: Ordinal,
    /// 第五件, 第三条, item 5: certainly an item. 第一个 (网络妇联) may be a word of the
    /// question instead; it names an item only when nothing else does.
    pub strong: bool,
    /// A bare number (9, 说说9): outside 1..=N it is a figure to look up (75 → 75对), not
    /// a position.
    pub bare: bool,
}

pub struct IntentPatterns {
    pub greeting: Regex,
    pub thanks: Regex,
    pub help: Regex,
    pub source: Regex,
    pub list_strong: Regex,
    pub list_weak: Regex,
    /// Which item a topic is in (对口帮扶是第几件事, 在哪1件里, 十件大事里哪条, which item …; 哪条
    /// alone is a road, not an item).
    item_question: Regex,
    /// The verb of an English item question (which item *talks about* …), normalized.
    item_frame: Regex,
    ordinal_chinese: Regex,
    ordinal_bare: Regex,
    ordinal_negative: Regex,
    ordinal_english: Regex,
    ordinal_last: Regex,
}

impl std::fmt::Debug for IntentPatterns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IntentPatterns")
    }
}

fn build_regex(pattern: &str) -> Regex {
    // The patterns are constants of this module, covered by tests.
    Regex::new(pattern).unwrap_or_else(|error| panic!("invalid built-in pattern {pattern}: {error}"))
}

/// Measure words that count the article's items (第5件, 5条, 最后一项): after a figure of
/// a question they name a position, not a figure to look up.
pub const ITEM_UNITS: [&str; 3] = ["件", "条", "项"];
/// Further words after 第N that certainly name an item, like [`ITEM_UNITS`].
const ITEM_WORDS: [&str; 3] = ["大事", "部分", "章"];
/// Words after 第N that may name an item or a thing of the question (第一个网络妇联).
const WEAK_ORDINAL_WORDS: [&str; 3] = ["个", "点", "号"];

/// Whether a word after 第N certainly names an item.
fn is_strong_ordinal_unit(unit: &str) -> bool {
    ITEM_UNITS.contains(&unit) || ITEM_WORDS.contains(&unit)
}

/// The alternation of regex words `a|b|c`.
fn alternatives(lists: &[&[&str]]) -> String {
    lists
        .iter()
        .flat_map(|list| list.iter().copied())
        .collect::<Vec<&str>>()
        .join("|")
}

/// Words that address the bot after a greeting (你好机器人, hi there).
const ADDRESSEES: [&str; 3] = ["机器人", "bot", "there"];

/// A whole message of greetings (`questions.toml`, normalized), perhaps with particles and
/// the bot addressed (你好呀, hello bot). Without greetings nothing is one.
fn greeting_regex(greetings: &[String], particles: &[char]) -> Regex {
    let words: Vec<String> = greetings
        .iter()
        .filter(|word| !word.is_empty())
        .map(|word| regex::escape(word))
        .collect();
    if words.is_empty() {
        return build_regex(r"[^\s\S]");
    }
    let suffixes: Vec<String> = particles
        .iter()
        .map(|c| regex::escape(&c.to_string()))
        .chain(ADDRESSEES.iter().map(|word| regex::escape(word)))
        .collect();
    build_regex(&format!(
        "^(?:(?:{}) ?)+(?:(?:{}) ?)*$",
        words.join("|"),
        suffixes.join("|")
    ))
}

impl IntentPatterns {
    /// `greetings` (normalized) from `questions.toml`; `particles` may follow them.
    pub fn new(greetings: &[String], particles: &[char]) -> IntentPatterns {
        IntentPatterns {
            greeting: greeting_regex(greetings, particles),
            thanks: build_regex(
                r"^(谢谢|多谢|感谢|谢了|谢啦|thank you|thank|thx|ty|好的|好|ok|okay|收到|明白了|知道了|再见|拜拜|bye|goodbye)+(你|您|啦|了|哦|呀|a lot|very much)*$",
            ),
            help: build_regex(
                r"^(帮助|help|怎么用|如何使用|使用说明|说明|你能做什么|你会什么|你能干什么|你是谁|你是做什么的|你是机器人|你是人|能问什么|可以问什么|问什么|what can you do|who are you|how to use|are you a bot)(的|呢|吗|啊|吧)*$",
            ),
            source: build_regex(
                r"谁发布|谁发的|谁写的|发布单位|发布者|发布时间|发布日期|什么时候发布|哪天发布|何时发布|信息来源|消息来源|资料来源|来源是|出处|原文在哪|原文链接|作者是谁|who (published|wrote)|publisher|(what|which) is the source|^source$|when was (this|it) (published|released|written)",
            ),
            list_strong: build_regex(
                r"(10件|10大|十大|大事|事件|全部|所有).*(哪些|什么|啥|列表|清单|目录|汇总|总结|概括|概览)|^(列表|目录|清单|全部|所有|菜单|总览|概览|list|all item|all|menu|overview|index|content|table of content)$|^(10件大事|10大事件|10件事|10大事|10件|大事|大事件|事件)$|(所有|全部|每件|每1件|看看|列出).{0,3}(大事|事件|事情)|(list|overview|summary) of (the |all |all the )?((10|ten) )?(major |big |key )?(item|event|thing|highlight|achievement|them|everything|this article|the article|this report)|what are the (10|ten)|all (10|ten)|10 (major )?(event|item|thing)",
            ),
            item_question: build_regex(&format!(
                r"(第几|第多少)({}|大事)|哪1?(件|项|大事)|边1?件|10(件|大)[^哪]{{0,6}}哪1?(条|个)|(件|项|大事)[^第哪]{{0,3}}(排|位|列)在?第(几|多少)(名|位)?|(which|what) (item|event|number|one of the (10|ten))|which of the (10|ten)|(what|which) (place|position|rank) (is|does)",
                alternatives(&[&ITEM_UNITS])
            )),
            item_frame: build_regex(
                r"(?:which|what) (?:item|event|one)(?: of the (?:10|ten)(?: item| event)?)? (talk about|is about|are about|deal with|cover|mention|say about|speak about|tell about|is on)\b",
            ),
            list_weak: build_regex(
                r"有哪些|都有什么|有什么|包括什么|包括哪些|讲了什么|说了什么|有啥|哪些事|什么事|做了什么|干了什么|做了哪些|成绩|成就|成果|亮点",
            ),
            ordinal_chinese: build_regex(&format!(
                r"第([0-9]{{1,3}})({}|是|讲|说|呢|吗|的|$)",
                alternatives(&[&ITEM_UNITS, &WEAK_ORDINAL_WORDS, &ITEM_WORDS])
            )),
            ordinal_bare: build_regex(&format!(
                r"^(?:说说|讲讲|看看|聊聊|介绍一下|介绍|查看|打开|显示|看|来|要)?([0-9]{{1,2}})(?:{}|号)?(?:吧|呢|啊|呀|吗)?$",
                alternatives(&[&ITEM_UNITS])
            )),
            ordinal_negative: build_regex(r"第\s*[-−－负]\s*[0-9一二三四五六七八九十]|(?:item|no|number|#) ?-[0-9]"),
            ordinal_english: build_regex(
                r"(?:item|no|number|#|point|event) ?([0-9]{1,3})(?-u:\b)|(?-u:\b)([0-9]{1,2})(?:st|nd|rd|th)(?-u:\b)|(?-u:\b)(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)(?-u:\b)",
            ),
            ordinal_last: build_regex(&format!(
                r"最后(1|一)?({}|个|点|部分)|^最后$|最末",
                alternatives(&[&ITEM_UNITS])
            )),
        }
    }

    /// Whether the raw question (NFKC, before normalization drops signs) names a negative
    /// position: 第-1件, item -2.
    pub fn negative_ordinal(&self, nfkc_lowercase: &str) -> bool {
        self.ordinal_negative.is_match(nfkc_lowercase)
    }

    /// An item named by position in a normalized question.
    pub fn ordinal(&self, normalized: &str) -> Option<OrdinalMatch> {
        if self.ordinal_last.is_match(normalized) {
            return Some(OrdinalMatch {
                ordinal: Ordinal::Last,
                strong: true,
                bare: false,
            });
        }
        if let Some(captures) = self.ordinal_chinese.captures(normalized) {
            let number = captures.get(1)?.as_str().parse::<i64>().ok()?;
            let unit = captures.get(2).map_or("", |m| m.as_str());
            return Some(OrdinalMatch {
                ordinal: Ordinal::Number(number),
                strong: is_strong_ordinal_unit(unit),
                bare: false,
            });
        }
        if let Some(captures) = self.ordinal_bare.captures(normalized) {
            let number = captures.get(1)?.as_str().parse::<i64>().ok()?;
            return Some(OrdinalMatch {
                ordinal: Ordinal::Number(number),
                strong: true,
                bare: true,
            });
        }
        let captures = self.ordinal_english.captures(normalized)?;
        if let Some(digits) = captures.get(1).or_else(|| captures.get(2)) {
            return Some(OrdinalMatch {
                ordinal: Ordinal::Number(digits.as_str().parse::<i64>().ok()?),
                strong: captures.get(1).is_some(),
                bare: false,
            });
        }
        let word = captures.get(3)?.as_str();
        let ordinal = match word {
            "first" => Ordinal::Number(1),
            "second" => Ordinal::Number(2),
            "third" => Ordinal::Number(3),
            "fourth" => Ordinal::Number(4),
            "fifth" => Ordinal::Number(5),
            "sixth" => Ordinal::Number(6),
            "seventh" => Ordinal::Number(7),
            "eighth" => Ordinal::Number(8),
            "ninth" => Ordinal::Number(9),
            "tenth" => Ordinal::Number(10),
            _ => Ordinal::Last,
        };
        Some(OrdinalMatch {
            ordinal,
            strong: false,
            bare: false,
        })
    }

    /// Whether a normalized question asks which item a topic is in (对口帮扶是第几件事).
    pub fn asks_item(&self, normalized: &str) -> bool {
        self.item_question.is_match(normalized)
    }

    /// The question with the verb of an English item question blanked out, character for
    /// character (which item *talks about* jobs: the verb is no topic, and 1 talk of item
    /// 1's lectures is not meant), so that positions stay those of `normalized`.
    pub fn without_item_frame(&self, normalized: &str) -> String {
        let Some(verb) = self.item_frame.captures(normalized).and_then(|found| found.get(1)) else {
            return normalized.to_string();
        };
        let blank = " ".repeat(normalized[verb.range()].chars().count());
        format!("{}{blank}{}", &normalized[..verb.start()], &normalized[verb.end()..])
    }

    /// The question without its ordinal words (第10条, 最后), which are no evidence for a fact.
    pub fn strip_ordinals(&self, normalized: &str) -> String {
        let mut rest = normalized.to_string();
        for pattern in [
            &self.ordinal_last,
            &self.ordinal_chinese,
            &self.ordinal_bare,
            &self.ordinal_english,
        ] {
            rest = pattern.replace_all(&rest, "").into_owned();
        }
        rest
    }
}
