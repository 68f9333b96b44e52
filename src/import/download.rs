//! The downloads of an import: the audio through its redirects into a temporary file,
//! resumed after an interruption, checked (status, type, length, real MPEG audio measured by
//! the crate's own prober) and only then renamed into the episode's folder; and the progress
//! bars (bytes, episodes) on a terminal.

use std::io::IsTerminal;
use std::path::Path;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::fetch::{FetchError, Fetcher};
use crate::audio::{self, AudioInfo};

/// Largest audio file accepted (a three-hour episode at 320 kbit/s is 430 MB).
const MAX_AUDIO: u64 = 4 << 30;

/// Content types hosts serve MP3s with; anything else (an HTML error page…) is refused.
const AUDIO_TYPES: &[&str] = &[
    "audio/mpeg",
    "audio/mp3",
    "audio/mpeg3",
    "audio/x-mpeg",
    "audio/x-mp3",
    "audio/x-mpeg-3",
    "application/octet-stream",
    "binary/octet-stream",
    "",
];

/// The bars: bytes downloaded, episodes done. Hidden when stderr is not a terminal.
pub struct Bars {
    _multi: MultiProgress,
    bytes: ProgressBar,
    episodes: ProgressBar,
}

impl Bars {
    pub fn new(episodes: u64) -> Self {
        let target = if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let multi = MultiProgress::with_draw_target(target);
        let episodes_bar = multi.add(ProgressBar::new(episodes));
        episodes_bar.set_style(
            ProgressStyle::with_template("{msg:>12} [{bar:30}] {pos}/{len} ({eta})")
                .expect("a valid template")
                .progress_chars("=> "),
        );
        episodes_bar.set_message("épisodes");
        let bytes = multi.add(ProgressBar::no_length());
        bytes.set_style(
            ProgressStyle::with_template("{msg:>12} {bytes} ({bytes_per_sec})")
                .expect("a valid template"),
        );
        bytes.set_message("téléchargé");
        Bars {
            _multi: multi,
            bytes,
            episodes: episodes_bar,
        }
    }

    pub fn bytes(&self, n: u64) {
        self.bytes.inc(n);
    }

    pub fn episode_done(&self) {
        self.episodes.inc(1);
    }
}

impl Drop for Bars {
    fn drop(&mut self) {
        self.bytes.finish_and_clear();
        self.episodes.finish_and_clear();
    }
}

/// Makes `dest` the checked MP3 of `url`: kept as it is when a previous run finished it,
/// otherwise downloaded into `part` (resumed if a run was interrupted) and renamed.
pub fn audio(
    fetcher: &Fetcher,
    url: &str,
    part: &Path,
    dest: &Path,
    bars: &Bars,
) -> Result<AudioInfo, FetchError> {
    if dest.exists() {
        return measure(dest, url);
    }
    let (address, mime) = fetcher.download(url, part, MAX_AUDIO, &|n| bars.bytes(n))?;
    let essence = mime
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let refuse = |message: String| {
        let _ = std::fs::remove_file(part);
        FetchError {
            url: address.clone(),
            message,
            help: "the old host does not serve this episode's audio: fix it there (or download the MP3 from its dashboard and import the episode by hand), then run the import again".into(),
        }
    };
    if !AUDIO_TYPES.contains(&essence.as_str()) {
        return Err(refuse(format!("the server sent `{mime}`, not MP3 audio")));
    }
    let info = measure(part, &address).map_err(|e| refuse(e.message))?;
    std::fs::rename(part, dest).map_err(|e| FetchError {
        url: address.clone(),
        message: format!("cannot move the MP3 into {}: {e}", dest.display()),
        help: "check the permissions of the podcast folder".into(),
    })?;
    Ok(info)
}

/// The MPEG stream of a downloaded file, or why it is not one.
fn measure(path: &Path, url: &str) -> Result<AudioInfo, FetchError> {
    audio::probe(path).map_err(|e| FetchError {
        url: url.to_string(),
        message: format!("the file is not MP3 audio: {e}"),
        help: "the old host sent something else than the episode (an error page?): check the address in a browser".into(),
    })
}
