//! What the deploy tests share: the podcast they deploy (the fixture, served at the test's
//! address, with a transcript), the edits they make to it, running `carnets deploy` with only
//! the test's credentials, and the checks on what a target holds.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{carnets, podcast, run, tree};

/// The fixture podcast, to be served at `base_url`; its first episode has a transcript. The
/// copy is at `.path().join("p")`.
pub fn show(base_url: &str, extra_yaml: &str) -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = podcast("podcast");
    let yaml = root.join("podcast.yaml");
    let text = fs::read_to_string(&yaml).unwrap().replace(
        "base_url: https://essais.example.fr/podcast/",
        &format!("base_url: {base_url}"),
    );
    fs::write(&yaml, format!("{text}{extra_yaml}")).unwrap();
    fs::write(
        root.join("episodes/001-cbr/transcript.vtt"),
        "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Camille Martin>Bonjour et bienvenue.\n",
    )
    .unwrap();
    (tmp, root)
}

/// Runs `carnets deploy --root root --to to args` with `env` and no credential of the
/// machine's; returns (exit code, stdout, stderr).
pub fn deploy(
    root: &Path,
    to: &str,
    env: &[(String, PathBuf)],
    args: &[&str],
) -> (i32, String, String) {
    run(&mut command(root, to, env, args))
}

/// The command [`deploy`] runs.
pub fn command(root: &Path, to: &str, env: &[(String, PathBuf)], args: &[&str]) -> Command {
    let mut command = carnets();
    command
        .args(["deploy", "--root"])
        .arg(root)
        .args(["--to", to])
        .args(args);
    for name in [
        "SSH_AUTH_SOCK",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_PROFILE",
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_S3",
        "CARNETS_WEBDAV_USER",
        "CARNETS_WEBDAV_PASSWORD",
    ] {
        command.env_remove(name);
    }
    for (name, value) in env {
        command.env(name, value);
    }
    command
}

/// Gives an episode a new title (its MP3's tag changes: the MP3 is replaced).
pub fn retitle(root: &Path, slug: &str, title: &str) {
    edit(root, slug, |text| {
        let line = text
            .lines()
            .find(|l| l.starts_with("title:"))
            .unwrap()
            .to_string();
        text.replace(&line, &format!("title: \"{title}\""))
    });
}

/// The second version of the show: the first episode retitled (its MP3 is replaced), a fifth
/// episode, the third one gone.
pub fn second_version(root: &Path) {
    retitle(root, "001-cbr", "Bienvenue, nouvelle version");
    add_episode(root, "005-nouveau", 5);
    fs::remove_dir_all(root.join("episodes/003-mpeg2")).unwrap();
}

/// Asserts what a server saw (`events`: path, deleted?) of the deploy of [`second_version`]
/// to a target that held `before`: the retitled episode's MP3 replaced, the third episode's
/// page deleted, everything in order.
pub fn assert_second_version(events: &[(String, bool)], before: &BTreeSet<String>) {
    let seen = |path: &str, deleted: bool| events.iter().any(|(p, d)| p == path && *d == deleted);
    assert!(seen("episodes/001-cbr/001-cbr.mp3", false), "{events:#?}");
    assert!(seen("episodes/003-mpeg2/index.html", true), "{events:#?}");
    assert_in_order(events, before);
}

/// Edits an episode's `episode.md`.
pub fn edit(root: &Path, slug: &str, change: impl FnOnce(&str) -> String) {
    let file = root.join("episodes").join(slug).join("episode.md");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, change(&text)).unwrap();
}

/// Adds episode `number` (`slug`), with the audio of the fixture's second episode.
pub fn add_episode(root: &Path, slug: &str, number: u32) {
    let dir = root.join("episodes").join(slug);
    fs::create_dir_all(&dir).unwrap();
    fs::copy(
        root.join("episodes/002-vbr-sans-xing/audio.mp3"),
        dir.join("audio.mp3"),
    )
    .unwrap();
    fs::write(
        dir.join("episode.md"),
        format!(
            "---\ntitle: \"Un épisode de plus ({})\"\ndate: 2026-08-{:02} 09:00\nguid: 6f1d0c2e-3a1b-4c5d-8e9f-{number:012}\nnumber: {number}\nseason: 1\nsummary: \"Un épisode ajouté.\"\n---\nLes notes de l'épisode {number}.\n",
            letters(number),
            number % 28 + 1
        ),
    )
    .unwrap();
}

/// A number in letters of the alphabet (`a`, `b`… `ba`): titles must not repeat the number.
fn letters(mut number: u32) -> String {
    let mut text = String::new();
    loop {
        text.insert(0, char::from(b'a' + (number % 26) as u8));
        number /= 26;
        if number == 0 {
            return text;
        }
    }
}

/// The files of a target folder, without carnets' manifest.
pub fn held(site: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = tree(site);
    files.remove(".carnets-manifest.json");
    files
}

/// Checks the promise on a target folder: every enclosure, transcript and chapters URL of its
/// `feed.xml` names a file there, an enclosure one of the announced length, or else of the
/// length it has in the output being deployed (`upcoming`, path → size: the file is being
/// replaced, and the new feed is not up yet). Returns what is wrong.
pub fn feed_holds(site: &Path, base_url: &str, upcoming: &BTreeMap<String, u64>) -> Vec<String> {
    let Ok(feed) = fs::read_to_string(site.join("feed.xml")) else {
        return Vec::new(); // no feed yet: nothing is announced
    };
    let doc = roxmltree::Document::parse(&feed).expect("the target's feed parses");
    let mut wrong = Vec::new();
    for node in doc.descendants() {
        // `psc:chapters` (Spotify's) is inline: only the Podcasting 2.0 tags name a file.
        let podcast = node.tag_name().namespace() == Some("https://podcastindex.org/namespace/1.0");
        let (url, length) = match node.tag_name().name() {
            "enclosure" => (node.attribute("url"), node.attribute("length")),
            "transcript" | "chapters" if podcast => (node.attribute("url"), None),
            _ => continue,
        };
        let url = url.expect("a URL");
        let path = url
            .strip_prefix(base_url)
            .unwrap_or_else(|| panic!("{url} under {base_url}"));
        let held = fs::metadata(site.join(path)).map(|m| m.len());
        match (held, length.and_then(|l| l.parse::<u64>().ok())) {
            (Err(_), _) => wrong.push(format!("{path} is missing")),
            (Ok(size), Some(length)) if size != length && upcoming.get(path) != Some(&size) => {
                wrong.push(format!("{path} has {size} bytes, the feed says {length}"))
            }
            _ => {}
        }
    }
    wrong
}

/// The step of a deploy a file belongs to (0: what is pointed to, 1: pages, 2: replaced MP3s,
/// 3: the feed, 4: deletions), given the paths the target held before.
pub fn step(path: &str, deleted: bool, before: &BTreeSet<String>) -> u8 {
    match path {
        _ if deleted => 4,
        "feed.xml" => 3,
        _ if path.ends_with(".mp3") && before.contains(path) => 2,
        _ if path.ends_with(".html") || path == "sitemap.xml" => 1,
        _ => 0,
    }
}

/// Asserts that `events` (path, deleted?), in the order a server saw them, go step by step.
pub fn assert_in_order(events: &[(String, bool)], before: &BTreeSet<String>) {
    let steps: Vec<u8> = events.iter().map(|(p, d)| step(p, *d, before)).collect();
    for (i, pair) in steps.windows(2).enumerate() {
        assert!(
            pair[0] <= pair[1],
            "{:?} came after {:?}, out of order: {events:#?}",
            events[i + 1],
            events[i]
        );
    }
}

/// The paths whose bytes differ between two trees, or that only the second has.
pub fn differing(
    old: &BTreeMap<String, Vec<u8>>,
    new: &BTreeMap<String, Vec<u8>>,
) -> BTreeSet<String> {
    new.iter()
        .filter(|(path, bytes)| old.get(*path) != Some(bytes))
        .map(|(path, _)| path.clone())
        .collect()
}

/// gPodder (`gpo`, in a home of its own) subscribes to `feed` and downloads every episode;
/// returns the downloaded files' bytes, by file name.
pub fn gpodder(gpo: &Path, dir: &Path, feed: &str, ca: &Path) -> BTreeMap<String, Vec<u8>> {
    let home = dir.join("gpodder");
    let downloads = dir.join("downloads");
    let gpo_run = |args: &[&str]| {
        let out = Command::new(gpo)
            .args(args)
            .env("GPODDER_HOME", &home)
            .env("GPODDER_DOWNLOAD_DIR", &downloads)
            .env("REQUESTS_CA_BUNDLE", ca)
            .env("SSL_CERT_FILE", ca)
            .output()
            .expect("gpo runs");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "gpo {args:?}: {text}");
        text
    };
    gpo_run(&["subscribe", feed]);
    gpo_run(&["download"]);
    walkdir::WalkDir::new(&downloads)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}
