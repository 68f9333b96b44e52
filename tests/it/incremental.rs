//! Incremental builds: whatever changed, a rebuild gives the bytes a build from scratch gives,
//! whether it is spared by the build's stamp, reuses the kept staging folder, or runs in full.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use carnets::BuildOptions;

use crate::common::{carnets, copy_tree, podcast, repo as carnets_repo, run, tree};

/// Builds `root` into `root/public` with the binary; returns its stderr (with the trace).
fn build(root: &Path) -> String {
    let (code, _, stderr) = run(carnets()
        .env("CARNETS_TRACE", "1")
        .arg("build")
        .arg("--root")
        .arg(root));
    assert_eq!(code, 0, "{stderr}");
    stderr
}

/// The output of a build of `root`'s sources (no output, no cache) in a fresh folder.
fn from_scratch(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("p");
    copy_tree(root, &copy);
    for generated in ["public", ".carnets"] {
        let _ = fs::remove_dir_all(copy.join(generated));
    }
    build(&copy);
    tree(&copy.join("public"))
}

/// Lets file times move past the last build's start: a build does not stamp inputs changed
/// while it ran (within a clock tick of its start), and these tests want the stamp.
fn tick() {
    std::thread::sleep(Duration::from_millis(50));
}

/// Rebuilds after a change: the output is what a build from scratch gives, and a second
/// rebuild is spared by the stamp, writes nothing and says the same warnings.
fn rebuild_matches_scratch(root: &Path, change: &str) {
    tick();
    let first = build(root);
    assert!(
        !first.contains("trace: spared"),
        "{change}: a stale stamp spared the build"
    );
    assert_eq!(tree(&root.join("public")), from_scratch(root), "{change}");
    tick();
    let again = build(root);
    assert!(
        again.contains("trace: spared"),
        "{change}: not spared\n{again}"
    );
    assert!(again.contains("0 file(s) written"), "{change}: {again}");
    let warnings = |s: &str| s.lines().filter(|l| l.contains("warning:")).count();
    assert_eq!(
        warnings(&first),
        warnings(&again),
        "{change}: {first}\n{again}"
    );
}

fn episode(root: &Path, slug: &str) -> PathBuf {
    root.join("episodes").join(slug)
}

#[test]
fn every_kind_of_change_rebuilds_like_a_build_from_scratch() {
    let (_tmp, root) = podcast("podcast");
    build(&root);
    let notes = episode(&root, "001-cbr").join("episode.md");
    let text = fs::read_to_string(&notes).unwrap();
    fs::write(
        &notes,
        text.replace("premier épisode", "tout premier épisode"),
    )
    .unwrap();
    rebuild_matches_scratch(&root, "notes edited");

    fs::write(
        episode(&root, "002-vbr-sans-xing").join("transcript.vtt"),
        "WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour.\n",
    )
    .unwrap();
    rebuild_matches_scratch(&root, "transcript added");

    fs::create_dir_all(root.join("theme/static")).unwrap();
    fs::write(root.join("theme/static/extra.css"), "body { margin: 0 }\n").unwrap();
    rebuild_matches_scratch(&root, "theme folder created");

    let yaml = fs::read_to_string(root.join("podcast.yaml")).unwrap();
    fs::write(root.join("podcast.yaml"), yaml.replace("Essais", "Tests")).unwrap();
    rebuild_matches_scratch(&root, "podcast.yaml edited");

    fs::copy(
        episode(&root, "001-cbr").join("audio.mp3"),
        episode(&root, "003-mpeg2").join("audio.mp3"),
    )
    .unwrap();
    rebuild_matches_scratch(&root, "MP3 replaced");

    // Same size, modification time put back: only the change time tells.
    let text = fs::read_to_string(&notes).unwrap();
    let modified = fs::metadata(&notes).unwrap().modified().unwrap();
    fs::write(&notes, text.replace("tout premier", "tout PREMIER")).unwrap();
    fs::File::options()
        .write(true)
        .open(&notes)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    rebuild_matches_scratch(&root, "notes edited, time put back");

    // Episode pages are rendered again only when what they show changed: a neighbour's
    // title (in the « previous / next » links), a template, a page touched in the output.
    let neighbour = episode(&root, "002-vbr-sans-xing").join("episode.md");
    let text = fs::read_to_string(&neighbour).unwrap();
    fs::write(
        &neighbour,
        text.replace("Formations &", "Formations, diplômes &"),
    )
    .unwrap();
    rebuild_matches_scratch(&root, "a neighbour's title edited");

    let template = fs::read_to_string(carnets_repo().join("theme/templates/episode.html")).unwrap();
    fs::create_dir_all(root.join("theme/templates")).unwrap();
    fs::write(
        root.join("theme/templates/episode.html"),
        template.replace(
            "{% block content %}",
            "{% block content %}<p>Modèle maison</p>",
        ),
    )
    .unwrap();
    rebuild_matches_scratch(&root, "episode template overridden");
    let page = root.join("public/episodes/003-mpeg2/index.html");
    assert!(fs::read_to_string(&page).unwrap().contains("Modèle maison"));

    fs::write(&page, "abîmée").unwrap();
    rebuild_matches_scratch(&root, "an episode page damaged in the output");

    fs::remove_dir_all(episode(&root, "004-mpeg25-etiquete")).unwrap();
    rebuild_matches_scratch(&root, "episode removed (a warning)");
}

#[test]
fn the_kept_staging_folder_never_writes_through_to_the_output() {
    // The staging folder holds hard links to the output's files: writing one of them in place
    // would change the published file. Edit, edit back, edit again: each output is right, and
    // the MP3s (never changed) keep their inode all along.
    let (_tmp, root) = podcast("podcast");
    build(&root);
    let mp3 = root.join("public/episodes/001-cbr/001-cbr.mp3");
    let inode = fs::metadata(&mp3).unwrap().ino();
    let notes = episode(&root, "002-vbr-sans-xing").join("episode.md");
    let original = fs::read_to_string(&notes).unwrap();
    for round in 0..3 {
        let text = if round == 1 {
            original.clone()
        } else {
            format!("{original}\nÉdition {round}.\n")
        };
        fs::write(&notes, text).unwrap();
        rebuild_matches_scratch(&root, &format!("round {round}"));
        assert_eq!(fs::metadata(&mp3).unwrap().ino(), inode, "round {round}");
    }
}

#[test]
fn a_scheduled_episode_is_published_when_its_date_comes_with_nothing_else_changed() {
    let (_tmp, root) = podcast("podcast");
    let later = episode(&root, "005-plus-tard");
    fs::create_dir_all(&later).unwrap();
    fs::copy(
        episode(&root, "001-cbr").join("audio.mp3"),
        later.join("audio.mp3"),
    )
    .unwrap();
    fs::write(
        later.join("episode.md"),
        "---\ntitle: \"Plus tard\"\ndate: 2030-01-01 08:00\nnumber: 5\n---\nBientôt.\n",
    )
    .unwrap();
    let at = |date: &str| BuildOptions {
        root: root.clone(),
        out: root.join("public"),
        base_url: None,
        drafts: false,
        now: date.parse().unwrap(),
    };
    // The first build writes carnets.lock, so the second is the one that stamps.
    for _ in 0..2 {
        tick();
        carnets::build(&at("2029-06-01T00:00:00Z")).unwrap();
    }
    tick();
    let spared = carnets::build(&at("2029-12-01T00:00:00Z")).unwrap();
    assert_eq!((spared.episodes, spared.written.written), (4, 0));
    assert!(!root.join("public/episodes/005-plus-tard").exists());
    let due = carnets::build(&at("2030-01-02T00:00:00Z")).unwrap();
    assert_eq!(due.episodes, 5);
    assert!(
        root.join("public/episodes/005-plus-tard/index.html")
            .is_file()
    );
}
