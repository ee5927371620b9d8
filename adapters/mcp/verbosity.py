"""How much an answer says in words: `rich` (the default) or `compact`, set by `TIFLUX_VERBOSITY` for the
server and by a hosted request's `x-tiflux-verbosity` header for that request. Only the Markdown changes;
`structuredContent` is the same in both (`adapters/presenters/markdown/format.py` says what compact drops).
"""

from __future__ import annotations

from collections.abc import Mapping

VERBOSITY_HEADER = "x-tiflux-verbosity"
_CHOICES = {"compact": True, "rich": False}


def verbosity_from(headers: Mapping[str, str] | None) -> bool | None:
    """The request's header: True for `compact`, False for `rich`, None (the server's setting) when absent
    or anything else. Unlike the narrowing headers it hides nothing, so it may go either way."""
    raw = headers.get(VERBOSITY_HEADER) if headers else None
    return _CHOICES.get(raw.strip().lower()) if raw is not None else None
