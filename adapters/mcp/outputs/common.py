"""Shapes several areas share: people, desks, stages, pages, tickets.

Every output model refuses a field it does not declare: a shape change fails a test (tests/unit/adapters/
test_tools_snapshot.py) instead of reaching clients unnoticed.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

# In search_user's order: typing caches `Literal[...] | None` by value, so a differently ordered copy here
# would reorder the enum that `tools/list` shows for search_user's `type`.
UserTypeCode = Literal["client", "attendant", "admin"]


class Output(BaseModel):
    """Base of every declared output: a field it does not declare, or a value of another type, is refused."""

    model_config = ConfigDict(extra="forbid", strict=True)


class TicketStatus(Output):
    id: int
    name: str
    default_open: bool


class Priority(Output):
    id: int
    name: str
    order: int | None = None
    first_response_time: str | None = None
    resolution_time: str | None = None


class Desk(Output):
    id: int
    name: str
    display_name: str | None = None
    active: bool
    appointment_type: str | None = None
    settings: dict[str, Any] | None = None


class Stage(Output):
    id: int
    name: str
    order: int | None = None
    first: bool
    last: bool
    max_time: str | None = None


class CatalogSelection(Output):
    item_id: int
    item_name: str | None = None
    area_id: int | None = None
    area_name: str | None = None
    catalog_id: int | None = None
    catalog_name: str | None = None


class User(Output):
    id: int
    name: str
    email: str | None = None
    type: UserTypeCode | None = None
    active: bool
    technical_group_id: int | None = None
    client_id: int | None = None


class Client(Output):
    id: int
    name: str
    legal_name: str | None = None
    active: bool


class PersonRef(Output):
    id: int | None = None
    name: str | None = None
    email: str | None = None


class Audit(Output):
    created_at: str | None = None
    created_by: PersonRef | None = None
    created_via: str | None = None
    updated_at: str | None = None
    updated_by: PersonRef | None = None


class SlaInfo(Output):
    stopped: bool
    stage_expiration: str | None = None
    attend_sla: bool | None = None
    attend_expiration: str | None = None
    solve_expiration: str | None = None
    solved_in_time: bool | None = None


class MarkedOption(Output):
    id: int | None = None
    title: str | None = None
    value: str | None = None


class FieldValue(Output):
    field_id: int
    name: str
    field_type: str
    value: str | None = None
    required: bool
    options: list[MarkedOption] | None = None


class EntityValues(Output):
    entity_id: int | None = None
    entity_name: str | None = None
    fields: list[FieldValue] | None = None


class Ticket(Output):
    number: int
    title: str
    description: str | None = None
    status: TicketStatus | None = None
    is_closed: bool
    priority: Priority | None = None
    desk: Desk | None = None
    stage: Stage | None = None
    catalog: CatalogSelection | None = None
    responsible: User | None = None
    client: Client | None = None
    requestor: PersonRef | None = None
    audit: Audit | None = None
    followers: list[str] | None = None
    tags: list[str] | None = None
    worked_hours: str | None = None
    closed_at: str | None = None
    reopen_count: int
    last_reopened_at: str | None = None
    is_grouped: bool
    is_revised: bool
    sla: SlaInfo | None = None
    internal_url: str | None = None
    external_url: str | None = None
    custom_fields: list[EntityValues] | None = None


class PageRequest(Output):
    number: int
    size: int
    asked: int | None = None


class ServicesCatalog(Output):
    id: int
    name: str
