"""The RichTextPort for the use cases: conversion of long texts runs in a worker thread.

markdown-it-py renders about 200 KB/s here, so a long description would otherwise hold the event loop
(and, in hosted mode, every other tenant's requests) for a noticeable time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import anyio.to_thread

if TYPE_CHECKING:
    from adapters.richtext.markdown_html import MarkdownToHtml

INLINE_LIMIT = 4_096  # characters converted on the event loop; longer texts go to a thread


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
