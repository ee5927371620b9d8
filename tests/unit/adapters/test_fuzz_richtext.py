"""Rich text under fuzzing: any text, and HTML-like and Markdown-like text, never raises and never yields
markup outside the allow-list.

Each property runs a modest number of examples in `make test` (TIFLUX_RICHTEXT_EXAMPLES raises it). The
output is read back with the standard library's parser, a different reader from the one that wrote it.
Speed on hostile input is measured by `make bench` (benchmarks/richtext.py), not here.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.presenters.markdown.text import defuse, html_to_text, inline, quote, strip_tags
from adapters.richtext.html_tokens import END, START, TEXT, UNFINISHED, attributes, tokens
from adapters.richtext.markdown_html import MarkdownToHtml
from adapters.richtext.sanitize import ALLOWED_TAGS, sanitize_html

EXAMPLES = int(os.environ.get("TIFLUX_RICHTEXT_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
CONVERTER = MarkdownToHtml()

# Pieces of markup, broken markup and Markdown, joined at random with random text between them.
HTML_PIECES = [
    *"<>/\"'=&;!?-[]` \n\t\r\x00\x0b\u202e",
    "<a ",
    "<a href=",
    '<a href="',
    "<img src=",
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<div>",
    "</div>",
    "<ul><li>",
    "<li>",
    "<table><tr><td>",
    "<td>",
    "</tr>",
    "<br/>",
    "<svg/>",
    "<svg>",
    "</svg>",
    "<script>",
    "</script>",
    "<style>",
    "</style >",
    "<textarea>",
    "<plaintext>",
    "<xmp>",
    "<object>",
    "</object>",
    "<!--",
    "-->",
    "--!>",
    "<!-->",
    "<![",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html>",
    "<?",
    "</",
    "</ ",
    "<3",
    "&amp;",
    "&lt",
    "&#",
    "&#x",
    "&#9",
    "&#0;",
    "&#x110000;",
    "&colon;",
    "&notin",
    "javascript:",
    "JaVa\tScRiPt:",
    "data:",
    "//",
    "\\\\",
    "/\\",
    "https://x.com/",
    " onerror=",
    " onclick=alert(1)",
    " style=",
    " title=",
    " href=",
    " src=",
    " colspan=2",
    " class=language-py",
]
MARKDOWN_PIECES = [
    *HTML_PIECES,
    "# ",
    "\n\n",
    "> ",
    "- ",
    "1. ",
    "    ",
    "```",
    "`",
    "``",
    "*",
    "**",
    "_",
    "~~",
    "[",
    "](",
    ")",
    "![",
    "[x]: ",
    "|",
    "|---|",
    "\\",
    "www.",
    "ana@x.com",
]
html_like = st.lists(st.sampled_from(HTML_PIECES) | st.text(max_size=4), max_size=40).map("".join)
markdown_like = st.lists(st.sampled_from(MARKDOWN_PIECES) | st.text(max_size=4), max_size=40).map("".join)
any_text = st.text(st.characters() | st.characters(categories=["Cs"]), max_size=200)

_ATTRIBUTES = {
    "a": {"href", "title", "rel"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "ol": {"start"},
    "code": {"class"},
}
_VOID = {"br", "hr", "img", "col"}
_SCHEME_RE = re.compile(r"\s*([^/?#]*?):")


class _AllowListChecker(HTMLParser):
    """Fails on any tag, attribute, URL, comment or nesting that the sanitiser must never write."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs:
            assert name in _ATTRIBUTES.get(tag, set()), (tag, name)
            assert value is not None
            if name == "href":
                scheme = _SCHEME_RE.match(value)
                assert scheme is None or scheme.group(1).lower() in {"http", "https", "mailto", "ftp"}, value
                assert not re.match(r"[/\\]{2}", value), value
            if name == "src":
                assert re.match(r"https?:", value, re.IGNORECASE), value
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise AssertionError(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (tag, self.open[-5:])
        self.open.pop()

    def handle_comment(self, data: str) -> None:
        raise AssertionError(f"comment {data!r}")

    def handle_decl(self, decl: str) -> None:
        raise AssertionError(f"declaration {decl!r}")

    def handle_pi(self, data: str) -> None:
        raise AssertionError(f"processing instruction {data!r}")

    def unknown_decl(self, data: str) -> None:
        raise AssertionError(f"declaration {data!r}")


def assert_allow_listed(html: str) -> None:
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]", html), html
    html.encode()
    checker = _AllowListChecker()
    checker.feed(html)
    checker.close()
    assert checker.open == [], html[-200:]


@FUZZ
@given(st.one_of(any_text, html_like))
def test_sanitised_html_is_allow_listed_and_stable(html: str) -> None:
    safe = sanitize_html(html)
    assert_allow_listed(safe)
    assert sanitize_html(safe) == safe


@FUZZ
@given(st.one_of(any_text, markdown_like))
def test_converted_markdown_is_allow_listed_and_already_sanitised(text: str) -> None:
    html = CONVERTER.to_html(text)
    assert_allow_listed(html)
    assert sanitize_html(html) == html


@FUZZ
@given(st.one_of(any_text, html_like))
def test_tiflux_html_always_reads_back_as_text(html: str) -> None:
    text = html_to_text.__wrapped__(html)
    assert isinstance(text, str)
    for line in (inline(html), quote(text), defuse(strip_tags(html))):
        assert isinstance(line, str)


@FUZZ
@given(st.one_of(any_text, html_like))
def test_tokens_cover_the_input(html: str) -> None:
    """Text is never invented: every text token is (after decoding) a piece of the input, in order."""
    for kind, value, raw, _ in tokens(html):
        if kind == START:
            assert value == value.lower() and value[:1].isalpha()
            assert all(name for name, _ in attributes(raw))
        elif kind == END:
            assert value == value.lower()
        elif kind == UNFINISHED:
            assert html.endswith(value)
        else:
            assert kind == TEXT
            assert "&" in html or value in html
