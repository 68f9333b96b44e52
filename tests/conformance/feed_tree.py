"""The parsed feed for validate_feed.py: a small element tree that keeps line numbers (which
xml.etree does not), and the report findings go into.
"""

import io
import xml.sax
import xml.sax.handler
import xml.sax.xmlreader

from w3c_rules import ATOM, CONTENT, ITUNES, RSS


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
    def __init__(self):
        super().__init__()
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


def parse(raw):
    """Parses the feed text; returns the tree builder (its .root and .prefixes)."""
    builder = TreeBuilder()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.setContentHandler(builder)
    source = xml.sax.xmlreader.InputSource()
    source.setByteStream(io.BytesIO(raw.encode("utf-8")))
    parser.parse(source)
    return builder
