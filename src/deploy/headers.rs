//! The `Content-Type` and `Cache-Control` of each published file, for the targets that keep
//! them per file (S3) — other hosts decide them from the file's extension, and the check after
//! publishing says when they decide wrong.
//!
//! The feed and the pages change at every episode: caches keep them five minutes. The audio,
//! the artwork and the theme's assets are kept a year: an asset's address carries the hash of
//! its content (`style.css?v=…`), and an MP3 or a cover is replaced only when its episode is
//! (a new title in its tag).

/// Caches may keep the file a year and never ask again.
const LONG: &str = "public, max-age=31536000, immutable";
/// Caches ask again after five minutes.
const SHORT: &str = "public, max-age=300";

/// The `Content-Type` and `Cache-Control` of the published file at `path`.
pub fn of(path: &str) -> (&'static str, &'static str) {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match (path, extension) {
        ("feed.xml", _) => ("application/rss+xml; charset=utf-8", SHORT),
        (_, "mp3") => ("audio/mpeg", LONG),
        (_, "jpg" | "jpeg") => ("image/jpeg", LONG),
        (_, "png") => ("image/png", LONG),
        (_, "svg") => ("image/svg+xml", LONG),
        (_, "css") => ("text/css; charset=utf-8", LONG),
        (_, "js") => ("text/javascript; charset=utf-8", LONG),
        (_, "html") => ("text/html; charset=utf-8", SHORT),
        (_, "xml") => ("application/xml; charset=utf-8", SHORT),
        (_, "json") => ("application/json", SHORT),
        (_, "vtt") => ("text/vtt; charset=utf-8", SHORT),
        (_, "srt") => ("application/x-subrip", SHORT),
        (_, "txt") => ("text/plain; charset=utf-8", SHORT),
        _ => ("application/octet-stream", SHORT),
    }
}

#[cfg(test)]
mod tests {
    use super::of;

    #[test]
    fn what_podcast_apps_need() {
        assert_eq!(of("feed.xml").0, "application/rss+xml; charset=utf-8");
        assert_eq!(of("episodes/a/a.mp3"), ("audio/mpeg", super::LONG));
        assert_eq!(of("episodes/a/index.html").1, super::SHORT);
        assert_eq!(of("episodes/a/transcript.vtt").0, "text/vtt; charset=utf-8");
        assert_eq!(of("episodes/a/chapters.json").0, "application/json");
        assert_eq!(of("sitemap.xml").0, "application/xml; charset=utf-8");
        assert_eq!(of("cover.jpg").1, super::LONG);
        assert_eq!(of("LICENSE").0, "application/octet-stream");
    }
}
