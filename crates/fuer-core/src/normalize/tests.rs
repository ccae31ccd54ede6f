//! Unit tests of normalization: numerals, colloquial words, plurals, pinyin keys.

use super::*;

/// Measure words as `questions.toml` lists them (a few).
fn normalizer() -> Normalizer {
    Normalizer::new(["个", "分钟", "件", "名", "户", "人", "剂", "米", "年", "点"])
}

fn check(input: &str, expected: &str) {
    assert_eq!(normalizer().normalize(input), expected, "normalize({input:?})");
}

#[test]
fn a_single_numeral_is_a_number_only_before_a_known_measure_word() {
    check("两户人家", "2户人家");
    check("两个社区", "2个社区");
    check("两癌", "两癌");
    assert_eq!(
        normalize("两户人家"),
        "两户人家",
        "plain normalization knows no measure words"
    );
    assert_eq!(normalize("二十四个社区"), "24个社区");
    assert_eq!(normalize("第八件"), "第8件");
    assert_eq!(
        Normalizer::new(["户"]).measure_words(),
        Normalizer::new(["户", "户", "a"]).measure_words()
    );
}

#[test]
fn normalization_table() {
    check("全市建了多少间母婴室？", "全市建了多少间母婴室");
    check("１４８０间", "1480间");
    check("母嬰室", "母婴室");
    check("二十四个社区", "24个社区");
    check("第八件", "第8件");
    check("七十一万人", "71万人");
    check("三千六百九十八名", "3698名");
    check("三八妇女节", "38妇女节");
    check("二零二四年", "2024年");
    check("一共来了多少人", "一共来了多少人");
    check("一站式遛娃", "一站式遛儿童");
    check("一网统管", "一网统管");
    check("统一", "统一");
    check("两癌筛查", "两癌筛查");
    check("三新领域", "三新领域");
    check("三中全会", "三中全会");
    check("二十届三中全会", "20届三中全会");
    check("两个社区", "2个社区");
    check("五分钟救助圈", "5分钟救助圈");
    check("第一个网络妇联", "第1个网络妇联");
    check("一万人", "1万人");
    check("最后一百米", "最后100米");
    check("十件大事", "10件大事");
    check("详细一点", "详细一点");
    check("万一", "万一");
    check("九", "9");
    check("万花筒", "万花筒");
    check("百千万工程", "百千万工程");
    check("208.8万例", "208.8万例");
    check("60%", "60%");
    check("Nursing Rooms?", "nursing room");
    check("Women's  Federation", "woman federation");
    check("HPV疫苗", "hpv疫苗");
    check("(2021-2025年)", "2021-2025年");
    check("“妈妈岗” 9019个", "妈妈岗9019个");
    check("孤独症孩子", "孤独症儿童");
    check("遛娃", "遛儿童");
    check("left-behind kids", "left behind child");
    check("five-minute circle", "5 minute circle");
    check("5-minute circle", "5 minute circle");
}

fn pinyin_key(text: &str) -> String {
    pinyin_keys(text).0
}

fn fuzzy_pinyin_key(text: &str) -> String {
    pinyin_keys(text).1
}

#[test]
fn pinyin_keys_match_homophones() {
    assert_eq!(pinyin_key("母婴是"), pinyin_key("母婴室"));
    assert_eq!(pinyin_key("婚里"), pinyin_key("婚礼"));
    assert_eq!(pinyin_key("ab"), "|a|b|");
    assert_eq!(pinyin_key("5分钟"), pinyin_key("五分钟"));
    assert_ne!(
        pinyin_key("母音室"),
        pinyin_key("母婴室"),
        "yin/ying only alike in the fuzzy key"
    );
}

#[test]
fn fuzzy_pinyin_keys_merge_confusable_sounds() {
    for (typo, word) in [
        ("母音室", "母婴室"),
        ("经国", "巾帼"),
        ("陈中村", "城中村"),
        ("子播", "直播"),
        ("律大学生", "女大学生"),
        ("湖儿", "妇儿"),
        ("妈妈干", "妈妈岗"),
    ] {
        assert_eq!(fuzzy_pinyin_key(typo), fuzzy_pinyin_key(word), "{typo} / {word}");
    }
    assert_ne!(fuzzy_pinyin_key("母婴室"), fuzzy_pinyin_key("门票室"));
    assert_eq!(fuzzy_pinyin_key("嗯"), "|n|", "a bare n is no initial to merge");
    assert_eq!(fuzzy_pinyin_key("装"), "|zuan|");
}

/// Whether unicode-normalization's quick check says `text` is NFKC.
fn quick_check_says_nfkc(text: &str) -> bool {
    matches!(
        unicode_normalization::is_nfkc_quick(text.chars()),
        unicode_normalization::IsNormalized::Yes
    )
}

/// The fast paths skip the Unicode tables only for characters where the tables say the
/// same: every plain ideograph and every ASCII character is NFKC, no mark, without case;
/// every ideograph is alphanumeric; the caseless punctuation has no lowercase form.
#[test]
fn the_fast_paths_agree_with_the_unicode_tables() {
    let plain = (0x3400..=0x4DBF).chain(0x4E00..=0x9FFF).filter_map(char::from_u32);
    for c in plain.chain((0..0x80).filter_map(char::from_u32)) {
        let text = c.to_string();
        assert!(quick_check_says_nfkc(&text), "{c:?} NFKC");
        assert!(!is_mark(c), "{c:?} mark");
        assert_eq!(lowercase(&text), text.to_lowercase(), "{c:?}");
        if !c.is_ascii() {
            assert!(is_plain_han(c) && c.is_alphanumeric(), "{c:?} alphanumeric");
        }
    }
    let punctuation = (0x2000..=0x206F).chain(0x3000..=0x303F).filter_map(char::from_u32);
    for c in punctuation.filter(|&c| is_nfkc_punctuation(c)) {
        let text = format!("a{c}两{c}{c}");
        assert!(quick_check_says_nfkc(&text), "{c:?} NFKC");
        assert!(!is_mark(c), "{c:?} mark");
        assert_eq!(is_nfkc(&text), text.nfkc().collect::<String>() == text, "{c:?}");
    }
    for c in (0x2000..=0x206F).chain(0x3000..=0x303F).filter_map(char::from_u32) {
        assert_eq!(lowercase(&c.to_string()), c.to_string().to_lowercase(), "{c:?}");
    }
    for text in ["ΟΔΟΣ", "Σ", "ÀB", "HPV疫苗“两癌”筛查", "İ", "ＡＢＣ"] {
        assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
    }
}
