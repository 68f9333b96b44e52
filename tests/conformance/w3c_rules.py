"""Data for validate_feed.py: the vocabularies and value formats the W3C Feed Validation
Service checks RSS 2.0 podcast feeds against (Apple's categories, ISO 639 codes, the elements
defined in each namespace, safe HTML), written out from a reading of its rules.
"""

import re

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
