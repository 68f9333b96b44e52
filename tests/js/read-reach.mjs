// What Podcast Index's parser (podcast-partytime) reads of the elements that reach listeners
// beyond the enclosure: every item's alternate enclosures (with their sources and integrity),
// the value blocks, the podroll, the images, the publisher and the comments. Prints JSON:
//
//     node read-reach.mjs FEED.xml
//
// partytime 5.0.0 (the latest) reads images only in the deprecated `podcast:images` srcset,
// and `podcast:socialInteract` only in items; what it gives is printed as it gives it.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

process.env.LOG = "silent";
const require = createRequire(import.meta.url);
const { parseFeed } = require("podcast-partytime");

const path = process.argv[2];
if (!path) {
  console.error("usage: node read-reach.mjs FEED.xml");
  process.exit(2);
}
const feed = parseFeed(readFileSync(path, "utf8"));
if (!feed) {
  console.error("podcast-partytime: not a feed it can read");
  process.exit(1);
}

const value = (v) =>
  v && {
    type: v.type,
    method: v.method,
    suggested: v.suggested,
    recipients: v.recipients.map((r) => ({
      name: r.name,
      type: r.type,
      address: r.address,
      split: r.split,
      fee: r.fee,
      customKey: r.customKey,
      customValue: r.customValue,
    })),
  };
const images = (list) => (list ?? []).map((i) => ({ raw: i.raw, parsed: i.parsed }));

console.log(
  JSON.stringify(
    {
      value: value(feed.value),
      podroll: feed.podroll ?? null,
      images: images(feed.podcastImages),
      publisher: feed.podcastPublisher ?? null,
      txt: feed.podcastTxt ?? [],
      items: feed.items.map((item) => ({
        guid: item.guid,
        enclosure: item.enclosure,
        alternates: (item.alternativeEnclosures ?? []).map((a) => ({
          type: a.type,
          length: a.length,
          bitrate: a.bitrate,
          codecs: a.codecs,
          title: a.title,
          default: a.default,
          sources: a.source.map((s) => s.uri),
          integrity: a.integrity ?? null,
        })),
        value: value(item.value) ?? null,
        images: images(item.podcastImages),
        social: item.podcastSocialInteraction ?? [],
      })),
    },
    null,
    1,
  ),
);
