#!/usr/bin/env python3
"""Checks a podcast RSS feed against the rules of the W3C Feed Validation Service.

    python3 validate_feed.py [--location URL] [--now UNIX_TIME] FEED.xml...

Prints one JSON report per feed: {"FEED.xml": {"errors": [...], "warnings": [...]}}, each
finding {"rule", "element", "line", "message"}; exits 1 when a feed has an error.

Why this exists: the feed must pass https://validator.w3.org/feed/ with no error and no
warning, but that service (github.com/w3c/feedvalidator) cannot be installed or reached from
here (not on PyPI, npm or Debian, and no general internet). This checker mirrors the checks the
service applies to the elements carnets writes; it was written from a reading of the
validator's rules, not from its code, and names each finding after the validator's own message
class (InvalidItunesCategory, IncorrectDOW...) so that a finding can be looked up there. A
warning here is what the service lists as a recommendation; an error makes the feed invalid.

One finding is unavoidable and expected: the service does not validate the Podcasting 2.0
namespace and says so with an UnsupportedNamespace warning; carnets' tests accept exactly
that one.

Rules mirrored (the message class, then what triggers it):
  document  SAXError (not well-formed XML), BadXmlVersion, InvalidRSSVersion (root is not
            <rss version="2.0">), NotUTF8 (an iTunes feed not in UTF-8), ReservedPrefix (a
            known prefix bound to another namespace), UnknownNamespace, UnsupportedNamespace,
            BadCharacters (C1 controls or U+FFFD in text or attributes)
  structure UndefinedElement (an RSS, iTunes, content or Atom element where it is not
            defined), DuplicateElement, MisplacedItem (channel metadata after an item),
            MissingTitle / MissingLink / MissingDescription, MissingElement (image
            url/title/link, itunes:owner without itunes:email), MissingAttribute,
            UnexpectedAttribute
  text      NotBlank, ContainsHTML (HTML end tags or entities in plain text),
            CharacterData (markup characters in plain text not written as hexadecimal
            references, RSS Best Practices Profile), TooLong (itunes text over 255
            characters, itunes:summary over 4000)
  links     InvalidFullLink (link, new-feed-url: an absolute URI of ASCII characters),
            InvalidURLAttribute (enclosure url, itunes:image href: http(s) URL with a
            domain), MissingAtomSelfLink, RelativeSelf, SelfDoesntMatchLocation, SelfNotAtom,
            ImageTitleDoesntMatch / ImageLinkDoesntMatch / ImageUrlFormat (<image>)
  dates     InvalidRFC2822Date, ProblematicalRFC822Date (RFC 822 but not in the RFC 2822
            form the profile asks for), IncorrectDOW (day name does not match the date),
            ImplausibleDate (before 1990 or more than ten minutes in the future)
  values    InvalidLanguage (language code not ISO 639), InvalidContact (itunes:email),
            InvalidItunesCategory / ObsoleteItunesCategory (Apple's list, subcategories
            under their category), InvalidTrueFalse (itunes:explicit), InvalidKeywords
            (spaces but no comma), InvalidItunesChannelType, InvalidItunesEpisodeType,
            InvalidPositiveInteger (itunes:episode, itunes:season), InvalidDuration
            (itunes:duration), InvalidYesNoClean (itunes:block), MissingItunesElement /
            MissingItunesEmail (language, itunes:category, itunes:explicit, itunes:owner)
  items     ItemMustContainTitleOrDescription, MissingGuid, InvalidBooleanAttribute
            (isPermaLink), InvalidHttpGUID (a permalink GUID that is not a URL),
            NotSufficientlyUnique (short numeric GUID), DuplicateValue (GUID used twice),
            InvalidIntegerAttribute / InvalidNonNegativeInteger / UseZeroForUnknown
            (enclosure length), InvalidMIMEAttribute (enclosure type),
            UnsupportedItunesFormat (enclosure extension), DuplicateEnclosure,
            NeedDescriptionBeforeContent
  html      (description, content:encoded) ContainsRelRef (relative link or image),
            SecurityRisk / SecurityRiskAttr / DangerousStyleAttr, NotHtml (unknown tag)
plus one of Apple's (not the validator's): ItunesImageFormat, artwork URL not .jpg/.png.

Apple's itunes:complete is not in the service's iTunes vocabulary (its itunes module defines
no such element), so the service reports it as an UndefinedElement, and so does this checker:
carnets writes it only when podcast.yaml says `complete: true`.
"""

import json
import re
import sys
import time
import xml.sax

import feed_tree
from w3c_rules import (
    ALLOWED,
    ATOM,
    ATTRIBUTES,
    CATEGORIES,
    CHANNEL_PLAIN_TEXT,
    CONTENT,
    DURATION,
    FULL_URI,
    ISO_639_1,
    ITUNES,
    ITUNES_MEDIA,
    KNOWN_PREFIXES,
    LINK_RELATIONS,
    MIME,
    OLD_CATEGORIES,
    REPEATABLE,
    RSS,
    UNSUPPORTED_NAMESPACES,
    VALIDATED_NAMESPACES,
)
from w3c_values import ValueChecks


class Checker(ValueChecks):
    def __init__(self, raw, location, now):
        self.raw = raw
        self.lines_with_hex = [("&#x" in line) for line in raw.split("\n")]
        self.location = location
        self.now = now
        self.report = feed_tree.Report()
        self.guids = set()

    # --- document --------------------------------------------------------------------------

    def run(self):
        report = self.report
        declaration = re.match(r"^<\?xml\s+version\s*=\s*['\"]([^'\"]*)['\"]", self.raw)
        if declaration and declaration.group(1) != "1.0":
            report.error("BadXmlVersion", None, f"XML version {declaration.group(1)}")
        encoding = re.match(r"^<\?xml[^>]*encoding\s*=\s*['\"]([^'\"]*)['\"]", self.raw)
        try:
            builder = feed_tree.parse(self.raw)
        except xml.sax.SAXParseException as e:
            report.error("SAXError", None, f"not well-formed: {e}")
            return report
        root = builder.root
        if root.key() != (RSS, "rss") or root.attrs.get("version") != "2.0":
            report.error("InvalidRSSVersion", root, "the root must be <rss version=\"2.0\">")
            return report
        if encoding and encoding.group(1).lower() not in ("utf-8", "utf8"):
            report.warning("NotUTF8", root, "iTunes feeds should be UTF-8")
        for prefix, uri in builder.prefixes:
            self.check_namespace(prefix, uri, root)
        self.walk(root)
        channel = root.find(RSS, "channel")
        if channel is None:
            report.error("MissingElement", root, "no <channel>")
        else:
            self.check_channel(channel)
        return report

    def check_namespace(self, prefix, uri, root):
        if prefix in KNOWN_PREFIXES and KNOWN_PREFIXES[prefix] != uri:
            self.report.warning("ReservedPrefix", root, f"{prefix}: is bound to {uri}")
        elif uri in UNSUPPORTED_NAMESPACES:
            self.report.warning(
                "UnsupportedNamespace", root,
                f"{UNSUPPORTED_NAMESPACES[uri]} namespace ({uri}) is not validated",
            )
        elif uri not in KNOWN_PREFIXES.values():
            self.report.warning("UnknownNamespace", root, f"unknown namespace {uri}")

    def walk(self, node):
        """Checks that apply to every element: vocabulary, duplicates, attributes, characters."""
        for key, value in node.attrs.items():
            self.check_characters(node, value, f"attribute {key}")
        if node.ns in VALIDATED_NAMESPACES:
            self.check_characters(node, node.text, "text")
            expected = ATTRIBUTES.get(node.key(), set())
            for key in node.attrs:
                if key not in expected and not key.startswith("{"):
                    self.report.error("UnexpectedAttribute", node, f"unexpected attribute {key}")
        allowed = ALLOWED.get(node.key())
        seen = set()
        for child in node.children:
            if allowed is not None and child.ns in VALIDATED_NAMESPACES and child.key() not in allowed:
                self.report.error("UndefinedElement", child, f"{child.qname()} is not defined in {node.qname()}")
            if child.ns in VALIDATED_NAMESPACES and child.key() in seen and child.key() not in REPEATABLE:
                rule = "DuplicateEnclosure" if child.key() == (RSS, "enclosure") else "DuplicateElement"
                (self.report.warning if rule == "DuplicateEnclosure" else self.report.error)(
                    rule, child, f"{child.qname()} appears twice in {node.qname()}"
                )
            seen.add(child.key())
            if child.ns in VALIDATED_NAMESPACES:
                self.walk(child)

    def check_characters(self, node, value, what):
        if any(0x80 <= ord(c) <= 0x9F or c == "\ufffd" for c in value):
            self.report.warning("BadCharacters", node, f"{what}: C1 control or U+FFFD")
    # --- channel and items -----------------------------------------------------------------

    def check_channel(self, channel):
        report = self.report
        for name, rule in (("title", "MissingTitle"), ("link", "MissingLink"), ("description", "MissingDescription")):
            if channel.find(RSS, name) is None:
                report.error(rule, channel, f"channel has no <{name}>")
        seen_item = False
        for child in channel.children:
            if child.key() == (RSS, "item"):
                seen_item = True
                self.check_item(child)
                continue
            if seen_item and child.ns in (RSS, ATOM):
                report.warning("MisplacedItem", child, f"{child.qname()} after the first item")
            if child.ns == RSS:
                self.check_channel_core(channel, child)
            elif child.ns == ITUNES:
                self.check_itunes(child, channel=True)
        self.check_self_link(channel)
        self.check_image(channel)
        uses_itunes = any(c.ns == ITUNES for c in channel.children) or any(
            c.ns == ITUNES for item in channel.findall(RSS, "item") for c in item.children
        )
        if uses_itunes:
            if channel.find(RSS, "language") is None:
                report.warning("MissingItunesElement", channel, "iTunes wants <language>")
            for name in ("category", "explicit"):
                if channel.find(ITUNES, name) is None:
                    report.warning("MissingItunesElement", channel, f"iTunes wants itunes:{name}")
            if channel.find(ITUNES, "owner") is None:
                report.warning("MissingItunesEmail", channel, "iTunes wants itunes:owner with itunes:email")

    def check_channel_core(self, channel, node):
        if node.name in CHANNEL_PLAIN_TEXT:
            self.plain_text(node)
        if node.name == "title":
            self.not_blank(node)
        elif node.name == "link":
            self.full_uri(node, node.text.strip())
        elif node.name == "language":
            primary = node.text.strip().split("-")[0].lower()
            if primary not in ISO_639_1:
                self.report.error("InvalidLanguage", node, f"{node.text.strip()!r} is not an ISO 639 code")
        elif node.name in ("pubDate", "lastBuildDate"):
            self.date(node)

    def check_self_link(self, channel):
        links = channel.findall(ATOM, "link")
        for link in links:
            rel = link.attrs.get("rel", "alternate")
            if rel not in LINK_RELATIONS and not FULL_URI.match(rel):
                self.report.warning("UnregisteredAtomLinkRel", link, f"rel={rel!r}")
            if "href" not in link.attrs:
                self.report.error("MissingHref", link, "atom:link needs href")
        selfs = [l for l in links if l.attrs.get("rel") == "self"]
        if not selfs:
            self.report.warning("MissingAtomSelfLink", channel, "no atom:link rel=\"self\"")
            return
        link = selfs[0]
        href = link.attrs.get("href", "")
        if not re.match(r"^[a-zA-Z][0-9a-zA-Z+\-.]*://[^/]", href):
            self.report.warning("RelativeSelf", link, f"relative self link {href!r}")
        elif self.location and href != self.location:
            self.report.warning("SelfDoesntMatchLocation", link, f"{href!r} is not where the feed is: {self.location!r}")
        kind = link.attrs.get("type", "").split(";")[0]
        if "type" in link.attrs and kind not in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
            self.report.warning("SelfNotAtom", link, f"type={kind!r}")

    def check_image(self, channel):
        image = channel.find(RSS, "image")
        if image is None:
            return
        for name in ("url", "title", "link"):
            if image.find(RSS, name) is None:
                self.report.error("MissingElement", image, f"<image> needs <{name}>")
        title, link, url = image.find(RSS, "title"), image.find(RSS, "link"), image.find(RSS, "url")
        channel_title, channel_link = channel.find(RSS, "title"), channel.find(RSS, "link")
        if title is not None:
            self.plain_text(title)
            if channel_title is not None and title.text.strip() != channel_title.text.strip():
                self.report.warning("ImageTitleDoesntMatch", title, "image title differs from the channel's")
        if link is not None and channel_link is not None:
            self.full_uri(link, link.text.strip())
            if link.text.strip() != channel_link.text.strip():
                self.report.warning("ImageLinkDoesntMatch", link, "image link differs from the channel's")
        if url is not None:
            value = url.text.strip()
            self.full_uri(url, value)
            ext = value.split(".")[-1].lower()
            if re.fullmatch(r"\w+", ext) and ext not in ("jpg", "jpeg", "gif", "png"):
                self.report.warning("ImageUrlFormat", url, f"image URL ends in .{ext}")

    def check_itunes(self, node, channel):
        name = node.name
        if name in ("author", "subtitle", "summary"):
            self.itunes_text(node)
        elif name == "keywords":
            self.itunes_text(node)
            value = node.text.strip()
            if " " in value and "," not in value:
                self.report.warning("InvalidKeywords", node, "keywords with spaces must be separated by commas")
        elif name == "explicit":
            self.true_false(node)
        elif name == "block":
            self.yes_no_clean(node)
        elif name == "image":
            self.itunes_image(node)
        elif name == "type":
            if node.text.strip() not in ("episodic", "serial"):
                self.report.error("InvalidItunesChannelType", node, f"{node.text.strip()!r}")
        elif name == "new-feed-url":
            self.full_uri(node, node.text.strip())
        elif name == "owner":
            if node.find(ITUNES, "email") is None:
                self.report.error("MissingElement", node, "itunes:owner needs itunes:email")
            for child in node.children:
                if child.key() == (ITUNES, "email"):
                    self.email(child)
                elif child.key() == (ITUNES, "name"):
                    self.itunes_text(child)
        elif name == "category":
            self.category(node, CATEGORIES, OLD_CATEGORIES)
        elif name == "duration":
            if not DURATION.match(node.text.strip()):
                self.report.error("InvalidDuration", node, f"{node.text.strip()!r}")
        elif name in ("episode", "season"):
            self.positive_integer(node)
        elif name == "episodeType":
            if node.text.strip() not in ("full", "trailer", "bonus"):
                self.report.error("InvalidItunesEpisodeType", node, f"{node.text.strip()!r}")

    def category(self, node, valid, old):
        text = node.attrs.get("text")
        if text is None:
            self.report.error("MissingAttribute", node, "itunes:category needs text")
            return
        if text not in valid:
            if text in old:
                self.report.warning("ObsoleteItunesCategory", node, f"{text!r} is a retired category")
            else:
                self.report.error("InvalidItunesCategory", node, f"{text!r} is not an Apple category")
        for sub in node.findall(ITUNES, "category"):
            subs = valid.get(text, set()) if isinstance(valid, dict) else set()
            self.category(sub, {s: set() for s in subs}, set())

    def check_item(self, item):
        report = self.report
        names = [c.key() for c in item.children]
        if (RSS, "title") not in names and (RSS, "description") not in names:
            report.error("ItemMustContainTitleOrDescription", item, "an item needs a title or a description")
        if (RSS, "guid") not in names:
            report.warning("MissingGuid", item, "an item should have a guid")
        if (CONTENT, "encoded") in names and (
            (RSS, "description") not in names or names.index((RSS, "description")) > names.index((CONTENT, "encoded"))
        ):
            report.warning("NeedDescriptionBeforeContent", item, "description must come before content:encoded")
        for child in item.children:
            key = child.key()
            if key == (RSS, "title"):
                self.plain_text(child)
                self.not_blank(child)
            elif key == (RSS, "link"):
                self.full_uri(child, child.text.strip())
            elif key in ((RSS, "description"), (CONTENT, "encoded")):
                self.html(child)
            elif key == (RSS, "pubDate"):
                self.date(child)
            elif key == (RSS, "guid"):
                self.guid(child)
            elif key == (RSS, "enclosure"):
                self.enclosure(child, item)
            elif child.ns == ITUNES:
                self.check_itunes(child, channel=False)

    def guid(self, node):
        value = node.text.strip()
        permalink = node.attrs.get("isPermaLink", "true")
        if permalink not in ("true", "false"):
            self.report.error("InvalidBooleanAttribute", node, f"isPermaLink={permalink!r}")
        if permalink == "true":
            if not FULL_URI.match(value) or value.lower().startswith(("tag:", "urn:uuid:")):
                self.report.error("InvalidHttpGUID", node, f"a permalink GUID must be a URL: {value!r}")
        elif len(value) < 9 and value.isdigit():
            self.report.warning("NotSufficientlyUnique", node, f"GUID {value!r} is too short")
        if not value:
            self.report.warning("NotBlank", node, "blank GUID")
        elif value in self.guids:
            self.report.error("DuplicateValue", node, f"GUID {value!r} is used twice")
        self.guids.add(value)

    def enclosure(self, node, item):
        attrs = node.attrs
        for name in ("url", "length", "type"):
            if name not in attrs:
                self.report.error("MissingAttribute", node, f"enclosure needs {name}")
        if "length" in attrs:
            length = attrs["length"].strip()
            if not re.fullmatch(r"[+-]?\d+", length):
                self.report.error("InvalidIntegerAttribute", node, f"length={length!r}")
            elif int(length) == -1:
                self.report.error("UseZeroForUnknown", node, "length=-1: use 0 for unknown")
            elif int(length) < 0:
                self.report.error("InvalidNonNegativeInteger", node, f"length={length!r}")
        if "type" in attrs and not MIME.match(attrs["type"]):
            self.report.error("InvalidMIMEAttribute", node, f"type={attrs['type']!r}")
        if "url" in attrs:
            url = attrs["url"]
            self.http_url(node, url, "url")
            if url.split(".")[-1] not in ITUNES_MEDIA:
                self.report.warning("UnsupportedItunesFormat", node, f"iTunes does not play .{url.split('.')[-1]}")


def main(argv):
    location, now, paths = None, time.time(), []
    args = iter(argv)
    for arg in args:
        if arg == "--location":
            location = next(args)
        elif arg == "--now":
            now = float(next(args))
        else:
            paths.append(arg)
    if not paths:
        raise SystemExit(__doc__)
    reports = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        report = Checker(raw, location, now).run()
        reports[path] = {"errors": report.errors, "warnings": report.warnings}
    json.dump(reports, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 1 if any(r["errors"] for r in reports.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
