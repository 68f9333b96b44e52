//! The episodes' audio in the show's `formats` (Opus, AAC), published beside the MP3s: each
//! encoded by ffmpeg (`encode.rs`) on every core, with a progress bar, and kept in the cache
//! by the content of its source and its format, so that a rebuild encodes only what changed
//! (a new tag is written on the kept audio, never encoded again). Sets each episode's
//! `alternates` and the SRI hash of its MP3 (`integrity`), which the feed lists together.

use std::collections::HashMap;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use rayon::prelude::*;

use crate::model::{Alternate, Episode, Format, Show};
use crate::output::{Content, Fresh, Made, OutputFile, Recipe, Tally};
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};
use crate::util::progress::Progress;

/// Makes a kept file (`crate::output::SourceCache::made`) with the maker it is given.
pub type Kept<'a> = dyn Fn(&Recipe<'_>, &dyn Fn(&Path, Option<&Path>) -> io::Result<()>) -> io::Result<(Made, Fresh)>
    + Sync
    + 'a;

/// The SRI hash of a published file, computed by the function given unless the cache knows
/// it (`crate::output::SourceCache::integrity`).
pub type Integrity<'a> =
    dyn Fn(&Content, &dyn Fn() -> io::Result<String>) -> io::Result<String> + Sync + 'a;

/// What the encodings take from the cache.
pub struct Cached<'a> {
    /// The content hash of a source file.
    pub hash: &'a (dyn Fn(&Path) -> io::Result<String> + Sync),
    pub kept: &'a Kept<'a>,
    pub integrity: &'a Integrity<'a>,
}

/// The alternate files of every episode, and how many were encoded (`made`) and retagged
/// (`remade`); `mp3s` are the published MP3s (from [`super::publish`]). Nothing to do, and
/// no ffmpeg needed, without `formats`.
pub fn alternates(
    root: &Path,
    show: &Show,
    episodes: &mut [Episode],
    mp3s: &[OutputFile],
    cached: &Cached<'_>,
) -> Result<(Vec<OutputFile>, Tally), Diagnostics> {
    if show.formats.is_empty() {
        return Ok((Vec::new(), Tally::default()));
    }
    let ffmpeg = super::encode::ffmpeg(root, show)?;
    let encoding = Progress::new(
        t!("audio-progress-encoding"),
        (episodes.len() * show.formats.len()) as u64,
    );
    let mp3s: HashMap<&str, &Content> =
        mp3s.iter().map(|f| (f.path.as_str(), &f.content)).collect();
    let results: Vec<Result<(Vec<OutputFile>, Tally), Diagnostic>> = episodes
        .par_iter_mut()
        .map(|episode| {
            let mp3 = mp3s[episode.audio_path().as_str()];
            let fail = |e: io::Error| Diagnostic::error(&episode.audio, e.to_string());
            episode.integrity = Some((cached.integrity)(mp3, &|| sri(mp3)).map_err(fail)?);
            let source = (cached.hash)(&episode.audio).map_err(fail)?;
            let metadata = super::encode::metadata(show, episode);
            let (mut files, mut alternates) = (Vec::new(), Vec::new());
            let mut done = Tally::default();
            for format in &show.formats {
                let (made, fresh) = encode_one(
                    &ffmpeg, episode, format, &source, &metadata, cached,
                )
                .map_err(|e| {
                    Diagnostic::error(&episode.audio, e.to_string())
                        .help(t!("audio-ffmpeg-failed-help"))
                })?;
                encoding.step();
                done.count(fresh);
                let path = episode.alternate_path(format.codec);
                alternates.push(Alternate {
                    format: *format,
                    path: path.clone(),
                    size: made.size,
                    integrity: made.integrity,
                });
                files.push(OutputFile {
                    path,
                    content: Content::Copy(made.path),
                });
            }
            episode.alternates = alternates;
            Ok((files, done))
        })
        .collect();
    let mut found = Diagnostics::default();
    let mut files = Vec::new();
    let mut total = Tally::default();
    for result in results {
        match result {
            Ok((made, done)) => {
                files.extend(made);
                total.add(done);
            }
            Err(diagnostic) => found.push(diagnostic),
        }
    }
    found.check()?;
    Ok((files, total))
}

/// The kept file of `episode` in `format`: its audio depends on the source's content and the
/// format, the rest on the tags.
fn encode_one(
    ffmpeg: &Path,
    episode: &Episode,
    format: &Format,
    source: &str,
    metadata: &str,
    cached: &Cached<'_>,
) -> io::Result<(Made, Fresh)> {
    let family = format!("{source}|{}|{}", format.codec.key(), format.bitrate);
    let key = format!("{family}|{metadata}");
    let recipe = Recipe {
        family: &family,
        key: &key,
        extension: format.codec.extension(),
    };
    (cached.kept)(&recipe, &|target, earlier| {
        super::encode::encode(ffmpeg, &episode.audio, format, metadata, target, earlier)
    })
}

/// The SRI hash of a published MP3: its tag, its cover, then its source's MPEG frames.
fn sri(content: &Content) -> io::Result<String> {
    let Content::Audio {
        tag,
        cover,
        source,
        start,
        end,
    } = content
    else {
        return Err(io::Error::other(
            "an MP3 is published from its source's frames",
        ));
    };
    let mut frames = std::fs::File::open(source)?;
    frames.seek(SeekFrom::Start(*start))?;
    let cover = cover.as_ref().map_or(&[][..], |c| c.bytes());
    crate::util::hash::sri_sha384(tag.as_slice().chain(cover).chain(frames.take(end - start)))
}
