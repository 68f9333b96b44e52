//! Loudness of the episodes, for `carnets check`: integrated loudness (EBU R128, in LUFS) and
//! true peak (in dBTP), measured by decoding the MPEG frames of the MP3 as a stream, a frame
//! at a time (never the whole decoded audio in memory).
//!
//! Apple recommends -16 LUFS ± 1 LU with a true peak at most -1 dBTP; an episode outside gets
//! a warning with its figures and the fix. Decoding takes seconds per hour of audio, so only
//! `check` measures, and the result is cached by the content hash of the MP3
//! (`crate::output::SourceCache::loudness`); `build` never decodes. A mono file is measured as one channel
//! (weight 1), as `ffmpeg -af ebur128` and `loudnorm` do by default.

use std::fmt;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use symphonia::core::codecs::audio::{AudioDecoder, AudioDecoderOptions};
use symphonia::core::errors::Error as DecodeError;
use symphonia::core::formats::{FormatOptions, FormatReader};
use symphonia::core::io::{MediaSourceStream, ReadOnlySource};
use symphonia::default::codecs::MpaDecoder;
use symphonia::default::formats::MpaReader;

use crate::model::{Episode, Loudness};
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};
use crate::util::i18n::decimal;

/// Apple's target integrated loudness, in LUFS.
pub const TARGET_LUFS: f64 = -16.0;
/// How far from the target an episode may be, in LU.
pub const TOLERANCE_LU: f64 = 1.0;
/// The highest true peak Apple recommends, in dBTP.
pub const MAX_TRUE_PEAK: f64 = -1.0;

/// Why an MP3 could not be measured.
#[derive(Debug)]
pub enum LoudnessError {
    Io(io::Error),
    Decode(String),
}

impl fmt::Display for LoudnessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoudnessError::Io(e) => {
                f.write_str(&t!("audio-loudness-cannot-read", error = e.to_string()))
            }
            LoudnessError::Decode(e) => {
                f.write_str(&t!("audio-loudness-cannot-decode", error = e.as_str()))
            }
        }
    }
}

impl From<io::Error> for LoudnessError {
    fn from(e: io::Error) -> Self {
        LoudnessError::Io(e)
    }
}

impl From<DecodeError> for LoudnessError {
    fn from(e: DecodeError) -> Self {
        match e {
            DecodeError::IoError(e) => LoudnessError::Io(e),
            other => LoudnessError::Decode(other.to_string()),
        }
    }
}

impl From<ebur128::Error> for LoudnessError {
    fn from(e: ebur128::Error) -> Self {
        LoudnessError::Decode(t!("audio-loudness-meter", error = e.to_string()))
    }
}

/// Measures the MPEG frames `start..end` of `path` (the byte range the prober found, tags
/// left out).
pub fn measure(path: &Path, start: u64, end: u64) -> Result<Loudness, LoudnessError> {
    let mut file = File::open(path).map_err(LoudnessError::Io)?;
    file.seek(SeekFrom::Start(start))
        .map_err(LoudnessError::Io)?;
    let frames = ReadOnlySource::new(file.take(end.saturating_sub(start)));
    let stream = MediaSourceStream::new(Box::new(frames), Default::default());
    let mut reader = MpaReader::try_new(stream, FormatOptions::default())?;
    let params = reader.tracks()[0]
        .codec_params
        .as_ref()
        .and_then(|p| p.audio())
        .cloned()
        .ok_or_else(|| LoudnessError::Decode(t!("audio-loudness-no-track")))?;
    let mut decoder = MpaDecoder::try_new(&params, &AudioDecoderOptions::default())?;
    let mut meter: Option<ebur128::EbuR128> = None;
    let mut samples: Vec<f32> = Vec::new();
    while let Some(packet) = reader.next_packet()? {
        let decoded = match decoder.decode(&packet) {
            Ok(decoded) => decoded,
            // A damaged frame is skipped, as players (and ffmpeg) do.
            Err(DecodeError::DecodeError(_)) => continue,
            Err(e) => return Err(e.into()),
        };
        let channels = decoded.spec().channels().count() as u32;
        let rate = decoded.spec().rate();
        let meter = match &mut meter {
            Some(meter) if meter.channels() == channels && meter.rate() == rate => meter,
            Some(_) => {
                return Err(LoudnessError::Decode(t!("audio-loudness-format-changes")));
            }
            None => meter.insert(ebur128::EbuR128::new(
                channels,
                rate,
                ebur128::Mode::I | ebur128::Mode::TRUE_PEAK,
            )?),
        };
        decoded.copy_to_vec_interleaved(&mut samples);
        meter.add_frames_f32(&samples)?;
    }
    let Some(meter) = meter else {
        return Err(LoudnessError::Decode(t!("audio-loudness-no-frame")));
    };
    let integrated = meter.loudness_global()?;
    let mut peak = 0.0_f64;
    for channel in 0..meter.channels() {
        peak = peak.max(meter.true_peak(channel)?);
    }
    Ok(Loudness {
        integrated: integrated.is_finite().then_some(integrated),
        true_peak: (peak > 0.0).then(|| 20.0 * peak.log10()),
    })
}

/// What an episode's MP3 measures: [`measure`], or what the cache kept of it.
pub type Measured<'a> = dyn Fn(&Episode) -> Result<Loudness, LoudnessError> + Sync + 'a;

/// Measures every episode (in parallel, through `measured`) and returns the warnings about
/// them.
pub fn check(episodes: &[Episode], measured: &Measured<'_>) -> Diagnostics {
    use rayon::prelude::*;
    let measuring =
        crate::util::progress::Progress::new(t!("audio-progress-loudness"), episodes.len() as u64);
    let results: Vec<_> = episodes
        .par_iter()
        .map(|e| {
            let loudness = measured(e);
            measuring.step();
            (e, loudness)
        })
        .collect();
    let mut found = Diagnostics::default();
    for (episode, result) in results {
        match result {
            Ok(loudness) => found.extend(warnings(episode, &loudness)),
            Err(e) => found.push(Diagnostic::warning(&episode.audio, e.to_string())),
        }
    }
    found
}

/// The warnings about one episode's loudness, each with its figures and the fix.
pub fn warnings(episode: &Episode, loudness: &Loudness) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let file = &episode.audio;
    match loudness.integrated {
        None => found.push(
            Diagnostic::warning(file, t!("audio-loudness-silent"))
                .help(t!("audio-loudness-silent-help")),
        ),
        Some(lufs) if (lufs - TARGET_LUFS).abs() > TOLERANCE_LU => {
            let message = if lufs < TARGET_LUFS {
                t!("audio-loudness-too-quiet", lufs = decimal(lufs, 1))
            } else {
                t!("audio-loudness-too-loud", lufs = decimal(lufs, 1))
            };
            found.push(Diagnostic::warning(file, message).help(t!("audio-loudness-fix")));
        }
        Some(_) => {}
    }
    if let Some(peak) = loudness.true_peak.filter(|&p| p > MAX_TRUE_PEAK) {
        found.push(
            Diagnostic::warning(file, t!("audio-loudness-peak", peak = decimal(peak, 1)))
                .help(t!("audio-loudness-fix")),
        );
    }
    found
}
