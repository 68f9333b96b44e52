"""Value checks for validate_feed.py: plain text, URLs, dates, e-mail, artwork and HTML, as
the W3C Feed Validation Service applies them. Mixed into its Checker, which provides
self.report, self.lines_with_hex (which raw lines hold a hexadecimal reference) and self.now.
"""

import datetime
import email.utils
import html.entities
import html.parser
import re

from w3c_rules import (
    DAYS,
    DURATION,
    EMAIL,
    FULL_URI,
    HTML_TAGS,
    HTTP_URL,
    ITUNES_LIMITS,
    MONTHS,
    RFC2822,
    RFC822_LOOSE,
    SAFE_CSS,
    UNSAFE_TAGS,
)


class ValueChecks:
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

    def yes_no_clean(self, node):
        if node.text.strip().lower() not in ("yes", "no", "clean"):
            self.report.error("InvalidYesNoClean", node, f"{node.text.strip()!r}: use Yes")

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
