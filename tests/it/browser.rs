//! The site in a real browser: `carnets serve` on a copy of this repository's own podcast
//! (with formats, value, podroll and comments added: see [`add_listener_keys`]), visited by
//! Debian's Chromium through playwright-core (`tests/js/browser.mjs`), with
//! axe-core checking accessibility. Screenshots land in `target/screenshots/`.
//!
//! Needs `node`, `chromium` and `npm ci --prefix tests/js`; plain `cargo test` skips without
//! them, `CARNETS_CONFORMANCE=1` (scripts/test.sh) fails.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::common;
use super::serve_support::Server;

/// The whole browser run, pages and checks, must end within this.
const DEADLINE: Duration = Duration::from_secs(240);

/// The npm packages the script imports, present in `tests/js/node_modules`.
fn node_modules() -> Option<PathBuf> {
    let dir = common::repo().join("tests/js/node_modules");
    let missing: Vec<&str> = ["playwright-core", "axe-core"]
        .into_iter()
        .filter(|p| !dir.join(p).join("package.json").is_file())
        .collect();
    match missing.as_slice() {
        [] => Some(dir),
        _ if common::conformance_required() => panic!(
            "{} required by CARNETS_CONFORMANCE=1: run `npm ci --prefix tests/js`",
            missing.join(", ")
        ),
        _ => {
            eprintln!(
                "skipping: {} not installed (npm ci --prefix tests/js)",
                missing.join(", ")
            );
            None
        }
    }
}

/// Node and Chromium, with the npm packages installed; `None` (the test returns) when one is
/// missing, under plain `cargo test`.
pub fn tools() -> Option<(PathBuf, PathBuf)> {
    let (Some(node), Some(chromium), Some(_)) = (
        common::tool("node"),
        common::tool("chromium"),
        node_modules(),
    ) else {
        return None;
    };
    Some((node, chromium))
}

/// Adds to a podcast what the pages show beyond the episodes: app links (the subscribe
/// block), the formats (the player's sources), funding and value (« Soutenir l’émission »,
/// and an episode's own), the podroll (« Nos recommandations »), comments and an AI note.
fn add_listener_keys(root: &Path) {
    let yaml = std::fs::read_to_string(root.join("podcast.yaml")).unwrap();
    let keys = "links:\n  apple: https://podcasts.apple.com/fr/podcast/les-carnets-de-l-ia/id0\n  antennapod: https://antennapod.org/deeplink/subscribe?url=https://carnets.citedelia.fr/feed.xml\n\
        formats: [{codec: opus, bitrate: 48k}, {codec: aac, bitrate: 64k}]\n\
        funding: [{url: \"https://citedelia.fr/soutenir\", text: \"Soutenir la Cité de l'IA\"}]\n\
        value: {recipients: [{name: \"L'équipe\", lnaddress: equipe@getalby.com, split: 90}, {name: Nœud, node: 02d5c1bf8b940dc9cadca86d1b0a3c37fbe39cee4c7e839e33bef9174531d27f52, split: 10}]}\n\
        podroll:\n  - {feed_guid: 917393e3-1b1e-5cef-ace4-edaa54e1f810, title: Podcasting 2.0, url: \"https://podcasting2.org/\"}\n  - {feed_guid: 29cdca4a-32d8-56ba-b48b-09a011c5daa9, title: Buzzcast}\n\
        social_interact: [{protocol: activitypub, uri: \"https://mastodon.example.org/@carnets/1\"}]\n";
    std::fs::write(root.join("podcast.yaml"), format!("{yaml}{keys}")).unwrap();
    let episode = root.join("episodes/001-premier-bilan/episode.md");
    let text = std::fs::read_to_string(&episode).unwrap();
    let own = "---\nvalue: {recipients: [{name: Hélène, lnaddress: helene@getalby.com, split: 50}, {name: Manuel, lnaddress: manuel@getalby.com, split: 50}]}\n\
        ai_content: \"Transcription relue par l'équipe.\"\n\
        social_interact: [{protocol: activitypub, uri: \"https://mastodon.example.org/@carnets/2\"}]\n";
    std::fs::write(&episode, text.replacen("---\n", own, 1)).unwrap();
}

#[test]
fn the_site_works_in_a_real_browser_and_axe_finds_no_violation() {
    let (Some((node, chromium)), Some(_)) = (tools(), common::tool("ffmpeg")) else {
        return;
    };
    let (dir, root) = common::repo_podcast();
    add_listener_keys(&root);
    let server = Server::start(&root, &dir.path().join("tmp"));
    let shots = screenshots();

    let (ok, out, err) = run_script(
        &node,
        "browser.mjs",
        &[server.url.as_ref(), shots.as_os_str(), chromium.as_os_str()],
    );
    assert!(
        ok,
        "browser checks failed:\n{err}\n{out}\nserver:\n{}",
        server.stderr()
    );
    for name in ["home-360", "home-1280", "episode-360", "episode-1280"] {
        assert!(shots.join(format!("{name}.png")).is_file(), "no {name}.png");
    }
}

/// Runs a script of `tests/js` with node, reading its output as it comes (a long report cannot
/// block it) and killing it after [`DEADLINE`]; returns whether it succeeded, its stdout and
/// its stderr.
pub fn run_script(node: &Path, script: &str, args: &[&std::ffi::OsStr]) -> (bool, String, String) {
    let dir = common::repo().join("tests/js");
    let mut child = Command::new(node)
        .arg(dir.join(script))
        .args(args)
        .current_dir(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs");
    let read = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    };
    let out = read(Box::new(child.stdout.take().unwrap()));
    let err = read(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{script} took more than {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    (status.success(), out.join().unwrap(), err.join().unwrap())
}

/// Where the browser tests save their screenshots: `target/screenshots/`.
pub fn screenshots() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target/")
        .join("screenshots")
}
