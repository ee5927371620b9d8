"""Custom fields: an entity groups fields; select and checkbox fields have options."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
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


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DECIMAL = re.compile(r"^-?\d+(\.\d{1,2})?$")
_DIGITS = re.compile(r"^\d{8,15}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LINK = re.compile(r"^(https?|ftp)://\S+$", re.IGNORECASE)


def value_problem(field_type: FieldType, value: str | None) -> str | None:
    """Why a value cannot go into a field of this type (a rule name), or None when it can.

    None always clears the field; whether the field may be cleared (required) is TiFlux's call.
    """
    if value is None:
        return None
    match field_type:
        case FieldType.DATE:
            if not _DATE.match(value):
                return "field_date"
            try:
                date.fromisoformat(value)
            except ValueError:
                return "field_date"
        case FieldType.CURRENCY if not _DECIMAL.match(value):
            return "field_currency"
        case FieldType.PHONE if not _DIGITS.match(value):
            return "field_phone"
        case FieldType.EMAIL if not _EMAIL.match(value):
            return "field_email"
        case FieldType.LINK if not _LINK.match(value):
            return "field_link"
        case FieldType.SINGLE_SELECT if not value.isdigit():
            return "field_single_select"
        case FieldType.CHECKBOX if value not in ("true", "false"):
            return "field_checkbox"
    return None
