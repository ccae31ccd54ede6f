//! Giving the start-up's freed memory back to the system.
//!
//! Building the engines (on two threads) and reading the knowledge files allocate and free
//! far more than the engines keep. glibc's `malloc` keeps freed pages in its arenas (one
//! per thread that allocated), where they count in the bot's resident memory for as long
//! as it runs; `malloc_trim` hands every whole free page of every arena back.

/// Returns the allocator's free pages to the system (glibc on Linux; elsewhere nothing).
/// Call it after the start-up's big temporary allocations were freed.
pub fn release_free_pages() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only walks the allocator's own free lists, under its locks.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    /// Set in the child process that measures: the test then runs alone in its process.
    const CHILD: &str = "FUER_BOT_RSS_CHILD";

    /// The process's anonymous resident memory, in kB.
    fn rss_anon_kb() -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        status
            .lines()
            .find(|line| line.starts_with("RssAnon:"))
            .and_then(|line| line.split_whitespace().nth(1))
            .and_then(|kb| kb.parse().ok())
            .unwrap_or(0)
    }

    /// The measure itself: 64 MiB freed between blocks that stay must leave the resident
    /// set once the free pages are released.
    fn measure_freed_pages() {
        let before = rss_anon_kb();
        // 64 MiB of 64 KiB blocks (below the mmap threshold: they live in the arena), each
        // followed by a small block that stays, so the freed pages are not at the arena's
        // top, where free() would give them back by itself.
        let (big, kept): (Vec<Vec<u8>>, Vec<Box<u64>>) = (0..1024u64)
            .map(|index| (vec![1u8; 64 * 1024], Box::new(index)))
            .unzip();
        drop(big);
        super::release_free_pages();
        let grown = rss_anon_kb().saturating_sub(before);
        assert!(grown < 32 * 1024, "still {grown} kB resident after freeing 64 MiB");
        assert_eq!(kept.len(), 1024);
    }

    /// The resident set is the whole process's: tests running beside this one on other
    /// threads allocate and free in it too. So the test runs itself again in a child process
    /// where it is the only test (`--exact`, one thread), and the child measures.
    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn freed_pages_between_kept_blocks_leave_the_resident_set() {
        if std::env::var_os(CHILD).is_some() {
            measure_freed_pages();
            return;
        }
        let name = "memory::tests::freed_pages_between_kept_blocks_leave_the_resident_set";
        let output = std::process::Command::new(std::env::current_exe().expect("the test binary"))
            .args([name, "--exact", "--test-threads=1", "--nocapture"])
            .env(CHILD, "1")
            .output()
            .expect("the test binary runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "the measuring child failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        // The child ran the test (a wrong name would pass with "0 passed").
        assert!(stdout.contains("1 passed"), "the child ran no test:\n{stdout}");
    }
}
