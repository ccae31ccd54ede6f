//! Unit tests of the reload: which file events matter, the polling fallback, the admins' messages.

use super::*;

fn event(kind: EventKind, path: &str) -> notify::Result<Event> {
    Ok(Event::new(kind).add_path(PathBuf::from(path)))
}

#[test]
fn only_changes_to_toml_files_are_relevant() {
    use notify::event::{CreateKind, ModifyKind, RemoveKind};
    let dir = Path::new("/k");
    assert!(is_relevant(
        dir,
        &event(EventKind::Modify(ModifyKind::Any), "/k/05-a.toml")
    ));
    assert!(is_relevant(
        dir,
        &event(EventKind::Remove(RemoveKind::File), "/k/05-a.toml")
    ));
    assert!(is_relevant(
        dir,
        &event(EventKind::Access(AccessKind::Close(AccessMode::Write)), "/k/05-a.toml")
    ));
    assert!(is_relevant(dir, &event(EventKind::Remove(RemoveKind::Folder), "/k")));
    assert!(is_relevant(
        dir,
        &event(EventKind::Modify(ModifyKind::Any), "/k/source.txt")
    ));
    assert!(!is_relevant(
        dir,
        &event(EventKind::Modify(ModifyKind::Any), "/k/notes.txt")
    ));
    assert!(!is_relevant(
        dir,
        &event(EventKind::Access(AccessKind::Open(AccessMode::Any)), "/k/05-a.toml")
    ));
    assert!(!is_relevant(
        dir,
        &event(EventKind::Create(CreateKind::File), "/k/.05-a.toml.swp")
    ));
    assert!(!is_relevant(
        dir,
        &event(EventKind::Create(CreateKind::File), "/k/05-a.toml~")
    ));
    assert!(is_relevant(dir, &Err(notify::Error::generic("overflow"))));
    // Article folders: their files, and the folders themselves coming and going.
    for relevant in [
        "/k/2024-shenzhen/05-a.toml",
        "/k/2024-shenzhen/source.txt",
        "/k/2025-shenzhen",
    ] {
        assert!(
            is_relevant(dir, &event(EventKind::Create(CreateKind::Any), relevant)),
            "{relevant}"
        );
    }
    for ignored in [
        "/k/.history/2024-shenzhen/05-a.toml",
        "/k/_draft/05-a.toml",
        "/k/2024-shenzhen/notes.txt",
        "/k/2024-shenzhen/deeper/05-a.toml",
    ] {
        assert!(
            !is_relevant(dir, &event(EventKind::Create(CreateKind::Any), ignored)),
            "{ignored}"
        );
    }
}

#[test]
fn the_polling_fallback_reloads_too() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    let dir = tempfile::tempdir().unwrap();
    crate::knowledge_dir::copy_knowledge_dir(&source, dir.path()).unwrap();
    // A corrected article, with the lines both as published and corrected, so that the
    // files are valid before and after the edit of the item.
    let article = dir.path().join("2024-shenzhen").join(ARTICLE_FILE_NAME);
    let text = std::fs::read_to_string(&article).unwrap();
    let corrected: Vec<String> = text
        .lines()
        .filter(|line| line.contains("1480间"))
        .map(|line| line.replace("1480间", "1999间"))
        .collect();
    std::fs::write(&article, format!("{text}\n{}\n", corrected.join("\n"))).unwrap();
    let knowledge = load_knowledge_dir(dir.path()).unwrap();
    let library = Arc::new(ArcSwap::from_pointee(Library::new(knowledge)));
    let (sender, outcomes) = mpsc::channel();
    let sender = Mutex::new(sender);
    let guard = watch(
        dir.path(),
        Arc::clone(&library),
        move |outcome| {
            let _ = sender.lock().unwrap().send(outcome);
        },
        true,
    )
    .unwrap();
    assert!(guard.is_polling());
    let file = dir.path().join("2024-shenzhen/05-母婴室.toml");
    // The English says the same figure (`check` holds them together).
    let changed = std::fs::read_to_string(&file)
        .unwrap()
        .replace("1480间", "1999间")
        .replace("1,480", "1,999");
    std::fs::write(&file, changed).unwrap();
    // A hang guard, not a speed requirement.
    let outcome = outcomes.recv_timeout(Duration::from_secs(60)).unwrap();
    assert!(outcome.is_reloaded(), "{outcome}");
    let item = library.load().engine(0).knowledge().item(5).unwrap().headline.clone();
    assert!(item.contains("1999间"), "{item}");
}

#[test]
fn admin_messages() {
    let several = ReloadOutcome::Reloaded {
        articles: 2,
        items: 20,
        facts: 80,
        keywords: 1400,
    };
    assert_eq!(
        several.admin_message(),
        "知识库已更新：2 篇文章，共 20 件大事，80 条事实，1400 个关键词。"
    );
    let ok = ReloadOutcome::Reloaded {
        articles: 1,
        items: 10,
        facts: 50,
        keywords: 700,
    };
    assert_eq!(ok.admin_message(), "知识库已更新：10 件大事，50 条事实，700 个关键词。");
    let problems: Vec<Problem> = (1..=25)
        .map(|line| Problem {
            path: "knowledge/05-母婴室.toml".to_string(),
            line,
            message: "oops".to_string(),
        })
        .collect();
    let failed = ReloadOutcome::Failed(problems).admin_message();
    assert!(failed.contains("knowledge/05-母婴室.toml:1: oops\n"));
    assert!(failed.contains("knowledge/05-母婴室.toml:20: oops\n"));
    assert!(!failed.contains(":21: oops"));
    assert!(failed.contains("另有 5 处"));
}
