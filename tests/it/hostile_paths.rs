//! Hostile paths end to end: `..`, absolute paths and symlinks that lead out of the podcast
//! folder are refused wherever a file is named or found (`audio:`, `image:`, `transcript:`,
//! the MP3 and transcript found in a folder, a linked episode folder), and file names with
//! spaces, Unicode, newlines or bytes that are not UTF-8 are published under the slug.

use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::symlink;
use std::path::Path;

use crate::common::tree;
use crate::reliability_support::{
    add_front_matter, assert_refused, build, check, episode_dir, one_episode,
};

const VTT: &str = "WEBVTT\n\n00:00.000 --> 00:01.000\nSecret.\n";

/// Valid files next to the podcast folder, which it must never publish.
fn secrets(outside: &Path, root: &Path) {
    fs::copy(
        episode_dir(root).join("audio.mp3"),
        outside.join("secret.mp3"),
    )
    .unwrap();
    fs::copy(root.join("cover.jpg"), outside.join("secret.jpg")).unwrap();
    fs::write(outside.join("secret.vtt"), VTT).unwrap();
}

#[test]
fn dotdot_and_absolute_paths_are_refused() {
    let (tmp, root) = one_episode();
    secrets(tmp.path(), &root);
    let original = fs::read_to_string(episode_dir(&root).join("episode.md")).unwrap();
    for (key, value, needle) in [
        ("audio", "../../../secret.mp3", "no `..`"),
        ("image", "../../../secret.jpg", "no `..`"),
        ("transcript", "../../../secret.vtt", "no `..`"),
        ("image", "../../cover.jpg", "no `..`"),
        ("audio", "sub/../../../secret.mp3", "no `..`"),
        ("audio", "/etc/passwd", "relative"),
        ("transcript", "/etc/passwd", "relative"),
    ] {
        fs::write(episode_dir(&root).join("episode.md"), &original).unwrap();
        add_front_matter(&root, &format!("{key}: \"{value}\"\n"));
        assert_refused(&check(&root), needle);
    }
    let yaml = root.join("podcast.yaml");
    let show = fs::read_to_string(&yaml).unwrap();
    fs::write(
        &yaml,
        show.replace("image: cover.jpg", "image: ../secret.jpg"),
    )
    .unwrap();
    fs::write(episode_dir(&root).join("episode.md"), &original).unwrap();
    assert_refused(&check(&root), "no `..`");
}

#[test]
fn symlinks_out_of_the_folder_are_refused_when_named() {
    let (tmp, root) = one_episode();
    secrets(tmp.path(), &root);
    let dir = episode_dir(&root);
    let original = fs::read_to_string(dir.join("episode.md")).unwrap();
    for (key, name) in [
        ("audio", "secret.mp3"),
        ("image", "secret.jpg"),
        ("transcript", "secret.vtt"),
    ] {
        symlink(tmp.path().join(name), dir.join(format!("link-{name}"))).unwrap();
        fs::write(dir.join("episode.md"), &original).unwrap();
        add_front_matter(&root, &format!("{key}: link-{name}\n"));
        assert_refused(&check(&root), "outside");
        fs::remove_file(dir.join(format!("link-{name}"))).unwrap();
    }
    // A link to the show's own cover, out of the episode folder, is refused too.
    symlink(root.join("cover.jpg"), dir.join("cover.jpg")).unwrap();
    fs::write(dir.join("episode.md"), &original).unwrap();
    add_front_matter(&root, "image: cover.jpg\n");
    assert_refused(&check(&root), "outside");
}

#[test]
fn symlinks_out_of_the_folder_are_refused_when_found() {
    let (tmp, root) = one_episode();
    secrets(tmp.path(), &root);
    let dir = episode_dir(&root);
    fs::remove_file(dir.join("audio.mp3")).unwrap();
    symlink(tmp.path().join("secret.mp3"), dir.join("audio.mp3")).unwrap();
    let outcome = build(&root);
    assert_refused(&outcome, "outside");
    assert!(!root.join("public").exists(), "{outcome:?}");

    fs::remove_file(dir.join("audio.mp3")).unwrap();
    fs::copy(tmp.path().join("secret.mp3"), dir.join("audio.mp3")).unwrap();
    symlink(tmp.path().join("secret.vtt"), dir.join("transcript.vtt")).unwrap();
    assert_refused(&build(&root), "outside");
    assert!(!root.join("public").exists());
}

#[test]
fn a_linked_episode_folder_from_elsewhere_is_refused() {
    let (tmp, root) = one_episode();
    let elsewhere = tmp.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    fs::copy(
        episode_dir(&root).join("audio.mp3"),
        elsewhere.join("a.mp3"),
    )
    .unwrap();
    fs::write(
        elsewhere.join("episode.md"),
        "---\ntitle: Ailleurs\ndate: 2026-01-20 08:00\n---\nSecret.\n",
    )
    .unwrap();
    symlink(&elsewhere, root.join("episodes/002-ailleurs")).unwrap();
    let outcome = build(&root);
    assert_refused(&outcome, "outside");
    assert!(!root.join("public").exists(), "{outcome:?}");
}

#[test]
fn file_names_with_spaces_unicode_newlines_and_raw_bytes_publish_under_the_slug() {
    let (_tmp, root) = one_episode();
    let dir = episode_dir(&root);
    let strange = "Mon épisode\nfinal 🎙 .mp3";
    fs::rename(dir.join("audio.mp3"), dir.join(strange)).unwrap();
    fs::write(dir.join("trans cript\té.vtt"), VTT).unwrap();
    let outcome = build(&root);
    assert_eq!(outcome.code, Some(0), "{outcome:?}");
    let published = tree(&root.join("public"));
    assert!(published.contains_key("episodes/001-cbr/001-cbr.mp3"));
    assert!(published.contains_key("episodes/001-cbr/transcript.vtt"));
    assert!(
        published
            .keys()
            .all(|p| p.is_ascii() && !p.contains([' ', '\n', '\t'])),
        "{:?}",
        published.keys()
    );

    // Named in the front matter, with YAML escapes.
    add_front_matter(
        &root,
        "audio: \"Mon \\u00e9pisode\\nfinal \\U0001F399 .mp3\"\n",
    );
    assert_eq!(build(&root).code, Some(0));

    // A name that is not UTF-8 at all.
    let raw = std::ffi::OsStr::from_bytes(b"audio-\xff\xfe.mp3");
    fs::rename(dir.join(strange), dir.join(raw)).unwrap();
    let md = dir.join("episode.md");
    let text = fs::read_to_string(&md).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("audio:")).collect();
    fs::write(&md, kept.join("\n") + "\n").unwrap();
    let outcome = build(&root);
    assert_eq!(outcome.code, Some(0), "{outcome:?}");
}

/// The stamp (JSON) could not hold a file name that is not UTF-8: a build whose inputs held one
/// and had settled (not changed in the last moments, so the build stamped) failed with "path
/// contains invalid UTF-8 characters". Such a build now leaves no stamp, and the next runs in
/// full.
#[test]
fn a_file_name_that_is_not_utf8_does_not_fail_the_stamp() {
    let (_tmp, root) = one_episode();
    let dir = episode_dir(&root);
    fs::write(
        dir.join(std::ffi::OsStr::from_bytes(b"notes-\xff.txt")),
        "x",
    )
    .unwrap();
    assert_eq!(build(&root).code, Some(0));
    // Past the stamp's allowance for inputs that change while the build starts.
    std::thread::sleep(std::time::Duration::from_millis(100));
    fs::write(dir.join("other.txt"), "y").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(100));
    let outcome = build(&root);
    assert_eq!(outcome.code, Some(0), "{outcome:?}");
    let again = build(&root);
    assert_eq!(again.code, Some(0), "{again:?}");
}

#[test]
fn an_episode_folder_with_a_newline_in_its_name_gets_a_slug_suggestion() {
    let (_tmp, root) = one_episode();
    fs::rename(episode_dir(&root), root.join("episodes/Mon Épisode\n2")).unwrap();
    let outcome = check(&root);
    assert_refused(&outcome, "mon-episode-2");
}
