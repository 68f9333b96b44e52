//! Hostile sizes end to end: YAML alias bombs, deep nesting and enormous front matter, a 2 GB
//! sparse "MP3", an empty one, 10,000 chapters. Each run gets 60 s and 1 GiB of address
//! space (`run_limited`); each must end in a clear error or a good build, never in a crash, a
//! hang or a memory blow-up.

use std::fmt::Write as _;
use std::fs;

use crate::common::repo;
use crate::reliability_support::{
    add_front_matter, assert_refused, build, check, edit_front_matter, episode_dir, one_episode,
};

#[test]
fn billion_laughs_aliases_are_refused() {
    let (_tmp, root) = one_episode();
    // Ten levels of ten aliases each: 10^10 "lol"s once expanded.
    let mut levels = vec![format!("&a0 [{}]", ["lol"; 10].join(", "))];
    for i in 1..10 {
        levels.push(format!(
            "&a{i} [{}]",
            vec![format!("*a{}", i - 1); 10].join(", ")
        ));
    }
    add_front_matter(&root, &format!("keywords: [{}]\n", levels.join(", ")));
    assert_refused(&check(&root), "refused to protect the build");
}

#[test]
fn deeply_nested_yaml_is_refused_without_overflowing_the_stack() {
    for (open, close) in [("[", "]"), ("{a: ", "}"), ("- ", "")] {
        let (_tmp, root) = one_episode();
        let depth = 100_000;
        let nested = if open == "- " {
            (0..depth)
                .map(|i| format!("{}- x\n", " ".repeat(i % 200)))
                .collect()
        } else {
            format!("{}x{}", open.repeat(depth), close.repeat(depth))
        };
        add_front_matter(&root, &format!("keywords: {nested}\n"));
        assert_refused(&check(&root), "episode.md:");
    }
}

#[test]
fn enormous_front_matter_is_refused_in_bounded_time_and_memory() {
    let (_tmp, root) = one_episode();
    // 64 MB of summary: past serde-saphyr's budget for text.
    let summary = format!("summary: \"{}\"\n", "é".repeat(32 << 20));
    edit_front_matter(&root, |header| {
        let kept: String = header
            .lines()
            .filter(|l| !l.starts_with("summary:"))
            .map(|l| format!("{l}\n"))
            .collect();
        format!("{kept}{summary}")
    });
    assert_refused(&check(&root), "this YAML holds far too much text");

    // A million keywords.
    let (_tmp, root) = one_episode();
    let keywords = vec!["mot"; 1_000_000].join(", ");
    add_front_matter(&root, &format!("keywords: [{keywords}]\n"));
    assert_refused(&check(&root), "this YAML holds far too many values");
}

#[test]
fn a_2_gb_sparse_mp3_is_refused_as_damaged() {
    let (_tmp, root) = one_episode();
    let audio = episode_dir(&root).join("audio.mp3");
    // Real frames first, then 2 GB of nothing.
    let file = fs::OpenOptions::new().write(true).open(&audio).unwrap();
    file.set_len(2 << 30).unwrap();
    drop(file);
    assert_refused(&check(&root), "the MP3 is damaged");
    // Nothing but a hole.
    fs::remove_file(&audio).unwrap();
    fs::File::create(&audio).unwrap().set_len(2 << 30).unwrap();
    assert_refused(&check(&root), "it holds only zeros");
}

#[test]
fn an_empty_mp3_is_refused() {
    let (_tmp, root) = one_episode();
    fs::write(episode_dir(&root).join("audio.mp3"), b"").unwrap();
    assert_refused(&build(&root), "empty");
    assert!(!root.join("public").exists());
}

#[test]
fn ten_thousand_chapters_are_published() {
    let (_tmp, root) = one_episode();
    let dir = episode_dir(&root);
    // 29 s of speech: room for 10,000 chapters 2 ms apart.
    fs::copy(
        repo().join("episodes/001-premier-bilan/premier-bilan.mp3"),
        dir.join("audio.mp3"),
    )
    .unwrap();
    let mut chapters = String::from("chapters:\n");
    for i in 0..10_000u64 {
        let ms = i * 2;
        writeln!(
            chapters,
            "  - {{ start: \"{}.{:03}\", title: \"Chapitre {i} <b>&amp;</b>\" }}",
            ms / 1000,
            ms % 1000
        )
        .unwrap();
    }
    edit_front_matter(&root, |header| {
        let head = header.split("chapters:").next().unwrap().to_string();
        format!("{head}{chapters}")
    });
    let outcome = build(&root);
    assert_eq!(outcome.code, Some(0), "{outcome:?}");
    let public = root.join("public/episodes/001-cbr");
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(public.join("chapters.json")).unwrap()).unwrap();
    assert_eq!(json["chapters"].as_array().unwrap().len(), 10_000);
    let tag = id3::Tag::read_from_path(public.join("001-cbr.mp3")).unwrap();
    assert_eq!(tag.chapters().count(), 10_000);
    let page = fs::read_to_string(public.join("index.html")).unwrap();
    assert!(page.contains("Chapitre 9999"));
}
