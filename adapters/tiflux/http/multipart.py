"""The multipart body of answers and internal communications: text parts, then one `files[]` per file."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from typing import Any

from domain.attachments import Attachment

FILE_PART = "files[]"


def multipart_parts(
    text_parts: Mapping[str, str], attachments: Sequence[Attachment], stack: contextlib.ExitStack
) -> list[tuple[str, tuple[Any, ...]]]:
    """httpx2's `files=` list: text parts first (no filename, so even a text-only body is multipart),
    then the files in order; each stream is opened on `stack` and nothing is read here.

    httpx2 streams every file in 64 KiB chunks and, since each stream tells its length, sends a
    Content-Length; it also escapes `"` (as %22) and line breaks in file names, as browsers do.
    """
    parts: list[tuple[str, tuple[Any, ...]]] = [(name, (None, value)) for name, value in text_parts.items()]
    for attachment in attachments:
        stream = stack.enter_context(attachment.open())
        parts.append((FILE_PART, (attachment.name, stream, attachment.content_type)))
    return parts
