"""What `POST /tickets/{n}/files` answers: a list of files, bare or under `files` (the shape is not
documented, so both are read, and a body without a list is no files)."""

from __future__ import annotations

from typing import Any

from adapters.tiflux.wire.base import Named, Timestamp, WireModel, parse_many
from domain.ids import FileId
from domain.records import TicketFile


class UploadedFileWire(WireModel):
    id: int
    name: str | None = None
    file_name: str | None = None
    content_type: str | None = None
    size: int | None = None
    url: str | None = None
    created_at: Timestamp = None
    created_by: Named | None = None

    def to_domain(self) -> TicketFile:
        return TicketFile(
            id=FileId(self.id),
            name=self.name or self.file_name,
            content_type=self.content_type,
            size_bytes=self.size,
            url=self.url,
            created_at=self.created_at,
            created_by=self.created_by.to_ref() if self.created_by else None,
        )


def uploaded_files(payload: Any) -> tuple[TicketFile, ...]:
    listed = payload.get("files") if isinstance(payload, dict) else payload
    if not isinstance(listed, list):
        return ()
    return tuple(item.to_domain() for item in parse_many(UploadedFileWire, listed))
