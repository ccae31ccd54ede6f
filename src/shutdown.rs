//! Stopping on request: the first Ctrl-C or SIGTERM ends `fuer-bot run` and `fuer-bot web`
//! cleanly; a second Ctrl-C quits at once. Also the one async runtime both run on.

/// What `fuer-bot run` finishes before it stops.
pub const BOT_WORK: &str = "the Telegram updates in progress";
/// What `fuer-bot web` finishes before it stops.
pub const WEB_WORK: &str = "the page requests in progress";

/// The async runtime `fuer-bot run` and `fuer-bot web` run on (all cores, I/O and timers).
pub fn async_runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| anyhow::anyhow!("cannot start the async runtime: {error}"))
}

/// The log line of a requested shutdown that finishes `work` ([`BOT_WORK`], [`WEB_WORK`]).
pub fn shutdown_message(work: &str) -> String {
    format!("shutdown requested: finishing {work} (Ctrl-C again to quit at once)")
}

/// Completes on the first Ctrl-C or SIGTERM, logging that `work` is being finished. A
/// second Ctrl-C ends the process at once.
pub async fn shutdown_signal(work: &'static str) {
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                log::warn!("cannot listen for SIGTERM: {error}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        result = tokio::signal::ctrl_c() => {
            if let Err(error) = result {
                log::warn!("cannot listen for Ctrl-C: {error}");
                std::future::pending::<()>().await;
            }
        }
        () = terminate => {}
    }
    log::info!("{}", shutdown_message(work));
    tokio::spawn(async {
        if tokio::signal::ctrl_c().await.is_ok() {
            log::warn!("second Ctrl-C: quitting without waiting");
            std::process::exit(130);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shutdown_line_names_what_is_finished() {
        for (work, expected) in [
            (BOT_WORK, "finishing the Telegram updates in progress"),
            (WEB_WORK, "finishing the page requests in progress"),
        ] {
            let message = shutdown_message(work);
            assert!(message.contains(expected), "{message}");
        }
        assert!(!shutdown_message(WEB_WORK).contains("updates"));
    }
}
