//! The pages of the "Ondes courtes" fixture (`reach_support.rs`): the player offers the
//! formats, the home page recommends the podroll and says whom to pay in Lightning, episode
//! pages their own value, comments and AI note, and titles have the notes' typography (the
//! feed keeps the producer's text).

use crate::reach_support::built;

#[test]
fn the_site_offers_the_formats_recommends_the_podroll_and_shows_who_to_pay() {
    let Some(built) = built() else { return };
    let page = |path: &str| std::fs::read_to_string(built.public.join(path)).unwrap();
    let home = scraper::Html::parse_document(&page("index.html"));
    let select = |html: &scraper::Html, css: &str| -> Vec<String> {
        let selector = scraper::Selector::parse(css).unwrap();
        html.select(&selector)
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    let attrs = |html: &scraper::Html, css: &str, name: &str| -> Vec<String> {
        let selector = scraper::Selector::parse(css).unwrap();
        html.select(&selector)
            .filter_map(|e| e.value().attr(name).map(str::to_string))
            .collect()
    };
    assert_eq!(select(&home, "h1"), ["Ondes courtes, l’émission"]);
    assert_eq!(select(&home, "#recommandations"), ["Nos recommandations"]);
    assert_eq!(
        attrs(&home, "section[aria-labelledby=recommandations] a", "href"),
        [
            "https://podcasting2.org/",
            "https://rss.buzzsprout.com/231452.rss"
        ]
    );
    assert_eq!(select(&home, "#soutenir"), ["Soutenir l’émission"]);
    assert_eq!(
        attrs(&home, "section[aria-labelledby=soutenir] a", "href"),
        [
            "https://ondes.example.org/adherer",
            "lightning:lise@getalby.com",
            "lightning:frais@ondes.example.org"
        ]
    );
    assert!(
        page("index.html").contains("Value for Value"),
        "node recipients are explained"
    );
    let episode = scraper::Html::parse_document(&page("episodes/001-premiere-antenne/index.html"));
    assert_eq!(
        attrs(&episode, "#lecteur source", "type"),
        [
            "audio/ogg; codecs=opus",
            "audio/mp4; codecs=mp4a.40.2",
            "audio/mpeg"
        ]
    );
    assert_eq!(
        attrs(&episode, ".download a", "href"),
        [
            "/episodes/001-premiere-antenne/001-premiere-antenne.mp3",
            "/episodes/001-premiere-antenne/001-premiere-antenne.opus",
            "/episodes/001-premiere-antenne/001-premiere-antenne.m4a"
        ]
    );
    assert_eq!(
        select(&episode, "h1"),
        ["Première antenne : d’un bout à l’autre du monde"]
    );
    assert_eq!(
        attrs(&episode, "main a[href^='https://mastodon']", "href"),
        ["https://mastodon.example.org/@ondes/101"]
    );
    let second = scraper::Html::parse_document(&page("episodes/002-le-grand-retour/index.html"));
    assert_eq!(
        select(&second, "h1"),
        ["Le “grand” retour des postes à galène"]
    );
    assert_eq!(select(&second, "#soutenir"), ["Soutenir cet épisode"]);
    assert_eq!(
        attrs(&second, "section[aria-labelledby=soutenir] a", "href"),
        [
            "lightning:lise@getalby.com",
            "lightning:paul@walletofsatoshi.com"
        ]
    );
    let note = |html: &scraper::Html| select(html, ".notice").concat();
    assert!(
        note(&second).contains("Chapitres proposés par IA"),
        "its own"
    );
    assert!(note(&episode).contains("Voix de synthèse"), "the show's");
    // The feed keeps the producer's text.
    assert!(page("feed.xml").contains("<title>Le \"grand\" retour des postes à galène</title>"));
}
