"""Updating a ticket from a JSON body: one setter per key, each validating its value."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json, catalog_ref, client_ref, desk_ref, ref, stage_ref
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.desks import DesksArea
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.inputs import body_int, body_text, pick
from adapters.tiflux.fake.tenant.people import PeopleArea


class TicketUpdates:
    """Applies the keys of an update body to a (copied) ticket."""

    def __init__(self, state: TenantState, desks: DesksArea, people: PeopleArea) -> None:
        self._state = state
        self._desks = desks
        self._people = people
        self._setters: dict[str, Callable[[Json, Any], None]] = {
            "desk_id": self._set_desk,
            "client_id": self._set_client,
            "stage_id": self._set_stage,
            "priority_id": self._set_priority,
            "services_catalogs_item_id": self._set_catalog_item,
            "responsible_id": self._set_responsible,
            "requestor_id": self._set_requestor,
            "status_id": self._set_status,
            "title": self._set_title,
            "description": self._set_description,
            "followers": self._set_followers,
        }

    def apply(self, ticket: Json, body: Mapping[str, Any]) -> None:
        """Sets every known key of ``body`` on ``ticket``, in a fixed order; a bad value raises 422."""
        for key, setter in self._setters.items():
            if key in body:
                setter(ticket, body[key])

    def _set_desk(self, ticket: Json, value: Any) -> None:
        desk = self._desks.writable(body_int(value, "desk_id"))
        if desk["id"] == ticket["desk"]["id"]:
            return
        ticket["desk"] = desk_ref(desk)
        ticket["stage"] = stage_ref(self._desks.edge_stage(desk["id"], "first_stage"))
        ticket["priority"] = None
        ticket["services_catalog"] = None

    def _set_client(self, ticket: Json, value: Any) -> None:
        ticket["client"] = client_ref(
            pick(self._state.clients.values(), body_int(value, "client_id"), "client_id")
        )

    def _set_stage(self, ticket: Json, value: Any) -> None:
        stages = self._state.stages.get(ticket["desk"]["id"], [])
        ticket["stage"] = stage_ref(pick(stages, body_int(value, "stage_id"), "stage_id"))

    def _set_priority(self, ticket: Json, value: Any) -> None:
        if value is None:
            ticket["priority"] = None
            return
        priorities = self._state.priorities.get(ticket["desk"]["id"], [])
        ticket["priority"] = ref(
            pick(priorities, body_int(value, "priority_id"), "priority_id"), "id", "name"
        )

    def _set_catalog_item(self, ticket: Json, value: Any) -> None:
        if value is None:
            ticket["services_catalog"] = None
            return
        items = self._state.catalog_items.get(ticket["desk"]["id"], [])
        key = "services_catalogs_item_id"
        ticket["services_catalog"] = catalog_ref(pick(items, body_int(value, key), key))

    def _set_responsible(self, ticket: Json, value: Any) -> None:
        ticket["responsible"] = (
            None if value is None else self._people.responsible(body_int(value, "responsible_id"))
        )

    def _set_requestor(self, ticket: Json, value: Any) -> None:
        requestor_id = body_int(value, "requestor_id")
        requestor = self._state.requestors.get(requestor_id or 0)
        if requestor is None:
            raise validation_error(f"requestor_id {requestor_id} not found")
        ticket["requestor"] = copy.deepcopy(requestor)

    def _set_status(self, ticket: Json, value: Any) -> None:
        status = pick(self._state.statuses.values(), body_int(value, "status_id"), "status_id")
        ticket["status"] = copy.deepcopy(status)

    def _set_title(self, ticket: Json, value: Any) -> None:
        ticket["title"] = body_text(value, "title")

    def _set_description(self, ticket: Json, value: Any) -> None:
        ticket["description"] = body_text(value, "description")

    def _set_followers(self, ticket: Json, value: Any) -> None:
        if value is not None and not isinstance(value, str):
            raise validation_error("followers must be a comma-separated string of e-mails")
        ticket["followers"] = value or None
