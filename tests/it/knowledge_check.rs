//! `check` on broken knowledge files: every problem, each as `file:line: message`.

use fuer_core::knowledge::{KnowledgeFile, Problem, parse_knowledge};

fn source(item_count: u32) -> String {
    format!("title = \"2025年T\"\npublisher = \"P\"\ndate = \"2025-02-05\"\nitem_count = {item_count}\n")
}

const NO_SYNONYMS: &str = "# no groups\n";

fn item_file(number: u32) -> String {
    format!(
        "number = {number}\nheadline = \"H{number}\"\ntitle = \"T{number}\"\nsummary = \"S\"\nkeywords = [\"k{number}\"]\n\n[[facts]]\ntext = \"F{number}\"\n"
    )
}

/// A minimal valid question-words file.
const QUESTIONS: &str = "[scope]\nyear = 2024\nhome = \"深圳\"\n\n[[asked]]\nkind = \"quantity\"\nlabel = \"数字\"\nanswer = \"figure\"\ncues = [\"多少\"]\n";

/// The entries as files; a valid `questions.toml` is added when the test does not bring
/// its own (the tests of other files need not repeat it).
fn files(entries: &[(&str, String)]) -> Vec<KnowledgeFile> {
    let mut files: Vec<KnowledgeFile> = entries
        .iter()
        .map(|(path, contents)| KnowledgeFile {
            path: path.to_string(),
            contents: contents.clone(),
        })
        .collect();
    let has_questions = files.iter().any(|file| file.path.ends_with("questions.toml"));
    if let Some(first) = files.first()
        && !has_questions
    {
        let directory = first.path.split_once('/').map_or("k", |(directory, _)| directory);
        files.push(KnowledgeFile {
            path: format!("{directory}/questions.toml"),
            contents: QUESTIONS.to_string(),
        });
    }
    files
}

fn problems(entries: &[(&str, String)]) -> Vec<String> {
    match parse_knowledge("k", &files(entries)) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(Problem::to_string).collect(),
    }
}

/// Asserts the exact list of problem lines.
fn check(entries: &[(&str, String)], expected: &[&str]) {
    assert_eq!(problems(entries), expected);
}

fn synonyms() -> (&'static str, String) {
    ("k/synonyms.toml", NO_SYNONYMS.to_string())
}

/// The article of the test items: each item's headline `H{n}` and its fact `F{n}`.
fn article() -> (&'static str, String) {
    let lines: Vec<String> = (1..=9).map(|n| format!("H{n}\nF{n}")).collect();
    ("k/a/source.txt", lines.join("\n"))
}

#[test]
fn valid_files_parse() {
    let entries = [
        ("k/a/source.toml", source(2)),
        ("k/a/01-a.toml", item_file(1)),
        ("k/a/02-b.toml", item_file(2)),
        synonyms(),
        article(),
    ];
    let knowledge = parse_knowledge("k", &files(&entries)).unwrap();
    let article = knowledge.articles().next().unwrap();
    assert_eq!((article.id.as_str(), article.year), ("a", 2025));
    assert_eq!(article.items.len(), 2);
    assert_eq!(article.items[1].facts[0].text, "F2");
}

#[test]
fn every_problem_of_every_file_is_reported_with_its_line() {
    let unknown_field = item_file(1).replace("summary = \"S\"", "summary = \"S\"\ncolour = \"red\"");
    let empty_fact = item_file(2).replace("text = \"F2\"", "text = \"  \"");
    let duplicate = item_file(2);
    let syntax_error = "number = 4\nheadline = \"unterminated\n".to_string();
    check(
        &[
            ("k/a/source.toml", source(5)),
            ("k/a/01-a.toml", unknown_field),
            ("k/a/02-b.toml", empty_fact),
            ("k/a/02-c.toml", duplicate),
            ("k/a/04-d.toml", syntax_error),
            ("k/a/05-e.toml", item_file(5)),
            synonyms(),
            article(),
        ],
        &[
            "k/a/01-a.toml:5: 不认识的字段 `colour`：可以用的字段有 number、headline、title、summary、title_en、headline_en、summary_en、keywords、facts",
            "k/a/02-b.toml:8: `text` 是空的",
            "k/a/02-c.toml:1: 编号 2 重复了（k/a/02-b.toml 第 1 行已经用过；常见原因：文件夹里有副本）",
            "k/a/04-d.toml:2: 这一行少了结尾的英文双引号 \"",
            // 1 and 4 are not "missing": their files are there, with the problems above.
            "k/a: 缺少第 3 件（编号必须从 1 到 5 连续不断；删掉的文件请放回）",
        ],
    );
}

#[test]
fn domain_rules_are_checked() {
    let no_facts = "number = 1\nheadline = \"H1\"\ntitle = \"T\"\nsummary = \"S\"\n".to_string();
    let long_title = item_file(2).replace("title = \"T2\"", "title = \"这是一个非常非常非常非常长的短标题呀\"");
    let bad_number = item_file(3).replace("number = 3", "number = 300");
    let twice = item_file(4).replace("keywords = [\"k4\"]", "keywords = [\"k4\", \"\", \"k4\"]");
    check(
        &[
            ("k/a/source.toml", source(4)),
            ("k/a/01.toml", no_facts),
            ("k/a/02.toml", long_title),
            ("k/a/03.toml", bad_number),
            ("k/a/04.toml", twice),
            synonyms(),
            article(),
        ],
        &[
            "k/a/01.toml:1: 这件大事没有事实：至少加一条 [[facts]]",
            "k/a/02.toml:3: `title` 有 18 个字；按钮上最多放得下 16 个字",
            "k/a/03.toml:1: `number` 的值 300 超出范围（应在 1 到 99 之间）",
            "k/a/04.toml:5: 有一个空的关键词 \"\"：删掉它",
            "k/a/04.toml:5: 关键词 \"k4\" 写了两次：删掉一个",
            "k/a: 缺少第 3 件（编号必须从 1 到 4 连续不断；删掉的文件请放回）",
        ],
    );
}

#[test]
fn a_removed_last_item_or_extra_item_is_noticed_through_item_count() {
    check(
        &[
            ("k/a/source.toml", source(3)),
            ("k/a/01.toml", item_file(1)),
            ("k/a/02.toml", item_file(2)),
            synonyms(),
            article(),
        ],
        &["k/a: 缺少第 3 件（编号必须从 1 到 3 连续不断；删掉的文件请放回）"],
    );
    check(
        &[
            ("k/a/source.toml", source(1)),
            ("k/a/01.toml", item_file(1)),
            ("k/a/02.toml", item_file(2)),
            synonyms(),
            article(),
        ],
        &["k/a/02.toml:1: 编号 2 大于 source.toml 里的 item_count = 1（把 item_count 改大，或者改这件大事的编号）"],
    );
}

#[test]
fn missing_files_and_bad_synonyms_are_reported() {
    let synonyms_file = "[[group]]\nwords = [\"a\"]\n\n[[group]]\nwords = [\"b\", \"c\"]\nweight = 2\n".to_string();
    check(
        &[
            ("k/a/01.toml", item_file(1)),
            ("k/synonyms.toml", synonyms_file),
            article(),
        ],
        &[
            "k/a/source.toml: 缺少文件：这里放原文的标题、发布单位、日期和件数",
            "k/synonyms.toml:6: 不认识的字段 `weight`：可以用的字段有 words",
        ],
    );
    check(
        &[("k/a/source.toml", source(1)), ("k/a/01.toml", item_file(1)), article()],
        &["k/synonyms.toml: 缺少文件：这里放同义词表（可以一组也没有，但文件必须在）"],
    );
    let one_word = "[[group]]\nwords = [\"a\"]\n".to_string();
    check(
        &[
            ("k/a/source.toml", source(1)),
            ("k/a/01.toml", item_file(1)),
            ("k/synonyms.toml", one_word),
            article(),
        ],
        &["k/synonyms.toml:1: 同义词组至少要有两个词"],
    );
    let no_count = "title = \"T\"\npublisher = \"P\"\ndate = \"D\"\n".to_string();
    check(
        &[
            ("k/a/source.toml", no_count),
            ("k/a/01.toml", item_file(1)),
            synonyms(),
            article(),
        ],
        &["k/a/source.toml:1: 缺少必填项 `item_count`"],
    );
}

#[test]
fn no_item_files_is_a_problem() {
    check(
        &[("k/a/source.toml", source(1)), synonyms(), article()],
        &["k/a: 没有找到任何一件大事的文件（文件名应像 01-名称.toml）"],
    );
}

#[test]
fn an_unreadable_file_does_not_hide_the_problems_of_the_others() {
    let dir = crate::support::copy_knowledge();
    std::fs::write(dir.path().join("2024-shenzhen/05-母婴室.toml"), [0xff_u8, 0xfe, 0x00]).unwrap();
    let broken = dir.path().join("2024-shenzhen/06-家庭家教家风.toml");
    let text = std::fs::read_to_string(&broken).unwrap();
    std::fs::write(&broken, text.replacen("number = 6", "number = 6\nnumber_typo = 1", 1)).unwrap();
    let problems: Vec<String> = match fuer_bot::knowledge_dir::load_knowledge_dir(dir.path()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(Problem::to_string).collect(),
    };
    let unreadable = format!(
        "{}: 文件不是 UTF-8 编码",
        dir.path().join("2024-shenzhen/05-母婴室.toml").display()
    );
    assert!(problems.iter().any(|p| p.starts_with(&unreadable)), "{problems:#?}");
    assert!(
        problems.iter().any(|p| p.contains("不认识的字段 `number_typo`")),
        "{problems:#?}"
    );
    // One message for the unreadable file: its item is not "missing" as well.
    assert_eq!(problems.len(), 2, "{problems:#?}");
}

#[test]
fn question_words_are_checked_with_their_lines() {
    let broken = "[scope]\nyear = 1800\nhome = \"深圳\"\n\n[[asked]]\nkind = \"Price\"\nlabel = \"价格\"\nanswer = \"none\"\ncues = [\"门票\", \"门票\"]\n\n[[asked]]\nkind = \"quantity\"\nlabel = \"数字\"\nanswer = \"words\"\ncues = [\"门票\", \"多少\"]\n\n[[asked]]\nkind = \"place\"\nlabel = \"地点\"\nanswer = \"maybe\"\ncues = [\"哪里\"]\n";
    check(
        &[
            ("k/a/source.toml", source(1)),
            ("k/a/01.toml", item_file(1)),
            synonyms(),
            article(),
            ("k/questions.toml", broken.to_string()),
        ],
        &["k/questions.toml:20: 不认识的值 \"maybe\"：可以用的值有 any、figure、words、none"],
    );
    let fixed = broken.replace("\"maybe\"", "\"any\"");
    check(
        &[
            ("k/a/source.toml", source(1)),
            ("k/a/01.toml", item_file(1)),
            synonyms(),
            article(),
            ("k/questions.toml", fixed),
        ],
        &[
            "k/questions.toml:2: `year` 必须是 1900 到 2100 之间的年份",
            "k/questions.toml:6: `kind` \"Price\" 必须是小写英文字母的短名字（例如 price）",
            "k/questions.toml:9: 关键词 \"门票\" 写了两次：删掉一个",
            "k/questions.toml:14: answer = \"words\" 需要一个 `words` 列表",
            "k/questions.toml:15: 提示词 \"门票\" 已经写在问法 \"Price\" 下面了（第 9 行）：一个词只能属于一种问法",
        ],
    );
    check(
        &[
            ("k/a/source.toml", source(1)),
            ("k/a/01.toml", item_file(1)),
            ("k/synonyms.toml", NO_SYNONYMS.to_string()),
            article(),
            ("k/questions.toml", String::new()),
        ],
        &["k/questions.toml:1: 缺少必填项 `scope`"],
    );
}

#[test]
fn a_missing_question_words_file_is_reported() {
    let mut entries = files(&[
        ("k/a/source.toml", source(1)),
        ("k/a/01.toml", item_file(1)),
        synonyms(),
        article(),
    ]);
    entries.retain(|file| !file.path.ends_with("questions.toml"));
    let problems: Vec<String> = match parse_knowledge("k", &entries) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(Problem::to_string).collect(),
    };
    assert_eq!(
        problems,
        ["k/questions.toml: 缺少文件：这里放问题分析词表（问题在问什么、量词、地方）"]
    );
}

#[test]
fn facts_headlines_and_summary_figures_must_come_from_the_article() {
    let article = (
        "k/a/source.txt",
        "标题\n一、母婴室1480间\n建设母婴室1480间,覆盖全市。同时打造示范点。\n".to_string(),
    );
    let item = |headline: &str, summary: &str, facts: &[&str]| {
        let facts: String = facts
            .iter()
            .map(|fact| format!("\n[[facts]]\ntext = \"{fact}\"\n"))
            .collect();
        format!("number = 1\nheadline = \"{headline}\"\ntitle = \"T\"\nsummary = \"{summary}\"\n{facts}")
    };
    let good = item(
        "母婴室1480间",
        "建成1480间母婴室",
        &["建设母婴室1480间,覆盖全市。", "同时打造示范点。"],
    );
    check(
        &[
            ("k/a/source.toml", source(1)),
            ("k/a/01.toml", good),
            synonyms(),
            article.clone(),
        ],
        &[],
    );

    let changed = item(
        "母婴室1490间",
        "建成1490间母婴室",
        &[
            "建设母婴室1490间,覆盖全市。",
            "全市新建了一百个儿童乐园。",
            "同时打造示范点",
        ],
    );
    check(
        &[
            ("k/a/source.toml", source(1)),
            ("k/a/01.toml", changed),
            synonyms(),
            article.clone(),
        ],
        &[
            "k/a/01.toml:2: `headline` 不是原文 source.txt 里的标题：请逐字照抄（不要“五、”这样的序号）",
            "k/a/01.toml:4: `summary` 里的数字 1490 在原文 source.txt 里没有",
            "k/a/01.toml:7: 这条事实不是原文 source.txt 里的原句：这里写的是“建设母婴室1490间,覆盖全市。”，source.txt 第 3 行是“建设母婴室1480间,覆盖全市。”",
            "k/a/01.toml:10: 这条事实不是原文 source.txt 里的原句：原文里没有像它的句子（请复制原文里完整的一句，一字不差）",
            "k/a/01.toml:13: 这条事实不是原文 source.txt 里的原句：这里写的是“同时打造示范点”，source.txt 第 3 行是“同时打造示范点。”",
        ],
    );

    // Without the article nothing can be checked: that is a problem of its own.
    check(
        &[
            ("k/a/source.toml", source(1)),
            ("k/a/01.toml", item_file(1)),
            synonyms(),
        ],
        &["k/a/source.txt: 缺少文件：这里放原文全文，每条事实都要逐字引用它"],
    );
    check(
        &[
            ("k/a/source.toml", source(1)),
            ("k/a/01.toml", item_file(1)),
            synonyms(),
            ("k/a/source.txt", " \n".to_string()),
        ],
        &["k/a/source.txt: 原文文件是空的：这里要放文章全文，逐字照抄"],
    );
}

#[test]
fn missing_fields_point_at_their_table_and_type_errors_are_plain_words() {
    // A fact without its text: the [[facts]] table is named.
    let no_text = item_file(1).replace("text = \"F1\"", "keywords = [\"k\"]");
    // The item's own field missing: its fields start after the comment lines.
    let no_title = format!("# 第1件\n# 说明\n\n{}", item_file(1).replace("title = \"T1\"\n", ""));
    check(
        &[
            ("k/a/source.toml", source(1)),
            ("k/a/01.toml", no_text),
            synonyms(),
            article(),
        ],
        &["k/a/01.toml:7: 缺少必填项 `text`"],
    );
    check(
        &[
            ("k/a/source.toml", source(1)),
            ("k/a/01.toml", no_title),
            synonyms(),
            article(),
        ],
        &["k/a/01.toml:4: 缺少必填项 `title`"],
    );
    let quoted_number = item_file(1).replace("number = 1", "number = \"1\"");
    let number_headline = item_file(1).replace("headline = \"H1\"", "headline = 1");
    let keywords_text = item_file(1).replace("keywords = [\"k1\"]", "keywords = \"k1\"");
    let keyword_number = item_file(1).replace("keywords = [\"k1\"]", "keywords = [\n  \"k1\",\n  2,\n]");
    let expectations = [
        (
            quoted_number,
            "k/a/01.toml:1: `number` 应该是数字（例如 5，不加引号），现在是文字 \"1\"",
        ),
        (
            number_headline,
            "k/a/01.toml:2: `headline` 应该是加英文双引号的文字（例如 \"母婴室\"），现在是数字 1",
        ),
        (
            keywords_text,
            "k/a/01.toml:5: `keywords` 应该是方括号里的列表（例如 [\"a\", \"b\"]），现在是文字 \"k1\"",
        ),
        (
            keyword_number,
            "k/a/01.toml:7: `keywords` 应该是加英文双引号的文字（例如 \"母婴室\"），现在是数字 2",
        ),
    ];
    for (file, expected) in expectations {
        check(
            &[
                ("k/a/source.toml", source(1)),
                ("k/a/01.toml", file),
                synonyms(),
                article(),
            ],
            &[expected],
        );
    }
}

#[test]
fn a_knowledge_base_too_large_to_load_quickly_is_refused() {
    let keywords: Vec<String> = (0..20_001).map(|n| format!("\"词{n}\"")).collect();
    let huge = item_file(1).replace("keywords = [\"k1\"]", &format!("keywords = [{}]", keywords.join(", ")));
    check(
        &[
            ("k/a/source.toml", source(1)),
            ("k/a/01.toml", huge),
            synonyms(),
            article(),
        ],
        &["k/a: 这篇文章共有 20001 个关键词（每件大事和每条事实的）；最多 20000 个，再多加载就要好几秒"],
    );
}

/// `[whole]` words of a set length (`part_asking`: one character; `paired`: two, 上下):
/// another length is a problem at its line.
#[test]
fn whole_words_of_a_set_length_are_checked() {
    for (words, key, message) in [
        (
            "part_markers = [\"其中\"]\npart_asking = [\"有\", \"多少\"]",
            "part_asking",
            "[whole] part_asking 里的 \"多少\" 必须是一个字",
        ),
        (
            "paired = [\"上下\", \"线上线下\"]",
            "paired",
            "[whole] paired 里的 \"线上线下\" 必须是两个字（一对相反的字，如 上下）",
        ),
    ] {
        let questions = format!("{QUESTIONS}\n[whole]\nlabel = \"总数\"\n{words}\n");
        let line = questions
            .lines()
            .position(|line| line.starts_with(key))
            .expect("the line")
            + 1;
        let expected = format!("k/questions.toml:{line}: {message}");
        check(
            &[
                ("k/a/source.toml", source(1)),
                ("k/a/01.toml", item_file(1)),
                synonyms(),
                article(),
                ("k/questions.toml", questions),
            ],
            &[expected.as_str()],
        );
    }
}

/// The lists moved out of the engine (`[limits]`, `[whole] said_by`, `[words] weekdays`,
/// `[words] name_verbs`, `[alternative] offered`) are checked like the others: each malformed list is one problem
/// at the line to change.
#[test]
fn malformed_new_word_lists_are_reported_at_their_line() {
    // (the added tables, the line holding the mistake, the problem after `file:line: `;
    // empty: only the line is checked, the wording being the TOML reader's)
    let cases: [(&str, &str, &str); 7] = [
        (
            "[limits]\nasked = [\"至少\", \"至少\"]\n",
            "asked = ",
            "关键词 \"至少\" 写了两次：删掉一个",
        ),
        (
            "[limits]\nwritten = [\"不少于\", \" \"]\n",
            "written = ",
            "有一个空的关键词 \"\"：删掉它",
        ),
        (
            "[words]\nweekdays = [\"一\", \"周三\"]\n",
            "weekdays = ",
            "[words] weekdays 里的 \"周三\" 必须是一个字",
        ),
        (
            "[words]\nname_verbs = [\"介绍\", \"介绍\"]\n",
            "name_verbs = ",
            "关键词 \"介绍\" 写了两次：删掉一个",
        ),
        (
            "[whole]\nlabel = \"总数\"\nsaid_by = [\"全市\", \"全市\"]\n",
            "said_by = ",
            "关键词 \"全市\" 写了两次：删掉一个",
        ),
        (
            "[alternative]\nlabel = \"区分\"\noffered = \"或者\"\n",
            "offered = ",
            "",
        ),
        ("[limits]\nasked = [\"至少\"]\nwriten = [\"不少于\"]\n", "writen = ", ""),
    ];
    for (tables, at, expected) in cases {
        let questions = format!("{QUESTIONS}\n{tables}");
        let line = questions
            .lines()
            .position(|line| line.starts_with(at))
            .expect("the line")
            + 1;
        let found = problems(&[
            ("k/a/source.toml", source(1)),
            ("k/a/01.toml", item_file(1)),
            synonyms(),
            article(),
            ("k/questions.toml", questions.clone()),
        ]);
        let prefix = format!("k/questions.toml:{line}: ");
        assert_eq!(found.len(), 1, "{tables}: {found:?}");
        assert!(found[0].starts_with(&prefix), "{tables}: {found:?}");
        if !expected.is_empty() {
            assert_eq!(found[0], format!("{prefix}{expected}"), "{tables}");
        }
    }
}
