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

_SPACE = r"\t\n\f\r "
# The next markup: a whole tag (name, attributes, where a quoted value must close, then `>`; `/` before `>`
# marks it self-closing), or else the start of one (`other`): a tag the input ends in, `<!`, `<?` or `</`
# not followed by a letter. A `<` before anything else is text and is skipped by the search. The tag
# alternative fails only if the input ends first, since every character up to `>` fits one of its parts;
# so one search, which tries both alternatives at each `<` before moving on, finds the next token.
_NEXT_RE = re.compile(
    rf"""
    <(?:
      (/?)([A-Za-z][^{_SPACE}/>]*+)
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
    | ([A-Za-z!?/])
    )
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
_DECODED: dict[str, str] = {}
# The windows-1252 characters browsers put for references to C1 controls (`&#150;` is an en dash).
_C1 = {n: bytes([n]).decode("cp1252") for n in range(0x80, 0xA0) if n not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


TEXT, START, END, UNFINISHED = 0, 1, 2, 3
# (TEXT, text, "", False): character references decoded (not in raw text); adjacent text may come in pieces.
# (START, name, raw attributes (read with `attributes()`), self-closing); (END, name, "", False).
# Names are lower case. Last, if the input ends inside a tag, comment, declaration or raw-text element:
# (UNFINISHED, the input from where that construct starts, "", False), for a reader that needs to know
# (the raw text itself came as TEXT before it).
Token = tuple[int, str, str, bool]


def tokens(html: str) -> Iterator[Token]:
    """The text and tags of `html`, in order."""
    pos, end = 0, len(html)
    search = _NEXT_RE.search
    while pos < end:
        found = search(html, pos)
        if found is None:
            yield TEXT, unescape(html[pos:]), "", False
            return
        lt = found.start()
        if lt > pos:
            yield TEXT, unescape(html[pos:lt]), "", False
        closing, name, raw, self_closing, other = found.groups()
        if name is not None:
            pos = found.end()
            name = name.lower()
            if closing:
                yield END, name, "", False
                continue
            yield START, name, raw, bool(self_closing)
            if name in _RAW_END_RE:
                raw_end = _RAW_END_RE[name].search(html, pos)
                stop = raw_end.start() if raw_end else end
                if stop > pos:
                    text = html[pos:stop]
                    yield TEXT, unescape(text) if name in _ESCAPABLE_RAW_TEXT else text, "", False
                if raw_end is None:
                    yield UNFINISHED, html[lt:], "", False
                    return
                pos = stop
            elif name == "plaintext":
                if pos < end:
                    yield TEXT, html[pos:], "", False
                yield UNFINISHED, html[lt:], "", False
                return
        else:
            if other == "!":
                pos = _after_declaration(html, lt)
            elif other == "?":
                pos = _after_bogus_comment(html, lt + 1)
            elif other == "/" and lt + 2 < end:
                pos = lt + 3 if html[lt + 2] == ">" else _after_bogus_comment(html, lt + 2)
            elif other == "/":
                yield TEXT, "</", "", False
                return
            else:
                pos = -1  # a tag the input ends in: dropped with what follows, as browsers do
            if pos < 0:
                yield UNFINISHED, html[lt:], "", False
                return


def _after_declaration(html: str, lt: int) -> int:
    """Where a comment, doctype or CDATA section that starts at `lt` ends; -1 if the input ends first."""
    if not html.startswith("<!--", lt):
        return _after_bogus_comment(html, lt + 2)
    if html.startswith(">", lt + 4):
        return lt + 5
    if html.startswith("->", lt + 4):
        return lt + 6
    closing = _COMMENT_END_RE.search(html, lt + 4)
    return -1 if closing is None else closing.end()


def _after_bogus_comment(html: str, start: int) -> int:
    """Where a `<!…>`, `<?…>` or `</…>` that is no tag ends: after its first `>`; -1 if there is none."""
    close = html.find(">", start)
    return -1 if close < 0 else close + 1


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
    return _CHARREF_RE.sub(_in_attribute if in_attribute else _in_text, text)


def _in_text(match: re.Match[str]) -> str:
    reference = match.group(0)
    character = _DECODED.get(reference)
    if character is None:
        character = _decoded(match, in_attribute=False)
        if len(_DECODED) < 2048:  # in text, a reference always means the same: kept for the next time
            _DECODED[reference] = character
    return character


def _in_attribute(match: re.Match[str]) -> str:
    return _decoded(match, in_attribute=True)


def _decoded(match: re.Match[str], *, in_attribute: bool) -> str:
    hexadecimal, decimal, name = match.groups()
    if hexadecimal is not None:
        return _character(int(hexadecimal[-8:], 16) if len(hexadecimal.lstrip("0")) <= 8 else -1)
    if decimal is not None:
        return _character(int(decimal[-8:]) if len(decimal.lstrip("0")) <= 8 else -1)
    if name.endswith(";") and name in html5:
        return html5[name]
    for length in range(min(len(name), _LONGEST_LEGACY), 1, -1):
        prefix = name[:length]
        if prefix in _LEGACY_NAMES:
            after = name[length : length + 1] or match.string[match.end() : match.end() + 1]
            if in_attribute and (after == "=" or after.isalnum()):
                return match.group(0)  # `?a=1&copy=2` in a URL stays as written
            return html5[prefix] + name[length:]
    return match.group(0)


def _character(code: int) -> str:
    if code in _C1:
        return _C1[code]
    if code <= 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return _REPLACEMENT
    return chr(code)
