//! The site in a real browser: `carnets serve` on a copy of this repository's own podcast,
//! visited by Debian's Chromium through playwright-core (`tests/js/browser.mjs`), with
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

/// Adds app links to a podcast, for the subscribe block.
fn add_app_links(root: &Path) {
    let yaml = std::fs::read_to_string(root.join("podcast.yaml")).unwrap();
    let links = "links:\n  apple: https://podcasts.apple.com/fr/podcast/les-carnets-de-l-ia/id0\n  antennapod: https://antennapod.org/deeplink/subscribe?url=https://carnets.citedelia.fr/feed.xml\n";
    std::fs::write(root.join("podcast.yaml"), format!("{yaml}{links}")).unwrap();
}

#[test]
fn the_site_works_in_a_real_browser_and_axe_finds_no_violation() {
    let Some((node, chromium)) = tools() else {
        return;
    };
    let (dir, root) = common::repo_podcast();
    add_app_links(&root);
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
