"""Untrusted text (ticket bodies, names, chat messages) made safe and readable before it is shown.

Everything a customer or attendant wrote is cleaned (no invisible or bidirectional-control characters, no
HTML) and defused (no image, link or tag a Markdown client would render); bodies are quoted so nothing in
them can become a heading, a fence or anything else outside the quote.
"""

from __future__ import annotations

import functools
import re
import unicodedata

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
# Elements whose content a browser never shows as text.
_SKIP_TAGS = frozenset({"script", "style", "head", "title", "iframe", "noscript", "noembed", "noframes"})
_BREAK_TAGS = frozenset({"br", "p", "div", "li", "tr"})
_KEEP_CONTROLS = frozenset("\n\t")
_SPACES = re.compile(r"\s+")
# A tag: a name made of letters/digits (so `<ana@x.com>` or `a < b` are prose, not markup). Possessive, like
# every pattern here that untrusted text meets: no run of characters is read more than a few times.
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*+)(?:\s[^<>]*+)?/?>")
# Markup whose content is never shown: comments, scripts, styles (only when closed; an unclosed one stays as
# prose, its `<` escaped by `defuse`). Found by `_without_hidden_markup`, in one pass.
_HIDDEN_START = re.compile(r"<!--|<(script|style)\b", re.IGNORECASE)
_HIDDEN_END = {
    "script": re.compile(r"</script\s*+>", re.IGNORECASE),
    "style": re.compile(r"</style\s*+>", re.IGNORECASE),
}
# `<` that a Markdown renderer could take for HTML or an autolink, with the backslashes before it (a match
# starts only where a run of backslashes starts).
_TAG_START = re.compile(r"(?<!\\)(\\*+)<(?=[A-Za-z/!?])")
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
    text = _without_hidden_markup(text)
    return _TAG.sub(lambda match: "\n" if match.group(1).lower() in _BREAK_TAGS else "", text)


def _without_hidden_markup(text: str) -> str:
    """`text` without closed comments, scripts and styles; the text of unclosed ones is kept.

    Once a kind of markup is found unclosed, none after it can close either, so it is not looked for again:
    each character is read a bounded number of times, however many openers the text holds.
    """
    kept: list[str] = []
    done = searched = 0
    closable = {"": True, "script": True, "style": True}
    while (found := _HIDDEN_START.search(text, searched)) is not None:
        kind = (found.group(1) or "").lower()
        searched = found.end()
        if not closable[kind]:
            continue
        if not kind:
            close = text.find("-->", searched)
            end = -1 if close < 0 else close + 3
        else:
            tag_end = text.find(">", searched)
            closing = _HIDDEN_END[kind].search(text, tag_end + 1) if tag_end >= 0 else None
            end = -1 if closing is None else closing.end()
        if end < 0:
            closable[kind] = False
            continue
        kept.append(text[done : found.start()])
        done = searched = end
    kept.append(text[done:])
    return "".join(kept)


@functools.lru_cache(maxsize=256)  # the Markdown and the structured result read the same body
def html_to_text(html: str | None) -> str:
    """Readable plain text from a ticket's HTML: tags removed, entities decoded, block breaks kept."""
    if not html:
        return ""
    parts = _text_of(html)
    text = clean("".join(parts))
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _text_of(html: str) -> list[str]:
    """The text of the document, with a newline per block and `- ` per list item (tokens in linear time)."""
    from adapters.richtext.html_tokens import END, START, TEXT, tokens  # on the first body, not at start-up

    parts: list[str] = []
    skipping = preformatted = 0
    for kind, name, _, _ in tokens(html):
        if kind == TEXT:
            if not skipping:
                # Outside <pre>, HTML white space (newlines included) is one space; breaks come from tags.
                parts.append(name if preformatted else _SPACES.sub(" ", name))
        elif kind == START:
            if name == "pre":
                preformatted += 1
            if name in _SKIP_TAGS:
                skipping += 1
            elif name == "li":
                parts.append("\n- ")
            elif name in _BLOCK_TAGS:
                parts.append("\n")
        elif kind == END:
            if name == "pre":
                preformatted = max(0, preformatted - 1)
            if name in _SKIP_TAGS:
                skipping = max(0, skipping - 1)
            elif name in _BLOCK_TAGS and name != "li":
                parts.append("\n")
    return parts


def _defuse_start(line: str) -> str:
    return "\\" + line if _STRUCTURE_START.match(line) else line
