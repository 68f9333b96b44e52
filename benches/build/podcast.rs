//! The benchmark podcast: N episode folders, each with a distinct ~1 MB CBR MP3 without a
//! Xing/Info header (so measuring it takes a full frame scan), French show notes of about 400
//! words, and a chapter list in one episode out of ten.
//!
//! The audio is encoded once by a real encoder (ffmpeg's LAME), 10 minutes of it; each episode
//! then takes [`FRAMES`] consecutive frames of it, starting at its own frame and wrapping
//! around, so every MP3 is a different byte string cut at frame boundaries. Everything is
//! generated once under `target/bench/` and reused by later runs.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Frames per episode: 2 500 frames of 418 bytes (128 kbps, 44.1 kHz) ≈ 1.04 MB, 65 s.
pub const FRAMES: usize = 2_500;

/// Seconds of audio encoded once, sliced into the episodes (≈ 23 000 frames).
const MASTER_SECONDS: u32 = 600;

/// Bumped when the generated podcast changes, so stale caches are rebuilt.
const VERSION: &str = "carnets-bench-podcast 2";

/// The folder of the generated podcast of `n` episodes (generated if missing).
pub fn podcast(dir: &Path, n: usize) -> PathBuf {
    let root = dir.join(format!("podcast-{n}"));
    let marker = root.join(".generated");
    if fs::read_to_string(&marker).is_ok_and(|v| v == VERSION) {
        return root;
    }
    eprintln!("generating a podcast of {n} episodes in {}", root.display());
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(root.join("episodes")).expect("create the podcast folder");
    let frames = master_frames(dir);
    let cover = Path::new(env!("CARGO_MANIFEST_DIR")).join("cover.jpg");
    fs::copy(cover, root.join("cover.jpg")).expect("copy the cover");
    fs::write(root.join("podcast.yaml"), PODCAST_YAML).expect("write podcast.yaml");
    let stride = frames.len() / n.max(1);
    for i in 0..n {
        let folder = root.join("episodes").join(slug(i));
        fs::create_dir_all(&folder).expect("create an episode folder");
        fs::write(folder.join("episode.md"), episode_md(i, 0)).expect("write episode.md");
        let mut mp3 = id3_title(&format!("Carnet {i}"));
        let first = i * stride.max(1);
        for k in 0..FRAMES {
            mp3.extend_from_slice(&frames[(first + k) % frames.len()]);
        }
        fs::write(folder.join("audio.mp3"), mp3).expect("write an MP3");
    }
    fs::write(&marker, VERSION).expect("write the marker");
    root
}

/// The folder name of episode `i`.
pub fn slug(i: usize) -> String {
    format!("{:05}-carnet", i + 1)
}

/// The `episode.md` of episode `i`; `edit` changes one word of the notes (0: as generated).
pub fn episode_md(i: usize, edit: usize) -> String {
    let mut rng = Lcg(i as u64 * 7919 + 17);
    let date = jiff::civil::date(2000, 1, 3)
        .checked_add(jiff::Span::new().days(i as i64))
        .expect("a date");
    let guid = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, slug(i).as_bytes());
    let mut md = format!(
        "---\ntitle: \"{}\"\ndate: {date} 08:00\nguid: {guid}\nnumber: {}\nsummary: \"{}\"\n",
        capitalise(&rng.words(6)),
        i + 1,
        capitalise(&rng.words(18)),
    );
    if i.is_multiple_of(10) {
        md.push_str("chapters:\n");
        for (start, words) in [("00:00", 2), ("00:20", 4), ("00:45", 3)] {
            let _ = writeln!(
                md,
                "  - {{ start: \"{start}\", title: \"{}\" }}",
                capitalise(&rng.words(words))
            );
        }
    }
    md.push_str("---\n");
    md.push_str(&notes(&mut rng, edit));
    md
}

/// About 400 words of French Markdown: paragraphs, a heading, a list, a link, some emphasis.
fn notes(rng: &mut Lcg, edit: usize) -> String {
    let mut md = String::new();
    if edit > 0 {
        let _ = writeln!(md, "Mise à jour n° {edit}.\n");
    }
    for section in 0..3 {
        if section > 0 {
            let _ = writeln!(md, "## {}\n", capitalise(&rng.words(4)));
        }
        for _ in 0..2 {
            for _ in 0..4 {
                let _ = write!(md, "{}. ", capitalise(&rng.words(15)));
            }
            md.push_str("\n\n");
        }
    }
    for _ in 0..3 {
        let _ = writeln!(md, "- **{}** : {}", rng.words(2), rng.words(6));
    }
    let _ = writeln!(
        md,
        "\nPour aller plus loin : [{}](https://example.fr/{}).",
        rng.words(3),
        rng.next() % 1000
    );
    md
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A small deterministic generator, so every run writes the same podcast.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn words(&mut self, n: usize) -> String {
        let words: Vec<&str> = (0..n)
            .map(|_| WORDS[self.next() as usize % WORDS.len()])
            .collect();
        words.join(" ")
    }
}

/// The frames of the master MP3, encoded once by ffmpeg (LAME, CBR 128 kbps, no Xing/Info).
fn master_frames(dir: &Path) -> Vec<Vec<u8>> {
    let master = dir.join("master.mp3");
    if !master.exists() {
        eprintln!("encoding {MASTER_SECONDS} s of audio with ffmpeg (once)");
        let tmp = dir.join("master.tmp.mp3");
        let status = Command::new("ffmpeg")
            .args(["-v", "error", "-y", "-f", "lavfi", "-i"])
            .arg(format!(
                "anoisesrc=d={MASTER_SECONDS}:c=pink:r=44100:a=0.2,volume='0.5+0.4*sin(t)':eval=frame"
            ))
            .args(["-ac", "2", "-c:a", "libmp3lame", "-b:a", "128k"])
            .args(["-write_xing", "0", "-id3v2_version", "0", "-f", "mp3"])
            .arg(&tmp)
            .status()
            .expect("run ffmpeg (scripts/bench.sh installs it)");
        assert!(status.success(), "ffmpeg failed");
        fs::rename(&tmp, &master).expect("keep the master MP3");
    }
    split_frames(&fs::read(&master).expect("read the master MP3"))
}

/// Cuts an MPEG-1 Layer III stream (no tags) into its frames.
fn split_frames(bytes: &[u8]) -> Vec<Vec<u8>> {
    const KBPS: [usize; 16] = [
        0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0,
    ];
    const RATES: [usize; 4] = [44_100, 48_000, 32_000, 0];
    let mut frames = Vec::new();
    let mut at = 0;
    while at + 4 <= bytes.len() {
        let h = &bytes[at..at + 4];
        assert!(
            h[0] == 0xFF && h[1] & 0xFE == 0xFA,
            "not an MPEG-1 Layer III frame at {at}"
        );
        let kbps = KBPS[usize::from(h[2] >> 4)];
        let rate = RATES[usize::from((h[2] >> 2) & 3)];
        let len = 144_000 * kbps / rate + usize::from((h[2] >> 1) & 1);
        if at + len > bytes.len() {
            break;
        }
        frames.push(bytes[at..at + len].to_vec());
        at += len;
    }
    frames
}

/// A small ID3v2.3 tag with a title, as an editor would leave it (carnets drops it).
fn id3_title(title: &str) -> Vec<u8> {
    let mut frame = vec![0u8]; // ISO-8859-1
    frame.extend(title.bytes());
    let mut tag = b"ID3\x03\x00\x00".to_vec();
    let size = 10 + frame.len();
    tag.extend([0, 0, (size >> 7) as u8 & 0x7F, size as u8 & 0x7F]);
    tag.extend(b"TIT2");
    tag.extend((frame.len() as u32).to_be_bytes());
    tag.extend([0, 0]);
    tag.extend(frame);
    tag
}

const PODCAST_YAML: &str = r#"title: "Les Carnets du banc d'essai"
description: |
  Une émission **imaginaire** qui sert de banc d'essai à carnets : mille épisodes et plus.
base_url: "https://bench.example.fr/"
language: fr-FR
author: "L'équipe du banc d'essai"
owner: { name: "Banc d'essai", email: "bench@example.fr" }
image: cover.jpg
categories: ["Technology", "Business/Entrepreneurship"]
copyright: "© 2026 Banc d'essai"
keywords: [essai, performance]
license: cc-by-4.0
"#;

const WORDS: &[&str] = &[
    "entreprise",
    "intelligence",
    "artificielle",
    "données",
    "formation",
    "dirigeant",
    "équipe",
    "projet",
    "outil",
    "métier",
    "région",
    "accompagnement",
    "stratégie",
    "client",
    "production",
    "qualité",
    "réseau",
    "atelier",
    "usine",
    "logiciel",
    "modèle",
    "éthique",
    "confiance",
    "économie",
    "industrie",
    "numérique",
    "transformation",
    "compétence",
    "avenir",
    "expérience",
    "innovation",
    "recherche",
    "université",
    "étudiant",
    "emploi",
    "salarié",
    "prévision",
    "maintenance",
    "sécurité",
    "énergie",
    "commerce",
    "service",
    "marché",
    "besoin",
    "solution",
    "chiffre",
    "résultat",
    "bilan",
    "question",
    "réponse",
    "idée",
    "exemple",
    "territoire",
    "ville",
    "lille",
    "nord",
    "côte",
    "pays",
    "année",
    "mois",
    "semaine",
    "journée",
    "matin",
    "soir",
    "travail",
    "temps",
    "façon",
    "manière",
    "début",
    "fin",
    "rôle",
    "place",
    "partie",
    "groupe",
    "moyen",
    "effort",
    "coût",
    "prix",
    "valeur",
    "très",
    "plus",
    "moins",
    "aussi",
    "déjà",
    "encore",
    "toujours",
    "souvent",
    "ensemble",
    "vraiment",
    "simplement",
    "d'abord",
    "ensuite",
    "enfin",
    "pourtant",
    "donc",
    "car",
    "mais",
    "et",
    "ou",
    "avec",
    "sans",
    "pour",
    "dans",
    "sur",
    "chez",
    "vers",
    "entre",
    "depuis",
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "du",
    "de",
    "ce",
    "cette",
    "nos",
    "vos",
    "leur",
    "comprendre",
    "apprendre",
    "choisir",
    "mesurer",
    "réussir",
    "changer",
    "gagner",
    "créer",
    "décider",
    "former",
    "tester",
    "déployer",
    "automatiser",
    "prévoir",
    "écouter",
    "parler",
    "nouveau",
    "petit",
    "grand",
    "premier",
    "dernier",
    "concret",
    "simple",
    "utile",
    "rapide",
    "fiable",
    "humain",
    "local",
    "régional",
    "français",
    "européen",
    "ouvert",
    "libre",
];
