// Reads a podcast feed with Podcast Index's parser (podcast-partytime) and prints what it
// understood, as the normalized JSON of tests/conformance/read_feed.py (see its docstring).
//
//     node read-feed.mjs FEED.xml
//
// partytime quirks the caller must know about: it decodes the character references of HTML
// content once more (`&lt;` in show notes comes back as `<`), so `content_decoded` is that
// decoded HTML and `description` comes from itunes:summary when the item has one; it reports
// an item without itunes:explicit as not explicit.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

process.env.LOG = "silent"; // partytime's logger, read when the module loads
const require = createRequire(import.meta.url);
const { parseFeed } = require("podcast-partytime");

const path = process.argv[2];
if (!path) {
  console.error("usage: node read-feed.mjs FEED.xml");
  process.exit(2);
}
const feed = parseFeed(readFileSync(path, "utf8"));
if (!feed) {
  console.error("podcast-partytime: not a feed it can read");
  process.exit(1);
}

const seconds = (date) => (date ? Math.floor(new Date(date).getTime() / 1000) : undefined);
const lower = (text) => (typeof text === "string" ? text.toLowerCase() : text);
const text = (value) => (value === undefined || value === null ? undefined : String(value));
const htmlToText = (html) =>
  html === undefined ? undefined : html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
const location = (place) =>
  place ? { name: text(place.name), geo: place.geo, osm: place.osm } : undefined;
const persons = (people) =>
  (people ?? []).map((p) => ({
    name: text(p.name),
    role: lower(p.role),
    group: lower(p.group),
    href: p.href,
    img: p.img,
  }));

const channel = {
  title: text(feed.title),
  link: feed.link,
  description: text(feed.description),
  language: feed.language,
  author: text(feed.author),
  owner_name: text(feed.owner?.name),
  owner_email: feed.owner?.email,
  image: feed.itunesImage,
  explicit: feed.explicit,
  type: feed.itunesType,
  categories: (feed.itunesCategory ?? []).map((c) => c.replace(" > ", "/")),
  podcast_guid: feed.guid,
  locked: feed.locked,
  locked_owner: feed.podcastOwner,
  funding: (feed.podcastFunding ?? []).map((f) => ({ url: f.url, text: text(f.message) })),
  persons: persons(feed.podcastPeople),
  license: feed.license?.identifier,
  license_url: feed.license?.url,
  self_url: feed.pubsub?.self,
  new_feed_url: feed.itunesNewFeedUrl,
  medium: feed.medium,
  location: location(feed.podcastLocation),
  txt: (feed.podcastTxt ?? []).map((t) => ({ purpose: t.purpose, value: text(t.value) })),
  trailers: (feed.trailers ?? []).map((t) => ({
    title: text(t.title),
    url: t.url,
    pubdate: seconds(t.pubdate),
    length: t.length,
    type: t.type,
    season: t.season,
  })),
  block: feed.itunesBlock,
  complete: feed.itunesComplete,
};

const items = feed.items.map((item) => ({
  title: text(item.title),
  guid: text(item.guid),
  link: item.link,
  pubdate: seconds(item.pubDate),
  summary: text(item.summary),
  description: text(item.summary) ?? htmlToText(text(item.description)),
  content_decoded: text(item.content),
  enclosure: {
    url: item.enclosure?.url,
    length: item.enclosure?.length,
    type: item.enclosure?.type,
  },
  duration: item.duration,
  number: item.itunesEpisode,
  season: item.itunesSeason,
  episode_type: item.itunesEpisodeType,
  explicit: item.explicit,
  image: item.itunesImage,
  persons: persons(item.podcastPeople),
  transcript_url: item.podcastTranscripts?.find((t) => t.type !== 'application/json')?.url,
  chapters_url: item.podcastChapters?.url,
  podcast_season: item.podcastSeason?.number,
  podcast_episode: item.podcastEpisode?.number,
  location: location(item.podcastLocation),
  soundbites: (item.podcastSoundbites ?? []).map((b) => ({
    start: b.startTime,
    duration: b.duration,
    title: text(b.title),
  })),
}));

const sortKeys = (value) =>
  Array.isArray(value)
    ? value.map(sortKeys)
    : value && typeof value === "object"
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .filter((k) => value[k] !== undefined && value[k] !== null)
            .map((k) => [k, sortKeys(value[k])]),
        )
      : value;

console.log(JSON.stringify(sortKeys({ channel, items }), null, 1));
