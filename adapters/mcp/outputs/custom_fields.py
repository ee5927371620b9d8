"""Declared `structuredContent` of list_entities, list_entity_fields, list_entity_field_options."""

from __future__ import annotations

from typing import NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Page


@with_config(DECLARED)
class Entity(TypedDict):
    id: int
    name: str
    applied_in: NotRequired[str]
    active: bool


@with_config(DECLARED)
class EntityField(TypedDict):
    id: int
    name: str
    field_type: str
    required: bool


@with_config(DECLARED)
class EntityFieldOption(TypedDict):
    id: int
    value: str
    null_option: bool


ListEntitiesOutput = Page[Entity]

ListEntityFieldsOutput = Page[EntityField]

ListEntityFieldOptionsOutput = Page[EntityFieldOption]
