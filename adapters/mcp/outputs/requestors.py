"""Declared `structuredContent` of search_requestor, list_requestors, get_requestor, search_technical_user and
list_departments."""

from __future__ import annotations

from typing import NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Client, EntityValues, Page
from adapters.mcp.outputs.custom_fields import EntityField, EntityFieldOption


@with_config(DECLARED)
class RequestorClient(TypedDict):
    id: int
    name: NotRequired[str]


@with_config(DECLARED)
class Requestor(TypedDict):
    id: int
    name: str
    email: NotRequired[str]
    telephone: NotRequired[str]
    extension: NotRequired[str]
    can_open_ticket: NotRequired[bool]
    client: NotRequired[RequestorClient]
    created_at: NotRequired[str]
    updated_at: NotRequired[str]
    custom_fields: NotRequired[list[EntityValues]]


@with_config(DECLARED)
class RequestorFilter(TypedDict):
    name: NotRequired[str]
    email: NotRequired[str]
    telephone: NotRequired[str]
    extension: NotRequired[str]
    can_open_ticket: NotRequired[bool]


@with_config(DECLARED)
class RequestorSearch(TypedDict):
    criteria: NotRequired[RequestorFilter]
    page: Page[Requestor]
    client_id: NotRequired[int]
    client: NotRequired[Client]
    global_denied: bool


@with_config(DECLARED)
class ClientRequestors(TypedDict):
    client_id: int
    criteria: NotRequired[RequestorFilter]
    page: Page[Requestor]
    client: NotRequired[Client]


@with_config(DECLARED)
class RequestorCard(TypedDict):
    requestor: Requestor
    with_fields: bool
    client: NotRequired[Client]


@with_config(DECLARED)
class RequestorWritten(TypedDict):
    requestor: Requestor
    client_id: int
    changed: NotRequired[list[str]]
    client: NotRequired[Client]


@with_config(DECLARED)
class TechnicalUser(TypedDict):
    id: int
    name: str
    email: NotRequired[str]


@with_config(DECLARED)
class TechnicalUserCriteria(TypedDict):
    name: NotRequired[str]
    email: NotRequired[str]
    desk_id: NotRequired[int]
    client_id: NotRequired[int]


@with_config(DECLARED)
class TechnicalUserPage(TypedDict):
    criteria: NotRequired[TechnicalUserCriteria]
    page: Page[TechnicalUser]


@with_config(DECLARED)
class Department(TypedDict):
    id: int
    name: str


@with_config(DECLARED)
class DepartmentPage(TypedDict):
    name: NotRequired[str]
    page: Page[Department]


SearchRequestorOutput = RequestorSearch

ListRequestorsOutput = ClientRequestors

GetRequestorOutput = RequestorCard

CreateRequestorOutput = RequestorWritten

UpdateRequestorOutput = RequestorWritten

SearchTechnicalUserOutput = TechnicalUserPage

ListDepartmentsOutput = DepartmentPage


@with_config(DECLARED)
class FieldNameDecision(TypedDict):
    # What a name became (no docstring: it would become the schema's description).
    field: str
    term: str
    record: Client | EntityField | EntityFieldOption
    picked: bool


@with_config(DECLARED)
class RequestorFieldsUpdated(TypedDict):
    client_id: int
    requestor_id: int
    sent: int
    fields: NotRequired[list[EntityValues]]
    client: NotRequired[Client]
    decisions: NotRequired[list[FieldNameDecision]]


UpdateRequestorEntitiesOutput = RequestorFieldsUpdated
