"""The ticket and the value objects it is made of."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from domain.custom_fields import EntityValues
from domain.desks import Desk, Priority, Stage
from domain.ids import CatalogAreaId, CatalogId, CatalogItemId, StatusId, TicketNumber
from domain.people import Client, PersonRef, User


@dataclass(frozen=True)
class TicketStatus:
    id: StatusId
    name: str
    default_open: bool = False


@dataclass(frozen=True)
class CatalogSelection:
    """The catalog item a ticket is classified under, with its area and catalog."""

    item_id: CatalogItemId
    item_name: str | None
    area_id: CatalogAreaId | None = None
    area_name: str | None = None
    catalog_id: CatalogId | None = None
    catalog_name: str | None = None


@dataclass(frozen=True)
class Audit:
    """Who created and last changed a ticket, when, and through which channel."""

    created_at: datetime | None = None
    created_by: PersonRef | None = None
    created_via: str | None = None
    updated_at: datetime | None = None
    updated_by: PersonRef | None = None


@dataclass(frozen=True)
class SlaInfo:
    stopped: bool = False
    stage_expiration: datetime | None = None
    attend_sla: bool | None = None
    attend_expiration: datetime | None = None
    solve_expiration: datetime | None = None
    solved_in_time: bool | None = None


@dataclass(frozen=True)
class Ticket:
    number: TicketNumber
    title: str
    description_html: str | None = None
    status: TicketStatus | None = None
    is_closed: bool = False
    priority: Priority | None = None
    desk: Desk | None = None
    stage: Stage | None = None
    catalog: CatalogSelection | None = None
    responsible: User | None = None
    client: Client | None = None
    requestor: PersonRef | None = None
    audit: Audit = field(default_factory=Audit)
    followers: Sequence[str] = ()
    tags: Sequence[str] = ()
    worked_hours: str | None = None
    closed_at: datetime | None = None
    reopen_count: int = 0
    last_reopened_at: datetime | None = None
    is_grouped: bool = False
    is_revised: bool = False
    sla: SlaInfo | None = None
    internal_url: str | None = None
    external_url: str | None = None
    custom_fields: Sequence[EntityValues] = ()
