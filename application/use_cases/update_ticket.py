"""Changing a ticket: only what the person asked for, names resolved within the right desk."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

from application.commands import Assignment, TicketChanges
from application.concurrently import concurrently
from application.ports.desks import DesksPort
from application.ports.people import PeoplePort
from application.ports.rich_text import RichTextPort
from application.ports.tickets import TicketsPort
from application.resolvers import (
    CatalogItemResolver,
    DeskResolver,
    ResponsibleResolver,
    StageResolver,
    desk_label,
    item_label,
    stage_label,
    user_label,
)
from application.use_cases.create_ticket import NameDecision
from domain.desks import CatalogItem, Stage
from domain.errors import InvalidInput
from domain.ids import CatalogItemId, ClientId, DeskId, PriorityId, StageId, StatusId, TicketNumber, UserId
from domain.resolution import settle
from domain.tickets import Ticket

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


@dataclass(frozen=True)
class TicketEdit:
    """What a person asked to change; `unassign` means "no responsible any more"."""

    title: str | None = None
    description: str | None = None
    client_id: ClientId | None = None
    desk_id: DeskId | None = None
    desk_name: str | None = None
    stage_id: StageId | None = None
    stage_name: str | None = None
    priority_id: PriorityId | None = None
    status_id: StatusId | None = None
    followers: Sequence[str] | None = None
    catalog_item_id: CatalogItemId | None = None
    catalog_item_name: str | None = None
    responsible_id: UserId | None = None
    responsible_name: str | None = None
    unassign: bool = False

    @property
    def asks_nothing(self) -> bool:
        return not self.unassign and all(
            getattr(self, f.name) is None for f in fields(self) if f.name != "unassign"
        )


@dataclass(frozen=True)
class TicketUpdated:
    ticket: Ticket
    changed: tuple[str, ...]
    decisions: tuple[NameDecision, ...] = ()


@dataclass(frozen=True)
class UpdateTicket:
    """Change a ticket; nothing to change is refused before any request.

    The responsible is looked up while the desk is, and stage and catalog item (within the desk) together;
    a failure is the one a lookup-by-lookup run would have met first.
    """

    tickets: TicketsPort
    desks: DesksPort
    people: PeoplePort
    rich_text: RichTextPort

    async def __call__(self, number: TicketNumber, edit: TicketEdit) -> TicketUpdated:
        if edit.asks_nothing:
            raise InvalidInput("ticket_number", "nothing_to_update", {"fields": ", ".join(UPDATABLE_FIELDS)})
        (desk_id, stage_id, item_id, placed), (responsible, assigned) = await concurrently(
            self._placement(number, edit), self._responsible(edit)
        )
        decisions = [*placed, *assigned]
        changes = TicketChanges(
            title=edit.title,
            description_html=await self.rich_text.to_html(edit.description)
            if edit.description is not None
            else None,
            client_id=edit.client_id,
            desk_id=desk_id,
            stage_id=stage_id,
            priority_id=edit.priority_id,
            status_id=edit.status_id,
            followers=tuple(edit.followers) if edit.followers is not None else None,
            catalog_item_id=item_id,
            responsible=responsible,
        )
        await self.tickets.update(number, changes)
        ticket = await self.tickets.get(number)
        changed = tuple(f.name for f in fields(changes) if getattr(changes, f.name) is not None)
        return TicketUpdated(ticket, changed, tuple(decisions))

    async def _placement(
        self, number: TicketNumber, edit: TicketEdit
    ) -> tuple[DeskId | None, StageId | None, CatalogItemId | None, list[NameDecision]]:
        """(desk, stage, catalog item) to send: the desk first, then stage and item within it, together."""
        decisions: list[NameDecision] = []
        desk_id = edit.desk_id
        if desk_id is None and edit.desk_name:
            desk = settle(await DeskResolver(self.desks).resolve(edit.desk_name), "desk")
            decisions.append(NameDecision("desk_name", edit.desk_name, desk_label(desk)))
            desk_id = desk.id
        scope = desk_id
        if scope is None and (
            (edit.stage_name and edit.stage_id is None)
            or (edit.catalog_item_name and edit.catalog_item_id is None)
        ):
            scope = await self._current_desk(number)
        stage, item = await concurrently(self._stage(edit, scope), self._catalog_item(edit, scope))
        if stage is not None:
            decisions.append(NameDecision("stage_name", edit.stage_name or "", stage_label(stage)))
        if item is not None:
            decisions.append(
                NameDecision("catalog_item_name", edit.catalog_item_name or "", item_label(item))
            )
        stage_id = stage.id if stage is not None else edit.stage_id
        item_id = item.id if item is not None else edit.catalog_item_id
        return desk_id, stage_id, item_id, decisions

    async def _stage(self, edit: TicketEdit, scope: DeskId | None) -> Stage | None:
        if edit.stage_id is not None or not edit.stage_name or scope is None:
            return None
        return settle(await StageResolver(self.desks).resolve(scope, edit.stage_name), "stage")

    async def _catalog_item(self, edit: TicketEdit, scope: DeskId | None) -> CatalogItem | None:
        if edit.catalog_item_id is not None or not edit.catalog_item_name or scope is None:
            return None
        outcome = await CatalogItemResolver(self.desks).resolve(scope, edit.catalog_item_name)
        return settle(outcome, "catalog_item")

    async def _current_desk(self, number: TicketNumber) -> DeskId:
        ticket = await self.tickets.get(number)
        if ticket.desk is None:
            raise InvalidInput("stage_name", "needs_desk")
        return ticket.desk.id

    async def _responsible(self, edit: TicketEdit) -> tuple[Assignment | None, list[NameDecision]]:
        if edit.unassign:
            return Assignment(None), []
        if edit.responsible_id is not None:
            return Assignment(edit.responsible_id), []
        if edit.responsible_name:
            user = settle(
                await ResponsibleResolver(self.people).resolve(edit.responsible_name), "responsible"
            )
            decision = NameDecision("responsible_name", edit.responsible_name, user_label(user))
            return Assignment(user.id), [decision]
        return None, []
