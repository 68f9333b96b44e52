//! Small value checks shared by the loaders: URLs, e-mail addresses, language tags, slugs.

use crate::t;

/// An absolute URL with the given scheme(s), no spaces or control characters.
pub fn url(value: &str, https_only: bool) -> Result<(), String> {
    let rest = value.strip_prefix("https://").or_else(|| {
        (!https_only)
            .then(|| value.strip_prefix("http://"))
            .flatten()
    });
    let Some(rest) = rest else {
        return Err(match https_only {
            true => t!("show-url-not-absolute-https", value = value),
            false => t!("show-url-not-absolute", value = value),
        });
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(t!("show-url-invalid", value = value));
    }
    Ok(())
}

/// A plausible e-mail address: `local@domain.tld`, no spaces.
pub fn email(value: &str) -> Result<(), String> {
    let ok = value.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
    }) && !value
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>');
    if ok {
        Ok(())
    } else {
        Err(t!("show-email-invalid", value = value))
    }
}

/// A BCP 47 language tag such as `fr`, `fr-FR` or `fr-BE`.
pub fn language(value: &str) -> Result<(), String> {
    let mut parts = value.split('-');
    let primary = parts.next().unwrap_or_default();
    let ok = (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts
            .all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if ok {
        Ok(())
    } else {
        Err(t!("show-language-invalid", value = value))
    }
}

/// True for a valid slug: `[a-z0-9-]+`.
pub fn is_slug(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An ASCII slug from any title: « L'été à Noël ! » → `l-ete-a-noel`.
pub fn slugify(value: &str) -> String {
    // Whitespace and controls separate words even where deunicode drops them (a newline).
    let spaced: String = value
        .chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let ascii = deunicode::deunicode(&spaced).to_ascii_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert!(url("https://carnets.fr/", true).is_ok());
        assert!(url("http://127.0.0.1:8080/", false).is_ok());
        assert!(url("http://carnets.fr/", true).is_err());
        assert!(url("https:///x", true).is_err());
        assert!(url("https://a b.fr", true).is_err());
        assert!(url("carnets.fr", false).is_err());
    }

    #[test]
    fn emails() {
        assert!(email("podcast@citedelia.fr").is_ok());
        for bad in ["podcast", "@x.fr", "a@x", "a@.fr", "a b@x.fr", "a@x.fr."] {
            assert!(email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn languages() {
        assert!(language("fr").is_ok() && language("fr-FR").is_ok());
        assert!(language("français").is_err() && language("f").is_err());
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("L'été à Noël !"), "l-ete-a-noel");
        assert_eq!(slugify("  IA & PME : 2026 "), "ia-pme-2026");
        assert_eq!(slugify("Mon Épisode\n2"), "mon-episode-2");
        assert!(is_slug("001-bienvenue") && !is_slug("001_Bienvenue") && !is_slug(""));
    }
}

/// The Podcasting 2.0 person taxonomy: each group and its roles, lowercase.
const TAXONOMY: &[(&str, &[&str])] = &[
    (
        "creative direction",
        &[
            "director",
            "assistant director",
            "executive producer",
            "senior producer",
            "producer",
            "associate producer",
            "development producer",
            "creative director",
        ],
    ),
    (
        "cast",
        &[
            "host",
            "co-host",
            "guest host",
            "guest",
            "voice actor",
            "narrator",
            "announcer",
            "reporter",
        ],
    ),
    (
        "writing",
        &[
            "author",
            "editorial director",
            "co-writer",
            "writer",
            "songwriter",
            "guest writer",
            "story editor",
            "managing editor",
            "script editor",
            "script coordinator",
            "researcher",
            "editor",
            "fact checker",
            "translator",
            "translater",
            "transcriber",
            "logger",
        ],
    ),
    (
        "audio production",
        &[
            "studio coordinator",
            "technical director",
            "technical manager",
            "audio engineer",
            "remote recording engineer",
            "post production engineer",
        ],
    ),
    (
        "audio post-production",
        &[
            "audio editor",
            "sound designer",
            "foley artist",
            "composer",
            "theme music",
            "music production",
            "music contributor",
        ],
    ),
    (
        "administration",
        &[
            "production coordinator",
            "booking coordinator",
            "production assistant",
            "content manager",
            "marketing manager",
            "sales representative",
            "sales manager",
        ],
    ),
    ("visuals", &["graphic designer", "cover art designer"]),
    ("community", &["social media manager"]),
    ("misc.", &["consultant", "intern"]),
    (
        "video production",
        &[
            "camera operator",
            "lighting designer",
            "camera grip",
            "assistant camera",
        ],
    ),
    ("video post-production", &["editor", "assistant editor"]),
];

/// A `podcast:person` role and group from the Podcasting 2.0 taxonomy (lowercase).
pub fn person_role(role: &str, group: &str) -> Result<(), String> {
    let Some((_, roles)) = TAXONOMY.iter().find(|(g, _)| *g == group) else {
        let groups: Vec<&str> = TAXONOMY.iter().map(|(g, _)| *g).collect();
        return Err(t!(
            "show-person-group-unknown",
            group = group,
            groups = groups.join(", ")
        ));
    };
    if roles.contains(&role) {
        return Ok(());
    }
    match TAXONOMY.iter().find(|(_, roles)| roles.contains(&role)) {
        Some((right, _)) => Err(t!(
            "show-person-role-elsewhere",
            role = role,
            right = *right,
            group = group
        )),
        None => Err(t!(
            "show-person-role-unknown",
            role = role,
            group = group,
            roles = roles.join(", ")
        )),
    }
}

#[cfg(test)]
mod taxonomy_tests {
    use super::*;

    #[test]
    fn roles_and_groups() {
        assert!(person_role("host", "cast").is_ok());
        assert!(person_role("sound designer", "audio post-production").is_ok());
        assert!(
            person_role("guest", "writing")
                .unwrap_err()
                .contains("belongs to the group `cast`")
        );
        assert!(
            person_role("invité", "cast")
                .unwrap_err()
                .contains("not a Podcasting 2.0 person role")
        );
        assert!(
            person_role("host", "casting")
                .unwrap_err()
                .contains("not a Podcasting 2.0 person group")
        );
    }
}
