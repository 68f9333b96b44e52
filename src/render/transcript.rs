//! The Podcasting 2.0 JSON transcript (`transcript.json`), from the cues of the parsed
//! transcript.

use serde::Serialize;

use crate::model::Cue;

/// The Podcasting 2.0 JSON transcript (`application/json`).
pub fn to_json(cues: &[Cue]) -> String {
    #[derive(Serialize)]
    struct Segment<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        speaker: Option<&'a str>,
        #[serde(rename = "startTime")]
        start_time: f64,
        #[serde(rename = "endTime")]
        end_time: f64,
        body: &'a str,
    }
    #[derive(Serialize)]
    struct Json<'a> {
        version: &'static str,
        segments: Vec<Segment<'a>>,
    }
    let segments = cues
        .iter()
        .map(|c| Segment {
            speaker: c.speaker.as_deref(),
            start_time: c.start_ms as f64 / 1000.0,
            end_time: c.end_ms as f64 / 1000.0,
            body: &c.text,
        })
        .collect();
    let mut json = serde_json::to_string_pretty(&Json {
        version: "1.0.0",
        segments,
    })
    .expect("serialisable");
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TranscriptFormat;
    use crate::show::transcript::parse;

    const VTT: &str = "WEBVTT - Les Carnets\n\nNOTE written by hand\n\n1\n00:00.000 --> 00:04.500 align:start\n<v Hélène Van Waes>Bonjour &amp; <b>bienvenue</b></v>\n\n00:00:04.500 --> 00:00:09.000\n<v.loud Manuel>Merci,\nHélène.\n\n00:09.000 --> 00:12.000\nSans voix.\n";

    #[test]
    fn json_transcript_has_speakers_and_seconds() {
        let cues = parse(VTT, TranscriptFormat::Vtt).unwrap();
        let json: serde_json::Value = serde_json::from_str(&to_json(&cues)).unwrap();
        assert_eq!(json["version"], "1.0.0");
        assert_eq!(json["segments"][0]["speaker"], "Hélène Van Waes");
        assert_eq!(json["segments"][1]["startTime"], 4.5);
        assert!(json["segments"][2].get("speaker").is_none());
    }
}
