//! The published episodes as the logs see them: the path of each MP3, and the bytes a
//! listener must receive for a download to count (IAB v2.3): the episode's ID3 tag plus one
//! minute of its audio, or the whole file when it lasts less than a minute.
//!
//! carnets writes the tag itself and measures the audio frame by frame, so both are exact:
//! the tag is the published file less its MPEG frames, and a minute of audio is the frames'
//! bytes times 60 s over their exact duration (exact for constant bitrates, the average for
//! variable ones).

use crate::model::Episode;

/// One episode, for counting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub slug: String,
    pub title: String,
    /// Publication, in Unix seconds.
    pub published: i64,
    /// Publication, in the show's time zone.
    pub date: jiff::Zoned,
    /// Path of the published MP3 below the site's root: `episodes/<slug>/<slug>.mp3`.
    pub path: String,
    /// Bytes of the published MP3.
    pub size: u64,
    /// Bytes of its ID3 tag.
    pub tag: u64,
    /// Bytes a listener must receive within the window for a download.
    pub threshold: u64,
}

/// The episodes, found by the path of a request.
#[derive(Debug, Default)]
pub struct Catalog {
    pub entries: Vec<Entry>,
    /// `<slug>.mp3` → index in `entries`.
    by_file: hashbrown::HashMap<Vec<u8>, u32, foldhash::fast::FixedState>,
}

/// One minute, in milliseconds.
const MINUTE_MS: u64 = 60_000;

impl Catalog {
    /// The episodes of a show as `carnets build` publishes them (`published_size` set by the
    /// tagging stage).
    pub fn new(episodes: &[Episode]) -> Self {
        let mut catalog = Catalog::default();
        for episode in episodes {
            let audio = episode.media.audio_len();
            let tag = episode.published_size.saturating_sub(audio);
            let duration = episode.media.duration_ms();
            let threshold = match duration {
                d if d < MINUTE_MS => episode.published_size,
                d => {
                    let minute =
                        (u128::from(audio) * u128::from(MINUTE_MS)).div_ceil(u128::from(d));
                    tag + u64::try_from(minute).unwrap_or(u64::MAX)
                }
            };
            let index =
                u32::try_from(catalog.entries.len()).expect("fewer than 4 billion episodes");
            catalog
                .by_file
                .insert(format!("{}.mp3", episode.slug).into_bytes(), index);
            catalog.entries.push(Entry {
                slug: episode.slug.clone(),
                title: episode.title.clone(),
                published: episode.date.timestamp().as_second(),
                date: episode.date.clone(),
                path: episode.audio_path(),
                size: episode.published_size,
                tag,
                threshold: threshold.min(episode.published_size),
            });
        }
        catalog
    }

    /// The episode a request's path asks for: a path that ends with an episode's
    /// `episodes/<slug>/<slug>.mp3`, after a `/` or alone (an S3 key), whatever comes before
    /// it (the site's folder, a bucket, a CDN's origin path).
    pub fn find(&self, path: &[u8]) -> Option<u32> {
        // Most other files are told apart without a search or a hash.
        if !path.ends_with(b".mp3") {
            return None;
        }
        let name = &path[memchr::memrchr(b'/', path).map_or(0, |i| i + 1)..];
        let index = *self.by_file.get(name)?;
        let wanted = self.entries[index as usize].path.as_bytes();
        let before = path.strip_suffix(wanted)?;
        (before.is_empty() || before.ends_with(b"/")).then_some(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::AudioInfo;

    fn episode(slug: &str, duration_ms: u64, audio: u64, tag: u64) -> Episode {
        let media = AudioInfo {
            sample_rate: 1000,
            samples: duration_ms,
            audio_start: 0,
            audio_end: audio,
            ..AudioInfo::default()
        };
        Episode {
            slug: slug.into(),
            title: slug.into(),
            date: "2026-11-20T08:00:00+01:00[Europe/Paris]".parse().unwrap(),
            published_size: tag + audio,
            media,
            ..Episode::default()
        }
    }

    #[test]
    fn the_threshold_is_the_tag_and_a_minute_or_the_whole_file() {
        let catalog = Catalog::new(&[
            // 16 kb/s, 2 minutes: a minute is 120 000 bytes.
            episode("long", 120_000, 240_000, 5_000),
            // 59.999 s: the whole file.
            episode("short", 59_999, 120_000, 5_000),
            // A minute and a third of a byte: rounded up.
            episode("odd", 90_000, 100_001, 10),
        ]);
        let thresholds: Vec<(u64, u64)> = catalog
            .entries
            .iter()
            .map(|e| (e.tag, e.threshold))
            .collect();
        assert_eq!(
            thresholds,
            [(5_000, 125_000), (5_000, 125_000), (10, 10 + 66_668)]
        );
        assert_eq!(catalog.entries[0].published, 1_795_158_000);
    }

    #[test]
    fn requests_find_their_episode_by_path() {
        let catalog = Catalog::new(&[episode("001-a", 1, 1, 1), episode("002-b", 1, 1, 1)]);
        let find = |p: &str| catalog.find(p.as_bytes());
        assert_eq!(find("/podcast/episodes/001-a/001-a.mp3"), Some(0));
        assert_eq!(find("/episodes/002-b/002-b.mp3"), Some(1));
        assert_eq!(find("episodes/002-b/002-b.mp3"), Some(1));
        assert_eq!(
            find("https://cdn.example.org/episodes/001-a/001-a.mp3"),
            Some(0)
        );
        for other in [
            "/episodes/001-a/",
            "/episodes/002-b/001-a.mp3",
            "/xepisodes/001-a/001-a.mp3",
            "/001-a.mp3",
            "/feed.xml",
            "",
        ] {
            assert_eq!(find(other), None, "{other}");
        }
    }
}
