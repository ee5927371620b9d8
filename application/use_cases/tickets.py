"""Reading tickets."""

from __future__ import annotations

from dataclasses import dataclass, replace

from application.concurrently import concurrently
from application.ports.desks import DesksPort
from application.ports.people import PeoplePort
from application.ports.tickets import TicketsPort
from application.queries import ID_FILTERS, TicketFilter
from application.resolvers import ClientResolver, DeskResolver, StageResolver
from domain.desks import Desk, Stage
from domain.errors import InvalidInput, MissingFilter
from domain.ids import TicketNumber
from domain.paging import Page, PageRequest
from domain.people import Client
from domain.resolution import settle
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
    desks: DesksPort
    people: PeoplePort

    async def __call__(self, query: TicketFilter, names: TicketNames, page: PageRequest) -> TicketListing:
        if not (query.narrows or names.desk_name or names.client_name or names.stage_name):
            raise MissingFilter(LIST_TICKETS_FILTERS)
        desk, client = await concurrently(
            self._desk(names.desk_name if not query.desk_ids else None),
            self._client(names.client_name if not query.client_ids else None),
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
            outcome = await StageResolver(self.desks).resolve(query.desk_ids[0], names.stage_name)
            stage = settle(outcome, "stage")
            query = replace(query, stage_ids=(stage.id,))
        return TicketListing(await self.tickets.list(query, page), query, desk, client, stage)

    async def _desk(self, name: str | None) -> Desk | None:
        return settle(await DeskResolver(self.desks).resolve(name), "desk") if name else None

    async def _client(self, name: str | None) -> Client | None:
        return settle(await ClientResolver(self.people).resolve(name), "client") if name else None
