"""Files that go with an answer or an internal communication."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

MB = 1024 * 1024


@dataclass(frozen=True)
class AttachmentLimits:
    """How many files, and how big each may be, once decoded."""

    max_files: int
    max_bytes: int

    @property
    def max_megabytes(self) -> int:
        return self.max_bytes // MB


ANSWER_LIMITS = AttachmentLimits(max_files=10, max_bytes=40 * MB)
COMMUNICATION_LIMITS = AttachmentLimits(max_files=10, max_bytes=25 * MB)


@dataclass(frozen=True)
class Attachment:
    """A checked file: a safe name, its exact size, its media type, and a way to read it as a stream.

    `opener` returns a fresh binary stream positioned at the start; whoever opens it closes it.
    """

    name: str
    size: int
    content_type: str
    opener: Callable[[], BinaryIO]

    def open(self) -> BinaryIO:
        return self.opener()
