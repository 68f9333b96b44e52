//! The old channel → `podcast.yaml`: every value checked the way `carnets check` will check
//! it, so that the folder builds; what carnets would refuse is fixed or left out, with a
//! warning saying what to do.

use uuid::Uuid;

use super::old::{Channel, Link, Location, Person};
use super::write::{Yaml, flow, quote};
use super::{Found, notes};
use crate::show::{categories, config, validate};
use crate::t;

/// What the import knows of the show once its channel is read.
#[derive(Debug)]
pub struct Show {
    /// `podcast:guid`, kept or derived from the old feed's address, never to change.
    pub guid: Uuid,
    pub locked: bool,
    /// The artwork's address on the old host.
    pub image_url: String,
    pub license: Option<Link>,
}

/// Longest description Apple accepts, in bytes of rendered HTML.
const MAX_DESCRIPTION_BYTES: usize = 4000;

/// Reads the identity and the artwork of the channel. `old_url` is the address apps
/// subscribed to (the source's, or the feed's own `atom:link rel="self"` for a file).
pub fn read(channel: &Channel, old_url: Option<&str>, found: &mut Found) -> Option<Show> {
    let guid = match Uuid::parse_str(channel.podcast_guid.trim()) {
        Ok(guid) => Some(guid),
        Err(_) if !channel.podcast_guid.is_empty() => {
            found.warn(
                t!("import-guid-not-uuid", guid = channel.podcast_guid.as_str()),
                t!("import-guid-not-uuid-help"),
            );
            old_url.map(config::feed_guid)
        }
        Err(_) => old_url.map(config::feed_guid),
    };
    let Some(guid) = guid else {
        found.error(
            t!("import-no-guid-no-address"),
            t!("import-no-guid-no-address-help"),
        );
        return None;
    };
    Some(Show {
        guid,
        locked: channel.locked.eq_ignore_ascii_case("yes"),
        image_url: channel.image.clone(),
        license: channel.license.clone(),
    })
}

/// The text of `podcast.yaml`. `image` is the artwork's file name in the folder (none when it
/// could not be had); `base_url` the new site's address, if known.
pub fn podcast_yaml(
    channel: &Channel,
    show: &Show,
    image: Option<&str>,
    base_url: Option<&str>,
    source: &str,
    found: &mut Found,
) -> String {
    let mut yaml = Yaml::default();
    yaml.comment(&format!("Imported by `carnets import` from {source}.\nEvery key is described in the README's podcast.yaml table."));
    let title = first(&[&channel.title, &channel.subtitle]).unwrap_or_else(|| {
        found.warn(t!("import-no-title"), t!("import-no-title-help"));
        String::new()
    });
    yaml.text("title", &title);
    let description = description(channel, found);
    yaml.long_text("description", &description);
    match base_url {
        Some(url) => yaml.text("base_url", url),
        None => yaml
            .comment("TO DO: the https:// address where the new site will be served (carnets check says so until it is set).")
            .text("base_url", ""),
    };
    yaml.text("language", &language(&channel.language, found));
    let author = first(&[&channel.author, &channel.owner_name, &title]).unwrap_or_default();
    yaml.text("author", &author);
    let (owner_name, owner_email) = owner(channel, &author, found);
    yaml.plain(
        "owner",
        flow(&[("name", quote(&owner_name)), ("email", quote(&owner_email))]),
    );
    yaml.text("image", image.unwrap_or(""));
    let categories = categories(&channel.categories, found);
    yaml.plain(
        "categories",
        format!(
            "[{}]",
            categories
                .iter()
                .map(|c| quote(c))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
    yaml.plain("explicit", is_yes(&channel.explicit));
    if channel.show_type.eq_ignore_ascii_case("serial") {
        yaml.plain("type", "serial");
    }
    if !channel.copyright.is_empty() {
        yaml.text("copyright", &channel.copyright);
    }
    if !channel.subtitle.is_empty() && channel.subtitle != title {
        yaml.text("subtitle", &channel.subtitle);
    }
    if !channel.keywords.is_empty() {
        yaml.text("keywords", &channel.keywords);
    }
    yaml.comment("podcast:guid, kept from the old feed (or derived from its address): apps and the Podcast Index know the show by it, never change it.")
        .plain("guid", show.guid);
    if !channel.locked.is_empty() {
        yaml.plain("locked", if show.locked { "yes" } else { "no" });
    }
    let funding: Vec<String> = channel
        .funding
        .iter()
        .filter(|f| validate::url(&f.url, true).is_ok())
        .map(|f| flow(&[("url", quote(&f.url)), ("text", quote(&f.text))]))
        .collect();
    yaml.list("funding", &funding);
    yaml.list("persons", &persons(&channel.persons, found));
    if let Some(license) = &show.license {
        yaml.plain("license", license_value(license));
    }
    if let Some(location) = channel.location.as_ref().and_then(|l| location(l, found)) {
        yaml.plain("location", location);
    }
    if config::namespace::MEDIUMS.contains(&channel.medium.as_str()) {
        yaml.text("medium", &channel.medium);
    }
    if is_yes(&channel.block) {
        yaml.plain("block", true);
    }
    if is_yes(&channel.complete) {
        yaml.plain("complete", true);
    }
    yaml.finish()
}

/// The first non-empty text.
fn first(texts: &[&str]) -> Option<String> {
    texts
        .iter()
        .map(|t| t.trim())
        .find(|t| !t.is_empty())
        .map(str::to_string)
}

/// `yes`, `true`, `explicit` (Apple's old values) are true.
pub fn is_yes(text: &str) -> bool {
    matches!(
        text.trim().to_ascii_lowercase().as_str(),
        "yes" | "true" | "explicit"
    )
}

fn description(channel: &Channel, found: &mut Found) -> String {
    let source = [
        &channel.description,
        &channel.itunes_summary,
        &channel.subtitle,
    ]
    .into_iter()
    .find(|t| !t.trim().is_empty())
    .cloned()
    .unwrap_or_default();
    let markdown = notes::to_markdown(&source).markdown;
    if crate::show::markdown::to_html(&markdown, "fn-show", true).len() <= MAX_DESCRIPTION_BYTES {
        return markdown;
    }
    // Apple refuses more: keep the paragraphs that fit, and say so.
    let mut kept = String::new();
    for paragraph in markdown.split("\n\n") {
        let longer = if kept.is_empty() {
            paragraph.to_string()
        } else {
            format!("{kept}\n\n{paragraph}")
        };
        if crate::show::markdown::to_html(&longer, "fn-show", true).len() > MAX_DESCRIPTION_BYTES {
            break;
        }
        kept = longer;
    }
    found.warn(
        t!("import-description-too-long", max = MAX_DESCRIPTION_BYTES),
        t!("import-description-too-long-help"),
    );
    kept
}

/// A BCP 47 tag: `fr_FR` and `FR-fr` are read as `fr-FR`; no language is English, with a warning.
fn language(text: &str, found: &mut Found) -> String {
    let tag = text.trim().replace('_', "-");
    let mut parts = tag.split('-');
    let tag = std::iter::once(parts.next().unwrap_or_default().to_ascii_lowercase())
        .chain(parts.map(|p| {
            if p.len() == 2 {
                p.to_ascii_uppercase()
            } else {
                p.to_string()
            }
        }))
        .collect::<Vec<_>>()
        .join("-");
    if validate::language(&tag).is_ok() {
        return tag;
    }
    found.warn(
        t!("import-bad-language", language = text),
        t!("import-bad-language-help"),
    );
    "en".into()
}

fn owner(channel: &Channel, author: &str, found: &mut Found) -> (String, String) {
    let name = first(&[&channel.owner_name, author]).unwrap_or_default();
    // `managingEditor` reads `mail@example.org (Name)`.
    let editor = channel.editor.split_whitespace().next().unwrap_or_default();
    let email = [
        channel.owner_email.as_str(),
        editor,
        channel.locked_owner.as_str(),
    ]
    .into_iter()
    .find(|e| validate::email(e).is_ok())
    .unwrap_or_default();
    if email.is_empty() {
        found.warn(
            t!("import-no-owner-email"),
            t!("import-no-owner-email-help"),
        );
    }
    (name, email.to_string())
}

/// Apple's category names, nested categories as `Name/Sub`; old names are mapped to today's.
fn categories(raw: &[(String, Option<String>)], found: &mut Found) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (name, sub) in raw {
        let written = match sub {
            Some(sub) => format!("{name}/{sub}"),
            None => name.clone(),
        };
        let valid = if categories::apple_category_is_valid(name, sub.as_deref()) {
            Some(written.clone())
        } else {
            categories::suggest_apple_category(name, sub.as_deref()).or_else(|| {
                sub.as_ref()
                    .filter(|_| categories::apple_category_is_valid(name, None))
                    .map(|_| name.clone())
            })
        };
        match valid {
            Some(category) if !out.contains(&category) => {
                if category != written {
                    found.warn(
                        t!(
                            "import-category-renamed",
                            written = written.as_str(),
                            category = category.as_str()
                        ),
                        t!("import-category-renamed-help"),
                    );
                }
                out.push(category);
            }
            Some(_) => {}
            None => found.warn(
                t!("import-category-unknown", written = written.as_str()),
                t!("import-category-unknown-help"),
            ),
        }
    }
    if out.is_empty() {
        found.warn(t!("import-no-category"), t!("import-no-category-help"));
    }
    out
}

/// People as flow maps; a role or group outside the Podcasting 2.0 taxonomy is left out (the
/// person stays, a host of the cast by default).
pub fn persons(raw: &[Person], found: &mut Found) -> Vec<String> {
    raw.iter()
        .filter(|p| !p.name.trim().is_empty())
        .map(|p| {
            let role = if p.role.is_empty() {
                "host".to_string()
            } else {
                p.role.to_lowercase()
            };
            let group = if p.group.is_empty() {
                "cast".to_string()
            } else {
                p.group.to_lowercase()
            };
            let (role, group) = match validate::person_role(&role, &group) {
                Ok(()) => (role, group),
                Err(e) => {
                    found.warn(
                        t!(
                            "import-person-role",
                            name = p.name.as_str(),
                            error = e.to_string()
                        ),
                        t!("import-person-role-help"),
                    );
                    (String::new(), String::new())
                }
            };
            let url = |u: &str| {
                if validate::url(u, false).is_ok() {
                    quote(u)
                } else {
                    String::new()
                }
            };
            flow(&[
                ("name", quote(p.name.trim())),
                ("role", if role.is_empty() { role } else { quote(&role) }),
                (
                    "group",
                    if group.is_empty() {
                        group
                    } else {
                        quote(&group)
                    },
                ),
                ("href", url(&p.href)),
                ("img", url(&p.img)),
            ])
        })
        .collect()
}

/// `license:` as an identifier, or `{id, url}` for one carnets does not know.
fn license_value(license: &Link) -> String {
    let id = license.text.trim();
    if license.url.is_empty() || config::namespace::license_url(id).is_some() {
        quote(id)
    } else {
        flow(&[("id", quote(id)), ("url", quote(&license.url))])
    }
}

/// `location:` with what of it carnets accepts (a bad `geo` or `osm` is left out).
pub fn location(raw: &Location, found: &mut Found) -> Option<String> {
    let name = raw.name.trim();
    if name.is_empty() || name.chars().count() > 128 {
        found.warn(
            t!("import-location-name", name = name),
            t!("import-location-name-help"),
        );
        return None;
    }
    let geo = config::namespace::geo_uri(&raw.geo)
        .map(|g| quote(&g))
        .unwrap_or_default();
    let osm = if config::namespace::is_osm(raw.osm.trim()) {
        quote(raw.osm.trim())
    } else {
        String::new()
    };
    Some(flow(&[("name", quote(name)), ("geo", geo), ("osm", osm)]))
}
