"""The AI model's Markdown (ticket descriptions, answers, internal notes) as the safe HTML TiFlux stores."""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from adapters.richtext.sanitize import sanitize_html

_HTML_TAG_RE = re.compile(
    r"</?(?:p|div|br|strong|h[1-6]|ul|ol|li|code|pre|a|em|b|i|table|thead|tbody|tfoot|tr|td|th|span|img"
    r"|figure|figcaption|blockquote|hr|sub|sup|mark|s|u|small)[\s/>]",
    re.IGNORECASE,
)
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


class MarkdownToHtml:
    """Markdown (CommonMark + tables + strikethrough + autolinks, single newlines as <br>) to safe HTML."""

    def __init__(self) -> None:
        self._markdown = MarkdownIt("commonmark", {"html": False, "breaks": True})
        self._markdown.enable(["table", "strikethrough"])
        self._markdown.core.ruler.push("bare_autolink", _autolink)
        self._markdown.core.ruler.push("table_alignment", _table_alignment)
        # The same grammar with HTML on, only to tell real tags from tags the model shows as code.
        self._html_aware = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

    def to_html(self, text: str) -> str:
        """Safe HTML for `text`: Markdown is rendered, text that already is HTML is only sanitised."""
        if not text.strip():
            return ""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        html = text if self._is_html(text) else self._markdown.render(text)
        return sanitize_html(html)

    def _is_html(self, text: str) -> bool:
        if not _HTML_TAG_RE.search(text):
            return False
        # `<br>` in a code span or a fenced example is Markdown talking about HTML, not HTML.
        return any(
            token.type in ("html_block", "html_inline") and _HTML_TAG_RE.search(token.content)
            for token in _all_tokens(self._html_aware.parse(text))
        )


def _all_tokens(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from token.children or ()


def _table_alignment(state: StateCore) -> None:
    """Column alignment as the `align` attribute, since the sanitiser keeps no inline styles."""
    for token in state.tokens:
        if token.type in ("th_open", "td_open"):
            style = token.attrs.pop("style", None)
            if isinstance(style, str) and style.startswith("text-align:"):
                token.attrs["align"] = style.removeprefix("text-align:")


def _autolink(state: StateCore) -> None:
    """Bare URLs and e-mail addresses in text become links, never inside code or an existing link."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        depth = 0
        for token in block.children:
            if token.type == "link_open":
                depth += 1
            elif token.type == "link_close":
                depth -= 1
            elif token.type == "text" and not depth and _AUTOLINK_HINT_RE.search(token.content):
                children.extend(_linkified(token, state.md))
                continue
            children.append(token)
        block.children = children


def _linkified(token: Token, md: MarkdownIt) -> list[Token]:
    text, level = token.content, token.level
    nodes: list[Token] = []
    done = 0
    for match in _AUTOLINK_RE.finditer(text):
        link = _link(match)
        if link is None:
            continue
        start, end, href = link
        if start > done:
            nodes.append(Token("text", "", 0, content=text[done:start], level=level))
        nodes += [
            Token("link_open", "a", 1, attrs={"href": md.normalizeLink(href)}, level=level, markup="linkify"),
            Token("text", "", 0, content=text[start:end], level=level + 1),
            Token("link_close", "a", -1, level=level, markup="linkify"),
        ]
        done = end
    if not nodes:
        return [token]
    if done < len(text):
        nodes.append(Token("text", "", 0, content=text[done:], level=level))
    return nodes


def _link(match: re.Match[str]) -> tuple[int, int, str] | None:
    """Where the link starts and ends in the text, and its target; None if the match is no link."""
    url = match.group("url")
    if url is not None:
        url = _without_trailing_punctuation(url)
        if url.lower().startswith("www."):
            if not _WWW_HOST_RE.match(url):
                return None
            href = "https://" + url
        elif not url.split("://", 1)[1][:1].isalnum():
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
