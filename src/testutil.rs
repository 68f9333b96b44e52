//! Temporary podcast folders for unit tests.

use std::path::Path;

/// A minimal valid `podcast.yaml`; tests append or replace lines.
pub const SHOW_YAML: &str = "\
title: Les Carnets de l'IA
description: Le podcast de la **Cité de l'IA**.
base_url: https://carnets.example.fr/
language: fr-FR
author: Cité de l'IA
owner: { name: Cité de l'IA, email: podcast@example.fr }
image: cover.jpg
categories: [Technology, Business/Entrepreneurship]
";

/// Creates a podcast folder holding `podcast.yaml` (with `yaml`) and a `cover.jpg`.
pub fn podcast(yaml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "podcast.yaml", yaml);
    std::fs::write(
        dir.path().join("cover.jpg"),
        include_bytes!("show/scaffold/cover.jpg"),
    )
    .expect("cover");
    dir
}

/// Writes `text` at `root/relative`, creating folders.
pub fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// A loaded show from [`SHOW_YAML`] (its folder is dropped: only the values are used).
pub fn show() -> crate::model::Show {
    let dir = podcast(SHOW_YAML);
    crate::show::config::load(dir.path(), None)
        .expect("SHOW_YAML loads")
        .0
}

/// A one-minute episode published at `date` (local time in Paris), its GUID written in the file.
pub fn episode(slug: &str, guid: &str, date: &str) -> crate::model::Episode {
    use crate::audio::{AudioInfo, MpegVersion};
    use crate::model::{Episode, EpisodeType, Positions};
    use crate::util::diag::Pos;
    let tz = jiff::tz::TimeZone::get("Europe/Paris").expect("zone");
    Episode {
        slug: slug.into(),
        dir: std::path::PathBuf::from("episodes").join(slug),
        title: format!("Épisode {slug}"),
        date: crate::show::times::date(date, &tz).expect("date"),
        guid: guid.into(),
        episode_type: EpisodeType::Full,
        audio: std::path::PathBuf::from("episodes")
            .join(slug)
            .join("a.mp3"),
        media: AudioInfo {
            version: MpegVersion::Mpeg1,
            layer: 3,
            sample_rate: 44_100,
            channels: 2,
            frames: 2297,
            samples: 2_646_000,
            audio_start: 0,
            audio_end: 960_000,
            vbr: false,
            bitrate: 128_000,
        },
        published_size: 960_000,
        positions: Positions {
            guid: Some(Pos { line: 4, column: 7 }),
            date: Pos { line: 3, column: 7 },
            number: Pos::default(),
        },
        ..Default::default()
    }
}
