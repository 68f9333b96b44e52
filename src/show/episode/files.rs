//! The files of an episode folder: its MP3 and its transcript, named in the front matter or
//! found by extension.

use std::path::{Path, PathBuf};

use crate::model::{Transcript, TranscriptFormat};
use crate::show::checker::Checker;
use crate::show::transcript;
use crate::show::yaml::Spanned;
use crate::t;
use crate::util::diag::Diagnostic;
use crate::util::paths;

/// The `.mp3` files of an episode folder's [`Listing`].
pub(super) fn mp3s(listing: &Listing) -> Vec<&PathBuf> {
    files_with(&listing.files, &["mp3"])
}

/// The MP3 named by `audio:`, or the only `.mp3` of the folder.
pub(super) fn audio_file(
    dir: &Path,
    listing: &Listing,
    named: Option<&Spanned<String>>,
    check: &mut Checker,
) -> Option<PathBuf> {
    if let Some(value) = named {
        return match paths::inside(dir, value.value.trim()) {
            Ok(path) if paths::extension(&path).as_deref() == Some("mp3") => Some(path),
            Ok(_) => {
                check.error_help(
                    value,
                    t!("show-audio-not-mp3", file = value.value.as_str()),
                    &t!("show-audio-not-mp3-help"),
                );
                None
            }
            Err(e) => {
                check.error(value, e);
                None
            }
        };
    }
    match mp3s(listing).as_slice() {
        [one] => listing.inside(dir, one, check),
        [] => {
            check
                .found
                .push(Diagnostic::error(dir, t!("show-no-mp3")).help(t!("show-add-mp3-help")));
            None
        }
        several => {
            let names: Vec<String> = several
                .iter()
                .map(|p| {
                    p.file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned()
                })
                .collect();
            check.found.push(
                Diagnostic::error(dir, t!("show-several-mp3", files = names.join(", ")))
                    .help(t!("show-several-mp3-help", first = names[0].as_str())),
            );
            None
        }
    }
}

/// The transcript named by `transcript:`, or the only `.vtt`/`.srt` of the folder.
pub(super) fn transcript_file(
    dir: &Path,
    listing: &Listing,
    named: Option<&Spanned<String>>,
    check: &mut Checker,
) -> Option<Transcript> {
    let source = match named {
        Some(value) => match paths::inside(dir, value.value.trim()) {
            Ok(path) => path,
            Err(e) => {
                check.error(value, e);
                return None;
            }
        },
        None => match files_with(&listing.files, &["vtt", "srt"]).as_slice() {
            [one] => listing.inside(dir, one, check)?,
            [] => return None,
            _ => {
                check.found.push(
                    Diagnostic::error(dir, t!("show-several-transcripts"))
                        .help(t!("show-several-transcripts-help")),
                );
                return None;
            }
        },
    };
    let format = match paths::extension(&source).as_deref() {
        Some("vtt") => TranscriptFormat::Vtt,
        Some("srt") => TranscriptFormat::Srt,
        _ => {
            let value = named.expect("found files have a known extension");
            check.error_help(
                value,
                t!("show-transcript-format", file = value.value.as_str()),
                &t!("show-transcript-format-help"),
            );
            return None;
        }
    };
    let text = match paths::read_text(&source) {
        Ok(text) => text,
        Err(e) => {
            check.found.push(Diagnostic::error(
                &source,
                t!("show-transcript-unreadable", error = e.to_string()),
            ));
            return None;
        }
    };
    match transcript::parse(&text, format) {
        Ok(cues) => Some(Transcript {
            source,
            format,
            cues,
        }),
        Err((line, message)) => {
            check.found.push(
                Diagnostic::error(&source, message)
                    .at(line, 1)
                    .help(t!("show-transcript-help")),
            );
            None
        }
    }
}

/// The files of an episode folder (links to files included), sorted, and which of them are
/// links: the folder is listed once, and the entries' types say what is a link without a
/// `stat` of each file.
pub(super) struct Listing {
    pub files: Vec<PathBuf>,
    links: Vec<PathBuf>,
}

impl Listing {
    pub fn of(dir: &Path) -> Self {
        let mut listing = Listing {
            files: Vec::new(),
            links: Vec::new(),
        };
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            match paths::entry_type(&entry) {
                Some(t) if t.kind.is_file() => {
                    if t.link {
                        listing.links.push(entry.path());
                    }
                    listing.files.push(entry.path());
                }
                _ => {}
            }
        }
        listing.files.sort();
        listing
    }

    /// `file`, listed in `dir`, unless it is a link out of the folder (an error then).
    fn inside(&self, dir: &Path, file: &Path, check: &mut Checker) -> Option<PathBuf> {
        if !self.links.iter().any(|link| link == file) {
            return Some(file.to_path_buf());
        }
        match paths::within(dir, file) {
            Ok(_) => Some(file.to_path_buf()),
            Err(e) => {
                check.found.push(Diagnostic::error(file, e));
                None
            }
        }
    }
}

/// The files of a [`Listing`] whose lowercase extension is one of `extensions`.
fn files_with<'a>(listing: &'a [PathBuf], extensions: &[&str]) -> Vec<&'a PathBuf> {
    listing
        .iter()
        .filter(|p| paths::extension(p).is_some_and(|e| extensions.contains(&e.as_str())))
        .collect()
}
