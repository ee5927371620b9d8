"""Changing a ticket: only what the person asked for, names resolved within the right desk."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import TypeVar

from application.commands import Assignment, TicketChanges
from application.concurrently import concurrently
from application.ports.rich_text import RichTextPort
from application.ports.tickets import TicketsPort
from application.resolvers import (
    CATALOG_ITEM,
    DESK,
    RESPONSIBLE,
    STAGE,
    Kind,
    References,
    Settled,
    decisions,
)
from domain.errors import InvalidInput
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
    "status_id",
    "followers",
    "catalog_item_id",
    "catalog_item_name",
    "responsible_id",
    "responsible_name",
)


# Each reference left out: its arguments, nothing given.
NO_DESK: Reference[DeskId] = Reference("desk_id", "desk_name")
NO_STAGE: Reference[StageId] = Reference("stage_id", "stage_name")
NO_CATALOG_ITEM: Reference[CatalogItemId] = Reference("services_catalogs_item_id", "catalog_item_name")
NO_RESPONSIBLE: Reference[UserId] = Reference("responsible_id", "responsible_name")


@dataclass(frozen=True)
class TicketEdit:
    """What a person asked to change; `unassign` means "no responsible any more"."""

    title: str | None = None
    description: str | None = None
    client_id: ClientId | None = None
    desk: Reference[DeskId] = NO_DESK
    stage: Reference[StageId] = NO_STAGE
    priority_id: PriorityId | None = None
    status_id: StatusId | None = None
    followers: Sequence[str] | None = None
    catalog_item: Reference[CatalogItemId] = NO_CATALOG_ITEM
    responsible: Reference[UserId] = NO_RESPONSIBLE
    unassign: bool = False

    @property
    def asks_nothing(self) -> bool:
        values = (
            self.title,
            self.description,
            self.client_id,
            self.priority_id,
            self.status_id,
            self.followers,
        )
        references = (self.desk, self.stage, self.catalog_item, self.responsible)
        return not self.unassign and all(v is None for v in values) and not any(r.given for r in references)


@dataclass(frozen=True)
class TicketUpdated:
    ticket: Ticket
    changed: tuple[str, ...]
    decisions: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class UpdateTicket:
    """Change a ticket; nothing to change is refused before any request.

    The responsible is looked up while the desk is, and stage and catalog item (within the desk) together;
    a failure is the one a lookup-by-lookup run would have met first.
    """

    tickets: TicketsPort
    references: References
    rich_text: RichTextPort

    async def __call__(self, number: TicketNumber, edit: TicketEdit) -> TicketUpdated:
        if edit.asks_nothing:
            raise InvalidInput("ticket_number", "nothing_to_update", {"fields": ", ".join(UPDATABLE_FIELDS)})
        (desk, stage, item), responsible = await concurrently(
            self._placement(number, edit), self.references.resolve(RESPONSIBLE, edit.responsible, None)
        )
        assignment = Assignment(responsible.id) if responsible.id is not None else None
        changes = TicketChanges(
            title=edit.title,
            description_html=await self.rich_text.to_html(edit.description)
            if edit.description is not None
            else None,
            client_id=edit.client_id,
            desk_id=desk.id,
            stage_id=stage.id,
            priority_id=edit.priority_id,
            status_id=edit.status_id,
            followers=tuple(edit.followers) if edit.followers is not None else None,
            catalog_item_id=item.id,
            responsible=Assignment(None) if edit.unassign else assignment,
        )
        await self.tickets.update(number, changes)
        ticket = await self.tickets.get(number)
        changed = tuple(f.name for f in fields(changes) if getattr(changes, f.name) is not None)
        return TicketUpdated(ticket, changed, decisions(desk, stage, item, responsible))

    async def _placement(
        self, number: TicketNumber, edit: TicketEdit
    ) -> tuple[Settled[DeskId], Settled[StageId], Settled[CatalogItemId]]:
        """(desk, stage, catalog item) to send: the desk first, then stage and item within it, together."""
        desk = await self.references.resolve(DESK, edit.desk, None)
        scope = desk.id
        if scope is None and (_by_name(edit.stage) or _by_name(edit.catalog_item)):
            scope = await self._current_desk(number)
        stage, item = await concurrently(
            self._within(STAGE, edit.stage, scope), self._within(CATALOG_ITEM, edit.catalog_item, scope)
        )
        return desk, stage, item

    async def _within(
        self, kind: Kind[T, IdT, DeskId], ref: Reference[IdT], scope: DeskId | None
    ) -> Settled[IdT]:
        if not _by_name(ref) or scope is None:
            return Settled(ref.id)
        return await self.references.resolve(kind, ref, scope)

    async def _current_desk(self, number: TicketNumber) -> DeskId:
        ticket = await self.tickets.get(number)
        if ticket.desk is None:
            raise InvalidInput("stage_name", "needs_desk")
        return ticket.desk.id


def _by_name(ref: Reference[IdT]) -> bool:
    return ref.id is None and bool(ref.name)
