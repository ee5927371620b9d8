"""Turning what a model writes (Markdown) into what TiFlux stores (safe HTML)."""

from __future__ import annotations

from typing import Protocol


class RichTextPort(Protocol):
    """Markdown in, safe HTML out."""

    async def to_html(self, text: str) -> str:
        """Safe HTML for the text (HTML input is sanitised, not re-rendered)."""
        ...
