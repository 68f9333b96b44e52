//! The keys of the 2025 Podcasting 2.0 namespace, as written and as checked: `images`,
//! `value` (in `value.rs`), `social_interact` and `ai_content` (in `podcast.yaml` and in an
//! episode's front matter), `podroll` and `publisher` (in `podcast.yaml` only).

use std::path::Path;

use serde::Deserialize;

use super::value::{RawValue, value};
use crate::model::{Artwork, Extras, Image, ImageLocation, RemoteItem, SocialInteract};
use crate::show::artwork;
use crate::show::checker::Checker;
use crate::show::yaml::Spanned;
use crate::t;
use crate::util::paths;

/// Longest `purpose` of an image, and `podcast:txt` value (Podcasting 2.0 limits).
const MAX_PURPOSE: usize = 128;
const MAX_TXT: usize = 4000;

/// The protocols of `podcast:socialInteract` (the namespace's `socialprotocols.txt`).
pub const SOCIAL_PROTOCOLS: &[&str] = &[
    "disabled",
    "activitypub",
    "twitter",
    "lightning",
    "bluesky",
    "hive",
    "matrix",
    "nostr",
];

/// The keys the show and an episode share, as written.
#[derive(Default)]
pub(crate) struct RawExtras {
    pub images: Vec<Spanned<RawImage>>,
    pub value: Option<Spanned<RawValue>>,
    pub social_interact: Vec<Spanned<RawSocial>>,
    pub ai_content: Option<Spanned<String>>,
}

/// `images: [{file: banniere.jpg, alt: …, purpose: social}]` or `{href: https://…, width: …}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawImage {
    pub file: Option<Spanned<String>>,
    pub href: Option<Spanned<String>>,
    pub alt: Option<Spanned<String>>,
    pub purpose: Option<Spanned<String>>,
    pub width: Option<Spanned<u32>>,
    pub height: Option<Spanned<u32>>,
}

/// `social_interact: [{protocol: activitypub, uri: …, account_id: …, account_url: …}]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSocial {
    pub protocol: Spanned<String>,
    pub uri: Option<Spanned<String>>,
    pub account_id: Option<Spanned<String>>,
    pub account_url: Option<Spanned<String>>,
    pub priority: Option<u32>,
}

/// A show of the `podroll`: `{feed_guid: …, feed_url: …, title: …, url: …}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRemoteItem {
    pub feed_guid: Spanned<String>,
    pub feed_url: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub url: Option<Spanned<String>>,
}

/// `publisher: {feed_guid: …, feed_url: …}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPublisher {
    pub feed_guid: Spanned<String>,
    pub feed_url: Option<Spanned<String>>,
}

/// Checks the shared keys. Image files are found in `base` and published under
/// `dir_in_output` (`episodes/<slug>/`, or `images/` for the show), except the `artwork`
/// itself, which is already published.
pub(crate) fn extras(
    raw: RawExtras,
    base: &Path,
    dir_in_output: &str,
    artwork: Option<&Artwork>,
    check: &mut Checker,
) -> Extras {
    let mut images: Vec<Image> = Vec::new();
    for entry in &raw.images {
        if let Some(image) = image(entry, base, dir_in_output, artwork, check) {
            let same_name = |other: &Image| match (&other.location, &image.location) {
                (ImageLocation::File(a), ImageLocation::File(b)) => a.published == b.published,
                _ => false,
            };
            if images.iter().any(same_name) {
                check.error_help(
                    entry,
                    t!("config-images-twice"),
                    &t!("config-images-twice-help"),
                );
            }
            images.push(image);
        }
    }
    Extras {
        images,
        value: raw.value.as_ref().and_then(|v| value(v, check)),
        social: social(&raw.social_interact, check),
        ai_content: raw
            .ai_content
            .as_ref()
            .and_then(|text| check.short_text(text, "ai_content", MAX_TXT, true)),
    }
}

fn image(
    entry: &Spanned<RawImage>,
    base: &Path,
    dir_in_output: &str,
    artwork: Option<&Artwork>,
    check: &mut Checker,
) -> Option<Image> {
    let raw = &entry.value;
    let alt = raw
        .alt
        .as_ref()
        .and_then(|a| check.short_text(a, "alt", MAX_TXT, true));
    let purpose = raw.purpose.as_ref().and_then(|p| {
        let text = check.short_text(p, "purpose", MAX_PURPOSE, true)?;
        Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
    });
    let (location, width, height) = match (&raw.file, &raw.href) {
        (Some(file), None) => {
            if let Some(given) = raw.width.as_ref().or(raw.height.as_ref()) {
                check.error_help(
                    given,
                    t!("config-image-size-given"),
                    &t!("config-image-size-given-help"),
                );
            }
            let (art, info) = image_file(file, base, dir_in_output, artwork, check)?;
            (
                ImageLocation::File(art),
                Some(info.width),
                Some(info.height),
            )
        }
        (None, Some(href)) => {
            let url = check.url(href, true)?;
            let side = |s: &Option<Spanned<u32>>| s.as_ref().map(|s| s.value);
            (ImageLocation::Url(url), side(&raw.width), side(&raw.height))
        }
        _ => {
            check.error_help(
                entry,
                t!("config-image-no-location"),
                &t!("config-image-no-location-help"),
            );
            return None;
        }
    };
    Some(Image {
        location,
        alt,
        purpose,
        width,
        height,
    })
}

/// A JPEG or PNG of the podcast for `podcast:image`: found, measured, and named in the output.
fn image_file(
    file: &Spanned<String>,
    base: &Path,
    dir_in_output: &str,
    artwork: Option<&Artwork>,
    check: &mut Checker,
) -> Option<(Artwork, artwork::ImageInfo)> {
    let source = paths::inside(base, file.value.trim())
        .map_err(|e| check.error(file, e))
        .ok()?;
    let info = artwork::read(&source)
        .map_err(|e| {
            check.error_help(
                file,
                t!(
                    "config-file-problem",
                    file = file.value.as_str(),
                    problem = e
                ),
                &t!("config-image-unreadable-help"),
            )
        })
        .ok()?;
    let ext = match info.format {
        artwork::Format::Jpeg => "jpg",
        artwork::Format::Png => "png",
    };
    if let Some(art) = artwork.filter(|art| art.source == source) {
        return Some((art.clone(), info));
    }
    let published = super::published_name(&source, dir_in_output, ext);
    if artwork.is_some_and(|art| art.published == published) {
        check.error_help(
            file,
            t!(
                "config-image-artwork-name",
                file = file.value.as_str(),
                published = published
            ),
            &t!("config-image-artwork-name-help"),
        );
        return None;
    }
    Some((Artwork { source, published }, info))
}

/// `social_interact:` by priority (the unnumbered last, in their order).
fn social(raw: &[Spanned<RawSocial>], check: &mut Checker) -> Vec<SocialInteract> {
    let mut found: Vec<SocialInteract> = raw
        .iter()
        .filter_map(|entry| {
            let raw = &entry.value;
            let protocol = raw.protocol.value.trim().to_ascii_lowercase();
            if !SOCIAL_PROTOCOLS.contains(&protocol.as_str()) {
                check.error_help(
                    &raw.protocol,
                    t!("config-social-unknown-protocol", protocol = protocol),
                    &t!("config-use-one-of", values = SOCIAL_PROTOCOLS.join(", ")),
                );
                return None;
            }
            if protocol == "disabled" {
                if raw.uri.is_some()
                    || raw.account_id.is_some()
                    || raw.account_url.is_some()
                    || raw.priority.is_some()
                {
                    check.error_help(
                        entry,
                        t!("config-social-disabled-alone"),
                        &t!("config-social-disabled-alone-help"),
                    );
                }
                return Some(SocialInteract {
                    protocol,
                    uri: None,
                    account_id: None,
                    account_url: None,
                    priority: None,
                });
            }
            let Some(uri) = &raw.uri else {
                check.error_help(
                    entry,
                    t!("config-social-no-uri"),
                    &t!("config-social-no-uri-help"),
                );
                return None;
            };
            let uri = social_uri(uri, check)?;
            Some(SocialInteract {
                protocol,
                uri: Some(uri),
                account_id: raw
                    .account_id
                    .as_ref()
                    .and_then(|a| check.short_text(a, "account_id", MAX_PURPOSE, true)),
                account_url: raw.account_url.as_ref().and_then(|u| check.url(u, false)),
                priority: raw.priority,
            })
        })
        .collect();
    if found.len() > 1 && found.iter().any(|s| s.protocol == "disabled") {
        check.error_help(
            &raw[0],
            t!("config-social-disabled-beside"),
            &t!("config-social-disabled-beside-help"),
        );
    }
    found.sort_by_key(|s| s.priority.unwrap_or(u32::MAX));
    found
}

/// The `uri` of a root post: an `https://` or `http://` URL, or another scheme's URI
/// (`at://`, `nostr:`), without spaces.
fn social_uri(uri: &Spanned<String>, check: &mut Checker) -> Option<String> {
    let text = uri.value.trim();
    if text.starts_with("http") {
        return check.url(uri, false);
    }
    let scheme_ok = text
        .split_once(':')
        .is_some_and(|(scheme, rest)| !scheme.is_empty() && !rest.is_empty());
    if !scheme_ok || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        check.error_help(
            uri,
            t!("config-social-not-uri", uri = text),
            &t!("config-social-not-uri-help"),
        );
        return None;
    }
    Some(text.to_string())
}

/// `podroll:`: the shows the show recommends. Each needs a title, which the site lists.
pub(crate) fn podroll(raw: &[Spanned<RawRemoteItem>], check: &mut Checker) -> Vec<RemoteItem> {
    raw.iter()
        .filter_map(|entry| {
            let raw = &entry.value;
            let guid = feed_guid(&raw.feed_guid, check);
            let feed_url = raw.feed_url.as_ref().and_then(|u| check.url(u, false));
            let url = raw.url.as_ref().and_then(|u| check.url(u, false));
            let Some(title) = &raw.title else {
                check.error_help(
                    entry,
                    t!("config-podroll-no-title"),
                    &t!("config-podroll-no-title-help"),
                );
                return None;
            };
            let title = check.short_text(title, "title", MAX_PURPOSE, true);
            Some(RemoteItem {
                feed_guid: guid?,
                feed_url,
                title: Some(title?),
                url,
            })
        })
        .collect()
}

/// `publisher:`: the publisher's own feed (a feed of `podcast:medium` `publisher`).
pub(crate) fn publisher(
    raw: Option<&Spanned<RawPublisher>>,
    check: &mut Checker,
) -> Option<RemoteItem> {
    let entry = raw?;
    let guid = feed_guid(&entry.value.feed_guid, check);
    let feed_url = match &entry.value.feed_url {
        Some(url) => check.url(url, false),
        None => {
            check.warning(
                entry,
                t!("config-publisher-no-feed-url"),
                &t!("config-publisher-no-feed-url-help"),
            );
            None
        }
    };
    Some(RemoteItem {
        feed_guid: guid?,
        feed_url,
        title: None,
        url: None,
    })
}

/// A `feedGuid`: the other feed's `podcast:guid`, a UUID.
fn feed_guid(value: &Spanned<String>, check: &mut Checker) -> Option<String> {
    match uuid::Uuid::parse_str(value.value.trim()) {
        Ok(uuid) => Some(uuid.to_string()),
        Err(_) => {
            check.error_help(
                value,
                t!("config-feed-guid-invalid", value = value.value.as_str()),
                &t!("config-feed-guid-invalid-help"),
            );
            None
        }
    }
}
