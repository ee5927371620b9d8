"""Opening a ticket from what a person said: names resolved, defaults applied, Markdown made HTML."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from application.commands import NewTicket
from application.concurrently import concurrently
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

T = TypeVar("T")


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


@dataclass(frozen=True)
class _Choice(Generic[T]):
    """One reference as settled: its value, and the name decision or default that gave it, if any."""

    value: T
    decision: NameDecision | None = None
    default: str | None = None


@dataclass(frozen=True)
class CreateTicket:
    """Open a ticket; the write is sent once.

    Client, desk and responsible are looked up at the same time, then requestor (within the client) and
    catalog item (within the desk); a failure is the one a lookup-by-lookup run would have met first.
    """

    tickets: TicketsPort
    desks: DesksPort
    people: PeoplePort
    rich_text: RichTextPort
    defaults: TicketDefaults = TicketDefaults()

    async def __call__(self, request: TicketRequest) -> TicketCreated:
        client, desk, responsible = await concurrently(
            self._client(request), self._desk(request), self._responsible(request)
        )
        requestor, catalog_item = await concurrently(
            self._requestor(request, client.value), self._catalog_item(request, desk.value)
        )
        requestor_id, requestor_name, new_requestor = requestor.value
        choices = (client, desk, responsible, requestor, catalog_item)
        defaults = [choice.default for choice in choices if choice.default]
        priority_id = request.priority_id
        if priority_id is None and self.defaults.priority_id is not None:
            priority_id = self.defaults.priority_id
            defaults.append("priority_id")
        ticket = await self.tickets.create(
            NewTicket(
                title=request.title,
                description_html=await self.rich_text.to_html(request.description),
                client_id=client.value,
                desk_id=desk.value,
                priority_id=priority_id,
                catalog_item_id=catalog_item.value,
                status_id=request.status_id,
                requestor_id=requestor_id,
                requestor_name=requestor_name,
                requestor_email=request.requestor_email,
                requestor_telephone=request.requestor_telephone if requestor_id is None else None,
                responsible_id=responsible.value,
                followers=tuple(request.followers),
                parent=request.parent,
            )
        )
        decisions = tuple(choice.decision for choice in choices if choice.decision)
        return TicketCreated(ticket, decisions, tuple(defaults), new_requestor, request.parent)

    async def _client(self, request: TicketRequest) -> _Choice[ClientId]:
        if request.client_id is not None:
            return _Choice(request.client_id)
        if request.client_name:
            client = settle(await ClientResolver(self.people).resolve(request.client_name), "client")
            return _Choice(client.id, NameDecision("client_name", request.client_name, client_label(client)))
        if self.defaults.client_id is not None:
            return _Choice(self.defaults.client_id, default="client_id")
        raise InvalidInput(
            "client_id", "required_or_default", {"name": "client_name", "env": "TIFLUX_DEFAULT_CLIENT_ID"}
        )

    async def _desk(self, request: TicketRequest) -> _Choice[DeskId]:
        if request.desk_id is not None:
            return _Choice(request.desk_id)
        if request.desk_name:
            desk = settle(await DeskResolver(self.desks).resolve(request.desk_name), "desk")
            return _Choice(desk.id, NameDecision("desk_name", request.desk_name, desk_label(desk)))
        if self.defaults.desk_id is not None:
            return _Choice(self.defaults.desk_id, default="desk_id")
        raise InvalidInput(
            "desk_id", "required_or_default", {"name": "desk_name", "env": "TIFLUX_DEFAULT_DESK_ID"}
        )

    async def _responsible(self, request: TicketRequest) -> _Choice[UserId | None]:
        if request.responsible_id is not None or not request.responsible_name:
            return _Choice(request.responsible_id)
        user = settle(await ResponsibleResolver(self.people).resolve(request.responsible_name), "responsible")
        return _Choice(user.id, NameDecision("responsible_name", request.responsible_name, user_label(user)))

    async def _requestor(
        self, request: TicketRequest, client_id: ClientId
    ) -> _Choice[tuple[UserId | None, str | None, str | None]]:
        """(requestor_id, requestor_name to send, name of a requestor TiFlux will create)."""
        if request.requestor_id is not None or request.requestor_email or not request.requestor_name:
            return _Choice((request.requestor_id, request.requestor_name, None))
        outcome = await RequestorResolver(self.people).resolve(request.requestor_name, client_id)
        if isinstance(outcome, NoMatch):
            return _Choice((None, request.requestor_name, request.requestor_name))
        person = settle(outcome, "requestor")
        decision = NameDecision("requestor_name", request.requestor_name, user_label(person))
        return _Choice((person.id, None, None), decision)

    async def _catalog_item(self, request: TicketRequest, desk_id: DeskId) -> _Choice[CatalogItemId | None]:
        if request.catalog_item_id is not None:
            return _Choice(request.catalog_item_id)
        if request.catalog_item_name:
            outcome = await CatalogItemResolver(self.desks).resolve(desk_id, request.catalog_item_name)
            item = settle(outcome, "catalog_item")
            return _Choice(
                item.id, NameDecision("catalog_item_name", request.catalog_item_name, item_label(item))
            )
        if self.defaults.catalog_item_id is not None:
            return _Choice(self.defaults.catalog_item_id, default="catalog_item_id")
        return _Choice(None)
