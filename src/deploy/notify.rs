//! Telling the podcast directories that the feed changed, once it is live: a WebSub publish
//! ping (`hub.mode=publish`, `hub.url=<feed>`) to each hub of `websub:` in `podcast.yaml`
//! (the feed declares them as `<atom:link rel="hub">`, so apps subscribe there), and the
//! Podcast Index `pubnotify:` address with `url=<feed>`. A failed ping is a warning: the
//! directories still find the new episode at their next poll.

use reqwest::Client;

use super::errors::chain;
use crate::t;
use crate::util::diag::Diagnostic;

/// Pings every hub and the pubnotify address about `feed_url`; returns the warnings.
pub async fn notify(
    client: &Client,
    feed_url: &str,
    hubs: &[String],
    pubnotify: Option<&str>,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for hub in hubs {
        let ping = client
            .post(hub)
            .form(&[("hub.mode", "publish"), ("hub.url", feed_url)])
            .send()
            .await;
        if let Some(problem) = failed(ping) {
            found.push(
                Diagnostic::warning(hub, t!("deploy-websub-failed", problem = problem))
                    .help(t!("deploy-websub-failed-help")),
            );
        }
    }
    if let Some(address) = pubnotify {
        let ping = client.get(address).query(&[("url", feed_url)]).send().await;
        if let Some(problem) = failed(ping) {
            found.push(
                Diagnostic::warning(address, t!("deploy-pubnotify-failed", problem = problem))
                    .help(t!("deploy-pubnotify-failed-help")),
            );
        }
    }
    found
}

/// What went wrong with a ping, if anything.
fn failed(response: reqwest::Result<reqwest::Response>) -> Option<String> {
    match response {
        Ok(r) if r.status().is_success() => None,
        Ok(r) => Some(t!("deploy-ping-answered", status = r.status().to_string())),
        Err(e) => Some(chain(&e)),
    }
}
