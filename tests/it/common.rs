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
