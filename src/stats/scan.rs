//! One block of log lines in, the requests that may make downloads out: the first, per-line
//! half of the IAB rules. Only the published MP3s are looked at (other files are ignored);
//! then, in this order, a request is left out for its date (`--since`, `--until`), for not
//! being a GET (HEAD counted apart), for its status (304, 4xx and 5xx counted apart; a
//! redirect or another status is no download either), or for being a `bytes=0-1` probe.
//! What remains is a [`Hit`]: a listener (IP, IPv6 by its /64, and User-Agent), an agent, an
//! episode, some bytes. Blocks are scanned in parallel; the counting that follows is serial.

use std::net::IpAddr;
use std::ops::AddAssign;

use super::agents::{self, AgentId};
use super::catalog::Catalog;
use super::clock::Clock;
use super::fields::percent_decoded;
use super::formats::LineParser;

/// A request that may be part of a download.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Unix seconds.
    pub time: i64,
    /// Digest of the listener (address, User-Agent) and the episode: whose window it joins.
    pub listener: u64,
    /// Digest of the address and the episode: for the noisy-IP rule.
    pub address: u64,
    pub bytes: u64,
    pub episode: u32,
    pub agent: AgentId,
}

/// A 64-bit digest of some words. Listeners, windows and User-Agents are told apart by their
/// digests: with a million of them in a log, two share one with odds under 10^-7.
pub fn digest(words: &[u64]) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = foldhash::quality::FixedState::with_seed(0x0063_6172_6e65_7473).build_hasher();
    for word in words {
        hasher.write_u64(*word);
    }
    hasher.finish()
}

/// What the lines were, beside hits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub lines: u64,
    /// Lines that are requests of the format.
    pub parsed: u64,
    pub unparsed: u64,
    /// Requests for other files than the episodes' MP3s.
    pub other_files: u64,
    /// Episode requests before `--since` or after `--until`.
    pub outside_period: u64,
    pub head: u64,
    /// Other methods than GET and HEAD.
    pub other_methods: u64,
    pub not_modified: u64,
    /// 4xx and 5xx.
    pub errors: u64,
    /// Redirects and other statuses than 200, 206, 304, 4xx and 5xx.
    pub other_statuses: u64,
    pub probes: u64,
    /// Requests that went on to be counted ([`Hit`]s).
    pub hits: u64,
    /// The first and last request's times.
    pub first: Option<i64>,
    pub last: Option<i64>,
}

impl AddAssign for Counts {
    fn add_assign(&mut self, o: Self) {
        self.lines += o.lines;
        self.parsed += o.parsed;
        self.unparsed += o.unparsed;
        self.other_files += o.other_files;
        self.outside_period += o.outside_period;
        self.head += o.head;
        self.other_methods += o.other_methods;
        self.not_modified += o.not_modified;
        self.errors += o.errors;
        self.other_statuses += o.other_statuses;
        self.probes += o.probes;
        self.hits += o.hits;
        self.first = [self.first, o.first].into_iter().flatten().min();
        self.last = [self.last, o.last].into_iter().flatten().max();
    }
}

/// A scanned block.
#[derive(Debug, Default)]
pub struct Scanned {
    /// Lines of the block (the last may lack its newline).
    pub lines: u64,
    pub hits: Vec<Hit>,
    pub counts: Counts,
    /// The first lines that do not parse: their index in the block (from 0) and text.
    pub unparsed: Vec<(u64, Vec<u8>)>,
}

/// Unparsed lines kept per block, to show.
pub const SHOWN: usize = 5;

/// The half-open range of Unix seconds to count, from `--since` and `--until`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: i64,
    pub to: i64,
}

impl Default for Period {
    fn default() -> Self {
        Period {
            from: i64::MIN,
            to: i64::MAX,
        }
    }
}

/// Turns lines into hits.
pub struct Scanner<'a> {
    pub catalog: &'a Catalog,
    pub period: Period,
}

impl Scanner<'_> {
    pub fn scan(&self, parser: &LineParser, block: &[u8]) -> Scanned {
        // Room for a hit every 256 bytes (a log's lines are longer, and not all hits) from the
        // start: growing the vector would copy it again and again.
        let mut out = Scanned {
            hits: Vec::with_capacity(block.len() / 256),
            ..Scanned::default()
        };
        let mut clock = Clock::default();
        let mut index = 0u64;
        let mut start = 0;
        let ends = memchr::memchr_iter(b'\n', block).chain([block.len()]);
        for end in ends {
            let line = &block[start..end];
            start = end + 1;
            let number = index;
            index += 1;
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.is_empty() || parser.is_comment(line) {
                continue;
            }
            out.counts.lines += 1;
            let Some(request) = parser.parse(line, &mut clock) else {
                self.unparsed(&mut out, number, line);
                continue;
            };
            out.counts.parsed += 1;
            let c = &mut out.counts;
            c.first = Some(c.first.map_or(request.time, |t| t.min(request.time)));
            c.last = Some(c.last.map_or(request.time, |t| t.max(request.time)));
            let Some(episode) = self.catalog.find(request.path) else {
                c.other_files += 1;
                continue;
            };
            let left_out = match (request.method, request.status) {
                _ if request.time < self.period.from || request.time >= self.period.to => {
                    Some(&mut c.outside_period)
                }
                (b"HEAD", _) => Some(&mut c.head),
                (method, _) if method != b"GET" => Some(&mut c.other_methods),
                (_, 304) => Some(&mut c.not_modified),
                (_, 400..=599) => Some(&mut c.errors),
                (_, 200 | 206) if request.probe => Some(&mut c.probes),
                (_, 200 | 206) => None,
                _ => Some(&mut c.other_statuses),
            };
            if let Some(counter) = left_out {
                *counter += 1;
                continue;
            }
            let Some(ip) = listener_ip(request.ip) else {
                // A request of an episode needs its listener's address.
                c.parsed -= 1;
                self.unparsed(&mut out, number, line);
                continue;
            };
            c.hits += 1;
            let user_agent = agents::digest(request.user_agent);
            let encoded = request.encoded;
            let agent = agents::agent_of(request.user_agent, user_agent, |logged| match encoded {
                true => percent_decoded(logged),
                false => logged.to_vec(),
            });
            let (high, low) = ((ip >> 64) as u64, ip as u64);
            out.hits.push(Hit {
                time: request.time,
                listener: digest(&[high, low, user_agent, u64::from(episode)]),
                address: digest(&[high, low, u64::from(episode)]),
                bytes: request.bytes,
                episode,
                agent,
            });
        }
        // Splitting gives one more piece than there are newlines: empty when the block ends
        // with one.
        out.lines = index - u64::from(block.ends_with(b"\n"));
        out
    }

    fn unparsed(&self, out: &mut Scanned, number: u64, line: &[u8]) {
        out.counts.unparsed += 1;
        if out.unparsed.len() < SHOWN {
            out.unparsed.push((number, line.to_vec()));
        }
    }
}

/// The listener part of an address: IPv4 whole (as IPv4-mapped IPv6), IPv6 by its /64 (IAB
/// v2.1: a device's IPv6 address changes within its network's /64).
pub fn listener_ip(text: &[u8]) -> Option<u128> {
    if let Some(v4) = ipv4(text) {
        return Some(u128::from(std::net::Ipv4Addr::from(v4).to_ipv6_mapped()));
    }
    let ip: IpAddr = std::str::from_utf8(text).ok()?.parse().ok()?;
    Some(match ip.to_canonical() {
        IpAddr::V4(v4) => u128::from(v4.to_ipv6_mapped()),
        IpAddr::V6(v6) => u128::from(v6) & !u128::from(u64::MAX),
    })
}

/// A dotted IPv4 address, read quickly (most of a log's addresses are); `None` for anything
/// else, which the standard parser then reads.
fn ipv4(text: &[u8]) -> Option<u32> {
    let (mut address, mut octet, mut digits, mut dots) = (0u32, 0u32, 0, 0);
    for &c in text {
        match c {
            b'0'..=b'9' if digits < 3 => {
                octet = octet * 10 + u32::from(c - b'0');
                digits += 1;
            }
            b'.' if digits > 0 && dots < 3 => {
                address = address << 8 | octet;
                (octet, digits, dots) = (0, 0, dots + 1);
            }
            _ => return None,
        }
        if octet > 255 {
            return None;
        }
    }
    (dots == 3 && digits > 0).then_some(address << 8 | octet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_listeners_are_their_64_and_ipv4_is_whole() {
        let ip = |t: &str| listener_ip(t.as_bytes());
        assert_eq!(ip("2001:db8:1:2::5"), ip("2001:db8:1:2:ffff:1:2:3"));
        assert_ne!(ip("2001:db8:1:2::5"), ip("2001:db8:1:3::5"));
        assert_eq!(ip("192.0.2.1"), ip("::ffff:192.0.2.1"));
        assert_ne!(ip("192.0.2.1"), ip("192.0.2.2"));
        assert_eq!(
            ip("203.0.113.255"),
            Some(u128::from(
                std::net::Ipv4Addr::new(203, 0, 113, 255).to_ipv6_mapped()
            ))
        );
        for bad in [
            "256.1.1.1",
            "1.2.3",
            "1.2.3.4.5",
            "1..2.3",
            "1.2.3.4 ",
            "1234.1.1.1",
        ] {
            assert_eq!(ip(bad), None, "{bad}");
        }
        assert_eq!(ip("not an ip"), None);
        assert_eq!(ip("-"), None);
    }
}
