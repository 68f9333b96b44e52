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
    write(dir.path(), "cover.jpg", "not checked by the loader");
    dir
}

/// Writes `text` at `root/relative`, creating folders.
pub fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}
