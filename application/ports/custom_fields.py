"""The custom-fields area of TiFlux: entity → field → option."""

from __future__ import annotations

from typing import Protocol

from domain.custom_fields import Entity, EntityField, EntityFieldOption
from domain.ids import EntityFieldId, EntityId
from domain.paging import Page, PageRequest


class CustomFieldsPort(Protocol):
    """Reads the custom-field catalogue."""

    async def entities(
        self, *, active: bool | None, applied_in: str | None, name: str | None, page: PageRequest
    ) -> Page[Entity]:
        """One page of entities (groups of custom fields)."""
        ...

    async def fields(
        self,
        entity_id: EntityId,
        *,
        field_type: str | None,
        required: bool | None,
        name: str | None,
        page: PageRequest,
    ) -> Page[EntityField]:
        """One page of an entity's fields; NotFound if the entity is absent."""
        ...

    async def options(
        self, field_id: EntityFieldId, *, value: str | None, page: PageRequest
    ) -> Page[EntityFieldOption]:
        """One page of a select or checkbox field's options."""
        ...
