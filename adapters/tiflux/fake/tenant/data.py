"""The tenant's data: loading the data set and the state every area of the tenant shares."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from importlib import resources
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json, ref
from adapters.tiflux.fake.tenant.errors import FakeApiError
from adapters.tiflux.fake.tenant.moments import aware, iso, utc_now

DATA_PACKAGE = "adapters.tiflux.fake"
API_ORIGIN = "Tiflux API"


def load_demo_data() -> Json:
    """Every ``data/*.json`` file of the demo tenant (one per area) merged into one fresh dict; two files
    may not define the same table."""
    folder = resources.files(DATA_PACKAGE).joinpath("data")
    data: Json = {}
    for name in sorted(item.name for item in folder.iterdir() if item.name.endswith(".json")):
        part = json.loads(folder.joinpath(name).read_text(encoding="utf-8"))
        clash = data.keys() & part.keys()
        if clash:
            raise ValueError(f"{name} redefines {sorted(clash)}")
        data.update(part)
    return data


def next_id(tables: Mapping[int, Sequence[Json]], *, first: int = 1) -> int:
    """One more than the highest id in a per-ticket table, or ``first`` when it holds none."""
    return max((item["id"] for items in tables.values() for item in items), default=first - 1) + 1


def _by_id(items: Iterable[Json]) -> dict[int, Json]:
    return {item["id"]: item for item in items}


def _int_keys(mapping: Mapping[str, Any]) -> dict[int, Any]:
    return {int(key): value for key, value in mapping.items()}


class TenantState:
    """The tables of one tenant (its own deep copy of the data) and the lookups all areas share."""

    def __init__(
        self, data: Mapping[str, Any], *, clock: Callable[[], datetime] | None, today: date | None
    ) -> None:
        data = copy.deepcopy(dict(data))
        self.tables: Mapping[str, Any] = data  # every table by name, for an area to take its own
        self.clock = clock or utc_now
        self.fixed_today = today
        self.desks = _by_id(data["desks"])
        self.stages: dict[int, list[Json]] = _int_keys(data["stages"])
        self.priorities: dict[int, list[Json]] = _int_keys(data["priorities"])
        self.catalogs: dict[int, list[Json]] = _int_keys(data["services_catalogs"])
        self.catalog_items: dict[int, list[Json]] = _int_keys(data["services_catalog_items"])
        self.clients = _by_id(data["clients"])
        self.users = _by_id(data["users"])
        self.me: Json = data["me"]
        self.requestors: dict[int, Json] = {e["requestor"]["id"]: e["requestor"] for e in data["requestors"]}
        self.statuses = _by_id(data["statuses"])
        self.tickets: dict[int, Json] = {ticket["ticket_number"]: ticket for ticket in data["tickets"]}
        self.ticket_entities: dict[int, list[Json]] = _int_keys(data["ticket_entities"])
        self.communications: dict[int, list[Json]] = _int_keys(data["internal_communications"])
        self.files: dict[int, list[Json]] = _int_keys(data["files"])
        self.stages_slas: dict[int, list[Json]] = _int_keys(data["stages_slas"])
        self.appointments: dict[int, list[Json]] = _int_keys(data["appointments"])
        self.answers: dict[int, list[Json]] = {}
        self.chats = _by_id(data["chats"])
        self.chat_lists: dict[str, list[int]] = data["chat_lists"]
        self.entities = _by_id(data["entities"])
        self.entity_fields: dict[int, list[Json]] = _int_keys(data["entity_fields"])
        self.field_options: dict[int, list[Json]] = _int_keys(data["entity_field_options"])
        self.responses: Json = data["responses"]
        self.errors: Json = data["errors"]

    def now(self) -> datetime:
        """The tenant's clock, zone-aware."""
        return aware(self.clock())

    def today(self) -> date:
        """The tenant's calendar day."""
        return self.fixed_today or date.today()

    def not_found(self, resource: str) -> FakeApiError:
        """The 404 of the data set, naming ``resource``."""
        return FakeApiError(404, {**self.errors["not_found"], "message": f"{resource} not found"})

    def ticket(self, ticket_number: int) -> Json:
        """The stored ticket, else 404."""
        if ticket_number not in self.tickets:
            raise self.not_found("Ticket")
        return self.tickets[ticket_number]

    def desk(self, desk_id: int) -> Json:
        """The stored desk, else 404."""
        if desk_id not in self.desks:
            raise self.not_found("Desk")
        return self.desks[desk_id]

    def me_ref(self) -> Json:
        """The API user as records embed their author."""
        return ref(self.me, "id", "name")

    def stamp_update(self, ticket: Json) -> None:
        """Marks ``ticket`` as updated now by the API user."""
        ticket["updated_at"] = iso(self.now())
        ticket["updated_by_id"] = self.me["id"]
        if "updated_by" in ticket:
            ticket["updated_by"] = self.me_ref()
