//! ffmpeg, as carnets runs it for the alternate encodings: an episode's source MP3 encoded to
//! Opus (libopus, in Ogg) or AAC (ffmpeg's own encoder, in MP4 with its index first, so that
//! players start before the end is downloaded), with the episode's tags and chapters in the
//! container (Vorbis comments and chapter comments in Ogg; iTunes atoms and a chapter track
//! in MP4). ffmpeg reads the tags as an FFMETADATA file on its standard input.
//!
//! Output is bit-exact (`+bitexact`: no encoder version, no creation time, fixed Ogg serial
//! numbers), so the same source and tags give the same bytes on every machine with the same
//! ffmpeg.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::model::{Codec, Episode, Format, Show};
use crate::t;
use crate::util::diag::Diagnostic;
use crate::util::text::strip_control_chars;

/// `ffmpeg` on the `PATH`, or the error that says how to install it (at `formats:` of
/// `podcast.yaml`, in `root`).
pub fn ffmpeg(root: &Path, show: &Show) -> Result<PathBuf, Diagnostic> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("ffmpeg"))
            .find(|candidate| is_executable(candidate))
    });
    found.ok_or_else(|| {
        let pos = show.formats.first().map(|f| f.pos).unwrap_or_default();
        Diagnostic::error(root.join("podcast.yaml"), t!("audio-ffmpeg-missing"))
            .at_pos(pos)
            .help(t!("audio-ffmpeg-missing-help"))
    })
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// The episode's tags and chapters as an FFMETADATA file: what the MP3's ID3 tag says, in the
/// words of the containers (`title`, `artist`, `album`, `date`, `track`, `disc`, `genre`,
/// `comment`, `language`), and one `[CHAPTER]` per chapter, in milliseconds.
pub fn metadata(show: &Show, episode: &Episode) -> String {
    let mut text = String::from(";FFMETADATA1\n");
    let mut tag = |key: &str, value: &str| {
        text.push_str(key);
        text.push('=');
        text.push_str(&escape(value));
        text.push('\n');
    };
    tag("title", &episode.title);
    tag("artist", &super::tag::author(show, episode));
    tag("album", &show.title);
    tag("date", &episode.date.strftime("%Y-%m-%d").to_string());
    if let Some(number) = episode.number {
        tag("track", &number.to_string());
    }
    if let Some(season) = episode.season {
        tag("disc", &season.to_string());
    }
    tag("genre", super::tag::GENRE);
    if let Some(summary) = &episode.summary {
        tag("comment", summary);
    }
    tag("language", &super::tag::iso639_2(&show.language));
    let spans = super::tag::chapter_spans(&episode.chapters, episode.media.duration_ms());
    for (chapter, (start, end)) in episode.chapters.iter().zip(spans) {
        text.push_str(&format!(
            "\n[CHAPTER]\nTIMEBASE=1/1000\nSTART={start}\nEND={end}\ntitle={}\n",
            escape(&chapter.title)
        ));
    }
    text
}

/// A value of an FFMETADATA file: `=`, `;`, `#`, `\` and line ends escaped with `\`, control
/// characters dropped.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in strip_control_chars(value).chars() {
        match c {
            '=' | ';' | '#' | '\\' | '\n' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes `source` encoded in `format` with the tags of `metadata` at `target`; when `earlier`
/// (the same audio in the same format, other tags) is given, its audio is copied instead of
/// encoded again.
pub fn encode(
    ffmpeg: &Path,
    source: &Path,
    format: &Format,
    metadata: &str,
    target: &Path,
    earlier: Option<&Path>,
) -> io::Result<()> {
    let mut command = Command::new(ffmpeg);
    command
        .args(["-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i"])
        .arg(earlier.unwrap_or(source))
        .args(["-f", "ffmetadata", "-i", "pipe:0"])
        .args(["-map", "0:a:0", "-map_chapters", "1"])
        // The tags are those of the file on stdin, none of the input's (Ogg keeps them on
        // the stream, where a copied stream would bring its old ones).
        .args(["-map_metadata", "1", "-map_metadata:s:a", "-1"])
        .args([
            "-fflags",
            "+bitexact",
            "-flags:a",
            "+bitexact",
            "-threads",
            "1",
        ]);
    let bitrate = format.bitrate.to_string();
    match (earlier, format.codec) {
        (Some(_), _) => command.args(["-c:a", "copy"]),
        (None, Codec::Opus) => command.args(["-c:a", "libopus", "-b:a", &bitrate]),
        (None, Codec::Aac) => command.args(["-c:a", "aac", "-b:a", &bitrate]),
    };
    match format.codec {
        Codec::Opus => command.args(["-f", "ogg"]),
        Codec::Aac => command.args(["-movflags", "+faststart", "-f", "ipod"]),
    };
    let mut child = command
        .arg(target)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            io::Error::other(t!(
                "audio-ffmpeg-cannot-run",
                path = ffmpeg.display().to_string(),
                error = e.to_string()
            ))
        })?;
    let written = child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(metadata.as_bytes());
    let output = child.wait_with_output()?;
    let said = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() || written.is_err() {
        // ffmpeg's last line says why, in its words (an argument, not translated).
        return Err(io::Error::other(match said.trim().lines().last() {
            Some(why) => t!("audio-ffmpeg-failed", format = format.title(), why = why),
            None => t!("audio-ffmpeg-failed-silently", format = format.title()),
        }));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Chapter;
    use crate::testutil::{episode, show};

    #[test]
    fn metadata_escapes_and_lists_the_chapters_in_milliseconds() {
        let mut e = episode("001-a", "g", "2026-01-10 08:00");
        e.title = "L'IA = 1 ; #2 \\ fin\nligne".into();
        e.number = Some(12);
        let chapter = |start_ms, title: &str| Chapter {
            start_ms,
            title: title.into(),
            ..Chapter::default()
        };
        e.chapters = vec![chapter(0, "Intro"), chapter(12_500, "Suite")];
        let text = metadata(&show(), &e);
        assert!(
            text.starts_with(";FFMETADATA1\ntitle=L'IA \\= 1 \\; \\#2 \\\\ fin\\\nligne\n"),
            "{text}"
        );
        assert!(text.contains("\nalbum=Les Carnets de l'IA\n"), "{text}");
        assert!(
            text.contains("\ntrack=12\n") && text.contains("\ngenre=Podcast\n"),
            "{text}"
        );
        assert!(text.contains("\nlanguage=fre\n"), "{text}");
        assert!(
            text.ends_with("[CHAPTER]\nTIMEBASE=1/1000\nSTART=12500\nEND=60000\ntitle=Suite\n"),
            "{text}"
        );
    }
}
