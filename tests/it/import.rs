//! `fuer-bot import`: articles of every numbering layout become drafts that `check` accepts,
//! the real article gives back its shipped headlines and facts, re-importing changes
//! nothing, and texts that are not articles are refused with nothing written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use fuer_core::import::{Draft, Shared, import_article};
use fuer_core::knowledge::{
    GlossaryTerm, KnowledgeFile, Numbering, QuestionWords, parse_knowledge, parse_shared, parse_shared_glossary,
};

use crate::support::{knowledge_dir, shipped_knowledge};

/// The invented test articles (see their README).
pub(crate) fn articles_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles")
}

fn article(name: &str) -> String {
    std::fs::read_to_string(articles_dir().join(name)).expect("a test article")
}

/// The shared files of the shipped knowledge directory.
fn shared_files() -> Vec<KnowledgeFile> {
    ["synonyms.toml", "questions.toml"]
        .iter()
        .map(|name| KnowledgeFile {
            path: format!("k/{name}"),
            contents: std::fs::read_to_string(knowledge_dir().join(name)).expect("a shared file"),
        })
        .collect()
}

fn shared_words() -> (Vec<Vec<String>>, QuestionWords) {
    parse_shared("k", &shared_files()).expect("the shared files are valid")
}

/// The shipped glossary.
fn glossary() -> Vec<GlossaryTerm> {
    let file = KnowledgeFile {
        path: "k/glossary.toml".to_string(),
        contents: std::fs::read_to_string(knowledge_dir().join("glossary.toml")).expect("the glossary"),
    };
    parse_shared_glossary("k", &[file]).expect("the glossary is valid")
}

fn import(text: &str) -> Draft {
    let (synonym_groups, question_words) = shared_words();
    let glossary = glossary();
    let shared = Shared {
        synonym_groups: &synonym_groups,
        question_words: &question_words,
        glossary: &glossary,
        concept_terms: &[],
    };
    import_article(text, None, shared).expect("an article")
}

/// What `check` runs, on the shared files and the draft alone.
fn check_accepts(draft: &Draft) {
    let mut files = shared_files();
    files.extend(draft.files.iter().map(|file| KnowledgeFile {
        path: format!("k/{}/{}", draft.id, file.name),
        contents: file.contents.clone(),
    }));
    let knowledge = parse_knowledge("k", &files).unwrap_or_else(|problems| panic!("{problems:#?}"));
    let article = knowledge.articles().next().expect("one article");
    assert_eq!(article.id, draft.id);
    assert_eq!(article.items.len(), draft.items.len());
    assert_eq!(article.fact_count(), draft.fact_count());
}

/// An invented article of one numbering layout and what its draft must hold.
struct Layout {
    file: &'static str,
    id: &'static str,
    year: u16,
    numbering: Numbering,
    headlines: &'static [&'static str],
    facts: &'static [usize],
}

/// Imports the layout's article: the draft has its id, year, numbering, headlines and
/// fact counts, keeps the text verbatim, gives every item keywords and a short title, and
/// `check` accepts it.
fn check_layout(case: Layout) {
    let text = article(case.file);
    let draft = import(&text);
    let file = case.file;
    assert_eq!(draft.id, case.id, "{file}");
    assert_eq!(draft.year, case.year, "{file}");
    assert_eq!(draft.numbering, case.numbering, "{file}");
    let headlines: Vec<&str> = draft.items.iter().map(|item| item.headline.as_str()).collect();
    assert_eq!(headlines, case.headlines, "{file}");
    let facts: Vec<usize> = draft.items.iter().map(|item| item.facts.len()).collect();
    assert_eq!(facts, case.facts, "{file}");
    assert_eq!(draft.files[0].contents, text, "{file}: source.txt is the text verbatim");
    for item in &draft.items {
        assert!(
            !item.keywords.is_empty(),
            "{file}: item {} has no keywords",
            item.number
        );
        assert!(item.title.chars().count() <= 16, "{file}: {}", item.title);
    }
    check_accepts(&draft);
}

#[test]
fn the_comma_and_bracket_layouts_give_a_draft_check_accepts() {
    check_layout(Layout {
        file: "2025-test.txt",
        id: "2025-shenzhen",
        year: 2025,
        numbering: Numbering::ChineseComma,
        headlines: &[
            "举办首届女性创新创业博览会,326家女性创业企业集中亮相",
            "开通“心晴童伴”儿童心理援助热线,全年接听来电4.7万人次",
            "生育保障更加有力,8.3万名灵活就业女性新参加生育保险",
            "巾帼助力乡村振兴,52个“巧手工坊”带动3100名农村妇女居家就业",
            "织密儿童阅读服务网络,215家社区儿童图书馆分馆建成开放",
            "建成反家暴庇护服务网络,11个庇护场所为受害妇女儿童提供“安全港湾”",
            "举办首届“她力量”女子体育联赛,486支队伍9200余人次参赛",
            "“放学有约”课后托管驿站达382个,全年服务儿童27.5万人次",
            "实施“银龄姐妹”关爱行动,为6400名高龄独居老年妇女提供上门服务",
            "上线“鹏城云家校”网上家长学校,注册家长超53万名",
        ],
        facts: &[4, 4, 4, 4, 5, 4, 3, 5, 4, 5],
    });
    check_layout(Layout {
        file: "layout-paren.txt",
        id: "2023-mouqu",
        year: 2023,
        numbering: Numbering::ChineseBracket,
        headlines: &[
            "建成家庭服务中心12个,实现街道全覆盖",
            "开展“新婚第一课”婚姻家庭辅导,服务新人3260对",
            "推出“小小当家人”家务劳动实践营,覆盖中小学生1.5万人次",
            "为困难家庭提供家政技能培训,帮助420名妇女实现就业",
            "设立“家事调解工作室”,化解家庭矛盾纠纷530宗",
        ],
        facts: &[4, 3, 3, 3, 4],
    });
}

#[test]
fn the_arabic_and_ordinal_layouts_give_a_draft_check_accepts() {
    check_layout(Layout {
        file: "layout-arabic.txt",
        id: "2024-moushi",
        year: 2024,
        numbering: Numbering::ArabicDot,
        headlines: &[
            "新增普惠托位2800个",
            "孕产妇免费产前筛查覆盖率达98%",
            "建设“向日葵”儿童友好公园35座",
            "开展女性职业技能提升培训1.8万人次",
            "为7200名困境儿童建立“一人一档”",
            "发放妇女“两癌”救助金420万元",
        ],
        facts: &[4, 3, 4, 3, 3, 3],
    });
    check_layout(Layout {
        file: "layout-di.txt",
        id: "2022-moujiedao",
        year: 2022,
        numbering: Numbering::Ordinal,
        headlines: &[
            "建成“妇女儿童之家”23个,社区全覆盖",
            "开展“巾帼暖心”家访行动,走访困难家庭1350户",
            "举办“邻里亲子运动会”,吸引4800名居民参与",
            "推进婚恋家庭纠纷排查调处,化解矛盾纠纷97宗",
        ],
        facts: &[4, 4, 4, 4],
    });
}

#[test]
fn the_real_article_gives_back_the_shipped_headlines_and_facts() {
    let text = std::fs::read_to_string(knowledge_dir().join("2024-shenzhen/source.txt")).expect("the article");
    let draft = import(&text);
    assert_eq!(draft.id, "2024-shenzhen");
    let shipped = shipped_knowledge();
    assert_eq!(draft.items.len(), shipped.items.len());
    for (imported, shipped) in draft.items.iter().zip(&shipped.items) {
        assert_eq!(imported.number, shipped.number);
        assert_eq!(imported.headline, shipped.headline);
        let imported_facts: Vec<&str> = imported.facts.iter().map(|fact| fact.text.as_str()).collect();
        let shipped_facts: Vec<&str> = shipped.facts.iter().map(|fact| fact.text.as_str()).collect();
        assert_eq!(imported_facts, shipped_facts, "item {}", shipped.number);
    }
    check_accepts(&draft);
}

#[test]
fn suggested_keywords_name_what_figures_count_and_quotes_name() {
    let draft = import(&article("2025-test.txt"));
    let item = |number: usize| &draft.items[number - 1];
    let fact_keywords = |number: usize, fact: usize| &item(number).facts[fact - 1].keywords;
    // Names in quotes and 《…》.
    assert!(
        item(2).keywords.contains(&"心晴童伴".to_string()),
        "{:?}",
        item(2).keywords
    );
    assert!(fact_keywords(1, 4).contains(&"深圳市支持女性创新创业若干措施".to_string()));
    // The noun a figure counts, after the measure word or before the figure.
    assert!(
        item(1).keywords.contains(&"女性创业企业".to_string()),
        "{:?}",
        item(1).keywords
    );
    // A term of the headline is the item's subject, not a keyword of the one fact
    // repeating it.
    assert!(
        !fact_keywords(1, 1).contains(&"女性创业企业".to_string()),
        "{:?}",
        fact_keywords(1, 1)
    );
    assert!(
        fact_keywords(1, 3).contains(&"贴息贷款".to_string()),
        "{:?}",
        fact_keywords(1, 3)
    );
    // A term used again and again by one item only.
    assert!(item(6).keywords.contains(&"庇护".to_string()), "{:?}", item(6).keywords);
    // Common words are never keywords.
    for item in &draft.items {
        for common in ["深圳", "妇女", "儿童", "服务", "活动"] {
            assert!(
                !item.keywords.contains(&common.to_string()),
                "{common} in item {}",
                item.number
            );
        }
    }
    // A term without the common word opening it (儿童心理驿站 → 心理驿站).
    assert!(
        fact_keywords(2, 2).contains(&"心理驿站".to_string()),
        "{:?}",
        fact_keywords(2, 2)
    );
    assert!(!draft.review.is_empty());
}

/// Everyday words asking an aspect of any topic or for help (`[followup] aspects` and
/// `others` of `questions.toml`: 办法, 渠道, 效果, 别的) name no item, so the importer never
/// suggests one as a keyword, not even as the kind of a document (《…实施办法》 gives 文件,
/// 政策文件, 政策, not 办法: 「有什么办法」 asks for help, not for the 办法).
#[test]
fn everyday_aspect_words_are_never_suggested_keywords() {
    let (_, question_words) = shared_words();
    let everyday: Vec<&String> = question_words
        .follow_up
        .aspects
        .iter()
        .chain(&question_words.follow_up.others)
        .collect();
    assert!(everyday.iter().any(|word| *word == "办法"));
    // (article, an item whose fact names a 《…办法》, that fact, a document word it keeps)
    let table = [("2025-test.txt", 3, 3, "政策文件"), ("2025-test.txt", 4, 4, "文件")];
    for (name, number, fact, kept) in table {
        let draft = import(&article(name));
        for item in &draft.items {
            let lists = std::iter::once(&item.keywords).chain(item.facts.iter().map(|fact| &fact.keywords));
            for keyword in lists.flatten() {
                assert!(
                    !everyday.contains(&keyword),
                    "{name}: item {} suggests the everyday word {keyword}",
                    item.number
                );
            }
        }
        let keywords = &draft.items[number - 1].facts[fact - 1].keywords;
        assert!(
            keywords.iter().any(|keyword| keyword == kept),
            "{name} {number}.{fact}: {keywords:?}"
        );
    }
}

/// The files under `dir`, by relative path, with their contents.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, found: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("a directory") {
            let path = entry.expect("an entry").path();
            let name = path.strip_prefix(root).expect("under the root").display().to_string();
            if path.is_dir() {
                found.insert(format!("{name}/"), Vec::new());
                walk(root, &path, found);
            } else {
                found.insert(name, std::fs::read(&path).expect("a file"));
            }
        }
    }
    let mut found = BTreeMap::new();
    walk(dir, dir, &mut found);
    found
}

/// A knowledge directory with the shared files only.
fn empty_knowledge() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for name in ["synonyms.toml", "questions.toml"] {
        std::fs::copy(knowledge_dir().join(name), dir.path().join(name)).expect("copy a shared file");
    }
    dir
}

pub(crate) fn fuer_bot(knowledge: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fuer-bot"))
        .arg("--knowledge")
        .arg(knowledge)
        .args(args)
        .env_remove("TELOXIDE_TOKEN")
        .env("RUST_LOG", "off")
        .output()
        .expect("run fuer-bot")
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn import_writes_a_draft_check_accepts_and_importing_again_changes_nothing() {
    let knowledge = empty_knowledge();
    let path = articles_dir().join("2025-test.txt");
    let path = path.to_str().expect("a UTF-8 path");
    let first = fuer_bot(knowledge.path(), &["import", path]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let printed = text(&first.stdout);
    assert!(
        printed.contains("imported:") && printed.contains("2025-shenzhen"),
        "{printed}"
    );
    assert!(printed.contains("to review") && printed.contains("第"), "{printed}");
    let folder = knowledge.path().join("2025-shenzhen");
    assert_eq!(
        std::fs::read(folder.join("source.txt")).expect("source.txt"),
        std::fs::read(articles_dir().join("2025-test.txt")).expect("the article")
    );
    let check = fuer_bot(knowledge.path(), &["check"]);
    assert!(check.status.success(), "{}", text(&check.stdout));
    let checked = text(&check.stdout);
    assert!(
        checked.contains("检查通过：2025-shenzhen：10 件大事，42 条事实"),
        "{checked}"
    );
    // A draft has no English yet: warnings with their lines, never errors.
    assert!(
        checked.contains(".toml:")
            && checked.contains("提醒：还没有英文 `title_en`")
            && checked.contains("条提醒：不影响机器人回答"),
        "{checked}"
    );

    let before = snapshot(knowledge.path());
    for args in [vec!["import", path], vec!["import", path, "--id", "2025-other"]] {
        let again = fuer_bot(knowledge.path(), &args);
        assert!(again.status.success(), "{}", text(&again.stderr));
        let printed = text(&again.stdout);
        assert!(
            printed.contains("already imported")
                && printed.contains("2025-shenzhen")
                && printed.contains("nothing changed"),
            "{printed}"
        );
        assert_eq!(snapshot(knowledge.path()), before, "{args:?} changed the directory");
    }
}

/// Imports each (file name, contents, extra arguments, expected error) into a knowledge
/// directory holding the invented 2025 article: each fails with exit code 1 and the expected
/// error, says nothing was written, and leaves the directory as it was.
fn check_refused(cases: &[(&str, &[u8], &[&str], &str)]) {
    let knowledge = empty_knowledge();
    let imported = fuer_bot(
        knowledge.path(),
        &[
            "import",
            articles_dir().join("2025-test.txt").to_str().expect("a UTF-8 path"),
        ],
    );
    assert!(imported.status.success());
    let before = snapshot(knowledge.path());
    let files = tempfile::tempdir().expect("a temporary directory");
    for &(name, contents, extra, expected) in cases {
        let path = files.path().join(name);
        std::fs::write(&path, contents).expect("write the test file");
        let mut args = vec!["import", path.to_str().expect("a UTF-8 path")];
        args.extend(extra);
        let output = fuer_bot(knowledge.path(), &args);
        let error = text(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{name}: {error}");
        assert!(
            error.starts_with("error: ") && error.contains(expected),
            "{name}: {error}"
        );
        assert!(error.contains("nothing was written"), "{name}: {error}");
        assert_eq!(snapshot(knowledge.path()), before, "{name} changed the directory");
    }
}

#[test]
fn files_that_are_not_text_are_refused_and_nothing_is_written() {
    let large = format!("2025年深圳某事\n一、甲\n{}\n二、乙\n正文。\n", "长句。".repeat(120_000));
    check_refused(&[
        ("empty.txt", b"", &[], "the file is empty"),
        (
            "binary.txt",
            &[0x89, b'P', b'N', b'G', 0, 0, 0x1a],
            &[],
            "not a text file",
        ),
        ("latin1.txt", b"caf\xe9\n", &[], "not a text file"),
        ("large.txt", large.as_bytes(), &[], "file is too large"),
    ]);
}

#[test]
fn texts_that_are_not_articles_are_refused_and_nothing_is_written() {
    let two_items = "2025年深圳某事\n一、甲\n正文。\n二、乙\n正文。\n".as_bytes();
    check_refused(&[
        (
            "prose.txt",
            "2025年深圳某事\n正文一句。\n正文二句。\n".as_bytes(),
            &[],
            "no numbered items found",
        ),
        (
            "heading.txt",
            "一、甲\n正文。\n二、乙\n正文。\n".as_bytes(),
            &[],
            ":1: the first line is a numbered heading",
        ),
        (
            "empty-item.txt",
            "2025年深圳某事\n一、甲\n二、乙\n正文。\n".as_bytes(),
            &[],
            ":2: item 1 has no text",
        ),
        (
            "no-year.txt",
            "深圳某事\n一、甲\n正文。\n二、乙\n正文。\n".as_bytes(),
            &[],
            ":1: the title names no year",
        ),
        (
            "no-place.txt",
            "2025年某些事\n一、甲\n正文。\n二、乙\n正文。\n".as_bytes(),
            &[],
            "--id",
        ),
        ("bad-id.txt", two_items, &["--id", "Bad_Id"], "cannot be an article id"),
        ("other.txt", two_items, &[], "already exists and holds another article"),
    ]);
}

/// A copy of the shipped knowledge directory with the invented 2025 article imported.
fn two_articles() -> tempfile::TempDir {
    let dir = empty_knowledge();
    let article_dir = dir.path().join("2024-shenzhen");
    std::fs::create_dir(&article_dir).expect("an article folder");
    for entry in std::fs::read_dir(knowledge_dir().join("2024-shenzhen")).expect("the shipped article") {
        let path = entry.expect("an entry").path();
        std::fs::copy(&path, article_dir.join(path.file_name().expect("a file name"))).expect("copy a file");
    }
    let path = articles_dir().join("2025-test.txt");
    let imported = fuer_bot(dir.path(), &["import", path.to_str().expect("a UTF-8 path")]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    dir
}

/// One JSON object per answered line of `ask --json` (`--dialogue` when `dialogue`) with the
/// knowledge directory `knowledge`.
pub(crate) fn ask_json(knowledge: &Path, questions: &[&str], dialogue: bool) -> Vec<serde_json::Value> {
    let data = tempfile::tempdir().expect("a data directory");
    let mut args = vec!["ask", "--json"];
    if dialogue {
        args.push("--dialogue");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_fuer-bot"))
        .arg("--knowledge")
        .arg(knowledge)
        .arg("--data-dir")
        .arg(data.path())
        .args(&args)
        .env_remove("TELOXIDE_TOKEN")
        .env("RUST_LOG", "off")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run fuer-bot ask");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(questions.join("\n").as_bytes())
            .expect("write the questions");
    }
    let output = child.wait_with_output().expect("fuer-bot ask ends");
    assert!(output.status.success(), "{}", text(&output.stderr));
    text(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect()
}

/// The article each line of `ask --json` was answered from.
fn routed_articles(knowledge: &Path, questions: &[&str], dialogue: bool) -> Vec<String> {
    ask_json(knowledge, questions, dialogue)
        .iter()
        .map(|value| value["article"].as_str().expect("an article id").to_string())
        .collect()
}

#[test]
fn questions_go_to_the_article_they_name_or_the_one_that_answers_them() {
    let knowledge = two_articles();
    // (question, the article it must be answered from)
    let table: &[(&str, &str)] = &[
        // A year named: that year's article, whatever the topic.
        ("2024年有什么大事", "2024-shenzhen"),
        ("2025年有什么大事", "2025-shenzhen"),
        ("what happened in 2025", "2025-shenzhen"),
        ("2024年女性创业博览会", "2024-shenzhen"),
        // No year: the article that answers the topic.
        ("母婴室有多少间", "2024-shenzhen"),
        ("心晴童伴热线接了多少来电", "2025-shenzhen"),
        ("巧手工坊建了多少个", "2025-shenzhen"),
        // Nothing answers: the latest article on the tie; commands too.
        ("火星天气怎么样", "2025-shenzhen"),
        ("/list", "2025-shenzhen"),
    ];
    let questions: Vec<&str> = table.iter().map(|(question, _)| *question).collect();
    let routed = routed_articles(knowledge.path(), &questions, false);
    for ((question, expected), got) in table.iter().zip(&routed) {
        assert_eq!(got, expected, "{question}");
    }
    // A follow-up stays in the conversation's article; a question another article answers
    // moves the conversation there.
    let dialogue = ["心晴童伴热线接了多少来电", "下一件", "母婴室有多少间"];
    let routed = routed_articles(knowledge.path(), &dialogue, true);
    assert_eq!(routed, ["2025-shenzhen", "2025-shenzhen", "2024-shenzhen"]);
}

/// The shared files serve whichever articles are loaded: with every shipped shared file
/// (`concepts.toml`'s terms are 2024's keywords) and the 2025 test article alone, `check`
/// passes, naming the concepts no article knows as notes, and the article answers.
#[test]
fn the_new_article_alone_passes_check_with_every_shared_file_and_answers() {
    let knowledge = empty_knowledge();
    std::fs::copy(
        knowledge_dir().join("concepts.toml"),
        knowledge.path().join("concepts.toml"),
    )
    .expect("copy concepts.toml");
    let path = articles_dir().join("2025-test.txt");
    let imported = fuer_bot(knowledge.path(), &["import", path.to_str().expect("a UTF-8 path")]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    let check = fuer_bot(knowledge.path(), &["check"]);
    let printed = text(&check.stdout);
    assert!(check.status.success(), "{printed}");
    assert!(printed.starts_with("检查通过：2025-shenzhen：10 件大事"), "{printed}");
    assert!(
        printed.contains("concepts.toml:") && printed.contains("条提醒"),
        "{printed}"
    );
    let asked = fuer_bot(knowledge.path(), &["ask", "--json", "女性创业博览会有多少家企业参展"]);
    assert!(asked.status.success(), "{}", text(&asked.stderr));
    let answer: serde_json::Value = serde_json::from_str(text(&asked.stdout).trim()).expect("JSON");
    assert_eq!(answer["article"], "2025-shenzhen");
    assert_eq!(answer["status"], "answered");
    assert!(
        answer["facts"][0].as_str().expect("a fact").contains("326家"),
        "{answer}"
    );
}

/// Class: English questions reach a draft through the glossary. A glossary term the item's
/// headline (or two of its facts) uses gives the item its English; a term one fact uses
/// gives that fact its English (unless the item has it already); a term most items use
/// gives none.
#[test]
fn english_keywords_come_from_the_glossary() {
    let text = "2030年某市妇女儿童工作三件事\n\
                一、开通儿童心理热线\n\
                全年接听来电3万人次,热线由心理咨询师值守。\n\
                在社区设立心理驿站8个。\n\
                二、建成社区图书馆分馆20家\n\
                新增图书5万册。\n\
                每个分馆每周开放40小时,社区居民可借阅。\n\
                三、举办女子体育联赛\n\
                联赛设篮球、足球2个项目,社区组队参赛。\n";
    let term = |zh: &str, en: &[&str]| GlossaryTerm {
        zh: zh.to_string(),
        en: en.iter().map(|e| e.to_string()).collect(),
    };
    let glossary = [
        term("热线", &["hotline"]),
        term("来电", &["call"]),
        term("驿站", &["station"]),
        term("图书馆", &["library"]),
        term("借阅", &["borrow"]),
        term("联赛", &["league"]),
        term("篮球", &["basketball"]),
        term("社区", &["community"]),
    ];
    let (synonym_groups, question_words) = shared_words();
    let shared = Shared {
        synonym_groups: &synonym_groups,
        question_words: &question_words,
        glossary: &glossary,
        concept_terms: &[],
    };
    let draft = import_article(text, None, shared).expect("an article");
    check_accepts(&draft);
    // (item, fact (0: the item itself), English keyword, expected there)
    let table: [(usize, usize, &str, bool); 9] = [
        (1, 0, "hotline", true),
        (1, 1, "hotline", false),
        (1, 1, "call", true),
        (1, 2, "station", true),
        (2, 0, "library", true),
        (2, 2, "borrow", true),
        (3, 0, "league", true),
        (3, 1, "basketball", true),
        (2, 0, "community", false),
    ];
    for (item, fact, english, expected) in table {
        let item = &draft.items[item - 1];
        let keywords = if fact == 0 {
            &item.keywords
        } else {
            &item.facts[fact - 1].keywords
        };
        assert_eq!(
            keywords.iter().any(|k| k == english),
            expected,
            "item {} fact {fact}: {english} in {keywords:?}",
            item.number
        );
    }
    // Nowhere: 社区 is used by every item.
    for item in &draft.items {
        let all = item.keywords.iter().chain(item.facts.iter().flat_map(|f| &f.keywords));
        assert!(all.clone().all(|k| k != "community"), "{:?}", item.keywords);
    }
}

/// The shipped glossary passes `check` with the shipped knowledge (a mistake in it is a
/// problem with its line).
#[test]
fn the_shipped_glossary_is_valid_and_a_wrong_entry_is_reported() {
    assert!(!glossary().is_empty());
    let wrong = KnowledgeFile {
        path: "k/glossary.toml".to_string(),
        contents: "[[term]]\nzh = \"热线\"\nen = [\"Hotline\"]\n\n[[term]]\nzh = \"x\"\nen = [\"x ray\"]\n".to_string(),
    };
    let problems = parse_shared_glossary("k", &[wrong]).expect_err("two mistakes");
    let lines: Vec<usize> = problems.iter().map(|problem| problem.line).collect();
    assert_eq!(lines, [3, 6], "{problems:?}");
}

/// Class: a draft answers what its own text says although `questions.toml` says articles
/// never do (`answer = "none"`: 每个月, 注册 …) — where a fact writes the cue beside a
/// figure —, a place question is answered by the draft's own place names (北湖区, like
/// 坪山区 of `questions.toml`), and a fact naming a document (《…办法》) answers a question
/// for the policy document; a cue without a figure beside it (开通…热线) still answers
/// nothing.
#[test]
fn a_draft_answers_what_its_text_says_and_names_its_documents() {
    let knowledge = empty_knowledge();
    let article = knowledge.path().join("article.txt");
    std::fs::write(
        &article,
        "2031年某市妇女儿童工作三件事\n\
         一、建成“巧织工坊”40个\n\
         在南岭县、北湖区建成“巧织工坊”40个,带动2000名妇女居家就业,人均月增收1500元。\n\
         工坊开发编织产品80余款。\n\
         二、开通“暖心”亲子热线\n\
         开通“暖心”亲子热线,全年接听来电2万人次。\n\
         出台《某市亲子热线服务管理办法》,规范热线服务。\n\
         三、上线“云学堂”网上家长学校\n\
         上线“云学堂”网上家长学校,注册家长超20万名,课程点击量300万人次。\n\
         每周开展直播答疑。\n",
    )
    .expect("write the article");
    let imported = fuer_bot(knowledge.path(), &["import", article.to_str().expect("a UTF-8 path")]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    // (question, answered, a figure or name the first fact holds)
    let table: [(&str, bool, &str); 5] = [
        ("巧织工坊的妇女每个月能多挣多少钱", true, "1500元"),
        ("巧织工坊建在哪些地方", true, "北湖区"),
        ("云学堂有多少家长注册了", true, "20万名"),
        ("亲子热线有什么政策文件", true, "管理办法"),
        ("暖心亲子热线的电话号码是多少", false, ""),
    ];
    check_answers(knowledge.path(), &table);
}

/// Imports an invented article into an empty knowledge directory (the shared files only)
/// and asks each question: (question, answered, what the first fact holds).
fn check_imported_answers(article_text: &str, table: &[(&str, bool, &str)]) {
    let knowledge = empty_knowledge();
    let article = knowledge.path().join("article.txt");
    std::fs::write(&article, article_text).expect("write the article");
    let imported = fuer_bot(knowledge.path(), &["import", article.to_str().expect("a UTF-8 path")]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    check_answers(knowledge.path(), table);
}

/// Asks each question of a table in a knowledge directory: (question, answered, what the
/// first fact holds).
fn check_answers(knowledge: &Path, table: &[(&str, bool, &str)]) {
    for &(question, answered, holds) in table {
        let asked = fuer_bot(knowledge, &["ask", "--json", question]);
        assert!(asked.status.success(), "{}", text(&asked.stderr));
        let answer: serde_json::Value = serde_json::from_str(text(&asked.stdout).trim()).expect("JSON");
        assert_eq!(answer["status"] == "answered", answered, "{question}: {answer}");
        if answered {
            let first = answer["facts"][0].as_str().unwrap_or_default();
            assert!(first.contains(holds), "{question}: {answer}");
        }
    }
}

/// Classes of an imported article's readings: 「一共多少人次」 of a figure written in that
/// very measure (累计服务N人次) is its total, not a part; 「多少个咨询员」 after a noun cue
/// the article never answers (热线) asks a count, not contact details; a duration in
/// working days or hours (个工作日, 钟头) answers 多久 / 几个钟头; an age the article
/// writes (76岁) answers 多大年纪, one it does not stays unsaid; 在哪里举办 asks the
/// venue the fact names (体育中心), not an address; the line's number stays unsaid.
#[test]
fn imported_totals_counts_and_durations_are_read_as_asked() {
    let article = "2032年某市妇女儿童工作三件事\n\
         一、开展“暖阳”助老行动\n\
         组织800名志愿者与2000名独居老人结对,开展上门探访、陪同就医等服务,全年累计服务9万人次。\n\
         年龄最大的志愿者76岁,最小的19岁。\n\
         二、开通“安心”家长热线\n\
         开通“安心”家长热线,由45名专业咨询员轮班值守,全年接听来电1.2万人次。\n\
         三、便民服务更加高效\n\
         在各区开设服务专窗,补贴申领办理时限由15个工作日缩短至2个工作日,社区书屋每周开放不少于30小时。\n\
         服务专窗启用仪式在市民体育中心举行。\n";
    let table: [(&str, bool, &str); 8] = [
        ("服务专窗的启用仪式在哪里举办的", true, "市民体育中心"),
        ("暖阳助老行动上门服务一共多少人次", true, "9万人次"),
        ("暖阳助老行动年龄最大的志愿者多大年纪", true, "76岁"),
        ("安心家长热线的咨询员要几岁以上", false, ""),
        ("安心家长热线有多少个咨询员值班", true, "45名"),
        ("补贴申领现在多久能办下来", true, "2个工作日"),
        ("社区书屋一个礼拜开几个钟头", true, "30小时"),
        ("安心家长热线的电话号码是多少", false, ""),
    ];
    check_imported_answers(article, &table);
}

/// Classes of an imported article's narrowing and wholes: a term of the item's headline
/// (暖心托管站) names the whole item, so a question naming it is not held to the one fact
/// repeating it when another fact says what is asked (每月收费200元: 收费 written beside a
/// figure answers 一个月要多少钱); a fact keyword found only by a near spelling (少年科学家
/// in 少年科学博览会) does not hide the fact that answers; the city's
/// or the year's figure (全市全年发放…, 全市…人次参赛) is the total 一共 asks for, not
/// a part, and comes before one person's share or another figure of the first sentence; a
/// limit asked (至少) is answered by the sentence writing one (不少于500册); a day asked with
/// 几 (每周几) by the day the article writes (每周五晚); the total of a thing the article
/// does not give for the whole city stays related.
#[test]
fn imported_subjects_prices_and_city_totals_are_read_as_asked() {
    let article = "2033年某市妇女儿童工作三件事\n\
         一、“暖心”课后托管站达120个,全年服务儿童8万人次\n\
         依托社区党群服务中心建设“暖心”课后托管站120个,提供作业辅导、安全看护等服务,全年服务儿童8万人次。\n\
         托管站实行普惠收费,每名儿童每月收费不超过200元,低保家庭的孩子免费。\n\
         全年为托管站新增图书2万册。\n\
         印发《托管站服务规范》,要求每个托管站藏书不少于500册,每周五晚开展家长课堂。\n\
         二、举办首届少年科学博览会,210个少年科学社团集中亮相\n\
         5月,首届少年科学博览会在市科技馆举办,为期4天,210个少年科学社团集中亮相,吸引观展市民3.2万人次。\n\
         市教育局同步推出“少年科学家”培养计划,资助少年科学家860名。\n\
         科学竞赛吸引全市312支队伍5800余人次参赛,年龄最小的选手8岁。\n\
         三、助学保障更加有力\n\
         2033年,全市将职业学校学生纳入助学保障范围,全年新增受助学生3.1万名,首次享受到助学金待遇。\n\
         全市全年发放助学金5.6亿元,惠及学生12万人次。\n\
         北湖区学生林小雨领到了3000元助学金,她说,“这笔钱帮了我们家大忙。”\n";
    let table: [(&str, bool, &str); 10] = [
        ("暖心托管站一个月要多少钱", true, "200元"),
        ("托管站规定至少要有多少本书", true, "500册"),
        ("托管站有多少本书", true, "2万册"),
        ("托管站的家长课堂每周几开", true, "周五"),
        ("去年一共发了多少助学金", true, "5.6亿元"),
        ("暖心托管站每月收费多少", true, "200元"),
        ("少年科学博览会办了几天", true, "为期4天"),
        ("科学竞赛一共多少人次参赛", true, "5800余人次"),
        ("全市一共发了多少助学金", true, "5.6亿元"),
        ("少年科学家培养计划一共花了多少钱", false, ""),
    ];
    check_imported_answers(article, &table);
}

/// Classes of an imported article's own answers where the shared rules expect none: the
/// name written after a title before a verb (负责人赵明月介绍, 馆长孙海说) answers who holds
/// the title, an item naming nobody stays unsaid; the weekly day the article sets (每周六上午)
/// answers 什么时候; a count whose question word is followed by the counted thing (多少来电,
/// 多少通电话) is a count even after a noun the article never answers (热线), while the
/// line's number stays unsaid.
#[test]
fn imported_names_weekly_days_and_counted_calls_are_read_as_asked() {
    let article = "2034年某市妇女儿童工作三件事\n\
         一、建成“晨光”助老驿站60个\n\
         建成“晨光”助老驿站60个,为独居老人提供助餐、陪诊等服务,全年服务老人3万人次。\n\
         晨光驿站负责人赵明月介绍,驿站志愿者达900名。\n\
         二、开通“小禾”亲子热线\n\
         开通“小禾”亲子热线,由30名咨询员轮班值守,全年接听来电1.5万人次。\n\
         三、建设“青苗”社区书屋\n\
         建设“青苗”社区书屋45家,每周六上午开展亲子共读活动,全年举办活动800场。\n\
         青苗书屋馆长孙海说,“希望每个孩子都爱上阅读。”\n";
    let table: [(&str, bool, &str); 7] = [
        ("晨光驿站的负责人是谁", true, "赵明月"),
        ("青苗书屋的馆长叫什么名字", true, "孙海"),
        ("小禾亲子热线的负责人是谁", false, ""),
        ("青苗书屋的亲子共读什么时候办", true, "每周六"),
        ("小禾亲子热线全年接了多少来电", true, "1.5万人次"),
        ("小禾热线一年接了多少通电话", true, "1.5万人次"),
        ("小禾亲子热线的电话号码是多少", false, ""),
    ];
    check_imported_answers(article, &table);
}

/// Classes of an imported article's names and counts: a name in quotes said with the head
/// of the noun after it (星语热线 of “星语”儿童心理援助热线) names the item, and the cue
/// inside it (热线) asks nothing, also when the name is typed with other characters of the
/// same sound (星雨); asking its phone number stays unsaid.
#[test]
fn imported_names_with_their_head_are_read_as_asked() {
    let article = "2035年某市妇女儿童工作三件事\n\
         一、开通“星语”儿童心理援助热线\n\
         开通“星语”儿童心理援助热线,由40名咨询员轮班值守,全年接听来电2.1万人次。\n\
         在社区设立8个儿童心理驿站,提供面对面咨询。\n\
         二、开展“书香家园”亲子阅读活动\n\
         开展“书香家园”亲子阅读活动600场,参与家庭3.5万户。\n\
         新建社区儿童图书馆分馆25家。\n\
         三、建成女性创业孵化基地\n\
         在东湖区建成女性创业孵化基地3个,累计入驻女性创业团队45个。\n";
    let table: [(&str, bool, &str); 3] = [
        ("星语热线是干什么的", true, "星语"),
        ("星雨热线是干什么的", true, "星语"),
        ("星语热线的电话号码是多少", false, ""),
    ];
    check_imported_answers(article, &table);
}
