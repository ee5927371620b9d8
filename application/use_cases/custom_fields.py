"""Exploring the custom-field catalogue: entities, their fields, and the options of select fields."""

from __future__ import annotations

from dataclasses import dataclass

from application.ports.custom_fields import CustomFieldsPort
from domain.custom_fields import AppliedIn, Entity, EntityField, EntityFieldOption, FieldType
from domain.ids import EntityFieldId, EntityId
from domain.paging import Page, PageRequest


@dataclass(frozen=True)
class ListEntities:
    """List entities (groups of custom fields), optionally by state, where they apply and name."""

    custom_fields: CustomFieldsPort

    async def __call__(
        self, *, active: bool | None, applied_in: AppliedIn | None, name: str | None, page: PageRequest
    ) -> Page[Entity]:
        return await self.custom_fields.entities(
            active=active, applied_in=applied_in.value if applied_in else None, name=name or None, page=page
        )


@dataclass(frozen=True)
class ListEntityFields:
    """List an entity's fields, optionally by type, by whether they are required and by name."""

    custom_fields: CustomFieldsPort

    async def __call__(
        self,
        entity_id: EntityId,
        *,
        field_type: FieldType | None,
        required: bool | None,
        name: str | None,
        page: PageRequest,
    ) -> Page[EntityField]:
        return await self.custom_fields.fields(
            entity_id,
            field_type=field_type.value if field_type else None,
            required=required,
            name=name or None,
            page=page,
        )


@dataclass(frozen=True)
class ListEntityFieldOptions:
    """List the options of a single-select or checkbox field, optionally by (part of) their text."""

    custom_fields: CustomFieldsPort

    async def __call__(
        self, field_id: EntityFieldId, *, value: str | None, page: PageRequest
    ) -> Page[EntityFieldOption]:
        return await self.custom_fields.options(field_id, value=value or None, page=page)


__all__ = ["ListEntities", "ListEntityFieldOptions", "ListEntityFields"]
