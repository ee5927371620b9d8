"""The RichTextPort for the use cases: conversion of long texts runs in a worker thread.

Conversion is linear in the text (pulldown-cmark parses, our writer and the sanitiser make one pass each), at
roughly 1–2 MB/s for prose and down to about 1 MB/s for the worst inputs found (`make bench`, rich text); a
long text still goes to a worker thread so that it never holds the event loop (and, in hosted mode, every
other tenant's requests).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import anyio.to_thread

if TYPE_CHECKING:
    from adapters.richtext.markdown_html import MarkdownToHtml

INLINE_LIMIT = 1_024  # characters converted on the event loop; longer texts go to a thread


class RichTextConverter:
    """Markdown in, safe HTML out, without blocking the event loop."""

    def __init__(self, converter: MarkdownToHtml | None = None) -> None:
        self._converter = converter  # the Markdown engine loads on the first text, not at start-up

    @property
    def converter(self) -> MarkdownToHtml:
        if self._converter is None:
            from adapters.richtext.markdown_html import MarkdownToHtml

            self._converter = MarkdownToHtml()
        return self._converter

    async def to_html(self, text: str) -> str:
        if len(text) <= INLINE_LIMIT:
            return self.converter.to_html(text)
        return await anyio.to_thread.run_sync(self.converter.to_html, text)
