//! The downloads of an import: the audio through its redirects into a temporary file,
//! resumed after an interruption, checked (status, type, length, real MPEG audio measured by
//! the crate's own prober) and only then renamed into the episode's folder; and the progress
//! bars (bytes, episodes) on a terminal.

use std::fs::{File, OpenOptions};
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use ureq::Body;
use ureq::http::{Response, StatusCode, header};

use super::fetch::{Capped, FetchError, Fetcher, What};
use crate::audio::{self, AudioInfo};
use crate::t;

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
        episodes_bar.set_message(t!("import-bar-episodes"));
        let bytes = multi.add(ProgressBar::no_length());
        bytes.set_style(
            ProgressStyle::with_template("{msg:>12} {bytes} ({bytes_per_sec})")
                .expect("a valid template"),
        );
        bytes.set_message(t!("import-bar-downloaded"));
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
    let (address, mime) = resume(fetcher, url, part, MAX_AUDIO, &|n| bars.bytes(n))?;
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
            help: t!("import-not-served-help"),
        }
    };
    if !AUDIO_TYPES.contains(&essence.as_str()) {
        return Err(refuse(t!("import-not-mp3-type", mime = mime.as_str())));
    }
    let info = measure(part, &address).map_err(|e| refuse(e.message))?;
    std::fs::rename(part, dest).map_err(|e| FetchError {
        url: address.clone(),
        message: t!(
            "import-cannot-move",
            path = dest.display().to_string(),
            error = e.to_string()
        ),
        help: t!("import-permissions-help"),
    })?;
    Ok(info)
}

/// Downloads `url` into `part`, resuming what an interrupted run left there (a range
/// request, checked against the same version of the file). Returns the final address and
/// the announced content type. `progress` is told of every chunk written.
pub fn resume(
    fetcher: &Fetcher,
    url: &str,
    part: &Path,
    cap: u64,
    progress: &dyn Fn(u64),
) -> Result<(String, String), FetchError> {
    let fail = |e: io::Error| {
        FetchError::new(
            url,
            t!(
                "import-cannot-write",
                path = part.display().to_string(),
                error = e.to_string()
            ),
            t!("import-space-help"),
        )
    };
    let meta = part.with_extension("part-version");
    let have = std::fs::metadata(part).map_or(0, |m| m.len());
    let version = std::fs::read_to_string(&meta).unwrap_or_default();
    let mut headers = Vec::new();
    if have > 0 && !version.is_empty() {
        headers.push(("Range", format!("bytes={have}-")));
        headers.push(("If-Range", version.clone()));
    }
    let fetched = fetcher.get(url, &headers)?;
    let status = fetched.response.status();
    let resumed = status == StatusCode::PARTIAL_CONTENT
        && content_range_start(&fetched.response) == Some(have);
    let mime = fetched
        .response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    if status == StatusCode::RANGE_NOT_SATISFIABLE
        || (status == StatusCode::PARTIAL_CONTENT && !resumed)
    {
        // The file changed or shrank since: start again from nothing.
        let _ = std::fs::remove_file(part);
        let _ = std::fs::remove_file(&meta);
        return resume(fetcher, url, part, cap, progress);
    }
    let validator = ["etag", "last-modified"].iter().find_map(|name| {
        fetched
            .response
            .headers()
            .get(*name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    });
    std::fs::write(&meta, validator.unwrap_or_default()).map_err(fail)?;
    let mut file = if resumed {
        progress(have);
        OpenOptions::new().append(true).open(part).map_err(fail)?
    } else {
        File::create(part).map_err(fail)?
    };
    let start = if resumed { have } else { 0 };
    let address = fetched.url.clone();
    let mut body = Capped::new(
        fetched
            .response
            .into_body()
            .into_with_config()
            .limit(u64::MAX)
            .reader(),
        cap.saturating_sub(start),
        address.clone(),
        What::File,
    );
    let mut buf = vec![0; 256 << 10];
    loop {
        let n = match body.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(FetchError::new(
                    &address,
                    t!("import-download-stopped", error = e.to_string()),
                    t!("import-download-stopped-help"),
                ));
            }
        };
        file.write_all(&buf[..n]).map_err(fail)?;
        progress(n as u64);
    }
    file.sync_all().map_err(fail)?;
    let _ = std::fs::remove_file(&meta);
    Ok((address, mime))
}

fn content_range_start(response: &Response<Body>) -> Option<u64> {
    let value = response
        .headers()
        .get(header::CONTENT_RANGE)?
        .to_str()
        .ok()?;
    value
        .strip_prefix("bytes ")?
        .split('-')
        .next()?
        .parse()
        .ok()
}

/// The MPEG stream of a downloaded file, or why it is not one.
fn measure(path: &Path, url: &str) -> Result<AudioInfo, FetchError> {
    audio::probe(path).map_err(|e| FetchError {
        url: url.to_string(),
        message: t!("import-not-mp3", error = e.to_string()),
        help: t!("import-not-mp3-help"),
    })
}
