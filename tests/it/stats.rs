//! `carnets stats` on logs made with a known truth: every rule of IAB v2.3 that it applies,
//! one listener at a time, and the exact counts that must come out.

use std::path::Path;

use serde_json::{Value, json};

use super::stats_support::{Format, LONG, PUBLISHED, Podcast, Req, SHORT, example, log};

/// An hour after the long episode's publication.
const T0: i64 = PUBLISHED + 3600;

/// The requests of the scenario, in time order, and a line that is no request.
pub fn scenario(p: &Podcast) -> Vec<Req> {
    let t = p.long_threshold;
    let full = p.long_size;
    let app = |name: &str| example("apps", name);
    let apple = app("Apple Podcasts");
    let mut r = vec![
        // The feed, read before the episode is out: the logs cover its first hour.
        Req {
            path: "/podcast/feed.xml".into(),
            ..Req::get(
                PUBLISHED - 3600,
                "192.0.2.10",
                LONG,
                9000,
                &app("AntennaPod"),
            )
        },
        // A listener on AntennaPod: the whole file. One download.
        Req::get(T0, "192.0.2.10", LONG, full, &app("AntennaPod")),
        // Apple Podcasts in two ranges that add up to the threshold exactly. One download.
        Req::range(T0 + 10, "192.0.2.20", LONG, 0, t - 1000, &apple),
        Req::range(T0 + 20, "192.0.2.20", LONG, t - 1000, 1000, &apple),
        // Overcast in two ranges a byte short of it: under the threshold.
        Req::range(T0 + 30, "192.0.2.30", LONG, 0, 30_000, &app("Overcast")),
        Req::range(
            T0 + 40,
            "192.0.2.30",
            LONG,
            30_000,
            t - 1 - 30_000,
            &app("Overcast"),
        ),
        // Pocket Casts: HEAD, 304, 404, 500. Nothing to count.
        Req::get(T0 + 50, "192.0.2.40", LONG, 0, &app("Pocket Casts")).with("HEAD", 200),
        Req::get(T0 + 51, "192.0.2.40", LONG, 0, &app("Pocket Casts")).with("GET", 304),
        Req::get(T0 + 52, "192.0.2.40", LONG, 150, &app("Pocket Casts")).with("GET", 404),
        Req::get(T0 + 53, "192.0.2.40", LONG, 150, &app("Pocket Casts")).with("GET", 500),
        // AppleCoreMedia probes bytes=0-1, then takes the file: one probe, one download.
        Req::range(
            T0 + 60,
            "192.0.2.60",
            LONG,
            0,
            2,
            &example("libraries", "AppleCoreMedia"),
        ),
        Req::get(
            T0 + 61,
            "192.0.2.60",
            LONG,
            full,
            &example("libraries", "AppleCoreMedia"),
        ),
        // A probe alone.
        Req::range(T0 + 62, "192.0.2.61", LONG, 0, 2, &app("Overcast")),
        // An iPhone and its Apple Watch: one download, one Apple Watch duplicate.
        Req::get(T0 + 70, "192.0.2.50", LONG, full, &apple),
        Req::get(
            T0 + 75,
            "192.0.2.50",
            LONG,
            full,
            &example("bots", "Apple Podcasts (Watch)"),
        ),
        // Googlebot and an empty User-Agent: two bots.
        Req::get(
            T0 + 80,
            "192.0.2.70",
            LONG,
            full,
            &example("bots", "Googlebot"),
        ),
        Req::get(T0 + 81, "192.0.2.71", LONG, full, "-"),
        // Two addresses of one IPv6 /64, one User-Agent, half the threshold each: one listener,
        // one download; the same app in another /64: another.
        Req::get(T0 + 90, "2001:db8:1:2::a", LONG, t / 2 + 1, &app("Spotify")),
        Req::get(
            T0 + 95,
            "2001:db8:1:2:ffff::b",
            LONG,
            t / 2 + 1,
            &app("Spotify"),
        ),
        Req::get(T0 + 99, "2001:db8:1:3::9", LONG, full, &app("Spotify")),
        // Castro: the whole file, again 23 h 59 min later (the same window), and again 24 h 01
        // min after the first (a new window): two downloads, one each day.
        Req::get(T0 + 100, "192.0.2.80", LONG, full, &app("Castro")),
        Req::get(T0 + 100 + 86_340, "192.0.2.80", LONG, full, &app("Castro")),
        Req::get(T0 + 100 + 86_460, "192.0.2.80", LONG, full, &app("Castro")),
        // The short episode: a byte short of the whole file (under), then the whole file.
        Req::get(
            T0 + 110,
            "192.0.2.90",
            SHORT,
            p.short_size - 1,
            &app("Podcast Addict"),
        ),
        Req::get(
            T0 + 111,
            "192.0.2.91",
            SHORT,
            p.short_size,
            &app("Podcast Addict"),
        ),
        // Not an episode, another method, a redirect.
        Req {
            path: "/podcast/feed.xml".into(),
            ..Req::get(T0 + 120, "192.0.2.10", LONG, 9000, &app("AntennaPod"))
        },
        Req::get(T0 + 121, "192.0.2.10", LONG, 0, &app("AntennaPod")).with("POST", 405),
        Req::get(T0 + 122, "192.0.2.10", LONG, 0, &app("AntennaPod")).with("GET", 301),
    ];
    // Ten unlisted players at one address: ten downloads. Eleven at another: a noisy IP, whose
    // eleven downloads are bots.
    for i in 0..10 {
        r.push(Req::get(
            T0 + 200 + i,
            "198.51.100.10",
            LONG,
            full,
            &format!("LecteurMaison/1.{i}"),
        ));
    }
    for i in 0..11 {
        r.push(Req::get(
            T0 + 300 + i,
            "198.51.100.66",
            LONG,
            full,
            &format!("LecteurMaison/2.{i}"),
        ));
    }
    r.sort_by_key(|r| r.time);
    r
}

/// The scenario's log in a format, with a line that is no request as its second line.
pub fn scenario_log(p: &Podcast, format: Format) -> String {
    with_a_bad_line(&log(format, &scenario(p)), format)
}

/// A log with a line that is no request after its first request.
fn with_a_bad_line(log: &str, format: Format) -> String {
    let header = if format == Format::Cloudfront { 3 } else { 1 };
    let mut lines: Vec<&str> = log.lines().collect();
    lines.insert(header, "this is not a log line");
    lines.join("\n") + "\n"
}

/// What the scenario must give, whatever the format.
pub fn expected() -> Value {
    json!({
        "downloads": 19,
        "apps": {
            "Apple Podcasts": 2, "Castro": 2, "Spotify": 2, "AntennaPod": 1, "AppleCoreMedia": 1,
            "Podcast Addict": 1, "unknown": 10
        },
        "excluded": {
            "bots": 13, "head": 1, "not_modified": 1, "errors": 2, "under_threshold": 2,
            "probes": 2, "watch_duplicates": 1, "unparsed_lines": 1
        },
        "bots_detail": {
            "listed": 1, "malformed_user_agent": 1, "says_bot": 0, "noisy_ip": 11, "noisy_ip_windows": 1
        },
        "episodes": { LONG: [18, 18, 18], SHORT: [1, 0, 0] },
        "days": { "2026-11-10": 18, "2026-11-11": 1 },
        "requests": { "other_files": 2, "other_methods": 1, "other_statuses": 1, "outside_period": 0 }
    })
}

/// The parts of a report the scenario fixes.
pub fn figures(report: &Value) -> Value {
    let apps: serde_json::Map<String, Value> = report["apps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["name"].as_str().unwrap().to_string(),
                a["downloads"].clone(),
            )
        })
        .collect();
    let episodes: serde_json::Map<String, Value> = report["episodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["downloads"] != 0)
        .map(|e| {
            let counts = json!([e["downloads"], e["first_7_days"], e["first_30_days"]]);
            (e["slug"].as_str().unwrap().to_string(), counts)
        })
        .collect();
    let days: serde_json::Map<String, Value> = report["days"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["downloads"] != 0)
        .map(|d| {
            (
                d["date"].as_str().unwrap().to_string(),
                d["downloads"].clone(),
            )
        })
        .collect();
    let r = &report["requests"];
    json!({
        "downloads": report["downloads"],
        "apps": apps,
        "excluded": report["excluded"],
        "bots_detail": report["bots_detail"],
        "episodes": episodes,
        "days": days,
        "requests": {
            "other_files": r["other_files"], "other_methods": r["other_methods"],
            "other_statuses": r["other_statuses"], "outside_period": r["outside_period"]
        }
    })
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn every_rule_of_the_count_gives_the_exact_figures() {
    let p = Podcast::new();
    let log = write(&p.root, "access.log", &scenario_log(&p, Format::Combined));
    let (code, report, stderr) = p.stats(&[&log], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(figures(&report), expected(), "{stderr}");
    // The rules and the window are stated, the thresholds are the published files'.
    assert!(
        report["rules"]
            .as_str()
            .unwrap()
            .starts_with("IAB Podcast Measurement Technical Guidelines v2.3")
    );
    assert!(
        report["window"]
            .as_str()
            .unwrap()
            .starts_with("rolling 24 hours")
    );
    let long = report["episodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["slug"] == LONG)
        .unwrap();
    assert_eq!(long["threshold_bytes"], p.long_threshold);
    assert_eq!(long["size_bytes"], p.long_size);
    let short = report["episodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["slug"] == SHORT)
        .unwrap();
    assert_eq!(short["threshold_bytes"], p.short_size);
    // The unparsed line is shown with its number.
    assert!(
        stderr.contains("access.log:2: warning: this line is not a combined log line"),
        "{stderr}"
    );
}

#[test]
fn a_rotated_set_with_a_gzip_file_counts_as_one_log() {
    use std::io::Write;
    let p = Podcast::new();
    let requests = scenario(&p);
    let (old, rest) = requests.split_at(8);
    let (middle, new) = rest.split_at(rest.len() - 3);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let old = with_a_bad_line(&log(Format::Combined, old), Format::Combined);
    gz.write_all(old.as_bytes()).unwrap();
    let oldest = p.root.join("access.log.2.gz");
    std::fs::write(&oldest, gz.finish().unwrap()).unwrap();
    let middle = write(&p.root, "access.log.1", &log(Format::Combined, middle));
    let newest = write(&p.root, "access.log", &log(Format::Combined, new));
    let (code, report, stderr) = p.stats(&[&newest, &oldest, &middle], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(figures(&report), expected());
}

#[test]
fn since_and_until_keep_the_days_asked_for() {
    let p = Podcast::new();
    let log = write(&p.root, "access.log", &scenario_log(&p, Format::Combined));
    let (code, report, stderr) =
        p.stats(&[&log], &["--since", "2026-11-11", "--until", "2026-11-11"]);
    assert_eq!(code, 0, "{stderr}");
    let f = figures(&report);
    assert_eq!(f["downloads"], 1);
    assert_eq!(f["days"], json!({"2026-11-11": 1}));
    assert_eq!(
        report["period"],
        json!({"from": "2026-11-11", "to": "2026-11-11"})
    );
    assert_eq!(report["days"].as_array().unwrap().len(), 1);
    // Every other request of an episode was outside.
    let total: u64 = scenario(&p)
        .iter()
        .filter(|r| r.path.ends_with(".mp3"))
        .count() as u64;
    assert_eq!(report["requests"]["outside_period"], total - 2);
    let (code, _, stderr) = p.stats(&[&log], &["--since", "2026-11-12", "--until", "2026-11-11"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("--since 2026-11-12 is after --until 2026-11-11"),
        "{stderr}"
    );
}

#[test]
fn lines_that_do_not_parse_are_counted_and_the_first_shown() {
    let p = Podcast::new();
    let good = log(Format::Combined, &scenario(&p));
    let mut text = String::new();
    for (i, line) in good.lines().enumerate() {
        text.push_str(line);
        text.push('\n');
        if i < 8 {
            text.push_str(&format!("garbage {i}\n"));
        }
    }
    let log = write(&p.root, "access.log", &text);
    let (code, report, stderr) = p.stats(&[&log], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(report["excluded"]["unparsed_lines"], 8);
    assert_eq!(report["downloads"], 19);
    for (i, line) in [2, 4, 6, 8, 10].iter().enumerate() {
        assert!(stderr.contains(&format!("access.log:{line}: warning: this line is not a combined log line, left out: garbage {i}")), "{stderr}");
    }
    assert!(!stderr.contains("garbage 5"), "{stderr}");
    assert!(
        stderr.contains("access.log: warning: 8 line(s) of this log are not combined log lines"),
        "{stderr}"
    );
}

#[test]
fn a_log_of_another_format_says_which_and_counts_nothing() {
    let p = Podcast::new();
    let cloudfront = write(&p.root, "cf.log", &log(Format::Cloudfront, &scenario(&p)));
    let (code, report, stderr) = p.stats(&[&cloudfront], &[]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(report, Value::Null, "no report is written");
    assert!(
        stderr.contains("no line of the logs is a combined log line"),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: the lines look like cloudfront logs: add --format cloudfront"),
        "{stderr}"
    );
    let (code, _, stderr) = p.stats(&[&cloudfront], &["--format", "w3c"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("[possible values: combined, s3, cloudfront]"),
        "{stderr}"
    );
    let (code, _, stderr) = p.stats(&[&p.root.join("missing.log")], &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("missing.log: error: cannot read this log"),
        "{stderr}"
    );
}
