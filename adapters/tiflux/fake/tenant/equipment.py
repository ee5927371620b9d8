"""Equipment: the list (maker and system only when asked), the detail, groups, types and software; creating
and changing one (its client never changes, its group must be one of its client's)."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.counted import Counted, counted
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import bad_request, validation_error
from adapters.tiflux.fake.tenant.inputs import is_int
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, Check, id_is, text_has
from adapters.tiflux.fake.tenant.routes import Route

EQUIPMENT = "/equipments/{equipment_id:int}"


class EquipmentArea:
    """The routes on equipment."""

    def __init__(self, state: TenantState) -> None:
        self._state = state
        tables = state.tables
        self._list: list[Json] = tables["equipments"]
        self._details = {int(key): value for key, value in tables["equipment_details"].items()}
        self._softwares = {int(key): value for key, value in tables["equipment_softwares"].items()}
        self._groups: list[Json] = tables["equipment_groups"]
        self._types: list[Json] = tables["equipment_types"]

    def list_equipments(
        self,
        *,
        client_id: int | None = None,
        include_manufacturer: bool | None = None,
        include_system: bool | None = None,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
    ) -> Counted:
        shown = [
            {
                key: value
                for key, value in item.items()
                if (key != "manufacturer" or include_manufacturer) and (key != "system" or include_system)
            }
            for item in self._list
        ]
        return counted(shown, [_client(client_id)], offset, limit)

    def get_equipment(self, equipment_id: int) -> Json:
        return copy.deepcopy(self._detail(equipment_id))

    def list_equipment_softwares(
        self, equipment_id: int, *, offset: int | None = None, limit: int | None = None
    ) -> list[Json]:
        if offset is not None or limit is not None:
            raise bad_request("this endpoint is not paginated: offset and limit are not accepted")
        self._detail(equipment_id)
        return copy.deepcopy(self._softwares.get(equipment_id, []))

    def list_equipment_groups(
        self, *, client_id: int | None = None, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> Counted:
        return counted(self._groups, [_client(client_id)], offset, limit)

    def list_equipment_types(
        self, *, name: str | None = None, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> Counted:
        return counted(self._types, [text_has("name", name)], offset, limit)

    def create_equipment(self, body: Mapping[str, Any]) -> Json:
        name = _text(body.get("name"), "name")
        client_id: Any = body.get("client_id")
        client = self._state.clients.get(client_id) if is_int(client_id) else None
        if client is None:
            raise validation_error("client_id must name a client")
        group_id = body.get("equipment_group_id")
        groups = [g for g in self._groups if g["client"]["id"] == client["id"]]
        record: Json = {
            "id": max(self._details, default=4000) + 1,
            "name": name,
            "client": {"id": client["id"], "name": client["name"]},
            "equipment_type": self._type(body.get("equipment_type_id")),
            "equipment_group": self._group(group_id, client["id"])
            if "equipment_group_id" in body
            else _first(groups),
            **_dates(body, {}),
        }
        template: Json = next(iter(self._details.values()))  # every detail has the same keys
        detail: Json = {key: ([] if key in _LISTS else None) for key in template} | record
        self._details[record["id"]] = detail
        self._list.append(
            {key: record[key] for key in ("id", "name", "client", "equipment_type", "equipment_group")}
            | {
                "agent": None,
                "online": None,
                "ipv4": None,
                "last_seen": None,
                "manufacturer": None,
                "system": None,
            }
        )
        return _written(detail)

    def update_equipment(self, equipment_id: int, body: Mapping[str, Any]) -> Json:
        detail = self._detail(equipment_id)
        changes: Json = {}
        if "name" in body:
            changes["name"] = _text(body["name"], "name")
        if "equipment_type_id" in body:
            changes["equipment_type"] = self._type(body["equipment_type_id"])
        if "equipment_group_id" in body:
            changes["equipment_group"] = self._group(body["equipment_group_id"], detail["client"]["id"])
        changes |= _dates(body, detail)
        detail.update(changes)
        listed = next(item for item in self._list if item["id"] == equipment_id)
        listed.update({key: value for key, value in changes.items() if key in listed})
        return _written(detail)

    def _type(self, type_id: Any) -> Json:
        found = next((t for t in self._types if is_int(type_id) and t["id"] == type_id), None)
        if found is None:
            raise validation_error("equipment_type_id must name an equipment type")
        return {"id": found["id"], "name": found["name"]}

    def _group(self, group_id: Any, client_id: int) -> Json:
        found = next((g for g in self._groups if is_int(group_id) and g["id"] == group_id), None)
        if found is None or found["client"]["id"] != client_id:
            raise validation_error("equipment_group_id must name a group of the equipment's client")
        return {"id": found["id"], "name": found["name"]}

    def _detail(self, equipment_id: int) -> Json:
        if equipment_id not in self._details:
            raise self._state.not_found("Equipment")
        found: Json = self._details[equipment_id]
        return found


ROUTES = (
    Route(
        "GET",
        "/equipments",
        EquipmentArea.list_equipments,
        {"client_id": "integer", "include_manufacturer": "boolean", "include_system": "boolean"},
        paged=True,
    ),
    Route("GET", EQUIPMENT, EquipmentArea.get_equipment),
    Route("POST", "/equipments", EquipmentArea.create_equipment, body="json"),
    Route("PUT", EQUIPMENT, EquipmentArea.update_equipment, body="json"),
    Route(
        "GET",
        f"{EQUIPMENT}/softwares",
        EquipmentArea.list_equipment_softwares,
        {"offset": "raw", "limit": "raw"},
    ),
    Route(
        "GET", "/equipment-groups", EquipmentArea.list_equipment_groups, {"client_id": "integer"}, paged=True
    ),
    Route("GET", "/equipment-types", EquipmentArea.list_equipment_types, {"name": "text"}, paged=True),
)


def _client(client_id: int | None) -> Check | None:
    """Keeps the records of one client; an id below 1 is a 422."""
    if client_id is not None and client_id < 1:
        raise validation_error("client_id must be greater than 0")
    return id_is("client", client_id)


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LISTS = frozenset({"disks", "disksmart", "network", "printer", "sound", "vga", "antivirus"})


def _text(value: Any, key: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 255:
        raise validation_error(f"{key} must be a text of 1 to 255 characters")
    return value.strip()


def _first(groups: list[Json]) -> Json | None:
    """Without a group, the API puts the equipment in its client's first group."""
    return {"id": groups[0]["id"], "name": groups[0]["name"]} if groups else None


def _dates(body: Mapping[str, Any], stored: Mapping[str, Any]) -> Json:
    """The dates sent (YYYY-MM-DD); the warranty never ends before the acquisition."""
    sent: Json = {}
    for key in ("acquisition_date", "warranty_date"):
        if key in body:
            value = body[key]
            if not isinstance(value, str) or not _DAY.match(value):
                raise validation_error(f"{key} must be a date YYYY-MM-DD")
            try:
                date.fromisoformat(value)
            except ValueError:
                raise validation_error(f"{key} must be a date YYYY-MM-DD") from None
            sent[key] = value
    merged = {**{k: stored.get(k) for k in ("acquisition_date", "warranty_date")}, **sent}
    bought, warranty = merged["acquisition_date"], merged["warranty_date"]
    if bought and warranty and warranty < bought:
        raise validation_error("warranty_date must be on or after acquisition_date")
    return {key: merged[key] for key in ("acquisition_date", "warranty_date")} if sent or not stored else {}


def _written(detail: Json) -> Json:
    """What POST and PUT answer: the record's identity and dates."""
    keys = ("id", "name", "client", "equipment_type", "equipment_group", "acquisition_date", "warranty_date")
    return copy.deepcopy({key: detail[key] for key in keys})
