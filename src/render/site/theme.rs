//! The default theme, embedded in the binary, and the podcast's own `theme/` folder whose
//! files override the built-in ones of the same name (mdBook and zola do the same).
//!
//! A theme is `templates/*.html|xml` (minijinja) and `static/**` (published under `assets/`).
//! The podcast may also add templates (e.g. a partial its own `index.html` includes) and
//! static files the default theme does not have.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};

/// The templates of the default theme, by name.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../../theme/templates/base.html"),
    ),
    (
        "macros.html",
        include_str!("../../../theme/templates/macros.html"),
    ),
    (
        "index.html",
        include_str!("../../../theme/templates/index.html"),
    ),
    (
        "episode.html",
        include_str!("../../../theme/templates/episode.html"),
    ),
    (
        "search.html",
        include_str!("../../../theme/templates/search.html"),
    ),
    (
        "404.html",
        include_str!("../../../theme/templates/404.html"),
    ),
    (
        "sitemap.xml",
        include_str!("../../../theme/templates/sitemap.xml"),
    ),
];

/// The static files of the default theme, by path under `static/`.
const STATIC: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../../../theme/static/style.css"),
    ),
    (
        "carnets.js",
        include_bytes!("../../../theme/static/carnets.js"),
    ),
    (
        "favicon.svg",
        include_bytes!("../../../theme/static/favicon.svg"),
    ),
];

/// Where static files are published, under the output root.
pub const ASSETS_DIR: &str = "assets";

/// The theme of one build: the built-in files, overridden by those of `dir`.
#[derive(Clone, Debug)]
pub struct Theme {
    dir: PathBuf,
}

/// A static file to publish.
#[derive(Clone, Debug)]
pub struct Asset {
    /// Path under `static/` (`style.css`), published as `assets/<name>`.
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Theme {
    /// The theme of a podcast whose overrides live in `dir` (`<root>/theme`; may not exist).
    pub fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
        }
    }

    /// The source of a template: the podcast's `theme/templates/<name>` when it exists, else
    /// the built-in one; `None` when neither exists.
    pub fn template(&self, name: &str) -> io::Result<Option<String>> {
        let Some(path) = self.override_path(name) else {
            return Ok(None);
        };
        match fs::read_to_string(&path) {
            Ok(source) => Ok(Some(source)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(builtin(name).map(String::from)),
            Err(e) => Err(io::Error::new(
                e.kind(),
                t!(
                    "render-theme-cannot-read-template",
                    path = path.display().to_string(),
                    error = e.to_string()
                ),
            )),
        }
    }

    /// A hash of the podcast's own templates (the built-in ones are part of the executable);
    /// `None` when one cannot be read.
    pub fn fingerprint(&self) -> Option<String> {
        let mut hasher = blake3::Hasher::new();
        let templates = self.dir.join("templates");
        if templates.exists() {
            for entry in walkdir::WalkDir::new(&templates).sort_by_file_name() {
                let entry = entry.ok()?;
                if entry.file_type().is_dir() {
                    continue;
                }
                let name = entry.path().strip_prefix(&templates).ok()?;
                let bytes = fs::read(entry.path()).ok()?;
                crate::util::hash::hash_parts(
                    &mut hasher,
                    &[name.as_os_str().as_encoded_bytes(), &bytes],
                );
            }
        }
        Some(hasher.finalize().to_hex().to_string())
    }

    /// The file a template comes from, for diagnostics: the podcast's override, or the
    /// built-in file (`<built-in theme>/templates/<name>`).
    pub fn template_path(&self, name: &str) -> PathBuf {
        match self.override_path(name) {
            Some(path) if path.is_file() => path,
            _ => Path::new("<built-in theme>/templates").join(name),
        }
    }

    /// Every static file: the built-in ones, replaced or completed by `theme/static/**`.
    pub fn assets(&self) -> Result<Vec<Asset>, Diagnostics> {
        let mut assets: BTreeMap<String, Vec<u8>> = STATIC
            .iter()
            .map(|(name, bytes)| ((*name).to_string(), bytes.to_vec()))
            .collect();
        let dir = self.dir.join("static");
        if !dir.is_dir() {
            return Ok(into_assets(assets));
        }
        let mut diagnostics = Diagnostics::default();
        let walk = walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            // Hidden files (`.DS_Store`, editor swap files) are not part of a theme.
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let path = e.path().unwrap_or(&dir).to_path_buf();
                    diagnostics.push(Diagnostic::error(
                        path,
                        t!("render-theme-cannot-read", error = e.to_string()),
                    ));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(relative) = entry.path().strip_prefix(&dir) else {
                continue;
            };
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            match fs::read(entry.path()) {
                Ok(bytes) => {
                    assets.insert(name, bytes);
                }
                Err(e) => diagnostics.push(Diagnostic::error(
                    entry.path(),
                    t!("render-theme-cannot-read-file", error = e.to_string()),
                )),
            }
        }
        diagnostics.check()?;
        Ok(into_assets(assets))
    }

    /// `dir/templates/<name>`, or `None` for a name that would leave the folder.
    fn override_path(&self, name: &str) -> Option<PathBuf> {
        let relative = Path::new(name);
        let safe = relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        safe.then(|| self.dir.join("templates").join(relative))
    }
}

fn into_assets(assets: BTreeMap<String, Vec<u8>>) -> Vec<Asset> {
    assets
        .into_iter()
        .map(|(name, bytes)| Asset { name, bytes })
        .collect()
}

fn builtin(name: &str) -> Option<&'static str> {
    TEMPLATES
        .iter()
        .find(|(builtin, _)| *builtin == name)
        .map(|(_, source)| *source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_templates_are_found_without_a_theme_folder() {
        let theme = Theme::new(Path::new("/nonexistent/theme"));
        let base = theme.template("base.html").unwrap().unwrap();
        assert!(base.contains("<html"));
        assert_eq!(theme.template("nope.html").unwrap(), None);
        assert_eq!(
            theme.template_path("index.html"),
            Path::new("<built-in theme>/templates/index.html")
        );
    }

    #[test]
    fn the_podcast_theme_overrides_and_adds_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("templates")).unwrap();
        fs::create_dir_all(dir.path().join("static/img")).unwrap();
        fs::write(dir.path().join("templates/index.html"), "mine").unwrap();
        fs::write(dir.path().join("static/style.css"), "body{}").unwrap();
        fs::write(dir.path().join("static/img/logo.svg"), "<svg/>").unwrap();
        fs::write(dir.path().join("static/.DS_Store"), "junk").unwrap();
        let theme = Theme::new(dir.path());

        assert_eq!(
            theme.template("index.html").unwrap().as_deref(),
            Some("mine")
        );
        assert_eq!(
            theme.template_path("index.html"),
            dir.path().join("templates/index.html")
        );
        assert!(
            theme
                .template("episode.html")
                .unwrap()
                .unwrap()
                .contains("audio")
        );

        let assets = theme.assets().unwrap();
        let names: Vec<_> = assets.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            ["carnets.js", "favicon.svg", "img/logo.svg", "style.css"]
        );
        let style = assets.iter().find(|a| a.name == "style.css").unwrap();
        assert_eq!(style.bytes, b"body{}");
    }

    #[test]
    fn every_file_of_the_theme_folder_is_embedded() {
        // The repository root is a podcast whose theme/ is the default theme: a file added
        // there but not to the lists above would work here and be missing from the binary.
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("theme");
        for (dir, embedded) in [
            (
                "templates",
                TEMPLATES.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            ),
            ("static", STATIC.iter().map(|(n, _)| *n).collect()),
        ] {
            for entry in walkdir::WalkDir::new(root.join(dir)) {
                let entry = entry.unwrap();
                if entry.file_type().is_file() {
                    let name = entry.path().strip_prefix(root.join(dir)).unwrap();
                    let name = name.to_string_lossy().replace('\\', "/");
                    assert!(
                        embedded.contains(&name.as_str()),
                        "theme/{dir}/{name} is not embedded"
                    );
                }
            }
        }
    }

    #[test]
    fn template_names_cannot_leave_the_theme_folder() {
        let theme = Theme::new(Path::new("/tmp/theme"));
        assert_eq!(theme.template("../podcast.yaml").unwrap(), None);
        assert_eq!(theme.template("/etc/passwd").unwrap(), None);
    }
}
