//! Times written by producers: publication dates and chapter starts.

use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned, civil};

use crate::t;

/// Parses a publication date: RFC 3339 (`2026-11-20T08:00:00+01:00`), or a local date and time
/// in the show's time zone (`2026-11-20 08:00`, `2026-11-20T08:00:00`, `2026-11-20`).
pub fn date(text: &str, tz: &TimeZone) -> Result<Zoned, String> {
    let text = text.trim();
    if let Ok(instant) = text.parse::<Timestamp>() {
        return Ok(instant.to_zoned(tz.clone()));
    }
    let local = text
        .parse::<civil::DateTime>()
        .or_else(|_| {
            text.parse::<civil::Date>()
                .map(|d| d.to_datetime(civil::Time::midnight()))
        })
        .map_err(|_| t!("show-date-invalid", text = text))?;
    local
        .to_zoned(tz.clone())
        .map_err(|e| t!("show-date-not-in-zone", text = text, error = e.to_string()))
}

/// Parses a chapter time, `SS`, `MM:SS` or `HH:MM:SS`, each optionally with `.mmm`, into
/// milliseconds.
pub fn chapter(text: &str) -> Result<u64, String> {
    let bad = || t!("show-time-invalid", text = text);
    let (clock, millis) = match text.trim().split_once('.') {
        Some((clock, frac)) => {
            if frac.is_empty() || frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            let padded = format!("{frac:0<3}");
            (clock, padded.parse::<u64>().map_err(|_| bad())?)
        }
        None => (text.trim(), 0),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    if parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 6)
    {
        return Err(bad());
    }
    let numbers: Vec<u64> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    // Minutes and seconds after the first field must be below 60.
    if numbers.iter().skip(1).any(|&n| n >= 60) {
        return Err(bad());
    }
    let seconds = numbers.iter().fold(0, |acc, n| acc * 60 + n);
    Ok(seconds * 1000 + millis)
}

/// Formats milliseconds as `HH:MM:SS` (or `MM:SS` under an hour), for messages.
pub fn clock(ms: u64) -> String {
    let s = ms / 1000;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paris() -> TimeZone {
        TimeZone::get("Europe/Paris").unwrap()
    }

    #[test]
    fn local_dates_take_the_paris_offset_of_their_season() {
        let winter = date("2026-11-20 08:00", &paris()).unwrap();
        assert_eq!(winter.offset().seconds(), 3600);
        assert_eq!(winter.timestamp().to_string(), "2026-11-20T07:00:00Z");
        let summer = date("2026-06-15T08:00", &paris()).unwrap();
        assert_eq!(summer.offset().seconds(), 7200);
        let day = date("2026-03-29", &paris()).unwrap();
        assert_eq!(day.timestamp().to_string(), "2026-03-28T23:00:00Z");
    }

    #[test]
    fn rfc3339_keeps_its_instant() {
        let d = date("2026-11-20T08:00:00-05:00", &paris()).unwrap();
        assert_eq!(d.timestamp().to_string(), "2026-11-20T13:00:00Z");
        assert!(
            date("20/11/2026", &paris())
                .unwrap_err()
                .contains("not a date")
        );
    }

    #[test]
    fn chapter_times() {
        assert_eq!(chapter("45"), Ok(45_000));
        assert_eq!(chapter("03:15"), Ok(195_000));
        assert_eq!(chapter("1:02:03.5"), Ok(3_723_500));
        assert_eq!(chapter("00:00.250"), Ok(250));
        for bad in ["", "1:60", "a:00", "1:2:3:4", "00:00.", "00:00.1234", "-5"] {
            assert!(chapter(bad).is_err(), "{bad}");
        }
        assert_eq!(clock(3_723_500), "1:02:03");
        assert_eq!(clock(195_000), "03:15");
    }
}
