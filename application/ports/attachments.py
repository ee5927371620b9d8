"""Turning what a model names (a local path, or base64 content) into checked attachments."""

from __future__ import annotations

from typing import Protocol

from domain.attachments import Attachment, AttachmentLimits


class AttachmentsPort(Protocol):
    """Checks a file before anything is sent; every problem is an InvalidInput naming `field`."""

    async def from_path(self, path: str, *, field: str, limits: AttachmentLimits) -> Attachment:
        """A local file: it must exist, be a regular readable file within the limit (and, in hosted mode,
        lie under the operator's allowed directory)."""
        ...

    async def from_base64(
        self, content: str, filename: str, *, field: str, limits: AttachmentLimits
    ) -> Attachment:
        """Base64 content (a data-URL prefix is accepted), strictly decoded, within the limit."""
        ...
