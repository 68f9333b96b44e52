//! The chapters as timestamps at the top of an episode's feed `description` and
//! `content:encoded`, for the apps that read chapters in the text: Spotify, and Apple Podcasts
//! (iOS 26.2 and later). Spotify's rule is the stricter: at least three timestamps, the first
//! at 0:00, in order, one per line, each `mm:ss` (or `hh:mm:ss`) followed by the title. An
//! episode whose chapters break it gets no block, and `carnets check` says why.

use crate::model::Episode;
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};
use crate::util::html::escape_html;

/// The fewest chapters Spotify reads from a description.
pub const MIN_CHAPTERS: usize = 3;

/// The lines of the block (`00:00 Introduction`), when the chapters keep the rule.
pub fn lines(episode: &Episode) -> Option<Vec<String>> {
    let chapters = &episode.chapters;
    if chapters.len() < MIN_CHAPTERS
        || chapters[0].start_ms >= 1000
        || same_second(episode).is_some()
    {
        return None;
    }
    let long = episode.media.duration_ms() >= 3_600_000;
    Some(
        chapters
            .iter()
            .map(|c| format!("{} {}", stamp(c.start_ms, long), c.title))
            .collect(),
    )
}

/// The block as HTML, one line per chapter, when the chapters keep the rule.
pub fn block(episode: &Episode) -> Option<String> {
    let lines: Vec<String> = lines(episode)?.iter().map(|l| escape_html(l)).collect();
    Some(format!("<p>{}</p>\n", lines.join("<br>\n")))
}

/// `03:15`, or `01:02:03` in an episode of an hour or more (whole seconds, rounded down).
fn stamp(ms: u64, long: bool) -> String {
    let s = ms / 1000;
    match long {
        true => format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60),
        false => format!("{:02}:{:02}", s / 60, s % 60),
    }
}

/// The first chapter that starts in the same whole second as the one before it (a timestamp
/// would repeat).
fn same_second(episode: &Episode) -> Option<&crate::model::Chapter> {
    let chapters = &episode.chapters;
    (1..chapters.len())
        .find(|&i| chapters[i].start_ms / 1000 <= chapters[i - 1].start_ms / 1000)
        .map(|i| &chapters[i])
}

/// A warning for each episode with chapters that the description cannot list.
pub fn check(episodes: &[Episode]) -> Diagnostics {
    let mut found = Diagnostics::default();
    found.extend(episodes.iter().filter_map(why_none));
    found
}

/// Why the description of `episode`, which has chapters, lists none of them.
fn why_none(episode: &Episode) -> Option<Diagnostic> {
    let first = episode.chapters.first()?;
    let count = episode.chapters.len();
    let (at, message, help) = if count < MIN_CHAPTERS {
        (
            first.pos,
            t!(
                "render-timestamps-too-few",
                count = count,
                min = MIN_CHAPTERS
            ),
            t!("render-timestamps-too-few-help"),
        )
    } else if first.start_ms >= 1000 {
        (
            first.pos,
            t!(
                "render-timestamps-late-start",
                start = stamp(first.start_ms, false)
            ),
            t!("render-timestamps-late-start-help"),
        )
    } else {
        let chapter = same_second(episode)?;
        (
            chapter.pos,
            t!(
                "render-timestamps-same-second",
                title = chapter.title.as_str()
            ),
            t!("render-timestamps-same-second-help"),
        )
    };
    Some(
        Diagnostic::warning(episode.file(), message)
            .at_pos(at)
            .help(help),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Chapter;
    use crate::testutil::episode;

    fn with_chapters(starts: &[u64]) -> Episode {
        let mut e = episode("001-a", "g", "2026-01-10 08:00");
        e.chapters = starts
            .iter()
            .enumerate()
            .map(|(i, &start_ms)| Chapter {
                start_ms,
                title: format!("Partie {i} & <suite>"),
                ..Chapter::default()
            })
            .collect();
        e
    }

    #[test]
    fn the_block_keeps_spotifys_rule() {
        let e = with_chapters(&[0, 15_846, 22_402, 59_999]);
        // Spotify's rule, which tests/it/reach.rs reads back from a real feed.
        assert_eq!(
            lines(&e).unwrap(),
            [
                "00:00 Partie 0 & <suite>",
                "00:15 Partie 1 & <suite>",
                "00:22 Partie 2 & <suite>",
                "00:59 Partie 3 & <suite>"
            ]
        );
        let html = block(&e).unwrap();
        assert!(
            html.starts_with("<p>00:00 Partie 0 &amp; &lt;suite&gt;<br>\n00:15 "),
            "{html}"
        );
    }

    #[test]
    fn an_hour_long_episode_writes_hours() {
        let mut e = with_chapters(&[0, 1_800_000, 3_723_000]);
        e.media.samples = 4000 * 44_100;
        assert_eq!(
            lines(&e).unwrap(),
            [
                "00:00:00 Partie 0 & <suite>",
                "00:30:00 Partie 1 & <suite>",
                "01:02:03 Partie 2 & <suite>"
            ]
        );
    }

    #[test]
    fn too_few_chapters_or_a_late_first_one_give_no_block_and_a_warning() {
        for starts in [
            &[0, 10_000][..],
            &[5_000, 10_000, 20_000],
            &[0, 10_000, 10_500],
        ] {
            let e = with_chapters(starts);
            assert_eq!(block(&e), None);
            let warnings = check(std::slice::from_ref(&e));
            assert_eq!(warnings.warning_count(), 1, "{starts:?}");
        }
        let fine = [
            with_chapters(&[0, 1_000, 2_000]),
            with_chapters(&[999, 1_000, 2_000]),
            with_chapters(&[]),
        ];
        assert_eq!(check(&fine).warning_count(), 0);
        assert!(block(&fine[1]).is_some());
    }
}
