//! The check after publishing: the live show, as Apple's crawler sees it. The feed must answer
//! 200 and parse (and be the one just sent: otherwise a cache in front of the host keeps an
//! old one); each new or changed MP3 must answer `HEAD` with the enclosure's length and
//! `Content-Type: audio/mpeg`, and a request for its first two bytes with 206 (no ranges, no
//! seeking, and Apple refuses the show). Every problem is a warning with the fix: the files
//! are published, what is left is the host's configuration.

use futures_util::StreamExt;
use quick_xml::XmlVersion;
use quick_xml::events::Event;
use reqwest::{Client, StatusCode, header};

use super::errors::chain;
use crate::t;
use crate::util::diag::Diagnostic;

/// An enclosure of a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Enclosure {
    pub url: String,
    pub length: u64,
}

/// Requests under way at once for the MP3s.
const AT_ONCE: usize = 8;

/// Every enclosure of `feed` (RSS), in order; an unreadable one is skipped (the build wrote
/// the feed, and its own tests read it).
pub fn enclosures(feed: &[u8]) -> Vec<Enclosure> {
    let mut reader = quick_xml::Reader::from_reader(feed);
    let mut buffer = Vec::new();
    let mut found = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "enclosure" => {
                let attribute = |name: &str| {
                    e.try_get_attribute(name).ok().flatten().and_then(|a| {
                        a.normalized_value(XmlVersion::Implicit1_0)
                            .ok()
                            .map(|v| v.into_owned())
                    })
                };
                if let (Some(url), Some(length)) = (
                    attribute("url"),
                    attribute("length").and_then(|l| l.parse().ok()),
                ) {
                    found.push(Enclosure { url, length });
                }
            }
            Ok(Event::Eof) | Err(_) => return found,
            Ok(_) => {}
        }
        buffer.clear();
    }
}

/// Why `bytes` is not a well-formed RSS document, if it is not.
fn unparsable(bytes: &[u8]) -> Option<String> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buffer = Vec::new();
    let mut root = None;
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(e)) if root.is_none() => {
                root = Some(e.local_name().as_ref().to_string());
            }
            Ok(Event::Eof) => break,
            Err(e) => {
                return Some(t!(
                    "deploy-feed-xml-error",
                    error = e.to_string(),
                    byte = reader.error_position()
                ));
            }
            Ok(_) => {}
        }
        buffer.clear();
    }
    match root.as_deref() {
        Some("rss") => None,
        Some(other) => Some(t!("deploy-feed-root", root = other)),
        None => Some(t!("deploy-feed-empty")),
    }
}

/// Checks the live feed at `feed_url` (which should hold `feed`) and the MP3s of `changed`
/// (paths of the output); returns the warnings.
pub async fn check(
    client: &Client,
    feed_url: &str,
    feed: &[u8],
    changed: &[&str],
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    match client.get(feed_url).send().await {
        // The MP3s would say the same.
        Err(e) => return vec![unreachable(feed_url, &e)],
        Ok(response) if response.status() != StatusCode::OK => found.push(
            Diagnostic::warning(
                feed_url,
                t!("deploy-feed-status", status = response.status().to_string()),
            )
            .help(t!("deploy-feed-status-help")),
        ),
        Ok(response) => match response.bytes().await {
            Err(e) => found.push(unreachable(feed_url, &e)),
            Ok(live) => {
                if let Some(why) = unparsable(&live) {
                    found.push(
                        Diagnostic::warning(feed_url, t!("deploy-feed-unparsable", why = why))
                            .help(t!("deploy-feed-unparsable-help")),
                    );
                } else if live != feed {
                    found.push(
                        Diagnostic::warning(feed_url, t!("deploy-feed-stale"))
                            .help(t!("deploy-feed-stale-help")),
                    );
                }
            }
        },
    }
    let wanted: Vec<Enclosure> = enclosures(feed)
        .into_iter()
        .filter(|e| {
            let path = e.url.split(['?', '#']).next().unwrap_or_default();
            changed.iter().any(|c| path.ends_with(&format!("/{c}")))
        })
        .collect();
    let checks = futures_util::stream::iter(wanted)
        .map(|enclosure| async move { audio(client, &enclosure).await })
        .buffer_unordered(AT_ONCE)
        .collect::<Vec<_>>()
        .await;
    found.extend(checks.into_iter().flatten());
    found
}

/// The warnings about one MP3 as served.
async fn audio(client: &Client, enclosure: &Enclosure) -> Vec<Diagnostic> {
    let url = &enclosure.url;
    let warn = |message: String, help: String| Diagnostic::warning(url, message).help(help);
    let head = match client.head(url).send().await {
        Ok(head) => head,
        Err(e) => return vec![unreachable(url, &e)],
    };
    if head.status() != StatusCode::OK {
        return vec![warn(
            t!("deploy-mp3-status", status = head.status().to_string()),
            t!("deploy-mp3-status-help"),
        )];
    }
    let mut found = Vec::new();
    let length = head
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if length != Some(enclosure.length) {
        let announced = enclosure.length;
        let message = match length {
            Some(served) => t!("deploy-mp3-length", served = served, announced = announced),
            None => t!("deploy-mp3-no-length", announced = announced),
        };
        found.push(warn(message, t!("deploy-mp3-length-help")));
    }
    let content_type = head
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if content_type
        .and_then(|t| t.split(';').next())
        .map(str::trim)
        != Some("audio/mpeg")
    {
        let message = match content_type {
            Some(served) => t!("deploy-mp3-type", served = served),
            None => t!("deploy-mp3-no-type"),
        };
        found.push(warn(message, t!("deploy-mp3-type-help")));
    }
    match client
        .get(url)
        .header(header::RANGE, "bytes=0-1")
        .send()
        .await
    {
        Err(e) => found.push(unreachable(url, &e)),
        Ok(r) if r.status() == StatusCode::PARTIAL_CONTENT => {}
        Ok(r) => found.push(warn(
            t!("deploy-mp3-range", status = r.status().to_string()),
            t!("deploy-mp3-range-help"),
        )),
    }
    found
}

/// The warning for a request that got no answer.
fn unreachable(url: &str, e: &reqwest::Error) -> Diagnostic {
    let text = chain(e);
    let host = url.split('/').nth(2).unwrap_or(url);
    if text.to_lowercase().contains("certificate") {
        Diagnostic::warning(
            url,
            t!("deploy-live-certificate", host = host, error = text),
        )
        .help(t!("deploy-live-certificate-help"))
    } else {
        Diagnostic::warning(
            url,
            t!("deploy-live-unreachable", host = host, error = text),
        )
        .help(t!("deploy-live-unreachable-help"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enclosures_and_their_lengths() {
        let feed = br#"<?xml version="1.0"?><rss><channel><item><enclosure url="https://h/e/a/a.mp3?x=1&amp;y=2" length="42" type="audio/mpeg"/></item><item><enclosure url="https://h/e/b/b.mp3" length="7"></enclosure></item></channel></rss>"#;
        assert_eq!(
            enclosures(feed),
            [
                Enclosure {
                    url: "https://h/e/a/a.mp3?x=1&y=2".into(),
                    length: 42
                },
                Enclosure {
                    url: "https://h/e/b/b.mp3".into(),
                    length: 7
                }
            ]
        );
    }

    #[test]
    fn a_feed_that_does_not_parse_says_why() {
        assert_eq!(unparsable(b"<rss><channel/></rss>"), None);
        assert!(
            unparsable(b"<html><body>502</body></html>")
                .unwrap()
                .contains("<html>")
        );
        assert!(unparsable(b"<rss><channel></rss>").is_some());
        assert!(unparsable(b"").unwrap().contains("empty"));
    }
}
