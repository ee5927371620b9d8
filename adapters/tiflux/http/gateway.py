"""The ports implemented over HTTP, for one API key."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.http.agents import HttpAgents, HttpTechnicalGroups
from adapters.tiflux.http.chats import HttpChats
from adapters.tiflux.http.client import TifluxHttpClient, api_path, query
from adapters.tiflux.http.conversations import HttpConversations
from adapters.tiflux.http.custom_fields import HttpCustomFields
from adapters.tiflux.http.knowledge import HttpKnowledge
from adapters.tiflux.http.multipart import multipart_parts
from adapters.tiflux.http.record_changes import HttpCommunicationChanges
from adapters.tiflux.http.records import (
    HttpAppointments,
    HttpCommunications,
    HttpFiles,
    HttpStageHistory,
    page_params,
    ticket_not_found,
)
from adapters.tiflux.http.requestors import HttpDepartments, HttpRequestors, HttpTechnicalUsers
from adapters.tiflux.http.ticket_activity import HttpTicketActivity
from adapters.tiflux.http.ticket_files import HttpTicketFiles
from adapters.tiflux.http.ticket_valuation import HttpTicketValuation
from adapters.tiflux.http.time_entries import HttpTimeEntries
from adapters.tiflux.wire import (
    AnswerWire,
    CatalogItemWire,
    CatalogWire,
    ClientWire,
    CreatedTicketWire,
    DeskWire,
    EntitiesWire,
    MessageWire,
    PriorityWire,
    StageWire,
    TicketWire,
    UserWire,
    page_of,
    parse_one,
)
from adapters.tiflux.wire.ticket_counts import TicketCountsWire
from adapters.tiflux.wire.writes import answer_parts, field_values_json, new_ticket_form, ticket_changes_json
from application.commands import AnswerDraft, FieldValueChange, NewTicket, TicketChanges
from application.queries import TicketFilter
from domain.custom_fields import EntityValues
from domain.desks import CatalogItem, Desk, Priority, ServicesCatalog, Stage
from domain.ids import CatalogAreaId, CatalogId, DeskId, TicketNumber
from domain.paging import MAX_PAGE_SIZE, Page, PageRequest
from domain.people import Client, User, UserType
from domain.records import Answer
from domain.ticket_counts import GroupBy, TicketCounts
from domain.tickets import Ticket

if TYPE_CHECKING:
    from application.ports.catalogs import CatalogsPort
    from application.ports.equipment import EquipmentPort
    from application.ports.finance import FinancePort
    from application.ports.ticket_reports import TicketReportsPort


def _iso_utc(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _ids(values: Sequence[int]) -> Sequence[int] | None:
    return values or None


def _ticket_query(query_: TicketFilter, page: PageRequest, group_by: GroupBy | None) -> dict[str, str]:
    """`GET /tickets`'s query, in the order 2.42 sends it (v2.42/tickets.md §20.5)."""
    dates = query_.dates
    return page_params(page) | query(
        filter_by=query_.filter_by.value if query_.filter_by else None,
        is_closed=query_.is_closed,
        desk_ids=_ids(query_.desk_ids),
        client_ids=_ids(query_.client_ids),
        stage_ids=_ids(query_.stage_ids),
        responsible_ids=_ids(query_.responsible_ids),
        requestor_ids=_ids(query_.requestor_ids),
        requestor_email=query_.requestor_email,
        date_type=dates.field.value if dates else None,
        group_by=group_by.value if group_by else None,
        sla_expiring_before=_iso_utc(query_.sla_expiring_before),
        start_datetime=_iso_utc(dates.start) if dates else None,
        end_datetime=_iso_utc(dates.end) if dates else None,
        services_catalogs_item_ids=_ids(query_.services_catalogs_item_ids),
        priority_ids=_ids(query_.priority_ids),
    )


@dataclass(frozen=True)
class HttpTickets:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def get(
        self, number: TicketNumber, *, show_entities: bool = False, include_filled_entity: bool = False
    ) -> Ticket:
        params = query(
            show_entities=show_entities or None, include_filled_entity=include_filled_entity or None
        )
        payload = await self.client.get(
            self.api_key, api_path("tickets", number), params, not_found=ticket_not_found(number)
        )
        return parse_one(TicketWire, payload).to_domain()

    async def list(self, query_: TicketFilter, page: PageRequest) -> Page[Ticket]:
        payload, total = await self.client.get_counted(
            self.api_key, api_path("tickets"), _ticket_query(query_, page, None)
        )
        return replace(page_of(TicketWire, payload, page), total=total)

    async def counts(self, query_: TicketFilter, group_by: GroupBy) -> TicketCounts:
        params = _ticket_query(query_, PageRequest(1, MAX_PAGE_SIZE), group_by)
        payload, total = await self.client.get_counted(self.api_key, api_path("tickets"), params)
        return parse_one(TicketCountsWire, payload).to_domain(group_by, total)

    async def create(self, ticket: NewTicket) -> Ticket:
        payload = await self.client.write(
            self.api_key, "POST", api_path("tickets"), data=new_ticket_form(ticket)
        )
        return parse_one(CreatedTicketWire, payload).ticket.to_domain()

    async def update(self, number: TicketNumber, changes: TicketChanges) -> None:
        await self.client.write(
            self.api_key,
            "PUT",
            api_path("tickets", number),
            json=ticket_changes_json(changes),
            not_found=ticket_not_found(number),
        )

    async def update_fields(
        self, number: TicketNumber, changes: Sequence[FieldValueChange]
    ) -> Sequence[EntityValues]:
        payload = await self.client.write(
            self.api_key,
            "PUT",
            api_path("tickets", number, "entities"),
            json=field_values_json(list(changes)),
            not_found=ticket_not_found(number),
        )
        return tuple(group.to_domain() for group in parse_one(EntitiesWire, payload or {}).entities)

    async def cancel(self, number: TicketNumber) -> str | None:
        return await self._finish(number, "cancel")

    async def close(self, number: TicketNumber) -> str | None:
        return await self._finish(number, "close")

    async def answer(self, number: TicketNumber, draft: AnswerDraft) -> Answer:
        with ExitStack() as stack:
            payload = await self.client.write(
                self.api_key,
                "POST",
                api_path("tickets", number, "answers"),
                files=multipart_parts(answer_parts(draft), draft.attachments, stack),
                not_found=ticket_not_found(number),
            )
        return parse_one(AnswerWire, payload).to_domain()

    async def _finish(self, number: TicketNumber, how: str) -> str | None:
        payload = await self.client.write(
            self.api_key, "PUT", api_path("tickets", number, how), not_found=ticket_not_found(number)
        )
        return parse_one(MessageWire, payload or {}).message


@dataclass(frozen=True)
class HttpDesks:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def list(self, *, active: bool | None, name: str | None, page: PageRequest) -> Page[Desk]:
        params = query(active=active, name=name) | page_params(page)
        payload = await self.client.get(self.api_key, api_path("desks"), params)
        return page_of(DeskWire, payload, page)

    async def get(self, desk_id: DeskId) -> Desk:
        payload = await self.client.get(
            self.api_key, api_path("desks", desk_id), not_found=NotFoundAs("desk", str(desk_id))
        )
        return parse_one(DeskWire, payload).to_domain()

    async def stages(self, desk_id: DeskId, page: PageRequest) -> Page[Stage]:
        payload = await self._desk_list(desk_id, "stages", page_params(page))
        return page_of(StageWire, payload, page)

    async def priorities(self, desk_id: DeskId, page: PageRequest) -> Page[Priority]:
        payload = await self._desk_list(desk_id, "priorities", page_params(page))
        return page_of(PriorityWire, payload, page)

    async def catalogs(self, desk_id: DeskId, page: PageRequest) -> Page[ServicesCatalog]:
        payload = await self._desk_list(desk_id, "services-catalogs", page_params(page))
        return page_of(CatalogWire, payload, page)

    async def catalog_items(
        self,
        desk_id: DeskId,
        page: PageRequest,
        *,
        area_id: CatalogAreaId | None = None,
        catalog_id: CatalogId | None = None,
        search: str | None = None,
    ) -> Page[CatalogItem]:
        params = page_params(page) | query(area_id=area_id, catalog_id=catalog_id, name=search or None)
        payload = await self._desk_list(desk_id, "services-catalogs-items", params)
        return page_of(CatalogItemWire, payload, page)

    async def _desk_list(self, desk_id: DeskId, what: str, params: dict[str, str]) -> object:
        return await self.client.get(
            self.api_key, api_path("desks", desk_id, what), params, not_found=NotFoundAs("desk", str(desk_id))
        )


@dataclass(frozen=True)
class HttpPeople:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def clients(self, *, name: str | None, active: bool | None, page: PageRequest) -> Page[Client]:
        params = query(active=active, name=name or None) | page_params(page)
        payload = await self.client.get(self.api_key, api_path("clients"), params)
        return page_of(ClientWire, payload, page)

    async def users(
        self, *, user_type: UserType | None, active: bool | None, page: PageRequest
    ) -> Page[User]:
        params = page_params(page) | query(active=active, type=user_type.value if user_type else None)
        payload = await self.client.get(self.api_key, api_path("users"), params)
        return page_of(UserWire, payload, page)

    async def me(self) -> User:
        payload = await self.client.get(self.api_key, api_path("users", "me"))
        return parse_one(UserWire, payload).to_domain()


class HttpTifluxGateway:
    """Every port over HTTP for one API key; cheap to build, shares the client's connection pool."""

    def __init__(self, client: TifluxHttpClient, api_key: str) -> None:
        self.tickets = HttpTickets(client, api_key)
        self.desks = HttpDesks(client, api_key)
        self.people = HttpPeople(client, api_key)
        self.communications = HttpCommunications(client, api_key)
        self.files = HttpFiles(client, api_key)
        self.stage_history = HttpStageHistory(client, api_key)
        self.appointments = HttpAppointments(client, api_key)
        self.chats = HttpChats(client, api_key)
        self.custom_fields = HttpCustomFields(client, api_key)
        # people: requestors, attendants and departments (issue 19)
        self.requestors = HttpRequestors(client, api_key)
        self.technical_users = HttpTechnicalUsers(client, api_key)
        self.departments = HttpDepartments(client, api_key)
        self.knowledge = HttpKnowledge(client, api_key)
        self.ticket_activity = HttpTicketActivity(client, api_key)
        self.conversations = HttpConversations(client, api_key)  # chats that act (issue 20)
        self.ticket_files = HttpTicketFiles(client, api_key)  # tickets area (issue 18)
        self.ticket_valuation = HttpTicketValuation(client, api_key)
        self.communication_changes = HttpCommunicationChanges(client, api_key)  # records area (issue 18)
        self.time_entries = HttpTimeEntries(client, api_key)
        # people: agents and technical groups (issue 19)
        self.agents = HttpAgents(client, api_key)
        self.technical_groups = HttpTechnicalGroups(client, api_key)

        self._client, self._api_key = client, api_key  # for the areas built on first use, below

    # An opt-in area's adapter is imported on first use: a toolset that is off costs nothing at start.
    @cached_property
    def equipment(self) -> EquipmentPort:
        from adapters.tiflux.http.equipment import HttpEquipment

        return HttpEquipment(self._client, self._api_key)

    @cached_property
    def ticket_reports(self) -> TicketReportsPort:  # reports (issue 18; opt-in)
        from adapters.tiflux.http.ticket_reports import HttpTicketReports

        return HttpTicketReports(self._client, self._api_key)

    @cached_property
    def catalogs(self) -> CatalogsPort:  # the organisation's service catalogs (issue 21)
        from adapters.tiflux.http.catalogs import HttpCatalogs

        return HttpCatalogs(self._client, self._api_key)

    @cached_property
    def finance(self) -> FinancePort:  # billing and contracts (issue 20)
        from adapters.tiflux.http.finance import HttpFinance

        return HttpFinance(self._client, self._api_key)

    def __repr__(self) -> str:  # never show the key
        return "HttpTifluxGateway(<key hidden>)"
