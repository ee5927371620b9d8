"""The custom-field catalogue (entities, fields, options) as the API sends it."""

from __future__ import annotations

from adapters.tiflux.wire.base import WireModel
from domain.custom_fields import Entity, EntityField, EntityFieldOption
from domain.ids import EntityFieldId, EntityFieldOptionId, EntityId


class EntityWire(WireModel):
    id: int
    name: str = ""
    applied_in: str | None = None
    active: bool = True

    def to_domain(self) -> Entity:
        return Entity(id=EntityId(self.id), name=self.name, applied_in=self.applied_in, active=self.active)


class EntityFieldWire(WireModel):
    id: int
    name: str = ""
    field_type: str = "text"
    required: bool = False

    def to_domain(self) -> EntityField:
        return EntityField(
            id=EntityFieldId(self.id), name=self.name, field_type=self.field_type, required=self.required
        )


class EntityFieldOptionWire(WireModel):
    id: int
    value: str = ""
    null_option: bool = False

    def to_domain(self) -> EntityFieldOption:
        return EntityFieldOption(
            id=EntityFieldOptionId(self.id), value=self.value, null_option=self.null_option
        )
