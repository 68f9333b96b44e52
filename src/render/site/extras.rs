//! What the pages show of the 2025 namespace and of the alternate encodings, as template
//! values: the recommended shows (`site.podroll`, « Nos recommandations »), who listeners can
//! pay in Lightning (`site.value`, `episode.value`), where the comments are (`site.comments`,
//! `episode.comments`), what AI did (`site.ai_content`, `episode.ai_content`), and the
//! formats the player offers (`episode.sources`).

use serde::Serialize;

use super::locale::Locale;
use super::urls::Urls;
use crate::model::{Episode, RemoteItem, SocialInteract, Value, ValueAddress};

/// A show of the podroll.
#[derive(Clone, Debug, Serialize)]
pub struct RecommendationCtx {
    pub title: String,
    /// Its site when `podcast.yaml` gives it, else its feed, else its page on Podcast Index.
    pub url: String,
}

/// A value block, for listeners.
#[derive(Clone, Debug, Serialize)]
pub struct ValueCtx {
    /// The recipients with a Lightning address, which any wallet can pay.
    pub addresses: Vec<LightningCtx>,
    /// True when some recipients are nodes, paid only from apps that stream payments.
    pub nodes: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct LightningCtx {
    /// The recipient's name, or its address.
    pub name: String,
    pub address: String,
    /// `lightning:` + the address, which wallets open.
    pub url: String,
    /// Its percent of each payment.
    pub split: u32,
}

/// A place where the comments are, when it is on the web.
#[derive(Clone, Debug, Serialize)]
pub struct CommentsCtx {
    pub url: String,
    /// `activitypub`, `bluesky`…
    pub protocol: String,
}

/// One `<source>` of the player: the audio in one of the formats.
#[derive(Clone, Debug, Serialize)]
pub struct SourceCtx {
    pub url: String,
    /// With the codec, for the browser to choose: `audio/ogg; codecs=opus`.
    pub mime: String,
    /// `Opus`, `AAC`.
    pub name: String,
    pub size_text: String,
}

pub fn podroll(items: &[RemoteItem]) -> Vec<RecommendationCtx> {
    items
        .iter()
        .map(|item| RecommendationCtx {
            title: item.title.clone().unwrap_or_default(),
            url: item
                .url
                .clone()
                .or_else(|| item.feed_url.clone())
                .unwrap_or_else(|| {
                    format!(
                        "https://podcastindex.org/search?q={}&type=all",
                        item.feed_guid
                    )
                }),
        })
        .collect()
}

pub fn value(value: Option<&Value>) -> Option<ValueCtx> {
    let value = value?;
    let addresses = value
        .recipients
        .iter()
        .filter_map(|r| match &r.address {
            ValueAddress::LnAddress(address) => Some(LightningCtx {
                name: r.name.clone().unwrap_or_else(|| address.clone()),
                address: address.clone(),
                url: format!("lightning:{address}"),
                split: r.split,
            }),
            ValueAddress::Node(_) => None,
        })
        .collect();
    let nodes = value
        .recipients
        .iter()
        .any(|r| matches!(r.address, ValueAddress::Node(_)));
    Some(ValueCtx { addresses, nodes })
}

/// The places of the comments that a browser opens, by priority.
pub fn comments(social: &[SocialInteract]) -> Vec<CommentsCtx> {
    social
        .iter()
        .filter_map(|s| {
            let url = s
                .uri
                .as_ref()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"))?;
            Some(CommentsCtx {
                url: url.clone(),
                protocol: s.protocol.clone(),
            })
        })
        .collect()
}

/// The episode's audio in each format, for the player's `<source>` elements.
pub fn sources(episode: &Episode, locale: Locale, urls: &Urls) -> Vec<SourceCtx> {
    episode
        .alternates
        .iter()
        .map(|alt| SourceCtx {
            url: urls.media(&alt.path).url,
            mime: format!(
                "{}; codecs={}",
                alt.format.codec.mime(),
                alt.format.codec.codecs()
            ),
            name: alt.format.codec.name().to_string(),
            size_text: locale.size(alt.size),
        })
        .collect()
}
