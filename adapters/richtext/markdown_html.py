"""The AI model's Markdown (ticket descriptions, answers, internal notes) as the safe HTML TiFlux stores.

The text is parsed by pulldown-cmark (Rust, through `pyromark`: wheels for Linux, macOS and Windows), which
reads any input in time linear in its length, so bracket, emphasis and nesting floods cost what prose costs.
The HTML is written here from its events, with our rules, in one pass; then sanitised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pyromark

from adapters.richtext.html_tokens import UNFINISHED, tokens
from adapters.richtext.sanitize import ALLOWED_TAGS, sanitize_html

# A tag the sanitiser keeps; any other `<…>` in Markdown is shown as written (`<script>`, `<foo>`).
_KNOWN_TAG_RE = re.compile(rf"</?(?:{'|'.join(sorted(ALLOWED_TAGS, key=len, reverse=True))})(?=[\s/>])", re.I)
_LINK_TAG_RE = re.compile(r"<(/?)a(?=[\s/>])", re.IGNORECASE)
# The lookbehinds let a match start only where a word starts, so a long run without a link is read once.
_AUTOLINK_RE = re.compile(
    r"(?<![\w@/.:+-])(?P<url>(?:(?:https?|ftp)://|www\.)[^\s<>\"`]+)"
    r"|(?<![\w.%+-])(?P<email>(?:mailto:)?[a-z0-9._%+-]++@[a-z0-9-]++(?:\.[a-z0-9-]+)++)(?![\w@-])",
    re.IGNORECASE,
)
_AUTOLINK_HINT_RE = re.compile(r"://|www\.|@", re.IGNORECASE)
_WWW_HOST_RE = re.compile(r"www\.[\w-]+\.\w", re.IGNORECASE)
# Punctuation that ends the sentence around a URL rather than the URL itself.
_TRAILING = frozenset(".,;:!?'*_~")
_BRACKETS = {")": "(", "]": "[", "}": "{"}
# Link targets that are never links (CommonMark's reference renderer refuses the same): the text stays as
# written. `data:` images pass here and are dropped by the sanitiser.
_BAD_SCHEME_RE = re.compile(r"^(?:vbscript|javascript|file|data):", re.IGNORECASE)
_IMAGE_DATA_RE = re.compile(r"^data:image/(?:gif|png|jpeg|webp);", re.IGNORECASE)
# Characters a URL keeps as they are; everything else is percent-encoded as UTF-8 (an existing `%XX` stays).
_URL_KEEP_RE = re.compile(r"%[0-9a-fA-F]{2}|[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]+")
_HOST_RE = re.compile(r"^([a-z][a-z0-9+.-]*://)([^/?#:@]*@)?([^/?#:]+)", re.IGNORECASE)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
_ALIGN = {"Left": ' align="left"', "Center": ' align="center"', "Right": ' align="right"', "None": ""}
# Blocks whose start may sit right after a tight list item's text, which CommonMark's reference renderer
# puts on a line of their own ("<li>a\n<ul>").
_BLOCKS = frozenset({"List", "BlockQuote", "CodeBlock", "Heading", "Table", "HtmlBlock", "Paragraph"})
_CONTAINERS = frozenset({"List", "Item", "BlockQuote"})
# Lists, items and quotes nest at most this deep in the HTML (their text always stays).
_MAX_NESTING = 24
_INLINE = {"Emphasis": "<em>", "Strong": "<strong>", "Strikethrough": "<s>"}
_INLINE_END = {"Emphasis": "</em>", "Strong": "</strong>", "Strikethrough": "</s>"}


class MarkdownToHtml:
    """Markdown (CommonMark + tables + strikethrough + autolinks, single newlines as <br>) to safe HTML.

    Known HTML tags may stand anywhere in the Markdown and are kept (then sanitised) without switching
    Markdown off for the rest; other tags, and tags in code spans and blocks, are shown as written. A text
    that is HTML and nothing else (only HTML blocks, or one line of text and tags) is sanitised as it is.
    """

    def __init__(self) -> None:
        self._markdown = pyromark.Markdown(options=_OPTIONS)

    def to_html(self, text: str) -> str:
        """Safe HTML for `text`: Markdown is rendered, text that already is HTML is only sanitised."""
        if not text.strip():
            return ""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if _is_plain_html(self._markdown.events(text)):  # read only as far as the first Markdown
            return sanitize_html(text)
        return sanitize_html(_Writer().write(self._markdown.events(text)))


def _is_plain_html(events: Iterator[Any]) -> bool:
    """Only finished HTML blocks with a known tag, or one paragraph of text and known tags (at least one)."""
    blocks: list[str] = []
    html: list[str] = []
    depth = 0
    tags = False
    for event in events:
        if isinstance(event, str):  # a line break or a rule: Markdown
            return False
        ((kind, value),) = event.items()
        if kind == "Start":
            name = value if isinstance(value, str) else next(iter(value))
            if depth or name not in ("HtmlBlock", "Paragraph") or "Paragraph" in blocks:
                return False
            if name == "Paragraph" and blocks:
                return False
            blocks.append(name)
            depth += 1
        elif kind == "End":
            depth -= 1
            content = "".join(html)
            html.clear()
            if blocks[-1] == "HtmlBlock" and (not _KNOWN_TAG_RE.search(content) or _unfinished_tail(content)):
                return False
        elif kind == "Html":
            html.append(value)
        elif kind == "InlineHtml":
            tags = tags or bool(_KNOWN_TAG_RE.match(value))
        elif kind != "Text":
            return False
    return bool(blocks) and (blocks[0] == "HtmlBlock" or tags)


def _unfinished_tail(html: str) -> str:
    for kind, tail, _, _ in tokens(html):
        if kind == UNFINISHED:
            return tail
    return ""


def _escape(text: str) -> str:
    return text.translate(_ESCAPES)


class _Writer:
    """HTML for one text's events, laid out as CommonMark's reference renderer does (a block a line), with
    `<br>` for a single newline."""

    def __init__(self) -> None:
        self._out: list[str] = []
        self._text: list[str] = []  # adjacent text, written at once so that a bare link is found whole
        self._links = 0  # inside a Markdown link or an HTML <a>: no bare links there
        # The last thing written is an item's own text (a tight list), so a block after it starts a line.
        self._after_inline = False
        self._code = False
        self._code_line_open = False
        # Inside an image, or a link refused for its target: only the text is kept (the alt, or the link
        # written as text), until the End that closes it.
        self._capture_depth = 0
        self._captured: list[str] = []
        self._capture: tuple[str, dict[str, str], str] = ("", {}, "")
        self._html_block: list[str] | None = None
        self._containers: list[bool] = []  # per open list, item or quote: whether its tags were written
        self._alignments: list[str] = []
        self._table_body = False
        self._cell = 0
        self._cell_tag = "td"

    def write(self, events: Iterator[Any]) -> str:
        for event in events:
            if isinstance(event, str):
                self._leaf(event, "")
                continue
            ((kind, value),) = event.items()
            if kind == "Start":
                self._start(value)
            elif kind == "End":
                self._end(value)
            else:
                self._leaf(kind, value)
        self._flush()
        return "".join(self._out)

    def _leaf(self, kind: str, value: str) -> None:
        if self._capture_depth:
            if kind in ("Text", "Code"):
                self._captured.append(value)
            return
        if self._code:
            self._out.append(_escape(value))
            self._code_line_open = not value.endswith("\n")
            return
        if kind == "Html":
            if self._html_block is not None:
                self._html_block.append(value)
            return
        if kind == "Text":
            self._text.append(value)
            self._after_inline = True
            return
        self._flush()
        out = self._out
        if kind == "Rule":
            self._block_starts()
            out.append("<hr>\n")
            return
        self._after_inline = True
        if kind in ("SoftBreak", "HardBreak"):
            out.append("<br>\n")
        elif kind == "Code":
            out.append("<code>" + _escape(value) + "</code>")
        elif kind == "InlineHtml":
            if not _KNOWN_TAG_RE.match(value):
                out.append(_escape(value))
                return
            out.append(value)
            if tag := _LINK_TAG_RE.match(value):
                self._links = max(0, self._links - 1) if tag.group(1) else self._links + 1

    def _flush(self) -> None:
        """The pending text, escaped, its bare URLs and e-mail addresses as links (never inside a link)."""
        if not self._text:
            return
        text = "".join(self._text)
        self._text.clear()
        if self._links or not _AUTOLINK_HINT_RE.search(text):
            self._out.append(_escape(text))
            return
        done = 0
        for match in _AUTOLINK_RE.finditer(text):
            link = _link(match)
            if link is None:
                continue
            start, end, href = link
            self._out.append(_escape(text[done:start]))
            self._out.append(f'<a href="{_escape(_normalized_url(href))}">{_escape(text[start:end])}</a>')
            done = end
        self._out.append(_escape(text[done:]))

    def _block_starts(self) -> None:
        if self._after_inline:
            self._out.append("\n")
            self._after_inline = False

    def _start(self, value: Any) -> None:
        if self._capture_depth:
            self._capture_depth += 1
            return
        self._flush()
        name = value if isinstance(value, str) else next(iter(value))
        detail: Any = None if isinstance(value, str) else value[name]
        if name in _BLOCKS:
            self._block_starts()
        out = self._out
        if name == "Paragraph":
            out.append("<p>")
        elif name == "Heading":
            out.append(f"<h{detail['level'][1:]}>")
        elif name in _CONTAINERS:
            self._container_starts(name, detail)
        elif name == "CodeBlock":
            info = detail["Fenced"].split(maxsplit=1) if isinstance(detail, dict) else []
            out.append(f'<pre><code class="language-{_escape(info[0])}">' if info else "<pre><code>")
            self._code = True
        elif name == "HtmlBlock":
            self._html_block = []
        elif name == "Table":
            self._alignments = list(detail)
            self._table_body = False
            out.append("<table>\n")
        elif name in ("TableHead", "TableRow"):
            if name == "TableRow" and not self._table_body:
                out.append("<tbody>\n")
                self._table_body = True
            out.append("<thead>\n<tr>\n" if name == "TableHead" else "<tr>\n")
            self._cell = 0
            self._cell_tag = "th" if name == "TableHead" else "td"
        elif name == "TableCell":
            align = self._alignments[self._cell] if self._cell < len(self._alignments) else "None"
            out.append(f"<{self._cell_tag}{_ALIGN.get(align, '')}>")
            self._cell += 1
        elif name in _INLINE:
            out.append(_INLINE[name])
            self._after_inline = True
        elif name in ("Link", "Image"):
            self._after_inline = True
            self._link_start(name, detail)

    def _container_starts(self, name: str, detail: Any) -> None:
        """Lists, items and quotes, up to a depth a reader can follow; deeper ones add no tags, only lines."""
        written = len(self._containers) < _MAX_NESTING
        self._containers.append(written)
        if not written:
            if name == "Item" and self._after_inline:
                self._out.append("<br>\n")
                self._after_inline = False
            return
        if name == "BlockQuote":
            self._out.append("<blockquote>\n")
        elif name == "List":
            self._out.append(
                "<ul>\n" if detail is None else "<ol>\n" if detail == 1 else f'<ol start="{detail}">\n'
            )
        else:
            self._out.append("<li>")
            self._after_inline = True  # a block first in an item starts a line: "<li>\n<p>"

    def _link_start(self, name: str, detail: dict[str, str]) -> None:
        url = ("mailto:" if detail["link_type"] == "Email" else "") + detail["dest_url"]
        href = _normalized_url(url)
        refused = _BAD_SCHEME_RE.match(href.strip()) and not (
            name == "Image" and _IMAGE_DATA_RE.match(href.strip())
        )
        if refused or name == "Image":
            self._capture_depth = 1
            self._captured = []
            self._capture = (f"Refused{name}" if refused else "Image", detail, href)
            return
        title = f' title="{_escape(detail["title"])}"' if detail["title"] else ""
        self._out.append(f'<a href="{_escape(href)}"{title}>')
        self._links += 1

    def _captured_end(self) -> None:
        kind, detail, href = self._capture
        text = "".join(self._captured)
        title = detail["title"]
        if kind == "Image":
            title_attribute = f' title="{_escape(title)}"' if title else ""
            self._out.append(f'<img src="{_escape(href)}" alt="{_escape(text)}"{title_attribute}>')
            return
        # A link to javascript: and the like is no link: it is shown as it was written.
        bang = "!" if kind == "RefusedImage" else ""
        if detail["link_type"] in ("Autolink", "Email"):
            written = f"<{detail['dest_url']}>"
        elif detail["link_type"] == "Inline":
            quoted = ' "' + title.replace('"', '\\"') + '"' if title else ""
            written = f"{bang}[{text}]({detail['dest_url']}{quoted})"
        else:
            written = f"{bang}[{text}][{detail['id']}]"
        self._out.append(_escape(written))

    def _end(self, value: Any) -> None:
        if self._capture_depth:
            self._capture_depth -= 1
            if not self._capture_depth:
                self._captured_end()
            return
        self._flush()
        name = value if isinstance(value, str) else next(iter(value))
        out = self._out
        if name in _INLINE_END:
            out.append(_INLINE_END[name])
            return
        if name == "Link":
            self._links -= 1
            out.append("</a>")
            return
        self._after_inline = False
        if name == "Paragraph":
            out.append("</p>\n")
        elif name == "Heading":
            out.append(f"</h{value['Heading'][1:]}>\n")
        elif name in _CONTAINERS:
            if self._containers.pop():
                out.append(
                    "</li>\n"
                    if name == "Item"
                    else "</blockquote>\n"
                    if name == "BlockQuote"
                    else "</ol>\n"
                    if value["List"]
                    else "</ul>\n"
                )
        elif name == "CodeBlock":
            self._code = False
            # Every line of code ends in a newline, the last too (at the end of the text it has none).
            out.append("\n</code></pre>\n" if self._code_line_open else "</code></pre>\n")
            self._code_line_open = False
        elif name == "HtmlBlock":
            self._html_block_end()
        elif name == "Table":
            out.append("</tbody>\n</table>\n" if self._table_body else "</table>\n")
        elif name == "TableHead":
            out.append("</tr>\n</thead>\n")
        elif name == "TableRow":
            out.append("</tr>\n")
        elif name == "TableCell":
            out.append(f"</{self._cell_tag}>\n")

    def _html_block_end(self) -> None:
        """An HTML block without a known tag is a paragraph shown as written. A known one that the text
        leaves unfinished (`<div><!-- x`) keeps only its finished part as HTML: it cannot swallow the rest.
        """
        content = "".join(self._html_block or ())
        self._html_block = None
        if not _KNOWN_TAG_RE.search(content):
            self._out.append("<p>" + "<br>\n".join(_escape(content.strip()).split("\n")) + "</p>\n")
            return
        unfinished = _unfinished_tail(content)
        if unfinished:
            content = content[: len(content) - len(unfinished)] + _escape(unfinished)
        self._out.append(content)


def _normalized_url(url: str) -> str:
    """The URL percent-encoded as browsers send it (UTF-8), its host in IDNA form."""
    host = _HOST_RE.match(url)
    if host and not host.group(3).isascii():
        try:
            ascii_host = host.group(3).encode("idna").decode("ascii")
        except UnicodeError:
            ascii_host = host.group(3)
        url = host.group(1) + (host.group(2) or "") + ascii_host + url[host.end() :]
    parts: list[str] = []
    done = 0
    for match in _URL_KEEP_RE.finditer(url):
        if match.start() > done:
            parts.append(_percent_encoded(url[done : match.start()]))
        parts.append(match.group())
        done = match.end()
    parts.append(_percent_encoded(url[done:]))
    return "".join(parts)


def _percent_encoded(text: str) -> str:
    return "".join(f"%{byte:02X}" for byte in text.encode("utf-8", "replace"))


def _link(match: re.Match[str]) -> tuple[int, int, str] | None:
    """Where the link starts and ends in the text, and its target; None if the match is no link."""
    url = match.group("url")
    if url is not None:
        url = _without_trailing_punctuation(url)
        if url.lower().startswith("www."):
            if not _WWW_HOST_RE.match(url):
                return None
            href = "https://" + url
        elif not url.partition("://")[2][:1].isalnum():  # "WWW.." loses its dots and is no link
            return None
        else:
            href = url
        return match.start("url"), match.start("url") + len(url), href
    email = match.group("email")
    address = email[len("mailto:") :] if email.lower().startswith("mailto:") else email
    local, domain = address.rsplit("@", 1)
    top_level = domain.rsplit(".", 1)[1]
    if local.startswith(".") or local.endswith(".") or len(top_level) < 2 or not top_level.isalpha():
        return None
    return match.start("email"), match.end("email"), "mailto:" + address


def _without_trailing_punctuation(url: str) -> str:
    # A closing bracket belongs to the URL only if the URL opened it: "(veja https://x.com/a_(b))".
    unbalanced = {close: url.count(close) - url.count(open_) for close, open_ in _BRACKETS.items()}
    end = len(url)
    while end:
        last = url[end - 1]
        if last in _TRAILING:
            end -= 1
        elif unbalanced.get(last, 0) > 0:
            unbalanced[last] -= 1
            end -= 1
        else:
            break
    return url[:end]
