//! The podcast RSS feed: RSS 2.0 with the itunes, content, atom and podcast namespaces.

use crate::model::{Episode, Show};

/// Renders `feed.xml` for the published episodes (newest first).
pub fn render(show: &Show, episodes: &[Episode]) -> String {
    let _ = (show, episodes);
    String::new()
}
