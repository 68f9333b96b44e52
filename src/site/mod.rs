//! The HTML archive, rendered with minijinja from the embedded theme (overridable by `theme/`).

use std::path::Path;

use crate::diag::Diagnostics;
use crate::model::{Episode, Show};
use crate::output::OutputFile;

/// Renders every page of the site; `theme_dir` holds the podcast's own overrides, if any.
pub fn render(
    show: &Show,
    episodes: &[Episode],
    theme_dir: &Path,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let _ = (show, episodes, theme_dir);
    Ok(Vec::new())
}
