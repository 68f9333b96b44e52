//! The old host of the import tests: Debian's nginx, started on a free port of 127.0.0.1,
//! serving a folder of fixture feeds (their `{{HOST}}` replaced by its address) and MP3s made
//! by real encoders with the old host's own ID3 tags. It plays the analytics prefixes
//! (podtrac, chartable, op3: 302 to the rest of the address), a redirect loop, a slow path, a
//! path that serves MP3s as HTML, and, once `www/moved` exists, a 301 of the old feed to the
//! new one. Its access log says what was downloaded, and how much.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common;

pub struct OldHost {
    pub port: u16,
    pub www: PathBuf,
    dir: tempfile::TempDir,
    nginx: Child,
}

/// A port nothing listens on yet.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl OldHost {
    /// Starts nginx, or returns `None` when it is missing outside `CARNETS_CONFORMANCE=1`.
    pub fn start() -> Option<OldHost> {
        let nginx = common::tool("nginx").or_else(|| {
            let sbin = PathBuf::from("/usr/sbin/nginx");
            sbin.is_file().then_some(sbin)
        })?;
        let dir = tempfile::tempdir().unwrap();
        let www = dir.path().join("www");
        std::fs::create_dir_all(www.join("new")).unwrap();
        std::fs::create_dir_all(dir.path().join("tmp")).unwrap();
        let port = free_port();
        let d = dir.path().display();
        let w = www.display();
        let conf = format!(
            r#"daemon off; master_process off; worker_processes 1; user root;
pid {d}/nginx.pid; error_log {d}/error.log;
events {{ worker_connections 128; }}
http {{
  log_format bytes '$uri $status $body_bytes_sent "$http_range"';
  access_log {d}/access.log bytes;
  client_body_temp_path {d}/tmp; proxy_temp_path {d}/tmp; fastcgi_temp_path {d}/tmp;
  uwsgi_temp_path {d}/tmp; scgi_temp_path {d}/tmp;
  types {{ audio/mpeg mp3; application/rss+xml xml; text/vtt vtt; application/x-subrip srt;
          application/json json; image/jpeg jpg; image/png png; text/html html; }}
  default_type application/octet-stream;
  server {{
    listen 127.0.0.1:{port};
    root {w};
    location ~ ^/podtrac/redirect\.mp3/(.*)$ {{ return 302 http://$1; }}
    location ~ ^/chtbl/track/[^/]+/(.*)$ {{ return 302 http://$1; }}
    location ~ ^/op3/e/(.*)$ {{ return 302 http://$1; }}
    location = /loop {{ return 302 /loop; }}
    location /slow/ {{ limit_rate 64k; limit_rate_after 1k; }}
    location /lies/ {{ types {{ }} default_type text/html; }}
    location = /feed.xml {{
      if (-f {w}/moved) {{ return 301 http://127.0.0.1:{port}/new/feed.xml; }}
    }}
  }}
}}
"#
        );
        std::fs::write(dir.path().join("nginx.conf"), conf).unwrap();
        let child = Command::new(nginx)
            .arg("-p")
            .arg(dir.path())
            .arg("-c")
            .arg(dir.path().join("nginx.conf"))
            .arg("-e")
            .arg(dir.path().join("error.log"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nginx starts");
        let host = OldHost {
            port,
            www,
            dir,
            nginx: child,
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "nginx did not start: {}",
                host.error_log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(host)
    }

    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Puts a fixture feed of `tests/fixtures/import/` at `path`, `{{HOST}}` made this host.
    pub fn feed(&self, fixture: &str, path: &str) -> String {
        let text =
            std::fs::read_to_string(common::fixtures().join("import").join(fixture)).unwrap();
        self.put(
            path,
            text.replace("{{HOST}}", &format!("127.0.0.1:{}", self.port))
                .as_bytes(),
        );
        self.url(path)
    }

    /// Puts `bytes` at `path` of the site.
    pub fn put(&self, path: &str, bytes: &[u8]) {
        let target = self.www.join(path.trim_start_matches('/'));
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }

    /// Bytes nginx sent for `path` (summed over requests), and the requests for it.
    pub fn served(&self, path: &str) -> (u64, usize) {
        let log = std::fs::read_to_string(self.dir.path().join("access.log")).unwrap_or_default();
        log.lines()
            .filter(|l| l.split(' ').next() == Some(path))
            .fold((0, 0), |(bytes, n), l| {
                (
                    bytes
                        + l.split(' ')
                            .nth(2)
                            .and_then(|b| b.parse::<u64>().ok())
                            .unwrap_or(0),
                    n + 1,
                )
            })
    }

    fn error_log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("error.log")).unwrap_or_default()
    }
}

impl Drop for OldHost {
    fn drop(&mut self) {
        let _ = self.nginx.kill();
        let _ = self.nginx.wait();
    }
}

/// An MP3 of `seconds` of tone encoded by LAME (through ffmpeg's libmp3lame) with the old
/// host's ID3v2 tags, or `None` when ffmpeg is missing outside `CARNETS_CONFORMANCE=1`.
pub fn mp3(seconds: f64, frequency: u32, tags: &[(&str, &str)]) -> Option<Vec<u8>> {
    let ffmpeg = common::tool("ffmpeg")?;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a.mp3");
    let mut command = Command::new(ffmpeg);
    command
        .args(["-nostdin", "-v", "error", "-f", "lavfi", "-i"])
        .arg(format!("sine=frequency={frequency}:duration={seconds}"))
        .args([
            "-ac",
            "1",
            "-ar",
            "22050",
            "-c:a",
            "libmp3lame",
            "-b:a",
            "32k",
            "-id3v2_version",
            "3",
        ]);
    for (key, value) in tags {
        command.arg("-metadata").arg(format!("{key}={value}"));
    }
    let status = command.arg(&out).status().unwrap();
    assert!(status.success(), "ffmpeg encodes");
    Some(std::fs::read(out).unwrap())
}

/// The same, encoded by the `lame` command line from a WAV that sox makes.
pub fn lame_mp3(seconds: f64, title: &str, artist: &str) -> Option<Vec<u8>> {
    let (lame, sox) = (common::tool("lame")?, common::tool("sox")?);
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("a.wav");
    let out = dir.path().join("a.mp3");
    let ok = Command::new(sox)
        .args(["-n", "-r", "22050", "-c", "1"])
        .arg(&wav)
        .args(["synth", &seconds.to_string(), "sine", "330"])
        .status()
        .unwrap();
    assert!(ok.success(), "sox makes a tone");
    let ok = Command::new(lame)
        .args([
            "--quiet",
            "-b",
            "32",
            "--tt",
            title,
            "--ta",
            artist,
            "--tc",
            "Hosted by the old host",
        ])
        .arg(&wav)
        .arg(&out)
        .status()
        .unwrap();
    assert!(ok.success(), "lame encodes");
    Some(std::fs::read(out).unwrap())
}

/// Runs `carnets import` with `args`; returns (exit code, stderr).
pub fn import(args: &[&str]) -> (i32, String) {
    let (code, _, stderr) = common::run(common::carnets().arg("import").args(args));
    (code, stderr)
}

/// Runs `carnets build` of `root` into `root/public` (`extra` appended); returns
/// (exit code, stderr).
pub fn build(root: &Path, extra: &[&str]) -> (i32, String) {
    let (code, _, stderr) = common::run(
        common::carnets()
            .arg("build")
            .arg("--root")
            .arg(root)
            .args(extra),
    );
    (code, stderr)
}

/// The artwork fixtures: a 1400 px square JPEG, and a 600 px one that Apple refuses.
pub fn cover_1400() -> Vec<u8> {
    std::fs::read(common::repo().join("src/show/scaffold/cover.jpg")).unwrap()
}

pub fn cover_600() -> Vec<u8> {
    std::fs::read(common::fixtures().join("tag/cover-600.jpg")).unwrap()
}

/// Elements of an RSS document: (item GUID text, isPermaLink, pubDate, title, enclosure URL)
/// for each item, in order.
pub fn items(xml: &str) -> Vec<[String; 5]> {
    let doc = roxmltree::Document::parse(xml).expect("the feed parses");
    doc.descendants()
        .filter(|n| n.has_tag_name("item"))
        .map(|item| {
            let child = |name: &str| item.children().find(|c| c.has_tag_name(name));
            let text = |name: &str| {
                child(name)
                    .and_then(|c| c.text())
                    .unwrap_or_default()
                    .to_string()
            };
            [
                text("guid"),
                child("guid")
                    .and_then(|g| g.attribute("isPermaLink"))
                    .unwrap_or("")
                    .to_string(),
                text("pubDate"),
                text("title"),
                child("enclosure")
                    .and_then(|e| e.attribute("url"))
                    .unwrap_or_default()
                    .to_string(),
            ]
        })
        .collect()
}
