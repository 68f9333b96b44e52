//! MPEG audio frame reader: exact duration and byte range of the frames of an MP3.

use std::fmt;
use std::path::Path;

use super::AudioInfo;

/// Why a file could not be measured.
#[derive(Debug)]
pub enum ProbeError {
    Io(std::io::Error),
    NotMpeg(String),
}

impl fmt::Display for ProbeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProbeError::Io(e) => write!(f, "cannot read the file: {e}"),
            ProbeError::NotMpeg(why) => write!(f, "not an MPEG audio file: {why}"),
        }
    }
}

/// Measures the MPEG stream of `path` without reading it whole into memory.
pub fn probe(path: &Path) -> Result<AudioInfo, ProbeError> {
    let _ = path;
    Err(ProbeError::NotMpeg(
        "the frame reader is not written yet".into(),
    ))
}
