//! Which pages a rebuild renders again: an episode page and a page of the archive carry a hash
//! of what they are made from, and the output's copy is kept when that hash is the same.

use std::collections::BTreeMap;

use carnets::model::Episode;
use carnets::output::Content;
use carnets::render::site::Memo;

use super::site_model::{episode, no_theme, show};

const URL: &str = "https://carnets.example.org/";

/// What each page says it is made from, by path.
fn made_from(episodes: &[Episode]) -> BTreeMap<String, String> {
    carnets::render::site::render(&show(URL), episodes, &no_theme(), &Memo::none())
        .expect("the site renders")
        .into_iter()
        .filter_map(|file| match file.content {
            Content::Page { from, .. } => Some((file.path, from)),
            _ => None,
        })
        .collect()
}

/// 25 episodes: two pages of the archive, episode 25 first.
fn episodes() -> Vec<Episode> {
    (1..=25).map(|n| episode(n, 60)).collect()
}

fn episode_page(n: u32) -> String {
    format!("episodes/{n:03}-episode/index.html")
}

#[test]
fn episode_and_archive_pages_say_what_they_are_made_from_the_same_way_each_time() {
    let first = made_from(&episodes());
    assert_eq!(first, made_from(&episodes()));
    for path in [
        episode_page(1),
        episode_page(25),
        "index.html".into(),
        "page/2/index.html".into(),
    ] {
        assert!(first.contains_key(&path), "{path}: {first:?}");
    }
    // The search page holds every episode and the index's address: it is always made.
    let search = format!("{}index.html", carnets::render::site::SEARCH_PAGE);
    let files =
        carnets::render::site::render(&show(URL), &episodes(), &no_theme(), &Memo::none()).unwrap();
    assert!(files.iter().any(|f| f.path == search));
    assert!(!first.contains_key(&search), "{first:?}");
}

#[test]
fn an_edit_changes_what_its_page_its_neighbours_and_its_archive_page_are_made_from() {
    let before = made_from(&episodes());
    let mut edited = episodes();
    edited[9].title = "Épisode 10, revu".into();
    let after = made_from(&edited);
    let changed: Vec<&String> = before
        .keys()
        .filter(|path| before.get(*path) != after.get(*path))
        .collect();
    // Newest first: episode 10 sits between 11 and 9, on the first page of the archive.
    assert_eq!(
        changed,
        [
            &episode_page(9),
            &episode_page(10),
            &episode_page(11),
            &"index.html".to_string()
        ]
    );
}

#[test]
fn a_page_made_from_the_same_is_kept_not_rendered() {
    let before = made_from(&episodes());
    let kept = |path: &str, from: &str| {
        (before.get(path).map(String::as_str) == Some(from)).then(|| format!("clé de {path}"))
    };
    let memo = Memo {
        kept: &kept,
        fragment: &|_, make| make().into(),
    };
    let mut edited = episodes();
    edited[9].title = "Épisode 10, revu".into();
    let files = carnets::render::site::render(&show(URL), &edited, &no_theme(), &memo).unwrap();
    let content = |path: &str| {
        &files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("no {path}"))
            .content
    };
    assert!(
        matches!(content(&episode_page(1)), Content::Kept { key, .. } if key == &format!("clé de {}", episode_page(1)))
    );
    assert!(matches!(content("page/2/index.html"), Content::Kept { .. }));
    assert!(matches!(content(&episode_page(10)), Content::Page { .. }));
    assert!(matches!(content("index.html"), Content::Page { .. }));
}
