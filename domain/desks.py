"""Desks (mesas) and what belongs to them: stages, priorities and the services catalog."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from domain.ids import CatalogAreaId, CatalogId, CatalogItemId, DeskId, PriorityId, StageId


@dataclass(frozen=True)
class DeskSettings:
    """How a desk works, as its details describe it; None where TiFlux did not say.

    `others` keeps, in the order received, what TiFlux sent that this model does not name (a new key, or a
    known one holding a value of an unexpected kind), so nothing is lost.
    """

    description: str | None = None
    internal_desk: bool | None = None
    receiving_new_tickets: bool | None = None
    attendance_type: str | None = None
    only_attendants_can_open: bool | None = None
    user_without_access_create_ticket: bool | None = None
    cancelable_tickets: bool | None = None
    add_ticket_feedback: bool | None = None
    summary: bool | None = None
    reminder: bool | None = None
    desk_exchange: bool | None = None
    desk_with_sla: bool | None = None
    sla_goal: str | float | None = None
    can_stop_sla: bool | None = None
    ticket_with_sla_time: bool | None = None
    ticket_review: bool | None = None
    review_type: str | None = None
    default_revised: str | None = None
    can_reopen_revised_tickets: bool | None = None
    time_limit_to_reopening: str | float | None = None
    behavior_billed_tickets: str | None = None
    behavior_not_billed_tickets: str | None = None
    require_service_catalog_open_ticket: bool | None = None
    services_catalog_item: bool | None = None
    required_fields: tuple[str, ...] | None = None
    others: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Desk:
    """A service desk. `name` is the internal name, `display_name` what customers see."""

    id: DeskId
    name: str
    display_name: str | None = None
    active: bool = True
    appointment_type: str | None = None
    settings: DeskSettings = field(default_factory=DeskSettings)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name, self.display_name) if n)

    @property
    def label(self) -> str:
        return self.display_name or self.name


@dataclass(frozen=True)
class Stage:
    id: StageId
    name: str
    order: int | None = None
    first: bool = False
    last: bool = False
    max_time: str | None = None


@dataclass(frozen=True)
class Priority:
    id: PriorityId
    name: str
    order: int | None = None
    first_response_time: str | None = None
    resolution_time: str | None = None


@dataclass(frozen=True)
class ServicesCatalog:
    id: CatalogId
    name: str


@dataclass(frozen=True)
class CatalogArea:
    id: CatalogAreaId
    name: str


@dataclass(frozen=True)
class CatalogItem:
    """A selectable item of a desk's services catalog (catalog → area → item)."""

    id: CatalogItemId
    name: str
    area: CatalogArea | None = None
    catalog: ServicesCatalog | None = None
    start_time: str | None = None
    end_time: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name,) if n)
