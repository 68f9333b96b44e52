//! The Podcasting 2.0 values of the model that are more than a string: a place, a
//! verification text, a publishing schedule, a soundbite, and what the namespace's 2025
//! revision adds (images, recommended shows, value for value, comments).

use serde::{Deserialize, Serialize};

use crate::util::diag::Pos;

/// `podcast:location`: what the show or the episode is about, geographically.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// Human-readable place, at most 128 characters.
    pub name: String,
    /// RFC 5870 geo URI, `geo:50.6292,3.0573`.
    pub geo: Option<String>,
    /// OpenStreetMap type and id, `R58404` (optionally `#revision`).
    pub osm: Option<String>,
}

/// `podcast:txt`: free text for machines, e.g. a platform's ownership check.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Txt {
    /// What the text is for (`applepodcastsverify`…), at most 128 characters.
    pub purpose: Option<String>,
    /// The text, at most 4000 characters.
    pub value: String,
}

/// `podcast:updateFrequency`: how often new episodes come out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateFrequency {
    /// What listeners read (`Un épisode par mois`), at most 128 characters.
    pub text: String,
    /// RFC 5545 recurrence rule, `FREQ=MONTHLY;BYDAY=1TH`.
    pub rrule: Option<String>,
    /// True when the show has a planned end and has reached it.
    pub complete: Option<bool>,
    /// When the schedule starts, ISO 8601 in UTC (`2026-01-15T07:00:00Z`).
    pub dtstart: Option<String>,
}

/// `podcast:soundbite`: a moment of an episode good for sharing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Soundbite {
    pub start_ms: u64,
    pub duration_ms: u64,
    /// Free text, at most 128 characters; apps show the episode's title without one.
    pub title: Option<String>,
    /// Where it is written in `episode.md`.
    pub pos: Pos,
}

/// What the show and an episode may each have of the 2025 namespace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extras {
    /// `podcast:image`.
    pub images: Vec<Image>,
    /// `podcast:value` (an episode's replaces the show's).
    pub value: Option<Value>,
    /// `podcast:socialInteract`, by priority.
    pub social: Vec<SocialInteract>,
    /// `podcast:txt purpose="ai-content"`: what AI did in making it.
    pub ai_content: Option<String>,
}

/// A `podcast:image`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    pub location: ImageLocation,
    pub alt: Option<String>,
    /// Space-separated tokens (`artwork`, `social`, `canvas`…).
    pub purpose: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// Where a `podcast:image` is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImageLocation {
    /// A file of the podcast, published by carnets (its size measured from it).
    File(crate::model::Artwork),
    /// An image elsewhere, by its absolute URL.
    Url(String),
}

impl Image {
    /// `aspect-ratio` in CSS syntax (`16/9`), when both sides are known.
    pub fn aspect_ratio(&self) -> Option<String> {
        let (w, h) = (self.width?, self.height?);
        let gcd = (1..=w.min(h)).rev().find(|d| w % d == 0 && h % d == 0)?;
        Some(format!("{}/{}", w / gcd, h / gcd))
    }
}

/// A `podcast:remoteItem`: another feed (a recommended show, the publisher's feed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteItem {
    /// Its `podcast:guid`.
    pub feed_guid: String,
    pub feed_url: Option<String>,
    pub title: Option<String>,
    /// Where listeners find it on the web (the site links there), when given.
    pub url: Option<String>,
}

/// A `podcast:value` block: Lightning payments shared between recipients.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Value {
    /// `keysend` or `amp`.
    pub method: String,
    /// Suggested amount per minute, in BTC (`0.00000005000` is 5 sats).
    pub suggested: Option<f64>,
    pub recipients: Vec<ValueRecipient>,
}

/// A `podcast:valueRecipient`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueRecipient {
    pub name: Option<String>,
    pub address: ValueAddress,
    /// Percent of each payment: the splits of a block add up to 100.
    pub split: u32,
    pub fee: bool,
    pub custom_key: Option<String>,
    pub custom_value: Option<String>,
}

/// Where a recipient is paid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValueAddress {
    /// A Lightning address, `nom@getalby.com` (listeners can pay it from any wallet).
    LnAddress(String),
    /// A Lightning node's public key (66 hexadecimal digits).
    Node(String),
}

impl ValueAddress {
    /// `type` of the `podcast:valueRecipient`.
    pub fn kind(&self) -> &'static str {
        match self {
            ValueAddress::LnAddress(_) => "lnaddress",
            ValueAddress::Node(_) => "node",
        }
    }

    pub fn address(&self) -> &str {
        match self {
            ValueAddress::LnAddress(a) | ValueAddress::Node(a) => a,
        }
    }
}

/// A `podcast:socialInteract`: where the comments are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocialInteract {
    /// `activitypub`, `bluesky`…, or `disabled` (no comments wanted, nothing else set).
    pub protocol: String,
    pub uri: Option<String>,
    pub account_id: Option<String>,
    pub account_url: Option<String>,
    pub priority: Option<u32>,
}

/// Seconds with at least one decimal and at most three, as the namespace writes them
/// (`73.0`, `73.5`, `73.25`).
pub fn seconds(ms: u64) -> String {
    let text = format!("{}.{:03}", ms / 1000, ms % 1000);
    let trimmed = text.trim_end_matches('0');
    if trimmed.ends_with('.') {
        format!("{trimmed}0")
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn seconds_keep_one_decimal_at_least() {
        assert_eq!(super::seconds(73_000), "73.0");
        assert_eq!(super::seconds(73_500), "73.5");
        assert_eq!(super::seconds(73_250), "73.25");
        assert_eq!(super::seconds(5), "0.005");
    }
}
