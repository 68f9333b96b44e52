//! The HTML archive, rendered with minijinja from the embedded theme (overridable by `theme/`).
//!
//! [`render`] reads top to bottom: the theme and its assets, the template context (see
//! `context.rs` for every variable a template gets), then one call per page: the archive
//! pages, the episode pages, `404.html` and `sitemap.xml`. It returns files; `output`
//! writes them.
//!
//! Every template gets `site` (the show), `t` (UI strings in the show's language) and `page`
//! (`kind`, `url`, `abs_url`, `title`, `description`, `image`, `json_ld`). Archive pages
//! (`index.html`) also get `episodes` and `pagination`; episode pages (`episode.html`) get
//! `episode`, `newer` and `older`; the search page (`search.html`) gets `episodes` (all of
//! them, the list shown without JavaScript) and `search_index` (the index's URL, which changes
//! with its content); `sitemap.xml` gets `urls`.
//!
//! An episode page, or a page of the archive, is rendered again only when what it is made from
//! changed (see [`Kept`]).
//!
//! Besides the pages, the site has its search index (`search.json`, see `search.rs`).

mod context;
mod engine;
mod extras;
mod jsonld;
mod locale;
mod search;
mod strings;
mod text;
mod theme;
mod transcript;
mod urls;

use std::ops::Range;
use std::path::Path;

use minijinja::value::Serde;
use minijinja::{Value, context};
use rayon::prelude::*;

pub use context::{EpisodeCtx, SEARCH_INDEX, SEARCH_PAGE, SiteCtx};
pub use locale::Locale;
pub use theme::{ASSETS_DIR, Theme};
pub use transcript::ParagraphCtx;

use super::Fragment;
use crate::model::{Episode, Show};
use crate::output::{Content, OutputFile};
use crate::util::diag::Diagnostics;
use crate::util::hash::{fingerprint, hash_parts};
use context::{Link, Urls};
use engine::Engine;

/// Episodes per archive page.
pub const PER_PAGE: usize = 20;

/// One page of the archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// 1-based.
    pub number: usize,
    pub total: usize,
    /// Which episodes, as indices into the newest-first list.
    pub episodes: Range<usize>,
}

impl Page {
    /// The page's path relative to the output root: `` for the first, `page/N/` after.
    pub fn path(&self) -> String {
        page_path(self.number)
    }
}

fn page_path(number: usize) -> String {
    match number {
        0 | 1 => String::new(),
        n => format!("page/{n}/"),
    }
}

/// Splits `count` episodes into pages of `per_page`; there is always a first page, even empty.
pub fn paginate(count: usize, per_page: usize) -> Vec<Page> {
    let per_page = per_page.max(1);
    let total = count.div_ceil(per_page).max(1);
    (0..total)
        .map(|i| Page {
            number: i + 1,
            total,
            episodes: i * per_page..((i + 1) * per_page).min(count),
        })
        .collect()
}

/// The key of the output's copy of a page when it was rendered from inputs that hash to the
/// same (path, inputs hash): that page needs no rendering.
pub type Kept<'a> = dyn Fn(&str, &str) -> Option<String> + Sync + 'a;

/// What the builds before this one left that it may reuse.
pub struct Memo<'a> {
    pub kept: &'a Kept<'a>,
    pub fragment: &'a Fragment<'a>,
}

impl Memo<'static> {
    /// Nothing to reuse: every page rendered, every fragment made.
    pub fn none() -> Self {
        Memo {
            kept: &|_, _| None,
            fragment: &|_, make| make().into(),
        }
    }
}

/// Renders every page of the site; `theme_dir` holds the podcast's own overrides, if any, and
/// `memo` what earlier builds left (pages to keep, fragments made).
pub fn render(
    show: &Show,
    episodes: &[Episode],
    theme_dir: &Path,
    memo: &Memo<'_>,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let locale = Locale::from_language(&show.language);
    let theme = Theme::new(theme_dir);
    let urls = Urls::new(show);
    let assets = theme.assets()?;
    let asset_urls = assets
        .iter()
        .map(|asset| {
            let url = urls.link(&format!("{ASSETS_DIR}/{}", asset.name)).url;
            (asset.name.clone(), versioned(&url, &asset.bytes))
        })
        .collect();
    let site = context::site(show, locale, &urls, asset_urls);

    // Newest first, whatever order the loader gave; the slug breaks ties so output is stable.
    let mut sorted: Vec<&Episode> = episodes.iter().collect();
    sorted.sort_by(|a, b| (b.date.timestamp(), &a.slug).cmp(&(a.date.timestamp(), &b.slug)));
    let items: Vec<EpisodeCtx> = sorted
        .par_iter()
        .map(|e| context::episode(e, &site, locale, &urls))
        .collect();
    let item_hashes: Vec<Option<[u8; 16]>> = items.par_iter().map(fingerprint).collect();
    // Every episode as a template value (for the search page, the largest) is made meanwhile.
    let (index, all_items) = rayon::join(
        || {
            search::index(items.len(), |i| {
                let entry = || search::entry(&items[i]);
                let Some(hash) = item_hashes[i] else {
                    return entry().into();
                };
                let mut key = blake3::Hasher::new_derive_key("carnets search index entry");
                key.update(&hash);
                (memo.fragment)(*key.finalize().as_bytes(), &entry)
            })
        },
        // On every core: at a thousand episodes, one core takes 20 ms.
        || {
            std::sync::Mutex::new(Some(Value::from(
                items.par_iter().map(ser).collect::<Vec<_>>(),
            )))
        },
    );
    let search_index = versioned(&urls.link(SEARCH_INDEX).url, index.as_bytes());

    let strings = locale.strings();
    // What every episode page is made from besides its episode and its neighbours.
    let made_from = theme.fingerprint().and_then(|theme| {
        let mut hasher = blake3::Hasher::new();
        hash_parts(
            &mut hasher,
            &[
                crate::output::stamp::executable()?.as_bytes(),
                theme.as_bytes(),
                &serde_json::to_vec(&site).ok()?,
                &serde_json::to_vec(&strings).ok()?,
            ],
        );
        Some(hasher)
    });
    let globals = context! {
        site => ser(&site),
        t => ser(&strings),
    };
    let engine = Engine::new(theme);

    let pages = paginate(items.len(), PER_PAGE);
    // What a page is made from: what every page is, its path, and the episodes in `slots`
    // (by index; `None` for a neighbour that is not there).
    let made_of = |path: &str, slots: &mut dyn Iterator<Item = Option<usize>>| {
        let mut hasher = made_from.clone()?;
        hasher.update(path.as_bytes());
        for slot in slots {
            match slot.and_then(|j| item_hashes.get(j)) {
                Some(hash) => hasher.update(hash.as_ref()?),
                None => hasher.update(&[0; 16]),
            };
        }
        Some(hasher.finalize().to_hex().to_string())
    };
    // Keeps the output's copy of the page at `path` when it was made from the same; says so.
    let kept = |path: &str, from: Option<&str>| {
        let key = from.and_then(|from| (memo.kept)(path, from));
        if let (Some(key), Some(from)) = (key.clone(), from) {
            engine.keep(path.to_string(), key, from.to_string());
        }
        key.is_some()
    };
    let archive_page = |page: &Page| {
        let path = format!("{}index.html", page.path());
        let from = made_of(
            &format!("{path} of {}", page.total),
            &mut page.episodes.clone().map(Some),
        );
        if kept(&path, from.as_deref()) {
            return;
        }
        let link = urls.link(&page.path());
        let neighbour = |n: usize| {
            (1..=page.total)
                .contains(&n)
                .then(|| urls.link(&page_path(n)))
        };
        let ctx = context! {
            page => PageMeta {
                kind: "index",
                link: &link,
                title: match page.number {
                    1 => site.title.clone(),
                    n => format!(
                        "{} — {} {n} {} {}",
                        site.title, strings["page"], strings["page_of"], page.total
                    ),
                },
                description: &site.description_text,
                image: &site.image.abs_url,
                json_ld: Some(jsonld::series(&site)),
            }
            .value(),
            episodes => ser(&items[page.episodes.clone()]),
            pagination => context! {
                number => page.number,
                total => page.total,
                per_page => PER_PAGE,
                newer => ser(neighbour(page.number - 1)),
                older => ser(neighbour(page.number + 1)),
            },
            ..globals.clone()
        };
        engine.render_from("index.html", path, ctx, from);
    };
    let episode_page = |(i, item): (usize, &EpisodeCtx)| {
        let path = format!("{}index.html", sorted[i].page_path());
        let from = made_of(
            &path,
            &mut [i.checked_sub(1), Some(i), Some(i + 1)].into_iter(),
        );
        if kept(&path, from.as_deref()) {
            return;
        }
        let link = Link {
            url: item.url.clone(),
            abs_url: item.abs_url.clone(),
        };
        let ctx = context! {
            page => PageMeta {
                kind: "episode",
                link: &link,
                title: format!("{} — {}", item.title, site.title),
                description: &item.description,
                image: &item.image.abs_url,
                json_ld: Some(jsonld::episode(&site, item)),
            }
            .value(),
            episode => ser(item),
            newer => ser(i.checked_sub(1).map(|j| &items[j])),
            older => ser(items.get(i + 1)),
            ..globals.clone()
        };
        engine.render_from("episode.html", path, ctx, from);
    };
    // The `page` of a page about the whole show (no JSON-LD of its own).
    let show_page = |kind: &str, path: &str, title: String| {
        PageMeta {
            kind,
            link: &urls.link(path),
            title,
            description: &site.description_text,
            image: &site.image.abs_url,
            json_ld: None,
        }
        .value()
    };
    let search_page = || {
        let title = format!("{} — {}", strings["search_title"], site.title);
        let ctx = context! {
            page => show_page("search", SEARCH_PAGE, title),
            // Taken, so that it is freed once the page is made (megabytes at 5000 episodes).
            episodes => all_items.lock().ok().and_then(|mut v| v.take()),
            search_index => &search_index,
            ..globals.clone()
        };
        engine.render("search.html", format!("{SEARCH_PAGE}index.html"), ctx);
    };
    let not_found_page = || {
        let title = format!("{} — {}", strings["not_found_title"], site.title);
        let ctx = context! { page => show_page("404", "404.html", title), ..globals.clone() };
        engine.render("404.html", "404.html".to_string(), ctx);
    };
    let sitemap_page = || {
        let ctx = context! {
            page => show_page("sitemap", "sitemap.xml", site.title.clone()),
            urls => ser(sitemap(&urls, &pages, &items)),
            ..globals.clone()
        };
        engine.render("sitemap.xml", "sitemap.xml".to_string(), ctx);
    };
    // Every page at once, on every core: the episode pages are the most of the work, the
    // search page (every episode's card) the largest single page.
    rayon::scope(|s| {
        s.spawn(|_| search_page());
        s.spawn(|_| sitemap_page());
        s.spawn(|_| not_found_page());
        s.spawn(|_| pages.par_iter().for_each(archive_page));
        items.par_iter().enumerate().for_each(episode_page);
    });

    let mut files = engine.finish()?;
    files.push(OutputFile {
        path: SEARCH_INDEX.to_string(),
        content: Content::bytes(index),
    });
    files.extend(assets.into_iter().map(|asset| OutputFile {
        path: format!("{ASSETS_DIR}/{}", asset.name),
        content: Content::Bytes(asset.bytes),
    }));
    Ok(files)
}

/// What the layout needs about any page: `<title>`, meta description, canonical, OpenGraph
/// and the page's JSON-LD (printed as is: it is made safe for a `<script>` element).
struct PageMeta<'a> {
    kind: &'a str,
    link: &'a Link,
    title: String,
    description: &'a str,
    image: &'a str,
    json_ld: Option<String>,
}

impl PageMeta<'_> {
    fn value(&self) -> Value {
        context! {
            kind => self.kind,
            url => &self.link.url,
            abs_url => &self.link.abs_url,
            title => &self.title,
            description => self.description,
            image => self.image,
            json_ld => match &self.json_ld {
                Some(json) => Value::from_safe_string(json.clone()),
                None => Value::from(()),
            },
        }
    }
}

/// `url?v=<hash>`: the URL changes with the content, so browsers and CDNs may cache for long.
fn versioned(url: &str, bytes: &[u8]) -> String {
    let hash = blake3::hash(bytes).to_hex();
    format!("{url}?v={}", &hash[..10])
}

/// A template value from anything serializable.
fn ser<T: serde::Serialize>(value: T) -> Value {
    Value::from(Serde(value))
}

/// One `<url>` of the sitemap.
#[derive(serde::Serialize)]
struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
}

/// The archive pages then the episodes, newest first: absolute URLs, dates as `YYYY-MM-DD`.
fn sitemap(urls: &Urls, pages: &[Page], items: &[EpisodeCtx]) -> Vec<SitemapUrl> {
    let newest = items.first().map(|e| e.date.day.clone());
    let archive = pages.iter().map(|page| SitemapUrl {
        loc: urls.link(&page.path()).abs_url,
        lastmod: if page.number == 1 {
            newest.clone()
        } else {
            None
        },
    });
    let episodes = items.iter().map(|e| SitemapUrl {
        loc: e.abs_url.clone(),
        lastmod: Some(e.date.day.clone()),
    });
    archive.chain(episodes).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(count: usize) -> Vec<(usize, usize, Range<usize>, String)> {
        paginate(count, PER_PAGE)
            .into_iter()
            .map(|p| (p.number, p.total, p.episodes.clone(), p.path()))
            .collect()
    }

    #[test]
    fn pagination_always_has_a_first_page() {
        assert_eq!(shape(0), [(1, 1, 0..0, String::new())]);
        assert_eq!(shape(1), [(1, 1, 0..1, String::new())]);
    }

    #[test]
    fn pagination_by_twenty() {
        assert_eq!(shape(20), [(1, 1, 0..20, String::new())]);
        assert_eq!(
            shape(21),
            [
                (1, 2, 0..20, String::new()),
                (2, 2, 20..21, "page/2/".into())
            ]
        );
        assert_eq!(
            shape(45),
            [
                (1, 3, 0..20, String::new()),
                (2, 3, 20..40, "page/2/".into()),
                (3, 3, 40..45, "page/3/".into())
            ]
        );
    }
}
