//! The language of the pages: UI strings, dates and durations, chosen from the show's
//! `language` (French for `fr*`, English otherwise).
//!
//! jiff has no month names, so they are tabled here. French typography: a no-break space
//! (U+00A0) between a number and its unit (« 42 min ») and before `:`, and « 1er » for the
//! first day of a month.

use std::collections::BTreeMap;

use jiff::Zoned;

use super::strings::{STRINGS_EN, STRINGS_FR};

/// No-break space: keeps a number with its unit.
const NBSP: char = '\u{a0}';

/// A language the default theme speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Locale {
    Fr,
    En,
}

impl Locale {
    /// The locale of a BCP 47 tag: French for `fr`, `fr-FR`, `fr-BE`…, English otherwise.
    pub fn from_language(language: &str) -> Self {
        let primary = language.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("fr") {
            Locale::Fr
        } else {
            Locale::En
        }
    }

    /// A date as a reader says it: « 1er janvier 2026 », « 20 novembre 2026 », `January 1, 2026`.
    pub fn date(self, date: &Zoned) -> String {
        let (day, month, year) = (date.day(), date.month(), date.year());
        let index = usize::try_from(month - 1).unwrap_or(0) % 12;
        match self {
            Locale::Fr => {
                let day = if day == 1 {
                    "1er".to_string()
                } else {
                    day.to_string()
                };
                format!("{day}{NBSP}{}{NBSP}{year}", MONTHS_FR[index])
            }
            Locale::En => format!("{} {day}, {year}", MONTHS_EN[index]),
        }
    }

    /// A duration, rounded the way a listener reads it: « 45 s » under a minute, « 42 min »
    /// under an hour (to the nearest minute), « 1 h 05 » beyond.
    pub fn duration(self, secs: u64) -> String {
        if secs < 60 {
            return format!("{secs}{NBSP}s");
        }
        let minutes = (secs + 30) / 60;
        if minutes < 60 {
            return format!("{minutes}{NBSP}min");
        }
        let (h, m) = (minutes / 60, minutes % 60);
        match self {
            Locale::Fr => format!("{h}{NBSP}h{NBSP}{m:02}"),
            Locale::En => format!("{h}{NBSP}h{NBSP}{m:02}{NBSP}min"),
        }
    }

    /// A file size for a download link: « 147 ko », « 1,2 Mo » (decimal units).
    pub fn size(self, bytes: u64) -> String {
        let (kilo, mega, decimal) = match self {
            Locale::Fr => ("ko", "Mo", ","),
            Locale::En => ("kB", "MB", "."),
        };
        if bytes < 1_000_000 {
            let kb = (bytes + 500) / 1000;
            return format!("{}{NBSP}{kilo}", kb.max(1));
        }
        let tenths = (bytes + 50_000) / 100_000;
        let (whole, tenth) = (tenths / 10, tenths % 10);
        if whole >= 100 || tenth == 0 {
            format!("{}{NBSP}{mega}", (bytes + 500_000) / 1_000_000)
        } else {
            format!("{whole}{decimal}{tenth}{NBSP}{mega}")
        }
    }

    /// The label of a Podcasting 2.0 person role (`host`, `guest`…), or the role itself.
    pub fn role(self, role: &str) -> String {
        let label = match (self, role) {
            (Locale::Fr, "host") => "Animation",
            (Locale::Fr, "co-host" | "cohost") => "Coanimation",
            (Locale::Fr, "guest") => "Invité·e",
            (Locale::Fr, "producer") => "Production",
            (Locale::Fr, "editor") => "Montage",
            (Locale::Fr, "composer") => "Musique",
            (Locale::En, "host") => "Host",
            (Locale::En, "co-host" | "cohost") => "Co-host",
            (Locale::En, "guest") => "Guest",
            (Locale::En, "producer") => "Producer",
            (Locale::En, "editor") => "Editor",
            (Locale::En, "composer") => "Music",
            _ => role,
        };
        label.to_string()
    }

    /// The UI strings given to templates as `t`; a key missing here is a template error
    /// (strict undefined), so every locale must have every key.
    pub fn strings(self) -> BTreeMap<&'static str, &'static str> {
        let table = match self {
            Locale::Fr => STRINGS_FR,
            Locale::En => STRINGS_EN,
        };
        table.iter().copied().collect()
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn zoned(s: &str) -> Zoned {
        s.parse().unwrap()
    }

    #[test]
    fn french_dates_say_1er_and_month_names() {
        let fr = Locale::Fr;
        assert_eq!(
            fr.date(&zoned("2026-01-01T08:00:00+01:00[Europe/Paris]")),
            "1er\u{a0}janvier\u{a0}2026"
        );
        assert_eq!(
            fr.date(&zoned("2026-11-20T08:00:00+01:00[Europe/Paris]")),
            "20\u{a0}novembre\u{a0}2026"
        );
        assert_eq!(
            fr.date(&zoned("2025-08-15T23:30:00+02:00[Europe/Paris]")),
            "15\u{a0}août\u{a0}2025"
        );
        assert_eq!(
            Locale::En.date(&zoned("2026-01-01T08:00:00+01:00[Europe/Paris]")),
            "January 1, 2026"
        );
    }

    #[test]
    fn dates_are_read_in_the_zone_of_the_date_not_utc() {
        // 00:30 in Paris on 1 March is still 28 February in UTC.
        assert_eq!(
            Locale::Fr.date(&zoned("2026-03-01T00:30:00+01:00[Europe/Paris]")),
            "1er\u{a0}mars\u{a0}2026"
        );
    }

    #[test]
    fn durations_read_like_a_listener_says_them() {
        let fr = Locale::Fr;
        let plain = |secs| fr.duration(secs).replace('\u{a0}', " ");
        assert_eq!(plain(0), "0 s");
        assert_eq!(plain(45), "45 s");
        assert_eq!(plain(59), "59 s");
        assert_eq!(plain(60), "1 min");
        assert_eq!(plain(89), "1 min");
        assert_eq!(plain(90), "2 min");
        assert_eq!(plain(42 * 60 + 10), "42 min");
        assert_eq!(plain(3599), "1 h 00");
        assert_eq!(plain(3600 + 5 * 60), "1 h 05");
        assert_eq!(plain(2 * 3600 + 59 * 60 + 40), "3 h 00");
        assert_eq!(
            Locale::En.duration(3900).replace('\u{a0}', " "),
            "1 h 05 min"
        );
    }

    #[test]
    fn sizes_use_decimal_units_and_the_local_decimal_mark() {
        let plain = |l: Locale, b| l.size(b).replace('\u{a0}', " ");
        assert_eq!(plain(Locale::Fr, 146_964), "147 ko");
        assert_eq!(plain(Locale::Fr, 120), "1 ko");
        assert_eq!(plain(Locale::Fr, 1_234_567), "1,2 Mo");
        assert_eq!(plain(Locale::Fr, 40_000_000), "40 Mo");
        assert_eq!(plain(Locale::En, 1_234_567), "1.2 MB");
    }

    #[test]
    fn language_tags_pick_the_locale() {
        assert_eq!(Locale::from_language("fr-FR"), Locale::Fr);
        assert_eq!(Locale::from_language("fr"), Locale::Fr);
        assert_eq!(Locale::from_language("FR-be"), Locale::Fr);
        assert_eq!(Locale::from_language("en-US"), Locale::En);
        assert_eq!(Locale::from_language("fry"), Locale::En);
    }

    #[test]
    fn every_locale_has_every_string() {
        let fr: Vec<_> = Locale::Fr.strings().into_keys().collect();
        let en: Vec<_> = Locale::En.strings().into_keys().collect();
        assert_eq!(fr, en);
        assert_eq!(fr.len(), STRINGS_FR.len(), "a key is repeated");
    }
}
