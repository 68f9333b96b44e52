use std::os::unix::fs::MetadataExt;

use super::*;

fn publish(out: &Path, files: Vec<OutputFile>, cache: &SourceCache) -> io::Result<Stats> {
    super::publish(out, files, cache, Previous::read(out, cache)?)
}

fn bytes(path: &str, text: &str) -> OutputFile {
    OutputFile {
        path: path.into(),
        content: Content::Bytes(text.as_bytes().to_vec()),
    }
}

struct Site {
    _dir: tempfile::TempDir,
    out: PathBuf,
    cache: SourceCache,
    root: PathBuf,
}

fn site() -> Site {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    Site {
        out: root.join("public"),
        cache: SourceCache::open(&root.join(".carnets")),
        root,
        _dir: dir,
    }
}

fn ino(path: &Path) -> u64 {
    fs::metadata(path).unwrap().ino()
}

#[test]
fn first_publish_writes_everything_and_leaves_no_staging() {
    let s = site();
    let stats = publish(
        &s.out,
        vec![
            bytes("feed.xml", "<rss/>"),
            bytes("episodes/a/index.html", "a"),
        ],
        &s.cache,
    )
    .unwrap();
    assert_eq!(
        stats,
        Stats {
            written: 2,
            unchanged: 0
        }
    );
    assert_eq!(
        fs::read_to_string(s.out.join("episodes/a/index.html")).unwrap(),
        "a"
    );
    let names: Vec<_> = fs::read_dir(&s.root)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.to_string_lossy().contains("staging")),
        "{names:?}"
    );
}

#[test]
fn no_op_rebuild_touches_nothing() {
    let s = site();
    let files = || vec![bytes("feed.xml", "<rss/>"), bytes("index.html", "i")];
    publish(&s.out, files(), &s.cache).unwrap();
    let before = fs::metadata(s.out.join("index.html")).unwrap();
    let dir_before = fs::metadata(&s.out).unwrap();
    let stats = publish(&s.out, files(), &s.cache).unwrap();
    assert_eq!(
        stats,
        Stats {
            written: 0,
            unchanged: 2
        }
    );
    let after = fs::metadata(s.out.join("index.html")).unwrap();
    assert_eq!(
        (before.ino(), before.mtime_nsec()),
        (after.ino(), after.mtime_nsec())
    );
    assert_eq!(
        dir_before.ino(),
        fs::metadata(&s.out).unwrap().ino(),
        "the output folder was not swapped"
    );
}

#[test]
fn one_change_rewrites_one_file_and_links_the_rest() {
    let s = site();
    publish(
        &s.out,
        vec![
            bytes("feed.xml", "1"),
            bytes("a.html", "a"),
            bytes("gone.html", "g"),
        ],
        &s.cache,
    )
    .unwrap();
    let a = ino(&s.out.join("a.html"));
    let stats = publish(
        &s.out,
        vec![bytes("feed.xml", "2"), bytes("a.html", "a")],
        &s.cache,
    )
    .unwrap();
    assert_eq!(
        stats,
        Stats {
            written: 1,
            unchanged: 1
        }
    );
    assert_eq!(
        ino(&s.out.join("a.html")),
        a,
        "unchanged file kept its inode"
    );
    assert_eq!(fs::read_to_string(s.out.join("feed.xml")).unwrap(), "2");
    assert!(!s.out.join("gone.html").exists());
}

#[test]
fn a_file_edited_by_hand_in_the_output_is_rewritten() {
    let s = site();
    publish(&s.out, vec![bytes("feed.xml", "1")], &s.cache).unwrap();
    fs::write(s.out.join("feed.xml"), "tampered").unwrap();
    let stats = publish(&s.out, vec![bytes("feed.xml", "1")], &s.cache).unwrap();
    assert_eq!(stats.written, 1);
    assert_eq!(fs::read_to_string(s.out.join("feed.xml")).unwrap(), "1");
}

#[test]
fn failed_publish_leaves_the_old_output() {
    let s = site();
    publish(&s.out, vec![bytes("feed.xml", "old")], &s.cache).unwrap();
    let missing = OutputFile {
        path: "cover.jpg".into(),
        content: Content::Copy(s.root.join("nope.jpg")),
    };
    assert!(publish(&s.out, vec![bytes("feed.xml", "new"), missing], &s.cache).is_err());
    assert_eq!(fs::read_to_string(s.out.join("feed.xml")).unwrap(), "old");
}

#[test]
fn audio_is_the_tag_then_the_frame_range() {
    let s = site();
    let source = s.root.join("src.mp3");
    fs::write(&source, b"ID3junkFRAMESTAG").unwrap();
    let audio = OutputFile {
        path: "e/e.mp3".into(),
        content: Content::Audio {
            tag: b"NEW".to_vec(),
            cover: Some(Shared::new(std::sync::Arc::new(b"TAG".to_vec()))),
            source,
            start: 7,
            end: 13,
        },
    };
    publish(&s.out, vec![audio], &s.cache).unwrap();
    assert_eq!(fs::read(s.out.join("e/e.mp3")).unwrap(), b"NEWTAGFRAMES");
}

#[test]
fn foreign_folders_and_source_folders_are_refused() {
    let s = site();
    fs::create_dir_all(&s.out).unwrap();
    fs::write(s.out.join("thesis.docx"), "precious").unwrap();
    let err = publish(&s.out, vec![bytes("feed.xml", "x")], &s.cache).unwrap_err();
    assert!(err.to_string().contains("did not publish"), "{err}");
    assert_eq!(
        fs::read_to_string(s.out.join("thesis.docx")).unwrap(),
        "precious"
    );
    assert!(check_target(&s.root, &s.root).is_err());
    assert!(check_target(&s.root, &s.root.join("episodes/x")).is_err());
    assert!(check_target(&s.root.join("sub"), &s.root).is_err());
    assert!(check_target(&s.root, &s.out).is_ok());
}

#[test]
fn staging_a_change_never_writes_through_a_hard_link_to_the_output() {
    // After a first publish the kept staging folder is all hard links to the output's files:
    // a changed file must get a new inode there, and the output stay as it is until the swap.
    let s = site();
    publish(
        &s.out,
        vec![bytes("feed.xml", "old"), bytes("a/index.html", "a")],
        &s.cache,
    )
    .unwrap();
    let a = Identity::of(&fs::metadata(s.out.join("a/index.html")).unwrap());
    let keyed = vec![
        Keyed {
            file: bytes("feed.xml", "new"),
            key: "new".into(),
            unchanged: None,
        },
        Keyed {
            file: bytes("a/index.html", "a"),
            key: "a".into(),
            unchanged: Some(a),
        },
    ];
    let staging = staging::Staging::locate(&s.out, &s.cache).unwrap();
    let identities = staging.prepare(&s.out, &keyed, false).unwrap();
    assert_eq!(fs::read_to_string(s.out.join("feed.xml")).unwrap(), "old");
    assert_eq!(
        identities[1], a,
        "the unchanged file is the output's, linked"
    );
    assert_ne!(identities[0].ino, ino(&s.out.join("feed.xml")));
}

#[test]
fn a_first_publish_leaves_a_staging_folder_of_links_to_the_output() {
    let s = site();
    let files = || {
        vec![
            bytes("feed.xml", "<rss/>"),
            bytes("episodes/a/index.html", "a"),
        ]
    };
    let staging = s.cache.output_file(&s.out, "staging").unwrap();
    let mut mirror = staging.clone().into_os_string();
    mirror.push("-mirror");
    publish(&s.out, files(), &s.cache).unwrap();
    for path in ["feed.xml", "episodes/a/index.html"] {
        assert_eq!(ino(&staging.join(path)), ino(&s.out.join(path)), "{path}");
    }
    // Both trees it made are listed (their folders once they are old enough): the next two
    // builds, one staging in each, find their listing.
    let listings = s.cache.output_file(&s.out, "listings.bin").unwrap();
    let listed = listing::Listings::read(&listings);
    assert!(listed.tree(ino(&staging)).is_some(), "the mirror's tree");
    assert!(listed.tree(ino(&s.out)).is_some(), "the output's tree");
    assert!(fs::symlink_metadata(&mirror).is_err());
    // A build killed between its two renames leaves the mirror: the next build removes it.
    fs::create_dir_all(Path::new(&mirror).join("episodes/old")).unwrap();
    publish(&s.out, vec![bytes("feed.xml", "<rss>2</rss>")], &s.cache).unwrap();
    assert!(
        fs::symlink_metadata(&mirror).is_err(),
        "the old mirror stayed"
    );
    assert_eq!(
        fs::read_to_string(s.out.join("feed.xml")).unwrap(),
        "<rss>2</rss>"
    );
}

#[test]
fn a_listed_folder_is_taken_from_its_listing_and_read_again_once_it_changed() {
    let s = site();
    let files = |feed: &str| {
        vec![
            bytes("feed.xml", feed),
            bytes("episodes/a/index.html", "a"),
            bytes("episodes/b/index.html", "b"),
        ]
    };
    let staging = s.cache.output_file(&s.out, "staging").unwrap();
    let listings = s.cache.output_file(&s.out, "listings.bin").unwrap();
    // Folders changed moments before a scan are not listed: let them age between builds.
    let pause = || std::thread::sleep(std::time::Duration::from_millis(40));
    for feed in ["1", "2", "3"] {
        publish(&s.out, files(feed), &s.cache).unwrap();
        pause();
    }
    // The staging folder is the tree the build before last published; its listing names the
    // folders that build did not change.
    let top = ino(&staging);
    let listed = listing::Listings::read(&listings);
    let tree = listed.tree(top).expect("the staging folder's listing");
    assert_eq!(
        tree["episodes/a"].entries,
        [(
            "index.html".to_string(),
            listing::Entry::File(ino(&staging.join("episodes/a/index.html")))
        )]
    );
    assert!(tree.contains_key("episodes"));
    // A file dropped into a listed folder changes the folder: it is read again, and the file goes.
    fs::write(staging.join("episodes/a/stray.html"), "x").unwrap();
    publish(&s.out, files("4"), &s.cache).unwrap();
    assert!(!s.out.join("episodes/a/stray.html").exists());
    assert_eq!(fs::read_to_string(s.out.join("feed.xml")).unwrap(), "4");
    // A file replaced in a listed folder (another inode under the same name) changes the
    // folder too: the output gets the file it wants, not the one left there.
    pause();
    let staging_b = ino(&staging.join("episodes/b/index.html"));
    fs::remove_file(staging.join("episodes/b/index.html")).unwrap();
    fs::write(staging.join("episodes/b/index.html"), "tampered").unwrap();
    assert_ne!(ino(&staging.join("episodes/b/index.html")), staging_b);
    publish(&s.out, files("5"), &s.cache).unwrap();
    assert_eq!(
        fs::read_to_string(s.out.join("episodes/b/index.html")).unwrap(),
        "b"
    );
    assert!(listings.exists(), "each build lists what it placed");
}
