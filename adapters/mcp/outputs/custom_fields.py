"""Declared `structuredContent` of list_entities, list_entity_fields, list_entity_field_options."""

from __future__ import annotations

from adapters.mcp.outputs.common import Output, PageRequest


class Entity(Output):
    id: int
    name: str
    applied_in: str | None = None
    active: bool


class EntityPage(Output):
    items: list[Entity] | None = None
    request: PageRequest


class EntityField(Output):
    id: int
    name: str
    field_type: str
    required: bool


class EntityFieldPage(Output):
    items: list[EntityField] | None = None
    request: PageRequest


class EntityFieldOption(Output):
    id: int
    value: str
    null_option: bool


class EntityFieldOptionPage(Output):
    items: list[EntityFieldOption] | None = None
    request: PageRequest


ListEntitiesOutput = EntityPage

ListEntityFieldsOutput = EntityFieldPage

ListEntityFieldOptionsOutput = EntityFieldOptionPage
