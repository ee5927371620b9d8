"""HTML split into text, start tags and end tags in time linear in its length, on any input.

Untrusted HTML (a caller's text, TiFlux's stored bodies) is read here instead of by `html.parser`, which is
quadratic on unclosed markup (`"<a " * n`), raises on `<![`, and whose entity decoding raises on a long
`&#…` number. The rules are the WHATWG tokenizer's where they decide what is a tag, a comment or text, so
the readers see what a browser would:

- `<` starts a tag only before an ASCII letter (or `/` and a letter); any other `<` is text.
- A tag whose `>` never comes (also one with an unclosed quoted value), a comment without `-->`, or a
  `<!…`/`<?…`/`</…` declaration without `>` runs to the end of the input, which is then dropped.
- Comments, doctypes, processing instructions and CDATA sections are never yielded.
- `script`, `style` and the other raw-text elements hold text up to their own end tag; `plaintext` holds
  the rest of the input.
- Character references are decoded in text and attribute values; numbers out of range become U+FFFD.

Each regular expression below is anchored where it starts and possessive, and every failing search ends the
input, so no character is looked at more than a bounded number of times.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.entities import html5
from typing import NamedTuple

_SPACE = r"\t\n\f\r "
# A tag: name, then attributes (a quoted value must close), then `>`; `/` before `>` marks it self-closing.
# Fails only if the input ends first: every character up to `>` fits one of the parts.
_TAG_RE = re.compile(
    rf"""
    <(/?)([A-Za-z][^{_SPACE}/>]*+)
    (
      (?:
        (?:[{_SPACE}]|/(?!>))*+
        (?:=[^{_SPACE}/>=]*+|[^{_SPACE}/>=]++)
        (?:
          [{_SPACE}]*+=[{_SPACE}]*+(?:"[^"]*+"|'[^']*+'|[^{_SPACE}>"'][^{_SPACE}>]*+|(?=>))
        | (?![{_SPACE}]*+=)
        )
      )*+
    )
    (?:[{_SPACE}]|/(?!>))*+(/?)>
    """,
    re.VERBOSE,
)
_ATTRIBUTE_RE = re.compile(
    rf"""
    (?:[{_SPACE}]|/)*+
    (=[^{_SPACE}/>=]*+|[^{_SPACE}/>=]++)
    (?:[{_SPACE}]*+=[{_SPACE}]*+(?:"([^"]*+)"|'([^']*+)'|([^{_SPACE}>]*+)))?
    """,
    re.VERBOSE,
)
_TAG_START_RE = re.compile(r"</?[A-Za-z]")
_COMMENT_END_RE = re.compile(r"--!?>")
# Raw text runs to the element's own end tag; a `<` elsewhere in it is text.
_RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"})
_ESCAPABLE_RAW_TEXT = frozenset({"title", "textarea"})
_RAW_END_RE = {
    name: re.compile(rf"</{name}(?=[{_SPACE}/>])", re.IGNORECASE) for name in _RAW_TEXT | _ESCAPABLE_RAW_TEXT
}

# Character references: numeric of any length (decoded only up to 0x10FFFF), named up to the longest name.
_CHARREF_RE = re.compile(r"&(?:#[xX]([0-9a-fA-F]++);?|#([0-9]++);?|([A-Za-z][A-Za-z0-9]{0,31}+;?))")
_LEGACY_NAMES = frozenset(name for name in html5 if not name.endswith(";"))
_LONGEST_LEGACY = max(map(len, _LEGACY_NAMES))
_REPLACEMENT = "\ufffd"
# The windows-1252 characters browsers put for references to C1 controls (`&#150;` is an en dash).
_C1 = {n: bytes([n]).decode("cp1252") for n in range(0x80, 0xA0) if n not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


class Text(NamedTuple):
    text: str  # character references decoded (except in raw text)


class StartTag(NamedTuple):
    name: str  # lower case
    raw_attributes: str  # read with `attributes()` when wanted
    self_closing: bool


class EndTag(NamedTuple):
    name: str


Token = Text | StartTag | EndTag


def tokens(html: str) -> Iterator[Token]:
    """The text and tags of `html`, in order; adjacent text may come in more than one piece."""
    pos, end = 0, len(html)
    find = html.find
    while pos < end:
        lt = find("<", pos)
        if lt < 0:
            yield Text(unescape(html[pos:]))
            return
        if lt > pos:
            yield Text(unescape(html[pos:lt]))
        head = html[lt + 1 : lt + 2]
        if _TAG_START_RE.match(html, lt):
            match = _TAG_RE.match(html, lt)
            if match is None:
                return  # a tag the input ends in: dropped with what follows, as browsers do
            pos = match.end()
            name = match.group(2).lower()
            if match.group(1):
                yield EndTag(name)
                continue
            yield StartTag(name, match.group(3), bool(match.group(4)))
            if name in _RAW_END_RE:
                closing = _RAW_END_RE[name].search(html, pos)
                stop = closing.start() if closing else end
                if stop > pos:
                    raw = html[pos:stop]
                    yield Text(unescape(raw) if name in _ESCAPABLE_RAW_TEXT else raw)
                pos = stop
            elif name == "plaintext":
                if pos < end:
                    yield Text(html[pos:])
                return
        elif head == "!":
            if html.startswith("<!--", lt):
                if html.startswith(">", lt + 4) or html.startswith("->", lt + 4):
                    pos = find(">", lt + 4) + 1
                    continue
                closing = _COMMENT_END_RE.search(html, lt + 4)
                if closing is None:
                    return  # an unclosed comment hides the rest
                pos = closing.end()
            else:
                pos = _after_bogus_comment(html, lt + 2)
        elif head == "?":
            pos = _after_bogus_comment(html, lt + 1)
        elif head == "/":
            if lt + 2 >= end:
                yield Text("</")
                return
            pos = lt + 3 if html[lt + 2] == ">" else _after_bogus_comment(html, lt + 2)
        else:
            yield Text("<")
            pos = lt + 1


def _after_bogus_comment(html: str, start: int) -> int:
    """Where a `<!…>`, `<?…>` or `</…>` that is no tag ends: after its first `>`, or at the end."""
    close = html.find(">", start)
    return len(html) if close < 0 else close + 1


def attributes(raw: str) -> list[tuple[str, str]]:
    """Names (lower case) and decoded values, in order, repeats included; a name alone has the value ""."""
    found = []
    for match in _ATTRIBUTE_RE.finditer(raw):
        name, double, single, bare = match.groups()
        value = double if double is not None else single if single is not None else bare or ""
        found.append((name.lower(), unescape(value, in_attribute=True) if "&" in value else value))
    return found


def unescape(text: str, *, in_attribute: bool = False) -> str:
    """`text` with its character references decoded, as a browser decodes them."""
    if "&" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        hexadecimal, decimal, name = match.groups()
        if hexadecimal is not None:
            return _character(int(hexadecimal[-8:], 16) if len(hexadecimal.lstrip("0")) <= 8 else -1)
        if decimal is not None:
            return _character(int(decimal[-8:]) if len(decimal.lstrip("0")) <= 8 else -1)
        if name in html5 and name.endswith(";"):
            return html5[name]
        for length in range(min(len(name), _LONGEST_LEGACY), 1, -1):
            prefix = name[:length]
            if prefix in _LEGACY_NAMES:
                after = name[length : length + 1] or match.string[match.end() : match.end() + 1]
                if in_attribute and (after == "=" or after.isalnum()):
                    return match.group(0)  # `?a=1&copy=2` in a URL stays as written
                return html5[prefix] + name[length:]
        return match.group(0)

    return _CHARREF_RE.sub(replace, text)


def _character(code: int) -> str:
    if code in _C1:
        return _C1[code]
    if code <= 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return _REPLACEMENT
    return chr(code)
