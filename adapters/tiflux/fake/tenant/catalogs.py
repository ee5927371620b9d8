"""The organisation's service catalogs: catalogs, their areas, the areas' items (configuration routes).

Removals are soft in TiFlux and cascade (a catalog takes its areas and their items, an area its items);
here the removed records simply leave the tables. Names are unique among a catalog's siblings on create
(422 otherwise, `ERROR_422_services-catalog_name_taken.json`); item times are `HH:MM` with up to three
hour digits and the solution time never before the response time (422,
`ERROR_422_services-catalog-item_validation.json`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.counted import Counted, counted
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import FakeApiError
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, fold, text_has
from adapters.tiflux.fake.tenant.routes import Route

CATALOG = "/services-catalogs/{catalog_id:int}"
AREA = f"{CATALOG}/areas/{{area_id:int}}"
AREA_ITEMS = "/services-catalogs-areas/{area_id:int}/items"
ITEM = f"{AREA_ITEMS}/{{item_id:int}}"
_TIME = re.compile(r"^(\d{1,3}):([0-5]\d)$")


def field_errors(errors: Mapping[str, list[str]]) -> FakeApiError:
    """A 422 naming the fields, in the shape of the catalog fixtures."""
    return FakeApiError(422, {"message": "Validation failed", "error_code": 42202, "detail": dict(errors)})


class CatalogsArea:
    """The routes on the organisation's catalogs, areas and items."""

    def __init__(self, state: TenantState) -> None:
        self._state = state
        tables = state.tables
        self._catalogs: dict[int, Json] = {c["id"]: c for c in tables["organisation_catalogs"]}
        self._areas: dict[int, list[Json]] = {int(k): v for k, v in tables["catalog_areas"].items()}
        self._items: dict[int, list[Json]] = {int(k): v for k, v in tables["catalog_area_items"].items()}

    # --- catalogs

    def list_catalogs(
        self, *, name: str | None = None, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> Counted:
        return counted(self._in_order(self._catalogs), [text_has("name", name)], offset, limit)

    def create_catalog(self, body: Mapping[str, Any]) -> Json:
        name = _name(_wrapped(body, "services_catalog"))
        _unique(name, self._catalogs.values())
        catalog: Json = {"id": max(self._catalogs, default=0) + 1, "name": name}
        self._catalogs[catalog["id"]] = catalog
        self._areas[catalog["id"]] = []
        return copy.deepcopy(catalog)

    def update_catalog(self, catalog_id: int, body: Mapping[str, Any]) -> Json:
        catalog = self._catalog(catalog_id)
        catalog["name"] = _name(_wrapped(body, "services_catalog"))
        for area in self._areas.get(catalog_id, []):
            area["services_catalog"] = dict(catalog)
            for item in self._items.get(area["id"], []):
                item["services_catalog"] = dict(catalog)
        return copy.deepcopy(catalog)

    def delete_catalog(self, catalog_id: int) -> None:
        self._catalog(catalog_id)
        for area in self._areas.pop(catalog_id, []):
            self._items.pop(area["id"], None)
        del self._catalogs[catalog_id]

    # --- areas

    def list_areas(
        self, catalog_id: int, *, name: str | None = None, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> Counted:
        self._catalog(catalog_id)
        return counted(self._areas.get(catalog_id, []), [text_has("name", name)], offset, limit)

    def create_area(self, catalog_id: int, body: Mapping[str, Any]) -> Json:
        catalog = self._catalog(catalog_id)
        siblings = self._areas.setdefault(catalog_id, [])
        name = _name(_wrapped(body, "area"))
        _unique(name, siblings)
        taken = {area["id"] for areas in self._areas.values() for area in areas}
        ident = max((area["id"] for area in siblings), default=catalog_id * 10) + 1
        if ident in taken:
            ident = max(taken) + 1
        area: Json = {"id": ident, "name": name, "services_catalog": dict(catalog)}
        siblings.append(area)
        self._items[ident] = []
        return copy.deepcopy(area)

    def update_area(self, catalog_id: int, area_id: int, body: Mapping[str, Any]) -> Json:
        area = self._area_of(catalog_id, area_id)
        area["name"] = _name(_wrapped(body, "area"))
        for item in self._items.get(area_id, []):
            item["services_catalogs_area"] = {"id": area_id, "name": area["name"]}
        return copy.deepcopy(area)

    def delete_area(self, catalog_id: int, area_id: int) -> None:
        area = self._area_of(catalog_id, area_id)
        self._areas[catalog_id].remove(area)
        self._items.pop(area_id, None)

    # --- items

    def list_items(
        self, area_id: int, *, name: str | None = None, offset: int = 1, limit: int = DEFAULT_LIMIT
    ) -> Counted:
        self._area(area_id)
        return counted(self._items.get(area_id, []), [text_has("name", name)], offset, limit)

    def create_item(self, area_id: int, body: Mapping[str, Any]) -> Json:
        area = self._area(area_id)
        fields = _wrapped(body, "item")
        errors: dict[str, list[str]] = {}
        for key in ("name", "start_time", "end_time"):
            if not isinstance(fields.get(key), str) or not fields[key].strip():
                errors.setdefault(key, []).append("não pode ficar em branco")
        _check_times(fields, errors)
        if errors:
            raise field_errors(errors)
        every = [item["id"] for items in self._items.values() for item in items]
        item: Json = {
            "id": max(every, default=0) + 1,
            "name": fields["name"].strip(),
            "start_time": fields["start_time"],
            "end_time": fields["end_time"],
            "services_catalogs_area": {"id": area["id"], "name": area["name"]},
            "services_catalog": dict(area["services_catalog"]),
        }
        self._items.setdefault(area_id, []).append(item)
        return copy.deepcopy(item)

    def update_item(self, area_id: int, item_id: int, body: Mapping[str, Any]) -> Json:
        item = self._item(area_id, item_id)
        fields = _wrapped(body, "item")
        errors: dict[str, list[str]] = {}
        if "name" in fields and (not isinstance(fields["name"], str) or not fields["name"].strip()):
            errors["name"] = ["não pode ficar em branco"]
        _check_times(fields, errors, item)
        if errors:
            raise field_errors(errors)
        item.update({key: fields[key] for key in ("name", "start_time", "end_time") if key in fields})
        return copy.deepcopy(item)

    def delete_item(self, area_id: int, item_id: int) -> None:
        item = self._item(area_id, item_id)
        self._items[area_id].remove(item)

    # --- lookups

    def _catalog(self, catalog_id: int) -> Json:
        if catalog_id not in self._catalogs:
            raise self._state.not_found("Services catalog")
        return self._catalogs[catalog_id]

    def _area_of(self, catalog_id: int, area_id: int) -> Json:
        self._catalog(catalog_id)
        for area in self._areas.get(catalog_id, []):
            if area["id"] == area_id:
                return area
        raise self._state.not_found("Services catalogs area")

    def _area(self, area_id: int) -> Json:
        for areas in self._areas.values():
            for area in areas:
                if area["id"] == area_id:
                    return area
        raise self._state.not_found("Services catalogs area")

    def _item(self, area_id: int, item_id: int) -> Json:
        self._area(area_id)
        for item in self._items.get(area_id, []):
            if item["id"] == item_id:
                return item
        raise self._state.not_found("Services catalogs item")

    @staticmethod
    def _in_order(table: Mapping[int, Json]) -> list[Json]:
        return [table[ident] for ident in sorted(table)]


ROUTES = (
    Route("GET", "/services-catalogs", CatalogsArea.list_catalogs, {"name": "text"}, paged=True),
    Route("POST", "/services-catalogs", CatalogsArea.create_catalog, body="json"),
    Route("PUT", CATALOG, CatalogsArea.update_catalog, body="json"),
    Route("DELETE", CATALOG, CatalogsArea.delete_catalog),
    Route("GET", f"{CATALOG}/areas", CatalogsArea.list_areas, {"name": "text"}, paged=True),
    Route("POST", f"{CATALOG}/areas", CatalogsArea.create_area, body="json"),
    Route("PUT", AREA, CatalogsArea.update_area, body="json"),
    Route("DELETE", AREA, CatalogsArea.delete_area),
    Route("GET", AREA_ITEMS, CatalogsArea.list_items, {"name": "text"}, paged=True),
    Route("POST", AREA_ITEMS, CatalogsArea.create_item, body="json"),
    Route("PUT", ITEM, CatalogsArea.update_item, body="json"),
    Route("DELETE", ITEM, CatalogsArea.delete_item),
)


def _wrapped(body: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    """The fields under `key` (`{"area": {…}}`); a body without them is a 422."""
    fields = body.get(key)
    if not isinstance(fields, dict):
        raise field_errors({key: ["é obrigatório"]})
    return fields


def _name(fields: Mapping[str, Any]) -> str:
    name = fields.get("name")
    if not isinstance(name, str) or not name.strip():
        raise field_errors({"name": ["não pode ficar em branco"]})
    return name.strip()


def _unique(name: str, siblings: Any) -> None:
    if any(fold(sibling["name"]) == fold(name) for sibling in siblings):
        raise field_errors({"name": ["já está em uso"]})


def _minutes(value: Any) -> int | None:
    found = _TIME.match(value) if isinstance(value, str) else None
    return int(found.group(1)) * 60 + int(found.group(2)) if found else None


def _check_times(
    sent: Mapping[str, Any], errors: dict[str, list[str]], stored: Mapping[str, Any] | None = None
) -> None:
    """Each time sent must be HH:MM (hours up to 999); the end never before the start (stored or sent)."""
    for key in ("start_time", "end_time"):
        if key in sent and key not in errors and _minutes(sent[key]) is None:
            errors.setdefault(key, []).append("deve estar no formato HH:MM")
    merged = {**(stored or {}), **sent}
    start, end = _minutes(merged.get("start_time")), _minutes(merged.get("end_time"))
    if start is not None and end is not None and end < start and "end_time" not in errors:
        errors.setdefault("end_time", []).append("deve ser maior ou igual ao start_time")
