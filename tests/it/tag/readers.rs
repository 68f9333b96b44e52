//! The real readers the published MP3 must satisfy, each returning what it saw as JSON, or
//! `None` when it is not installed and `CARNETS_CONFORMANCE` is not set (see `common::tool`).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::common;

fn run(command: &mut Command) -> Vec<u8> {
    let output = command.output().expect("the reader starts");
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn json(command: &mut Command) -> Value {
    let stdout = run(command);
    serde_json::from_slice(&stdout).unwrap_or_else(|e| {
        panic!(
            "{command:?} printed no JSON ({e}): {}",
            String::from_utf8_lossy(&stdout)
        )
    })
}

/// mutagen (Python): the raw v2.3 frames, the tag version and size, the MPEG stream info.
/// The data of the APIC frame, if any, is written to `apic_out`.
pub fn mutagen(mp3: &Path, apic_out: &Path) -> Option<Value> {
    let python = common::python_module("mutagen")?;
    let script = common::repo().join("tests/py/read_id3.py");
    Some(json(
        Command::new(python).arg(script).arg(mp3).arg(apic_out),
    ))
}

/// `ffprobe -show_chapters -show_format -show_streams -of json`.
pub fn ffprobe(mp3: &Path) -> Option<Value> {
    let ffprobe = common::tool("ffprobe")?;
    Some(json(
        Command::new(ffprobe)
            .args([
                "-v",
                "error",
                "-show_chapters",
                "-show_format",
                "-show_streams",
                "-of",
                "json",
            ])
            .arg(mp3),
    ))
}

/// music-metadata (Node), through `tests/js/read-tags.mjs`. Its `node_modules` (from
/// `npm ci --prefix tests/js`) counts as part of the tool.
pub fn music_metadata(mp3: &Path) -> Option<Value> {
    let node = common::tool("node")?;
    let js = common::repo().join("tests/js");
    if !js.join("node_modules/music-metadata").is_dir() {
        if common::conformance_required() {
            panic!(
                "music-metadata is required by CARNETS_CONFORMANCE=1: run `npm ci --prefix tests/js`"
            );
        }
        eprintln!("skipping: music-metadata is not installed (npm ci --prefix tests/js)");
        return None;
    }
    Some(json(
        Command::new(node).arg(js.join("read-tags.mjs")).arg(mp3),
    ))
}

/// MD5 of the audio stream as ffmpeg demuxes it, packets copied, no decoding: equal for two
/// files exactly when their MPEG frames are.
pub fn ffmpeg_audio_md5(mp3: &Path) -> Option<String> {
    let ffmpeg = common::tool("ffmpeg")?;
    let stdout = run(Command::new(ffmpeg)
        .args(["-v", "error", "-i"])
        .arg(mp3)
        .args(["-map", "0:a", "-c", "copy", "-f", "md5", "-"]));
    let line = String::from_utf8(stdout).unwrap();
    let md5 = line
        .trim()
        .strip_prefix("MD5=")
        .unwrap_or_else(|| panic!("ffmpeg printed {line:?}"));
    Some(md5.to_string())
}

/// The frame `id` among mutagen's top-level frames; panics unless there is exactly one.
pub fn frame<'a>(mutagen: &'a Value, id: &str) -> &'a Value {
    let mut found = all(mutagen, id).into_iter();
    let first = found
        .next()
        .unwrap_or_else(|| panic!("mutagen found no {id} frame in {mutagen:#}"));
    assert!(found.next().is_none(), "more than one {id} frame");
    first
}

/// Every top-level frame `id` that mutagen found, in file order.
pub fn all<'a>(mutagen: &'a Value, id: &str) -> Vec<&'a Value> {
    mutagen["frames"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"] == id)
        .collect()
}

/// The single text of a text frame that mutagen found.
pub fn text(mutagen: &Value, id: &str) -> String {
    let frame = frame(mutagen, id);
    let texts = frame["text"]
        .as_array()
        .unwrap_or_else(|| panic!("{id} is not a text frame: {frame}"));
    assert_eq!(texts.len(), 1, "{id} holds one value: {frame}");
    texts[0].as_str().unwrap().to_string()
}

/// A scratch path for APIC data next to the published file.
pub fn apic_path(dir: &Path) -> PathBuf {
    dir.join("apic.bin")
}
