"""Reading tickets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum

from application.concurrently import concurrently
from application.lookups import every_page
from application.ports.failures import UpstreamFailure
from application.ports.tickets import TicketsPort
from application.queries import ID_FILTERS, MAX_IDS_PER_FILTER, StatusFilter, TicketFilter
from application.resolvers import CLIENT, DESK, PRIORITY, RESPONSIBLE, STAGE, References
from domain.desks import CatalogItem, Desk, Priority, Stage
from domain.errors import DomainError, InvalidInput, MissingFilter, NotFound
from domain.ids import ClientId, DeskId, PriorityId, StageId, TicketNumber, UserId
from domain.paging import Page, PageRequest
from domain.people import Client, User
from domain.resolution import Reference
from domain.ticket_counts import GroupBy, TicketCounts, gap_filled
from domain.tickets import Ticket

LIST_TICKETS_FILTERS = (
    *ID_FILTERS,
    "requestor_email",
    "desk_name",
    "client_name",
    "stage_name",
    "responsible_name",
    "priority_ids",
    "priority_name",
    "services_catalogs_item_ids",
    "catalog_query",
    "sla_expiring_before",
    "group_by",
)


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
    responsible_name: str | None = None
    priority_name: str | None = None
    catalog_query: str | None = None  # a search among the desk's catalog items, not one name

    @property
    def given(self) -> bool:
        return any(
            (
                self.desk_name,
                self.client_name,
                self.stage_name,
                self.responsible_name,
                self.priority_name,
                self.catalog_query,
            )
        )


class ZeroCause(Enum):
    """Why a listing came back empty, as one or two more counts found out (v2.42/tickets.md §1)."""

    STATUS = "status"  # the same slice in any state has tickets
    PERIOD = "period"  # in any state, outside the period, it has tickets
    NONE = "none"  # confirmed: nothing in this slice at all


@dataclass(frozen=True)
class TicketListing:
    """One page of tickets (or their counts per bucket), with the filter actually applied and what each
    name resolved to."""

    page: Page[Ticket] | None
    query: TicketFilter
    desk: Desk | None = None
    client: Client | None = None
    stage: Stage | None = None
    responsible: User | None = None
    priority: Priority | None = None
    catalog_items: Sequence[CatalogItem] = ()  # what catalog_query found
    counts: TicketCounts | None = None
    zero_cause: ZeroCause | None = None
    status_assumed: bool = False  # closed tickets, as solved_in_time implies


@dataclass(frozen=True)
class ListTickets:
    """List tickets narrowed by at least one filter, one page at a time, or count them per bucket.

    Desk and client names are looked up at the same time; the stage, priority and catalog items, within
    the desk, after them. An empty first page is explained by counting the same slice more broadly.
    """

    tickets: TicketsPort
    references: References

    async def __call__(
        self,
        query: TicketFilter,
        names: TicketNames,
        page: PageRequest,
        *,
        group_by: GroupBy | None = None,
        status_assumed: bool = False,
    ) -> TicketListing:
        if not (query.narrows or names.given or group_by):
            raise MissingFilter(LIST_TICKETS_FILTERS)
        desk_name = names.desk_name if not query.desk_ids else None
        client_name = names.client_name if not query.client_ids else None
        responsible_name = names.responsible_name if not query.responsible_ids else None
        desk, client, responsible = await concurrently(
            self._desk(Reference("desk_ids", "desk_name", name=desk_name)),
            self._client(Reference("client_ids", "client_name", name=client_name)),
            self._responsible(Reference("responsible_ids", "responsible_name", name=responsible_name)),
        )
        if desk is not None:
            query = replace(query, desk_ids=(desk.id,))
        if client is not None:
            query = replace(query, client_ids=(client.id,))
        if responsible is not None:
            query = replace(query, responsible_ids=(responsible.id,))
        stage = None
        if names.stage_name and not query.stage_ids:
            stage_ref: Reference[StageId] = Reference("stage_ids", "stage_name", name=names.stage_name)
            stage = await self.references.record(STAGE, stage_ref, _one_desk(query, "stage_name"))
            query = replace(query, stage_ids=(stage.id,))
        priority = None
        if names.priority_name and not query.priority_ids:
            ref: Reference[PriorityId] = Reference("priority_ids", "priority_name", name=names.priority_name)
            priority = await self.references.record(PRIORITY, ref, _one_desk(query, "priority_name"))
            query = replace(query, priority_ids=(priority.id,))
        items: tuple[CatalogItem, ...] = ()
        if names.catalog_query:
            items = await self._catalog_search(names.catalog_query, _one_desk(query, "catalog_query"))
            found = tuple(dict.fromkeys((*query.services_catalogs_item_ids, *(i.id for i in items))))
            if len(found) > MAX_IDS_PER_FILTER:
                limits = {"max": MAX_IDS_PER_FILTER, "found": len(found)}
                raise InvalidInput("catalog_query", "too_many_items", limits)
            query = replace(query, services_catalogs_item_ids=found)
        listing = TicketListing(
            None, query, desk, client, stage, responsible, priority, items, status_assumed=status_assumed
        )
        if group_by is not None:
            counts = await self.tickets.counts(query, group_by)
            dates = query.dates
            start = dates.start.date() if dates and dates.start else None
            end = dates.end.date() if dates and dates.end else None
            counts = gap_filled(counts, start, end)
            cause = await self._zero_cause(query) if counts.empty else None
            return replace(listing, counts=counts, zero_cause=cause)
        found_page = await self.tickets.list(query, page)
        cause = await self._zero_cause(query) if not found_page.items and page.number == 1 else None
        return replace(listing, page=found_page, zero_cause=cause)

    async def _zero_cause(self, query: TicketFilter) -> ZeroCause | None:
        """Count the slice in every state, then also outside the period; None when TiFlux does not count."""
        broad = replace(query, filter_by=StatusFilter.ALL, is_closed=False)
        try:
            if query.filter_by is not StatusFilter.ALL:
                total = (await self.tickets.list(broad, _ONE)).total
                if total is None:
                    return None
                if total:
                    return ZeroCause.STATUS
            if query.dates is not None:
                total = (await self.tickets.list(replace(broad, dates=None), _ONE)).total
                if total is None:
                    return None
                if total:
                    return ZeroCause.PERIOD
        except (DomainError, UpstreamFailure):
            return None  # the listing stands; only its explanation is missing
        return ZeroCause.NONE

    async def _catalog_search(self, term: str, desk_id: DeskId) -> tuple[CatalogItem, ...]:
        """Every item of the desk's catalog that TiFlux's search finds for `term`; none is NotFound."""
        found = await every_page(
            lambda page: self.references.gateway.desks.catalog_items(desk_id, page, search=term)
        )
        if not found:
            raise NotFound("catalog_item", term)
        return tuple(found)

    async def _desk(self, ref: Reference[DeskId]) -> Desk | None:
        if not ref.name:
            return None
        return await self.references.record(DESK, ref, None)

    async def _client(self, ref: Reference[ClientId]) -> Client | None:
        if not ref.name:
            return None
        return await self.references.record(CLIENT, ref, None)

    async def _responsible(self, ref: Reference[UserId]) -> User | None:
        if not ref.name:
            return None
        return await self.references.record(RESPONSIBLE, ref, None)


_ONE = PageRequest(1, 1)  # a count needs no tickets, only the header


def _one_desk(query: TicketFilter, name_field: str) -> DeskId:
    """The one desk a name is looked up in (stage, priority, catalog items)."""
    if name_field == "stage_name" and not query.desk_ids:
        raise InvalidInput(name_field, "needs_desk")
    if name_field == "stage_name" and len(query.desk_ids) > 1:
        raise InvalidInput(name_field, "one_desk")
    if len(query.desk_ids) != 1:
        raise InvalidInput(name_field, "needs_one_desk")
    return query.desk_ids[0]
