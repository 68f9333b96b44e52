//! The time of a log line, as Unix seconds: the Common Log Format's `10/Oct/2026:13:55:36
//! +0200` (nginx, Apache, S3) and CloudFront's `2026-10-10` + `13:55:36` (UTC).
//!
//! A log holds millions of lines and a few distinct seconds per hundred of them, so the
//! arithmetic is ours (no time zone database: the offset is in the text) and the last text
//! read is remembered.

/// Parses times, remembering the last one.
#[derive(Default)]
pub struct Clock {
    last: Option<[u8; CLF]>,
    /// The start of the last time's minute.
    minute: i64,
}

/// The length of a Common Log Format time.
pub const CLF: usize = 26;

impl Clock {
    /// `10/Oct/2026:13:55:36 +0200` (the inside of the brackets).
    pub fn clf(&mut self, text: &[u8]) -> Option<i64> {
        let text: &[u8; CLF] = text.try_into().ok()?;
        // Within the last time's minute, only the seconds need reading.
        let seconds = match &self.last {
            Some(last) if text[..18] == last[..18] && text[20..] == last[20..] => {
                digits(&text[18..20]).filter(|s| *s < 61)?
            }
            _ => {
                let secs = clf(text)?;
                let seconds = digits(&text[18..20])?;
                self.minute = secs - seconds;
                seconds
            }
        };
        self.last = Some(*text);
        Some(self.minute + seconds)
    }
}

fn clf(t: &[u8; CLF]) -> Option<i64> {
    if t[2] != b'/' || t[6] != b'/' || t[11] != b':' || t[20] != b' ' {
        return None;
    }
    let month = MONTHS.iter().position(|m| *m == &t[3..6])? as i64 + 1;
    let day = digits(&t[0..2])?;
    let year = digits(&t[7..11])?;
    let secs = time_of_day(&t[12..20])?;
    let sign = match t[21] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let offset = sign * (digits(&t[22..24])? * 3600 + digits(&t[24..26])? * 60);
    Some(civil(year, month, day)? * 86_400 + secs - offset)
}

/// `2026-10-10` and `13:55:36`, in UTC (CloudFront).
pub fn iso(date: &[u8], time: &[u8]) -> Option<i64> {
    if date.len() != 10 || date[4] != b'-' || date[7] != b'-' {
        return None;
    }
    let days = civil(
        digits(&date[0..4])?,
        digits(&date[5..7])?,
        digits(&date[8..10])?,
    )?;
    Some(days * 86_400 + time_of_day(time)?)
}

/// `HH:MM:SS` in seconds.
fn time_of_day(t: &[u8]) -> Option<i64> {
    if t.len() != 8 || t[2] != b':' || t[5] != b':' {
        return None;
    }
    let (h, m, s) = (digits(&t[0..2])?, digits(&t[3..5])?, digits(&t[6..8])?);
    (h < 24 && m < 60 && s < 61).then_some(h * 3600 + m * 60 + s)
}

const MONTHS: [&[u8]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

fn digits(text: &[u8]) -> Option<i64> {
    text.iter().try_fold(0, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
    })
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`), or `None` for a day the month does not have.
fn civil(year: i64, month: i64, day: i64) -> Option<i64> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let length = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    if !(1..=length).contains(&day) {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Our arithmetic against jiff's, every sixth hour of 1999–2041 at every offset.
    #[test]
    fn clf_times_agree_with_jiff() {
        let mut clock = Clock::default();
        let mut t = jiff::Timestamp::from_second(915_148_800).unwrap(); // 1999-01-01
        let end = jiff::Timestamp::from_second(2_240_524_800).unwrap(); // 2041
        let mut n = 0u64;
        while t < end {
            let offset = jiff::tz::Offset::from_seconds(((n % 53) as i32 - 26) * 1800).unwrap();
            let text = t
                .to_zoned(jiff::tz::TimeZone::fixed(offset))
                .strftime("%d/%b/%Y:%H:%M:%S %z")
                .to_string();
            assert_eq!(clock.clf(text.as_bytes()), Some(t.as_second()), "{text}");
            let iso_text = t.strftime("%Y-%m-%d %H:%M:%S").to_string();
            let (date, time) = iso_text.split_at(10);
            assert_eq!(
                iso(date.as_bytes(), &time.as_bytes()[1..]),
                Some(t.as_second())
            );
            t += jiff::SignedDuration::from_secs(6 * 3600 + 7);
            n += 1;
        }
    }

    #[test]
    fn malformed_times_are_refused() {
        let mut clock = Clock::default();
        assert_eq!(
            clock.clf(b"20/Nov/2026:08:00:00 +0100"),
            Some(1_795_158_000)
        );
        for text in [
            "20/Nov/2026:08:00:61 +0100",
            "20/Nov/2026:08:00:6x +0100",
            "31/Feb/2026:10:00:00 +0000",
            "10/Foo/2026:10:00:00 +0000",
            "10/Oct/2026:25:00:00 +0000",
            "10/Oct/2026:10:00:00 0000",
            "10/Oct/2026 10:00:00 +0000",
            "",
        ] {
            assert_eq!(clock.clf(text.as_bytes()), None, "{text}");
        }
        assert_eq!(iso(b"2026-02-30", b"00:00:00"), None);
    }
}
