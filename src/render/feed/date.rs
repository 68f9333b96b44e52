//! RFC 2822 dates for `pubDate` and `lastBuildDate`.
//!
//! Written by hand rather than with a locale-aware formatter: the day and month names must be
//! English whatever the machine's locale, the day always has two digits and the offset is the
//! numeric one the date has in its own timezone (`+0100` in winter and `+0200` in summer for
//! Europe/Paris), never a zone abbreviation.

use jiff::Zoned;
use jiff::civil::Weekday;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Mon",
        Weekday::Tuesday => "Tue",
        Weekday::Wednesday => "Wed",
        Weekday::Thursday => "Thu",
        Weekday::Friday => "Fri",
        Weekday::Saturday => "Sat",
        Weekday::Sunday => "Sun",
    }
}

/// Formats `date` as RFC 2822, e.g. `Sun, 06 Jul 2025 08:00:00 +0200` (seconds truncated).
pub fn rfc2822(date: &Zoned) -> String {
    let offset = date.offset().seconds();
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.unsigned_abs() / 60;
    format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} {sign}{:02}{:02}",
        weekday(date.weekday()),
        date.day(),
        MONTHS[usize::from(date.month().unsigned_abs()) - 1],
        date.year(),
        date.hour(),
        date.minute(),
        date.second(),
        minutes / 60,
        minutes % 60,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paris(civil: &str) -> Zoned {
        civil
            .parse::<jiff::civil::DateTime>()
            .unwrap()
            .in_tz("Europe/Paris")
            .unwrap()
    }

    #[test]
    fn summer_time_in_paris_is_plus_two_hours() {
        assert_eq!(
            rfc2822(&paris("2025-07-06T08:00:00")),
            "Sun, 06 Jul 2025 08:00:00 +0200"
        );
    }

    #[test]
    fn winter_time_in_paris_is_plus_one_hour() {
        assert_eq!(
            rfc2822(&paris("2026-11-20T08:00:00")),
            "Fri, 20 Nov 2026 08:00:00 +0100"
        );
    }

    #[test]
    fn the_day_of_the_change_uses_the_offset_in_force() {
        // 2025-03-30: clocks go from 02:00 to 03:00 in Paris.
        assert_eq!(
            rfc2822(&paris("2025-03-30T01:30:00")),
            "Sun, 30 Mar 2025 01:30:00 +0100"
        );
        assert_eq!(
            rfc2822(&paris("2025-03-30T03:30:00")),
            "Sun, 30 Mar 2025 03:30:00 +0200"
        );
    }

    #[test]
    fn other_offsets_and_the_same_instant_in_utc() {
        let instant = paris("2025-12-31T23:59:59");
        assert_eq!(rfc2822(&instant), "Wed, 31 Dec 2025 23:59:59 +0100");
        assert_eq!(
            rfc2822(&instant.with_time_zone(jiff::tz::TimeZone::UTC)),
            "Wed, 31 Dec 2025 22:59:59 +0000"
        );
        let kathmandu = "2025-01-01T12:00:00"
            .parse::<jiff::civil::DateTime>()
            .unwrap()
            .in_tz("Asia/Kathmandu")
            .unwrap();
        assert_eq!(rfc2822(&kathmandu), "Wed, 01 Jan 2025 12:00:00 +0545");
        let newfoundland = "2025-01-01T12:00:00"
            .parse::<jiff::civil::DateTime>()
            .unwrap()
            .in_tz("America/St_Johns")
            .unwrap();
        assert_eq!(rfc2822(&newfoundland), "Wed, 01 Jan 2025 12:00:00 -0330");
    }

    #[test]
    fn agrees_with_jiff_rfc2822_parser() {
        let date = paris("2025-07-06T08:00:00");
        let parsed = jiff::fmt::rfc2822::parse(&rfc2822(&date)).unwrap();
        assert_eq!(parsed.timestamp(), date.timestamp());
    }
}
