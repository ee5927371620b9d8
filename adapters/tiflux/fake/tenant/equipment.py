"""Equipment: the list (maker and system only when asked), the detail, groups, types and software."""

from __future__ import annotations

import copy

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.counted import Counted, counted
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import bad_request, validation_error
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, Check, id_is, text_has
from adapters.tiflux.fake.tenant.routes import Route

EQUIPMENT = "/equipments/{equipment_id:int}"


class EquipmentArea:
    """The routes on equipment (read-only here)."""

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
