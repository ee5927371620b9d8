"""What `PUT /tickets/{n}` refuses since 2.42 (v2.42/tickets.md §20.3, §21.8): a priority change without its
reason, a reason during a desk transfer, a transfer between desks that do not exchange tickets, a transfer
into a desk that requires a catalog item without one, and a requestor who is not the ticket's client's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import FakeApiError, validation_error
from adapters.tiflux.fake.tenant.inputs import body_int


class TicketTransfers:
    """The 2.42 checks of an update body against the ticket it changes; each failure is a 422."""

    def __init__(self, state: TenantState) -> None:
        self._state = state
        self._errors: Mapping[str, Json] = state.tables["ticket_update_errors"]
        self._requestor_clients = {e["requestor"]["id"]: e["client_id"] for e in state.tables["requestors"]}

    def check(self, ticket: Json, body: Mapping[str, Any]) -> None:
        reason = body.get("priority_change_reason", "")
        if "priority_change_reason" in body:
            if not isinstance(reason, str) or not reason:
                raise validation_error("priority_change_reason must be a non-empty text")
            if "desk_id" in body:
                raise self._refusal("priority_reason_during_transfer")
        if "desk_id" in body:
            self._check_transfer(ticket, body)
        elif body.get("priority_id") is not None and not reason.strip():
            raise self._refusal("priority_change_reason")
        if body.get("requestor_id") is not None:
            self._check_requestor(ticket, body)

    def _check_transfer(self, ticket: Json, body: Mapping[str, Any]) -> None:
        target_id = body_int(body["desk_id"], "desk_id")
        current = self._state.desks.get(ticket["desk"]["id"]) or {}
        target = self._state.desks.get(target_id or 0)
        if target is None or not target.get("active") or target_id == current.get("id"):
            return  # an unknown or inactive desk is the setter's 422; the same desk is no transfer
        if not (current.get("desk_exchange") and target.get("desk_exchange")):
            raise self._refusal("transfer_relationship")
        if target.get("services_catalog_item") and body.get("services_catalogs_item_id") is None:
            raise self._refusal("transfer_catalog_required")

    def _check_requestor(self, ticket: Json, body: Mapping[str, Any]) -> None:
        requestor_id = body_int(body["requestor_id"], "requestor_id")
        client_id = (
            body_int(body["client_id"], "client_id") if "client_id" in body else ticket["client"]["id"]
        )
        known = requestor_id in self._state.requestors
        owner = self._requestor_clients.get(requestor_id or 0)
        if not known or (owner is not None and owner != client_id):
            raise self._refusal("requestor_not_found")

    def _refusal(self, name: str) -> FakeApiError:
        return FakeApiError(422, self._errors[name])
