//! The URLs of the site. Links between pages are root-relative (`/episodes/x/`, or
//! `/sub/episodes/x/` when `base_url` has a path), so the site works wherever `base_url`
//! points, `carnets serve` included; canonical, OpenGraph and sitemap URLs are absolute.

use serde::Serialize;

use crate::model::Show;

/// A URL, root-relative (`url`) for links and absolute (`abs_url`) for metadata.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub abs_url: String,
}

/// The search page, under the output root.
pub const SEARCH_PAGE: &str = "search/";
/// The search index, under the output root.
pub const SEARCH_INDEX: &str = "search.json";

/// Root-relative URLs of the site: `base_url`'s path followed by the page path.
#[derive(Clone, Debug)]
pub struct Urls {
    base: String,
    root: String,
    media: String,
}

impl Urls {
    pub fn new(show: &Show) -> Self {
        Self {
            base: show.base_url.clone(),
            root: root_path(&show.base_url),
            media: show.media_base_url.clone(),
        }
    }

    /// A path of the output (no leading `/`) as a root-relative and an absolute URL.
    pub fn link(&self, path: &str) -> Link {
        Link {
            url: format!("{}{path}", self.root),
            abs_url: format!("{}{path}", self.base),
        }
    }

    /// Where the audio is served: under the site, or on `media_base_url` when it differs.
    pub fn media(&self, path: &str) -> Link {
        if self.media == self.base {
            self.link(path)
        } else {
            let abs_url = format!("{}{path}", self.media);
            Link {
                url: abs_url.clone(),
                abs_url,
            }
        }
    }

    pub fn root(&self) -> &str {
        &self.root
    }
}

/// The path of an absolute URL, ending in `/`: `https://a.fr/podcast/` → `/podcast/`.
pub fn root_path(base_url: &str) -> String {
    let after_scheme = base_url.find("://").map_or(0, |i| i + 3);
    match base_url[after_scheme..].find('/') {
        Some(slash) => {
            let path = &base_url[after_scheme + slash..];
            if path.ends_with('/') {
                path.to_string()
            } else {
                format!("{path}/")
            }
        }
        None => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_path_keeps_the_path_of_base_url() {
        assert_eq!(root_path("https://carnets.citedelia.fr/"), "/");
        assert_eq!(root_path("https://example.org/podcast/"), "/podcast/");
        assert_eq!(root_path("http://127.0.0.1:8080/"), "/");
        assert_eq!(root_path("https://example.org"), "/");
    }
}
