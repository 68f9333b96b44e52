use super::*;

const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:a="http://www.w3.org/2005/Atom"
     xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:acast="https://schema.acast.com/1.0/"
     xmlns:psc="http://podlove.org/simple-chapters">
<channel>
  <title><![CDATA[Les Carnets & co]]></title>
  <a:link rel="self" href="https://feeds.old.example/show"/>
  <a:link rel="next" href="https://feeds.old.example/show?page=2"/>
  <itunes:new-feed-url>https://elsewhere.example/feed</itunes:new-feed-url>
  <acast:showId>abc</acast:showId>
  <itunes:owner><itunes:name>Cité</itunes:name><itunes:email>a@b.fr</itunes:email></itunes:owner>
  <itunes:category text="Business"><itunes:category text="Entrepreneurship"/><itunes:category text="Marketing"/></itunes:category>
  <itunes:category text="Technology"/>
  <podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
  <podcast:locked owner="a@b.fr">yes</podcast:locked>
  <item>
    <title>Épisode&#160;1 : l&apos;IA</title>
    <guid isPermaLink="false">  abc-123  </guid>
    <pubDate>Tue, 05 Mar 2024 10:00 PST</pubDate>
    <enclosure url="https://dts.podtrac.com/redirect.mp3/x.example/1.mp3" length="1" type="audio/mpeg"/>
    <c:encoded><![CDATA[<p>Notes</p>]]></c:encoded>
    <podcast:person role="guest" href="https://h.example">Hélène</podcast:person>
    <psc:chapters version="1.2"><psc:chapter start="00:00:00" title="Intro"/></psc:chapters>
    <podcast:transcript url="https://x.example/1.vtt" type="text/vtt"/>
  </item>
  <item><title>Deux</title><guid>https://x.example/2</guid></item>
</channel>
</rss>"#;

#[test]
fn reads_channel_and_items_by_namespace_uri() {
    let page = read(FEED.as_bytes(), "feed.xml").unwrap();
    let c = &page.channel;
    assert_eq!(c.title, "Les Carnets & co");
    assert_eq!(c.owner_email, "a@b.fr");
    assert_eq!(c.self_link, "https://feeds.old.example/show");
    assert_eq!(
        c.next_page.as_deref(),
        Some("https://feeds.old.example/show?page=2")
    );
    assert_eq!(
        c.categories,
        [
            ("Business".to_string(), Some("Entrepreneurship".to_string())),
            ("Business".to_string(), Some("Marketing".to_string())),
            ("Technology".to_string(), None)
        ]
    );
    assert_eq!(
        (c.locked.as_str(), c.locked_owner.as_str()),
        ("yes", "a@b.fr")
    );
    let first = &page.items[0];
    assert_eq!(first.title, "Épisode\u{a0}1 : l'IA");
    assert_eq!(
        (first.guid.as_deref(), first.guid_permalink),
        (Some("abc-123"), Some(false))
    );
    assert_eq!(first.line, 17);
    assert_eq!(
        first.enclosure.as_ref().unwrap().url,
        "https://dts.podtrac.com/redirect.mp3/x.example/1.mp3"
    );
    assert_eq!(first.content_encoded, "<p>Notes</p>");
    assert_eq!(first.persons[0].name, "Hélène");
    assert_eq!(first.psc[0].title, "Intro");
    assert_eq!(first.transcripts[0].mime, "text/vtt");
    assert_eq!(page.items[1].guid_permalink, None);
}

#[test]
fn what_is_not_rss_is_refused() {
    let error = read("<html><body/></html>".as_bytes(), "x").unwrap_err();
    assert!(error.message.contains("not an RSS feed"));
}
