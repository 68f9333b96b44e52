#!/usr/bin/env python3
"""Reads a podcast feed with a real parser and prints what it understood, as normalized JSON.

    python3 read_feed.py podcastparser|feedparser|etree FEED.xml [FEED_URL]

Used by tests/it/feed.rs, which compares the readers with each other and with the model.
Every reader prints the same schema (see tests/js/read-feed.mjs for podcast-partytime); a key
is left out when that reader cannot read the value, so the test compares only what a reader
claims to understand (and pins, per reader, the keys it must give):

    channel: title link description language author owner_name owner_email image explicit
             type keywords categories podcast_guid locked locked_owner funding persons
             license license_url self_url new_feed_url medium location {name geo osm}
             txt [{purpose value}] update_frequency {text rrule complete dtstart}
             trailers [{title url pubdate (Unix time) length type season}] block complete
    items:   title guid link pubdate (Unix time) summary (plain text, when the reader shows
             one) description (text of the HTML description) content_html / content_text
             enclosure {url length type} duration (seconds) number season episode_type
             explicit image persons transcript_url chapters_url location
             soundbites [{start duration title}] (seconds) block

- podcastparser (gPodder): as the app gets it.
- feedparser: as an aggregator gets it (HTML is sanitized, so notes are compared as text).
- etree: Python's xml.etree, the raw XML text of every element, with nothing interpreted:
  proves the feed is well-formed and that every text field round-trips exactly.
"""

import calendar
from email.utils import parsedate_to_datetime
import html
import json
import re
import sys
import xml.etree.ElementTree as ET

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "atom": "http://www.w3.org/2005/Atom",
    "podcast": "https://podcastindex.org/namespace/1.0",
}


def html_to_text(fragment):
    """Text of an HTML fragment: tags dropped, references decoded, whitespace collapsed."""
    text = re.sub(r"<[^>]*>", " ", fragment)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def drop_none(value):
    if isinstance(value, dict):
        return {k: drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_none(v) for v in value]
    return value


def person(name, role, group, href, img):
    return {"name": name, "role": role, "group": group, "href": href, "img": img}


def read_podcastparser(path, url):
    import podcastparser

    with open(path, "rb") as stream:
        feed = podcastparser.parse(url, stream)
    owner = feed.get("itunes_owner") or {}
    channel = {
        "title": feed.get("title"),
        "link": feed.get("link"),
        "description": feed.get("description"),
        "language": feed.get("language"),
        "author": feed.get("itunes_author"),
        "owner_name": owner.get("name"),
        "owner_email": owner.get("email"),
        "image": feed.get("cover_url"),
        "explicit": feed.get("explicit"),
        "type": feed.get("type"),
        "keywords": feed.get("itunes_keywords"),
    }
    # podcastparser lists every subcategory after its category: split them back into pairs.
    channel["categories"] = [
        name if not subs else f"{name}/{sub}"
        for name, *subs in feed.get("itunes_categories", [])
        for sub in (subs or [None])
    ]
    items = []
    for ep in feed["episodes"]:
        enclosure = ep["enclosures"][0] if ep["enclosures"] else {}
        items.append(
            {
                "title": ep.get("title"),
                "guid": ep.get("guid"),
                "link": ep.get("link"),
                "pubdate": ep.get("published"),
                "description": ep.get("description"),
                "content_html": ep.get("description_html"),
                "enclosure": {
                    "url": enclosure.get("url"),
                    "length": enclosure.get("file_size"),
                    "type": enclosure.get("mime_type"),
                },
                "duration": ep.get("total_time"),
                "number": ep.get("number"),
                "season": ep.get("season"),
                "episode_type": ep.get("type"),
                "explicit": ep.get("explicit"),
                "image": ep.get("episode_art_url"),
            }
        )
    return {"channel": channel, "items": items}


def read_feedparser(path, url):
    import feedparser

    parsed = feedparser.parse(path)
    if parsed.bozo:
        raise SystemExit(f"feedparser: not well-formed: {parsed.bozo_exception}")
    feed = parsed.feed
    owner = feed.get("publisher_detail") or {}
    self_links = [l["href"] for l in feed.get("links", []) if l.get("rel") == "self"]
    license = feed.get("podcast_license")
    channel = {
        "title": feed.get("title"),
        "link": feed.get("link"),
        "description": feed.get("subtitle"),
        "language": feed.get("language"),
        "author": feed.get("author"),
        "owner_name": owner.get("name"),
        "owner_email": owner.get("email"),
        "image": (feed.get("image") or {}).get("href"),
        "type": feed.get("itunes_type"),
        "podcast_guid": feed.get("podcast_guid"),
        "locked_owner": (feed.get("podcast_locked") or {}).get("owner"),
        # An element with attributes comes back as its attributes only, its text lost.
        "license": license if isinstance(license, str) else None,
        "license_url": license.get("url") if isinstance(license, dict) else None,
        "medium": feed.get("podcast_medium"),
        "self_url": self_links[0] if self_links else None,
    }
    items = []
    for entry in parsed.entries:
        enclosure = entry.enclosures[0] if entry.get("enclosures") else {}
        summary = entry.get("summary_detail") or {}
        text = summary.get("value")
        if text is not None and summary.get("type") == "text/html":
            text = html_to_text(text)
        content = entry.get("content") or []
        items.append(
            {
                "title": entry.get("title"),
                "guid": entry.get("id"),
                "link": entry.get("link"),
                "pubdate": calendar.timegm(entry.published_parsed)
                if entry.get("published_parsed")
                else None,
                "summary": text if summary.get("type") == "text/plain" else None,
                "description": text,
                "content_text": html_to_text(content[0].value) if content else None,
                "enclosure": {
                    "url": enclosure.get("href"),
                    "length": int(enclosure["length"]) if enclosure.get("length") else None,
                    "type": enclosure.get("type"),
                },
                "duration": int(entry["itunes_duration"]) if "itunes_duration" in entry else None,
                "number": int(entry["itunes_episode"]) if "itunes_episode" in entry else None,
                "season": int(entry["itunes_season"]) if "itunes_season" in entry else None,
                "episode_type": entry.get("itunes_episodetype"),
                "image": (entry.get("image") or {}).get("href"),
                "transcript_url": (entry.get("podcast_transcript") or {}).get("url"),
                "chapters_url": (entry.get("podcast_chapters") or {}).get("url"),
            }
        )
    return {"channel": channel, "items": items}


def read_etree(path, url):
    root = ET.parse(path).getroot()
    if root.tag != "rss" or root.get("version") != "2.0":
        raise SystemExit(f"etree: root is <{root.tag} version={root.get('version')}>")
    ch = root.find("channel")

    def text(parent, name):
        node = parent.find(name, NS)
        return None if node is None else (node.text or "")

    def attr(parent, name, key):
        node = parent.find(name, NS)
        return None if node is None else node.get(key)

    def captions(parent):
        """The URL of the transcript players show (not the JSON one)."""
        urls = [
            t.get("url")
            for t in parent.findall("podcast:transcript", NS)
            if t.get("type") != "application/json"
        ]
        return urls[0] if urls else None

    def persons(parent):
        return [
            person(p.text, p.get("role"), p.get("group"), p.get("href"), p.get("img"))
            for p in parent.findall("podcast:person", NS)
        ]

    def integer(value):
        return None if value is None else int(value)

    def location(parent):
        node = parent.find("podcast:location", NS)
        if node is None:
            return None
        return {"name": node.text, "geo": node.get("geo"), "osm": node.get("osm")}

    def yes(parent, name):
        """itunes:block and itunes:complete: Apple reads `Yes` only."""
        value = text(parent, name)
        return None if value is None else value == "Yes"

    frequency = ch.find("podcast:updateFrequency", NS)

    def boolean(value):
        return None if value is None else {"true": True, "false": False}[value]

    categories = []
    for cat in ch.findall("itunes:category", NS):
        subs = cat.findall("itunes:category", NS)
        categories += [f"{cat.get('text')}/{s.get('text')}" for s in subs] or [cat.get("text")]
    locked = ch.find("podcast:locked", NS)
    keywords = text(ch, "itunes:keywords")
    channel = {
        "title": text(ch, "title"),
        "link": text(ch, "link"),
        "description": text(ch, "description"),
        "language": text(ch, "language"),
        "author": text(ch, "itunes:author"),
        "owner_name": text(ch, "itunes:owner/itunes:name"),
        "owner_email": text(ch, "itunes:owner/itunes:email"),
        "image": attr(ch, "itunes:image", "href"),
        "explicit": boolean(text(ch, "itunes:explicit")),
        "type": text(ch, "itunes:type"),
        "keywords": None if keywords is None else keywords.split(", "),
        "categories": categories,
        "podcast_guid": text(ch, "podcast:guid"),
        "locked": None if locked is None else {"yes": True, "no": False}[locked.text],
        "locked_owner": None if locked is None else locked.get("owner"),
        "funding": [
            {"url": f.get("url"), "text": f.text} for f in ch.findall("podcast:funding", NS)
        ],
        "persons": persons(ch),
        "license": text(ch, "podcast:license"),
        "license_url": attr(ch, "podcast:license", "url"),
        "medium": text(ch, "podcast:medium"),
        "location": location(ch),
        "txt": [
            {"purpose": t.get("purpose"), "value": t.text} for t in ch.findall("podcast:txt", NS)
        ],
        "update_frequency": None
        if frequency is None
        else {
            "text": frequency.text,
            "rrule": frequency.get("rrule"),
            "complete": boolean(frequency.get("complete")),
            "dtstart": frequency.get("dtstart"),
        },
        "trailers": [
            {
                "title": t.text,
                "url": t.get("url"),
                "pubdate": int(parsedate_to_datetime(t.get("pubdate")).timestamp()),
                "length": integer(t.get("length")),
                "type": t.get("type"),
                "season": integer(t.get("season")),
            }
            for t in ch.findall("podcast:trailer", NS)
        ],
        "block": yes(ch, "itunes:block"),
        "complete": yes(ch, "itunes:complete"),
        "self_url": attr(ch, "atom:link[@rel='self']", "href"),
        "new_feed_url": text(ch, "itunes:new-feed-url"),
        "copyright": text(ch, "copyright"),
        "subtitle": text(ch, "itunes:subtitle"),
    }
    items = []
    for it in ch.findall("item"):
        enclosure = it.find("enclosure")
        description = text(it, "description")
        items.append(
            {
                "title": text(it, "title"),
                "guid": text(it, "guid"),
                "link": text(it, "link"),
                "pubdate": int(parsedate_to_datetime(text(it, "pubDate")).timestamp()),
                "pubdate_text": text(it, "pubDate"),
                "summary": text(it, "itunes:summary"),
                "description": None if description is None else html_to_text(description),
                "description_html": description,
                "content_html": text(it, "content:encoded"),
                "enclosure": {
                    "url": enclosure.get("url"),
                    "length": int(enclosure.get("length")),
                    "type": enclosure.get("type"),
                },
                "duration": integer(text(it, "itunes:duration")),
                "number": integer(text(it, "itunes:episode")),
                "season": integer(text(it, "itunes:season")),
                "episode_type": text(it, "itunes:episodeType"),
                "explicit": boolean(text(it, "itunes:explicit")),
                "image": attr(it, "itunes:image", "href"),
                "persons": persons(it),
                "transcript_url": captions(it),
                "chapters_url": attr(it, "podcast:chapters", "url"),
                "podcast_season": integer(text(it, "podcast:season")),
                "podcast_episode": integer(text(it, "podcast:episode")),
                "location": location(it),
                "soundbites": [
                    {
                        "start": float(b.get("startTime")),
                        "duration": float(b.get("duration")),
                        "title": b.text,
                    }
                    for b in it.findall("podcast:soundbite", NS)
                ],
                "block": yes(it, "itunes:block"),
            }
        )
    return {"channel": channel, "items": items}


READERS = {
    "podcastparser": read_podcastparser,
    "feedparser": read_feedparser,
    "etree": read_etree,
}

if __name__ == "__main__":
    if len(sys.argv) not in (3, 4) or sys.argv[1] not in READERS:
        raise SystemExit(__doc__)
    url = sys.argv[3] if len(sys.argv) == 4 else "https://example.org/feed.xml"
    result = READERS[sys.argv[1]](sys.argv[2], url)
    json.dump(drop_none(result), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    print()
