"""The RichTextPort for the use cases: conversion of long texts runs in a worker thread.

markdown-it-py renders ordinary Markdown at about 0.5–1 MB/s here but hostile Markdown (bracket and emphasis
floods) at 60–100 KB/s, so a long text would otherwise hold the event loop (and, in hosted mode, every other
tenant's requests): 4 KB of the worst input found takes ≈ 80 ms, 1 KB ≈ 16 ms (`make bench`, rich text).
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
