//! The Podcasting 2.0 values of the model that are more than a string: a place, a
//! verification text, a publishing schedule, a soundbite.

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
