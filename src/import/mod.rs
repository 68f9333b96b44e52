//! `carnets import`: takes over a show that already exists from its feed — every episode,
//! every GUID, every date — into a podcast folder that builds at once.
//!
//! [`run`] reads top to bottom: the feed's pages (streamed, RFC 5005 paging), the show's
//! identity, `podcast.yaml` and the artwork, each item's identity and folder (`plan`), the
//! episodes (downloads in parallel, each made aside and renamed into `episodes/` whole), and
//! `carnets.lock`. A rerun finds the episodes already there by their GUIDs and makes only the
//! others, resuming interrupted downloads.

mod artwork;
mod dates;
mod download;
mod episode;
mod feed;
mod fetch;
mod found;
mod guard;
mod marks;
mod notes;
mod old;
mod plan;
mod show;
mod write;
mod xml;

use std::collections::BTreeMap;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::show::lock::{self, Lock, Published};
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};
use fetch::{Capped, Fetcher, Reach, What};
pub(crate) use found::Found;

/// Largest page of a feed, and largest feed over all its pages.
const MAX_PAGE: u64 = 64 << 20;
const MAX_PAGES: usize = 1000;

/// What `carnets import` is asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// The old feed: an `http(s)://` address or a file.
    pub source: String,
    pub root: PathBuf,
    pub base_url: Option<String>,
    pub jobs: usize,
    /// Import a feed that says `podcast:locked` `yes`.
    pub force: bool,
    pub timeout: Duration,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Report {
    /// Episodes made by this run, and found made by an earlier one.
    pub imported: usize,
    pub already: usize,
    /// Items that could not be imported (each has an error among the findings).
    pub failed: usize,
    pub findings: Diagnostics,
    /// `podcast.yaml` was written without `base_url`.
    pub base_url_missing: bool,
}

/// Why nothing (more) could be imported: a usage error (exit 2) or a content error (exit 1).
#[derive(Debug)]
pub enum Failure {
    Usage(Diagnostic),
    Content(Diagnostics),
}

/// Imports `options.source` into `options.root`.
pub fn run(options: &Options) -> Result<Report, Failure> {
    let root = &options.root;
    let mut trace = crate::util::trace::Trace::new();
    let rerun = state_of(root)?;
    let is_url = options.source.starts_with("http://") || options.source.starts_with("https://");
    let reach = if is_url {
        Fetcher::reach_of(&options.source)
    } else {
        Reach::Anywhere
    };
    let fetcher = Fetcher::new(reach, options.timeout);
    let (channel, items, mut found) = read_feed(&fetcher, &options.source, is_url)?;
    trace.stage("feed");
    let mut channel_found = Found::channel(&options.source);
    let old_url = if is_url {
        Some(options.source.as_str())
    } else {
        Some(channel.self_link.as_str()).filter(|s| !s.is_empty())
    };
    let Some(show) = show::read(&channel, old_url, &mut channel_found) else {
        return Err(Failure::Content(channel_found.diagnostics()));
    };
    if show.locked && !options.force {
        return Err(Failure::Content(
            Diagnostic::error(&options.source, t!("import-locked"))
                .help(t!("import-locked-help"))
                .into(),
        ));
    }
    if let Some(recorded) = rerun.guid.filter(|g| *g != show.guid) {
        return Err(Failure::Usage(
            Diagnostic::error(
                root.join("podcast.yaml"),
                t!(
                    "import-other-show",
                    recorded = recorded.to_string(),
                    guid = show.guid.to_string()
                ),
            )
            .help(t!("import-empty-folder-help")),
        ));
    }
    let work = root.join(crate::CACHE_DIR).join("import");
    let io = |e: std::io::Error, path: &Path| {
        Failure::Content(
            Diagnostic::error(path, t!("import-cannot-write-it", error = e.to_string()))
                .help(t!("import-space-help"))
                .into(),
        )
    };
    std::fs::create_dir_all(&work).map_err(|e| io(e, &work))?;
    let mut report = Report::default();
    if rerun.guid.is_none() {
        let image = artwork::for_show(&fetcher, &show.image_url, root, &mut channel_found);
        let yaml = show::podcast_yaml(
            &channel,
            &show,
            image.as_deref(),
            options.base_url.as_deref(),
            &options.source,
            &mut channel_found,
        );
        let path = root.join("podcast.yaml");
        write::file(&path, yaml.as_bytes()).map_err(|e| io(e, &path))?;
        report.base_url_missing = options.base_url.is_none();
    }
    found.extend(channel_found.diagnostics());
    trace.stage("show");
    let (taken, used) = existing(root);
    let (planned, problems) = plan::plan(items, &taken, &used);
    report.failed += problems.iter().filter(|d| d.is_error()).count();
    found.extend(problems);
    let numbers = plan::numbers(&planned, &mut found);
    let todo: Vec<&plan::Planned> = planned
        .iter()
        .filter(|p| !taken.contains_key(&p.guid))
        .collect();
    report.already = planned.len() - todo.len();
    let bars = download::Bars::new(todo.len() as u64);
    let context = episode::Context {
        fetcher: &fetcher,
        root,
        work: &work,
        show_image: &channel.image,
        show_license: show.license.as_ref(),
        bars: &bars,
    };
    let results = import_all(&context, &todo, &numbers, options.jobs);
    drop(bars);
    trace.stage("episodes");
    let mut footers = BTreeMap::new();
    for (diagnostics, footer) in results {
        if diagnostics.iter().any(Diagnostic::is_error) {
            report.failed += 1;
        } else {
            report.imported += 1;
        }
        if let Some(host) = footer {
            *footers.entry(host).or_insert(0usize) += 1;
        }
        found.extend(diagnostics);
    }
    for (host, count) in footers {
        found.push(
            Diagnostic::warning(
                &options.source,
                t!("import-footer-taken", host = host, count = count),
            )
            .help(t!("import-footer-taken-help")),
        );
    }
    write_lock(root, &planned, show.guid).map_err(|e| io(e, &root.join(lock::FILE)))?;
    trace.stage("lock");
    report.findings = found;
    Ok(report)
}

/// What `--root` holds: nothing (a first import) or a podcast imported before (its GUID).
struct State {
    guid: Option<uuid::Uuid>,
}

fn state_of(root: &Path) -> Result<State, Failure> {
    let yaml = root.join("podcast.yaml");
    if let Ok(text) = std::fs::read_to_string(&yaml) {
        let settings: Settings =
            crate::show::yaml::parse(&text, &yaml, 0).map_err(|d| Failure::Content(d.into()))?;
        let guid = settings
            .guid
            .as_deref()
            .and_then(|g| uuid::Uuid::parse_str(g.trim()).ok());
        return match guid {
            Some(guid) => Ok(State { guid: Some(guid) }),
            None => Err(Failure::Usage(
                Diagnostic::error(&yaml, t!("import-not-imported-folder"))
                    .help(t!("import-empty-folder-help")),
            )),
        };
    }
    let empty = std::fs::read_dir(root).map_or(true, |mut entries| entries.next().is_none());
    if !empty {
        return Err(Failure::Usage(
            Diagnostic::error(root, t!("import-not-empty")).help(t!("import-not-empty-help")),
        ));
    }
    Ok(State { guid: None })
}

/// The few keys of `podcast.yaml` a rerun and the lock need (the rest is `carnets check`'s).
#[derive(serde::Deserialize, Default)]
struct Settings {
    guid: Option<String>,
    #[serde(default)]
    base_url: String,
    media_base_url: Option<String>,
    analytics_prefix: Option<String>,
    timezone: Option<String>,
}

/// Every page of the feed: the first one's channel, the items of all.
fn read_feed(
    fetcher: &Fetcher,
    source: &str,
    is_url: bool,
) -> Result<(old::Channel, Vec<old::Item>, Diagnostics), Failure> {
    let mut address = source.to_string();
    let mut seen = vec![address.clone()];
    let mut channel = None;
    let mut items = Vec::new();
    let mut found = Diagnostics::default();
    loop {
        let page = if is_url || address.starts_with("http") {
            let (final_url, body) = fetcher
                .open(&address, MAX_PAGE, What::Feed)
                .map_err(fetch_failure)?;
            address = final_url;
            feed::read(BufReader::new(body), &address)
        } else {
            let file = std::fs::File::open(&address).map_err(|e| {
                Failure::Usage(
                    Diagnostic::error(
                        &address,
                        t!("import-cannot-read-feed", error = e.to_string()),
                    )
                    .help(t!("import-cannot-read-feed-help")),
                )
            })?;
            feed::read(
                BufReader::new(Capped::new(file, MAX_PAGE, address.clone(), What::Feed)),
                &address,
            )
        };
        let page = page.map_err(|e| {
            Failure::Content(
                Diagnostic::error(&address, e.message)
                    .at(e.line, 0)
                    .help(t!("import-broken-feed-help"))
                    .into(),
            )
        })?;
        let next = page.channel.next_page.clone();
        items.extend(page.items);
        channel.get_or_insert(page.channel);
        let Some(next) = next else { break };
        let next = url::Url::parse(&address)
            .and_then(|base| base.join(&next))
            .map(String::from)
            .unwrap_or(next);
        if seen.contains(&next) || seen.len() >= MAX_PAGES {
            found.push(
                Diagnostic::warning(
                    &address,
                    t!("import-pages-loop", max = MAX_PAGES, next = next.as_str()),
                )
                .help(t!("import-pages-loop-help")),
            );
            break;
        }
        seen.push(next.clone());
        address = next;
    }
    Ok((channel.unwrap_or_default(), items, found))
}

fn fetch_failure(e: fetch::FetchError) -> Failure {
    Failure::Content(Diagnostic::error(&e.url, e.message).help(e.help).into())
}

/// The episodes already in the folder: their GUIDs (to their folders), and every folder name.
fn existing(root: &Path) -> (BTreeMap<String, String>, Vec<String>) {
    #[derive(serde::Deserialize)]
    struct Front {
        guid: Option<String>,
    }
    let mut taken = BTreeMap::new();
    let mut used = Vec::new();
    for entry in std::fs::read_dir(root.join("episodes"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(entry.path().join("episode.md")).unwrap_or_default();
        let guid = crate::show::episode::split(&text)
            .ok()
            .and_then(|parts| crate::show::yaml::parse::<Front>(parts.yaml, &entry.path(), 1).ok())
            .and_then(|front| front.guid);
        if let Some(guid) = guid {
            taken.insert(guid.trim().to_string(), name.clone());
        }
        used.push(name);
    }
    (taken, used)
}

/// Imports every planned episode on `jobs` threads; each gives its findings and the footer
/// taken off its notes.
fn import_all(
    context: &episode::Context<'_>,
    todo: &[&plan::Planned],
    numbers: &BTreeMap<String, u32>,
    jobs: usize,
) -> Vec<(Vec<Diagnostic>, Option<&'static str>)> {
    use rayon::prelude::*;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .expect("threads can be started");
    pool.install(|| {
        todo.par_iter()
            .map(|planned| {
                let result = episode::import(context, planned, numbers.get(&planned.guid).copied());
                context.bars.episode_done();
                result
            })
            .collect()
    })
}

/// Records in `carnets.lock` what apps saw of every episode now in the folder (entries
/// already there stay as they are), and the show's `podcast:guid`.
fn write_lock(root: &Path, planned: &[plan::Planned], guid: uuid::Uuid) -> std::io::Result<()> {
    let path = root.join("podcast.yaml");
    let settings: Settings = std::fs::read_to_string(&path)
        .ok()
        .and_then(|t| crate::show::yaml::parse(&t, &path, 0).ok())
        .unwrap_or_default();
    let zone = settings.timezone.as_deref().unwrap_or("Europe/Paris");
    let zone = jiff::tz::TimeZone::get(zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let mut lock = Lock::load(root).unwrap_or_default();
    lock.podcast_guid.get_or_insert(guid);
    let slash = |url: &str| {
        if url.is_empty() || url.ends_with('/') {
            url.to_string()
        } else {
            format!("{url}/")
        }
    };
    let media = slash(
        settings
            .media_base_url
            .as_deref()
            .unwrap_or(&settings.base_url),
    );
    for p in planned {
        let dir = root.join("episodes").join(&p.slug);
        if p.item.enclosure.is_none()
            || !dir.join("episode.md").exists()
            || lock.episodes.contains_key(&p.slug)
        {
            continue;
        }
        let enclosure = if media.is_empty() {
            String::new()
        } else {
            let url = format!("{media}episodes/{0}/{0}.mp3", p.slug);
            match &settings.analytics_prefix {
                Some(prefix) => crate::model::with_analytics_prefix(prefix, &url),
                None => url,
            }
        };
        let date = p.date.timestamp().to_zoned(zone.clone());
        lock.episodes.insert(
            p.slug.clone(),
            Published::new(p.guid.clone(), &date, enclosure),
        );
    }
    write::file(&root.join(lock::FILE), &lock.to_bytes())
}
