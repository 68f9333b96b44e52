//! Helpers of the reliability, fault-injection and hostile-input tests: small podcasts made
//! from the fixture, episode front matter edited in place, and the `carnets` binary run under
//! a time limit and a memory ceiling.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{carnets, podcast};

/// The fixture podcast cut down to its first episode (`001-cbr`), in a fresh temp folder.
pub fn one_episode() -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = podcast("podcast");
    for slug in ["002-vbr-sans-xing", "003-mpeg2", "004-mpeg25-etiquete"] {
        fs::remove_dir_all(root.join("episodes").join(slug)).expect("remove episode");
    }
    (tmp, root)
}

/// The folder of the one episode of [`one_episode`].
pub fn episode_dir(root: &Path) -> PathBuf {
    root.join("episodes/001-cbr")
}

/// Adds `yaml` (whole lines) at the end of the episode's front matter.
pub fn add_front_matter(root: &Path, yaml: &str) {
    edit_front_matter(root, |header| format!("{header}{yaml}"));
}

/// Rewrites the front matter of the episode of [`one_episode`] (the text between the `---`).
pub fn edit_front_matter(root: &Path, edit: impl FnOnce(&str) -> String) {
    let file = episode_dir(root).join("episode.md");
    let text = fs::read_to_string(&file).expect("episode.md");
    let rest = text.strip_prefix("---\n").expect("front matter");
    let (header, body) = rest.split_once("---\n").expect("closed front matter");
    let mut header = edit(header);
    if !header.ends_with('\n') {
        header.push('\n');
    }
    fs::write(&file, format!("---\n{header}---\n{body}")).expect("write episode.md");
}

/// What a limited run gave.
#[derive(Debug)]
pub struct Outcome {
    /// The exit code; `None` when a signal ended the process (a crash, an abort).
    pub code: Option<i32>,
    pub stderr: String,
    /// How long it ran.
    #[allow(dead_code)]
    pub elapsed: Duration,
}

/// Runs `carnets ARGS` with at most `memory_mb` of address space and `seconds` of time; a
/// run that takes longer is killed and fails the test.
pub fn run_limited(args: &[&std::ffi::OsStr], seconds: u64, memory_mb: u64) -> Outcome {
    let binary = carnets().get_program().to_owned();
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!(
            "ulimit -v {}; exec \"$0\" \"$@\"",
            memory_mb * 1024
        ))
        .arg(binary)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    run_with_deadline(&mut command, Duration::from_secs(seconds))
}

/// Runs `command`, killing it and failing the test after `limit`.
pub fn run_with_deadline(command: &mut Command, limit: Duration) -> Outcome {
    let start = Instant::now();
    let mut child = command.stderr(Stdio::piped()).spawn().expect("spawn");
    let mut stderr = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut text).ok();
        text
    });
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return Outcome {
                code: status.code(),
                stderr: reader.join().expect("stderr reader"),
                elapsed: start.elapsed(),
            };
        }
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!(
                "{command:?} still ran after {limit:?}: {}",
                reader.join().unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `carnets check --root ROOT` within 60 s and 1 GiB.
pub fn check(root: &Path) -> Outcome {
    run_limited(
        &["check".as_ref(), "--root".as_ref(), root.as_os_str()],
        60,
        1024,
    )
}

/// `carnets build --root ROOT` within 60 s and 1 GiB.
pub fn build(root: &Path) -> Outcome {
    run_limited(
        &["build".as_ref(), "--root".as_ref(), root.as_os_str()],
        60,
        1024,
    )
}

/// Asserts that a run reported a content error (exit 1, not a crash) whose message has `needle`.
#[track_caller]
pub fn assert_refused(outcome: &Outcome, needle: &str) {
    assert_eq!(outcome.code, Some(1), "{outcome:?}");
    assert!(
        outcome.stderr.contains(needle),
        "`{needle}` not in {outcome:?}"
    );
    assert!(outcome.stderr.contains("error"), "{outcome:?}");
}

/// A fresh temporary folder in memory (`/dev/shm`) when the machine has one: the fault tests
/// write hundreds of megabytes over and over, which a RAM disk takes in its stride.
pub fn fast_tempdir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().expect("temp dir")
}

/// A podcast of `count` episodes of about a megabyte each, all with distinct audio bytes, in
/// `root`: one MP3 encoded once by ffmpeg (LAME) from a minute of the repository's speech,
/// then copied with each copy's last audio bytes made its own. `None` when ffmpeg is missing
/// outside `CARNETS_CONFORMANCE=1` (the caller skips).
pub fn big_podcast(root: &Path, count: usize) -> Option<()> {
    let ffmpeg = crate::common::tool("ffmpeg")?;
    crate::common::copy_tree(&crate::common::fixtures().join("podcast"), root);
    let episodes = root.join("episodes");
    fs::remove_dir_all(&episodes).expect("clear episodes");
    fs::create_dir(&episodes).expect("episodes");
    let mp3 = root.join("big.mp3");
    let status = Command::new(ffmpeg)
        .args(["-v", "error", "-y", "-stream_loop", "1", "-i"])
        .arg(crate::common::repo().join("episodes/001-premier-bilan/premier-bilan.mp3"))
        .args(["-ac", "1", "-c:a", "libmp3lame", "-b:a", "128k"])
        .arg(&mp3)
        .status()
        .expect("ffmpeg runs");
    assert!(status.success(), "ffmpeg could not encode the test MP3");
    let audio = fs::read(&mp3).expect("encoded MP3");
    fs::remove_file(&mp3).expect("remove");
    let info = carnets::audio::probe_bytes(&audio).expect("ffmpeg's MP3 measures");
    for i in 0..count {
        let dir = episodes.join(format!("{i:03}-episode"));
        fs::create_dir(&dir).expect("episode folder");
        let mut bytes = audio.clone();
        // The last bytes of the last frame are audio data: any value is a valid frame.
        let end = info.audio_end as usize;
        bytes[end - 8..end].copy_from_slice(&(i as u64 + 1).to_be_bytes());
        fs::write(dir.join("audio.mp3"), bytes).expect("write MP3");
        fs::write(
            dir.join("episode.md"),
            format!(
                "---\ntitle: \"Essai {i}\"\ndate: 2026-01-01T08:00:00+01:00\nnumber: {}\n\
                 chapters:\n  - {{ start: \"00:00\", title: \"Début\" }}\n  - {{ start: \"00:30\", title: \"Suite\" }}\n\
                 ---\nLes notes de l'essai {i}.\n",
                i + 1
            ),
        )
        .expect("write episode.md");
    }
    Some(())
}

/// The way to run a shell script in a mount namespace of its own (where it may mount a small
/// tmpfs): `unshare -rm` (a user namespace, needs no privilege) or, as root, `unshare -m`.
/// `None` when neither works here, after failing the test under `CARNETS_CONFORMANCE=1`.
pub fn private_mounts() -> Option<Vec<&'static str>> {
    let probe = "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs \"$d\" && umount \"$d\"; r=$?; rmdir \"$d\"; exit $r";
    for prefix in [vec!["unshare", "-rm"], vec!["unshare", "-m"]] {
        let ok = Command::new(prefix[0])
            .args(&prefix[1..])
            .args(["sh", "-c", probe])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Some(prefix);
        }
    }
    if crate::common::conformance_required() {
        panic!(
            "CARNETS_CONFORMANCE=1: cannot mount a tmpfs here (unshare -rm and unshare -m fail)"
        );
    }
    eprintln!("skipping: no way to mount a small filesystem here (unshare)");
    None
}
