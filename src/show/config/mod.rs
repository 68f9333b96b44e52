//! `podcast.yaml` → a validated [`Show`].
//!
//! The raw types (`raw`) mirror the file (what YAML says); [`load`] checks every value once
//! with a [`Checker`] and reports every problem with its line. The Podcasting 2.0 keys are
//! checked in `namespace`, those of its 2025 revision in `extras` and `value`, the
//! alternate encodings in `formats`.

pub(crate) mod extras;
mod formats;
pub mod namespace;
mod raw;
mod value;

use std::path::Path;

use uuid::Uuid;

use crate::model::{AppLink, Artwork, Category, Funding, Owner, Person, Show, ShowType, Target};
use crate::show::checker::Checker;
use crate::show::yaml::{self, Spanned};
use crate::show::{artwork, categories, markdown, validate};
use crate::t;
use crate::util::diag::{Diagnostic, Diagnostics};
use crate::util::paths;
pub(crate) use raw::{Keywords, RawLocation, RawPerson};
use raw::{RawShow, YesNo};
pub(crate) use value::RawValue;

/// The namespace of the SPEC's `podcast:guid` rule (Podcasting 2.0).
const PODCAST_GUID_NAMESPACE: Uuid = uuid::uuid!("ead4c236-bf58-58c6-a2c6-a6b28d128cb6");

/// Longest `podcast:funding` text apps show whole (Podcasting 2.0).
const MAX_FUNDING_TEXT: usize = 128;

/// Longest description Apple accepts, in bytes of rendered HTML.
const MAX_DESCRIPTION_BYTES: usize = 4000;

/// Loads and validates `root/podcast.yaml`; `base_url` overrides the file's. Returns the show
/// and the warnings, or every error.
pub fn load(root: &Path, base_url: Option<&str>) -> Result<(Show, Diagnostics), Diagnostics> {
    let path = root.join("podcast.yaml");
    let text = paths::read_text(&path).map_err(|e| {
        Diagnostic::error(&path, t!("config-read-failed", error = e.to_string()))
            .help(t!("config-read-failed-help"))
    })?;
    let raw: RawShow = yaml::parse(&text, &path, 0)?;
    let mut check = Checker {
        path: &path,
        line_offset: 0,
        found: Diagnostics::default(),
    };
    let show = convert(raw, root, base_url, &mut check);
    let warnings = check.found.check()?;
    Ok((
        show.expect("a show is built whenever no error was found"),
        warnings,
    ))
}

fn convert(
    raw: RawShow,
    root: &Path,
    base_url_override: Option<&str>,
    check: &mut Checker,
) -> Option<Show> {
    let file_base_url = if raw.base_url.value.trim().is_empty() {
        // `carnets import` leaves it empty when it does not know the new site's address yet.
        check.error_help(
            &raw.base_url,
            t!("config-base-url-unset"),
            &t!("config-base-url-unset-help"),
        );
        None
    } else {
        check.url(&raw.base_url, true).map(with_slash)
    };
    let base_url = match base_url_override {
        Some(url) => match validate::url(url, false) {
            Ok(()) => Some(with_slash(url.to_string())),
            Err(e) => {
                check.found.push(Diagnostic::error("--base-url", e));
                None
            }
        },
        None => file_base_url.clone(),
    };
    let language = raw.language.value.clone();
    if let Err(e) = validate::language(&language) {
        check.error(&raw.language, e);
    }
    if let Err(e) = validate::email(&raw.owner.email.value) {
        check.error(&raw.owner.email, e);
    }
    let description_html = markdown::to_html(&raw.description.value, "fn-show", !raw.unsafe_html);
    if description_html.len() > MAX_DESCRIPTION_BYTES {
        check.error_help(
            &raw.description,
            t!(
                "config-description-too-long",
                bytes = description_html.len(),
                max = MAX_DESCRIPTION_BYTES
            ),
            &t!("config-description-too-long-help"),
        );
    }
    let image = artwork(root, &raw.image, "", check);
    let categories = categories(&raw.categories, check);
    let show_type = match raw.show_type.as_ref().map(|t| t.value.as_str()) {
        None | Some("episodic") => ShowType::Episodic,
        Some("serial") => ShowType::Serial,
        Some(other) => {
            let value = raw.show_type.as_ref().expect("matched Some");
            check.error_help(
                value,
                t!("config-show-type-unknown", value = other),
                &t!("config-show-type-unknown-help"),
            );
            ShowType::Episodic
        }
    };
    let guid = match &raw.guid {
        Some(value) => Uuid::parse_str(value.value.trim()).ok().or_else(|| {
            check.error_help(
                value,
                t!("config-guid-not-uuid", value = value.value.as_str()),
                &t!("config-guid-not-uuid-help"),
            );
            None
        }),
        None => file_base_url.as_deref().map(default_guid),
    };
    let locked = raw.locked.as_ref().and_then(|value| match &value.value {
        YesNo::Bool(b) => Some(*b),
        YesNo::Text(t) if t == "yes" => Some(true),
        YesNo::Text(t) if t == "no" => Some(false),
        YesNo::Text(t) => {
            check.error_help(
                value,
                t!("config-locked-invalid", value = t.as_str()),
                &t!("config-locked-invalid-help"),
            );
            None
        }
    });
    let funding = raw
        .funding
        .into_iter()
        .filter_map(|f| {
            if f.text.chars().count() > MAX_FUNDING_TEXT {
                check.warning(
                    &f.url,
                    t!(
                        "config-funding-text-long",
                        count = f.text.chars().count(),
                        max = MAX_FUNDING_TEXT
                    ),
                    &t!("config-funding-text-long-help"),
                );
            }
            let url = check.url(&f.url, true)?;
            Some(Funding {
                url,
                text: f.text.trim().to_string(),
            })
        })
        .collect();
    let persons = persons(raw.persons, check);
    let timezone = match &raw.timezone {
        None => jiff::tz::TimeZone::get("Europe/Paris").ok(),
        Some(value) => jiff::tz::TimeZone::get(value.value.trim())
            .ok()
            .or_else(|| {
                check.error_help(
                    value,
                    t!("config-timezone-unknown", value = value.value.as_str()),
                    &t!("config-timezone-unknown-help"),
                );
                None
            }),
    };
    // A preview (`--base-url`) serves the audio it publishes, not the CDN's.
    let media_base_url = match (&raw.media_base_url, base_url_override) {
        (Some(value), None) => check.url(value, true).map(with_slash),
        _ => base_url.clone(),
    };
    let new_feed_url = raw.new_feed_url.as_ref().and_then(|v| check.url(v, true));
    let analytics_prefix = raw
        .analytics_prefix
        .as_ref()
        .and_then(|v| check.url(v, true));
    let links = app_links(&raw.links, check);
    let (license, license_url) = namespace::license(raw.license.as_ref(), check);
    let medium = namespace::medium(raw.medium.as_ref(), check);
    let location = namespace::location(raw.location.as_ref(), check);
    let txt = namespace::txt(&raw.txt, check);
    let update_frequency =
        namespace::update_frequency(raw.update_frequency.as_ref(), timezone.as_ref(), check);
    let formats = formats::formats(&raw.formats, check);
    let shared = extras::RawExtras {
        images: raw.images,
        value: raw.value,
        social_interact: raw.social_interact,
        ai_content: raw.ai_content,
    };
    let extras = extras::extras(shared, root, "images/", image.as_ref(), check);
    namespace::ai_content_once(extras.ai_content.is_some(), &raw.txt, check);
    let podroll = extras::podroll(&raw.podroll, check);
    let publisher = extras::publisher(raw.publisher.as_ref(), check);
    let deploy = raw
        .deploy
        .as_ref()
        .and_then(|v| match Target::parse(&v.value) {
            Ok(target) => Some(target),
            Err(e) => {
                check.error(v, e);
                None
            }
        });
    let websub = raw
        .websub
        .iter()
        .filter_map(|v| check.url(v, true))
        .collect();
    let pubnotify = raw.pubnotify.as_ref().and_then(|v| check.url(v, true));
    let author = check.required(raw.author, "author");
    let title = check.required(raw.title, "title");
    Some(Show {
        title,
        description: raw.description.value,
        description_html,
        base_url: base_url?,
        language,
        author,
        owner: Owner {
            name: raw.owner.name.trim().to_string(),
            email: raw.owner.email.value,
        },
        image: image?,
        categories,
        explicit: raw.explicit,
        show_type,
        copyright: raw.copyright,
        subtitle: raw.subtitle,
        keywords: raw.keywords.map(Keywords::into_vec).unwrap_or_default(),
        guid: guid?,
        guid_is_set: raw.guid.is_some(),
        locked,
        funding,
        persons,
        license,
        license_url,
        timezone: timezone?,
        media_base_url: media_base_url?,
        new_feed_url,
        analytics_prefix,
        links,
        unsafe_html: raw.unsafe_html,
        medium,
        location,
        txt,
        update_frequency,
        block: raw.block,
        complete: raw.complete,
        formats,
        extras,
        podroll,
        publisher,
        podping: raw.podping,
        deploy,
        websub,
        pubnotify,
    })
}

/// The podcast apps `links:` may name, in the order the subscribe block lists them, with the
/// name listeners know them by.
pub const APPS: &[(&str, &str)] = &[
    ("apple", "Apple Podcasts"),
    ("spotify", "Spotify"),
    ("deezer", "Deezer"),
    ("youtube", "YouTube Music"),
    ("amazon", "Amazon Music"),
    ("pocketcasts", "Pocket Casts"),
    ("overcast", "Overcast"),
    ("castro", "Castro"),
    ("antennapod", "AntennaPod"),
    ("podcastaddict", "Podcast Addict"),
    ("fountain", "Fountain"),
    ("castbox", "Castbox"),
    ("goodpods", "Goodpods"),
    ("podcastindex", "Podcast Index"),
];

/// `links: {apple: https://…, spotify: https://…}` in the order of [`APPS`].
fn app_links(
    raw: &std::collections::BTreeMap<String, Spanned<String>>,
    check: &mut Checker,
) -> Vec<AppLink> {
    for (key, value) in raw {
        if !APPS.iter().any(|(k, _)| k == key) {
            let known: Vec<&str> = APPS.iter().map(|(k, _)| *k).collect();
            check.error_help(
                value,
                t!("config-links-unknown-app", key = key.as_str()),
                &t!("config-use-one-of", values = known.join(", ")),
            );
        }
    }
    APPS.iter()
        .filter_map(|(key, name)| {
            let value = raw.get(*key)?;
            let url = check.url(value, true)?;
            Some(AppLink {
                app: key.to_string(),
                name: name.to_string(),
                url,
            })
        })
        .collect()
}

/// `podcast:guid` of the feed carnets publishes under `base_url` (see [`feed_guid`]).
pub fn default_guid(base_url: &str) -> Uuid {
    feed_guid(&format!("{base_url}feed.xml"))
}

/// `podcast:guid` by the Podcasting 2.0 rule: UUIDv5 of the feed URL without its scheme and
/// trailing slashes.
pub fn feed_guid(feed: &str) -> Uuid {
    let bare = feed.split_once("://").map_or(feed, |(_, rest)| rest);
    Uuid::new_v5(
        &PODCAST_GUID_NAMESPACE,
        bare.trim_end_matches('/').as_bytes(),
    )
}

fn with_slash(mut url: String) -> String {
    if !url.ends_with('/') {
        url.push('/');
    }
    url
}

fn categories(raw: &Spanned<Vec<Spanned<String>>>, check: &mut Checker) -> Vec<Category> {
    if raw.value.is_empty() {
        check.error_help(
            raw,
            t!("config-categories-empty"),
            &t!("config-categories-empty-help"),
        );
    }
    raw.value
        .iter()
        .filter_map(|value| {
            let (name, sub) = match value.value.split_once('/') {
                Some((name, sub)) => (name.trim(), Some(sub.trim().to_string())),
                None => (value.value.trim(), None),
            };
            if !categories::apple_category_is_valid(name, sub.as_deref()) {
                let help = match categories::suggest_apple_category(name, sub.as_deref()) {
                    Some(suggestion) => t!("config-category-suggestion", suggestion = suggestion),
                    None => t!("config-category-help"),
                };
                check.error_help(
                    value,
                    t!("config-category-unknown", value = value.value.as_str()),
                    &help,
                );
                return None;
            }
            Some(Category {
                name: name.to_string(),
                sub,
            })
        })
        .collect()
}

/// Converts the people of a show or an episode.
pub(crate) fn persons(raw: Vec<RawPerson>, check: &mut Checker) -> Vec<Person> {
    raw.into_iter()
        .map(|p| {
            if p.name.value.trim().is_empty() {
                check.error(&p.name, t!("config-person-no-name"));
            }
            let role = p
                .role
                .as_ref()
                .map_or("host".into(), |r| r.value.trim().to_lowercase());
            let group = p
                .group
                .as_ref()
                .map_or("cast".into(), |g| g.value.trim().to_lowercase());
            if let Err(e) = validate::person_role(&role, &group) {
                let at = p
                    .role
                    .as_ref()
                    .or(p.group.as_ref())
                    .map_or(yaml::pos(&p.name, 0), |v| yaml::pos(v, 0));
                check.error_at(at, e);
            }
            Person {
                name: p.name.value.trim().to_string(),
                role,
                group,
                href: p.href.and_then(|h| check.url(&h, false)),
                img: p.img.and_then(|i| check.url(&i, false)),
            }
        })
        .collect()
}

/// Resolves an artwork file of the podcast (`dir_in_output` is where it is published, e.g.
/// `episodes/001-x/`, or empty for the show's).
pub(crate) fn artwork(
    base: &Path,
    value: &Spanned<String>,
    dir_in_output: &str,
    check: &mut Checker,
) -> Option<Artwork> {
    let source = match paths::inside(base, value.value.trim()) {
        Ok(source) => source,
        Err(e) => {
            check.error(value, e);
            return None;
        }
    };
    let ext = match paths::extension(&source).as_deref() {
        Some("jpg" | "jpeg") => "jpg",
        Some("png") => "png",
        _ => {
            check.error_help(
                value,
                t!("config-artwork-not-image", file = value.value.as_str()),
                &t!("config-artwork-not-image-help"),
            );
            return None;
        }
    };
    let help = t!("config-artwork-help");
    let file = value.value.as_str();
    match artwork::read(&source) {
        Ok(info) => {
            let extension = paths::extension(&source).unwrap_or_default();
            for problem in artwork::problems(&info, &extension) {
                let message = t!("config-file-problem", file = file, problem = problem);
                check.error_help(value, message, &help);
            }
        }
        Err(e) => {
            let message = t!("config-file-problem", file = file, problem = e);
            check.error_help(value, message, &help);
        }
    }
    let published = published_name(&source, dir_in_output, ext);
    Some(Artwork { source, published })
}

/// Where an image of the podcast is published: `dir_in_output`, then its name made a slug
/// (`Ma Pochette.JPG` → `ma-pochette.jpg`), with the extension of its format.
pub(crate) fn published_name(source: &Path, dir_in_output: &str, ext: &str) -> String {
    let stem = source
        .file_stem()
        .map(|s| validate::slugify(&s.to_string_lossy()))
        .unwrap_or_default();
    let stem = if stem.is_empty() { "cover" } else { &stem };
    format!("{dir_in_output}{stem}.{ext}")
}

#[cfg(test)]
mod extras_tests;
#[cfg(test)]
mod tests;
