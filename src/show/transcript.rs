//! Transcripts: WebVTT and SubRip parsed into cues and validated (`crate::render::transcript`
//! turns them into the Podcasting 2.0 JSON transcript).

use crate::model::{Cue, TranscriptFormat};
use crate::t;

/// A problem in a transcript file, at a line.
pub type Error = (u64, String);

/// Parses a transcript; cues must start in order and end after they start.
pub fn parse(text: &str, format: TranscriptFormat) -> Result<Vec<Cue>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    if format == TranscriptFormat::Vtt {
        let header = lines.first().copied().unwrap_or_default();
        if header != "WEBVTT" && !header.starts_with("WEBVTT ") && !header.starts_with("WEBVTT\t") {
            return Err((1, t!("show-vtt-no-header")));
        }
        i = 1;
    }
    let mut cues: Vec<Cue> = Vec::new();
    while i < lines.len() {
        // One block: lines up to the next blank line.
        let start = i;
        while i < lines.len() && !lines[i].trim().is_empty() {
            i += 1;
        }
        let block = &lines[start..i];
        i += 1;
        if block.is_empty() || (format == TranscriptFormat::Vtt && is_vtt_metadata(block[0])) {
            continue;
        }
        let Some(timing) = block.iter().take(2).position(|l| l.contains("-->")) else {
            return Err((start as u64 + 1, t!("show-cue-no-timing")));
        };
        let line = (start + timing) as u64 + 1;
        let (start_ms, end_ms) = timing_line(block[timing], format).map_err(|e| (line, e))?;
        if end_ms <= start_ms {
            return Err((line, t!("show-cue-ends-before-start")));
        }
        if let Some(previous) = cues.last().filter(|p| p.start_ms > start_ms) {
            return Err((line, t!("show-cue-out-of-order", line = previous.line)));
        }
        let raw = block[timing + 1..].join("\n");
        let (speaker, text) = cue_text(&raw);
        cues.push(Cue {
            start_ms,
            end_ms,
            speaker,
            text,
            line,
        });
    }
    Ok(cues)
}

fn is_vtt_metadata(first: &str) -> bool {
    ["NOTE", "STYLE", "REGION"]
        .iter()
        .any(|k| first == *k || first.starts_with(&format!("{k} ")))
}

fn timing_line(line: &str, format: TranscriptFormat) -> Result<(u64, u64), String> {
    let (from, rest) = line
        .split_once("-->")
        .ok_or_else(|| t!("show-cue-no-arrow"))?;
    let to = rest.split_whitespace().next().unwrap_or_default();
    Ok((timestamp(from.trim(), format)?, timestamp(to, format)?))
}

/// `hh:mm:ss.ttt` or `mm:ss.ttt` (WebVTT), `hh:mm:ss,ttt` (SubRip).
fn timestamp(text: &str, format: TranscriptFormat) -> Result<u64, String> {
    let separator = if format == TranscriptFormat::Srt {
        ','
    } else {
        '.'
    };
    let bad = || {
        let example = format!("00:01:02{separator}000");
        t!("show-timestamp-invalid", text = text, example = example)
    };
    let (clock, millis) = text.split_once(separator).ok_or_else(bad)?;
    if millis.len() != 3 || !millis.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let parts: Vec<&str> = clock.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.len() < 2 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad());
    }
    let numbers: Vec<u64> = parts
        .iter()
        .map(|p| p.parse().unwrap_or(u64::MAX))
        .collect();
    if numbers.iter().skip(numbers.len() - 2).any(|&n| n >= 60) {
        return Err(bad());
    }
    let seconds = numbers
        .iter()
        .fold(0u64, |acc, n| acc.saturating_mul(60).saturating_add(*n));
    Ok(seconds
        .saturating_mul(1000)
        .saturating_add(millis.parse::<u64>().map_err(|_| bad())?))
}

/// The speaker of a cue (its first voice tag) and its plain text.
fn cue_text(raw: &str) -> (Option<String>, String) {
    let mut speaker = None;
    let mut text = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            text.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = &rest[open + 1..open + close];
        if speaker.is_none()
            && let Some(voice) = tag
                .strip_prefix('v')
                .filter(|t| t.starts_with([' ', '.', '\t']))
        {
            // `<v.class Name>`: the name follows the first whitespace.
            let name = voice
                .split_once(char::is_whitespace)
                .map_or("", |(_, n)| n)
                .trim();
            if !name.is_empty() {
                speaker = Some(crate::util::html::unescape_html(name));
            }
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (speaker, crate::util::html::unescape_html(&joined))
}

#[cfg(test)]
mod tests {
    use super::*;

    const VTT: &str = "WEBVTT - Les Carnets\n\nNOTE written by hand\n\n1\n00:00.000 --> 00:04.500 align:start\n<v Hélène Van Waes>Bonjour &amp; <b>bienvenue</b></v>\n\n00:00:04.500 --> 00:00:09.000\n<v.loud Manuel>Merci,\nHélène.\n\n00:09.000 --> 00:12.000\nSans voix.\n";

    #[test]
    fn vtt_cues_with_voices() {
        let cues = parse(VTT, TranscriptFormat::Vtt).unwrap();
        assert_eq!(cues.len(), 3);
        assert_eq!(
            cues[0],
            Cue {
                start_ms: 0,
                end_ms: 4500,
                speaker: Some("Hélène Van Waes".into()),
                text: "Bonjour & bienvenue".into(),
                line: 6
            }
        );
        assert_eq!(
            (cues[1].speaker.as_deref(), cues[1].text.as_str()),
            (Some("Manuel"), "Merci, Hélène.")
        );
        assert_eq!(cues[2].speaker, None);
    }

    #[test]
    fn srt_cues() {
        let srt = "1\n00:00:01,000 --> 00:00:04,000\nBonjour.\n\n2\r\n00:00:04,000 --> 00:01:00,250\r\nAu revoir.\r\n";
        let cues = parse(srt, TranscriptFormat::Srt).unwrap();
        assert_eq!(cues[1].end_ms, 60_250);
        assert_eq!(cues[1].text, "Au revoir.");
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            parse("1\n00:00:01.000 --> x\n", TranscriptFormat::Vtt)
                .unwrap_err()
                .0,
            1
        );
        let backwards = "WEBVTT\n\n00:05.000 --> 00:06.000\na\n\n00:01.000 --> 00:02.000\nb\n";
        assert_eq!(
            parse(backwards, TranscriptFormat::Vtt).unwrap_err(),
            (6, "the cue starts before the previous one (line 3)".into())
        );
        assert_eq!(
            parse(
                "WEBVTT\n\n00:05.000 --> 00:04.000\na\n",
                TranscriptFormat::Vtt
            )
            .unwrap_err()
            .0,
            3
        );
        assert!(
            parse(
                "WEBVTT\n\n00:01,000 --> 00:02,000\na\n",
                TranscriptFormat::Vtt
            )
            .unwrap_err()
            .1
            .contains("not a timestamp")
        );
        assert!(
            parse("WEBVTT\n\njust text\n", TranscriptFormat::Vtt)
                .unwrap_err()
                .1
                .contains("timing line")
        );
    }
}
