"""Untrusted text (ticket bodies, names, chat messages) made safe and readable before it is shown."""

from __future__ import annotations

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
_KEEP_CONTROLS = frozenset("\n\t")


def clean(text: str) -> str:
    """Drop invisible, bidirectional-control and other control characters (keeps newlines and tabs)."""
    return "".join(
        ch for ch in text if ch in _KEEP_CONTROLS or unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs")
    )


def inline(text: str | None, *, limit: int | None = None) -> str:
    """One clean line: whitespace collapsed, Markdown table pipes escaped, optionally shortened."""
    if not text:
        return ""
    line = re.sub(r"\s+", " ", clean(text)).strip().replace("|", "\\|")
    if limit is not None and len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line


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
