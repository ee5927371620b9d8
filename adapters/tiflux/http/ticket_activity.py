"""A ticket's answers, history and reopening over HTTP."""

from __future__ import annotations

from dataclasses import dataclass, field

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.http.client import TifluxHttpClient, api_path, query
from adapters.tiflux.http.records import page_params, ticket_not_found
from adapters.tiflux.wire import page_of, parse_one
from adapters.tiflux.wire.ticket_activity import (
    ChecklistWire,
    HistoryEventWire,
    TicketAnswerWire,
    checklist_item_json,
)
from adapters.tiflux.wire.tickets import MessageWire
from domain.checklists import Checklist, ChecklistItemChange
from domain.ids import AnswerId, TicketNumber
from domain.paging import Page, PageRequest
from domain.ticket_activity import HistoryEvent, HistoryQuery, TicketAnswer


@dataclass(frozen=True)
class HttpTicketActivity:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def answers(self, number: TicketNumber, page: PageRequest) -> Page[TicketAnswer]:
        payload = await self.client.get(
            self.api_key,
            api_path("tickets", number, "answers"),
            page_params(page),
            not_found=ticket_not_found(number),
        )
        return page_of(TicketAnswerWire, payload, page)

    async def answer(self, number: TicketNumber, answer_id: AnswerId) -> TicketAnswer:
        payload = await self.client.get(
            self.api_key,
            api_path("tickets", number, "answers", answer_id),
            not_found=NotFoundAs("answer", f"{answer_id} (ticket #{number})"),
        )
        return parse_one(TicketAnswerWire, payload).to_domain()

    async def history(
        self, number: TicketNumber, query_: HistoryQuery, page: PageRequest
    ) -> Page[HistoryEvent]:
        params = page_params(page) | query(
            history_of=int(query_.of),
            type_id_attr=query_.type_id_attr,
            operation=query_.operation.value if query_.operation else None,
        )
        payload = await self.client.get(
            self.api_key,
            api_path("tickets", number, "histories"),
            params,
            not_found=ticket_not_found(number),
        )
        return page_of(HistoryEventWire, payload, page)

    async def reopen(self, number: TicketNumber, disapproval_reason: str | None) -> str | None:
        body = {} if disapproval_reason is None else {"disapproval_reason": disapproval_reason}
        payload = await self.client.write(
            self.api_key,
            "PUT",
            api_path("tickets", number, "reopen"),
            json=body,
            not_found=ticket_not_found(number),
        )
        return parse_one(MessageWire, payload).message

    async def checklists(self, number: TicketNumber, page: PageRequest) -> Page[Checklist]:
        payload = await self.client.get(
            self.api_key,
            api_path("tickets", number, "checklists"),
            page_params(page),
            not_found=ticket_not_found(number),
        )
        return page_of(ChecklistWire, payload, page)

    async def update_checklist_item(
        self, number: TicketNumber, checklist_id: int, index: int, change: ChecklistItemChange
    ) -> Checklist:
        # The index is a path segment that may be 0: api_path takes positive ids only, so it goes as text.
        payload = await self.client.write(
            self.api_key,
            "PUT",
            api_path("tickets", number, "checklists", checklist_id, "items", str(index)),
            json=checklist_item_json(change),
            not_found=NotFoundAs("checklist_item", f"{checklist_id}/{index} (ticket #{number})"),
        )
        return parse_one(ChecklistWire, payload).to_domain()

    async def delete_answer(self, number: TicketNumber, answer_id: AnswerId) -> None:
        await self.client.write(
            self.api_key,
            "DELETE",
            api_path("tickets", number, "answers", answer_id),
            not_found=NotFoundAs("answer", f"{answer_id} (ticket #{number})"),
        )
