"""Opening a ticket from what a person said: names resolved, defaults applied, Markdown made HTML."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from application.commands import NewTicket
from application.concurrently import concurrently
from application.ports.rich_text import RichTextPort
from application.ports.tickets import TicketsPort
from application.resolvers import (
    CATALOG_ITEM,
    CLIENT,
    DESK,
    REQUESTOR,
    RESPONSIBLE,
    Kind,
    References,
    Settled,
    decisions,
    required,
)
from domain.ids import CatalogItemId, ClientId, DeskId, PriorityId, StatusId, TicketNumber, UserId
from domain.resolution import Decision, Reference
from domain.tickets import Ticket

IdT = TypeVar("IdT", bound=int)


@dataclass(frozen=True)
class TicketDefaults:
    """The operator's defaults (TIFLUX_DEFAULT_*), used when a person names neither an ID nor a name."""

    client_id: ClientId | None = None
    desk_id: DeskId | None = None
    priority_id: PriorityId | None = None
    catalog_item_id: CatalogItemId | None = None


# Each reference left out: its arguments, nothing given.
NO_CLIENT: Reference[ClientId] = Reference("client_id", "client_name")
NO_DESK: Reference[DeskId] = Reference("desk_id", "desk_name")
NO_CATALOG_ITEM: Reference[CatalogItemId] = Reference("services_catalogs_item_id", "catalog_item_name")
NO_REQUESTOR: Reference[UserId] = Reference("requestor_id", "requestor_name")
NO_RESPONSIBLE: Reference[UserId] = Reference("responsible_id", "responsible_name")


@dataclass(frozen=True)
class TicketRequest:
    """A new ticket as asked: each reference by ID, by name, or left to the configured default."""

    title: str
    description: str
    client: Reference[ClientId] = NO_CLIENT
    desk: Reference[DeskId] = NO_DESK
    priority_id: PriorityId | None = None
    catalog_item: Reference[CatalogItemId] = NO_CATALOG_ITEM
    status_id: StatusId | None = None
    requestor: Reference[UserId] = NO_REQUESTOR
    requestor_email: str | None = None
    requestor_telephone: str | None = None
    responsible: Reference[UserId] = NO_RESPONSIBLE
    followers: Sequence[str] = ()
    parent: TicketNumber | None = None


@dataclass(frozen=True)
class TicketCreated:
    ticket: Ticket
    decisions: tuple[Decision, ...] = ()
    defaults_used: tuple[str, ...] = ()
    new_requestor: str | None = None
    parent: TicketNumber | None = None


@dataclass(frozen=True)
class CreateTicket:
    """Open a ticket; the write is sent once.

    Client, desk and responsible are looked up at the same time, then requestor (within the client) and
    catalog item (within the desk); a failure is the one a lookup-by-lookup run would have met first.
    """

    tickets: TicketsPort
    references: References
    rich_text: RichTextPort
    defaults: TicketDefaults = TicketDefaults()

    async def __call__(self, request: TicketRequest) -> TicketCreated:
        refs, defaults = self.references, self.defaults
        client, desk, responsible = await concurrently(
            self._required(CLIENT, request.client, defaults.client_id, "TIFLUX_DEFAULT_CLIENT_ID"),
            self._required(DESK, request.desk, defaults.desk_id, "TIFLUX_DEFAULT_DESK_ID"),
            refs.resolve(RESPONSIBLE, request.responsible, None),
        )
        client_id, desk_id = required(request.client, client), required(request.desk, desk)
        # A default priority or catalog item belongs to the default desk's lists: another desk refuses them.
        own_desk = defaults.desk_id is None or desk_id == defaults.desk_id
        (requestor, requestor_name, new_requestor), catalog_item = await concurrently(
            self._requestor(request, client_id),
            refs.resolve(
                CATALOG_ITEM,
                request.catalog_item,
                desk_id,
                default=defaults.catalog_item_id if own_desk else None,
            ),
        )
        settled = (client, desk, responsible, requestor, catalog_item)
        used = [s.default for s in settled if s.default]
        priority_id = request.priority_id
        if priority_id is None and defaults.priority_id is not None and own_desk:
            priority_id = defaults.priority_id
            used.append("priority_id")
        ticket = await self.tickets.create(
            NewTicket(
                title=request.title,
                description_html=await self.rich_text.to_html(request.description),
                client_id=client_id,
                desk_id=desk_id,
                priority_id=priority_id,
                catalog_item_id=catalog_item.id,
                status_id=request.status_id,
                requestor_id=requestor.id,
                requestor_name=requestor_name,
                requestor_email=request.requestor_email if requestor.id is None else None,
                requestor_telephone=request.requestor_telephone if requestor.id is None else None,
                responsible_id=responsible.id,
                followers=tuple(request.followers),
                parent=request.parent,
            )
        )
        return TicketCreated(ticket, decisions(*settled), tuple(used), new_requestor, request.parent)

    async def _required(
        self, kind: Kind[Any, IdT, None], ref: Reference[IdT], default: IdT | None, env: str
    ) -> Settled[IdT]:
        settled = await self.references.resolve(kind, ref, None, default=default)
        required(ref, settled, env=env)
        return settled

    async def _requestor(
        self, request: TicketRequest, client_id: ClientId
    ) -> tuple[Settled[UserId], str | None, str | None]:
        """(requestor as settled, requestor_name to send, name of a requestor TiFlux will create)."""
        ref = request.requestor
        if ref.id is None and request.requestor_email:
            return await self._requestor_by_email(request.requestor_email, ref.name, client_id)
        if ref.id is not None or not ref.name:
            return Settled(ref.id), ref.name, None
        person = await self.references.record_if_any(REQUESTOR, ref, client_id)
        if person is None:
            return Settled(None), ref.name, ref.name
        return Settled(person.id, self.references.decision(ref, person)), None, None

    async def _requestor_by_email(
        self, email: str, name: str | None, client_id: ClientId
    ) -> tuple[Settled[UserId], str | None, str | None]:
        """One of the client's requestors with exactly this e-mail (2.42 resolves the e-mail too); none: the
        e-mail and name go as given, and TiFlux links or creates the requestor."""
        ref: Reference[UserId] = Reference("requestor_id", "requestor_email", name=email)
        person = await self.references.record_if_any(REQUESTOR, ref, client_id)
        if person is None or (person.email or "").casefold() != email.casefold():
            return Settled(None), name, None
        return Settled(person.id, self.references.decision(ref, person)), None, None
