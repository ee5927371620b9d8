"""Desks, stages, priorities and the services catalog as the API sends them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pydantic import ConfigDict

from adapters.tiflux.wire.base import WireModel
from domain.desks import CatalogArea, CatalogItem, Desk, DeskSettings, Priority, ServicesCatalog, Stage
from domain.ids import CatalogAreaId, CatalogId, CatalogItemId, DeskId, PriorityId, StageId


class PriorityWire(WireModel):
    id: int
    name: str = ""
    order: int | None = None
    start_time: str | None = None
    end_time: str | None = None

    def to_domain(self) -> Priority:
        return Priority(
            id=PriorityId(self.id),
            name=self.name,
            order=self.order,
            first_response_time=self.start_time,
            resolution_time=self.end_time,
        )


class DeskWire(WireModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    id: int
    name: str = ""
    display_name: str | None = None
    active: bool = True
    appointment_type: str | None = None

    def to_domain(self) -> Desk:
        return Desk(
            id=DeskId(self.id),
            name=self.name,
            display_name=self.display_name,
            active=self.active,
            appointment_type=self.appointment_type,
            settings=desk_settings(self.model_extra or {}),
        )


class StageWire(WireModel):
    id: int
    name: str = ""
    index: int | None = None
    first_stage: bool = False
    last_stage: bool = False
    max_time: str | None = None

    def to_domain(self) -> Stage:
        return Stage(
            id=StageId(self.id),
            name=self.name,
            order=self.index,
            first=self.first_stage,
            last=self.last_stage,
            max_time=self.max_time,
        )


class CatalogWire(WireModel):
    id: int
    name: str = ""

    def to_domain(self) -> ServicesCatalog:
        return ServicesCatalog(id=CatalogId(self.id), name=self.name)


class AreaWire(WireModel):
    id: int
    name: str = ""


class CatalogItemWire(WireModel):
    id: int
    name: str = ""
    area: AreaWire | None = None
    catalog: CatalogWire | None = None
    start_time: str | None = None
    end_time: str | None = None

    def to_domain(self) -> CatalogItem:
        return CatalogItem(
            id=CatalogItemId(self.id),
            name=self.name,
            area=CatalogArea(CatalogAreaId(self.area.id), self.area.name) if self.area else None,
            catalog=self.catalog.to_domain() if self.catalog else None,
            start_time=self.start_time,
            end_time=self.end_time,
        )


def desk_settings(keys: Mapping[str, Any]) -> DeskSettings:
    """The configuration keys of `GET /desks/{id}` as typed fields; the rest kept aside, in order, as sent."""
    known: dict[str, Any] = {}
    others: dict[str, object] = {}
    for key, value in keys.items():
        read = _READERS.get(key)
        typed = read(value) if read else _UNFIT
        if typed is _UNFIT:
            others[key] = value
        else:
            known[key] = typed
    return DeskSettings(**known, others=others)


_UNFIT = object()  # a value of a kind the field does not take: kept under `others` instead


def _flag(value: Any) -> Any:
    return value if value is None or isinstance(value, bool) else _UNFIT


def _text(value: Any) -> Any:
    return value if value is None or isinstance(value, str) else _UNFIT


def _text_or_number(value: Any) -> Any:
    return value if value is None or isinstance(value, str | int | float) else _UNFIT


def _field_names(value: Any) -> Any:
    """A list of names, or the comma-separated text some desks send; null stays unknown."""
    if value is None:
        return None
    if isinstance(value, str):
        parts = [part for part in value.split(",") if part.strip()]
        return tuple(parts) if parts else ((value,) if value.strip() else None)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return _UNFIT


_READERS: dict[str, Callable[[Any], Any]] = {
    "description": _text,
    **dict.fromkeys(
        (
            "internal_desk",
            "receiving_new_tickets",
            "only_attendants_can_open",
            "user_without_access_create_ticket",
            "cancelable_tickets",
            "add_ticket_feedback",
            "summary",
            "reminder",
            "desk_exchange",
            "desk_with_sla",
            "can_stop_sla",
            "ticket_with_sla_time",
            "ticket_review",
            "can_reopen_revised_tickets",
            "require_service_catalog_open_ticket",
            "services_catalog_item",
        ),
        _flag,
    ),
    **dict.fromkeys(
        (
            "attendance_type",
            "review_type",
            "default_revised",
            "behavior_billed_tickets",
            "behavior_not_billed_tickets",
        ),
        _text,
    ),
    "sla_goal": _text_or_number,
    "time_limit_to_reopening": _text_or_number,
    "required_fields": _field_names,
}
