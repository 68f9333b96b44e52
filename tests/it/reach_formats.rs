//! The alternate encodings over time: kept by the content of their source and their format,
//! so that a rebuild encodes nothing, an edit of the notes nothing, a new title only retags
//! (the audio packets stay the same), a new bitrate encodes that format again; and ffmpeg
//! needed only with `formats:`, with the way to install it when it is missing.

use std::path::Path;
use std::process::Command;

use crate::common::{self, carnets, run};
use crate::reach_support::{copy, ffprobe};

fn build(root: &Path) -> String {
    let (code, _, stderr) = run(carnets().arg("build").arg("--root").arg(root));
    assert_eq!(code, 0, "{stderr}");
    stderr
}

/// The MD5 of the audio packets of a file, as ffmpeg copies them (tags left out).
fn packets(ffmpeg: &Path, file: &Path) -> String {
    let out = Command::new(ffmpeg)
        .args(["-v", "error", "-i"])
        .arg(file)
        .args(["-map", "0:a", "-c", "copy", "-f", "md5", "-"])
        .output()
        .expect("ffmpeg runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} in {file}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_rebuild_encodes_nothing_an_edit_of_the_title_only_retags_and_a_new_bitrate_encodes_again() {
    let (Some(ffmpeg), Some(probe)) = (common::tool("ffmpeg"), common::tool("ffprobe")) else {
        return;
    };
    let (_dir, root) = copy();
    let first = build(&root);
    assert!(first.contains("; 6 file(s) encoded, 0 retagged"), "{first}");
    let opus = root.join("public/episodes/001-premiere-antenne/001-premiere-antenne.opus");
    let m4a = opus.with_extension("m4a");
    let before = (packets(&ffmpeg, &opus), packets(&ffmpeg, &m4a));

    let episode = "episodes/001-premiere-antenne/episode.md";
    edit(&root, episode, "la grayline", "la ligne grise");
    let notes = build(&root);
    assert!(notes.contains("; 0 file(s) encoded, 0 retagged"), "{notes}");

    edit(
        &root,
        episode,
        "d'un bout à l'autre du monde",
        "jusqu'aux antipodes",
    );
    let retitled = build(&root);
    assert!(
        retitled.contains("; 0 file(s) encoded, 2 retagged"),
        "{retitled}"
    );
    assert_eq!(
        before,
        (packets(&ffmpeg, &opus), packets(&ffmpeg, &m4a)),
        "the same audio"
    );
    let title = |file: &Path| {
        let read = ffprobe(&probe, file);
        let tags = [&read["streams"][0]["tags"], &read["format"]["tags"]];
        tags.iter()
            .find_map(|t| t["title"].as_str().map(str::to_string))
    };
    for file in [&opus, &m4a] {
        assert_eq!(
            title(file).as_deref(),
            Some("Première antenne : jusqu'aux antipodes"),
            "{}",
            file.display()
        );
    }
    // The retitled encodings replace the old ones in the cache (two per episode, no more).
    let kept = std::fs::read_dir(root.join(".carnets/encoded"))
        .unwrap()
        .count();
    assert_eq!(kept, 6);

    edit(&root, "podcast.yaml", "bitrate: 32k", "bitrate: 24k");
    let rate = build(&root);
    assert!(rate.contains("; 3 file(s) encoded, 0 retagged"), "{rate}");
    assert_ne!(
        before.0,
        packets(&ffmpeg, &opus),
        "Opus encoded again at 24k"
    );
    assert_eq!(before.1, packets(&ffmpeg, &m4a), "AAC kept");
    let feed = std::fs::read_to_string(root.join("public/feed.xml")).unwrap();
    assert!(
        feed.contains("bitrate=\"24000\" codecs=\"opus\" title=\"Opus 24 kbit/s\""),
        "{feed}"
    );
}

/// A `PATH` with nothing on it: no ffmpeg.
fn without_tools(command: &mut Command, empty: &Path) -> (i32, String, String) {
    run(command.env("PATH", empty))
}

#[test]
fn formats_need_ffmpeg_and_the_error_says_how_to_install_it() {
    let (dir, root) = copy();
    let empty = dir.path().join("empty-path");
    std::fs::create_dir_all(&empty).unwrap();
    for command in ["build", "check"] {
        let (code, _, stderr) =
            without_tools(carnets().arg(command).arg("--root").arg(&root), &empty);
        assert_eq!(code, 1, "{command}: {stderr}");
        assert!(
            stderr.contains("podcast.yaml:16:11: error: `formats:` needs ffmpeg to encode the episodes, and ffmpeg is not installed"),
            "{command}: {stderr}"
        );
        assert!(
            stderr.contains("help: install ffmpeg (Debian, Ubuntu: `sudo apt install ffmpeg`"),
            "{stderr}"
        );
    }
    assert!(
        !root.join("public").exists(),
        "a failed build writes nothing"
    );
}

#[test]
fn without_formats_a_build_needs_no_ffmpeg_and_lists_no_alternate() {
    let (dir, root) = common::podcast("podcast");
    let empty = dir.path().join("empty-path");
    std::fs::create_dir_all(&empty).unwrap();
    let (code, _, stderr) = without_tools(carnets().arg("build").arg("--root").arg(&root), &empty);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("encoded"), "{stderr}");
    let feed = std::fs::read_to_string(root.join("public/feed.xml")).unwrap();
    assert!(!feed.contains("alternateEnclosure") && !feed.contains("integrity"));
    assert!(!root.join(".carnets/encoded").exists());
}
