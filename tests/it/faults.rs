//! Fault injection: a full disk under the output, unreadable sources, a FIFO where a file
//! should be. Each build that cannot finish says why and leaves the previous output exactly
//! as it was; once the fault is gone, the next build matches a clean one byte for byte.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::common::{carnets, repo, tree};
use crate::reliability_support::{
    assert_refused, build, episode_dir, one_episode, private_mounts, run_with_deadline,
};

/// Bytes a tree takes on a tmpfs: whole 4 KiB pages per file, one per folder.
pub fn footprint(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .map(|e| e.metadata().expect("metadata").len().div_ceil(4096).max(1) * 4096)
        .sum()
}

/// A second episode to add: 147 KB of speech.
fn extra_episode(at: &Path) {
    fs::create_dir_all(at).unwrap();
    fs::copy(
        repo().join("episodes/001-premier-bilan/premier-bilan.mp3"),
        at.join("audio.mp3"),
    )
    .unwrap();
    fs::write(
        at.join("episode.md"),
        "---\ntitle: Deuxième\ndate: 2026-01-20 08:00\n---\nDe quoi remplir le disque.\n",
    )
    .unwrap();
}

#[test]
fn a_full_disk_fails_the_build_and_keeps_the_old_output() {
    let Some(unshare) = private_mounts() else {
        return;
    };
    let (tmp, root) = one_episode();
    let t = tmp.path();
    // The first build fits on the small disk; the second, with one more episode, does not.
    let measure = t.join("measure");
    let out = carnets()
        .args(["build", "--root"])
        .arg(&root)
        .arg("--out")
        .arg(&measure)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let size_kb = footprint(&measure) / 1024 + 48;
    fs::remove_dir_all(&measure).unwrap();
    extra_episode(&t.join("extra/002-deuxieme"));
    let disk = t.join("disk");
    fs::create_dir(&disk).unwrap();
    let script = r#"
        disk=$1 root=$2 bin=$3 t=$4 size=$5
        mount -t tmpfs -o size=${size}k tmpfs "$disk" || exit 90
        step() {
            "$bin" build --root "$root" --out "$disk/public" 2>"$t/$1.err"
            echo $? >"$t/$1.code"
            cp -a "$disk/public" "$t/$1"
            ls -A "$disk" >"$t/$1.listing"
        }
        step first
        cp -r "$t/extra/002-deuxieme" "$root/episodes/"
        step full
        mount -o remount,size=65536k "$disk" || exit 91
        step freed
    "#;
    let status = Command::new(unshare[0])
        .args(&unshare[1..])
        .args(["sh", "-c", script, "sh"])
        .arg(&disk)
        .arg(&root)
        .arg(carnets().get_program())
        .arg(t)
        .arg(size_kb.to_string())
        .status()
        .unwrap();
    assert!(status.success(), "the script failed: {status:?}");
    let read = |name: &str| fs::read_to_string(t.join(name)).unwrap();
    assert_eq!(read("first.code").trim(), "0", "{}", read("first.err"));
    assert_eq!(read("full.code").trim(), "1", "{}", read("full.err"));
    assert!(
        read("full.err").contains("No space left on device"),
        "{}",
        read("full.err")
    );
    assert!(
        read("full.err").contains("nothing was written"),
        "{}",
        read("full.err")
    );
    assert_eq!(
        tree(&t.join("first")),
        tree(&t.join("full")),
        "the old output changed"
    );
    assert!(
        tree(&t.join("full"))
            .keys()
            .all(|p| !p.contains("002-deuxieme"))
    );
    assert_eq!(read("freed.code").trim(), "0", "{}", read("freed.err"));
    // The output, and the staging folder kept beside it for the next build (the podcast's
    // `.carnets/` is on another filesystem, where it could not be swapped in): nothing else.
    assert_eq!(
        read("freed.listing").trim(),
        ".public.carnets-staging\npublic",
        "leftovers on the disk"
    );
    // Byte-identical to a clean build of the same podcast.
    let clean = t.join("clean");
    assert!(
        carnets()
            .args(["build", "--root"])
            .arg(&root)
            .arg("--out")
            .arg(&clean)
            .status()
            .unwrap()
            .success()
    );
    assert_eq!(tree(&t.join("freed")), tree(&clean));
}

/// Runs `carnets build` unable to read what its permissions forbid, even as root: the build
/// runs without the capabilities that bypass file permissions.
fn build_without_privilege(root: &Path) -> crate::reliability_support::Outcome {
    let is_root = fs::metadata("/proc/self").is_ok_and(|m| {
        use std::os::unix::fs::MetadataExt;
        m.uid() == 0
    });
    let mut command = if is_root {
        crate::common::tool("setpriv").expect("setpriv (util-linux) is on every Debian");
        let mut c = Command::new("setpriv");
        c.args([
            "--inh-caps=-dac_override,-dac_read_search",
            "--bounding-set=-dac_override,-dac_read_search",
            "--",
        ])
        .arg(carnets().get_program());
        c
    } else {
        carnets()
    };
    command.args(["build", "--root"]).arg(root);
    run_with_deadline(&mut command, Duration::from_secs(60))
}

#[test]
fn unreadable_sources_fail_clearly_and_keep_the_old_output() {
    let (_tmp, root) = one_episode();
    assert_eq!(build(&root).code, Some(0));
    let published = tree(&root.join("public"));
    let dir = episode_dir(&root);
    let other = crate::common::fixtures().join("podcast/episodes/003-mpeg2/audio.mp3");
    for (file, new_content) in [
        (dir.join("audio.mp3"), fs::read(&other).unwrap()),
        (dir.join("episode.md"), {
            let md = fs::read_to_string(dir.join("episode.md")).unwrap();
            md.replace("Les **notes**", "Les notes").into_bytes()
        }),
        (
            root.join("cover.jpg"),
            fs::read(repo().join("tests/fixtures/tag/cover-600.jpg")).unwrap(),
        ),
    ] {
        let old = fs::read(&file).unwrap();
        fs::write(&file, &new_content).unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).unwrap();
        let outcome = build_without_privilege(&root);
        fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
        assert_refused(&outcome, "Permission denied");
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        assert!(outcome.stderr.contains(&name), "{name}: {outcome:?}");
        assert_eq!(published, tree(&root.join("public")), "{name}");
        fs::write(&file, old).unwrap();
    }
    assert_eq!(build_without_privilege(&root).code, Some(0));
}

#[test]
fn a_fifo_where_a_file_should_be_is_refused_without_hanging() {
    for name in [
        "episode.md",
        "audio.mp3",
        "../../podcast.yaml",
        "../../cover.jpg",
    ] {
        let (_tmp, root) = one_episode();
        let path = episode_dir(&root).join(name);
        fs::remove_file(&path).ok();
        let status = Command::new("mkfifo").arg(&path).status().unwrap();
        assert!(status.success());
        // A FIFO nobody writes to blocks its reader forever: the deadline catches a hang.
        let outcome = build(&root);
        assert_eq!(outcome.code, Some(1), "{name}: {outcome:?}");
        assert!(!root.join("public").exists(), "{name}");
    }
}
