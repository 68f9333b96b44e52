//! `carnets new` and `carnets init`: the right thing made easy. These two commands write
//! source files (a new episode folder, a new podcast folder), never over an existing one.

use std::fs;
use std::path::{Path, PathBuf};

use crate::show::validate::slugify;
use crate::t;
use crate::util::diag::Diagnostic;

const PODCAST_YAML: &str = include_str!("podcast.yaml");
const EPISODE_MD: &str = include_str!("episode.md");
const COVER_JPG: &[u8] = include_bytes!("cover.jpg");
/// Eight seconds of speech at Apple's loudness (-16.0 LUFS, true peak -1.6 dBTP, as `check`
/// wants them): `ffmpeg -af "volume=10dB,alimiter=limit=0.75:level=false:attack=1:release=30"`
/// then `lame -b 24 -m m`, from the earlier -23 LUFS take.
const EXAMPLE_MP3: &[u8] = include_bytes!("exemple.mp3");

/// Creates `episodes/<NNN>-<slug>/episode.md` for the next episode, as a draft dated now.
/// Returns the new folder.
pub fn new_episode(root: &Path, title: &str, now: jiff::Timestamp) -> Result<PathBuf, Diagnostic> {
    let episodes = root.join("episodes");
    if !root.join("podcast.yaml").is_file() {
        return Err(
            Diagnostic::error(root.join("podcast.yaml"), t!("show-no-podcast"))
                .help(t!("show-no-podcast-help")),
        );
    }
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Diagnostic::error(
            &episodes,
            t!("show-title-without-letters", title = title),
        ));
    }
    let number = next_number(&episodes);
    let dir = episodes.join(format!("{number:03}-{slug}"));
    let timezone = crate::show::config::load(root, None)
        .map(|(show, _)| show.timezone)
        .unwrap_or_else(|_| jiff::tz::TimeZone::get("Europe/Paris").expect("bundled zone"));
    let date = now
        .to_zoned(timezone)
        .strftime("%Y-%m-%d %H:%M")
        .to_string();
    let text = episode_md(title, &date, number, true);
    create_new(&dir, &[("episode.md", text.as_bytes())])?;
    Ok(dir)
}

/// Creates a new podcast folder at `dir` (absent or empty): `podcast.yaml` with every key
/// explained, a placeholder cover and one example episode, ready to build.
pub fn init(dir: &Path, now: jiff::Timestamp) -> Result<(), Diagnostic> {
    let date = now.to_zoned(jiff::tz::TimeZone::get("Europe/Paris").expect("bundled zone"));
    let episode = episode_md(
        "Bienvenue !",
        &date.strftime("%Y-%m-%d %H:%M").to_string(),
        1,
        false,
    );
    create_new(
        dir,
        &[
            ("podcast.yaml", PODCAST_YAML.as_bytes()),
            ("cover.jpg", COVER_JPG),
        ],
    )?;
    create_new(
        &dir.join("episodes/001-bienvenue"),
        &[
            ("episode.md", episode.as_bytes()),
            ("bienvenue.mp3", EXAMPLE_MP3),
        ],
    )
}

fn episode_md(title: &str, date: &str, number: u32, draft: bool) -> String {
    let quoted = format!("\"{}\"", title.replace('\\', "\\\\").replace('"', "\\\""));
    EPISODE_MD
        .replace("{title}", &quoted)
        .replace("{date}", date)
        .replace("{guid}", &uuid::Uuid::new_v4().to_string())
        .replace("{number}", &number.to_string())
        .replace(
            "draft: true",
            if draft { "draft: true" } else { "draft: false" },
        )
}

/// One more than the highest episode number in use: in folder names (`012-…`) and in
/// `number:` lines.
fn next_number(episodes: &Path) -> u32 {
    let mut highest = 0;
    for entry in fs::read_dir(episodes)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
        highest = highest.max(digits.parse().unwrap_or(0));
        let text = fs::read_to_string(entry.path().join("episode.md")).unwrap_or_default();
        for line in text.lines() {
            if let Some(n) = line
                .strip_prefix("number:")
                .and_then(|n| n.trim().parse::<u32>().ok())
            {
                highest = highest.max(n);
            }
        }
    }
    highest + 1
}

/// Creates `dir` (which must be absent or empty) holding `files`.
fn create_new(dir: &Path, files: &[(&str, &[u8])]) -> Result<(), Diagnostic> {
    let busy = fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if busy {
        return Err(Diagnostic::error(dir, t!("show-folder-not-empty"))
            .help(t!("show-folder-not-empty-help")));
    }
    let fail =
        |e: std::io::Error| Diagnostic::error(dir, t!("show-cannot-create", error = e.to_string()));
    fs::create_dir_all(dir).map_err(fail)?;
    for (name, bytes) in files {
        fs::write(dir.join(name), bytes).map_err(fail)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{SHOW_YAML, podcast, write};

    fn now() -> jiff::Timestamp {
        "2026-07-14T10:30:00Z".parse().unwrap()
    }

    #[test]
    fn new_numbers_after_the_highest_and_slugs_the_french_title() {
        let dir = podcast(SHOW_YAML);
        write(
            dir.path(),
            "episodes/007-x/episode.md",
            "---\nnumber: 9\n---\n",
        );
        write(dir.path(), "episodes/003-y/episode.md", "");
        let made = new_episode(dir.path(), "L'été à Noël !", now()).unwrap();
        assert_eq!(made.file_name().unwrap(), "010-l-ete-a-noel");
        let text = fs::read_to_string(made.join("episode.md")).unwrap();
        assert!(text.contains("title: \"L'été à Noël !\""), "{text}");
        assert!(
            text.contains("date: 2026-07-14 12:30"),
            "Paris summer time: {text}"
        );
        assert!(text.contains("number: 10\n") && text.contains("draft: true\n"));
        let guid = text.lines().find_map(|l| l.strip_prefix("guid: ")).unwrap();
        assert!(uuid::Uuid::parse_str(guid).is_ok());
        assert!(
            new_episode(dir.path(), "L'été à Noël !", now()).is_ok(),
            "next number, new folder"
        );
    }

    #[test]
    fn new_refuses_outside_a_podcast_and_never_overwrites() {
        let empty = tempfile::tempdir().unwrap();
        assert!(
            new_episode(empty.path(), "Titre", now())
                .unwrap_err()
                .to_string()
                .contains("carnets init")
        );
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "x/keep.txt", "precious");
        assert!(init(&dir.path().join("x"), now()).is_err());
        assert_eq!(
            fs::read_to_string(dir.path().join("x/keep.txt")).unwrap(),
            "precious"
        );
    }

    /// The commented keys of a scaffold file, uncommented: `# key: …` and the indented lines
    /// of their values.
    fn uncommented(text: &str) -> String {
        let mut value = false;
        text.lines()
            .map(|line| {
                let rest = line.strip_prefix("# ");
                let key = rest.is_some_and(|r| {
                    r.split_once(':').is_some_and(|(k, _)| {
                        !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                    })
                });
                value = key || (value && rest.is_some_and(|r| r.starts_with("  ")));
                match (key || value, rest) {
                    (true, Some(rest)) => format!("{rest}\n"),
                    _ => format!("{line}\n"),
                }
            })
            .collect()
    }

    #[test]
    fn every_key_the_scaffold_explains_loads_once_uncommented() {
        let dir = tempfile::tempdir().unwrap();
        init(&dir.path().join("p"), now()).unwrap();
        let root = dir.path().join("p");
        let yaml = uncommented(PODCAST_YAML);
        assert!(
            yaml.contains("\nformats: ") && yaml.contains("\npodping: true"),
            "{yaml}"
        );
        write(&root, "podcast.yaml", &yaml);
        let (show, _) = crate::show::config::load(&root, None).unwrap();
        assert_eq!((show.formats.len(), show.podroll.len()), (2, 1));
        assert!(show.extras.value.is_some() && show.extras.ai_content.is_some());
        let episode = uncommented(&episode_md("Titre", "2026-07-14 12:30", 1, false));
        let header = crate::show::episode::split(&episode).unwrap();
        let parsed: std::collections::BTreeMap<String, serde_json::Value> =
            crate::show::yaml::parse(header.yaml, Path::new("e"), 1).unwrap();
        for key in [
            "images",
            "ai_content",
            "social_interact",
            "value",
            "chapters",
        ] {
            assert!(parsed.contains_key(key), "{key}: {episode}");
        }
        crate::show::episode::parse_header(&episode).unwrap();
    }

    #[test]
    fn quotes_in_titles_stay_valid_yaml() {
        let dir = podcast(SHOW_YAML);
        let made = new_episode(dir.path(), "Le \"vrai\" coût \\ de l'IA", now()).unwrap();
        let text = fs::read_to_string(made.join("episode.md")).unwrap();
        let split = crate::show::episode::split(&text).unwrap();
        let parsed: std::collections::BTreeMap<String, serde_json::Value> =
            crate::show::yaml::parse(split.yaml, Path::new("e"), 1).unwrap();
        assert_eq!(parsed["title"], "Le \"vrai\" coût \\ de l'IA");
    }
}
