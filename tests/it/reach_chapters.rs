//! The chapters where Spotify and Apple look for them, on the "Ondes courtes" fixture
//! (`reach_support.rs`): feedparser reads `psc:chapters` with the front matter's times, and
//! the description starts with the chapters as timestamps by Spotify's rule, or, under three
//! chapters, with none, which `carnets check` says at the line.

use std::process::Command;

use crate::common;
use crate::feed_readers::run_json;
use crate::reach_support::{built, front_matter_chapters, items};

/// The timestamps at the start of a description (HTML), read as Spotify reads them: the
/// lines that begin with `mm:ss` or `hh:mm:ss` then a title, in seconds, when there are at
/// least three, the first at 0 and each later than the one before; otherwise none.
fn spotify_timestamps(html: &str) -> Vec<(u64, String)> {
    let text = html.replace("<br>", "\n").replace("</p>", "\n");
    let text: String = text
        .split('<')
        .map(|p| p.split_once('>').map_or(p, |(_, t)| t))
        .collect();
    let stamps: Vec<(u64, String)> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map_while(|line| {
            let (stamp, title) = line.split_once(' ')?;
            let parts: Vec<u64> = stamp
                .split(':')
                .map(|p| p.parse().ok())
                .collect::<Option<_>>()?;
            let well_formed = (2..=3).contains(&parts.len()) && stamp.len() >= 5;
            well_formed.then(|| (parts.iter().fold(0, |t, p| t * 60 + p), title.to_string()))
        })
        .collect();
    let ascending = stamps.windows(2).all(|w| w[0].0 < w[1].0);
    match stamps.len() >= 3 && stamps[0].0 == 0 && ascending {
        true => stamps,
        false => Vec::new(),
    }
}

#[test]
fn psc_chapters_and_the_description_timestamps_are_the_front_matter_chapters() {
    let (Some(built), Some(python)) = (built(), common::python_module("feedparser")) else {
        return;
    };
    let script = "import feedparser, json, sys\n\
        d = feedparser.parse(sys.argv[1])\n\
        print(json.dumps([{'guid': e.id, 'chapters': [{'start': c['start_parsed'].total_seconds(), 'title': c['title']} \
        for c in e.get('psc_chapters', {}).get('chapters', [])]} for e in d.entries]))";
    let mut command = Command::new(python);
    command.args(["-c", script]).arg(built.feed());
    let read = run_json(command);
    let chapters = front_matter_chapters();
    let xml = std::fs::read_to_string(built.feed()).unwrap();
    for (entry, (guid, _, description)) in read.as_array().unwrap().iter().zip(items(&xml)) {
        assert_eq!(entry["guid"], guid.as_str());
        let want = &chapters[guid.as_str()];
        let got: Vec<(f64, &str)> = entry["chapters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["start"].as_f64().unwrap(), c["title"].as_str().unwrap()))
            .collect();
        let expected: Vec<(f64, &str)> = want
            .iter()
            .map(|(ms, t)| (*ms as f64 / 1000.0, *t))
            .collect();
        assert_eq!(got, expected, "psc:chapters of {guid}");
        // Spotify's rule (Apple's is looser): three chapters or more, the first at 00:00.
        let stamps = spotify_timestamps(&description);
        if want.len() >= 3 {
            let expected: Vec<(u64, String)> = want
                .iter()
                .map(|(ms, t)| (ms / 1000, t.replace('\'', "&#39;")))
                .collect();
            assert_eq!(stamps, expected, "{description}");
        } else {
            assert_eq!(
                stamps,
                [],
                "no timestamps below three chapters: {description}"
            );
            assert!(!description.contains("00:00"), "{description}");
        }
    }
    assert!(
        !built.stderr.contains("warning"),
        "the build warns of nothing: {}",
        built.stderr
    );
    let (code, _, stderr) = common::run(
        common::carnets()
            .arg("check")
            .arg("--root")
            .arg(&built.root),
    );
    assert_eq!(code, 0, "{stderr}");
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(
        warnings[0].contains(
            "episodes/002-le-grand-retour/episode.md:8:5: warning: this episode has 2 chapter(s)"
        ),
        "{stderr}"
    );
}
