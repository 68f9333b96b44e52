//! Who made a request, from its User-Agent: the OPAWG user-agents v2 lists (`bots`, `apps`,
//! `libraries`, `browsers`; `data/opawg-user-agents-v2/`), embedded in the binary and read in
//! that order, as the lists say, the first entry that matches naming the agent. Beside the
//! lists, the rules they do not carry: an empty or malformed User-Agent is a bot, an unlisted
//! one that calls itself a bot, crawler or spider is one (as OP3 does), a library the list
//! files under `category: bot` is one, and the Apple Watch's Podcasts app (the bots list's
//! `Apple Podcasts (Watch)`) is an Apple Watch duplicate (IAB's watchOS guidance of 2020).
//!
//! Matching ~900 patterns takes microseconds, so each thread remembers the agent of every
//! User-Agent it has seen: a log names a few thousand at most.

use std::cell::RefCell;
use std::hash::BuildHasher;
use std::sync::LazyLock;

use hashbrown::HashTable;
use regex::bytes::Regex;

/// The lists, in the order they are read.
const LISTS: [(&str, &str); 4] = [
    (
        "bots",
        include_str!("../../data/opawg-user-agents-v2/bots.json"),
    ),
    (
        "apps",
        include_str!("../../data/opawg-user-agents-v2/apps.json"),
    ),
    (
        "libraries",
        include_str!("../../data/opawg-user-agents-v2/libraries.json"),
    ),
    (
        "browsers",
        include_str!("../../data/opawg-user-agents-v2/browsers.json"),
    ),
];

/// The bots list's entry for the Apple Watch's Podcasts app.
pub const WATCH_ENTRY: &str = "Apple Podcasts (Watch)";

/// Index of an agent in [`Agents`].
pub type AgentId = u16;

/// What an agent is, for counting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    App,
    Library,
    Browser,
    /// A User-Agent no list knows: a listener all the same.
    Unknown,
    Bot(BotReason),
    /// The Apple Watch's Podcasts app, which downloads again what the paired iPhone has.
    Watch,
}

impl Kind {
    /// True for the agents whose downloads count.
    pub fn is_listener(self) -> bool {
        matches!(
            self,
            Kind::App | Kind::Library | Kind::Browser | Kind::Unknown
        )
    }
}

/// Why an agent is taken for a bot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BotReason {
    /// In the bots list, or a library the list files as a bot.
    Listed,
    /// Empty, `-`, or without a letter.
    Malformed,
    /// Unlisted, but it says `bot`, `crawler` or `spider`.
    SaysBot,
}

/// Every agent the lists name, and three of ours.
pub struct Agents {
    names: Vec<String>,
    kinds: Vec<Kind>,
    /// Each list's patterns in order, and the id of its first entry.
    lists: Vec<(Vec<Regex>, AgentId)>,
    /// Our three agents: [`Agents::UNKNOWN`], [`Agents::MALFORMED`], [`Agents::SAYS_BOT`].
    ours: [AgentId; 3],
}

/// The lists, compiled once.
pub static AGENTS: LazyLock<Agents> = LazyLock::new(Agents::load);

#[derive(serde::Deserialize)]
struct List {
    entries: Vec<Entry>,
}

#[derive(serde::Deserialize)]
struct Entry {
    name: String,
    pattern: String,
    #[serde(default)]
    category: Option<String>,
}

impl Agents {
    /// An unlisted User-Agent.
    pub const UNKNOWN: &str = "unknown";
    /// An empty or malformed User-Agent.
    pub const MALFORMED: &str = "empty or malformed User-Agent";
    /// An unlisted User-Agent that calls itself a bot.
    pub const SAYS_BOT: &str = "unlisted bot";

    fn load() -> Self {
        let mut agents = Agents {
            names: Vec::new(),
            kinds: Vec::new(),
            lists: Vec::new(),
            ours: [0; 3],
        };
        for (file, json) in LISTS {
            let list: List = serde_json::from_str(json)
                .unwrap_or_else(|e| panic!("the embedded OPAWG {file}.json is invalid: {e}"));
            let first = agents.next_id();
            // One regex per entry, tried in order: a set would say which patterns match, but
            // finding all of them takes milliseconds a User-Agent, and only the first counts.
            let patterns = list
                .entries
                .iter()
                .map(|e| Regex::new(&e.pattern))
                .collect::<Result<Vec<_>, _>>()
                .unwrap_or_else(|e| panic!("a pattern of the embedded {file}.json: {e}"));
            for entry in list.entries {
                let kind = match (file, entry.category.as_deref()) {
                    ("bots", _) if entry.name == WATCH_ENTRY => Kind::Watch,
                    ("bots", _) | ("libraries", Some("bot")) => Kind::Bot(BotReason::Listed),
                    ("apps", _) => Kind::App,
                    ("libraries", _) => Kind::Library,
                    _ => Kind::Browser,
                };
                agents.push(entry.name, kind);
            }
            agents.lists.push((patterns, first));
        }
        let first = agents.next_id();
        agents.ours = [first, first + 1, first + 2];
        agents.push(Self::UNKNOWN.into(), Kind::Unknown);
        agents.push(Self::MALFORMED.into(), Kind::Bot(BotReason::Malformed));
        agents.push(Self::SAYS_BOT.into(), Kind::Bot(BotReason::SaysBot));
        agents
    }

    fn next_id(&self) -> AgentId {
        AgentId::try_from(self.names.len()).expect("the lists hold fewer than 65536 entries")
    }

    fn push(&mut self, name: String, kind: Kind) {
        self.names.push(name);
        self.kinds.push(kind);
    }

    /// How many agents there are (ids are below this).
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn name(&self, id: AgentId) -> &str {
        &self.names[usize::from(id)]
    }

    pub fn kind(&self, id: AgentId) -> Kind {
        self.kinds[usize::from(id)]
    }

    /// The agent of a User-Agent (as sent: decoded, not as a log may escape it).
    pub fn classify(&self, user_agent: &[u8]) -> AgentId {
        let trimmed = user_agent.trim_ascii();
        if trimmed.is_empty() || trimmed == b"-" || !trimmed.iter().any(u8::is_ascii_alphabetic) {
            return self.ours[1];
        }
        for (patterns, first) in &self.lists {
            if let Some(index) = patterns.iter().position(|p| p.is_match(trimmed)) {
                return first + AgentId::try_from(index).expect("in range");
            }
        }
        let lower = trimmed.to_ascii_lowercase();
        let says_bot = [&b"bot"[..], b"crawler", b"spider"]
            .iter()
            .any(|word| memchr::memmem::find(&lower, word).is_some());
        self.ours[if says_bot { 2 } else { 0 }]
    }
}

/// A 64-bit digest of a User-Agent as logged: part of a listener's identity.
pub fn digest(user_agent: &[u8]) -> u64 {
    foldhash::quality::FixedState::with_seed(0x0063_6172_6e65_7473).hash_one(user_agent)
}

/// What a thread remembers of the User-Agents it classified; cleared when it grows past this
/// (a log that names more is hostile, and classifying again is only slower).
const REMEMBERED: usize = 1 << 16;

thread_local! {
    /// Digests of User-Agents (which tell them apart, as they tell listeners apart) and agents.
    static SEEN: RefCell<HashTable<(u64, AgentId)>> = const { RefCell::new(HashTable::new()) };
}

/// The agent of a User-Agent as logged, whose [`digest`] is `digest_of_logged`; `decode` turns
/// the logged form into the one sent (CloudFront percent-encodes it), and runs only the first
/// time a thread sees it.
pub fn agent_of(
    logged: &[u8],
    digest_of_logged: u64,
    decode: impl Fn(&[u8]) -> Vec<u8>,
) -> AgentId {
    SEEN.with_borrow_mut(|seen| {
        if let Some((_, id)) = seen.find(digest_of_logged, |(d, _)| *d == digest_of_logged) {
            return *id;
        }
        if seen.len() >= REMEMBERED {
            seen.clear();
        }
        let id = AGENTS.classify(&decode(logged));
        seen.insert_unique(digest_of_logged, (digest_of_logged, id), |(d, _)| *d);
        id
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every example of every entry of the four lists is recognised as that entry: the lists
    /// are read in the right order, and every pattern means in Rust's `regex` what it means
    /// to the list's authors.
    #[test]
    fn every_example_of_the_lists_is_its_own_entry() {
        let mut checked = 0;
        for (file, json) in LISTS {
            let list: serde_json::Value = serde_json::from_str(json).unwrap();
            for entry in list["entries"].as_array().unwrap() {
                let name = entry["name"].as_str().unwrap();
                for example in entry["examples"].as_array().into_iter().flatten() {
                    let example = example.as_str().unwrap();
                    let id = AGENTS.classify(example.as_bytes());
                    assert_eq!(AGENTS.name(id), name, "{file}.json: {example:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "only {checked} examples");
    }

    #[test]
    fn kinds_follow_the_list_and_our_rules() {
        let kind = |ua: &str| AGENTS.kind(AGENTS.classify(ua.as_bytes()));
        assert_eq!(kind("AntennaPod/3.4.0"), Kind::App);
        assert_eq!(
            kind("AppleCoreMedia/1.0.0.20E252 (iPhone; U; CPU OS 16_4 like Mac OS X; fr_fr)"),
            Kind::Library
        );
        assert_eq!(
            kind("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"),
            Kind::Browser
        );
        assert_eq!(
            kind("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
            Kind::Bot(BotReason::Listed)
        );
        // A library the list calls a bot.
        assert_eq!(kind("python-requests/2.31.0"), Kind::Bot(BotReason::Listed));
        assert_eq!(
            kind("atc/1.0 watchOS/7.1 model/Watch5,4 hwp/t8006 build/18R590 (6; dt:202)"),
            Kind::Watch
        );
        assert_eq!(kind(""), Kind::Bot(BotReason::Malformed));
        assert_eq!(kind("-"), Kind::Bot(BotReason::Malformed));
        assert_eq!(kind("12345 ()"), Kind::Bot(BotReason::Malformed));
        assert_eq!(
            kind("MonRobot/1.0 (a SpiderOfOurs)"),
            Kind::Bot(BotReason::SaysBot)
        );
        assert_eq!(kind("LecteurMaison/0.1"), Kind::Unknown);
    }

    #[test]
    fn the_watch_entry_is_in_the_bots_list() {
        let ids: Vec<usize> = (0..AGENTS.len())
            .filter(|&i| AGENTS.names[i] == WATCH_ENTRY)
            .collect();
        assert_eq!(ids.len(), 1, "one entry named {WATCH_ENTRY}");
        assert_eq!(AGENTS.kinds[ids[0]], Kind::Watch);
    }

    #[test]
    fn a_thread_remembers_what_it_classified() {
        let ua = b"Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";
        let calls = std::cell::Cell::new(0);
        let decode = |logged: &[u8]| {
            calls.set(calls.get() + 1);
            logged.to_vec()
        };
        let first = agent_of(ua, digest(ua), decode);
        let again = agent_of(ua, digest(ua), decode);
        assert_eq!((first, again, calls.get()), (first, first, 1));
        assert_eq!(AGENTS.name(first), "Overcast");
    }
}
