//! A real podcast app survives the move: Debian's gPodder (`gpo`, its command line, with its
//! data in a temporary `GPODDER_HOME`) subscribes to the old feed and downloads every
//! episode; the show is imported and built by carnets into the same old host's `new/`; the old
//! feed then answers with a 301 to the new one; after `gpo update` there is no new episode and
//! the subscription is the new feed.

use std::process::Command;

use crate::common;
use crate::import::{imported, old_host};
use crate::import_support as support;

fn gpo(home: &std::path::Path, args: &[&str]) -> String {
    let gpo = common::tool("gpo").expect("checked by the caller");
    let out = Command::new(gpo)
        .args(args)
        .env("GPODDER_HOME", home)
        .env("GPODDER_DOWNLOAD_DIR", home.join("downloads"))
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "gpo {args:?}: {text}");
    text
}

/// The GUIDs gPodder holds for its one subscription, sorted.
fn guids(home: &std::path::Path) -> Vec<String> {
    let text = gpo(home, &["episodes", "--guid"]);
    // `        1. GUID  ▉  Title`
    let mut guids: Vec<String> = text
        .lines()
        .filter_map(|l| {
            l.trim()
                .split_once(". ")
                .filter(|(n, _)| n.parse::<u32>().is_ok())
        })
        .filter_map(|(_, rest)| rest.split_whitespace().next())
        .map(str::to_string)
        .collect();
    guids.sort();
    guids
}

#[test]
fn gpodder_sees_no_new_episode_and_follows_the_301_to_the_new_feed() {
    if common::tool("gpo").is_none() {
        return;
    }
    let Some(host) = old_host() else { return };
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("gpodder");
    std::fs::create_dir_all(home.join("downloads")).unwrap();
    // Libsyn's shape: stacked prefixes, and two items without a GUID.
    let old_feed = host.url("/feed.xml");
    host.feed("libsyn.xml", "/feed.xml");
    gpo(&home, &["subscribe", &old_feed]);
    gpo(&home, &["update"]);
    gpo(&home, &["download"]);
    let before = guids(&home);
    assert_eq!(
        before.len(),
        3,
        "gPodder knows the three episodes: {before:?}"
    );
    let downloads = walkdir::WalkDir::new(home.join("downloads"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .count();
    assert_eq!(downloads, 3, "gPodder downloaded every episode");

    let (root, code, stderr) = imported(&host, "/feed.xml", dir.path());
    assert_eq!(code, 0, "{stderr}");
    let new_base = host.url("/new/");
    let (code, stderr) = support::build(
        &root,
        &[
            "--out",
            host.www.join("new").to_str().unwrap(),
            "--base-url",
            &new_base,
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    host.put("/moved", b"");

    let update = gpo(&home, &["update"]);
    assert!(
        host.served("/new/feed.xml").1 > 0,
        "gPodder read the new feed: {update}"
    );
    assert_eq!(
        guids(&home),
        before,
        "the same episodes, no new one: {update}"
    );
    let pending = gpo(&home, &["pending"]);
    assert!(
        !pending.lines().any(|l| l.contains("/new/episodes/")),
        "nothing new to download: {pending}"
    );
    let list = gpo(&home, &["list"]);
    assert!(
        list.contains(&format!("{new_base}feed.xml")) && !list.contains(&old_feed),
        "the subscription moved to the new feed: {list}"
    );
}
