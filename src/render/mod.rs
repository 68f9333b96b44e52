//! Rendering: the domain model turned into the files of the output, as values (`output`
//! writes them): the feed (`feed/`), the site's pages (`site/`), the JSON chapters and
//! transcripts, the chapters as the description's timestamps (`timestamps`), and the copies
//! of the artwork, images and transcripts as the producer made them.

pub mod chapters;
pub mod feed;
pub mod site;
pub mod timestamps;
pub mod transcript;

use std::path::Path;
use std::sync::Arc;

use crate::model::{Artwork, Episode, Image, ImageLocation, Show};
use crate::output::{Content, FragmentKey, OutputFile};
use crate::util::diag::Diagnostics;

/// Text made from what hashes to a key: by an earlier build, or else now by the function given.
pub type Fragment<'a> = dyn Fn(FragmentKey, &dyn Fn() -> String) -> Arc<str> + Sync + 'a;

/// Every file of the output but the MP3s: the feed, the pages (`theme_dir` holds the
/// podcast's own theme files, `memo` what earlier builds left), the chapters, the transcripts
/// and the artwork.
pub fn render(
    show: &Show,
    episodes: &[Episode],
    theme_dir: &Path,
    memo: &site::Memo<'_>,
) -> Result<Vec<OutputFile>, Diagnostics> {
    // The pages (the longest) render on this thread, the feed on the other.
    let (pages, feed) = rayon::join(
        || site::render(show, episodes, theme_dir, memo),
        || feed::render_kept(show, episodes, memo.fragment),
    );
    let mut files = vec![copy(&show.image.published, &show.image.source)];
    files.extend(images(&show.extras.images, Some(&show.image)));
    for episode in episodes {
        files.extend(episode_files(show, episode));
    }
    files.push(OutputFile {
        path: "feed.xml".into(),
        content: Content::bytes(feed),
    });
    files.extend(pages?);
    Ok(files)
}

/// An episode's artwork, chapters and transcript, when it has them.
fn episode_files(show: &Show, episode: &Episode) -> Vec<OutputFile> {
    let mut files = Vec::new();
    if let Some(image) = &episode.image {
        files.push(copy(&image.published, &image.source));
    }
    files.extend(images(&episode.extras.images, episode.image.as_ref()));
    if let Some(path) = episode.chapters_path() {
        files.push(OutputFile {
            path,
            content: Content::bytes(chapters::to_json(show, episode)),
        });
    }
    if let (Some(transcript), Some(path), Some(json_path)) = (
        &episode.transcript,
        episode.transcript_path(),
        episode.transcript_json_path(),
    ) {
        files.push(copy(&path, &transcript.source));
        files.push(OutputFile {
            path: json_path,
            content: Content::bytes(transcript::to_json(&transcript.cues)),
        });
    }
    files
}

/// The image files of `podcast:image`, but the `artwork`, published already.
fn images(images: &[Image], artwork: Option<&Artwork>) -> Vec<OutputFile> {
    images
        .iter()
        .filter_map(|image| match &image.location {
            ImageLocation::File(art) if Some(art) != artwork => {
                Some(copy(&art.published, &art.source))
            }
            _ => None,
        })
        .collect()
}

fn copy(path: &str, source: &Path) -> OutputFile {
    OutputFile {
        path: path.to_string(),
        content: Content::Copy(source.to_path_buf()),
    }
}
