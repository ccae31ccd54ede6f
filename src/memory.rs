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

    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn freed_pages_between_kept_blocks_leave_the_resident_set() {
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
}
