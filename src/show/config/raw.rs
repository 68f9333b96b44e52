//! `podcast.yaml` as written: the raw types serde reads, before any check.
//!
//! Every struct denies unknown keys, so a typo is an error at its line. Values that a message
//! may need to point at are [`Spanned`].

use std::collections::BTreeMap;

use serde::Deserialize;

use super::extras::{RawImage, RawPublisher, RawRemoteItem, RawSocial};
use super::formats::RawFormat;
use super::value::RawValue;
use crate::show::yaml::Spanned;
use crate::t;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawShow {
    pub title: Spanned<String>,
    pub description: Spanned<String>,
    pub base_url: Spanned<String>,
    pub language: Spanned<String>,
    pub author: Spanned<String>,
    pub owner: RawOwner,
    pub image: Spanned<String>,
    pub categories: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub explicit: bool,
    #[serde(rename = "type")]
    pub show_type: Option<Spanned<String>>,
    pub copyright: Option<String>,
    pub subtitle: Option<String>,
    pub keywords: Option<Keywords>,
    pub guid: Option<Spanned<String>>,
    pub locked: Option<Spanned<YesNo>>,
    #[serde(default)]
    pub funding: Vec<RawFunding>,
    #[serde(default)]
    pub persons: Vec<RawPerson>,
    pub license: Option<Spanned<RawLicense>>,
    pub timezone: Option<Spanned<String>>,
    pub media_base_url: Option<Spanned<String>>,
    pub new_feed_url: Option<Spanned<String>>,
    pub analytics_prefix: Option<Spanned<String>>,
    #[serde(default)]
    pub links: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    pub unsafe_html: bool,
    pub medium: Option<Spanned<String>>,
    pub location: Option<Spanned<RawLocation>>,
    #[serde(default)]
    pub txt: Vec<Spanned<RawTxt>>,
    pub update_frequency: Option<Spanned<RawUpdateFrequency>>,
    #[serde(default)]
    pub block: bool,
    #[serde(default)]
    pub complete: bool,
    #[serde(default)]
    pub formats: Vec<Spanned<RawFormat>>,
    #[serde(default)]
    pub images: Vec<Spanned<RawImage>>,
    pub value: Option<Spanned<RawValue>>,
    #[serde(default)]
    pub social_interact: Vec<Spanned<RawSocial>>,
    pub ai_content: Option<Spanned<String>>,
    #[serde(default)]
    pub podroll: Vec<Spanned<RawRemoteItem>>,
    pub publisher: Option<Spanned<RawPublisher>>,
    pub podping: Option<bool>,
    pub deploy: Option<Spanned<String>>,
    #[serde(default)]
    pub websub: Vec<Spanned<String>>,
    pub pubnotify: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOwner {
    pub name: String,
    pub email: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFunding {
    pub url: Spanned<String>,
    pub text: String,
}

/// A person as written in `podcast.yaml` or an episode's front matter.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPerson {
    pub name: Spanned<String>,
    pub role: Option<Spanned<String>>,
    pub group: Option<Spanned<String>>,
    pub href: Option<Spanned<String>>,
    pub img: Option<Spanned<String>>,
}

/// `license: cc-by-4.0`, or `license: {id: …, url: …}` for a licence carnets does not know.
pub(crate) enum RawLicense {
    Id(String),
    Full(RawLicenseFull),
}

/// By hand rather than `untagged`, so that a typo in the map is named (`unknown field`).
impl<'de> Deserialize<'de> for RawLicense {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawLicense;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&t!("config-license-expecting"))
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<RawLicense, E> {
                Ok(RawLicense::Id(value.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<RawLicense, A::Error> {
                let map = serde::de::value::MapAccessDeserializer::new(map);
                RawLicenseFull::deserialize(map).map(RawLicense::Full)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLicenseFull {
    pub id: String,
    pub url: Option<String>,
}

/// `location: {name: Lille, geo: "geo:50.6292,3.0573", osm: R58404}` (show or episode).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLocation {
    pub name: Spanned<String>,
    pub geo: Option<Spanned<String>>,
    pub osm: Option<Spanned<String>>,
}

/// One `txt:` entry: `{purpose: applepodcastsverify, value: …}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTxt {
    pub purpose: Option<Spanned<String>>,
    pub value: Spanned<String>,
}

/// `update_frequency: {text: Mensuel, rrule: "FREQ=MONTHLY", complete: false, dtstart: …}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawUpdateFrequency {
    pub text: Spanned<String>,
    pub rrule: Option<Spanned<String>>,
    pub complete: Option<bool>,
    pub dtstart: Option<Spanned<String>>,
}

/// `keywords: [a, b]` or `keywords: "a, b"`.
#[derive(Deserialize)]
#[serde(untagged)]
pub(crate) enum Keywords {
    List(Vec<String>),
    Text(String),
}

impl Keywords {
    pub(crate) fn into_vec(self) -> Vec<String> {
        let list = match self {
            Keywords::List(list) => list,
            Keywords::Text(text) => text.split(',').map(str::to_string).collect(),
        };
        list.into_iter()
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect()
    }
}

/// `locked: yes`, `locked: no`, or a boolean.
#[derive(Deserialize)]
#[serde(untagged)]
pub(crate) enum YesNo {
    Bool(bool),
    Text(String),
}
