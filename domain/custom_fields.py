"""Custom fields: an entity groups fields; select and checkbox fields have options."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from domain.ids import EntityFieldId, EntityFieldOptionId, EntityId


class FieldType(Enum):
    TEXT = "text"
    TEXT_AREA = "text_area"
    CURRENCY = "currency"
    PHONE = "phone"
    EMAIL = "email"
    LINK = "link"
    DATE = "date"
    SINGLE_SELECT = "single_select"
    CHECKBOX = "checkbox"

    @property
    def has_options(self) -> bool:
        return self in (FieldType.SINGLE_SELECT, FieldType.CHECKBOX)


class AppliedIn(Enum):
    TICKET = "ticket"
    CLIENT = "client"
    SOLICITANT = "solicitant"
    SERVICES_CATALOG = "services_catalog"
    SERVICES_CATALOGS_AREA = "services_catalogs_area"
    SERVICES_CATALOGS_ITEM = "services_catalogs_item"
    EQUIPMENT = "equipment"


@dataclass(frozen=True)
class Entity:
    id: EntityId
    name: str
    applied_in: str | None = None
    active: bool = True


@dataclass(frozen=True)
class EntityField:
    id: EntityFieldId
    name: str
    field_type: str
    required: bool = False

    @property
    def type(self) -> FieldType | None:
        try:
            return FieldType(self.field_type)
        except ValueError:
            return None


@dataclass(frozen=True)
class EntityFieldOption:
    id: EntityFieldOptionId
    value: str
    null_option: bool = False


@dataclass(frozen=True)
class MarkedOption:
    """An option selected on a ticket's select or checkbox field."""

    id: EntityFieldOptionId | None
    title: str | None
    value: str | None


@dataclass(frozen=True)
class FieldValue:
    """A custom field as filled on a ticket (value None means empty)."""

    field_id: EntityFieldId
    name: str
    field_type: str
    value: str | None
    required: bool = False
    options: Sequence[MarkedOption] = ()


@dataclass(frozen=True)
class EntityValues:
    """The values of one entity's fields on a ticket; `entity` is None when the API gives them flat."""

    entity_id: EntityId | None
    entity_name: str | None
    fields: Sequence[FieldValue]
