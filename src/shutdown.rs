//! Stopping on request: the first Ctrl-C or SIGTERM ends `fuer-bot run` and `fuer-bot web`
//! cleanly; a second Ctrl-C quits at once.

/// Completes on the first Ctrl-C or SIGTERM. A second Ctrl-C ends the process at once.
pub async fn shutdown_signal() {
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
    log::info!("shutdown requested: finishing the updates in progress (Ctrl-C again to quit at once)");
    tokio::spawn(async {
        if tokio::signal::ctrl_c().await.is_ok() {
            log::warn!("second Ctrl-C: quitting without waiting");
            std::process::exit(130);
        }
    });
}
