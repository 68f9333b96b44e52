//! A real podcast app still reads a feed with alternate formats, Podlove chapters and the
//! 2025 namespace: gPodder's command-line client (`gpo`, Debian's `gpodder`) subscribes to
//! the "Ondes courtes" fixture served by `carnets serve` on 127.0.0.1 and downloads every
//! episode, each the MP3 the feed announces, byte for byte.

use std::process::Command;

use crate::common::{self, run};
use crate::reach_support::copy;
use crate::serve_support::Server;

#[test]
fn gpodder_subscribes_to_the_feed_and_downloads_every_episode() {
    let (Some(gpo), Some(_)) = (common::tool("gpo"), common::tool("ffmpeg")) else {
        return;
    };
    let (dir, root) = copy();
    let server = Server::start(&root, &dir.path().join("tmp"));
    let feed = server.wait_for("/feed.xml", "the feed", |r| r.status == 200);
    // The host serves the alternate files with their types, as a real host would.
    let opus = "/episodes/001-premiere-antenne/001-premiere-antenne.opus";
    assert_eq!(server.get(opus).header("content-type"), Some("audio/ogg"));
    let m4a = opus.replace(".opus", ".m4a");
    assert_eq!(server.get(&m4a).header("content-type"), Some("audio/mp4"));

    let home = dir.path().join("gpodder");
    let downloads = dir.path().join("downloads");
    let gpo = |args: &[&str]| {
        let mut command = Command::new(&gpo);
        command
            .args(args)
            .env("GPODDER_HOME", &home)
            .env("GPODDER_DOWNLOAD_DIR", &downloads);
        run(&mut command)
    };
    let url = format!("{}feed.xml", server.url);
    let (code, out, err) = gpo(&["subscribe", &url]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Successfully added"), "{out}{err}");
    let (code, out, err) = gpo(&["download"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("3 episodes downloaded"), "{out}{err}");

    let got: Vec<std::path::PathBuf> = walkdir::WalkDir::new(&downloads)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    assert_eq!(got.len(), 3, "{got:?}");
    let xml = feed.text();
    for file in got {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let slug = name
            .strip_suffix(".mp3")
            .unwrap_or_else(|| panic!("{name} is the MP3"));
        let published = server.get(&format!("/episodes/{slug}/{name}"));
        let bytes = std::fs::read(&file).unwrap();
        assert!(bytes == published.body, "{name} is the published MP3");
        assert!(
            xml.contains(&format!("length=\"{}\" type=\"audio/mpeg\"", bytes.len())),
            "{name}"
        );
    }
}
