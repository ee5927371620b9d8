"""The AI model's Markdown (ticket descriptions, answers, internal notes) as the safe HTML TiFlux stores."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from adapters.richtext.html_tokens import UNFINISHED, tokens
from adapters.richtext.sanitize import ALLOWED_TAGS, sanitize_html

# A tag the sanitiser keeps; any other `<…>` in Markdown is shown as written (`<script>`, `<foo>`).
_KNOWN_TAG_RE = re.compile(rf"</?(?:{'|'.join(sorted(ALLOWED_TAGS, key=len, reverse=True))})(?=[\s/>])", re.I)
_LINK_TAG_RE = re.compile(r"<(/?)a(?=[\s/>])", re.IGNORECASE)
# Inline tokens that HTML written without Markdown is made of.
_PLAIN_HTML_INLINE = frozenset({"text", "html_inline"})
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
    """Markdown (CommonMark + tables + strikethrough + autolinks, single newlines as <br>) to safe HTML.

    Known HTML tags may stand anywhere in the Markdown and are kept (then sanitised) without switching
    Markdown off for the rest; other tags, and tags in code spans and blocks, are shown as written. A text
    that is HTML and nothing else (only HTML blocks, or one line of text and tags) is sanitised as it is.
    """

    def __init__(self) -> None:
        self._markdown = MarkdownIt("commonmark", {"html": True, "breaks": True})
        self._markdown.enable(["table", "strikethrough"])
        self._markdown.core.ruler.after("block", "unknown_html_blocks", _unknown_html_blocks)
        self._markdown.core.ruler.after("inline", "unknown_html_inline", _unknown_html_inline)
        self._markdown.core.ruler.push("bare_autolink", _autolink)
        self._markdown.core.ruler.push("table_alignment", _table_alignment)

    def to_html(self, text: str) -> str:
        """Safe HTML for `text`: Markdown is rendered, text that already is HTML is only sanitised."""
        if not text.strip():
            return ""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        env: dict[str, object] = {}
        parsed = self._markdown.parse(text, env)
        if env.get("plain_html"):
            return sanitize_html(text)
        return sanitize_html(self._markdown.renderer.render(parsed, self._markdown.options, env))


def _unknown_html_blocks(state: StateCore) -> None:
    """HTML blocks without a known tag become paragraphs (shown as written); a known one that the text
    leaves unfinished (`<div><!-- x`) keeps only its finished part as HTML, so it cannot swallow the rest."""
    blocks: list[Token] = []
    for token in state.tokens:
        if token.type != "html_block":
            blocks.append(token)
        elif _KNOWN_TAG_RE.search(token.content):
            unfinished = _unfinished_tail(token.content)
            if unfinished:
                cut = len(token.content) - len(unfinished)
                token.content = token.content[:cut] + escapeHtml(unfinished)
                state.env["unfinished_html"] = True
            blocks.append(token)
        else:
            paragraph = Token("paragraph_open", "p", 1, level=token.level, map=token.map, block=True)
            inline = Token("inline", "", 0, content=token.content.strip(), level=token.level + 1, block=True)
            inline.map, inline.children = token.map, []
            blocks += [paragraph, inline, Token("paragraph_close", "p", -1, level=token.level, block=True)]
    state.tokens = blocks


def _unfinished_tail(html: str) -> str:
    for kind, tail, _, _ in tokens(html):
        if kind == UNFINISHED:
            return tail
    return ""


def _unknown_html_inline(state: StateCore) -> None:
    """Inline tags other than the known ones become text; notes whether the text is plain HTML."""
    inlines = [token for token in state.tokens if token.type == "inline"]
    for block in inlines:
        for child in block.children or ():
            if child.type == "html_inline" and not _KNOWN_TAG_RE.match(child.content):
                child.type = "text"
    state.env["plain_html"] = not state.env.get("unfinished_html") and _is_plain_html(state.tokens)


def _is_plain_html(tokens_: list[Token]) -> bool:
    if all(token.type == "html_block" for token in tokens_):
        return True
    if [token.type for token in tokens_] != ["paragraph_open", "inline", "paragraph_close"]:
        return False
    children = tokens_[1].children or []
    return all(child.type in _PLAIN_HTML_INLINE for child in children) and any(
        child.type == "html_inline" for child in children
    )


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
            elif token.type == "html_inline" and (tag := _LINK_TAG_RE.match(token.content)):
                depth = max(0, depth - 1) if tag.group(1) else depth + 1
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
