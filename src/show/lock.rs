//! `carnets.lock`: what podcast apps have already seen, so it never changes by accident.
//!
//! The first build that publishes an episode records its slug, GUID, publication date and
//! enclosure URL, and the show's `podcast:guid`. Later builds refuse a published episode whose
//! GUID or date changed, or whose folder was renamed without its GUID; a removed episode is a
//! warning. The file is meant to be committed: JSON, sorted, one episode per entry.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::model::{Episode, Show};
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};

/// The lock file's name, at the podcast root.
pub const FILE: &str = "carnets.lock";

/// How dates are written in the lock: RFC 3339 with the offset.
const DATE_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%:z";

/// The content of `carnets.lock`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lock {
    /// The show's `podcast:guid`, fixed at its first build.
    pub podcast_guid: Option<Uuid>,
    /// Published episodes by slug.
    pub episodes: BTreeMap<String, Published>,
}

/// What apps saw of one episode.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    pub guid: String,
    /// RFC 3339, with the offset of the show's time zone.
    pub date: String,
    pub enclosure: String,
}

impl Published {
    /// What apps see of an episode published at `date` (recorded in the offset of `date`'s
    /// zone, the show's).
    pub fn new(guid: String, date: &jiff::Zoned, enclosure: String) -> Self {
        Published {
            guid,
            date: date.strftime(DATE_FORMAT).to_string(),
            enclosure,
        }
    }
}

impl Lock {
    /// Reads `root/carnets.lock`; a missing file is an empty lock.
    pub fn load(root: &Path) -> Result<Self, Diagnostic> {
        let path = root.join(FILE);
        match crate::util::paths::read(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Lock::default()),
            Err(e) => Err(Diagnostic::error(
                &path,
                t!("show-lock-unreadable", error = e.to_string()),
            )),
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                Diagnostic::error(&path, t!("show-lock-damaged", error = e.to_string()))
                    .at(e.line() as u64, e.column() as u64)
                    .help(t!("show-lock-damaged-help"))
            }),
        }
    }

    /// The file's bytes: pretty JSON with a trailing newline, keys sorted.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("a lock always serialises");
        bytes.push(b'\n');
        bytes
    }

    /// Gives the show its recorded `podcast:guid` (a change of `base_url` must not change it),
    /// unless `podcast.yaml` sets one, which must then be the recorded one.
    pub fn apply_to_show(&self, root: &Path, show: &mut Show) -> Result<(), Diagnostic> {
        match self.podcast_guid {
            Some(recorded) if show.guid_is_set && recorded != show.guid => Err(Diagnostic::error(
                root.join("podcast.yaml"),
                t!(
                    "show-lock-show-guid-differs",
                    guid = show.guid.to_string(),
                    recorded = recorded.to_string()
                ),
            )
            .help(t!(
                "show-lock-show-guid-differs-help",
                recorded = recorded.to_string()
            ))),
            Some(recorded) => {
                show.guid = recorded;
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// Checks freshly loaded episodes against the lock: episodes without `guid:` keep their
    /// recorded one, and every change apps would notice is reported. Returns the lock to
    /// record.
    ///
    /// Enclosure URLs are compared only when `published_urls` is true: a preview build
    /// (`--base-url`, `--drafts`) serves the audio elsewhere on purpose.
    pub fn reconcile(
        &self,
        root: &Path,
        show: &Show,
        episodes: &mut [Episode],
        published_urls: bool,
    ) -> (Lock, Diagnostics) {
        let mut found = Diagnostics::default();
        let lock_path = root.join(FILE);
        let mut next = Lock {
            podcast_guid: Some(show.guid),
            episodes: self.episodes.clone(),
        };
        let present: BTreeSet<String> = episodes.iter().map(|e| e.slug.clone()).collect();
        for episode in episodes.iter_mut() {
            let recorded = self.episodes.get(&episode.slug);
            if let (Some(recorded), None) = (recorded, episode.positions.guid) {
                // A derived GUID is derived once: the recorded one wins.
                episode.guid = recorded.guid.clone();
            }
            match recorded {
                Some(recorded) => {
                    check_same(episode, recorded, &mut found);
                    let url = show.enclosure_url(episode);
                    // An import records no address before `base_url` is known.
                    let known = !recorded.enclosure.is_empty();
                    if published_urls && known && url != recorded.enclosure {
                        found.push(
                            Diagnostic::warning(
                                episode.file(),
                                t!(
                                    "show-lock-audio-moves",
                                    from = recorded.enclosure.as_str(),
                                    to = url.as_str()
                                ),
                            )
                            .help(t!("show-lock-audio-moves-help")),
                        );
                    }
                }
                None => check_not_renamed(episode, self, &present, &lock_path, &mut found),
            }
        }
        for (slug, recorded) in &self.episodes {
            if !present.contains(slug) && !episodes.iter().any(|e| e.guid == recorded.guid) {
                found.push(
                    Diagnostic::warning(
                        &lock_path,
                        t!(
                            "show-lock-episode-gone",
                            slug = slug.as_str(),
                            guid = recorded.guid.as_str()
                        ),
                    )
                    .help(t!("show-lock-episode-gone-help")),
                );
            }
        }
        for episode in episodes.iter() {
            next.episodes.insert(
                episode.slug.clone(),
                Published::new(
                    episode.guid.clone(),
                    &episode.date,
                    show.enclosure_url(episode),
                ),
            );
        }
        // A renamed episode lives under its new slug only.
        next.episodes
            .retain(|slug, p| present.contains(slug) || !episodes.iter().any(|e| e.guid == p.guid));
        (next, found)
    }
}

fn check_same(episode: &Episode, recorded: &Published, found: &mut Diagnostics) {
    if episode.guid != recorded.guid {
        found.push(
            Diagnostic::error(
                episode.file(),
                t!("show-lock-guid-changed", guid = recorded.guid.as_str()),
            )
            .at_pos(episode.positions.guid.unwrap_or_default())
            .help(t!(
                "show-lock-guid-changed-help",
                guid = recorded.guid.as_str()
            )),
        );
    }
    let same_instant = jiff::Timestamp::strptime(DATE_FORMAT, &recorded.date)
        .is_ok_and(|t| t == episode.date.timestamp());
    if !same_instant {
        found.push(
            Diagnostic::error(
                episode.file(),
                t!("show-lock-date-changed", date = recorded.date.as_str()),
            )
            .at_pos(episode.positions.date)
            .help(t!(
                "show-lock-date-changed-help",
                date = recorded.date.as_str()
            )),
        );
    }
}

/// A new slug whose episode has no `guid:` but matches a vanished published one by date is a
/// folder renamed without its GUID.
fn check_not_renamed(
    episode: &Episode,
    lock: &Lock,
    present: &BTreeSet<String>,
    lock_path: &Path,
    found: &mut Diagnostics,
) {
    if episode.positions.guid.is_some() {
        return;
    }
    let vanished = lock.episodes.iter().find(|(slug, p)| {
        !present.contains(*slug)
            && jiff::Timestamp::strptime(DATE_FORMAT, &p.date)
                .is_ok_and(|t| t == episode.date.timestamp())
    });
    if let Some((old_slug, published)) = vanished {
        found.push(
            Diagnostic::error(
                episode.file(),
                t!("show-lock-renamed", slug = old_slug.as_str()),
            )
            .at_pos(episode.positions.date)
            .help(t!(
                "show-lock-renamed-help",
                guid = published.guid.as_str(),
                lock = lock_path.display().to_string()
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{episode, show};

    fn first_build() -> (Show, Lock) {
        let show = show();
        let mut episodes = vec![
            episode("001-a", "guid-a", "2026-01-10 08:00"),
            episode("002-b", "guid-b", "2026-07-10 08:00"),
        ];
        let (lock, found) = Lock::default().reconcile(Path::new("."), &show, &mut episodes, true);
        assert_eq!(found.iter().count(), 0);
        (show, lock)
    }

    fn errors(found: &Diagnostics) -> Vec<String> {
        found.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn first_build_records_guid_date_and_url() {
        let (show, lock) = first_build();
        assert_eq!(
            lock.episodes["002-b"],
            Published {
                guid: "guid-b".into(),
                date: "2026-07-10T08:00:00+02:00".into(),
                enclosure: "https://carnets.example.fr/episodes/002-b/002-b.mp3".into(),
            }
        );
        assert_eq!(lock.podcast_guid, Some(show.guid));
        let text = String::from_utf8(lock.to_bytes()).unwrap();
        assert!(
            text.find("001-a").unwrap() < text.find("002-b").unwrap(),
            "{text}"
        );
    }

    #[test]
    fn a_changed_guid_or_date_is_refused_with_the_fix() {
        let (show, lock) = first_build();
        let mut episodes = vec![
            episode("001-a", "guid-new", "2026-01-10 08:00"),
            episode("002-b", "guid-b", "2026-07-11 08:00"),
        ];
        let (_, found) = lock.reconcile(Path::new("."), &show, &mut episodes, true);
        let lines = errors(&found);
        assert_eq!(lines.len(), 2, "{lines:#?}");
        assert!(
            lines[0].starts_with("episodes/001-a/episode.md:4:7: error: the GUID changed")
                && lines[0].contains("write `guid: guid-a`")
        );
        assert!(
            lines[1]
                .starts_with("episodes/002-b/episode.md:3:7: error: the publication date changed")
                && lines[1].contains("2026-07-10T08:00:00+02:00")
        );
    }

    #[test]
    fn a_derived_guid_is_kept_from_the_lock() {
        let (show, lock) = first_build();
        let mut a = episode("001-a", "derived-differently", "2026-01-10 08:00");
        a.positions.guid = None;
        let (_, found) = lock.reconcile(Path::new("."), &show, &mut [a.clone()], true);
        assert!(!found.has_errors());
        let mut episodes = [a];
        lock.reconcile(Path::new("."), &show, &mut episodes, true);
        assert_eq!(episodes[0].guid, "guid-a");
    }

    #[test]
    fn a_folder_renamed_without_its_guid_is_refused() {
        let (show, lock) = first_build();
        let mut renamed = episode("001-renamed", "derived", "2026-01-10 08:00");
        renamed.positions.guid = None;
        let mut episodes = vec![renamed, episode("002-b", "guid-b", "2026-07-10 08:00")];
        let (_, found) = lock.reconcile(Path::new("."), &show, &mut episodes, true);
        let lines = errors(&found);
        assert!(
            lines
                .iter()
                .any(|l| l.contains("looks like episode `001-a` renamed")
                    && l.contains("add `guid: guid-a`")),
            "{lines:#?}"
        );
    }

    #[test]
    fn a_folder_renamed_with_its_guid_moves_its_entry() {
        let (show, lock) = first_build();
        let mut episodes = vec![
            episode("001-renamed", "guid-a", "2026-01-10 08:00"),
            episode("002-b", "guid-b", "2026-07-10 08:00"),
        ];
        let (next, found) = lock.reconcile(Path::new("."), &show, &mut episodes, true);
        assert!(
            !found.has_errors() && found.iter().count() == 0,
            "{:?}",
            errors(&found)
        );
        assert!(next.episodes.contains_key("001-renamed") && !next.episodes.contains_key("001-a"));
    }

    #[test]
    fn a_removed_episode_is_a_warning_and_stays_recorded() {
        let (show, lock) = first_build();
        let mut episodes = vec![episode("002-b", "guid-b", "2026-07-10 08:00")];
        let (next, found) = lock.reconcile(Path::new("."), &show, &mut episodes, true);
        assert!(!found.has_errors());
        assert!(errors(&found)[0].contains("warning: episode `001-a` was published"));
        assert!(next.episodes.contains_key("001-a"));
    }

    #[test]
    fn the_show_keeps_its_recorded_guid() {
        let (mut show, lock) = first_build();
        let recorded = show.guid;
        show.guid = crate::show::config::default_guid("https://ailleurs.example.fr/");
        lock.apply_to_show(Path::new("."), &mut show).unwrap();
        assert_eq!(show.guid, recorded);
        show.guid_is_set = true;
        show.guid = uuid::Uuid::nil();
        assert!(
            lock.apply_to_show(Path::new("."), &mut show)
                .unwrap_err()
                .to_string()
                .contains("differs from the podcast:guid")
        );
    }

    #[test]
    fn a_moved_enclosure_is_a_warning_only_for_real_builds() {
        let (mut show, lock) = first_build();
        show.media_base_url = "https://cdn.example.fr/".into();
        let mut episodes = vec![
            episode("001-a", "guid-a", "2026-01-10 08:00"),
            episode("002-b", "guid-b", "2026-07-10 08:00"),
        ];
        let (_, found) = lock.reconcile(Path::new("."), &show, &mut episodes, true);
        assert_eq!(found.warning_count(), 2);
        let (_, preview) = lock.reconcile(Path::new("."), &show, &mut episodes, false);
        assert_eq!(preview.iter().count(), 0);
    }
}
