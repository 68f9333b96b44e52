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
            (itunes:duration), MissingItunesElement / MissingItunesEmail (language,
            itunes:category, itunes:explicit, itunes:owner)
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
"""

import calendar
import datetime
import email.utils
import html
import html.entities
import html.parser
import json
import re
import sys
import time
import xml.sax
import xml.sax.handler
import xml.sax.xmlreader

RSS = ""
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
ATOM = "http://www.w3.org/2005/Atom"
PODCAST = "https://podcastindex.org/namespace/1.0"

KNOWN_PREFIXES = {
    "itunes": ITUNES,
    "content": CONTENT,
    "atom": ATOM,
    "dc": "http://purl.org/dc/elements/1.1/",
    "media": "http://search.yahoo.com/mrss/",
}
UNSUPPORTED_NAMESPACES = {
    PODCAST: "Podcasting 2.0",
    "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md": "Podcasting 2.0",
}
VALIDATED_NAMESPACES = {RSS, ITUNES, CONTENT, ATOM}

# Apple's category list as the validator knows it (Apple's 2019 revision).
CATEGORIES = {
    "Arts": "Books|Design|Fashion & Beauty|Food|Performing Arts|Visual Arts",
    "Business": "Careers|Entrepreneurship|Investing|Management|Marketing|Non-Profit",
    "Comedy": "Comedy Interviews|Improv|Stand-Up",
    "Education": "Courses|How To|Language Learning|Self-Improvement",
    "Fiction": "Comedy Fiction|Drama|Science Fiction",
    "Government": "",
    "History": "",
    "Health & Fitness": "Alternative Health|Fitness|Medicine|Mental Health|Nutrition|Sexuality",
    "Kids & Family": "Education for Kids|Parenting|Pets & Animals|Stories for Kids",
    "Leisure": "Animation & Manga|Automotive|Aviation|Crafts|Games|Hobbies|Home & Garden|"
    "Video Games",
    "Music": "Music Commentary|Music History|Music Interviews",
    "News": "Business News|Daily News|Entertainment News|News Commentary|Politics|"
    "Sports News|Tech News",
    "Religion & Spirituality": "Buddhism|Christianity|Hinduism|Islam|Judaism|Spirituality",
    "Science": "Astronomy|Chemistry|Earth Sciences|Life Sciences|Mathematics|"
    "Natural Sciences|Nature|Physics|Social Sciences",
    "Society & Culture": "Documentary|Personal Journals|Philosophy|Places & Travel|Relationships",
    "Sports": "Baseball|Basketball|Cricket|Fantasy Sports|Football|Golf|Hockey|Rugby|Running|"
    "Soccer|Swimming|Tennis|Volleyball|Wilderness|Wrestling",
    "Technology": "",
    "True Crime": "",
    "TV & Film": "After Shows|Film History|Film Interviews|Film Reviews|TV Reviews",
}
CATEGORIES = {k: set(filter(None, v.split("|"))) for k, v in CATEGORIES.items()}
# Names Apple retired in 2019: a warning, not an error.
OLD_CATEGORIES = {
    "Arts & Entertainment", "Audio Blogs", "Family", "Food", "Games & Hobbies",
    "Government & Organizations", "Health", "International", "Movies & Television",
    "News & Politics", "Politics", "Public Radio", "Science & Medicine",
    "Sports & Recreation", "Talk Radio", "Transportation", "Travel",
}

ISO_639_1 = set(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv "
    "cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr "
    "ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw "
    "ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv "
    "ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr "
    "ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi "
    "yo za zh zu".split()
)

# Children each element may have, per namespace; anything else in these namespaces is undefined.
CHANNEL_CHILDREN = {
    (RSS, n) for n in "title link description language copyright managingEditor webMaster "
    "pubDate lastBuildDate category generator docs cloud ttl image rating textInput skipHours "
    "skipDays item".split()
} | {
    (ITUNES, n) for n in "author block explicit keywords subtitle summary image owner category "
    "pubDate new-feed-url type".split()
} | {(ATOM, "link")}
ITEM_CHILDREN = {
    (RSS, n) for n in "title link description author category comments enclosure guid pubDate "
    "source".split()
} | {
    (ITUNES, n) for n in "author block explicit keywords subtitle summary image duration title "
    "episode season episodeType".split()
} | {(CONTENT, "encoded"), (ATOM, "link")}
ALLOWED = {
    (RSS, "rss"): {(RSS, "channel")},
    (RSS, "channel"): CHANNEL_CHILDREN,
    (RSS, "item"): ITEM_CHILDREN,
    (RSS, "image"): {(RSS, n) for n in "url title link width height description".split()},
    (ITUNES, "owner"): {(ITUNES, "name"), (ITUNES, "email")},
    (ITUNES, "category"): {(ITUNES, "category")},
}
# Elements that may appear several times in their parent.
REPEATABLE = {(RSS, "item"), (RSS, "category"), (ITUNES, "category"), (ATOM, "link")}
ATTRIBUTES = {
    (RSS, "rss"): {"version"},
    (RSS, "guid"): {"isPermaLink"},
    (RSS, "enclosure"): {"url", "length", "type"},
    (RSS, "category"): {"domain"},
    (RSS, "source"): {"url"},
    (ITUNES, "image"): {"href"},
    (ITUNES, "category"): {"text"},
    (ATOM, "link"): {"href", "rel", "type", "title", "length", "hreflang"},
}
CHANNEL_PLAIN_TEXT = {"title", "description", "copyright"}
ITUNES_LIMITS = {"author": 255, "subtitle": 255, "keywords": 255, "name": 255, "summary": 4000}
ITUNES_MEDIA = {"m4a", "mp3", "mov", "mp4", "m4v", "pdf", "epub"}
LINK_RELATIONS = {
    "alternate", "current", "describedby", "edit", "edit-media", "enclosure", "first", "hub",
    "last", "license", "next", "next-archive", "payment", "prev-archive", "previous",
    "related", "replies", "search", "self", "service", "up", "via",
}

HTML_TAGS = set(
    "a abbr acronym address applet area article aside audio b base basefont bdi bdo big "
    "blockquote body br button canvas caption center cite code col colgroup data datalist dd "
    "del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form "
    "frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd "
    "label legend li link main map mark menu meta meter nav noframes noscript object ol "
    "optgroup option output p param picture pre progress q rp rt ruby s samp script section "
    "select slot small source span strike strong style sub summary sup table tbody td template "
    "textarea tfoot th thead time title tr track tt u ul var video wbr".split()
)
UNSAFE_TAGS = set(
    "applet base basefont body embed frame frameset head html iframe link meta noframes "
    "object param script slot style title".split()
)
SAFE_CSS = set(
    "background-color border border-collapse border-color border-spacing border-style "
    "border-width clear color cursor direction display float font font-family font-size "
    "font-style font-variant font-weight height letter-spacing line-height list-style-type "
    "margin margin-bottom margin-left margin-right margin-top overflow padding padding-bottom "
    "padding-left padding-right padding-top text-align text-decoration text-indent "
    "unicode-bidi vertical-align white-space width".split()
)

URI_CHARS = r"[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]"
FULL_URI = re.compile(r"^[a-zA-Z][0-9a-zA-Z+\-.]*:(//)?" + URI_CHARS + r"+$")
DOMAIN = r"(?:[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.|(?:[A-Za-z0-9\-]+\.)+)[A-Za-z0-9][-A-Za-z0-9]*"
HTTP_URL = re.compile(r"^https?://" + DOMAIN + r"(?::\d+)?(?:/|$)", re.I)
EMAIL = re.compile(r"^[A-Za-z0-9_\-+.']+@" + DOMAIN + r"$")
MIME = re.compile(r'^[^\s()<>,;:\\"/\[\]?=]+/[^\s()<>,;:\\"/\[\]?=]+(\s*;\s*[^\s()<>,;:\\"/\[\]?=]+=("[^"]*"|[^\s()<>,;:\\"/\[\]?=]+))*$')
DURATION = re.compile(r"^\d+(:[0-5][0-9](:[0-5][0-9])?)?$")
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
RFC2822 = re.compile(
    r"^(?:(%s), )?(\d\d?) (%s) (\d{4}) (\d\d):(\d\d)(?::(\d\d))? "
    r"([+-]\d\d[03]0|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)$" % ("|".join(DAYS), "|".join(MONTHS))
)
RFC822_LOOSE = re.compile(
    r"^(?:[a-z]{3}\s*,\s*)?\d\d?\s+(%s)\s+\d\d(\d\d)?\s+\d\d:\d\d(:\d\d)?"
    r"(\s+([+-]\d{4}|ut|gmt|[ecmp][sd]t|[a-ik-z]))?$" % "|".join(m.lower() for m in MONTHS)
)


class Node:
    def __init__(self, ns, name, attrs, line, parent):
        self.ns, self.name, self.attrs, self.line, self.parent = ns, name, attrs, line, parent
        self.end_line = line
        self.children = []
        self.text = ""

    def key(self):
        return (self.ns, self.name)

    def qname(self):
        prefix = {RSS: "", ITUNES: "itunes:", CONTENT: "content:", ATOM: "atom:"}.get(
            self.ns, "{%s}" % self.ns
        )
        return prefix + self.name

    def find(self, ns, name):
        return next((c for c in self.children if c.ns == ns and c.name == name), None)

    def findall(self, ns, name):
        return [c for c in self.children if c.ns == ns and c.name == name]


class TreeBuilder(xml.sax.handler.ContentHandler):
    def __init__(self, report):
        super().__init__()
        self.report = report
        self.root = None
        self.stack = []
        self.prefixes = []

    def startPrefixMapping(self, prefix, uri):
        self.prefixes.append((prefix, uri))

    def startElementNS(self, name, qname, attrs):
        ns, local = name
        parent = self.stack[-1] if self.stack else None
        node_attrs = {}
        for (attr_ns, attr_name), value in attrs.items():
            node_attrs[attr_name if not attr_ns else f"{{{attr_ns}}}{attr_name}"] = value
        node = Node(ns or RSS, local, node_attrs, self._locator.getLineNumber(), parent)
        if parent is None:
            self.root = node
        else:
            parent.children.append(node)
        self.stack.append(node)

    def characters(self, content):
        if self.stack:
            self.stack[-1].text += content

    def endElementNS(self, name, qname):
        self.stack.pop().end_line = self._locator.getLineNumber()


class Report:
    def __init__(self):
        self.errors, self.warnings = [], []

    def error(self, rule, node, message):
        self._add(self.errors, rule, node, message)

    def warning(self, rule, node, message):
        self._add(self.warnings, rule, node, message)

    def _add(self, into, rule, node, message):
        into.append(
            {
                "rule": rule,
                "element": node.qname() if node is not None else None,
                "line": node.line if node is not None else None,
                "message": message,
            }
        )


class Checker:
    def __init__(self, raw, location, now):
        self.raw = raw
        self.lines_with_hex = [("&#x" in line) for line in raw.split("\n")]
        self.location = location
        self.now = now
        self.report = Report()
        self.guids = set()

    # --- document --------------------------------------------------------------------------

    def run(self):
        report = self.report
        declaration = re.match(r"^<\?xml\s+version\s*=\s*['\"]([^'\"]*)['\"]", self.raw)
        if declaration and declaration.group(1) != "1.0":
            report.error("BadXmlVersion", None, f"XML version {declaration.group(1)}")
        encoding = re.match(r"^<\?xml[^>]*encoding\s*=\s*['\"]([^'\"]*)['\"]", self.raw)
        builder = TreeBuilder(report)
        parser = xml.sax.make_parser()
        parser.setFeature(xml.sax.handler.feature_namespaces, True)
        parser.setContentHandler(builder)
        try:
            parser.parse(_BytesSource(self.raw.encode("utf-8")))
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

    # --- text ------------------------------------------------------------------------------

    def plain_text(self, node):
        """The validator's 'nonhtml' rules for a plain-text element."""
        value = node.text.strip()
        hex_encoded = any(self.lines_with_hex[node.line - 1 : node.end_line])
        tags = [t for t in re.findall(r"</(\w+)>", value) if t.lower() in HTML_TAGS]
        if tags:
            self.report.warning("ContainsHTML", node, f"HTML end tag </{tags[0]}> in plain text")
            return
        entities = [
            e for e in re.findall(r"&(#?\w+)", value)
            if e in html.entities.name2codepoint or e == "apos" or not e.isalpha()
        ]
        if entities and not hex_encoded:
            self.report.warning("ContainsHTML", node, f"HTML entity &{entities[0]}; in plain text")
        elif re.search(r"&#[x0-9]|<[/a-zA-Z]", value) and not hex_encoded:
            self.report.warning(
                "CharacterData", node, "encode & and < in plain text as &#x26; and &#x3C;"
            )

    def not_blank(self, node):
        if not node.text.strip():
            self.report.warning("NotBlank", node, f"{node.qname()} is blank")

    def itunes_text(self, node):
        limit = ITUNES_LIMITS.get(node.name)
        if limit and len(node.text.strip()) > limit:
            self.report.error("TooLong", node, f"{len(node.text.strip())} characters, at most {limit}")
        self.plain_text(node)

    # --- values ----------------------------------------------------------------------------

    def full_uri(self, node, value):
        if not FULL_URI.match(value):
            self.report.error("InvalidFullLink", node, f"not an absolute URI: {value!r}")
            return False
        return True

    def http_url(self, node, value, attr):
        if not HTTP_URL.match(value) or not FULL_URI.match(value):
            self.report.error("InvalidURLAttribute", node, f"{attr}: not an http(s) URL: {value!r}")
            return False
        return True

    def date(self, node):
        value = node.text.strip()
        match = RFC2822.match(value)
        if not match:
            if RFC822_LOOSE.match(value.lower()):
                self.report.warning("ProblematicalRFC822Date", node, f"not RFC 2822: {value!r}")
            else:
                self.report.error("InvalidRFC2822Date", node, f"not an RFC 2822 date: {value!r}")
            return
        day_name, day, month, year = match.group(1), int(match.group(2)), match.group(3), int(match.group(4))
        try:
            date = datetime.date(year, MONTHS.index(month) + 1, day)
        except ValueError as e:
            self.report.error("InvalidRFC2822Date", node, f"{value!r}: {e}")
            return
        if day_name and DAYS[date.weekday()] != day_name:
            self.report.error("IncorrectDOW", node, f"{date} is a {DAYS[date.weekday()]}, not a {day_name}")
            return
        stamp = email.utils.parsedate_tz(value)
        instant = email.utils.mktime_tz(stamp) if stamp else None
        if year < 1990 or instant is None or instant > self.now + 600:
            self.report.warning("ImplausibleDate", node, f"implausible date {value!r}")

    def true_false(self, node):
        if node.text.strip().lower() not in ("true", "false"):
            self.report.error("InvalidTrueFalse", node, f"{node.text.strip()!r}: use true or false")

    def positive_integer(self, node):
        value = node.text.strip()
        if not re.fullmatch(r"[+-]?\d+", value) or int(value) <= 0:
            self.report.error("InvalidPositiveInteger", node, f"{value!r} is not a positive integer")

    def email(self, node):
        self.plain_text(node)
        name, address = email.utils.parseaddr(node.text.strip())
        if not EMAIL.match(address or node.text.strip()):
            self.report.error("InvalidContact", node, f"not an e-mail address: {node.text.strip()!r}")

    def itunes_image(self, node):
        href = node.attrs.get("href")
        if href is None:
            self.report.error("MissingAttribute", node, "itunes:image needs href")
            return
        self.http_url(node, href, "href")
        if not re.search(r"\.(jpg|png)$", href.split("?")[0].split("#")[0], re.I):
            self.report.error("ItunesImageFormat", node, f"Apple wants a .jpg or .png URL: {href!r}")

    def html(self, node):
        checker = _HtmlChecker()
        try:
            checker.feed(node.text)
            checker.close()
        except Exception as e:  # html.parser is lenient; anything it rejects is not HTML
            self.report.warning("NotHtml", node, f"invalid HTML: {e}")
        for rule, message in checker.findings:
            self.report.warning(rule, node, message)

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


class _HtmlChecker(html.parser.HTMLParser):
    """The validator's checks of HTML content: safe tags and attributes, absolute links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings = []

    def handle_starttag(self, tag, attrs):
        self.check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self.check(tag, attrs)

    def check(self, tag, attrs):
        if tag not in HTML_TAGS:
            self.findings.append(("NotHtml", f"<{tag}> is not HTML"))
        elif tag in UNSAFE_TAGS:
            self.findings.append(("SecurityRisk", f"<{tag}>"))
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name in ("formaction", "srcdoc"):
                self.findings.append(("SecurityRiskAttr", f"{tag} {name}="))
            elif name == "style":
                for prop, css in re.findall(r"([-\w]+)\s*:\s*([^;]*)", value.lower()):
                    if prop not in SAFE_CSS or re.search(r"url\(|expression|javascript:", css):
                        self.findings.append(("DangerousStyleAttr", f"{tag} style={value!r}"))
            elif (tag, name) in (("a", "href"), ("img", "src")) and not re.match(r"^\w+:", value.strip()):
                self.findings.append(("ContainsRelRef", f"relative reference {value!r} in <{tag} {name}>"))
            elif name in ("href", "src") and value.strip().lower().startswith(("javascript:", "vbscript:")):
                self.findings.append(("SecurityRiskAttr", f"{tag} {name}={value!r}"))


class _BytesSource(xml.sax.xmlreader.InputSource):
    def __init__(self, data):
        import io

        super().__init__()
        self.setByteStream(io.BytesIO(data))


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
