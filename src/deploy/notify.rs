//! Telling the podcast directories that the feed changed, once it is live: a WebSub publish
//! ping (`hub.mode=publish`, `hub.url=<feed>`) to each hub of `websub:` in `podcast.yaml`
//! (the feed declares them as `<atom:link rel="hub">`, so apps subscribe there), and the
//! Podcast Index `pubnotify:` address with `url=<feed>`. A failed ping is a warning: the
//! directories still find the new episode at their next poll.

use reqwest::Client;

use super::errors::chain;
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
                Diagnostic::warning(hub, format!("the WebSub hub did not take the ping: {problem}"))
                    .help("check the hub's address in `websub:` of podcast.yaml; apps subscribed there see the episode at their next poll"),
            );
        }
    }
    if let Some(address) = pubnotify {
        let ping = client.get(address).query(&[("url", feed_url)]).send().await;
        if let Some(problem) = failed(ping) {
            found.push(
                Diagnostic::warning(address, format!("Podcast Index did not take the notification: {problem}"))
                    .help("check `pubnotify:` in podcast.yaml; Podcast Index sees the episode at its next poll"),
            );
        }
    }
    found
}

/// What went wrong with a ping, if anything.
fn failed(response: reqwest::Result<reqwest::Response>) -> Option<String> {
    match response {
        Ok(r) if r.status().is_success() => None,
        Ok(r) => Some(format!("it answered {}", r.status())),
        Err(e) => Some(chain(&e)),
    }
}
