"""Declared `structuredContent` of list_entities, list_entity_fields, list_entity_field_options."""

from __future__ import annotations

from typing import NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, PageRequest


@with_config(DECLARED)
class Entity(TypedDict):
    id: int
    name: str
    applied_in: NotRequired[str]
    active: bool


@with_config(DECLARED)
class EntityPage(TypedDict):
    items: NotRequired[list[Entity]]
    request: PageRequest


@with_config(DECLARED)
class EntityField(TypedDict):
    id: int
    name: str
    field_type: str
    required: bool


@with_config(DECLARED)
class EntityFieldPage(TypedDict):
    items: NotRequired[list[EntityField]]
    request: PageRequest


@with_config(DECLARED)
class EntityFieldOption(TypedDict):
    id: int
    value: str
    null_option: bool


@with_config(DECLARED)
class EntityFieldOptionPage(TypedDict):
    items: NotRequired[list[EntityFieldOption]]
    request: PageRequest


ListEntitiesOutput = EntityPage

ListEntityFieldsOutput = EntityFieldPage

ListEntityFieldOptionsOutput = EntityFieldOptionPage
