//! Structured data for search engines: schema.org `PodcastSeries` on the archive pages and
//! `PodcastEpisode` on the episode pages, as JSON-LD ready to print inside
//! `<script type="application/ld+json">`.

use serde_json::{Map, Value, json};

use super::context::{EpisodeCtx, SiteCtx};

/// The show as a `PodcastSeries`.
pub fn series(site: &SiteCtx) -> String {
    let mut value = series_value(site);
    if let Value::Object(map) = &mut value {
        map.insert("@context".into(), json!("https://schema.org"));
        map.insert("description".into(), json!(site.description_text));
        map.insert("image".into(), json!(site.image.abs_url));
        map.insert("webFeed".into(), json!(site.feed.abs_url));
        map.insert("inLanguage".into(), json!(site.language));
        map.insert(
            "author".into(),
            json!({ "@type": "Organization", "name": site.author }),
        );
        if !site.persons.is_empty() {
            map.insert(
                "actor".into(),
                Value::Array(site.persons.iter().map(|p| person(&p.name)).collect()),
            );
        }
        if let Some(license) = &site.license_url {
            map.insert("license".into(), json!(license));
        }
    }
    script_safe(&value)
}

/// One episode as a `PodcastEpisode`, part of the show's `PodcastSeries`.
pub fn episode(site: &SiteCtx, e: &EpisodeCtx) -> String {
    let mut map = Map::new();
    map.insert("@context".into(), json!("https://schema.org"));
    map.insert("@type".into(), json!("PodcastEpisode"));
    map.insert("name".into(), json!(e.title));
    map.insert("url".into(), json!(e.abs_url));
    map.insert("description".into(), json!(e.description));
    map.insert("datePublished".into(), json!(e.date.iso));
    map.insert("timeRequired".into(), json!(e.duration.iso));
    map.insert("inLanguage".into(), json!(site.language));
    map.insert("image".into(), json!(e.image.abs_url));
    if let Some(number) = e.number {
        map.insert("episodeNumber".into(), json!(number));
    }
    if let Some(season) = e.season {
        map.insert(
            "partOfSeason".into(),
            json!({ "@type": "PodcastSeason", "seasonNumber": season }),
        );
    }
    map.insert(
        "associatedMedia".into(),
        json!({
            "@type": "AudioObject",
            "contentUrl": e.audio.abs_url,
            "encodingFormat": e.audio.mime,
            "contentSize": e.audio.size.to_string(),
            "duration": e.duration.iso,
        }),
    );
    map.insert("partOfSeries".into(), series_value(site));
    if !e.persons.is_empty() {
        map.insert(
            "actor".into(),
            Value::Array(e.persons.iter().map(|p| person(&p.name)).collect()),
        );
    }
    if !e.keywords.is_empty() {
        map.insert("keywords".into(), json!(e.keywords.join(", ")));
    }
    script_safe(&Value::Object(map))
}

fn series_value(site: &SiteCtx) -> Value {
    json!({ "@type": "PodcastSeries", "name": site.title, "url": site.base_url })
}

fn person(name: &str) -> Value {
    json!({ "@type": "Person", "name": name })
}

/// JSON that cannot end the `<script>` element it is printed in: `<`, `>` and `&` only occur
/// inside JSON strings, where their `\u` escapes mean the same.
fn script_safe(value: &Value) -> String {
    serde_json::to_string(value)
        .expect("serialisable")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let text = script_safe(&json!({ "name": "</script><script>alert(1)</script> & co" }));
        assert!(!text.contains('<') && !text.contains('&'), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script> & co");
    }
}
