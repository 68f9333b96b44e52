//! What the `carnets stats` tests share: a podcast with a long episode (a minute of audio is
//! exactly 60 000 bytes) beside the fixture's short ones, built once so that the thresholds
//! are read back from the published MP3s, not taken from carnets; requests written as
//! combined, S3 or CloudFront log lines; User-Agents taken from the OPAWG lists' examples.

use std::path::{Path, PathBuf};

pub use carnets::stats::Format;

use super::common;

/// The long episode's slug (70.2 s of 8 kb/s CBR), and the short one's (5.7 s).
pub const LONG: &str = "005-long";
pub const SHORT: &str = "001-cbr";

/// 2026-11-10 08:00 in Paris: the long episode's publication.
pub const PUBLISHED: i64 = 1_794_294_000;

/// A podcast ready for `carnets stats`, and what its published MP3s say.
pub struct Podcast {
    pub _dir: tempfile::TempDir,
    pub root: PathBuf,
    /// Bytes of the long episode's ID3 tag + a minute of audio, from the published file.
    pub long_threshold: u64,
    pub long_size: u64,
    /// The short episode's whole file.
    pub short_size: u64,
}

impl Podcast {
    pub fn new() -> Self {
        let (dir, root) = common::podcast("podcast");
        let episode = root.join("episodes").join(LONG);
        std::fs::create_dir_all(&episode).unwrap();
        std::fs::copy(
            common::fixtures().join("stats/long.mp3"),
            episode.join("long.mp3"),
        )
        .unwrap();
        std::fs::write(
            episode.join("episode.md"),
            "---\ntitle: \"Un long épisode, pour compter\"\ndate: 2026-11-10 08:00\nguid: 0b7d9d4e-95d4-4f5b-9a0e-6f5f2b6f1c01\n---\nUne minute et dix secondes.\n",
        )
        .unwrap();
        let (code, _, stderr) =
            common::run(common::carnets().arg("build").arg("--root").arg(&root));
        assert_eq!(code, 0, "{stderr}");
        let public = root.join("public/episodes");
        let long = std::fs::read(public.join(format!("{LONG}/{LONG}.mp3"))).unwrap();
        let short = std::fs::read(public.join(format!("{SHORT}/{SHORT}.mp3"))).unwrap();
        // The fixture's audio: 8 kb/s, so 1000 bytes a second (tests/fixtures/stats/make.sh).
        let long_threshold = id3_len(&long) + 60_000;
        Podcast {
            _dir: dir,
            root,
            long_threshold,
            long_size: long.len() as u64,
            short_size: short.len() as u64,
        }
    }

    /// The published path of an episode's MP3.
    pub fn path(slug: &str) -> String {
        format!("/podcast/episodes/{slug}/{slug}.mp3")
    }

    /// Runs `carnets stats` on logs, returning (exit code, JSON report, stderr).
    pub fn stats(&self, logs: &[&Path], extra: &[&str]) -> (i32, serde_json::Value, String) {
        let json = self.root.join("report.json");
        let _ = std::fs::remove_file(&json);
        let (code, _, stderr) = common::run(
            common::carnets()
                .arg("stats")
                .args(logs)
                .arg("--root")
                .arg(&self.root)
                .arg("--json")
                .arg(&json)
                .args(extra),
        );
        let report = std::fs::read_to_string(&json)
            .map(|t| serde_json::from_str(&t).expect("the report is JSON"))
            .unwrap_or(serde_json::Value::Null);
        (code, report, stderr)
    }
}

/// Length of the ID3v2 tag at the start of a file, read from its header (10 bytes + the
/// syncsafe size), checked against mutagen when it is installed.
fn id3_len(file: &[u8]) -> u64 {
    assert_eq!(&file[..3], b"ID3");
    let size = file[6..10]
        .iter()
        .fold(0u64, |n, b| (n << 7) | u64::from(b & 0x7f));
    let len = 10 + size;
    if let Some(python) = common::python_module("mutagen") {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.mp3");
        std::fs::write(&path, file).unwrap();
        let out = std::process::Command::new(python)
            .args([
                "-c",
                "import sys, mutagen.id3; print(mutagen.id3.ID3(sys.argv[1]).size)",
            ])
            .arg(&path)
            .output()
            .unwrap();
        let mutagen: u64 = String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("mutagen prints a size");
        assert_eq!(mutagen, len, "mutagen reads another tag size");
    }
    len
}

/// The first example of an entry of an OPAWG list, as shipped in `data/`.
pub fn example(list: &str, name: &str) -> String {
    let path = common::repo().join(format!("data/opawg-user-agents-v2/{list}.json"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .and_then(|e| {
            e["examples"]
                .as_array()?
                .first()?
                .as_str()
                .map(str::to_string)
        })
        .unwrap_or_else(|| panic!("no example for {name} in {list}.json"))
}

/// One request, as a test means it.
#[derive(Clone, Debug)]
pub struct Req {
    /// Unix seconds.
    pub time: i64,
    pub ip: String,
    pub method: &'static str,
    pub path: String,
    pub status: u16,
    pub bytes: u64,
    /// The range asked for, when one was (CloudFront logs it).
    pub range: Option<(u64, u64)>,
    pub user_agent: String,
}

impl Req {
    pub fn get(time: i64, ip: &str, slug: &str, bytes: u64, user_agent: &str) -> Self {
        Req {
            time,
            ip: ip.into(),
            method: "GET",
            path: Podcast::path(slug),
            status: 200,
            bytes,
            range: None,
            user_agent: user_agent.into(),
        }
    }

    /// A 206 for `bytes=from-(from+len-1)`.
    pub fn range(time: i64, ip: &str, slug: &str, from: u64, len: u64, user_agent: &str) -> Self {
        Req {
            status: 206,
            range: Some((from, from + len - 1)),
            ..Req::get(time, ip, slug, len, user_agent)
        }
    }

    pub fn with(mut self, method: &'static str, status: u16) -> Self {
        self.method = method;
        self.status = status;
        self
    }
}

/// The lines of a log holding `requests`, in order (with CloudFront's header lines).
pub fn log(format: Format, requests: &[Req]) -> String {
    let mut out = String::new();
    if format == Format::Cloudfront {
        out.push_str("#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end\n");
    }
    for r in requests {
        out.push_str(&line(format, r));
        out.push('\n');
    }
    out
}

/// One request as a line of a log.
pub fn line(format: Format, r: &Req) -> String {
    let t = jiff::Timestamp::from_second(r.time).unwrap();
    match format {
        Format::Combined => format!(
            r#"{} - - [{}] "{} {} HTTP/1.1" {} {} "-" "{}""#,
            r.ip,
            t.to_zoned(jiff::tz::TimeZone::get("Europe/Paris").unwrap())
                .strftime("%d/%b/%Y:%H:%M:%S %z"),
            r.method,
            r.path,
            r.status,
            r.bytes,
            r.user_agent
        ),
        Format::S3 => format!(
            r#"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be podcast [{}] {} - 3E57427F3EXAMPLE REST.{}.OBJECT {} "{} {}?x-id=GetObject HTTP/1.1" {} - {} 70200 12 3 "-" "{}" - s9lzHYrFp76ZVxRcpX9= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader podcast.s3.eu-west-3.amazonaws.com TLSv1.3 - -"#,
            t.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            r.ip,
            r.method,
            r.path.trim_start_matches('/'),
            r.method,
            r.path,
            r.status,
            if r.bytes == 0 {
                "-".to_string()
            } else {
                r.bytes.to_string()
            },
            r.user_agent
        ),
        Format::Cloudfront => {
            let (start, end) = r
                .range
                .map_or(("-".to_string(), "-".to_string()), |(s, e)| {
                    (s.to_string(), e.to_string())
                });
            let encoded = r
                .user_agent
                .replace('%', "%25")
                .replace(' ', "%20")
                .replace('"', "%22");
            // sc-bytes counts the response's headers too.
            format!(
                "{}\tCDG50-P1\t{}\t{}\t{}\td111111abcdef8.cloudfront.net\t{}\t{}\t-\t{}\t-\t-\tHit\tid\tmedia.example.fr\thttps\t180\t0.002\t-\tTLSv1.3\tTLS_AES_128_GCM_SHA256\tHit\tHTTP/2.0\t-\t-\t51234\t0.001\tHit\taudio/mpeg\t{}\t{start}\t{end}",
                t.strftime("%Y-%m-%d\t%H:%M:%S"),
                r.bytes + 320,
                r.ip,
                r.method,
                r.path,
                r.status,
                encoded,
                r.bytes
            )
        }
    }
}
