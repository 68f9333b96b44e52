//! Podcasting 2.0 JSON chapters (`application/json+chapters`, version 1.2.0), from the same
//! chapter list as the ID3 CHAP frames, so the two never disagree.

use serde::Serialize;

use crate::model::{Episode, Show};

/// `chapters.json` of an episode with chapters.
pub fn to_json(show: &Show, episode: &Episode) -> String {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Chapter<'a> {
        start_time: f64,
        end_time: f64,
        title: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        url: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        img: Option<&'a str>,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Chapters<'a> {
        version: &'static str,
        author: &'a str,
        title: &'a str,
        podcast_name: &'a str,
        file_name: String,
        chapters: Vec<Chapter<'a>>,
    }
    let chapters = episode
        .chapters
        .iter()
        .enumerate()
        .map(|(i, c)| Chapter {
            start_time: c.start_ms as f64 / 1000.0,
            end_time: episode.chapter_end_ms(i) as f64 / 1000.0,
            title: &c.title,
            url: c.url.as_deref(),
            img: c.img.as_deref(),
        })
        .collect();
    let json = Chapters {
        version: "1.2.0",
        author: &show.author,
        title: &episode.title,
        podcast_name: &show.title,
        // The audio itself, not a download to count: no analytics prefix.
        file_name: show.media_url(episode),
        chapters,
    };
    let mut text = serde_json::to_string_pretty(&json).expect("serialisable");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Chapter;
    use crate::testutil::{episode, show};
    use crate::util::diag::Pos;

    #[test]
    fn chapters_end_where_the_next_starts_and_the_last_at_the_end_of_the_audio() {
        let mut e = episode("001-a", "g", "2026-01-10 08:00");
        let chapter = |start_ms, title: &str, url: Option<&str>| Chapter {
            start_ms,
            title: title.into(),
            url: url.map(str::to_string),
            img: None,
            pos: Pos::default(),
        };
        e.chapters = vec![
            chapter(0, "Intro", None),
            chapter(12_500, "Suite « 2 »", Some("https://x.fr")),
        ];
        let json: serde_json::Value = serde_json::from_str(&to_json(&show(), &e)).unwrap();
        assert_eq!(json["version"], "1.2.0");
        assert_eq!(json["chapters"][0]["endTime"], 12.5);
        assert_eq!(json["chapters"][1]["startTime"], 12.5);
        assert_eq!(json["chapters"][1]["endTime"], 60.0);
        assert_eq!(json["chapters"][1]["title"], "Suite « 2 »");
        assert_eq!(json["chapters"][1]["url"], "https://x.fr");
        assert!(json["chapters"][0].get("url").is_none());
    }
}
