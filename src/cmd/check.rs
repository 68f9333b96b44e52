//! `carnets check`: every problem of the podcast folder, loudness included; writes nothing
//! but its cache.

use std::path::Path;

use super::Outcome;
use crate::t;

pub fn run(root: &Path, now: jiff::Timestamp) -> Outcome {
    let (warnings, episodes) = crate::check(root, now)?;
    Ok((warnings, t!("cmd-check-summary", episodes = episodes)))
}
