//! Helpers shared by the integration tests.

use std::path::PathBuf;
use std::process::Command;

/// True when the README's test command runs us: every external tool must then be present.
pub fn conformance_required() -> bool {
    std::env::var_os("CARNETS_CONFORMANCE").is_some_and(|v| v == "1")
}

/// Finds an external tool (`ffprobe`, `python3`, `node`…) on the PATH.
///
/// Returns `None` when it is missing and we run as plain `cargo test` (the test then returns
/// early, saying so on stderr); panics when it is missing under `CARNETS_CONFORMANCE=1`, so a
/// conformance test never skips silently in CI.
pub fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    });
    match found {
        Some(path) => Some(path),
        None if conformance_required() => {
            panic!("{name} is required by CARNETS_CONFORMANCE=1 but is not on the PATH")
        }
        None => {
            eprintln!("skipping: {name} is not installed (run the README's test command)");
            None
        }
    }
}

/// Checks that a Python module can be imported; same contract as [`tool`].
pub fn python_module(module: &str) -> Option<PathBuf> {
    let python = tool("python3")?;
    let ok = Command::new(&python)
        .args(["-c", &format!("import {module}")])
        .status()
        .is_ok_and(|s| s.success());
    match ok {
        true => Some(python),
        false if conformance_required() => {
            panic!("python module {module} is required by CARNETS_CONFORMANCE=1 but is missing")
        }
        false => {
            eprintln!("skipping: python module {module} is not installed");
            None
        }
    }
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The committed test fixtures.
pub fn fixtures() -> PathBuf {
    repo().join("tests/fixtures")
}

/// A copy of a fixture podcast in a fresh temporary folder; the copy is at `.path().join("p")`.
pub fn podcast(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("p");
    copy_tree(&fixtures().join(name), &root);
    (dir, root)
}

/// A copy of this repository's own podcast (its sources: not its output nor its cache) in a
/// fresh temporary folder; the copy is at `.path().join("p")`.
pub fn repo_podcast() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("p");
    std::fs::create_dir_all(&root).expect("mkdir");
    for name in ["podcast.yaml", "cover.jpg", "carnets.lock"] {
        std::fs::copy(repo().join(name), root.join(name)).expect("copy");
    }
    for folder in ["episodes", "theme"] {
        copy_tree(&repo().join(folder), &root.join(folder));
    }
    (dir, root)
}

/// Copies a folder recursively (plain files and folders only).
pub fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The `carnets` binary built for these tests, speaking English whatever the machine's locale
/// (a test of the French sets `LANG` itself).
pub fn carnets() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_carnets"));
    for var in ["CARNETS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(var);
    }
    command
}

/// Every file under `dir` (relative path → content), for byte-for-byte comparisons.
pub fn tree(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// Runs a command, returning (exit code, stdout, stderr).
pub fn run(command: &mut Command) -> (i32, String, String) {
    let output = command.output().expect("command runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Samples per channel that ffmpeg decodes from an MP3 (it applies the LAME tag's trimming).
pub fn decoded_samples(ffmpeg: &std::path::Path, mp3: &std::path::Path) -> u64 {
    let out = Command::new(ffmpeg)
        .args(["-nostdin", "-v", "error", "-i"])
        .arg(mp3)
        .args(["-map", "0:a", "-f", "s16le", "-ac", "1", "-"])
        .output()
        .expect("run ffmpeg");
    assert!(out.status.success(), "ffmpeg failed on {}", mp3.display());
    out.stdout.len() as u64 / 2
}
