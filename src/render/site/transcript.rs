//! The transcript as a reader wants it on the episode page: paragraphs instead of subtitle
//! cues, each with its speaker and the time it starts (a link that seeks the player).
//!
//! Consecutive cues of one speaker make one paragraph; a long monologue is still cut, at the
//! end of a sentence once the paragraph lasts a minute, so the timestamps stay useful.

use serde::Serialize;

use super::text::iso_duration;
use crate::model::Cue;

/// A paragraph of one speaker that lasts longer than this is cut at the next sentence end.
const LONG_PARAGRAPH_MS: u64 = 60_000;

/// One paragraph of the transcript.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ParagraphCtx {
    /// The paragraph's `id` on the episode page (`tr-1`, `tr-2`…), linked to by the search.
    pub id: String,
    pub start_ms: u64,
    /// Start in seconds with the milliseconds (`10.374`): `data-start` and `#t=` fragment.
    pub start: String,
    /// `0:10`, `12:05`, `1:02:03`.
    pub timestamp: String,
    /// ISO 8601 duration from the start, for `<time datetime>`.
    pub iso: String,
    /// Who speaks, from the WebVTT voice tag; `None` when the cues do not say.
    pub speaker: Option<String>,
    /// The text of the cues, joined by spaces.
    pub text: String,
}

/// Groups the cues into paragraphs: one per run of cues of the same speaker.
pub fn paragraphs(cues: &[Cue]) -> Vec<ParagraphCtx> {
    let mut out: Vec<ParagraphCtx> = Vec::new();
    let mut previous: Option<&Cue> = None;
    for cue in cues.iter().filter(|c| !c.text.trim().is_empty()) {
        let continues = previous.zip(out.last()).is_some_and(|(before, current)| {
            before.speaker == cue.speaker
                && (cue.start_ms.saturating_sub(current.start_ms) < LONG_PARAGRAPH_MS
                    || !ends_a_sentence(&before.text))
        });
        match out.last_mut() {
            Some(current) if continues => {
                current.text.push(' ');
                current.text.push_str(cue.text.trim());
            }
            _ => out.push(ParagraphCtx {
                id: format!("tr-{}", out.len() + 1),
                start_ms: cue.start_ms,
                start: seconds(cue.start_ms),
                timestamp: clock(cue.start_ms),
                iso: iso_duration(cue.start_ms / 1000),
                speaker: cue.speaker.clone(),
                text: cue.text.trim().to_string(),
            }),
        }
        previous = Some(cue);
    }
    out
}

fn ends_a_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['»', '"', '\u{a0}', '\u{202f}', ' '])
        .ends_with(['.', '!', '?', '…'])
}

/// Seconds with the milliseconds, without trailing zeros: `10.374`, `22.4`, `15`.
pub fn seconds(ms: u64) -> String {
    let (secs, millis) = (ms / 1000, ms % 1000);
    if millis == 0 {
        return secs.to_string();
    }
    let fraction = format!("{millis:03}");
    format!("{secs}.{}", fraction.trim_end_matches('0'))
}

/// A clock time as players show it: `0:10`, `12:05`, `1:02:03` (whole seconds, rounded down).
pub fn clock(ms: u64) -> String {
    let secs = ms / 1000;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(start_ms: u64, speaker: Option<&str>, text: &str) -> Cue {
        Cue {
            start_ms,
            end_ms: start_ms + 1000,
            speaker: speaker.map(String::from),
            text: text.into(),
            line: 0,
        }
    }

    fn shape(paragraphs: &[ParagraphCtx]) -> Vec<(&str, Option<&str>, &str, &str)> {
        paragraphs
            .iter()
            .map(|p| {
                (
                    p.id.as_str(),
                    p.speaker.as_deref(),
                    p.timestamp.as_str(),
                    p.text.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn consecutive_cues_of_one_speaker_make_one_paragraph() {
        let cues = [
            cue(0, Some("Hélène"), "Bonjour"),
            cue(2_500, Some("Hélène"), "et bienvenue."),
            cue(5_000, Some("Manuel"), "Merci."),
            cue(65_000, Some("Hélène"), "Au revoir."),
            cue(66_000, None, "Sans voix."),
            cue(67_000, None, "Encore."),
        ];
        assert_eq!(
            shape(&paragraphs(&cues)),
            [
                ("tr-1", Some("Hélène"), "0:00", "Bonjour et bienvenue."),
                ("tr-2", Some("Manuel"), "0:05", "Merci."),
                ("tr-3", Some("Hélène"), "1:05", "Au revoir."),
                ("tr-4", None, "1:06", "Sans voix. Encore."),
            ]
        );
        assert_eq!(paragraphs(&cues)[1].start, "5");
    }

    #[test]
    fn a_long_monologue_is_cut_at_a_sentence_end_after_a_minute() {
        let cues = [
            cue(0, Some("A"), "Un."),
            cue(30_000, Some("A"), "Deux."),
            cue(61_000, Some("A"), "Trois, mais"),
            cue(70_000, Some("A"), "la phrase continue."),
            cue(80_000, Some("A"), "Quatre."),
        ];
        let texts: Vec<_> = paragraphs(&cues).into_iter().map(|p| p.text).collect();
        assert_eq!(
            texts,
            ["Un. Deux.", "Trois, mais la phrase continue. Quatre."]
        );
    }

    #[test]
    fn empty_cues_are_skipped() {
        assert!(paragraphs(&[cue(0, None, "  ")]).is_empty());
    }

    #[test]
    fn times_for_fragments_and_for_readers() {
        assert_eq!(seconds(10_374), "10.374");
        assert_eq!(seconds(22_400), "22.4");
        assert_eq!(seconds(15_000), "15");
        assert_eq!(seconds(0), "0");
        assert_eq!(clock(10_374), "0:10");
        assert_eq!(clock(725_000), "12:05");
        assert_eq!(clock(3_723_000), "1:02:03");
    }
}
