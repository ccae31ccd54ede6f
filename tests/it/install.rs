//! `scripts/install.sh`, the install and upgrade step of a server, run into a temporary
//! root (no user, no systemctl): the binary, the knowledge copied once and kept across
//! upgrades, the configuration, the systemd unit; an upgrade whose check fails replaces
//! nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Root {
    dir: tempfile::TempDir,
}

impl Root {
    fn new() -> Root {
        Root {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn install(&self) -> Output {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/install.sh");
        Command::new("bash")
            .arg(script)
            .env("FUER_BOT_NO_SYSTEM", "1")
            .env("FUER_BOT_BINARY", env!("CARGO_BIN_EXE_fuer-bot"))
            .env("PREFIX", self.path("usr"))
            .env("STATE_DIR", self.path("var/lib/fuer-bot"))
            .env("ETC_DIR", self.path("etc/fuer-bot"))
            .env("SYSTEMD_DIR", self.path("etc/systemd/system"))
            .env("RUST_LOG", "off")
            .output()
            .expect("run install.sh")
    }
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn install_then_upgrade_keeps_the_admins_knowledge() {
    let root = Root::new();
    let first = root.install();
    assert!(first.status.success(), "{}", text(&first));
    let installed = root.path("var/lib/fuer-bot/knowledge");
    let item = installed.join("2024-shenzhen/01-巾帼宣讲.toml");
    let shipped = crate::support::knowledge_dir().join("2024-shenzhen/01-巾帼宣讲.toml");
    assert_eq!(std::fs::read(&item).unwrap(), std::fs::read(&shipped).unwrap());
    assert!(root.path("usr/bin/fuer-bot").is_file());
    let env = std::fs::read_to_string(root.path("etc/fuer-bot/env")).unwrap();
    // (what the installed files must say)
    let expectations = [
        (env.as_str(), format!("KNOWLEDGE_DIR={}", installed.display())),
        (
            env.as_str(),
            format!("DATA_DIR={}", root.path("var/lib/fuer-bot/data").display()),
        ),
    ];
    for (file, line) in &expectations {
        assert!(file.lines().any(|candidate| candidate == line), "{line} in {file}");
    }
    let unit = std::fs::read_to_string(root.path("etc/systemd/system/fuer-bot.service")).unwrap();
    for line in [
        format!("ExecStart={} run", root.path("usr/bin/fuer-bot").display()),
        format!("WorkingDirectory={}", root.path("var/lib/fuer-bot").display()),
        format!("EnvironmentFile={}", root.path("etc/fuer-bot/env").display()),
        "RestartPreventExitStatus=2".to_string(),
    ] {
        assert!(unit.lines().any(|candidate| candidate == line), "{line} in {unit}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(root.path("etc/fuer-bot/env"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the configuration holds the token");
    }

    // An admin's edit survives an upgrade; the configuration is not rewritten.
    let mut edited = std::fs::read_to_string(&item).unwrap();
    edited.push_str("\n# 管理员的修改\n");
    std::fs::write(&item, &edited).unwrap();
    std::fs::write(root.path("etc/fuer-bot/env"), "TELOXIDE_TOKEN=kept\n").unwrap();
    let upgrade = root.install();
    assert!(upgrade.status.success(), "{}", text(&upgrade));
    assert!(
        text(&upgrade).contains("kept the installed knowledge"),
        "{}",
        text(&upgrade)
    );
    assert_eq!(std::fs::read_to_string(&item).unwrap(), edited);
    assert_eq!(
        std::fs::read_to_string(root.path("etc/fuer-bot/env")).unwrap(),
        "TELOXIDE_TOKEN=kept\n"
    );

    // Knowledge the new version refuses: nothing is replaced, and the script says why.
    std::fs::write(&item, "number = \"一\"\n").unwrap();
    std::fs::write(root.path("usr/bin/fuer-bot"), "the old binary").unwrap();
    let refused = root.install();
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(
        text(&refused).contains("does not pass the new version's check"),
        "{}",
        text(&refused)
    );
    assert!(
        text(&refused).contains("01-巾帼宣讲.toml"),
        "the check's problems are shown: {}",
        text(&refused)
    );
    assert_eq!(
        std::fs::read_to_string(root.path("usr/bin/fuer-bot")).unwrap(),
        "the old binary"
    );
}
