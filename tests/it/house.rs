//! House rules that keep the code in one style, checked on the sources: errors are printed
//! in one place (`main.rs`); `cli.rs` starts no Telegram bot; everything the bot says to users
//! is in `texts.rs`; HTML escaping is teloxide's; no unused or duplicated dependency entries.

use std::path::{Path, PathBuf};

/// Where the core crate's sources are.
const CORE_SRC: &str = "crates/fuer-core/src";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Rust files under `src/` and the core's `crates/fuer-core/src/`, with their path
/// relative to the repository; a module's unit-test file (`tests.rs`) is not among them.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a source directory") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|ext| ext == "rs") && !path.ends_with("tests.rs") {
                // A module's unit tests in a file of their own (`x/tests.rs`) are left out,
                // as `code` leaves out those written inline.
                found.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(&root().join("src"), &mut paths);
    walk(&root().join(CORE_SRC), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(root())
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/");
            (name, std::fs::read_to_string(&path).expect("a source file"))
        })
        .collect()
}

/// The code of a file without its unit tests and without comment lines.
fn code(source: &str) -> Vec<(usize, &str)> {
    let end = source.find("#[cfg(test)]").unwrap_or(source.len());
    source[..end]
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line))
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .collect()
}

/// The string literals of a line (enough for this code base: no raw strings with quotes).
fn literals(line: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let mut end = None;
        let mut escaped = false;
        for (index, ch) in after.char_indices() {
            match ch {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(index);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(end) = end else { break };
        found.push(&after[..end]);
        rest = &after[end + 1..];
    }
    found
}

#[test]
fn errors_are_printed_by_main_only_and_cli_starts_no_bot() {
    for (name, source) in sources() {
        if name == "src/main.rs" {
            continue;
        }
        for (line, text) in code(&source) {
            assert!(
                !(text.contains("eprintln!") && text.contains("error")),
                "{name}:{line} prints an error; return it to main instead: {text}"
            );
        }
    }
    let cli = std::fs::read_to_string(root().join("src/cli.rs")).expect("cli.rs");
    for word in ["crate::telegram", "tokio::", "teloxide"] {
        assert!(
            !cli.contains(word),
            "src/cli.rs mentions {word}: Telegram start-up belongs to src/telegram/"
        );
    }
}

#[test]
fn what_the_bot_says_is_in_texts_rs() {
    // Matching data (keywords, numerals, the engine's particles and separators) and the
    // English check messages that quote the knowledge are not sentences to users; nor are
    // the importer's word lists and its review list and file comments for the admins.
    // The scale words of figures (万, 亿) in `lang/numbers.rs` are matching data too.
    let exempt = [
        format!("{CORE_SRC}/texts.rs"),
        format!("{CORE_SRC}/normalize.rs"),
        format!("{CORE_SRC}/lang/numbers.rs"),
    ];
    let mut found = Vec::new();
    for (name, source) in sources() {
        if exempt.contains(&name)
            || name.starts_with(&format!("{CORE_SRC}/knowledge/"))
            || name.starts_with(&format!("{CORE_SRC}/engine/"))
            || name.starts_with(&format!("{CORE_SRC}/import/"))
        {
            continue;
        }
        for (line, text) in code(&source) {
            for literal in literals(text) {
                if literal.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                    found.push(format!("{name}:{line}: \"{literal}\""));
                }
            }
        }
    }
    assert!(found.is_empty(), "Chinese text outside texts.rs: {found:#?}");
}

#[test]
fn html_is_escaped_by_teloxide_and_dependencies_are_listed_once() {
    let render = std::fs::read_to_string(root().join("src/telegram/render.rs")).expect("render.rs");
    let render_code: String = code(&render)
        .iter()
        .map(|(_, line)| *line)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(render_code.contains("teloxide::utils::html::escape"));
    assert!(!render_code.contains("&amp;"), "render.rs escapes by hand");
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    assert!(
        !manifest.contains("ctrlc_handler"),
        "the Ctrl-C handler of teloxide is not used"
    );
    let entries = manifest.lines().filter(|line| line.starts_with("axum ")).count();
    assert_eq!(entries, 1, "axum is listed {entries} times");
}

#[test]
fn the_core_crate_depends_on_no_runtime_network_database_or_watcher() {
    let manifest = std::fs::read_to_string(root().join("crates/fuer-core/Cargo.toml")).expect("the core's Cargo.toml");
    let table: toml::Table = manifest.parse().expect("the core's Cargo.toml parses");
    let dependencies = table
        .get("dependencies")
        .and_then(|value| value.as_table())
        .expect("[dependencies]");
    for edge in [
        "tokio", "teloxide", "axum", "rusqlite", "notify", "moka", "reqwest", "log",
    ] {
        assert!(
            !dependencies.contains_key(edge),
            "the core depends on {edge}: I/O and runtimes belong to the fuer-bot crate"
        );
    }
    // The lock file shows what the core pulls in transitively: none of them either.
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).expect("Cargo.lock");
    let lock: toml::Table = lock.parse().expect("Cargo.lock parses");
    let packages = lock
        .get("package")
        .and_then(|value| value.as_array())
        .expect("packages");
    let dependencies_of = |name: &str| -> Vec<String> {
        packages
            .iter()
            .filter(|package| package.get("name").and_then(|value| value.as_str()) == Some(name))
            .flat_map(|package| {
                package
                    .get("dependencies")
                    .and_then(|value| value.as_array())
                    .cloned()
                    .unwrap_or_default()
            })
            .filter_map(|value| {
                value
                    .as_str()
                    .map(|text| text.split(' ').next().unwrap_or(text).to_string())
            })
            .collect()
    };
    let mut seen = std::collections::BTreeSet::new();
    let mut queue = vec!["fuer-core".to_string()];
    while let Some(name) = queue.pop() {
        if seen.insert(name.clone()) {
            queue.extend(dependencies_of(&name));
        }
    }
    for edge in ["tokio", "teloxide", "axum", "rusqlite", "notify", "moka"] {
        assert!(!seen.contains(edge), "the core pulls in {edge}: {seen:?}");
    }
}

#[test]
fn check_messages_come_from_the_one_table() {
    // A problem's message is a template of `knowledge::messages` (in Chinese, listed in the
    // guide), never a literal written where the problem is found.
    let mut found = Vec::new();
    for (name, source) in sources() {
        let checked = name.starts_with(&format!("{CORE_SRC}/knowledge/")) || name == "src/knowledge_dir.rs";
        if !checked || name.ends_with("/messages.rs") {
            continue;
        }
        let lines = code(&source);
        for (index, (line, text)) in lines.iter().enumerate() {
            let trimmed = text.trim_start();
            let reports = !trimmed.starts_with("fn ")
                && !trimmed.starts_with("pub")
                && (text.contains(".at(") || text.contains(".at_line(") || text.contains("message:"));
            if !reports {
                continue;
            }
            // The call's arguments may continue on the next lines.
            let call: String = lines[index..lines.len().min(index + 4)]
                .iter()
                .map(|(_, text)| *text)
                .collect::<Vec<_>>()
                .join(" ");
            let call = call.split(';').next().unwrap_or("");
            if call.contains("format!(\"") || (!literals(call).is_empty() && !call.contains("messages::")) {
                found.push(format!("{name}:{line}: {text}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "problem messages outside knowledge::messages: {found:#?}"
    );
}
