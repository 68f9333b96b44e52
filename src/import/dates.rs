//! Publication dates as old feeds write them: RFC 822 (`pubDate`) with every liberty hosts
//! take — zone names (`PST`, `GMT`, `UT`, military letters), `-0000`, missing seconds, a wrong
//! or missing weekday, full month names, two-digit years — and ISO 8601 (`dc:date`, some
//! hosts' `pubDate`). The instant is what counts; the offset is kept to be written back.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, Zoned};

use crate::t;

/// A date read from an old feed: the instant, at the offset the feed wrote it in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedDate {
    pub zoned: Zoned,
    /// True when the feed gave no zone at all (read as UTC).
    pub no_zone: bool,
}

impl FeedDate {
    /// RFC 3339 with the original offset, as the front matter keeps it
    /// (`2024-03-05T10:00:00-08:00`).
    pub fn rfc3339(&self) -> String {
        self.zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }

    pub fn timestamp(&self) -> Timestamp {
        self.zoned.timestamp()
    }
}

/// Reads an RFC 822 or ISO 8601 date; the error says what was expected.
pub fn parse(text: &str) -> Result<FeedDate, String> {
    let text = text.trim();
    rfc822(text)
        .or_else(|| iso8601(text))
        .ok_or_else(|| t!("import-not-a-date", date = text))
}

/// `[Day,] DD Mon YYYY HH:MM[:SS] [zone]`, the weekday ignored (hosts get it wrong).
fn rfc822(text: &str) -> Option<FeedDate> {
    let rest = match text.split_once(',') {
        Some((_, rest)) => rest,
        None => text,
    };
    let mut words = rest.split_whitespace();
    let mut first = words.next()?;
    // A weekday without its comma (`Tue 05 Mar 2024 …`).
    if first.chars().all(|c| c.is_ascii_alphabetic()) && month(first).is_none() {
        first = words.next()?;
    }
    // `05 Mar 2024` or, from some hosts, `Mar 05 2024`.
    let second = words.next()?;
    let (day, mon) = match (first.parse::<i8>(), month(first)) {
        (Ok(day), _) => (day, month(second)?),
        (_, Some(mon)) => (second.parse::<i8>().ok()?, mon),
        _ => return None,
    };
    let year: i16 = match words.next()?.parse::<i16>().ok()? {
        y @ 0..=49 => 2000 + y,
        y @ 50..=99 => 1900 + y,
        y => y,
    };
    let clock = words.next().unwrap_or("00:00:00");
    let time = clock_time(clock)?;
    let zone = words.next();
    if words.next().is_some() {
        return None;
    }
    let date = Date::new(year, mon, day).ok()?;
    let (offset, no_zone) = match zone {
        None => (Offset::UTC, true),
        Some(zone) => (zone_offset(zone)?, false),
    };
    at(date.to_datetime(time), offset, no_zone)
}

/// `HH:MM` or `HH:MM:SS` (fractions dropped).
fn clock_time(text: &str) -> Option<Time> {
    let mut parts = text.split(':');
    let hour = parts.next()?.parse::<i8>().ok()?;
    let minute = parts.next()?.parse::<i8>().ok()?;
    let second = match parts.next() {
        Some(s) => s.split('.').next()?.parse::<i8>().ok()?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    // A leap second (`23:59:60`) is the next instant's first.
    Time::new(hour, minute, second.min(59), 0).ok()
}

/// Month names in English, three letters or whole (`Sept` too).
fn month(text: &str) -> Option<i8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = text.trim_end_matches('.').to_ascii_lowercase();
    let head = lower.get(..3)?;
    let index = MONTHS.iter().position(|m| *m == head)?;
    Some(index as i8 + 1)
}

/// `+0100`, `-0000`, `+01:00`, `GMT`, `UT`, `Z`, the US zones of RFC 822, a few European
/// names hosts write, and the military letters (RFC 1123 reads them as UTC: their sign was
/// defined backwards, so no one can rely on them).
fn zone_offset(zone: &str) -> Option<Offset> {
    if let Some(sign) = zone.chars().next().filter(|c| *c == '+' || *c == '-') {
        let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
        if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let hours: i32 = digits[..2].parse().ok()?;
        let minutes: i32 = digits[2..].parse().ok()?;
        let seconds = (hours * 3600 + minutes * 60) * if sign == '-' { -1 } else { 1 };
        return Offset::from_seconds(seconds).ok();
    }
    let hours = match zone.to_ascii_uppercase().as_str() {
        "GMT" | "UT" | "UTC" | "Z" | "WET" => 0,
        "BST" | "CET" | "WEST" => 1,
        "CEST" | "EET" => 2,
        "EEST" => 3,
        "EST" => -5,
        "EDT" => -4,
        "CST" => -6,
        "CDT" => -5,
        "MST" => -7,
        "MDT" => -6,
        "PST" => -8,
        "PDT" => -7,
        "AKST" => -9,
        "AKDT" => -8,
        "HST" => -10,
        "AEST" => 10,
        "AEDT" => 11,
        one if one.len() == 1 && one.bytes().all(|b| b.is_ascii_alphabetic()) => 0,
        _ => return None,
    };
    Offset::from_hours(hours).ok()
}

/// ISO 8601 / RFC 3339: `2024-03-05T10:00:00-08:00`, `…Z`, or without a zone (UTC), or a day.
fn iso8601(text: &str) -> Option<FeedDate> {
    if let Ok(zoned) = text.parse::<Zoned>() {
        return Some(FeedDate {
            zoned,
            no_zone: false,
        });
    }
    if let Ok(instant) = text.parse::<Timestamp>() {
        // The offset as written: `Timestamp` parses any, `Zoned` wants a zone name.
        let offset = written_offset(text).unwrap_or(Offset::UTC);
        return Some(FeedDate {
            zoned: instant.to_zoned(TimeZone::fixed(offset)),
            no_zone: false,
        });
    }
    let local = text
        .parse::<DateTime>()
        .or_else(|_| {
            text.parse::<Date>()
                .map(|d| d.to_datetime(Time::midnight()))
        })
        .ok()?;
    at(local, Offset::UTC, true)
}

/// The `±HH:MM` (or `±HHMM`) at the end of an ISO 8601 date; `Z` is UTC.
fn written_offset(text: &str) -> Option<Offset> {
    if text.ends_with(['Z', 'z']) {
        return Some(Offset::UTC);
    }
    let cut = text.rfind(['+', '-'])?;
    // The hyphens of the date are not an offset.
    text[..cut].contains('T').then_some(())?;
    zone_offset(&text[cut..])
}

fn at(local: DateTime, offset: Offset, no_zone: bool) -> Option<FeedDate> {
    let zoned = local.to_zoned(TimeZone::fixed(offset)).ok()?;
    Some(FeedDate { zoned, no_zone })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instant(text: &str) -> String {
        parse(text).unwrap().timestamp().to_string()
    }

    #[test]
    fn rfc822_with_zone_names_and_numbers_is_the_same_instant() {
        assert_eq!(
            instant("Tue, 05 Mar 2024 10:00:00 PST"),
            "2024-03-05T18:00:00Z"
        );
        assert_eq!(
            instant("Tue, 05 Mar 2024 10:00:00 -0800"),
            "2024-03-05T18:00:00Z"
        );
        assert_eq!(
            instant("Tue, 05 Mar 2024 18:00:00 GMT"),
            "2024-03-05T18:00:00Z"
        );
        assert_eq!(
            instant("Tue, 05 Mar 2024 18:00:00 -0000"),
            "2024-03-05T18:00:00Z"
        );
        assert_eq!(
            instant("Tue, 05 Mar 2024 19:00:00 +01:00"),
            "2024-03-05T18:00:00Z"
        );
        assert_eq!(
            instant("Sun, 30 Jun 2024 22:00:00 EDT"),
            "2024-07-01T02:00:00Z"
        );
    }

    #[test]
    fn liberties_of_hosts_are_read() {
        // Wrong weekday (5 March 2024 was a Tuesday), missing seconds, no weekday, full
        // month, two-digit year, month first, no comma.
        for text in [
            "Fri, 05 Mar 2024 10:00 +0100",
            "5 Mar 2024 10:00:00 +0100",
            "Tuesday, 05 March 2024 10:00:00 +0100",
            "Tue, 05 Mar 24 10:00:00 +0100",
            "Tue, Mar 05 2024 10:00:00 +0100",
            "Tue 05 Mar 2024 10:00:00 CET",
        ] {
            assert_eq!(instant(text), "2024-03-05T09:00:00Z", "{text}");
        }
    }

    #[test]
    fn iso8601_keeps_its_offset() {
        let date = parse("2024-03-05T10:00:00-08:00").unwrap();
        assert_eq!(date.rfc3339(), "2024-03-05T10:00:00-08:00");
        assert_eq!(
            parse("2024-03-05T18:00:00Z").unwrap().rfc3339(),
            "2024-03-05T18:00:00+00:00"
        );
        let day = parse("2024-03-05").unwrap();
        assert!(day.no_zone);
        assert_eq!(day.rfc3339(), "2024-03-05T00:00:00+00:00");
    }

    #[test]
    fn the_original_offset_is_written_back() {
        assert_eq!(
            parse("Tue, 05 Mar 2024 10:00:00 PST").unwrap().rfc3339(),
            "2024-03-05T10:00:00-08:00"
        );
        assert_eq!(
            parse("Tue, 05 Mar 2024 10:00:00 +0530").unwrap().rfc3339(),
            "2024-03-05T10:00:00+05:30"
        );
        let bare = parse("Tue, 05 Mar 2024 10:00:00").unwrap();
        assert!(bare.no_zone);
    }

    #[test]
    fn nonsense_is_refused() {
        for text in [
            "",
            "hier",
            "32 Mar 2024 10:00 GMT",
            "05 Mar 2024 25:00 GMT",
            "05 Mar 2024 10:00 XYZ",
        ] {
            assert!(parse(text).is_err(), "{text}");
        }
    }
}
