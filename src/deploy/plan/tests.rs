use super::*;
use crate::deploy::remote::{Entry, Manifest};
use crate::output::cache::Identity;

fn local(path: &str, size: u64, hash: &str) -> Local {
    Local {
        path: path.into(),
        size,
        identity: Identity {
            size,
            mtime_ns: 0,
            ino: 0,
        },
        hash: Some(hash.into()),
    }
}

fn remote(files: &[(&str, u64, Option<&str>)], source: Source) -> Remote {
    let mut manifest = Manifest::default();
    for (path, size, hash) in files {
        manifest.files.insert(
            path.to_string(),
            Entry {
                size: *size,
                hash: hash.map(str::to_string),
            },
        );
    }
    Remote { manifest, source }
}

fn order(plan: &Plan) -> Vec<&str> {
    plan.uploads.iter().map(|u| u.path.as_str()).collect()
}

#[test]
fn referenced_files_then_pages_then_replaced_audio_then_the_feed() {
    let files = [
        local("feed.xml", 10, "f2"),
        local("index.html", 10, "i2"),
        local("sitemap.xml", 10, "s2"),
        local("episodes/old/old.mp3", 500, "o2"),
        local("episodes/old/index.html", 10, "oi2"),
        local("episodes/new/new.mp3", 400, "n"),
        local("episodes/new/transcript.vtt", 5, "t"),
        local("episodes/new/index.html", 10, "ni"),
        local("search.json", 20, "q"),
        local("assets/style.css", 3, "c"),
    ];
    let target = remote(
        &[
            ("feed.xml", 10, Some("f1")),
            ("index.html", 10, Some("i1")),
            ("sitemap.xml", 10, Some("s1")),
            ("episodes/old/old.mp3", 499, Some("o1")),
            ("episodes/old/index.html", 10, Some("oi2")),
            ("assets/style.css", 3, Some("c")),
        ],
        Source::Manifest,
    );
    let plan = make(&files, &target, false);
    assert_eq!(
        order(&plan),
        [
            "episodes/new/new.mp3",
            "search.json",
            "episodes/new/transcript.vtt",
            "episodes/new/index.html",
            "index.html",
            "sitemap.xml",
            "episodes/old/old.mp3",
            "feed.xml",
        ]
    );
    assert_eq!(plan.kept, 2);
    assert!(plan.deletes.is_empty());
    let phases: Vec<Phase> = plan.uploads.iter().map(|u| u.phase).collect();
    assert!(phases.is_sorted());
    assert_eq!(plan.uploads[0].why, Why::New);
    assert_eq!(plan.uploads[6].why, Why::Changed);
}

#[test]
fn nothing_changed_plans_nothing() {
    let files = [local("feed.xml", 10, "f"), local("a.mp3", 9, "a")];
    let target = remote(
        &[("feed.xml", 10, Some("f")), ("a.mp3", 9, Some("a"))],
        Source::Manifest,
    );
    let plan = make(&files, &target, false);
    assert!(plan.is_empty(), "{plan:?}");
    assert_eq!(plan.kept, 2);
    assert!(needs_hash(&files[0], &target));
}

#[test]
fn a_listing_compares_sizes_and_deletes_nothing_it_finds() {
    let files = [local("feed.xml", 10, "f"), local("a.mp3", 9, "a")];
    let target = remote(
        &[
            ("feed.xml", 11, None),
            ("a.mp3", 9, None),
            ("notes.txt", 1, None),
        ],
        Source::Listing("no manifest".into()),
    );
    let plan = make(&files, &target, false);
    assert_eq!(order(&plan), ["feed.xml"]);
    assert_eq!((plan.kept, plan.kept_by_size), (1, 1));
    assert!(plan.deletes.is_empty());
    assert_eq!(plan.left, ["notes.txt"]);
    assert!(!needs_hash(&files[1], &target));
    let allowed = make(&files, &target, true);
    assert_eq!(allowed.deletes[0].why, Gone::Foreign);
    assert!(allowed.left.is_empty());
}

#[test]
fn deleting_more_than_a_fifth_of_the_target_needs_allow_deletes() {
    let files: Vec<Local> = (0..8)
        .map(|i| local(&format!("{i}.html"), 1, "h"))
        .collect();
    let mut held: Vec<(String, u64, Option<&str>)> = (0..8)
        .map(|i| (format!("{i}.html"), 1, Some("h")))
        .collect();
    held.push(("gone-1.mp3".into(), 5, Some("g")));
    held.push(("gone-2.mp3".into(), 5, Some("g")));
    let held: Vec<(&str, u64, Option<&str>)> =
        held.iter().map(|(p, s, h)| (p.as_str(), *s, *h)).collect();
    let plan = make(&files, &remote(&held, Source::Manifest), false);
    assert_eq!(plan.deletions(), 2);
    assert!(!plan.deletes_too_much(), "2 of 10 is a fifth, not more");
    let plan = make(&files[..7], &remote(&held, Source::Manifest), false);
    assert_eq!(plan.deletions(), 3);
    assert!(plan.deletes_too_much());
}

#[test]
fn an_interrupted_deploys_leftovers_are_deleted_without_counting() {
    let files = [local("feed.xml", 10, "f")];
    let mut target = remote(&[("feed.xml", 10, Some("f"))], Source::Manifest);
    target
        .manifest
        .unsettled
        .insert(".feed.xml.carnets-part".into());
    let plan = make(&files, &target, false);
    assert_eq!(plan.deletes.len(), 1);
    assert_eq!(plan.deletes[0].why, Gone::Unsettled);
    assert_eq!(plan.deletions(), 0);
    assert!(!plan.deletes_too_much());
}
