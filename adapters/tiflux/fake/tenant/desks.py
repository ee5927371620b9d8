"""Desks and what hangs on them: priorities, services catalogs and their items, stages."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Literal

from adapters.tiflux.fake.tenant.bodies import Json, ref
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.inputs import pick
from adapters.tiflux.fake.tenant.matching import (
    DEFAULT_LIMIT,
    Check,
    contains,
    field_is,
    id_is,
    in_id_order,
    listed,
    page,
)
from adapters.tiflux.fake.tenant.routes import DESK, Route

DESK_LIST_KEYS = ("id", "name", "display_name", "active", "appointment_type")


class DesksArea:
    """The routes on desks, and the desks and stages tickets may move to."""

    def __init__(self, state: TenantState) -> None:
        self._state = state

    def list_desks(
        self,
        *,
        active: bool | None = None,
        name: str | None = None,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
    ) -> list[Json]:
        desks = [ref(desk, *DESK_LIST_KEYS) for desk in in_id_order(self._state.desks)]
        return listed(desks, [field_is("active", active), _named(name)], offset, limit)

    def get_desk(self, desk_id: int) -> Json:
        return copy.deepcopy(self._state.desk(desk_id))

    def list_desk_priorities(
        self, desk_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> list[Json]:
        return self._per_desk(self._state.priorities, desk_id, offset, limit)

    def list_desk_services_catalogs(
        self, desk_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> list[Json]:
        return self._per_desk(self._state.catalogs, desk_id, offset, limit)

    def list_desk_stages(self, desk_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT) -> list[Json]:
        return self._per_desk(self._state.stages, desk_id, offset, limit)

    def list_desk_catalog_items(
        self,
        desk_id: int,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        area_id: int | None = None,
        catalog_id: int | None = None,
        name: str | None = None,
    ) -> list[Json]:
        self._state.desk(desk_id)
        checks = [id_is("area", area_id), id_is("catalog", catalog_id), _catalog_item_named(name)]
        return listed(self._state.catalog_items.get(desk_id, []), checks, offset, limit)

    def writable(self, desk_id: int | None) -> Json:
        """The active desk a ticket may go to, else 422."""
        desk = pick(self._state.desks.values(), desk_id or 0, "desk_id")
        if not desk["active"]:
            raise validation_error(f"desk_id {desk_id} is inactive")
        return desk

    def edge_stage(self, desk_id: int, flag: Literal["first_stage", "last_stage"]) -> Json:
        """The stage of a desk flagged first (or last), else the lowest (or highest) one."""
        stages = sorted(self._state.stages.get(desk_id, []), key=lambda stage: stage["index"])
        flagged = [stage for stage in stages if stage[flag]]
        if flagged:
            return flagged[0]
        if not stages:
            raise validation_error(f"desk {desk_id} has no stages")
        return stages[0] if flag == "first_stage" else stages[-1]

    def _per_desk(self, table: Mapping[int, list[Json]], desk_id: int, offset: int, limit: int) -> list[Json]:
        self._state.desk(desk_id)
        return page(table.get(desk_id, []), offset, limit)


ROUTES = (
    Route("GET", "/desks", DesksArea.list_desks, {"active": "boolean", "name": "text"}, paged=True),
    Route("GET", DESK, DesksArea.get_desk),
    Route("GET", f"{DESK}/priorities", DesksArea.list_desk_priorities, paged=True),
    Route("GET", f"{DESK}/services-catalogs", DesksArea.list_desk_services_catalogs, paged=True),
    Route("GET", f"{DESK}/stages", DesksArea.list_desk_stages, paged=True),
    Route(
        "GET",
        f"{DESK}/services-catalogs-items",
        DesksArea.list_desk_catalog_items,
        {"area_id": "integer", "catalog_id": "integer", "name": "text"},
        paged=True,
    ),
)


def _named(name: str | None) -> Check | None:
    """Keeps desks whose name or display name is ``name``, ignoring case and surrounding blanks."""
    if not name:
        return None
    wanted = name.strip().casefold()
    return lambda desk: wanted in (desk["name"].casefold(), desk["display_name"].casefold())


def _catalog_item_named(name: str | None) -> Check | None:
    """Keeps catalog items whose name, area or catalog contains ``name``."""
    if not name:
        return None
    return lambda item: any(
        contains(text, name) for text in (item["name"], item["area"]["name"], item["catalog"]["name"])
    )
