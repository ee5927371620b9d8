"""Collecting a call's attachments: the count first, then each file, all before any request."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from application.ports.attachments import AttachmentsPort
from domain.attachments import Attachment, AttachmentLimits
from domain.errors import InvalidInput


@dataclass(frozen=True)
class EncodedFile:
    """A file sent inline by the model."""

    content: str
    filename: str


async def gather_attachments(
    port: AttachmentsPort,
    paths: Sequence[str],
    encoded: Sequence[EncodedFile],
    limits: AttachmentLimits,
) -> tuple[Attachment, ...]:
    """Local files first, then base64 ones, in order; more than the limit is an error, never a cut."""
    total = len(paths) + len(encoded)
    if total > limits.max_files:
        raise InvalidInput(
            "files",
            "too_many_files",
            {"max": limits.max_files, "received": total, "paths": len(paths), "encoded": len(encoded)},
        )
    attachments = [
        await port.from_path(path, field=f"files[{i}]", limits=limits) for i, path in enumerate(paths)
    ]
    for i, item in enumerate(encoded):
        attachments.append(
            await port.from_base64(item.content, item.filename, field=f"files_base64[{i}]", limits=limits)
        )
    return tuple(attachments)
