//! The Podcasting 2.0 keys of `podcast.yaml` (and `location:` of the front matter): licence,
//! medium, location, txt records and update frequency, each checked at its line.

use super::raw::{RawLicense, RawLocation, RawTxt, RawUpdateFrequency};
use crate::model::{Location, Txt, UpdateFrequency};
use crate::show::checker::Checker;
use crate::show::yaml::Spanned;
use crate::t;

/// Longest text of most Podcasting 2.0 elements (location, txt purpose, update frequency).
const MAX_SHORT_TEXT: usize = 128;
/// Longest `podcast:txt` value.
const MAX_TXT: usize = 4000;

/// The `podcast:medium` values for a feed of MP3 episodes (the namespace's list without the
/// list feeds `…L`, `publisher` and `mixed`, which describe feeds of feeds).
pub const MEDIUMS: &[&str] = &[
    "podcast",
    "music",
    "video",
    "film",
    "audiobook",
    "newsletter",
    "blog",
    "course",
];

/// The canonical URL of a licence carnets knows by its SPDX identifier (any case): the
/// Creative Commons licences and CC0.
pub fn license_url(id: &str) -> Option<String> {
    let id = id.trim().to_ascii_lowercase();
    if id == "cc0-1.0" {
        return Some("https://creativecommons.org/publicdomain/zero/1.0/".into());
    }
    let (kind, version) = id.strip_prefix("cc-")?.rsplit_once('-')?;
    let kinds = ["by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd"];
    let versions = ["1.0", "2.0", "2.5", "3.0", "4.0"];
    (kinds.contains(&kind) && versions.contains(&version))
        .then(|| format!("https://creativecommons.org/licenses/{kind}/{version}/"))
}

/// `license:` → the identifier and its URL. The namespace wants a URL for any identifier that
/// is not in the SPDX list; carnets knows the Creative Commons ones, and asks for the URL of
/// any other.
pub(crate) fn license(
    raw: Option<&Spanned<RawLicense>>,
    check: &mut Checker,
) -> (Option<String>, Option<String>) {
    let Some(value) = raw else {
        return (None, None);
    };
    let (id, url) = match &value.value {
        RawLicense::Id(id) => (id.trim().to_string(), None),
        RawLicense::Full(full) => (full.id.trim().to_string(), full.url.clone()),
    };
    if id.is_empty() {
        check.error(value, t!("config-license-empty"));
        return (None, None);
    }
    if let Some(url) = &url {
        if let Err(e) = crate::show::validate::url(url, false) {
            check.error(value, e);
            return (Some(id), None);
        }
        return (Some(id), Some(url.clone()));
    }
    let known = license_url(&id);
    if known.is_none() {
        check.warning(
            value,
            t!("config-license-unknown", id = id.as_str()),
            &t!("config-license-unknown-help", id = id.as_str()),
        );
    }
    (Some(id), known)
}

/// `medium:` → one of [`MEDIUMS`].
pub(crate) fn medium(raw: Option<&Spanned<String>>, check: &mut Checker) -> Option<String> {
    let value = raw?;
    let text = value.value.trim();
    if MEDIUMS.contains(&text) {
        return Some(text.to_string());
    }
    let lower = text.to_ascii_lowercase();
    let help = if MEDIUMS.contains(&lower.as_str()) {
        t!("config-medium-lowercase", value = lower)
    } else {
        t!("config-use-one-of", values = MEDIUMS.join(", "))
    };
    check.error_help(value, t!("config-medium-invalid", value = text), &help);
    None
}

/// `location:` of the show or of an episode.
pub(crate) fn location(
    raw: Option<&Spanned<RawLocation>>,
    check: &mut Checker,
) -> Option<Location> {
    let raw = &raw?.value;
    let name = check.short_text(&raw.name, "location.name", MAX_SHORT_TEXT, true);
    let geo = raw.geo.as_ref().and_then(|geo| match geo_uri(&geo.value) {
        Ok(uri) => Some(uri),
        Err(e) => {
            check.error_help(geo, e, &t!("config-geo-help"));
            None
        }
    });
    let osm = raw.osm.as_ref().and_then(|osm| {
        let text = osm.value.trim();
        if is_osm(text) {
            Some(text.to_string())
        } else {
            check.error_help(
                osm,
                t!("config-osm-invalid", value = text),
                &t!("config-osm-invalid-help"),
            );
            None
        }
    });
    Some(Location {
        name: name?,
        geo,
        osm,
    })
}

/// An RFC 5870 `geo:` URI with a plausible latitude and longitude (an altitude and
/// parameters may follow).
pub fn geo_uri(text: &str) -> Result<String, String> {
    let text = text.trim();
    let rest = text
        .get(..4)
        .filter(|scheme| scheme.eq_ignore_ascii_case("geo:"))
        .map(|_| &text[4..])
        .ok_or_else(|| t!("config-geo-no-scheme", value = text))?;
    let coordinates = rest.split(';').next().unwrap_or_default();
    let numbers: Vec<f64> = coordinates
        .split(',')
        .map(|n| n.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| t!("config-geo-not-numbers", value = text))?;
    match numbers.as_slice() {
        [lat, lon] | [lat, lon, _] => {
            if !(-90.0..=90.0).contains(lat) {
                Err(t!("config-geo-latitude", value = text))
            } else if !(-180.0..=180.0).contains(lon) {
                Err(t!("config-geo-longitude", value = text))
            } else {
                Ok(format!("geo:{rest}"))
            }
        }
        _ => Err(t!("config-geo-shape", value = text)),
    }
}

/// `N123`, `W123`, `R123`, optionally `#revision`.
pub fn is_osm(text: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let Some(rest) = text.strip_prefix(['N', 'W', 'R']) else {
        return false;
    };
    match rest.split_once('#') {
        Some((id, revision)) => digits(id) && digits(revision),
        None => digits(rest),
    }
}

/// `txt:` records of the show.
pub(crate) fn txt(raw: &[Spanned<RawTxt>], check: &mut Checker) -> Vec<Txt> {
    raw.iter()
        .filter_map(|entry| {
            let purpose = match &entry.value.purpose {
                Some(p) => Some(check.short_text(p, "txt.purpose", MAX_SHORT_TEXT, true)?),
                None => None,
            };
            let value = check.short_text(&entry.value.value, "txt.value", MAX_TXT, true)?;
            Some(Txt { purpose, value })
        })
        .collect()
}

/// `ai_content:` (when `ai_content` is set) and a `txt:` of purpose `ai-content` would write
/// the same element twice.
pub(crate) fn ai_content_once(ai_content: bool, txt: &[Spanned<RawTxt>], check: &mut Checker) {
    let written = txt.iter().find(|t| {
        let purpose = t.value.purpose.as_ref();
        purpose.is_some_and(|p| p.value.trim() == "ai-content")
    });
    if let Some(entry) = written.filter(|_| ai_content) {
        check.error_help(
            entry,
            t!("config-ai-content-twice"),
            &t!("config-ai-content-twice-help"),
        );
    }
}

/// `update_frequency:` of the show; `dtstart` is read in the show's time zone.
pub(crate) fn update_frequency(
    raw: Option<&Spanned<RawUpdateFrequency>>,
    timezone: Option<&jiff::tz::TimeZone>,
    check: &mut Checker,
) -> Option<UpdateFrequency> {
    let raw = &raw?.value;
    let text = check.short_text(&raw.text, "update_frequency.text", MAX_SHORT_TEXT, true);
    let rrule = raw
        .rrule
        .as_ref()
        .and_then(|rule| match rrule(&rule.value) {
            Ok(rule) => Some(rule),
            Err(e) => {
                check.error_help(rule, e, &t!("config-rrule-help"));
                None
            }
        });
    let dtstart = match (&raw.dtstart, timezone) {
        (Some(value), Some(tz)) => match crate::show::times::date(&value.value, tz) {
            Ok(zoned) => Some(zoned.timestamp().to_string()),
            Err(e) => {
                check.error(value, e);
                None
            }
        },
        _ => None,
    };
    Some(UpdateFrequency {
        text: text?,
        rrule,
        complete: raw.complete,
        dtstart,
    })
}

/// The parts of an RFC 5545 recurrence rule.
const RRULE_PARTS: &[&str] = &[
    "FREQ",
    "UNTIL",
    "COUNT",
    "INTERVAL",
    "BYSECOND",
    "BYMINUTE",
    "BYHOUR",
    "BYDAY",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
];
const FREQUENCIES: &[&str] = &[
    "SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY",
];

/// A minimal check of an RFC 5545 RRULE: `KEY=VALUE` parts separated by `;`, known keys,
/// each once, a `FREQ` from the list, and positive numbers for `COUNT` and `INTERVAL`.
pub fn rrule(text: &str) -> Result<String, String> {
    let text = text.trim();
    let rule = text.strip_prefix("RRULE:").unwrap_or(text);
    let mut seen: Vec<&str> = Vec::new();
    for part in rule.split(';') {
        let Some((key, value)) = part.split_once('=') else {
            return Err(t!("config-rrule-not-pair", part = part));
        };
        if !RRULE_PARTS.contains(&key) {
            return Err(t!("config-rrule-unknown-part", key = key));
        }
        if seen.contains(&key) {
            return Err(t!("config-rrule-twice", key = key));
        }
        seen.push(key);
        let positive = value.parse::<u32>().is_ok_and(|n| n > 0);
        match key {
            "FREQ" if !FREQUENCIES.contains(&value) => {
                return Err(t!(
                    "config-rrule-frequency",
                    value = value,
                    frequencies = FREQUENCIES.join(", ")
                ));
            }
            "COUNT" | "INTERVAL" if !positive => {
                return Err(t!("config-rrule-positive", key = key, value = value));
            }
            _ if value.is_empty() => return Err(t!("config-rrule-empty", key = key)),
            _ => {}
        }
    }
    if !seen.contains(&"FREQ") {
        return Err(t!("config-rrule-no-freq", rule = rule));
    }
    Ok(rule.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn licences_carnets_knows_have_their_canonical_url() {
        assert_eq!(
            license_url("cc-by-4.0").as_deref(),
            Some("https://creativecommons.org/licenses/by/4.0/")
        );
        assert_eq!(
            license_url("CC-BY-NC-SA-3.0").as_deref(),
            Some("https://creativecommons.org/licenses/by-nc-sa/3.0/")
        );
        assert_eq!(
            license_url("cc0-1.0").as_deref(),
            Some("https://creativecommons.org/publicdomain/zero/1.0/")
        );
        assert_eq!(license_url("cc-by-5.0"), None);
        assert_eq!(license_url("tous-droits-reserves"), None);
    }

    #[test]
    fn geo_uris() {
        assert_eq!(geo_uri("geo:50.6292,3.0573").unwrap(), "geo:50.6292,3.0573");
        assert_eq!(
            geo_uri("GEO:50.6,3.05,20;u=35").unwrap(),
            "geo:50.6,3.05,20;u=35"
        );
        for bad in [
            "50.6,3.0",
            "geo:50.6",
            "geo:95,3",
            "geo:50,190",
            "geo:a,b",
            "geo:",
        ] {
            assert!(geo_uri(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn osm_objects() {
        assert!(is_osm("R58404") && is_osm("N1#2") && is_osm("W12"));
        assert!(!is_osm("58404") && !is_osm("X1") && !is_osm("R") && !is_osm("R1#"));
    }

    #[test]
    fn rrules() {
        assert_eq!(
            rrule("FREQ=MONTHLY;BYDAY=1TH").unwrap(),
            "FREQ=MONTHLY;BYDAY=1TH"
        );
        assert_eq!(rrule("RRULE:FREQ=WEEKLY").unwrap(), "FREQ=WEEKLY");
        assert!(rrule("FREQ=FORTNIGHTLY").unwrap_err().contains("frequency"));
        assert!(rrule("BYDAY=MO").unwrap_err().contains("no FREQ"));
        assert!(
            rrule("FREQ=DAILY;COUNT=0")
                .unwrap_err()
                .contains("positive")
        );
        assert!(
            rrule("FREQ=DAILY;FREQ=WEEKLY")
                .unwrap_err()
                .contains("twice")
        );
        assert!(
            rrule("FREQ=DAILY;EVERY=2")
                .unwrap_err()
                .contains("not a part")
        );
        assert!(rrule("weekly").unwrap_err().contains("KEY=VALUE"));
    }
}
