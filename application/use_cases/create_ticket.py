"""Opening a ticket from what a person said: names resolved, defaults applied, Markdown made HTML."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from application.commands import NewTicket
from application.ports.desks import DesksPort
from application.ports.people import PeoplePort
from application.ports.rich_text import RichTextPort
from application.ports.tickets import TicketsPort
from application.resolvers import (
    CatalogItemResolver,
    ClientResolver,
    DeskResolver,
    RequestorResolver,
    ResponsibleResolver,
    client_label,
    desk_label,
    item_label,
    user_label,
)
from domain.errors import InvalidInput
from domain.ids import CatalogItemId, ClientId, DeskId, PriorityId, StatusId, TicketNumber, UserId
from domain.resolution import NoMatch, settle
from domain.tickets import Ticket


@dataclass(frozen=True)
class TicketDefaults:
    """The operator's defaults (TIFLUX_DEFAULT_*), used when a person names neither an ID nor a name."""

    client_id: ClientId | None = None
    desk_id: DeskId | None = None
    priority_id: PriorityId | None = None
    catalog_item_id: CatalogItemId | None = None


@dataclass(frozen=True)
class TicketRequest:
    """A new ticket as asked: each reference by ID or by name (an ID wins)."""

    title: str
    description: str
    client_id: ClientId | None = None
    client_name: str | None = None
    desk_id: DeskId | None = None
    desk_name: str | None = None
    priority_id: PriorityId | None = None
    catalog_item_id: CatalogItemId | None = None
    catalog_item_name: str | None = None
    status_id: StatusId | None = None
    requestor_id: UserId | None = None
    requestor_name: str | None = None
    requestor_email: str | None = None
    requestor_telephone: str | None = None
    responsible_id: UserId | None = None
    responsible_name: str | None = None
    followers: Sequence[str] = ()
    parent: TicketNumber | None = None


@dataclass(frozen=True)
class NameDecision:
    """What a name became: `field` "desk_name", `term` "cansados", `label` "Dev - Cansados · ID 11"."""

    field: str
    term: str
    label: str


@dataclass(frozen=True)
class TicketCreated:
    ticket: Ticket
    decisions: tuple[NameDecision, ...] = ()
    defaults_used: tuple[str, ...] = ()
    new_requestor: str | None = None
    parent: TicketNumber | None = None


@dataclass
class _Choices:
    decisions: list[NameDecision] = field(default_factory=list)
    defaults: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CreateTicket:
    """Open a ticket; the write is sent once."""

    tickets: TicketsPort
    desks: DesksPort
    people: PeoplePort
    rich_text: RichTextPort
    defaults: TicketDefaults = TicketDefaults()

    async def __call__(self, request: TicketRequest) -> TicketCreated:
        made = _Choices()
        client_id = await self._client(request, made)
        desk_id = await self._desk(request, made)
        responsible_id = await self._responsible(request, made)
        requestor_id, requestor_name, new_requestor = await self._requestor(request, client_id, made)
        catalog_item_id = await self._catalog_item(request, desk_id, made)
        priority_id = request.priority_id
        if priority_id is None and self.defaults.priority_id is not None:
            priority_id = self.defaults.priority_id
            made.defaults.append("priority_id")
        ticket = await self.tickets.create(
            NewTicket(
                title=request.title,
                description_html=await self.rich_text.to_html(request.description),
                client_id=client_id,
                desk_id=desk_id,
                priority_id=priority_id,
                catalog_item_id=catalog_item_id,
                status_id=request.status_id,
                requestor_id=requestor_id,
                requestor_name=requestor_name,
                requestor_email=request.requestor_email,
                requestor_telephone=request.requestor_telephone if requestor_id is None else None,
                responsible_id=responsible_id,
                followers=tuple(request.followers),
                parent=request.parent,
            )
        )
        return TicketCreated(
            ticket, tuple(made.decisions), tuple(made.defaults), new_requestor, request.parent
        )

    async def _client(self, request: TicketRequest, made: _Choices) -> ClientId:
        if request.client_id is not None:
            return request.client_id
        if request.client_name:
            client = settle(await ClientResolver(self.people).resolve(request.client_name), "client")
            made.decisions.append(NameDecision("client_name", request.client_name, client_label(client)))
            return client.id
        if self.defaults.client_id is not None:
            made.defaults.append("client_id")
            return self.defaults.client_id
        raise InvalidInput(
            "client_id", "required_or_default", {"name": "client_name", "env": "TIFLUX_DEFAULT_CLIENT_ID"}
        )

    async def _desk(self, request: TicketRequest, made: _Choices) -> DeskId:
        if request.desk_id is not None:
            return request.desk_id
        if request.desk_name:
            desk = settle(await DeskResolver(self.desks).resolve(request.desk_name), "desk")
            made.decisions.append(NameDecision("desk_name", request.desk_name, desk_label(desk)))
            return desk.id
        if self.defaults.desk_id is not None:
            made.defaults.append("desk_id")
            return self.defaults.desk_id
        raise InvalidInput(
            "desk_id", "required_or_default", {"name": "desk_name", "env": "TIFLUX_DEFAULT_DESK_ID"}
        )

    async def _responsible(self, request: TicketRequest, made: _Choices) -> UserId | None:
        if request.responsible_id is not None or not request.responsible_name:
            return request.responsible_id
        user = settle(await ResponsibleResolver(self.people).resolve(request.responsible_name), "responsible")
        made.decisions.append(NameDecision("responsible_name", request.responsible_name, user_label(user)))
        return user.id

    async def _requestor(
        self, request: TicketRequest, client_id: ClientId, made: _Choices
    ) -> tuple[UserId | None, str | None, str | None]:
        """(requestor_id, requestor_name to send, name of a requestor TiFlux will create)."""
        if request.requestor_id is not None or request.requestor_email or not request.requestor_name:
            return request.requestor_id, request.requestor_name, None
        outcome = await RequestorResolver(self.people).resolve(request.requestor_name, client_id)
        if isinstance(outcome, NoMatch):
            return None, request.requestor_name, request.requestor_name
        person = settle(outcome, "requestor")
        made.decisions.append(NameDecision("requestor_name", request.requestor_name, user_label(person)))
        return person.id, None, None

    async def _catalog_item(
        self, request: TicketRequest, desk_id: DeskId, made: _Choices
    ) -> CatalogItemId | None:
        if request.catalog_item_id is not None:
            return request.catalog_item_id
        if request.catalog_item_name:
            outcome = await CatalogItemResolver(self.desks).resolve(desk_id, request.catalog_item_name)
            item = settle(outcome, "catalog_item")
            made.decisions.append(
                NameDecision("catalog_item_name", request.catalog_item_name, item_label(item))
            )
            return item.id
        if self.defaults.catalog_item_id is not None:
            made.defaults.append("catalog_item_id")
            return self.defaults.catalog_item_id
        return None
