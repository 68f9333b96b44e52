//! The search index: one static JSON file (`search.json`) that the search page's script
//! downloads and searches in the reader's browser, with no server and no network after it.
//!
//! It holds, for each episode newest first, what the result list shows (title, date, duration,
//! summary) and the text to search: the show notes as plain text and the transcript by
//! paragraphs, so a hit in the transcript can link to the paragraph and say when it is said.
//! The text is kept as written: the script folds case and accents itself (« equipe » finds
//! « équipe »), with one rule for the index and the query.

use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use super::context::EpisodeCtx;
use crate::util::html::to_one_line;

#[derive(Serialize)]
struct Entry<'a> {
    url: &'a str,
    title: &'a str,
    number: Option<u32>,
    season: Option<u32>,
    date: &'a str,
    duration: &'a str,
    summary: Option<&'a str>,
    keywords: &'a [String],
    /// Names of the people of the episode.
    people: Vec<&'a str>,
    /// The show notes as plain text.
    notes: String,
    transcript: Vec<Paragraph<'a>>,
}

#[derive(Serialize)]
struct Paragraph<'a> {
    /// The paragraph's `id` on the episode page.
    id: &'a str,
    /// `0:10`.
    time: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
    text: &'a str,
}

/// The index of `count` episodes (newest first) whose entries `entry` gives, as compact JSON.
/// Entries are made on every core, a few dozen at a time, so that the text of every episode is
/// not held twice at once.
pub fn index(count: usize, entry: impl Fn(usize) -> Arc<str> + Sync) -> String {
    let mut json = String::from("{\"version\":1,\"episodes\":[");
    for chunk in (0..count).collect::<Vec<_>>().chunks(64) {
        let entries: Vec<Arc<str>> = chunk.par_iter().map(|&i| entry(i)).collect();
        for entry in entries {
            if !json.ends_with('[') {
                json.push(',');
            }
            json.push_str(&entry);
        }
    }
    json.push_str("]}\n");
    json
}

/// One episode's entry, as compact JSON.
pub fn entry(e: &EpisodeCtx) -> String {
    let entry = Entry {
        url: &e.url,
        title: &e.title,
        number: e.number,
        season: e.season,
        date: &e.date.text,
        duration: &e.duration.text,
        summary: e.summary.as_deref(),
        keywords: &e.keywords,
        people: e.persons.iter().map(|p| p.name.as_str()).collect(),
        notes: to_one_line(&e.notes_html),
        transcript: e
            .transcript
            .iter()
            .flat_map(|t| &t.paragraphs)
            .map(|p| Paragraph {
                id: &p.id,
                time: &p.timestamp,
                speaker: p.speaker.as_deref(),
                text: &p.text,
            })
            .collect(),
    };
    serde_json::to_string(&entry).expect("serialisable")
}
