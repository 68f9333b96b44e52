//! Concurrent builds of one output: the second waits for the first (and says so), however the
//! output's path is spelled, and two builds racing for real both succeed with a clean result.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

use carnets::output::{BuildLock, SourceCache};

use crate::common::carnets;
use crate::faults_kill::{fingerprint, set_title};
use crate::reliability_support::{big_podcast, fast_tempdir, one_episode};

fn spawn(root: &Path) -> Child {
    carnets()
        .args(["build", "--root"])
        .arg(root)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn carnets")
}

fn finish(mut child: Child) -> (bool, String) {
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("piped")
        .read_to_string(&mut stderr)
        .expect("stderr");
    (child.wait().expect("wait").success(), stderr)
}

/// Holds the build lock of `root/public` as `lock_root` spells it, starts a build through
/// `build_root`, and checks that it waits, then finishes once the lock is released.
fn waits_for(lock_root: &Path, build_root: &Path) {
    let cache = SourceCache::open(&lock_root.join(carnets::CACHE_DIR));
    let lock = BuildLock::acquire(&lock_root.join("public"), &cache).expect("lock");
    let mut child = spawn(build_root);
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        child.try_wait().expect("poll").is_none(),
        "the second build did not wait"
    );
    assert!(!lock_root.join("public").exists(), "it wrote while waiting");
    drop(lock);
    let (ok, stderr) = finish(child);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("waiting for another carnets build"),
        "{stderr}"
    );
    assert!(lock_root.join("public/feed.xml").is_file());
}

#[test]
fn a_second_build_of_the_same_output_waits_for_the_first() {
    let (_tmp, root) = one_episode();
    waits_for(&root, &root);
}

#[test]
fn the_lock_holds_however_the_output_path_is_spelled() {
    let (tmp, root) = one_episode();
    let link = tmp.path().join("link");
    std::os::unix::fs::symlink(&root, &link).unwrap();
    waits_for(&root, &link);
    fs::remove_dir_all(root.join("public")).unwrap();
    let relative = root.join("episodes/../.");
    waits_for(&root, &relative);
}

#[test]
fn two_builds_racing_for_one_output_both_succeed_in_turn() {
    let tmp = fast_tempdir();
    let root = tmp.path().join("p");
    if big_podcast(&root, 60).is_none() {
        return;
    }
    set_title(&root, "Course");
    let clean = tmp.path().join("clean");
    let out = carnets()
        .args(["build", "--root"])
        .arg(&root)
        .arg("--out")
        .arg(&clean)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let expected = fingerprint(&clean);
    for round in 0..3 {
        let _ = fs::remove_dir_all(root.join("public"));
        let (a, b) = (spawn(&root), spawn(&root));
        let (a, b) = (finish(a), finish(b));
        assert!(a.0 && b.0, "round {round}: {a:?} {b:?}");
        let waited = [&a.1, &b.1]
            .iter()
            .filter(|s| s.contains("waiting for another carnets build"))
            .count();
        assert!(waited <= 1, "round {round}: both waited: {a:?} {b:?}");
        assert_eq!(fingerprint(&root.join("public")), expected, "round {round}");
    }
}
