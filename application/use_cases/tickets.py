"""Reading tickets."""

from __future__ import annotations

from dataclasses import dataclass, replace

from application.concurrently import concurrently
from application.ports.tickets import TicketsPort
from application.queries import ID_FILTERS, TicketFilter
from application.resolvers import CLIENT, DESK, STAGE, References
from domain.desks import Desk, Stage
from domain.errors import InvalidInput, MissingFilter
from domain.ids import ClientId, DeskId, StageId, TicketNumber
from domain.paging import Page, PageRequest
from domain.people import Client
from domain.resolution import Reference
from domain.tickets import Ticket

LIST_TICKETS_FILTERS = (*ID_FILTERS, "requestor_email", "desk_name", "client_name", "stage_name")


@dataclass(frozen=True)
class GetTicket:
    """Show one ticket, optionally with its custom fields."""

    tickets: TicketsPort

    async def __call__(
        self, number: TicketNumber, *, show_entities: bool = False, include_filled_entity: bool = False
    ) -> Ticket:
        return await self.tickets.get(
            number, show_entities=show_entities, include_filled_entity=include_filled_entity
        )


@dataclass(frozen=True)
class TicketNames:
    """Names a person used instead of IDs; an ID given for the same filter wins."""

    desk_name: str | None = None
    client_name: str | None = None
    stage_name: str | None = None

    @property
    def given(self) -> bool:
        return bool(self.desk_name or self.client_name or self.stage_name)


@dataclass(frozen=True)
class TicketListing:
    """One page of tickets, with the filter actually applied and what each name resolved to."""

    page: Page[Ticket]
    query: TicketFilter
    desk: Desk | None = None
    client: Client | None = None
    stage: Stage | None = None


@dataclass(frozen=True)
class ListTickets:
    """List open (or closed) tickets narrowed by at least one filter, one page at a time.

    Desk and client names are looked up at the same time; the stage, within the desk, after them.
    """

    tickets: TicketsPort
    references: References

    async def __call__(self, query: TicketFilter, names: TicketNames, page: PageRequest) -> TicketListing:
        if not (query.narrows or names.given):
            raise MissingFilter(LIST_TICKETS_FILTERS)
        desk_name = names.desk_name if not query.desk_ids else None
        client_name = names.client_name if not query.client_ids else None
        desk, client = await concurrently(
            self._desk(Reference("desk_ids", "desk_name", name=desk_name)),
            self._client(Reference("client_ids", "client_name", name=client_name)),
        )
        if desk is not None:
            query = replace(query, desk_ids=(desk.id,))
        if client is not None:
            query = replace(query, client_ids=(client.id,))
        stage = None
        if names.stage_name and not query.stage_ids:
            if not query.desk_ids:
                raise InvalidInput("stage_name", "needs_desk")
            if len(query.desk_ids) > 1:
                raise InvalidInput("stage_name", "one_desk")
            stage_ref: Reference[StageId] = Reference("stage_ids", "stage_name", name=names.stage_name)
            stage = await self.references.record(STAGE, stage_ref, query.desk_ids[0])
            query = replace(query, stage_ids=(stage.id,))
        return TicketListing(await self.tickets.list(query, page), query, desk, client, stage)

    async def _desk(self, ref: Reference[DeskId]) -> Desk | None:
        if not ref.name:
            return None
        return await self.references.record(DESK, ref, None)

    async def _client(self, ref: Reference[ClientId]) -> Client | None:
        if not ref.name:
            return None
        return await self.references.record(CLIENT, ref, None)
