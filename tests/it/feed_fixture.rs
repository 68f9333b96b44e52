//! A show and its episodes built in Rust for the feed tests: realistic French data with the
//! characters readers get wrong (accents, `&`, `<`, quotes, emoji, a control character, `]]>`
//! in the notes), an episode in summer time and two in winter time, with and without season,
//! number, artwork, summary and persons.

use std::path::PathBuf;

use carnets::audio::{AudioInfo, MpegVersion};
use carnets::model::{
    Artwork, Category, Chapter, Episode, EpisodeType, Funding, Location, Owner, Person, Show,
    ShowType, Soundbite, Transcript, TranscriptFormat, Txt, UpdateFrequency,
};
use carnets::util::diag::Pos;
use jiff::Zoned;
use uuid::Uuid;

/// The character the feed must drop (BEL), planted in some fields.
pub const CONTROL: char = '\u{7}';

/// The date `civil` (`2025-07-06T08:00`) in Paris.
pub fn paris(civil: &str) -> Zoned {
    civil
        .parse::<jiff::civil::DateTime>()
        .expect("a civil date-time")
        .in_tz("Europe/Paris")
        .expect("Europe/Paris is in the tz database")
}

fn person(name: &str, role: &str, href: Option<&str>, img: Option<&str>) -> Person {
    Person {
        name: name.into(),
        role: role.into(),
        group: "cast".into(),
        href: href.map(Into::into),
        img: img.map(Into::into),
    }
}

/// Les Carnets de l'IA, as `podcast.yaml` would give it.
pub fn show() -> Show {
    let base_url = "https://cite-ia.example/carnets/";
    Show {
        title: "Les Carnets de l'IA : R&D, PME <enfin> \"pratique\" 🎙️".into(),
        description: "Le podcast de la **Cité de l'IA** (Lille) : l'IA *concrète* pour les PME & ETI.\n\nUn épisode par mois.".into(),
        description_html: "<p>Le podcast de la <strong>Cité de l'IA</strong> (Lille) : l'IA <em>concrète</em> pour les PME &amp; ETI.</p>\n<p>Un épisode par mois.</p>\n".into(),
        base_url: base_url.into(),
        language: "fr-FR".into(),
        author: "Cité de l'IA — Lille & Hauts-de-France".into(),
        owner: Owner {
            name: "Équipe \"Carnets\" & co".into(),
            email: "podcast@cite-ia.example".into(),
        },
        image: Artwork {
            source: PathBuf::from("cover.jpg"),
            published: "cover.jpg".into(),
        },
        categories: vec![
            Category { name: "Technology".into(), sub: None },
            Category { name: "Business".into(), sub: Some("Entrepreneurship".into()) },
            Category { name: "Education".into(), sub: Some("Courses".into()) },
            Category { name: "Business".into(), sub: Some("Management".into()) },
        ],
        show_type: ShowType::Episodic,
        copyright: Some("© 2025 Cité de l'IA & ses partenaires".into()),
        subtitle: Some("L'IA concrète pour les PME <et> les ETI".into()),
        keywords: vec!["IA".into(), "PME".into(), "Hauts-de-France".into()],
        guid: Uuid::new_v5(
            &Uuid::parse_str("ead4c236-bf58-58c6-a2c6-a6b28d128cb6").unwrap(),
            b"cite-ia.example/carnets/feed.xml",
        ),
        locked: Some(true),
        funding: vec![Funding {
            url: "https://cite-ia.example/soutenir?via=podcast&format=court".into(),
            text: "Soutenir les Carnets & la Cité".into(),
        }],
        persons: vec![
            person(
                "Camille Lefèvre",
                "host",
                Some("https://cite-ia.example/equipe/camille"),
                Some("https://cite-ia.example/carnets/equipe/camille.jpg"),
            ),
            person("Jérôme « Jay » Dupont", "host", None, None),
        ],
        license: Some("cc-by-4.0".into()),
        license_url: Some("https://creativecommons.org/licenses/by/4.0/".into()),
        timezone: jiff::tz::TimeZone::get("Europe/Paris").unwrap(),
        media_base_url: "https://media.cite-ia.example/carnets/".into(),
        analytics_prefix: Some("https://op3.dev/e/".into()),
        medium: Some("podcast".into()),
        location: Some(Location {
            name: "Lille & Hauts-de-France <Nord>".into(),
            geo: Some("geo:50.6292,3.0573".into()),
            osm: Some("R58404".into()),
        }),
        txt: vec![
            Txt {
                purpose: Some("applepodcastsverify".into()),
                value: "6a1c2f0e-1b2c-4d5e-8f90-123456789abc".into(),
            },
            Txt {
                purpose: None,
                value: "Vérification & <test>".into(),
            },
        ],
        update_frequency: Some(UpdateFrequency {
            text: "Un épisode par mois & des hors-séries".into(),
            rrule: Some("FREQ=MONTHLY;BYDAY=3TH".into()),
            complete: Some(false),
            dtstart: Some("2025-01-16T07:00:00Z".into()),
        }),
        block: true,
        complete: true,
        ..Default::default()
    }
}

/// An MPEG-1 layer III stream of `ms` milliseconds at 44.1 kHz.
fn media(ms: u64, bytes: u64) -> AudioInfo {
    let samples = ms * 44_100 / 1000;
    AudioInfo {
        version: MpegVersion::Mpeg1,
        layer: 3,
        sample_rate: 44_100,
        channels: 2,
        frames: samples.div_ceil(1152),
        samples,
        audio_start: 4_096,
        audio_end: 4_096 + bytes,
        vbr: false,
        bitrate: 128_000,
    }
}

fn episode(slug: &str, title: &str, date: Zoned) -> Episode {
    Episode {
        slug: slug.into(),
        dir: PathBuf::from("episodes").join(slug),
        title: title.into(),
        date,
        guid: Uuid::new_v5(&Uuid::NAMESPACE_URL, slug.as_bytes()).to_string(),
        episode_type: EpisodeType::Full,
        audio: PathBuf::from("episodes").join(slug).join("audio.mp3"),
        media: media(60_000, 960_000),
        published_size: 1_000_000,
        ..Default::default()
    }
}

/// The show notes of the newest episode, as the Markdown renderer gives them: a heading, a
/// footnote (relative `#` links), a relative image, a table, code with `<` and `&`, and a raw
/// `]]>` (legal in HTML, fatal in a CDATA section that does not split it).
pub const NOTES_12: &str = r##"<h2 id="au-programme">Au programme</h2>
<p>Avec <strong>Hélène Van Waes</strong> : l’IA &amp; les PME, sans &lt;jargon&gt; 🤖.<sup class="footnote-reference"><a href="#ep12-fn-1">1</a></sup></p>
<p><img src="schema.png" alt="Schéma « avant/après »" /></p>
<table>
<thead><tr><th style="text-align: left">Étape</th><th style="text-align: right">Durée</th></tr></thead>
<tbody><tr><td>Diagnostic</td><td style="text-align: right">2 jours</td></tr></tbody>
</table>
<pre><code>if cout &lt; budget &amp;&amp; gain &gt; 0 { lancer(); }
</code></pre>
<p>Fin du bloc : ]]> et on continue.</p>
<ul>
<li><a href="https://cite-ia.example/ateliers?ville=lille&amp;format=court">Les ateliers</a></li>
<li><a href="../001-bienvenue/">L’épisode 1</a></li>
</ul>
<div class="footnote-definition" id="ep12-fn-1"><sup class="footnote-definition-label">1</sup>
<p>Source : Bpifrance Le Lab, 2025.</p>
</div>
"##;

/// Three episodes, newest first (the order the pipeline gives them).
pub fn episodes() -> Vec<Episode> {
    let mut twelve = episode(
        "012-par-ou-commencer",
        "L'IA dans les PME : par où commencer ? R&D <vraiment> \"concret\" 🚀\u{7}",
        paris("2025-11-20T08:00:00"),
    );
    twelve.number = Some(12);
    twelve.season = Some(2);
    // `<` followed by a space: gPodder's podcastparser takes any `<word` for HTML and would
    // throw a plain-text summary with `<partager>` away.
    twelve.summary = Some(
        "Une phrase qui donne envie d'écouter & de partager : coût < 10 k€, \"vite\" 😀\u{7}"
            .into(),
    );
    twelve.explicit = Some(false);
    twelve.image = Some(Artwork {
        source: PathBuf::from("episodes/012-par-ou-commencer/cover.png"),
        published: "episodes/012-par-ou-commencer/cover.png".into(),
    });
    twelve.persons = vec![
        person(
            "Hélène Van Waes",
            "guest",
            Some("https://example.org/helene"),
            None,
        ),
        person("Camille Lefèvre", "host", None, None),
    ];
    twelve.keywords = vec!["PME".into(), "formation".into()];
    twelve.chapters = vec![Chapter {
        start_ms: 0,
        title: "Introduction".into(),
        pos: Pos::default(),
        ..Default::default()
    }];
    twelve.transcript = Some(Transcript {
        source: PathBuf::from("episodes/012-par-ou-commencer/transcript.vtt"),
        format: TranscriptFormat::Vtt,
        cues: Vec::new(),
    });
    twelve.soundbites = vec![
        Soundbite {
            start_ms: 73_000,
            duration_ms: 45_500,
            title: Some("Le diagnostic en 2 jours & sans <jargon>".into()),
            ..Default::default()
        },
        Soundbite {
            start_ms: 1_804_250,
            duration_ms: 60_000,
            title: None,
            ..Default::default()
        },
    ];
    twelve.location = Some(Location {
        name: "EuraTechnologies, Lille".into(),
        geo: Some("geo:50.6326,3.0197".into()),
        osm: None,
    });
    twelve.block = true;
    twelve.notes_html = NOTES_12.into();
    // 1 h 02 min 03.6 s: itunes:duration rounds to 3724.
    twelve.media = media(3_723_600, 59_577_600);
    twelve.published_size = 59_637_812;

    let mut summer = episode(
        "007-ete-hors-serie",
        "Hors-série d'été : l'IA générative à la plage ☀️",
        paris("2025-07-06T08:00:00"),
    );
    summer.episode_type = EpisodeType::Bonus;
    summer.notes_html =
        "<p>Un hors-série <em>léger</em>, enregistré en terrasse à Lille &amp; Roubaix.</p>\n"
            .into();
    summer.media = media(1_499_400, 23_990_400);
    summer.published_size = 24_012_345;

    let mut first = episode(
        "001-bienvenue",
        "Bienvenue dans « Les Carnets » !",
        paris("2025-01-15T18:30:00"),
    );
    first.number = Some(1);
    first.season = Some(1);
    first.episode_type = EpisodeType::Trailer;
    first.summary = Some("Qui sommes-nous ? Pourquoi ce podcast ?\nRéponses en 5 minutes.".into());
    first.explicit = Some(true);
    first.persons = vec![person(
        "Camille Lefèvre",
        "host",
        None,
        Some("https://cite-ia.example/carnets/equipe/camille.jpg"),
    )];
    first.notes_html = "<p>Présentation de l’équipe et du programme 2025.</p>\n".into();
    first.media = media(299_999, 4_800_000);
    first.published_size = 4_823_117;

    vec![twelve, summer, first]
}

/// `text` without the control characters the feed drops.
pub fn clean(text: &str) -> String {
    text.chars().filter(|&c| c != CONTROL).collect()
}
