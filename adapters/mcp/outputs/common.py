"""Shapes several areas share: people, desks, stages, pages, tickets.

Outputs are TypedDicts, cheap to define at start-up; `adapters.mcp.structured` builds each validator on
first use. Every declared output refuses a field it does not declare: a shape change fails a test
(tests/unit/adapters/test_tools_snapshot.py) instead of reaching clients unnoticed.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, NotRequired, TypeVar

from pydantic import ConfigDict, with_config
from typing_extensions import TypedDict

# Every declared output refuses a field it does not declare, and a value of another type.
DECLARED = ConfigDict(extra="forbid", strict=True)


@with_config(DECLARED)
class TicketStatus(TypedDict):
    id: int
    name: str
    default_open: bool


@with_config(DECLARED)
class Priority(TypedDict):
    id: int
    name: str
    order: NotRequired[int]
    first_response_time: NotRequired[str]
    resolution_time: NotRequired[str]


@with_config(DECLARED)
class Desk(TypedDict):
    id: int
    name: str
    display_name: NotRequired[str]
    active: bool
    appointment_type: NotRequired[str]
    settings: NotRequired[dict[str, Any]]


@with_config(DECLARED)
class Stage(TypedDict):
    id: int
    name: str
    order: NotRequired[int]
    first: bool
    last: bool
    max_time: NotRequired[str]


@with_config(DECLARED)
class CatalogSelection(TypedDict):
    item_id: int
    item_name: NotRequired[str]
    area_id: NotRequired[int]
    area_name: NotRequired[str]
    catalog_id: NotRequired[int]
    catalog_name: NotRequired[str]


@with_config(DECLARED)
class User(TypedDict):
    id: int
    name: str
    email: NotRequired[str]
    type: NotRequired[Literal["admin", "attendant", "client"]]
    active: bool
    technical_group_id: NotRequired[int]
    client_id: NotRequired[int]


@with_config(DECLARED)
class Client(TypedDict):
    id: int
    name: str
    legal_name: NotRequired[str]
    active: bool


@with_config(DECLARED)
class PersonRef(TypedDict):
    id: NotRequired[int]
    name: NotRequired[str]
    email: NotRequired[str]


@with_config(DECLARED)
class Audit(TypedDict):
    created_at: NotRequired[str]
    created_by: NotRequired[PersonRef]
    created_via: NotRequired[str]
    updated_at: NotRequired[str]
    updated_by: NotRequired[PersonRef]


@with_config(DECLARED)
class SlaInfo(TypedDict):
    stopped: bool
    stage_expiration: NotRequired[str]
    attend_sla: NotRequired[bool]
    attend_expiration: NotRequired[str]
    solve_expiration: NotRequired[str]
    solved_in_time: NotRequired[bool]


@with_config(DECLARED)
class MarkedOption(TypedDict):
    id: NotRequired[int]
    title: NotRequired[str]
    value: NotRequired[str]


@with_config(DECLARED)
class FieldValue(TypedDict):
    field_id: int
    name: str
    field_type: str
    value: NotRequired[str]
    required: bool
    options: NotRequired[list[MarkedOption]]


@with_config(DECLARED)
class EntityValues(TypedDict):
    entity_id: NotRequired[int]
    entity_name: NotRequired[str]
    fields: NotRequired[list[FieldValue]]


@with_config(DECLARED)
class Ticket(TypedDict):
    number: int
    title: str
    description: NotRequired[str]
    status: NotRequired[TicketStatus]
    is_closed: bool
    priority: NotRequired[Priority]
    desk: NotRequired[Desk]
    stage: NotRequired[Stage]
    catalog: NotRequired[CatalogSelection]
    responsible: NotRequired[User]
    client: NotRequired[Client]
    requestor: NotRequired[PersonRef]
    audit: NotRequired[Audit]
    followers: NotRequired[list[str]]
    tags: NotRequired[list[str]]
    worked_hours: NotRequired[str]
    closed_at: NotRequired[str]
    reopen_count: int
    last_reopened_at: NotRequired[str]
    is_grouped: bool
    is_revised: bool
    sla: NotRequired[SlaInfo]
    internal_url: NotRequired[str]
    external_url: NotRequired[str]
    custom_fields: NotRequired[list[EntityValues]]


@with_config(DECLARED)
class PageRequest(TypedDict):
    number: int
    size: int
    asked: NotRequired[int]


@with_config(DECLARED)
class ServicesCatalog(TypedDict):
    id: int
    name: str


T = TypeVar("T")


@with_config(DECLARED)
class Page(TypedDict, Generic[T]):
    items: NotRequired[list[T]]
    request: PageRequest
    total: NotRequired[int]  # how many match in all, when TiFlux counts them (`x-total-items`)
