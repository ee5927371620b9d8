"""An allow-list HTML sanitiser: known tags, attributes and URL schemes only, in time linear in the input.

The input is split by `html_tokens` (never `html.parser`, which is quadratic on unclosed markup) and written
anew: only allowed tags with checked attributes, every element closed, text escaped. Links may be relative
or use http(s), mailto or ftp, and carry `rel="noopener noreferrer nofollow"`; `//host` and `\\host`
links lose their target. Images load only from absolute http(s) URLs: a relative `src` (`/logout`) would make
every reader's browser send a request to TiFlux itself.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import unquote

from adapters.richtext.html_tokens import END, START, TEXT, attributes, tokens

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
ALLOWED_TAGS = _HEADINGS | frozenset(
    {
        "p",
        "div",
        "br",
        "strong",
        "ul",
        "ol",
        "li",
        "code",
        "pre",
        "a",
        "em",
        "b",
        "i",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "span",
        "img",
        "figure",
        "figcaption",
        "blockquote",
        "hr",
        "sub",
        "sup",
        "mark",
        "s",
        "u",
        "small",
        "del",
        "ins",
        "caption",
        "colgroup",
        "col",
    }
)
_VOID_TAGS = frozenset({"br", "hr", "img", "col"})
# Code, styles, plug-ins, forms and foreign markup: what they contain is never shown as text either.
_DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "form",
        "input",
        "svg",
        "math",
        "link",
        "meta",
        "base",
        "applet",
        "frame",
        "frameset",
        "noembed",
        "noframes",
        "noscript",
        "template",
        "textarea",
        "select",
        "title",
    }
)
# Of those, the ones without content: skipping them must not swallow what follows.
_DROPPED_VOID = frozenset({"embed", "input", "link", "meta", "base", "frame"})
# Only in SVG and MathML does `<x/>` close the element; in HTML the slash is ignored.
_FOREIGN = frozenset({"svg", "math"})

_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title", "width", "height"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "th": frozenset({"colspan", "rowspan", "align"}),
    "ol": frozenset({"start"}),
    "code": frozenset({"class"}),
}
_VALUE_PATTERNS: dict[str, re.Pattern[str]] = {
    "colspan": re.compile(r"[1-9][0-9]{0,3}"),
    "rowspan": re.compile(r"[1-9][0-9]{0,3}"),
    "width": re.compile(r"[0-9]{1,5}%?"),
    "height": re.compile(r"[0-9]{1,5}%?"),
    "start": re.compile(r"-?[0-9]{1,9}"),
    "align": re.compile(r"left|center|right|justify"),
}
_LANGUAGE_RE = re.compile(r"language-[a-z0-9+#-]+")
_LINK_SCHEMES = frozenset({"http", "https", "mailto", "ftp"})
_IMAGE_SCHEMES = frozenset({"http", "https"})
_LINK_REL = "noopener noreferrer nofollow"
# `//host` and `\\host` (any mix of the two slashes) name another host without a scheme.
_NETWORK_PATH_RE = re.compile(r"[/\\]{2}")
# Controls, and lone surrogates (a JSON string may carry one; no encoder writes it to TiFlux).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_URL_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
# Browsers ignore tabs and newlines anywhere in a URL, so they cannot be allowed to split a scheme.
_URL_SPACE_RE = re.compile(r"[\s\x00-\x1f\x7f]+")
_URL_PATH_RE = re.compile(r"[/?#]")

# A start tag ends the open elements of the first set unless one of the second set is met first: the
# parts of the HTML tree-building rules that make a browser see what the sanitised output says.
_PARAGRAPH = frozenset({"p"})
_SCOPE = frozenset({"table", "td", "th", "caption"})
_LIST_ITEM_SCOPE = _HEADINGS | frozenset(
    {
        "ul",
        "ol",
        "blockquote",
        "figure",
        "figcaption",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "colgroup",
    }
)
_ENDS_PARAGRAPH = _HEADINGS | frozenset(
    {"p", "div", "ul", "ol", "li", "pre", "blockquote", "hr", "table", "figure", "figcaption"}
)
_IMPLIED_ENDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), _LIST_ITEM_SCOPE),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tr": (frozenset({"tr"}), frozenset({"table", "thead", "tbody", "tfoot"})),
    "thead": (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table"})),
    "tbody": (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table"})),
    "tfoot": (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table"})),
    "a": (frozenset({"a"}), _SCOPE),
}
# Deeper nesting is dropped (text kept): it bounds the work per tag, and no editor shows it anyway.
_MAX_DEPTH = 100

# The sets above, numbered; for each tag, the sets it belongs to and the (target, boundary) pairs its start
# tag checks, so finding the innermost open element of a set is one look at that set's own stack.
_SETS = list(dict.fromkeys([_PARAGRAPH, _SCOPE, *(set_ for pair in _IMPLIED_ENDS.values() for set_ in pair)]))
_CHECKS: dict[str, list[tuple[int, int]]] = {tag: [] for tag in ALLOWED_TAGS}
for _tag in _ENDS_PARAGRAPH:
    _CHECKS[_tag].append((_SETS.index(_PARAGRAPH), _SETS.index(_SCOPE)))
for _tag, (_targets, _boundaries) in _IMPLIED_ENDS.items():
    _CHECKS[_tag].append((_SETS.index(_targets), _SETS.index(_boundaries)))
_MEMBERSHIP = {tag: tuple(n for n, tags in enumerate(_SETS) if tag in tags) for tag in ALLOWED_TAGS}
_START_TAGS = {tag: f"<{tag}>" for tag in ALLOWED_TAGS}
_END_TAGS = {tag: f"</{tag}>" for tag in ALLOWED_TAGS}


def sanitize_html(html: str) -> str:
    """Safe HTML from untrusted HTML: allowed tags and attributes re-written, everything else removed."""
    sanitiser = _Sanitiser()
    start, end, text = sanitiser.start, sanitiser.end, sanitiser.text
    for kind, name, raw, self_closing in tokens(html):
        if kind == TEXT:
            text(name)
        elif kind == START:
            if not (self_closing and name in _FOREIGN):
                start(name, raw)
        elif kind == END:
            end(name)
    return sanitiser.close()


def _safe_url(url: str, schemes: frozenset[str], *, relative: bool) -> str | None:
    """The URL if its scheme is one of `schemes` (or, when `relative`, if it has none), else None."""
    url = _URL_CONTROL_RE.sub("", url).strip()
    probe = url
    for _ in range(3):  # percent-encoding may hide a scheme, even twice
        decoded = unquote(probe)
        if decoded == probe:
            break
        probe = decoded
    # A colon before the first `/`, `?` or `#` makes a scheme; anything not on the list is refused, so
    # malformed schemes never reach a browser that might read them differently.
    compact = _URL_SPACE_RE.sub("", probe)
    head = _URL_PATH_RE.split(compact, maxsplit=1)[0]
    scheme, colon, _ = head.partition(":")
    if colon:
        return url if scheme.lower() in schemes else None
    if not relative or not url or _NETWORK_PATH_RE.match(compact) or _NETWORK_PATH_RE.match(url):
        return None
    return url


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _clean_attributes(tag: str, raw: str) -> dict[str, str]:
    allowed = _ATTRIBUTES.get(tag)
    kept: dict[str, str] = {}
    if not allowed or not raw:
        return kept
    seen: set[str] = set()
    for name, value in attributes(raw):
        if name in seen:  # browsers keep the first of repeated attributes
            continue
        seen.add(name)
        if name in allowed:
            cleaned = _clean_value(name, value)
            if cleaned is not None:
                kept[name] = cleaned
    if "href" in kept:
        kept["rel"] = _LINK_REL
    return kept


def _clean_value(name: str, value: str) -> str | None:
    if name == "href":
        return _safe_url(value, _LINK_SCHEMES, relative=True)
    if name == "src":
        return _safe_url(value, _IMAGE_SCHEMES, relative=False)
    if name == "class":
        languages = [word for word in value.lower().split() if _LANGUAGE_RE.fullmatch(word)]
        return " ".join(languages) or None
    pattern = _VALUE_PATTERNS.get(name)
    if pattern is None:
        return _CONTROL_RE.sub("", value)
    value = value.strip().lower()
    return value if pattern.fullmatch(value) else None


class _Sanitiser:
    """Writes the document anew from its tokens; comments, doctypes and processing instructions never come."""

    __slots__ = ("_dropped", "_dropping", "_open", "_positions", "_stacks", "out")

    def __init__(self) -> None:
        self.out: list[str] = []
        self._open: list[str] = []
        # Where each tag, and each tag of each set, sits in `_open`: every end, implied or not, costs the same
        # at any depth.
        self._positions: dict[str, list[int]] = {tag: [] for tag in ALLOWED_TAGS}
        self._stacks: list[list[int]] = [[] for _ in _SETS]
        self._dropping: list[str] = []
        self._dropped = Counter[str]()  # the tags in `_dropping`, to tell a stray end tag at a glance

    def start(self, tag: str, raw_attributes: str) -> None:
        if self._dropping or tag not in ALLOWED_TAGS:
            if tag in _DROPPED_WITH_CONTENT and tag not in _DROPPED_VOID and len(self._dropping) < _MAX_DEPTH:
                self._dropping.append(tag)
                self._dropped[tag] += 1
            return
        stacks = self._stacks
        for target, boundary in _CHECKS[tag]:
            targets = stacks[target]
            if targets and (not stacks[boundary] or targets[-1] > stacks[boundary][-1]):
                self._end_at(targets[-1])
        if tag in _HEADINGS and self._open and self._open[-1] in _HEADINGS:
            self._end_at(len(self._open) - 1)
        if tag not in _VOID_TAGS:
            depth = len(self._open)
            if depth >= _MAX_DEPTH:
                return
            self._positions[tag].append(depth)
            for number in _MEMBERSHIP[tag]:
                stacks[number].append(depth)
            self._open.append(tag)
        kept = _clean_attributes(tag, raw_attributes) if raw_attributes else None
        if kept:
            attributes = "".join(f' {name}="{_escape(value)}"' for name, value in kept.items())
            self.out.append(f"<{tag}{attributes}>")
        else:
            self.out.append(_START_TAGS[tag])

    def end(self, tag: str) -> None:
        if self._dropping:
            if self._dropped.get(tag):
                while True:
                    dropped = self._dropping.pop()
                    self._dropped[dropped] -= 1
                    if dropped == tag:
                        break
            return
        positions = self._positions.get(tag)
        if positions:  # anything else is a stray end tag, dropped
            self._end_at(positions[-1])

    def text(self, data: str) -> None:
        if not self._dropping:
            self.out.append(_escape(_CONTROL_RE.sub("", data)))

    def close(self) -> str:
        self._end_at(0)
        return "".join(self.out)

    def _end_at(self, index: int) -> None:
        open_, positions, stacks, out = self._open, self._positions, self._stacks, self.out
        while len(open_) > index:
            tag = open_.pop()
            positions[tag].pop()
            for number in _MEMBERSHIP[tag]:
                stacks[number].pop()
            out.append(_END_TAGS[tag])
