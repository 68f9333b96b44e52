//! Rendering the RSS feed of 1000 episodes (the test podcast's show, generated episodes with
//! about 3 kB of HTML notes each, one in ten with chapters).
//!
//! `cargo bench --bench feed`.

use std::path::Path;

use carnets::audio::{AudioInfo, MpegVersion};
use carnets::model::{Chapter, Episode};
use divan::Bencher;

fn main() {
    divan::main();
}

fn episodes(show: &carnets::model::Show, n: usize) -> Vec<Episode> {
    let paragraph = "<p>Les <strong>notes</strong> de l'épisode : une entreprise, ses données, \
        ce que l'IA y change &amp; ce qu'elle n'y change pas. <a href=\"https://example.fr/\">\
        Pour aller plus loin</a>.</p>\n";
    (0..n)
        .map(|i| {
            let date = jiff::Timestamp::from_second(1_600_000_000 - i as i64 * 86_400)
                .expect("a date")
                .to_zoned(show.timezone.clone());
            Episode {
                slug: format!("{:05}-carnet", n - i),
                title: format!("Carnet de bord n° {} : l'IA & les PME <suite>", n - i),
                date,
                guid: uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, &i.to_le_bytes()).to_string(),
                number: Some((n - i) as u32),
                summary: Some("Une phrase qui donne envie d'écouter l'épisode.".into()),
                notes_html: paragraph.repeat(12).into(),
                chapters: if i % 10 == 0 {
                    (0..3)
                        .map(|c| Chapter {
                            start_ms: c * 20_000,
                            title: format!("Partie {c}"),
                            ..Chapter::default()
                        })
                        .collect()
                } else {
                    Vec::new()
                },
                media: AudioInfo {
                    version: MpegVersion::Mpeg1,
                    layer: 3,
                    sample_rate: 44_100,
                    channels: 2,
                    frames: 2_500,
                    samples: 2_500 * 1152,
                    audio_start: 0,
                    audio_end: 1_045_000,
                    vbr: false,
                    bitrate: 128_000,
                },
                published_size: 1_245_000,
                ..Episode::default()
            }
        })
        .collect()
}

#[divan::bench(sample_count = 20)]
fn feed_of_1000_episodes(bencher: Bencher) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/podcast");
    let (show, _) = carnets::show::config::load(&root, None).expect("the test podcast's show");
    let episodes = episodes(&show, 1000);
    bencher.bench(|| carnets::render::feed::render(divan::black_box(&show), &episodes));
}
