//! `carnets import` against an old host (nginx on 127.0.0.1) serving feeds shaped like
//! Acast's, Ausha's, Spotify for Creators', Libsyn's and Podlove's: the contract of issue 13,
//! one test per promise. The hostile inputs are in `import_hostile.rs`, the move seen by a
//! real podcast app in `import_gpodder.rs`.

use std::path::{Path, PathBuf};

use crate::common;
use crate::import_support::{self as support, OldHost};

/// The old host with every fixture feed and its files; `None` when nginx or the encoders are
/// missing outside `CARNETS_CONFORMANCE=1`.
pub fn old_host() -> Option<OldHost> {
    let host = OldHost::start()?;
    for (path, bytes) in media()? {
        host.put(path, bytes);
    }
    host.put("/art/show.jpg", &support::cover_1400());
    host.put("/art/episode.jpg", &support::cover_1400());
    host.put("/art/small.jpg", &support::cover_600());
    let fixtures = common::fixtures().join("import");
    for (file, path) in [
        ("ausha-1.chapters.json", "/meta/ausha-1.chapters.json"),
        ("ausha-1.vtt", "/meta/ausha-1.vtt"),
        ("podlove-3.srt", "/meta/podlove-3.srt"),
    ] {
        host.put(path, &std::fs::read(fixtures.join(file)).unwrap());
    }
    host.put(
        "/meta/ausha-1.json",
        br#"{"version":"1.0.0","segments":[]}"#,
    );
    for (fixture, path) in [
        ("acast.xml", "/acast.xml"),
        ("ausha.xml", "/ausha.xml"),
        ("spotify.xml", "/spotify.xml"),
        ("libsyn.xml", "/libsyn.xml"),
        ("podlove.xml", "/podlove/feed.xml"),
        ("podlove-2.xml", "/podlove/feed-2.xml"),
    ] {
        host.feed(fixture, path);
    }
    Some(host)
}

/// A file of the old host: its path and bytes.
type File = (String, Vec<u8>);

/// The old host's MP3s, encoded once for all the tests (ffmpeg's LAME and the `lame` command
/// line, with the hosts' own ID3 tags).
fn media() -> Option<&'static [File]> {
    static MEDIA: std::sync::OnceLock<Option<Vec<File>>> = std::sync::OnceLock::new();
    let made = MEDIA.get_or_init(|| {
        let mut media = Vec::new();
        for (name, frequency) in [
            ("acast-1", 300),
            ("acast-2", 320),
            ("ausha-1", 340),
            ("spotify-2", 360),
            ("spotify-3", 380),
            ("podlove-2", 400),
            ("podlove-3", 420),
        ] {
            let host_name = name.split('-').next().unwrap();
            let tags = [
                ("title", name),
                ("artist", host_name),
                ("comment", "Hosted by the old host"),
            ];
            media.push((
                format!("/media/{name}.mp3"),
                support::mp3(3.0, frequency, &tags)?,
            ));
        }
        for n in 1..=3 {
            media.push((
                format!("/media/libsyn-{n}.mp3"),
                support::lame_mp3(3.0, &format!("Libsyn {n}"), "Libsyn")?,
            ));
        }
        Some(media)
    });
    made.as_deref()
}

/// Imports `path` of the host into a fresh folder with a base URL; returns the folder (in
/// `dir`), the exit code and stderr.
pub fn imported(host: &OldHost, path: &str, dir: &Path) -> (PathBuf, i32, String) {
    let root = dir.join(path.trim_matches('/').replace('/', "-"));
    let (code, stderr) = support::import(&[
        &host.url(path),
        "--root",
        root.to_str().unwrap(),
        "--base-url",
        "https://podcast.example/",
    ]);
    (root, code, stderr)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What each host's items must become: (GUID as the old feed wrote it, isPermaLink written
/// back, the instant of its pubDate in UTC, folder).
type Episode = (&'static str, &'static str, &'static str, &'static str);
const EXPECTED: &[(&str, &[Episode])] = &[
    (
        "/acast.xml",
        &[
            (
                "665f3b2c1a2b3c4d5e6f7a8a",
                "false",
                "2024-06-05T05:00:00Z",
                "001-bienvenue",
            ),
            (
                "665f3b2c1a2b3c4d5e6f7a8b",
                "false",
                "2024-06-06T05:00:00Z",
                "002-l-ia-dans-les-pme-par-ou-commencer",
            ),
        ],
    ),
    (
        "/ausha.xml",
        &[(
            "ausha-9f8e7d6c",
            "false",
            "2024-07-01T06:00:00Z",
            "001-le-virage-numerique-d-une-pme",
        )],
    ),
    (
        "/spotify.xml",
        &[
            (
                "b1e8f2a0-3c4d-4e5f-8a9b-0c1d2e3f4a5c",
                "false",
                "2024-07-01T09:00:00Z",
                "001-episode-bonus",
            ),
            (
                "b1e8f2a0-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
                "false",
                "2024-07-02T09:00:00Z",
                "002-3-cloud-campagne",
            ),
        ],
    ),
    (
        "/libsyn.xml",
        &[
            // RFC 822 liberties: EST in July and a wrong weekday; a zone name; no seconds.
            (
                "http://{{HOST}}/op3/e/{{HOST}}/media/libsyn-1.mp3",
                "false",
                "2024-07-01T14:30:00Z",
                "001-day-one",
            ),
            (
                "https://startupstories.libsyn.com/the-first-hire",
                "false",
                "2024-07-04T17:30:00Z",
                "002-the-first-hire",
            ),
            (
                "8f2d1c0b-aaaa-4bbb-8ccc-1234567890ab",
                "false",
                "2024-07-12T07:00:00Z",
                "003-pivot-at-midnight",
            ),
        ],
    ),
    (
        "/podlove/feed.xml",
        &[
            (
                "podlove-ps002",
                "false",
                "2024-07-06T10:00:00Z",
                "002-ps002-transkripte",
            ),
            (
                "podlove-2024-07-13t08:00:00+00:00-abc",
                "false",
                "2024-07-13T08:00:00Z",
                "003-ps003-kapitelmarken",
            ),
        ],
    ),
];

#[test]
fn host_shaped_feeds_move_with_every_episode_guid_and_date_and_build_at_once() {
    let Some(host) = old_host() else { return };
    let dir = tempfile::tempdir().unwrap();
    let hostport = format!("127.0.0.1:{}", host.port);
    for (path, episodes) in EXPECTED {
        let (root, code, stderr) = imported(&host, path, dir.path());
        assert_eq!(code, 0, "{path}: {stderr}");
        assert!(
            stderr.contains("next steps") && stderr.contains("301"),
            "{stderr}"
        );
        let lock_before = read(&root.join("carnets.lock"));
        let (code, stderr) = support::build(&root, &[]);
        assert_eq!(code, 0, "{path}: the imported folder builds: {stderr}");
        assert_eq!(
            read(&root.join("carnets.lock")),
            lock_before,
            "{path}: the first build does not drift from the import's lock"
        );
        let feed = read(&root.join("public/feed.xml"));
        let items = support::items(&feed);
        assert_eq!(
            items.len(),
            episodes.len(),
            "{path}: one item per old item with audio"
        );
        for (guid, permalink, instant, slug) in episodes.iter() {
            let guid = guid.replace("{{HOST}}", &hostport);
            let item = items
                .iter()
                .find(|i| i[0] == guid)
                .unwrap_or_else(|| panic!("{path}: GUID {guid} kept byte for byte in {items:#?}"));
            assert_eq!(&item[1], permalink, "{path}: isPermaLink of {guid}");
            let date = jiff::fmt::rfc2822::parse(&item[2]).unwrap();
            assert_eq!(
                date.timestamp().to_string(),
                *instant,
                "{path}: {guid} at the same instant"
            );
            assert!(
                item[4].ends_with(&format!("episodes/{slug}/{slug}.mp3")),
                "{path}: folder {slug}: {}",
                item[4]
            );
            assert!(
                root.join("episodes")
                    .join(slug)
                    .join("episode.md")
                    .is_file()
            );
        }
        // Not the old host's leftovers.
        for leftover in [
            "new-feed-url",
            "acast",
            "Libsyn",
            "Podlove Podcast Publisher",
            "Anchor",
            "feeds.acast.com",
            "feed.ausha.co",
            "xml-stylesheet",
        ] {
            assert!(
                !feed.contains(leftover),
                "{path}: `{leftover}` is not carried over"
            );
        }
        assert!(feed.contains("<atom:link href=\"https://podcast.example/feed.xml\" rel=\"self\""));
    }
    // Paging: the draft of page 2 (no audio) is imported as a draft, numbered with the others.
    let draft = read(
        &dir.path()
            .join("podlove-feed.xml/episodes/001-ps001-nur-text/episode.md"),
    );
    assert!(
        draft.contains("draft: true") && draft.contains("guid: \"podlove-ps001\""),
        "{draft}"
    );
}

#[test]
fn the_front_matter_keeps_each_dates_offset_and_the_guid_exactly() {
    let Some(host) = old_host() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (root, code, stderr) = imported(&host, "/libsyn.xml", dir.path());
    assert_eq!(code, 0, "{stderr}");
    let pivot = read(&root.join("episodes/003-pivot-at-midnight/episode.md"));
    assert!(pivot.contains("date: 2024-07-12T00:00:00-07:00"), "{pivot}");
    let first = read(&root.join("episodes/001-day-one/episode.md"));
    assert!(first.contains("date: 2024-07-01T09:30:00-05:00"), "{first}");
    // The GUID apps derived is warned about, with the item's place in the old feed.
    assert!(
        stderr.contains("/libsyn.xml:") && stderr.contains("« Day one »: the item has no <guid>"),
        "{stderr}"
    );
}

#[test]
fn missing_guids_are_the_ones_gpodder_derived() {
    let Some(host) = old_host() else { return };
    let Some(python) = common::tool("python3") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (root, code, stderr) = imported(&host, "/libsyn.xml", dir.path());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(support::build(&root, &[]).0, 0);
    // gPodder's own parser (Debian's python3-podcastparser) on the old feed, at its address.
    let script = "import sys, urllib.request\nsys.path.insert(0, '/usr/lib/python3/dist-packages')\nimport podcastparser\nurl = sys.argv[1]\nfor e in podcastparser.parse(url, urllib.request.urlopen(url))['episodes']:\n    print(e['guid'])\n";
    let out = std::process::Command::new(python)
        .args(["-c", script, &host.url("/libsyn.xml")])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut theirs: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let mut ours: Vec<String> = support::items(&read(&root.join("public/feed.xml")))
        .into_iter()
        .map(|i| i[0].clone())
        .collect();
    theirs.sort();
    ours.sort();
    assert_eq!(ours, theirs);
}

#[test]
fn the_shows_guid_is_kept_or_derived_from_the_old_address_and_pinned() {
    let Some(host) = old_host() else { return };
    let Some(python) = common::tool("python3") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (ausha, code, _) = imported(&host, "/ausha.xml", dir.path());
    assert_eq!(code, 0);
    assert!(
        read(&ausha.join("podcast.yaml"))
            .contains("\nguid: c0a2b7e9-4f3e-5a8b-9c1d-2e3f4a5b6c7d\n")
    );
    let (acast, code, _) = imported(&host, "/acast.xml", dir.path());
    assert_eq!(code, 0);
    // The Podcasting 2.0 rule, computed by Python's uuid on the OLD address.
    let bare = format!("127.0.0.1:{}/acast.xml", host.port);
    let out = std::process::Command::new(python).args(["-c", "import sys, uuid; print(uuid.uuid5(uuid.UUID('ead4c236-bf58-58c6-a2c6-a6b28d128cb6'), sys.argv[1]))", &bare]).output().unwrap();
    let expected = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(read(&acast.join("podcast.yaml")).contains(&format!("\nguid: {expected}\n")));
    assert!(read(&acast.join("carnets.lock")).contains(&expected));
    // Pinned: a build elsewhere keeps it.
    assert_eq!(
        support::build(&acast, &["--base-url", "http://127.0.0.1:9/ailleurs/"]).0,
        0
    );
    assert!(
        read(&acast.join("public/feed.xml"))
            .contains(&format!("<podcast:guid>{expected}</podcast:guid>"))
    );
}

#[test]
fn without_base_url_the_folder_and_check_say_it_must_be_set() {
    let Some(host) = old_host() else { return };
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p");
    let (code, stderr) =
        support::import(&[&host.url("/acast.xml"), "--root", root.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("write the https:// address of the new site as `base_url:`"),
        "{stderr}"
    );
    let yaml = read(&root.join("podcast.yaml"));
    let line = yaml
        .lines()
        .position(|l| l == "base_url: \"\"")
        .expect("base_url is there, empty")
        + 1;
    assert!(
        yaml.lines().nth(line - 2).unwrap().contains("TO DO"),
        "{yaml}"
    );
    let (code, _, stderr) = common::run(common::carnets().args(["check", "--root"]).arg(&root));
    assert_eq!(code, 1);
    assert!(
        stderr.contains(&format!("podcast.yaml:{line}:"))
            && stderr.contains("`base_url` is not set"),
        "{stderr}"
    );
    std::fs::write(
        root.join("podcast.yaml"),
        yaml.replace("base_url: \"\"", "base_url: https://podcast.example/"),
    )
    .unwrap();
    let (code, stderr) = support::build(&root, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("the audio moves"), "{stderr}");
}
