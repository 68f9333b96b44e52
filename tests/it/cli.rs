//! The command line end to end: exit codes, messages, what is written and what is not.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use crate::common::{carnets, podcast, run, tree};

fn build(root: &Path) -> (i32, String, String) {
    run(carnets().arg("build").arg("--root").arg(root))
}

/// The podcast's own files: everything but the output, the cache and the lock file.
fn sources(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = tree(root);
    files.retain(|path, _| {
        !path.starts_with("public/") && !path.starts_with(".carnets/") && path != "carnets.lock"
    });
    files
}

#[test]
fn build_publishes_every_episode() {
    let (_tmp, root) = podcast("podcast");
    let (code, _, stderr) = build(&root);
    assert_eq!(code, 0, "{stderr}");
    let public = root.join("public");
    for slug in [
        "001-cbr",
        "002-vbr-sans-xing",
        "003-mpeg2",
        "004-mpeg25-etiquete",
    ] {
        assert!(
            public.join(format!("episodes/{slug}/{slug}.mp3")).is_file(),
            "{slug}"
        );
    }
    assert!(public.join("feed.xml").is_file());
    assert!(public.join("cover.jpg").is_file());
    assert!(public.join("episodes/001-cbr/chapters.json").is_file());
    assert!(stderr.contains("built 4 episode(s)"), "{stderr}");
}

#[test]
fn a_build_never_modifies_the_sources() {
    let (_tmp, root) = podcast("podcast");
    let before = sources(&root);
    assert_eq!(build(&root).0, 0);
    assert_eq!(build(&root).0, 0);
    assert_eq!(before, sources(&root));
}

/// `check` writes nothing of the podcast or the output: only its loudness measurements, in
/// the cache folder.
#[test]
fn check_writes_nothing_but_its_cache() {
    let (tmp, root) = podcast("podcast");
    let before = tree(tmp.path());
    let (code, _, stderr) = run(carnets().arg("check").arg("--root").arg(&root));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("checked 4 episode(s)"), "{stderr}");
    let mut after = tree(tmp.path());
    assert!(
        after.remove("p/.carnets/loudness.json").is_some(),
        "{after:?}"
    );
    assert_eq!(before, after);
}

#[test]
fn bad_yaml_exits_1_and_names_the_file_and_line() {
    let (_tmp, root) = podcast("podcast");
    let md = root.join("episodes/003-mpeg2/episode.md");
    let text = fs::read_to_string(&md)
        .unwrap()
        .replace("type: bonus", "type: [bonus");
    fs::write(&md, text).unwrap();
    let (code, _, stderr) = build(&root);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("episodes/003-mpeg2/episode.md:7:7: error:"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
}

#[test]
fn a_non_mp3_and_a_truncated_mp3_are_errors_naming_the_file() {
    let (_tmp, root) = podcast("podcast");
    fs::write(
        root.join("episodes/003-mpeg2/audio.mp3"),
        b"RIFF\0\0\0\0WAVEfmt not an mp3 at all",
    )
    .unwrap();
    let cut = root.join("episodes/001-cbr/audio.mp3");
    let bytes = fs::read(&cut).unwrap();
    fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let (code, _, stderr) = build(&root);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("episodes/003-mpeg2/audio.mp3: error:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("episodes/001-cbr/audio.mp3: error:"),
        "{stderr}"
    );
    assert!(stderr.contains("2 error(s)"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(carnets().arg("publish")).0, 2);
    assert_eq!(run(carnets().args(["build", "--drafts=maybe"])).0, 2);
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let (_tmp, root) = podcast("podcast");
    assert_eq!(build(&root).0, 0);
    let before = tree(&root.join("public"));
    fs::write(root.join("podcast.yaml"), "title: [broken\n").unwrap();
    assert_eq!(build(&root).0, 1);
    assert_eq!(before, tree(&root.join("public")));
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let (_tmp, root) = podcast("podcast");
    let a = root.join("out-a");
    let b = root.join("out-b");
    for out in [&a, &b] {
        let (code, _, stderr) = run(carnets()
            .arg("build")
            .arg("--root")
            .arg(&root)
            .arg("--out")
            .arg(out));
        assert_eq!(code, 0, "{stderr}");
    }
    assert_eq!(tree(&a), tree(&b));
}

#[test]
fn a_no_op_rebuild_writes_nothing() {
    // A fixture podcast, and this repository's own.
    for (_tmp, root) in [podcast("podcast"), crate::common::repo_podcast()] {
        assert_eq!(build(&root).0, 0);
        let stamp = |p: &Path| {
            walkdir::WalkDir::new(p)
                .into_iter()
                .map(|e| e.unwrap())
                .map(|e| {
                    let m = e.metadata().unwrap();
                    (e.path().to_path_buf(), m.ino(), m.mtime(), m.mtime_nsec())
                })
                .collect::<Vec<_>>()
        };
        let before = stamp(&root.join("public"));
        assert!(before.len() > 20, "{before:?}");
        let (code, _, stderr) = build(&root);
        assert_eq!(code, 0);
        assert!(stderr.contains("0 file(s) written"), "{stderr}");
        assert_eq!(before, stamp(&root.join("public")));
    }
}

#[test]
fn init_then_new_give_a_podcast_that_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("mon-podcast");
    let (code, _, stderr) = run(carnets().arg("init").arg(&root));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("next: edit"), "{stderr}");
    let (code, _, stderr) = run(carnets()
        .args(["new", "L'été à Noël !", "--root"])
        .arg(&root));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        root.join("episodes/002-l-ete-a-noel/episode.md").is_file(),
        "{stderr}"
    );
    let (code, _, stderr) = build(&root);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("built 1 episode(s)"),
        "the new draft waits: {stderr}"
    );
    assert!(
        root.join("public/episodes/001-bienvenue/001-bienvenue.mp3")
            .is_file()
    );
    let (code, _, stderr) = run(carnets().arg("init").arg(&root));
    assert_eq!(code, 1, "init never overwrites: {stderr}");
}

/// Regression: the example episode that `carnets init` wrote failed the loudness rule of
/// the `check` it tells the producer to run (its MP3 was at -22.9 LUFS against -16).
#[test]
fn the_example_of_init_passes_its_own_check_loudness_included() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("mon-podcast");
    let (code, _, stderr) = run(carnets().arg("init").arg(&root));
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run(carnets().arg("check").arg("--root").arg(&root));
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    assert!(
        stderr.contains("checked 1 episode(s): no errors"),
        "{stderr}"
    );
}

/// Inode of every published MP3, by slug.
fn mp3_inodes(public: &Path) -> std::collections::BTreeMap<String, u64> {
    walkdir::WalkDir::new(public)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "mp3"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.metadata().unwrap().ino(),
            )
        })
        .collect()
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn an_episode_title_retags_that_episode_only_and_the_show_title_retags_all() {
    let (_tmp, root) = podcast("podcast");
    assert_eq!(build(&root).0, 0);
    let public = root.join("public");
    let first = mp3_inodes(&public);
    edit(
        &root.join("episodes/003-mpeg2/episode.md"),
        "MPEG-2 à 24 kHz",
        "MPEG-2 à 24 kHz, revu",
    );
    let (code, _, stderr) = build(&root);
    assert_eq!(code, 0, "{stderr}");
    let second = mp3_inodes(&public);
    let changed: Vec<&String> = first.keys().filter(|k| first[*k] != second[*k]).collect();
    assert_eq!(changed, ["003-mpeg2.mp3"]);
    edit(
        &root.join("podcast.yaml"),
        "Essais & Mesures <IA>",
        "Essais & Mesures",
    );
    assert_eq!(build(&root).0, 0);
    let third = mp3_inodes(&public);
    assert!(
        second.keys().all(|k| second[k] != third[k]),
        "every MP3 re-tagged"
    );
    let fresh = root.join("fresh");
    let (code, _, _) = run(carnets()
        .arg("build")
        .arg("--root")
        .arg(&root)
        .arg("--out")
        .arg(&fresh));
    assert_eq!(code, 0);
    assert_eq!(
        tree(&public),
        tree(&fresh),
        "incremental output = output from scratch"
    );
}

#[test]
fn errors_show_the_offending_line_and_quiet_hides_the_rest() {
    let (_tmp, root) = podcast("podcast");
    edit(
        &root.join("episodes/003-mpeg2/episode.md"),
        "type: bonus",
        "typ: bonus",
    );
    let (code, _, stderr) = build(&root);
    assert_eq!(code, 1);
    assert!(stderr.contains(" 7 | typ: bonus\n   | ^\n"), "{stderr}");
    edit(
        &root.join("episodes/003-mpeg2/episode.md"),
        "typ: bonus",
        "type: bonus",
    );
    edit(
        &root.join("episodes/003-mpeg2/episode.md"),
        "MPEG-2 à 24 kHz",
        "Épisode 3 : MPEG-2 à 24 kHz",
    );
    let (code, _, stderr) = build(&root);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("warning: the title repeats the episode number 3"),
        "{stderr}"
    );
    let (code, _, stderr) = run(carnets().args(["build", "--quiet", "--root"]).arg(&root));
    assert_eq!((code, stderr.as_str()), (0, ""));
}

#[test]
fn an_episode_that_fails_to_load_is_not_reported_gone_from_the_lock() {
    let (_tmp, root) = podcast("podcast");
    assert_eq!(build(&root).0, 0);
    edit(
        &root.join("episodes/003-mpeg2/episode.md"),
        "type: bonus",
        "type: [bonus",
    );
    let (code, _, stderr) = build(&root);
    assert_eq!(code, 1);
    assert!(!stderr.contains("folder is gone"), "{stderr}");
    assert!(stderr.contains("1 error(s), 0 warning(s)"), "{stderr}");
}

#[test]
fn verbose_times_each_stage_and_plain_output_has_no_progress_bar() {
    let (_tmp, root) = podcast("podcast");
    let (code, _, stderr) = run(carnets().args(["build", "--verbose", "--root"]).arg(&root));
    assert_eq!(code, 0, "{stderr}");
    for stage in ["load", "tag", "render", "publish"] {
        assert!(stderr.contains(&format!("trace: {stage} ")), "{stderr}");
    }
    // stderr is a pipe here: no bar, no escape sequence.
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\r'),
        "{stderr:?}"
    );
    assert_eq!(run(carnets().args(["build", "--quiet", "--verbose"])).0, 2);
}
