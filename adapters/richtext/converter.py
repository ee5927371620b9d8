"""The RichTextPort for the use cases: conversion of long texts runs in a worker thread.

markdown-it-py renders about 200 KB/s here, so a long description would otherwise hold the event loop
(and, in hosted mode, every other tenant's requests) for a noticeable time.
"""

from __future__ import annotations

import anyio.to_thread

from adapters.richtext.markdown_html import MarkdownToHtml

INLINE_LIMIT = 4_096  # characters converted on the event loop; longer texts go to a thread


class RichTextConverter:
    """Markdown in, safe HTML out, without blocking the event loop."""

    def __init__(self, converter: MarkdownToHtml | None = None) -> None:
        self._converter = converter or MarkdownToHtml()

    async def to_html(self, text: str) -> str:
        if len(text) <= INLINE_LIMIT:
            return self._converter.to_html(text)
        return await anyio.to_thread.run_sync(self._converter.to_html, text)
