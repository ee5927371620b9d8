"""A ticket's files over HTTP: uploading to an existing ticket, deleting a ticket's or an answer's file."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.http.client import TifluxHttpClient, api_path
from adapters.tiflux.http.multipart import multipart_parts
from adapters.tiflux.http.records import ticket_not_found
from adapters.tiflux.wire.ticket_files import uploaded_files
from domain.attachments import Attachment
from domain.ids import AnswerId, FileId, TicketNumber
from domain.records import TicketFile


@dataclass(frozen=True)
class HttpTicketFiles:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def upload(self, number: TicketNumber, attachments: Sequence[Attachment]) -> Sequence[TicketFile]:
        with ExitStack() as stack:  # only `files[]` parts: the route takes no text fields
            payload = await self.client.write(
                self.api_key,
                "POST",
                api_path("tickets", number, "files"),
                files=multipart_parts({}, attachments, stack),
                not_found=ticket_not_found(number),
            )
        return uploaded_files(payload)

    async def delete(self, number: TicketNumber, file_id: FileId) -> None:
        await self.client.write(
            self.api_key,
            "DELETE",
            api_path("tickets", number, "files", file_id),
            not_found=NotFoundAs("file", f"{file_id} (ticket #{number})"),
        )

    async def delete_answer_file(self, answer_id: AnswerId, file_id: FileId) -> None:
        await self.client.write(
            self.api_key,
            "DELETE",
            api_path("ticket_answers", answer_id, "files", file_id),
            not_found=NotFoundAs("answer_file", f"{file_id} (#{answer_id})"),
        )
