"""Editing and removing internal communications over HTTP."""

from __future__ import annotations

from dataclasses import dataclass, field

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.http.client import TifluxHttpClient, api_path
from adapters.tiflux.http.knowledge import needing
from adapters.tiflux.wire import CommunicationWire, parse_one
from domain.ids import CommunicationId, TicketNumber
from domain.records import InternalCommunication


def _note(number: TicketNumber, communication_id: CommunicationId) -> NotFoundAs:
    return NotFoundAs("communication", f"{communication_id} (ticket #{number})")


@dataclass(frozen=True)
class HttpCommunicationChanges:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def update(
        self, number: TicketNumber, communication_id: CommunicationId, text_html: str
    ) -> InternalCommunication:
        payload = await needing(
            "communication.edit",
            self.client.write(
                self.api_key,
                "PUT",
                api_path("tickets", number, "internal_communications", communication_id),
                json={"text": text_html},
                not_found=_note(number, communication_id),
            ),
        )
        return parse_one(CommunicationWire, payload).to_domain()

    async def delete(self, number: TicketNumber, communication_id: CommunicationId) -> None:
        await needing(
            "communication.delete",
            self.client.write(
                self.api_key,
                "DELETE",
                api_path("tickets", number, "internal_communications", communication_id),
                not_found=_note(number, communication_id),
            ),
        )
