"""Untrusted text (ticket bodies, names, chat messages) made safe and readable before it is shown.

Everything a customer or attendant wrote is cleaned (no invisible or bidirectional-control characters, no
HTML) and defused (no image, link or tag a Markdown client would render); bodies are quoted so nothing in
them can become a heading, a fence or anything else outside the quote.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "blockquote",
        "hr",
    }
)
_SKIP_TAGS = frozenset({"script", "style", "head", "title"})
_BREAK_TAGS = frozenset({"br", "p", "div", "li", "tr"})
_KEEP_CONTROLS = frozenset("\n\t")
# A tag: a name made of letters/digits (so `<ana@x.com>` or `a < b` are prose, not markup).
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
# Markup whose content is never shown: comments, scripts, styles (only when closed; an unclosed one stays as
# prose, its `<` escaped by `defuse`).
_HIDDEN_MARKUP = re.compile(r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
# `<` that a Markdown renderer could take for HTML or an autolink.
_TAG_START = re.compile(r"(\\*)<(?=[A-Za-z/!?])")
# Line starts that would become structure inside a quote: headings, nested quotes, fences, link definitions,
# rules and setext underlines (a line of only -, *, _, =).
_STRUCTURE_START = re.compile(r"^(?:#|>|```|~~~|\[[^\]]*\]:|[-*_=+][-*_=+\s]*$)")


# Characters that are never invisible or controls: printable ASCII, newline and tab, Latin-1 and Latin
# Extended letters (but not U+00AD, the soft hyphen), and common punctuation, currency and symbols.
# Text made only of these (nearly all Portuguese and English text) needs no character-by-character look.
_PLAIN = re.compile(r"[\t\n\x20-\x7e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]*")


def clean(text: str) -> str:
    """Drop invisible, bidirectional-control and other control characters (keeps newlines and tabs)."""
    if _PLAIN.fullmatch(text):
        return text
    return "".join(
        ch for ch in text if ch in _KEEP_CONTROLS or unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs")
    )


def inline(text: str | None, *, limit: int | None = None) -> str:
    """One clean line of plain text (a name, a title): tags dropped, spaces collapsed, Markdown defused."""
    if not text:
        return ""
    return one_line(strip_tags(text), limit=limit)


def one_line(text: str | None, *, limit: int | None = None) -> str:
    """Text already free of markup (e.g. from `html_to_text`) on one line, defused, optionally shortened."""
    if not text:
        return ""
    line = defuse(re.sub(r"\s+", " ", clean(text)).strip()).replace("|", "\\|")
    if limit is not None and len(line) > limit:
        line = line[: limit - 1].removesuffix("\\").rstrip() + "…"
    return line


def quote(text: str | None) -> str:
    """Untrusted text as a Markdown blockquote: every line behind `> `, none of them read as structure."""
    rows = [_defuse_start(defuse(row.strip())) for row in clean(text or "").splitlines()]
    rows = [row for index, row in enumerate(rows) if row or (index and rows[index - 1])]
    while rows and not rows[-1]:
        rows.pop()
    return "\n".join(f"> {row}" if row else ">" for row in rows or [""])


def quote_line(text: str) -> str:
    """One defused line (from `inline`/`one_line`) as a quote inside a list item: `> ` and a safe start."""
    return f"> {_defuse_start(text)}"


def defuse(text: str) -> str:
    """Markdown that could load or hide something made literal: images, inline links, tag-like `<`."""
    text = text.replace("![", "!\\[").replace("](", "]\\(")
    # Backslashes already before a `<` are doubled too, so `\<img>` cannot turn our escape into a literal.
    return _TAG_START.sub(lambda match: match.group(1) * 2 + "\\<", text)


def strip_tags(text: str) -> str:
    """Plain text that may carry markup: comments, scripts/styles and tags removed; `<` in prose kept."""
    if "<" not in text:
        return text
    text = _HIDDEN_MARKUP.sub("", text)
    return _TAG.sub(lambda match: "\n" if match.group(1).lower() in _BREAK_TAGS else "", text)


@functools.lru_cache(maxsize=256)  # the Markdown and the structured result read the same body
def html_to_text(html: str | None) -> str:
    """Readable plain text from a ticket's HTML: tags removed, entities decoded, block breaks kept."""
    if not html:
        return ""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = clean("".join(parser.parts))
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0
        self._preformatted = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre":
            self._preformatted += 1
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self._preformatted = max(0, self._preformatted - 1)
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS and tag != "li":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        # Outside <pre>, HTML white space (newlines included) is one space; breaks come from tags.
        self.parts.append(data if self._preformatted else re.sub(r"\s+", " ", data))


def _defuse_start(line: str) -> str:
    return "\\" + line if _STRUCTURE_START.match(line) else line
