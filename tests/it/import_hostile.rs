//! The import made safe and resumable: reruns that download nothing twice (after a fixed 404,
//! after a kill -9 in the middle of a download), folders it did not make left alone, a locked
//! feed, duplicate GUIDs; and hostile input — a broken feed, an XML bomb, a feed of a
//! gigabyte, a redirect loop, a server that never answers, an HTML page served as an MP3,
//! `file://` and `..` enclosures.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::common;
use crate::import::{imported, old_host};
use crate::import_support::{self as support, OldHost};

/// A feed of `items` (title, guid, enclosure path on the host) in Acast's shape.
fn feed(host: &OldHost, items: &[(&str, &str, &str)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><channel>\n<title>T</title><description>D</description><language>fr</language>\n<podcast:guid>3a9c4f1e-1d2b-5c3a-9e8f-7a6b5c4d3e2f</podcast:guid>\n<itunes:owner><itunes:name>O</itunes:name><itunes:email>o@example.fr</itunes:email></itunes:owner>\n",
    );
    xml.push_str(&format!(
        "<itunes:image href=\"{}\"/><itunes:category text=\"Technology\"/>\n",
        host.url("/art/show.jpg")
    ));
    for (i, (title, guid, path)) in items.iter().enumerate() {
        xml.push_str(&format!("<item><title>{title}</title><guid isPermaLink=\"false\">{guid}</guid><pubDate>Mon, 0{} Jul 2024 08:00:00 +0200</pubDate><enclosure url=\"{}\" type=\"audio/mpeg\" length=\"1\"/></item>\n", i + 1, host.url(path)));
    }
    xml.push_str("</channel></rss>\n");
    xml
}

fn root_arg(root: &Path) -> &str {
    root.to_str().unwrap()
}

#[test]
fn a_fixed_404_is_finished_by_a_rerun_that_downloads_nothing_twice() {
    let Some(host) = old_host() else { return };
    host.put(
        "/f.xml",
        feed(
            &host,
            &[
                ("Un", "g1", "/media/acast-1.mp3"),
                ("Deux", "g2", "/gone/deux.mp3"),
            ],
        )
        .as_bytes(),
    );
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p");
    let args = [
        host.url("/f.xml"),
        "--root".into(),
        root_arg(&root).into(),
        "--base-url".into(),
        "https://podcast.example/".into(),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, stderr) = support::import(&args);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("« Deux »: not imported:")
            && stderr.contains("/gone/deux.mp3")
            && stderr.contains("404"),
        "{stderr}"
    );
    assert!(
        stderr.contains("imported 1 episode(s)") && stderr.contains("1 could not be imported"),
        "{stderr}"
    );
    assert!(
        !root.join("episodes/002-deux").exists()
            && root.join("episodes/001-un/episode.md").is_file()
    );
    assert_eq!(support::build(&root, &[]).0, 0, "what was imported builds");
    host.put(
        "/gone/deux.mp3",
        &std::fs::read(host.www.join("media/acast-2.mp3")).unwrap(),
    );
    let (code, stderr) = support::import(&args);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("imported 1 episode(s)") && stderr.contains("(1 already there)"),
        "{stderr}"
    );
    assert_eq!(
        host.served("/media/acast-1.mp3").1,
        1,
        "the first episode is not downloaded again"
    );
    let (code, stderr) = support::build(&root, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        support::items(&std::fs::read_to_string(root.join("public/feed.xml")).unwrap()).len(),
        2
    );
}

#[test]
fn a_kill_during_a_download_is_resumed_where_it_stopped() {
    let Some(host) = old_host() else { return };
    let Some(long) = support::mp3(40.0, 440, &[("title", "long")]) else {
        return;
    };
    host.put("/slow/long.mp3", &long);
    host.put(
        "/f.xml",
        feed(&host, &[("Long", "g-long", "/slow/long.mp3")]).as_bytes(),
    );
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p");
    let mut child = common::carnets()
        .args([
            "import",
            &host.url("/f.xml"),
            "--root",
            root_arg(&root),
            "--base-url",
            "https://podcast.example/",
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let part = root.join(".carnets/import/001-long.mp3.part");
    let started = Instant::now();
    while std::fs::metadata(&part).map_or(0, |m| m.len()) < long.len() as u64 / 3 {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the download started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!root.join("episodes/001-long").exists(), "no half episode");
    let (code, stderr) = support::import(&[
        "--root",
        root_arg(&root),
        &host.url("/f.xml"),
        "--base-url",
        "https://podcast.example/",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let (bytes, requests) = host.served("/slow/long.mp3");
    assert_eq!(requests, 2);
    assert!(
        bytes < long.len() as u64 * 5 / 4,
        "resumed, not downloaded twice: {bytes} bytes for {}",
        long.len()
    );
    assert_eq!(
        std::fs::read(root.join("episodes/001-long/001-long.mp3")).unwrap(),
        long
    );
    assert_eq!(support::build(&root, &[]).0, 0);
}

#[test]
fn folders_the_import_did_not_make_are_left_alone() {
    let Some(host) = old_host() else { return };
    let dir = tempfile::tempdir().unwrap();
    // A folder that is not empty and holds no imported podcast: a usage error, nothing written.
    let other = dir.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("notes.txt"), "mine").unwrap();
    let (code, stderr) = support::import(&[&host.url("/acast.xml"), "--root", root_arg(&other)]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(common::tree(&other).len(), 1);
    // A rerun into an imported podcast keeps an episode folder the producer made.
    let (root, code, _) = imported(&host, "/acast.xml", dir.path());
    assert_eq!(code, 0);
    let mine = root.join("episodes/003-mine");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(
        mine.join("episode.md"),
        "---\ntitle: Mine\ndate: 2024-06-07\ndraft: true\n---\n",
    )
    .unwrap();
    let feed = std::fs::read_to_string(host.www.join("acast.xml")).unwrap();
    let newer = "<item><title>Trois</title><guid isPermaLink=\"false\">g3</guid><pubDate>Fri, 07 Jun 2024 05:00:00 GMT</pubDate><enclosure url=\"/media/acast-2.mp3\" type=\"audio/mpeg\"/></item>\n    <item>";
    host.put("/acast.xml", feed.replacen("<item>", newer, 1).as_bytes());
    let before = common::tree(&root.join("episodes/003-mine"));
    let (_, code, stderr) = imported(&host, "/acast.xml", dir.path());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        common::tree(&mine),
        before,
        "the producer's folder is untouched"
    );
    assert!(
        root.join("episodes/004-trois/episode.md").is_file(),
        "{stderr}"
    );
    // A local feed is read, never written.
    let local = dir.path().join("saved.xml");
    std::fs::write(&local, &feed).unwrap();
    let (code, _) = support::import(&[
        root_arg(&local),
        "--root",
        root_arg(&dir.path().join("local")),
        "--base-url",
        "https://podcast.example/",
    ]);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_to_string(&local).unwrap(), feed);
}

#[test]
fn duplicate_guids_are_reported_and_a_locked_feed_needs_force() {
    let Some(host) = old_host() else { return };
    host.put(
        "/dup.xml",
        feed(
            &host,
            &[
                ("Un", "same", "/media/acast-1.mp3"),
                ("Deux", "same", "/media/acast-2.mp3"),
            ],
        )
        .as_bytes(),
    );
    let dir = tempfile::tempdir().unwrap();
    let (root, code, stderr) = imported(&host, "/dup.xml", dir.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("the GUID `same` is also the one of « Un »"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_dir(root.join("episodes")).unwrap().count(), 1);
    let locked = std::fs::read_to_string(host.www.join("ausha.xml"))
        .unwrap()
        .replace(">no</podcast:locked>", ">yes</podcast:locked>");
    host.put("/locked.xml", locked.as_bytes());
    let (root, code, stderr) = imported(&host, "/locked.xml", dir.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("podcast:locked") && stderr.contains("--force"),
        "{stderr}"
    );
    assert!(!root.join("podcast.yaml").exists());
    let (code, stderr) = support::import(&[
        &host.url("/locked.xml"),
        "--root",
        root_arg(&root),
        "--force",
        "--base-url",
        "https://podcast.example/",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        std::fs::read_to_string(root.join("podcast.yaml"))
            .unwrap()
            .contains("\nlocked: yes\n")
    );
}

/// Imports `url` into a fresh folder; the exit code, stderr, and how long it took.
fn refused(url: &str, extra: &[&str]) -> (i32, String, Duration, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p");
    let started = Instant::now();
    let mut args = vec![url, "--root", root.to_str().unwrap()];
    args.extend(extra);
    let (code, stderr) = support::import(&args);
    (code, stderr, started.elapsed(), dir)
}

#[test]
fn broken_feeds_bombs_and_loops_are_refused_with_their_place() {
    let Some(host) = old_host() else { return };
    host.put(
        "/broken.xml",
        b"<rss><channel>\n<title>x</title>\n<item><title>a</titl></item>\n</channel></rss>",
    );
    let (code, stderr, _, _) = refused(&host.url("/broken.xml"), &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("/broken.xml:3: error: the feed is not well-formed XML"),
        "{stderr}"
    );
    let mut bomb =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY a \"aaaaaaaaaa\">\n");
    for i in 1..10 {
        bomb.push_str(&format!(
            "<!ENTITY a{i} \"{}\">\n",
            format!(
                "&a{};",
                if i == 1 {
                    String::new()
                } else {
                    (i - 1).to_string()
                }
            )
            .repeat(10)
        ));
    }
    bomb.push_str("]>\n<rss><channel><title>&a9;</title></channel></rss>\n");
    host.put("/bomb.xml", bomb.as_bytes());
    let (code, stderr, took, _) = refused(&host.url("/bomb.xml"), &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("/bomb.xml:2: error: the feed declares its own XML entities"),
        "{stderr}"
    );
    assert!(took < Duration::from_secs(5));
    let (code, stderr, _, dir) = refused(&host.url("/loop"), &[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("more than 10 redirects"), "{stderr}");
    assert!(!dir.path().join("p/podcast.yaml").exists());
}

/// A server on 127.0.0.1 that answers each connection with `answer` (or never, for `None`).
fn raw_server(answer: Option<fn(&mut std::net::TcpStream)>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let Ok(mut stream) = stream else { continue };
            let mut request = [0u8; 2048];
            let _ = stream.read(&mut request);
            match answer {
                Some(answer) => answer(&mut stream),
                None => std::thread::sleep(Duration::from_secs(30)),
            }
        }
    });
    port
}

#[test]
fn a_feed_of_a_gigabyte_and_a_server_that_never_answers_are_refused_in_time() {
    let endless: fn(&mut std::net::TcpStream) = |stream| {
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n<rss><channel><title>x</title>");
        let chunk = format!("<item><title>{}</title></item>", "a".repeat(4000)).repeat(16);
        for _ in 0..(1 << 30) / chunk.len() {
            if stream.write_all(chunk.as_bytes()).is_err() {
                return;
            }
        }
    };
    let port = raw_server(Some(endless));
    let (code, stderr, took, _) = refused(&format!("http://127.0.0.1:{port}/feed.xml"), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("the feed is larger than 64 MiB"),
        "{stderr}"
    );
    assert!(took < Duration::from_secs(30), "{took:?}");
    let port = raw_server(None);
    let (code, stderr, took, _) = refused(
        &format!("http://127.0.0.1:{port}/feed.xml"),
        &["--timeout", "1"],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("no answer within 1 s"), "{stderr}");
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn html_served_as_mp3_and_enclosures_outside_the_web_are_not_episodes() {
    let Some(host) = old_host() else { return };
    host.put(
        "/lies/page.mp3",
        &std::fs::read(host.www.join("media/acast-1.mp3")).unwrap(),
    );
    host.put(
        "/media/error.mp3",
        b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>",
    );
    let mut xml = feed(
        &host,
        &[
            ("Typed HTML", "g1", "/lies/page.mp3"),
            ("HTML page", "g2", "/media/error.mp3"),
            ("Good", "g3", "/media/acast-2.mp3"),
        ],
    );
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.mp3");
    std::fs::write(
        &secret,
        std::fs::read(host.www.join("media/acast-1.mp3")).unwrap(),
    )
    .unwrap();
    let hostile = format!(
        "<item><title>File</title><guid>g4</guid><pubDate>Tue, 09 Jul 2024 08:00:00 GMT</pubDate><enclosure url=\"file://{}\" type=\"audio/mpeg\"/></item><item><title>Dots</title><guid>g5</guid><pubDate>Wed, 10 Jul 2024 08:00:00 GMT</pubDate><enclosure url=\"../../{}\" type=\"audio/mpeg\"/></item></channel>",
        secret.display(),
        secret.display()
    );
    xml = xml.replace("</channel>", &hostile);
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("saved.xml");
    std::fs::write(&saved, &xml).unwrap();
    let root = dir.path().join("p");
    let (code, stderr) = support::import(&[
        root_arg(&saved),
        "--root",
        root_arg(&root),
        "--base-url",
        "https://podcast.example/",
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("« Typed HTML »: not imported:") && stderr.contains("not MP3 audio"),
        "{stderr}"
    );
    assert!(
        stderr.contains("« HTML page »: not imported:")
            && stderr.contains("the file is not MP3 audio"),
        "{stderr}"
    );
    assert!(
        stderr.contains("« File »: not imported:") && stderr.contains("« Dots »: not imported:"),
        "{stderr}"
    );
    let made: Vec<String> = std::fs::read_dir(root.join("episodes"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(made, ["003-good"]);
    assert_eq!(
        common::tree(outside.path()).len(),
        1,
        "nothing written outside --root"
    );
    assert_eq!(support::build(&root, &[]).0, 0);
}
