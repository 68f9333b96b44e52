//! The second, per-listener half of the IAB rules, over the hits in log order.
//!
//! - **Window.** A listener's first request for an episode opens a window of 24 hours (the
//!   guideline's rolling window, rather than the calendar day); its requests within it add
//!   up, and the first one after it opens the next window.
//! - **Threshold.** A window whose bytes reach the episode's ID3 tag plus one minute of audio
//!   (the whole file if shorter) is one download, dated by its first request.
//! - **Who.** A download by a bot is left out (`bots`), one by the Apple Watch's Podcasts
//!   app too (`watch_duplicates`); a listener's window that never reaches the threshold is
//!   `under_threshold`.
//! - **Noisy IPs.** When more than [`NOISY_IP`] listeners at one IP address (an IPv6 /64)
//!   download one episode within 24 hours of the first of them, none of those downloads
//!   counts: they are bots too.
//!
//! Memory holds the windows still open, evicted once the log's clock has passed them by
//! [`SLACK`] (which lets a request arrive that much out of order): it grows with the
//! listeners of a day, not with the log.

use std::collections::HashMap;

use hashbrown::hash_map::Entry;

use super::agents::{AGENTS, AgentId, BotReason, Kind};
use super::catalog::Catalog;
use super::scan::Hit;
use super::windows::{Window, Windows};

/// The window, in seconds.
pub const WINDOW: i64 = 24 * 3600;
/// How late a request may come, out of order, and still join its window.
pub const SLACK: i64 = 3600;
/// More downloads of one episode from one IP within a window are implausible.
pub const NOISY_IP: usize = 10;
/// Hits whose windows are read ahead together ([`Counter::add_all`]): enough to keep the
/// memory busy, few enough that their windows stay in the cache until counted.
const AHEAD: usize = 16;
/// How often, in log time, closed windows are swept out.
const SWEEP: i64 = 12 * 3600;
/// Downloads per episode by the day after publication, for `first 7 days`, `first 30 days`
/// and the curves of the report.
pub const AGE_DAYS: usize = 30;

/// The maps' keys are digests already ([`super::scan::digest`]): hashing them again would only
/// cost time.
#[derive(Clone, Copy, Debug, Default)]
struct Digests;

#[derive(Clone, Copy, Debug, Default)]
struct Digest(u64);

impl std::hash::BuildHasher for Digests {
    type Hasher = Digest;
    fn build_hasher(&self) -> Digest {
        Digest(0)
    }
}

impl std::hash::Hasher for Digest {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The downloads of one episode from one IP, held until it is known whether they are too many.
#[derive(Debug)]
struct IpWindow {
    start: i64,
    episode: u32,
    downloads: Vec<(i64, AgentId)>,
}

/// One episode's downloads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpisodeTally {
    pub downloads: u64,
    /// Downloads on the day after publication of each index (0 = the first 24 hours).
    pub by_age: [u64; AGE_DAYS],
}

/// What the counting found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub downloads: u64,
    pub episodes: Vec<EpisodeTally>,
    /// Downloads by agent id (listeners only).
    pub agents: Vec<u64>,
    /// Downloads by day, in the show's time zone (days since 1970-01-01).
    pub days: HashMap<i32, u64>,
    /// Downloads left out as bots, by agent id (bots only).
    pub bot_agents: Vec<u64>,
    /// Downloads left out as bots: listed, malformed User-Agent, says it is a bot.
    pub bots: [u64; 3],
    /// Downloads left out because their IP made too many.
    pub noisy: u64,
    /// The IPs (IPv6 /64) and episodes that made them: one per window.
    pub noisy_windows: u64,
    pub watch_duplicates: u64,
    pub under_threshold: u64,
}

impl Tally {
    /// The figures of two shares of the listeners, added up.
    pub fn merged(mut self, other: Tally) -> Tally {
        let sum = |a: &mut [u64], b: &[u64]| a.iter_mut().zip(b).for_each(|(a, b)| *a += b);
        self.downloads += other.downloads;
        for (a, b) in self.episodes.iter_mut().zip(&other.episodes) {
            a.downloads += b.downloads;
            sum(&mut a.by_age, &b.by_age);
        }
        sum(&mut self.agents, &other.agents);
        for (day, n) in other.days {
            *self.days.entry(day).or_default() += n;
        }
        sum(&mut self.bot_agents, &other.bot_agents);
        sum(&mut self.bots, &other.bots);
        self.noisy += other.noisy;
        self.noisy_windows += other.noisy_windows;
        self.watch_duplicates += other.watch_duplicates;
        self.under_threshold += other.under_threshold;
        self
    }

    /// Every download left out as a bot.
    pub fn bots_total(&self) -> u64 {
        self.bots.iter().sum::<u64>() + self.noisy
    }
}

/// Counts downloads, one hit at a time.
pub struct Counter<'a> {
    catalog: &'a Catalog,
    tz: jiff::tz::TimeZone,
    listeners: Windows,
    /// By [`Hit::address`].
    ips: hashbrown::HashMap<u64, IpWindow, Digests>,
    /// The latest time seen.
    now: i64,
    next_sweep: i64,
    tally: Tally,
}

impl<'a> Counter<'a> {
    pub fn new(catalog: &'a Catalog, tz: jiff::tz::TimeZone) -> Self {
        Counter {
            catalog,
            tz,
            listeners: Windows::default(),
            ips: hashbrown::HashMap::with_hasher(Digests),
            now: i64::MIN,
            next_sweep: i64::MIN,
            tally: Tally {
                episodes: vec![EpisodeTally::default(); catalog.entries.len()],
                agents: vec![0; AGENTS.len()],
                bot_agents: vec![0; AGENTS.len()],
                ..Tally::default()
            },
        }
    }

    /// Counts hits, in order. The windows of the next [`AHEAD`] hits are read from memory
    /// together before these hits are counted one by one.
    pub fn add_all<'h>(&mut self, hits: impl Iterator<Item = &'h Hit>) {
        let mut ahead: Vec<&Hit> = Vec::with_capacity(AHEAD);
        let mut hits = hits.peekable();
        while hits.peek().is_some() {
            ahead.extend(hits.by_ref().take(AHEAD));
            self.listeners.touch(ahead.iter().map(|hit| hit.listener));
            for hit in ahead.drain(..) {
                self.add(hit);
            }
        }
    }

    fn add(&mut self, hit: &Hit) {
        if hit.time > self.now {
            self.now = hit.time;
            if self.now >= self.next_sweep {
                self.sweep(self.now - SLACK);
                self.next_sweep = self.now + SWEEP;
            }
        }
        let (window, opened) = self.listeners.open(hit.listener, hit.time, hit.agent);
        // A window opened now is not read back: its slot may still be on its way from memory,
        // and the read would wait for it.
        let (mut start, mut bytes, mut agent, mut reached) = (hit.time, 0, hit.agent, false);
        if !opened && hit.time >= window.start + WINDOW {
            close(&window.reopen(hit.time, hit.agent), &mut self.tally);
        } else if !opened {
            (start, bytes, agent, reached) =
                (window.start, window.bytes, window.agent, window.reached);
        }
        bytes += hit.bytes;
        window.bytes = bytes;
        if !reached && bytes >= self.catalog.entries[hit.episode as usize].threshold {
            window.reached = true;
            self.reached(hit, start, agent);
        }
    }

    /// A window reached the threshold: a download, unless its agent or its IP says otherwise.
    fn reached(&mut self, hit: &Hit, start: i64, agent: AgentId) {
        match AGENTS.kind(agent) {
            Kind::Watch => self.tally.watch_duplicates += 1,
            Kind::Bot(reason) => {
                self.tally.bots[reason as usize] += 1;
                self.tally.bot_agents[usize::from(agent)] += 1;
            }
            _ => {
                let fresh = IpWindow {
                    start,
                    episode: hit.episode,
                    downloads: vec![(start, agent)],
                };
                match self.ips.entry(hit.address) {
                    Entry::Occupied(entry) if (start - entry.get().start).abs() < WINDOW => {
                        entry.into_mut().downloads.push((start, agent));
                    }
                    Entry::Occupied(mut entry) => {
                        let closed = std::mem::replace(entry.get_mut(), fresh);
                        self.settle(closed);
                    }
                    Entry::Vacant(entry) => {
                        entry.insert(fresh);
                    }
                }
            }
        }
    }

    /// The downloads of a closed IP window: counted, or all bots when there are too many.
    fn settle(&mut self, window: IpWindow) {
        if window.downloads.len() > NOISY_IP {
            self.tally.noisy += window.downloads.len() as u64;
            self.tally.noisy_windows += 1;
            return;
        }
        let entry = &self.catalog.entries[window.episode as usize];
        let tally = &mut self.tally;
        for (start, agent) in window.downloads {
            tally.downloads += 1;
            tally.agents[usize::from(agent)] += 1;
            let episode = &mut tally.episodes[window.episode as usize];
            episode.downloads += 1;
            let age = (start - entry.published).div_euclid(WINDOW);
            if let Ok(age) = usize::try_from(age)
                && age < AGE_DAYS
            {
                episode.by_age[age] += 1;
            }
            *tally.days.entry(local_day(&self.tz, start)).or_default() += 1;
        }
    }

    /// Closes the windows that ended before `horizon`, and settles the IP windows that no
    /// open window can join any more.
    fn sweep(&mut self, horizon: i64) {
        let tally = &mut self.tally;
        self.listeners.retain(|window| {
            let open = window.start + WINDOW > horizon;
            if !open {
                close(window, tally);
            }
            open
        });
        // A listener's window opened up to a day after the IP window's start may still reach
        // the threshold up to a day later.
        let closed: Vec<u64> = self
            .ips
            .iter()
            .filter(|(_, w)| w.start + 2 * WINDOW <= horizon)
            .map(|(k, _)| *k)
            .collect();
        for key in closed {
            if let Some(window) = self.ips.remove(&key) {
                self.settle(window);
            }
        }
    }

    /// Closes every window: the counts are final.
    pub fn finish(mut self) -> Tally {
        self.sweep(i64::MAX);
        self.tally
    }
}

/// A listener's window is over: short of the threshold, it is reported (listeners only).
fn close(window: &Window, tally: &mut Tally) {
    if !window.reached && AGENTS.kind(window.agent).is_listener() {
        tally.under_threshold += 1;
    }
}

/// The day of an instant in the show's time zone, as days since 1970-01-01.
pub fn local_day(tz: &jiff::tz::TimeZone, secs: i64) -> i32 {
    let offset = jiff::Timestamp::from_second(secs)
        .map(|t| tz.to_offset(t).seconds())
        .unwrap_or(0);
    i32::try_from((secs + i64::from(offset)).div_euclid(86_400)).unwrap_or(0)
}

/// Indexes of [`Tally::bots`].
pub const BOT_REASONS: [BotReason; 3] =
    [BotReason::Listed, BotReason::Malformed, BotReason::SaysBot];
