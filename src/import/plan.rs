//! Identity, before anything is downloaded: each item's GUID exactly as apps stored it, its
//! date, and its folder (`NNN-slug`, numbered in publication order). Duplicate GUIDs and items
//! without a date are reported here, never merged or guessed.

use std::collections::{BTreeMap, HashMap};

use super::Found;
use super::dates::{self, FeedDate};
use super::old::Item;
use crate::show::validate;
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};

/// Longest slug part taken from a title, in bytes.
const MAX_SLUG: usize = 50;

/// One episode to import.
#[derive(Debug, Clone)]
pub struct Planned {
    pub slug: String,
    pub guid: String,
    /// `isPermaLink` as the old feed said it (absent reads as true in RSS).
    pub permalink: bool,
    pub date: FeedDate,
    pub item: Item,
}

/// The episodes of the feed in publication order, with their folders; `taken` maps the GUIDs
/// already imported to their folders, and lists the folder names in use.
pub fn plan(
    items: Vec<Item>,
    taken: &BTreeMap<String, String>,
    used: &[String],
) -> (Vec<Planned>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut seen: HashMap<String, (String, u64)> = HashMap::new();
    let mut dated = Vec::new();
    for (order, item) in items.into_iter().enumerate() {
        let mut found = Found::item(&item);
        let (guid, permalink) = match &item.guid {
            Some(guid) => (guid.clone(), item.guid_permalink.unwrap_or(true)),
            None => {
                // What podcast apps derived (gPodder's rule): the link, else the enclosure's
                // address exactly as written, prefixes included.
                let derived = [
                    item.link.trim(),
                    item.enclosure.as_ref().map_or("", |e| e.url.trim()),
                ]
                .into_iter()
                .find(|t| !t.is_empty())
                .map(str::to_string);
                match derived {
                    Some(guid) => {
                        found.warn(
                            t!("import-no-guid", guid = guid.as_str()),
                            t!("import-no-guid-help"),
                        );
                        (guid, false)
                    }
                    None => {
                        found.error(t!("import-unidentified"), t!("import-unidentified-help"));
                        problems.extend(found.done());
                        continue;
                    }
                }
            }
        };
        if let Some((title, line)) = seen.get(&guid) {
            found.error(
                t!(
                    "import-guid-twice",
                    guid = guid.as_str(),
                    title = title.as_str(),
                    line = *line
                ),
                t!("import-guid-twice-help"),
            );
            problems.extend(found.done());
            continue;
        }
        seen.insert(guid.clone(), (item.title.clone(), item.line));
        let date = match dates::parse(&item.pub_date) {
            Ok(date) => date,
            Err(e) => {
                let message = if item.pub_date.is_empty() {
                    t!("import-no-date")
                } else {
                    e
                };
                found.error(message, t!("import-date-help"));
                problems.extend(found.done());
                continue;
            }
        };
        if date.no_zone {
            found.warn(
                t!("import-no-zone", date = item.pub_date.as_str()),
                t!("import-no-zone-help"),
            );
        }
        problems.extend(found.done());
        dated.push((date, order, guid, permalink, item));
    }
    relative_permalinks(&dated, &mut problems);
    // Publication order: oldest first; the same instant keeps the feed's order, newest first.
    dated.sort_by(|a, b| a.0.timestamp().cmp(&b.0.timestamp()).then(b.1.cmp(&a.1)));
    let width = dated.len().max(999).to_string().len();
    let mut names: Vec<String> = used.to_vec();
    let mut next_free = names
        .iter()
        .filter_map(|n| n.split('-').next()?.parse::<usize>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    let planned = dated
        .into_iter()
        .enumerate()
        .map(|(index, (date, _, guid, permalink, item))| {
            let slug = match taken.get(&guid) {
                Some(slug) => slug.clone(),
                None => {
                    let words = title_slug(&item);
                    let mut slug = format!("{:0width$}-{words}", index + 1);
                    if names
                        .iter()
                        .any(|n| n == &slug || n.split('-').next() == slug.split('-').next())
                    {
                        slug = format!("{next_free:0width$}-{words}");
                        next_free += 1;
                    }
                    names.push(slug.clone());
                    slug
                }
            };
            Planned {
                slug,
                guid,
                permalink,
                date,
                item,
            }
        })
        .collect();
    (planned, problems)
}

/// GUIDs that are not URLs, in a feed that did not say `isPermaLink="false"`: gPodder resolved
/// them against the old feed's address, so its listeners will see these episodes again.
fn relative_permalinks(
    dated: &[(FeedDate, usize, String, bool, Item)],
    found: &mut Vec<Diagnostic>,
) {
    let relative: Vec<&Item> = dated
        .iter()
        .filter(|(_, _, guid, permalink, _)| *permalink && url::Url::parse(guid).is_err())
        .map(|(.., item)| item)
        .collect();
    if let Some(first) = relative.first() {
        let mut item = Found::item(first);
        item.warn(
            t!("import-relative-guids", others = relative.len() - 1),
            t!("import-relative-guids-help"),
        );
        found.extend(item.done());
    }
}

/// The episode numbers to write, by GUID: `itunes:episode` (or `podcast:episode`) when it is
/// a whole number that no earlier episode of the same season has.
pub fn numbers(planned: &[Planned], found: &mut Diagnostics) -> BTreeMap<String, u32> {
    let mut first: HashMap<(Option<u32>, u32), &str> = HashMap::new();
    let mut numbers = BTreeMap::new();
    for p in planned {
        let Ok(number) = p.item.episode.trim().parse::<u32>() else {
            if !p.item.episode.trim().is_empty() {
                let mut item = Found::item(&p.item);
                item.warn(
                    t!("import-number-not-whole", number = p.item.episode.as_str()),
                    t!("import-number-not-whole-help"),
                );
                found.extend(item.done());
            }
            continue;
        };
        let season = p.item.season.trim().parse::<u32>().ok();
        if let Some(other) = first.get(&(season, number)) {
            let mut item = Found::item(&p.item);
            item.warn(
                t!("import-number-twice", number = number, other = *other),
                t!("import-number-twice-help"),
            );
            found.extend(item.done());
            continue;
        }
        first.insert((season, number), &p.item.title);
        numbers.insert(p.guid.clone(), number);
    }
    numbers
}

/// The words of a folder name: the title in ASCII, cut at a hyphen under [`MAX_SLUG`] bytes.
fn title_slug(item: &Item) -> String {
    let slug = validate::slugify(&item.title);
    let mut cut = slug.as_str();
    if cut.len() > MAX_SLUG {
        cut = &cut[..MAX_SLUG];
        if let Some(at) = cut.rfind('-') {
            cut = &cut[..at];
        }
    }
    if cut.is_empty() {
        "episode".into()
    } else {
        cut.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::old::Enclosure;

    fn item(title: &str, guid: Option<&str>, date: &str) -> Item {
        Item {
            title: title.into(),
            guid: guid.map(Into::into),
            pub_date: date.into(),
            enclosure: Some(Enclosure {
                url: format!("https://op3.dev/e/host.example/{title}.mp3"),
                ..Enclosure::default()
            }),
            ..Item::default()
        }
    }

    #[test]
    fn folders_follow_publication_order_and_identity_is_kept() {
        let items = vec![
            item(
                "L'été à Noël !",
                Some("tag:x,2024:2"),
                "Wed, 06 Mar 2024 10:00:00 +0100",
            ),
            item("Premier épisode", None, "Tue, 05 Mar 2024 10:00:00 +0100"),
        ];
        let (planned, problems) = plan(items, &BTreeMap::new(), &[]);
        assert_eq!(planned[0].slug, "001-premier-episode");
        assert_eq!(
            planned[0].guid,
            "https://op3.dev/e/host.example/Premier épisode.mp3"
        );
        assert!(!planned[0].permalink);
        assert_eq!(planned[1].slug, "002-l-ete-a-noel");
        assert_eq!(planned[1].guid, "tag:x,2024:2");
        assert!(planned[1].permalink);
        assert!(
            problems[0].message.contains("has no <guid>"),
            "{problems:?}"
        );
    }

    #[test]
    fn duplicate_guids_and_missing_dates_are_reported_not_merged() {
        let items = vec![
            item("b", Some("same"), "Wed, 06 Mar 2024 10:00:00 +0100"),
            item("a", Some("same"), "Tue, 05 Mar 2024 10:00:00 +0100"),
            item("c", Some("other"), ""),
        ];
        let (planned, problems) = plan(items, &BTreeMap::new(), &[]);
        assert_eq!(planned.len(), 1);
        let errors: Vec<&Diagnostic> = problems.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 2, "{problems:?}");
        assert!(errors[0].message.contains("is also the one of « b »"));
        assert!(errors[1].message.contains("has no <pubDate>"));
    }

    #[test]
    fn guids_that_gpodder_resolved_against_the_old_address_are_said() {
        let items = vec![
            item("a", Some("abc-1"), "2024-03-05T10:00:00Z"),
            item("b", Some("https://x.example/2"), "2024-03-06T10:00:00Z"),
        ];
        let (_, problems) = plan(items, &BTreeMap::new(), &[]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("and 0 other(s) are not URLs"));
    }

    #[test]
    fn a_rerun_keeps_the_folders_already_made() {
        let mut taken = BTreeMap::new();
        taken.insert("g1".to_string(), "001-renamed".to_string());
        let items = vec![
            item("deux", Some("g2"), "2024-03-06T10:00:00Z"),
            item("un", Some("g1"), "2024-03-05T10:00:00Z"),
        ];
        let (planned, _) = plan(items, &taken, &["001-renamed".into(), "002-mine".into()]);
        assert_eq!(planned[0].slug, "001-renamed");
        assert_eq!(planned[1].slug, "003-deux");
    }
}
