//! The figures of a count, in one value: what the terminal table, `--json` and `--html` show.
//! Its serialisation is the JSON report; its field names are the contract of issue 16
//! (`rules`, `window`, `episodes`, `apps`, `days`, `excluded` and what they hold).

use serde::Serialize;

use super::Options;
use super::agents::{AGENTS, Kind};
use super::catalog::Catalog;
use super::count::{self, AGE_DAYS, Tally, WINDOW};
use super::input::Log;
use super::scan::Counts;
use crate::model::Show;

/// The rules, as the JSON states them.
pub const RULES: &str = "IAB Podcast Measurement Technical Guidelines v2.3: GET requests only (not HEAD, not 304, not 4xx or 5xx); one listener is an IP address (IPv6 by its /64) and a User-Agent; a listener's requests for an episode within the window add up, and make one download when their bytes reach the episode's ID3 tag plus one minute of audio (the whole file if shorter); bytes=0-1 probes do not count; bots (OPAWG user-agents v2 bots.json and libraries of category bot; empty or malformed User-Agents; unlisted User-Agents that say bot, crawler or spider; more than 10 downloads of one episode from one IP address within 24 hours) and the Apple Watch's Podcasts app are left out";

/// The window, as the JSON states it.
pub const WINDOW_RULE: &str = "rolling 24 hours: a listener's first request for an episode opens a window of 24 hours, and the first request after it opens the next (not the calendar day)";

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub show: String,
    pub rules: &'static str,
    pub window: &'static str,
    /// The days counted (`--since`, `--until`, else the logs' first and last request), in the
    /// show's time zone.
    pub period: Span,
    pub time_zone: String,
    pub downloads: u64,
    /// Newest first.
    pub episodes: Vec<EpisodeRow>,
    /// Most downloads first.
    pub apps: Vec<AgentRow>,
    /// Every day of the period, in order.
    pub days: Vec<DayRow>,
    pub excluded: Excluded,
    /// The bots whose downloads were left out, most first.
    pub bots: Vec<AgentRow>,
    pub bots_detail: BotsDetail,
    pub requests: Requests,
    pub logs: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Span {
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct EpisodeRow {
    pub slug: String,
    pub title: String,
    /// Publication day, `YYYY-MM-DD` in the show's time zone.
    pub date: String,
    #[serde(skip)]
    pub published: jiff::Zoned,
    pub downloads: u64,
    /// Downloads in the 7 × 24 hours after publication.
    pub first_7_days: u64,
    pub first_30_days: u64,
    /// Whole days after publication that the logs cover (up to 30): the figures of later
    /// days are not known yet, and those of an episode published before the logs begin are
    /// not known at all (0).
    pub days_covered: usize,
    /// Downloads on each day after publication, for the days covered.
    pub by_day: Vec<u64>,
    pub threshold_bytes: u64,
    pub tag_bytes: u64,
    pub size_bytes: u64,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct AgentRow {
    pub name: String,
    /// `app`, `library`, `browser` or `unknown` (for bots: `bot`).
    pub kind: &'static str,
    pub downloads: u64,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct DayRow {
    pub date: String,
    pub downloads: u64,
}

/// What was left out. Requests for `head`, `not_modified`, `errors` and `probes`, lines for
/// `unparsed_lines`, downloads (windows that reached the threshold) for `bots` and
/// `watch_duplicates`, listeners' windows short of the threshold for `under_threshold`.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Excluded {
    pub bots: u64,
    pub head: u64,
    pub not_modified: u64,
    pub errors: u64,
    pub under_threshold: u64,
    pub probes: u64,
    pub watch_duplicates: u64,
    pub unparsed_lines: u64,
}

/// Why bots' downloads were left out.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct BotsDetail {
    /// The User-Agent is in the bots list, or a library the list calls a bot.
    pub listed: u64,
    pub malformed_user_agent: u64,
    /// Unlisted, but says bot, crawler or spider.
    pub says_bot: u64,
    /// Downloads of IPs that made more than 10 of one episode within 24 hours.
    pub noisy_ip: u64,
    /// How many such IP address and episode windows.
    pub noisy_ip_windows: u64,
}

/// The lines read, and what became of the episodes' requests.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Requests {
    pub lines: u64,
    pub parsed: u64,
    /// Requests of other files than the episodes' MP3s (ignored).
    pub other_files: u64,
    pub outside_period: u64,
    pub other_methods: u64,
    /// Redirects and other statuses.
    pub other_statuses: u64,
    /// GET requests of an episode that went on to be counted.
    pub counted: u64,
}

impl Report {
    pub fn new(
        show: &Show,
        catalog: &Catalog,
        tally: &Tally,
        counts: &Counts,
        options: &Options,
        logs: &[Log],
    ) -> Self {
        let tz = &show.timezone;
        let day = |secs: i64| count::local_day(tz, secs);
        let from = options.since.map(date_number).or(counts.first.map(day));
        let to = options.until.map(date_number).or(counts.last.map(day));
        let days = match (from, to) {
            (Some(from), Some(to)) => (from..=to)
                .map(|d| DayRow {
                    date: date_text(d),
                    downloads: tally.days.get(&d).copied().unwrap_or(0),
                })
                .collect(),
            _ => Vec::new(),
        };
        let mut episodes: Vec<EpisodeRow> = catalog
            .entries
            .iter()
            .zip(&tally.episodes)
            .map(|(entry, t)| {
                let covered = match (counts.first, counts.last) {
                    (Some(first), Some(last)) if first <= entry.published => {
                        usize::try_from((last - entry.published) / WINDOW).unwrap_or(0)
                    }
                    _ => 0,
                }
                .min(AGE_DAYS);
                EpisodeRow {
                    slug: entry.slug.clone(),
                    title: entry.title.clone(),
                    date: entry.date.date().to_string(),
                    published: entry.date.clone(),
                    downloads: t.downloads,
                    first_7_days: t.by_age[..7].iter().sum(),
                    first_30_days: t.by_age.iter().sum(),
                    days_covered: covered,
                    by_day: t.by_age[..covered].to_vec(),
                    threshold_bytes: entry.threshold,
                    tag_bytes: entry.tag,
                    size_bytes: entry.size,
                }
            })
            .collect();
        episodes.sort_by(|a, b| b.published.cmp(&a.published).then(a.slug.cmp(&b.slug)));
        Report {
            show: show.title.clone(),
            rules: RULES,
            window: WINDOW_RULE,
            period: Span {
                from: from.map(date_text),
                to: to.map(date_text),
            },
            time_zone: tz.iana_name().unwrap_or("UTC").to_string(),
            downloads: tally.downloads,
            episodes,
            apps: agent_rows(&tally.agents),
            days,
            excluded: Excluded {
                bots: tally.bots_total(),
                head: counts.head,
                not_modified: counts.not_modified,
                errors: counts.errors,
                under_threshold: tally.under_threshold,
                probes: counts.probes,
                watch_duplicates: tally.watch_duplicates,
                unparsed_lines: counts.unparsed,
            },
            bots: agent_rows(&tally.bot_agents),
            bots_detail: BotsDetail {
                listed: tally.bots[0],
                malformed_user_agent: tally.bots[1],
                says_bot: tally.bots[2],
                noisy_ip: tally.noisy,
                noisy_ip_windows: tally.noisy_windows,
            },
            requests: Requests {
                lines: counts.lines,
                parsed: counts.parsed,
                other_files: counts.other_files,
                outside_period: counts.outside_period,
                other_methods: counts.other_methods,
                other_statuses: counts.other_statuses,
                counted: counts.hits,
            },
            logs: logs.iter().map(|l| l.path.display().to_string()).collect(),
        }
    }

    /// The report as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report serialises") + "\n"
    }

    /// For each day after publication, the median of the episodes' downloads up to that day,
    /// over the episodes the logs cover that long.
    pub fn median_curve(&self) -> Vec<f64> {
        (0..AGE_DAYS)
            .map_while(|d| {
                let mut values: Vec<u64> = self
                    .episodes
                    .iter()
                    .filter(|e| e.days_covered > d)
                    .map(|e| e.by_day[..=d].iter().sum())
                    .collect();
                values.sort_unstable();
                let n = values.len();
                match n {
                    0 => None,
                    _ if n % 2 == 1 => Some(values[n / 2] as f64),
                    _ => Some((values[n / 2 - 1] + values[n / 2]) as f64 / 2.0),
                }
            })
            .collect()
    }
}

fn agent_rows(downloads: &[u64]) -> Vec<AgentRow> {
    let mut rows: Vec<AgentRow> = downloads
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(id, n)| {
            let id = u16::try_from(id).expect("agent ids are u16");
            AgentRow {
                name: AGENTS.name(id).to_string(),
                kind: match AGENTS.kind(id) {
                    Kind::App => "app",
                    Kind::Library => "library",
                    Kind::Browser => "browser",
                    Kind::Unknown => "unknown",
                    Kind::Bot(_) | Kind::Watch => "bot",
                },
                downloads: *n,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.downloads
            .cmp(&a.downloads)
            .then_with(|| a.name.cmp(&b.name))
    });
    rows
}

const EPOCH: jiff::civil::Date = jiff::civil::date(1970, 1, 1);

/// Days since 1970-01-01 of a date.
fn date_number(date: jiff::civil::Date) -> i32 {
    EPOCH.until(date).map_or(0, |span| span.get_days())
}

/// `YYYY-MM-DD` of days since 1970-01-01.
pub fn date_text(days: i32) -> String {
    EPOCH
        .checked_add(jiff::Span::new().days(days))
        .map_or_else(|_| String::new(), |d| d.to_string())
}
