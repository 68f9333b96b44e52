//! The Podcasting 2.0 elements beyond guid, locked, funding and persons: licence, medium,
//! location, txt, update frequency and trailers in the channel; location and soundbites in
//! the items.

use super::rfc2822;
use super::xml::{XmlWriter, present};
use crate::model::{Episode, EpisodeType, Location, Show, seconds};

/// The channel's elements, after its persons.
pub fn channel(w: &mut XmlWriter, show: &Show, episodes: &[Episode]) {
    if let Some(license) = &show.license {
        match &show.license_url {
            Some(url) => w.text("podcast:license", &[("url", url)], license),
            None => w.text("podcast:license", &[], license),
        }
    }
    if let Some(medium) = &show.medium {
        w.text("podcast:medium", &[], medium);
    }
    if let Some(location) = &show.location {
        self::location(w, location);
    }
    for txt in &show.txt {
        match &txt.purpose {
            Some(purpose) => w.text("podcast:txt", &[("purpose", purpose)], &txt.value),
            None => w.text("podcast:txt", &[], &txt.value),
        }
    }
    if let Some(frequency) = &show.update_frequency {
        let complete = frequency.complete.map(|c| if c { "true" } else { "false" });
        let attrs = present([
            ("complete", complete),
            ("dtstart", frequency.dtstart.as_deref()),
            ("rrule", frequency.rrule.as_deref()),
        ]);
        w.text("podcast:updateFrequency", &attrs, &frequency.text);
    }
    for episode in episodes
        .iter()
        .filter(|e| e.episode_type == EpisodeType::Trailer)
    {
        trailer(w, show, episode);
    }
}

/// A `podcast:trailer` for an episode of type `trailer`. Its URL is the audio's own, without
/// the analytics prefix: playing a trailer from a directory page is not a download to count.
fn trailer(w: &mut XmlWriter, show: &Show, episode: &Episode) {
    let url = show.media_url(episode);
    let pubdate = rfc2822(&episode.date);
    let length = episode.published_size.to_string();
    let season = episode.season.map(|s| s.to_string());
    let mut attrs = vec![
        ("url", url.as_str()),
        ("pubdate", pubdate.as_str()),
        ("length", length.as_str()),
        ("type", "audio/mpeg"),
    ];
    if let Some(season) = &season {
        attrs.push(("season", season));
    }
    w.text("podcast:trailer", &attrs, &episode.title);
}

/// The item's elements, after its persons.
pub fn item(w: &mut XmlWriter, episode: &Episode) {
    if let Some(location) = &episode.location {
        self::location(w, location);
    }
    for bite in &episode.soundbites {
        let start = seconds(bite.start_ms);
        let duration = seconds(bite.duration_ms);
        let attrs = [
            ("startTime", start.as_str()),
            ("duration", duration.as_str()),
        ];
        match &bite.title {
            Some(title) => w.text("podcast:soundbite", &attrs, title),
            None => w.empty("podcast:soundbite", &attrs),
        }
    }
}

fn location(w: &mut XmlWriter, location: &Location) {
    let mut attrs = Vec::new();
    if let Some(geo) = &location.geo {
        attrs.push(("geo", geo.as_str()));
    }
    if let Some(osm) = &location.osm {
        attrs.push(("osm", osm.as_str()));
    }
    w.text("podcast:location", &attrs, &location.name);
}
