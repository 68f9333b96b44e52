//! The interrupted deploy, to a real SFTP host: `carnets deploy` killed with SIGKILL at random
//! moments, one change of the show after another (a retitled episode, whose MP3 is replaced;
//! a new episode; an episode gone; edited notes), sometimes on top of a deploy that was itself
//! killed. After each kill, every enclosure, transcript and chapters URL of the host's feed
//! names a file the host holds, of the announced length (or, for an MP3 being replaced, of
//! its new length); then a deploy runs to the end, and the host holds exactly the output.
//! A Ctrl-C stops a deploy cleanly, with the same promise.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime};

use crate::common::{carnets, repo, run, tree};
use crate::deploy_servers::{Sshd, sshd, tools};
use crate::deploy_support::{add_episode, command, deploy, edit, feed_holds, held, retitle, show};

/// A small random generator (xorshift), seeded from the clock; the seed is printed so that a
/// failure can be replayed with `CARNETS_SEED`.
struct Random(u64);

impl Random {
    fn new() -> Random {
        let seed = std::env::var("CARNETS_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                SystemTime::now()
                    .duration_since(SystemTime::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        eprintln!("CARNETS_SEED={seed}");
        Random(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The `i`-th change of the show.
fn change(root: &Path, i: u32) {
    let slug = |n: u32| format!("{:03}-ajout", n);
    match i % 4 {
        0 => retitle(root, "001-cbr", &format!("Bienvenue, version {i}")),
        1 => {
            add_episode(root, &slug(20 + i), 20 + i);
            fs::copy(
                repo().join("episodes/001-premier-bilan/premier-bilan.mp3"),
                root.join("episodes").join(slug(20 + i)).join("audio.mp3"),
            )
            .unwrap();
        }
        2 => fs::remove_dir_all(root.join("episodes").join(slug(20 + i - 1))).unwrap(),
        _ => edit(root, "002-vbr-sans-xing", |t| {
            format!("{t}\nUne ligne de plus ({i}).\n")
        }),
    }
}

/// An SFTP host, and the show with episodes `extra` more (of 147 kB each when `heavy`).
struct Host {
    _lab: tempfile::TempDir,
    sshd: Sshd,
    site: PathBuf,
    _show: tempfile::TempDir,
    root: PathBuf,
}

const BASE: &str = "https://127.0.0.1:9/";

fn host(extra: std::ops::Range<u32>, heavy: bool) -> Option<Host> {
    tools(&["sshd", "ssh", "ssh-keygen"])?;
    let lab = tempfile::tempdir().unwrap();
    let sshd = sshd(lab.path(), &[]);
    let site = lab.path().join("site");
    let (show_dir, root) = show(BASE, "");
    for n in extra {
        let slug = format!("{n:03}-lot");
        add_episode(&root, &slug, n);
        if heavy {
            fs::copy(
                repo().join("episodes/001-premier-bilan/premier-bilan.mp3"),
                root.join("episodes").join(&slug).join("audio.mp3"),
            )
            .unwrap();
        }
    }
    Some(Host {
        _lab: lab,
        sshd,
        site,
        _show: show_dir,
        root,
    })
}

#[test]
fn sigkill_at_random_moments_never_leaves_the_feed_naming_a_missing_or_short_file() {
    // Bound by name, not `..`: the folders must live to the end of the test.
    let Some(Host {
        _lab,
        sshd,
        site,
        _show,
        root,
    }) = host(5..9, true)
    else {
        return;
    };
    let base = BASE;
    let to = sshd.target(&site);
    let env = sshd.env();
    let started = Instant::now();
    let (code, _, err) = deploy(&root, &to, &env, &[]);
    assert_eq!(code, 0, "{err}");
    // The kills fall within the first deploy's time, then within the shortest deploy that
    // ended before its kill (a change sends a few files, far fewer than the first deploy).
    let mut bound = started.elapsed();
    let mut random = Random::new();
    let mut killed = 0;
    for i in 0..10 {
        change(&root, i);
        // The output this deploy sends, built beforehand so that the kills hit the transfer.
        let (code, _, err) = run(carnets().args(["build", "--root"]).arg(&root));
        assert_eq!(code, 0, "{err}");
        let upcoming: BTreeMap<String, u64> = tree(&root.join("public"))
            .into_iter()
            .map(|(path, bytes)| (path, bytes.len() as u64))
            .collect();
        let mut child = command(&root, &to, &env, &["--allow-deletes"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let delay = Duration::from_millis(random.below(bound.as_millis() as u64 + 1));
        let spawned = Instant::now();
        while child.try_wait().unwrap().is_none() && spawned.elapsed() < delay {
            std::thread::sleep(Duration::from_millis(2));
        }
        if child.try_wait().unwrap().is_none() {
            killed += 1;
        } else {
            // It ended before the kill: the later kills fall within the time it took.
            bound = bound.min(spawned.elapsed());
        }
        child.kill().unwrap();
        child.wait().unwrap();
        sshd.close_orphans();
        let wrong = feed_holds(&site, base, &upcoming);
        assert!(
            wrong.is_empty(),
            "killed after {delay:?} (change {i}): {wrong:#?}"
        );
        // Every other time, the next change lands on top of the interrupted deploy.
        if i % 2 == 1 {
            let (code, _, err) = deploy(&root, &to, &env, &["--allow-deletes"]);
            assert_eq!(code, 0, "{err}");
            assert_eq!(
                held(&site),
                tree(&root.join("public")),
                "the rerun finished (change {i})"
            );
        }
    }
    eprintln!("{killed} of 10 kills hit a running deploy (the last bound: {bound:?})");
    assert!(
        killed >= 3,
        "only {killed} kills hit a running deploy: the delays are too long"
    );
    sshd.close_orphans();
    let (code, _, err) = deploy(&root, &to, &env, &["--allow-deletes"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(held(&site), tree(&root.join("public")));
    let manifest = fs::read_to_string(site.join(".carnets-manifest.json")).unwrap();
    assert!(manifest.contains(r#""unsettled":[]"#), "{manifest}");
    assert_eq!(sshd.clients(), Vec::<String>::new());
}

#[test]
fn ctrl_c_stops_a_deploy_cleanly_and_the_next_one_finishes() {
    // Bound by name, not `..`: the folders must live to the end of the test.
    let Some(Host {
        _lab,
        sshd,
        site,
        _show,
        root,
    }) = host(5..25, false)
    else {
        return;
    };
    let (code, _, err) = run(carnets().args(["build", "--root"]).arg(&root));
    assert_eq!(code, 0, "{err}");
    let to = sshd.target(&site);
    let env = sshd.env();
    let child = command(&root, &to, &env, &["--jobs", "1"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Once the first file is in place, the deploy is under way.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !site.join("episodes").exists() {
        assert!(Instant::now() < deadline, "the deploy did not start");
        std::thread::sleep(Duration::from_millis(5));
    }
    let pid = rustix::process::Pid::from_raw(child.id() as i32).unwrap();
    rustix::process::kill_process(pid, rustix::process::Signal::INT).unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted: "), "{err}");
    assert!(
        err.contains("run `carnets deploy` again to finish"),
        "{err}"
    );
    assert!(!site.join("feed.xml").exists(), "the feed goes last: {err}");
    assert_eq!(
        sshd.clients(),
        Vec::<String>::new(),
        "the SSH connections were closed"
    );
    let (code, _, err) = deploy(&root, &to, &env, &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(held(&site), tree(&root.join("public")));
}
