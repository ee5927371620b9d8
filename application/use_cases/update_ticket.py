"""Changing a ticket: only what the person asked for, names resolved within the right desk."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import TypeVar

from application.commands import Assignment, TicketChanges
from application.concurrently import concurrently
from application.lookups import every_page
from application.ports.rich_text import RichTextPort
from application.ports.tickets import TicketsPort
from application.resolvers import (
    CATALOG_ITEM,
    DESK,
    PRIORITY,
    REQUESTOR,
    RESPONSIBLE,
    STAGE,
    Kind,
    References,
    Settled,
    decisions,
)
from domain.desks import Stage
from domain.errors import InvalidInput, Rejected
from domain.ids import CatalogItemId, ClientId, DeskId, PriorityId, StageId, StatusId, TicketNumber, UserId
from domain.resolution import Decision, Reference
from domain.tickets import Ticket

T = TypeVar("T")
IdT = TypeVar("IdT", bound=int)

UPDATABLE_FIELDS = (
    "title",
    "description",
    "client_id",
    "desk_id",
    "desk_name",
    "stage_id",
    "stage_name",
    "priority_id",
    "priority_name",
    "status_id",
    "followers",
    "catalog_item_id",
    "catalog_item_name",
    "responsible_id",
    "responsible_name",
    "requestor_id",
    "requestor_name",
)

# TiFlux's words in its 422s (v2.42/tickets.md §20.3) → the hint a person can act on.
REFUSAL_HINTS = (
    (("desk_id", "relationship"), "transfer_relationship"),
    (("services_catalogs_item_id", "catalog"), "transfer_catalog_required"),
    (("requestor_id", "requestor not found"), "requestor_not_found"),
    (("priority_change_reason",), "priority_change_reason"),
)


# Each reference left out: its arguments, nothing given.
NO_DESK: Reference[DeskId] = Reference("desk_id", "desk_name")
NO_STAGE: Reference[StageId] = Reference("stage_id", "stage_name")
NO_PRIORITY: Reference[PriorityId] = Reference("priority_id", "priority_name")
NO_CATALOG_ITEM: Reference[CatalogItemId] = Reference("services_catalogs_item_id", "catalog_item_name")
NO_RESPONSIBLE: Reference[UserId] = Reference("responsible_id", "responsible_name")
NO_REQUESTOR: Reference[UserId] = Reference("requestor_id", "requestor_name")


@dataclass(frozen=True)
class TicketEdit:
    """What a person asked to change; `unassign` means "no responsible any more"."""

    title: str | None = None
    description: str | None = None
    client_id: ClientId | None = None
    desk: Reference[DeskId] = NO_DESK
    stage: Reference[StageId] = NO_STAGE
    priority: Reference[PriorityId] = NO_PRIORITY
    priority_change_reason: str | None = None
    status_id: StatusId | None = None
    followers: Sequence[str] | None = None
    catalog_item: Reference[CatalogItemId] = NO_CATALOG_ITEM
    responsible: Reference[UserId] = NO_RESPONSIBLE
    requestor: Reference[UserId] = NO_REQUESTOR
    unassign: bool = False

    @property
    def asks_nothing(self) -> bool:
        values = (self.title, self.description, self.client_id, self.status_id, self.followers)
        references = (
            self.desk,
            self.stage,
            self.priority,
            self.catalog_item,
            self.responsible,
            self.requestor,
        )
        return not self.unassign and all(v is None for v in values) and not any(r.given for r in references)

    @property
    def transfers(self) -> bool:
        """A desk given is a transfer for TiFlux, even to the ticket's own desk."""
        return self.desk.given

    def check(self) -> None:
        """The rules TiFlux would refuse after the lookups, checked before any request."""
        if self.asks_nothing:
            raise InvalidInput("ticket_number", "nothing_to_update", {"fields": ", ".join(UPDATABLE_FIELDS)})
        reason = (self.priority_change_reason or "").strip()
        if reason and not self.priority.given:
            raise InvalidInput("priority_change_reason", "needs_priority")
        if self.priority.given and not self.transfers and not reason:
            raise InvalidInput("priority_change_reason", "required_with_priority")


@dataclass(frozen=True)
class TicketUpdated:
    ticket: Ticket
    changed: tuple[str, ...]
    decisions: tuple[Decision, ...] = ()
    first_stage: Stage | None = None  # picked for a transfer that named no stage
    reason_ignored: bool = False  # a priority change reason given during a transfer (TiFlux refuses it)


@dataclass(frozen=True)
class UpdateTicket:
    """Change a ticket; nothing to change, or a priority change without its reason, is refused before any
    request.

    The responsible is looked up while the desk is; stage, priority and catalog item (within the desk)
    together, after it; the requestor among the ticket's client's people. A transfer that names no stage
    goes to the target desk's first stage.
    """

    tickets: TicketsPort
    references: References
    rich_text: RichTextPort

    async def __call__(self, number: TicketNumber, edit: TicketEdit) -> TicketUpdated:
        edit.check()
        current = _CurrentTicket(self.tickets, number)
        (desk, stage, priority, item, first), responsible = await concurrently(
            self._placement(current, edit), self.references.resolve(RESPONSIBLE, edit.responsible, None)
        )
        requestor = await self._requestor(current, edit)
        assignment = Assignment(responsible.id) if responsible.id is not None else None
        reason = (edit.priority_change_reason or "").strip() or None
        changes = TicketChanges(
            title=edit.title,
            description_html=await self.rich_text.to_html(edit.description)
            if edit.description is not None
            else None,
            client_id=edit.client_id,
            desk_id=desk.id,
            stage_id=first.id if first is not None else stage.id,
            priority_id=priority.id,
            priority_change_reason=None if edit.transfers else reason,
            status_id=edit.status_id,
            followers=tuple(edit.followers) if edit.followers is not None else None,
            catalog_item_id=item.id,
            responsible=Assignment(None) if edit.unassign else assignment,
            requestor_id=requestor.id,
        )
        try:
            await self.tickets.update(number, changes)
        except Rejected as refusal:
            raise Rejected(refusal.messages, hint=_hint(refusal)) from refusal
        ticket = await self.tickets.get(number)
        changed = tuple(f.name for f in fields(changes) if getattr(changes, f.name) is not None)
        return TicketUpdated(
            ticket,
            changed,
            decisions(desk, stage, priority, item, responsible, requestor),
            first_stage=first,
            reason_ignored=edit.transfers and reason is not None,
        )

    async def _placement(
        self, current: _CurrentTicket, edit: TicketEdit
    ) -> tuple[Settled[DeskId], Settled[StageId], Settled[PriorityId], Settled[CatalogItemId], Stage | None]:
        """(desk, stage, priority, catalog item) to send, and the first stage a transfer lands on: the desk
        first, then the others within it, together."""
        desk = await self.references.resolve(DESK, edit.desk, None)
        scope = desk.id
        named = [
            ref.name_field
            for ref in (edit.stage, edit.priority, edit.catalog_item)
            if ref.id is None and ref.name
        ]
        if scope is None and named:
            scope = await current.desk_id(named[0])
        (stage, priority, item), first = await concurrently(
            concurrently(
                self._within(STAGE, edit.stage, scope),
                self._within(PRIORITY, edit.priority, scope),
                self._within(CATALOG_ITEM, edit.catalog_item, scope),
            ),
            self._first_stage(desk.id if not edit.stage.given else None),
        )
        return desk, stage, priority, item, first

    async def _within(
        self, kind: Kind[T, IdT, DeskId], ref: Reference[IdT], scope: DeskId | None
    ) -> Settled[IdT]:
        if not _by_name(ref) or scope is None:
            return Settled(ref.id)
        return await self.references.resolve(kind, ref, scope)

    async def _first_stage(self, desk_id: DeskId | None) -> Stage | None:
        """The target desk's stage flagged first, else the lowest in order, else the first listed (none is
        refused); None when no desk is given or a stage is."""
        if desk_id is None:
            return None
        stages = await every_page(lambda page: self.references.gateway.desks.stages(desk_id, page))
        if not stages:
            raise InvalidInput("desk_id", "desk_without_stages")
        flagged = [stage for stage in stages if stage.first]
        if flagged:
            return flagged[0]
        ordered = [stage for stage in stages if stage.order is not None]
        return min(ordered, key=lambda stage: stage.order or 0) if ordered else stages[0]

    async def _requestor(self, current: _CurrentTicket, edit: TicketEdit) -> Settled[UserId]:
        """The requestor by ID, or by name among the people of the ticket's (new) client."""
        if not _by_name(edit.requestor):
            return Settled(edit.requestor.id)
        client = edit.client_id or await current.client_id()
        return await self.references.resolve(REQUESTOR, edit.requestor, client)


class _CurrentTicket:
    """The ticket as it is, read once and only when a lookup needs its desk or client."""

    def __init__(self, tickets: TicketsPort, number: TicketNumber) -> None:
        self._tickets = tickets
        self._number = number
        self._ticket: Ticket | None = None

    async def _read(self) -> Ticket:
        if self._ticket is None:
            self._ticket = await self._tickets.get(self._number)
        return self._ticket

    async def desk_id(self, name_field: str) -> DeskId:
        ticket = await self._read()
        if ticket.desk is None:
            raise InvalidInput(name_field, "needs_desk")
        return ticket.desk.id

    async def client_id(self) -> ClientId | None:
        ticket = await self._read()
        return ticket.client.id if ticket.client else None


def _hint(refusal: Rejected) -> str | None:
    text = " ".join(refusal.messages).casefold()
    for words, hint in REFUSAL_HINTS:
        if all(word in text for word in words):
            return hint
    return refusal.hint


def _by_name(ref: Reference[IdT]) -> bool:
    return ref.id is None and bool(ref.name)
