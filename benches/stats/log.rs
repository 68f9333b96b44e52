//! A generated combined access log of this repository's podcast: N lines at 333 334 a day (10
//! million lines are 30 days; a smaller log is fewer days of the same audience), from 60 000
//! listeners (one in ten on IPv6) using the OPAWG lists' example User-Agents (bots
//! among them), three in four requests for an episode's MP3 (whole files, ranges, HEAD, 304,
//! 404), the others for the feed and the pages. Made once under `target/bench/` and kept.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Lines a day: each day has the same audience, however long the log.
const LINES_A_DAY: i64 = 333_334;

/// The log of `lines` lines, made if it is not there yet.
pub fn log(dir: &Path, lines: u64, slugs: &[String]) -> PathBuf {
    let path = dir.join(format!("access-{lines}-daily.log"));
    let done = dir.join(format!("access-{lines}-daily.log.done"));
    if done.is_file() && path.is_file() {
        return path;
    }
    std::fs::create_dir_all(dir).expect("target/bench/stats");
    eprintln!("generating {} ({lines} lines)…", path.display());
    let mut out = BufWriter::with_capacity(
        1 << 20,
        std::fs::File::create(&path).expect("create the log"),
    );
    let agents = user_agents();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let paths: Vec<String> = slugs
        .iter()
        .map(|s| format!("/episodes/{s}/{s}.mp3"))
        .collect();
    let pages = [
        "/feed.xml",
        "/",
        "/assets/style.css",
        "/search/",
        "/episodes/001-premier-bilan/",
    ];
    let start = 1_788_220_800; // 2026-09-01 UTC
    let span = (lines as i64 * 86_400 + LINES_A_DAY - 1) / LINES_A_DAY;
    let paris = jiff::tz::TimeZone::get("Europe/Paris").expect("tzdb");
    let (mut last, mut stamp) = (i64::MIN, String::new());
    let mut line = String::with_capacity(512);
    for i in 0..lines {
        let t = start + (i as i128 * span as i128 / lines as i128) as i64;
        if t != last {
            last = t;
            stamp = jiff::Timestamp::from_second(t)
                .expect("in range")
                .to_zoned(paris.clone())
                .strftime("%d/%b/%Y:%H:%M:%S %z")
                .to_string();
        }
        let listener = rng.below(60_000);
        let ip = match listener % 10 {
            0 => format!(
                "2001:db8:{:x}:{:x}::{:x}",
                listener >> 8,
                listener & 0xff,
                rng.below(1 << 16)
            ),
            _ => format!(
                "{}.{}.{}.{}",
                80 + (listener >> 16),
                (listener >> 8) & 0xff,
                listener & 0xff,
                1 + listener % 200
            ),
        };
        let agent = &agents[(listener as usize * 7 + rng.below(2) as usize) % agents.len()];
        let roll = rng.below(100);
        let (method, target, status, bytes) = match roll {
            0..=74 => {
                let path = &paths[rng.below(paths.len() as u64) as usize];
                match rng.below(20) {
                    0..=9 => ("GET", path.as_str(), 200, 140_000 + rng.below(60_000)),
                    10..=15 => ("GET", path.as_str(), 206, rng.below(300_000)),
                    16 => ("GET", path.as_str(), 206, 2),
                    17 => ("HEAD", path.as_str(), 200, 0),
                    18 => ("GET", path.as_str(), 304, 0),
                    _ => ("GET", path.as_str(), 404, 153),
                }
            }
            _ => (
                "GET",
                pages[rng.below(pages.len() as u64) as usize],
                200,
                2_000 + rng.below(40_000),
            ),
        };
        let referer = if roll.is_multiple_of(3) {
            "https://carnets.citedelia.fr/"
        } else {
            "-"
        };
        line.clear();
        let _ = writeln!(
            line,
            r#"{ip} - - [{stamp}] "{method} {target} HTTP/1.1" {status} {bytes} "{referer}" "{agent}""#
        );
        out.write_all(line.as_bytes()).expect("write the log");
    }
    out.flush().expect("write the log");
    std::fs::write(done, "").expect("mark the log done");
    path
}

/// The examples of the OPAWG lists this repository ships: apps, libraries, browsers, and a
/// few bots.
fn user_agents() -> Vec<String> {
    let mut agents = Vec::new();
    for (list, take) in [
        ("apps", usize::MAX),
        ("libraries", usize::MAX),
        ("browsers", usize::MAX),
        ("bots", 40),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("data/opawg-user-agents-v2/{list}.json"));
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("OPAWG list"))
                .expect("JSON");
        let examples = json["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .filter_map(|e| e["examples"].as_array()?.first()?.as_str())
            .filter(|e| !e.is_empty() && !e.contains('"'))
            .take(take)
            .map(str::to_string);
        agents.extend(examples);
    }
    agents
}

/// xorshift64*: the same log on every machine.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}
