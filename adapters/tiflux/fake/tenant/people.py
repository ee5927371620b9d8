"""Clients, users, the API user and requestors."""

from __future__ import annotations

import copy
from collections.abc import Mapping

from adapters.tiflux.fake.tenant.bodies import Json, responsible_ref
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.inputs import form_int, pick
from adapters.tiflux.fake.tenant.matching import (
    DEFAULT_LIMIT,
    Check,
    field_is,
    in_id_order,
    listed,
    one_of,
    text_has,
)
from adapters.tiflux.fake.tenant.routes import Route

USER_TYPES = ("admin", "attendant", "client")


def _tax_id_has(needle: str | None) -> Check | None:
    """Clients whose CPF/CNPJ contains these digits (punctuation ignored on both sides)."""
    digits = "".join(char for char in needle or "" if char.isdigit())
    if not needle:
        return None
    return lambda item: (
        bool(digits) and digits in "".join(c for c in item.get("social_revenue") or "" if c.isdigit())
    )


class PeopleArea:
    """The routes on people, and the checks tickets make on their responsible and requestor."""

    def __init__(self, state: TenantState) -> None:
        self._state = state

    def list_clients(
        self,
        *,
        active: bool | None = None,
        name: str | None = None,
        social_revenue: str | None = None,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
    ) -> list[Json]:
        checks = [field_is("status", active), text_has("name", name), _tax_id_has(social_revenue)]
        return listed(in_id_order(self._state.clients), checks, offset, limit)

    def list_users(
        self,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        active: bool | None = None,
        type: str | None = None,
        gauth_enabled: bool | None = None,
    ) -> list[Json]:
        one_of("type", type, USER_TYPES)
        checks = [
            field_is("active", active),
            field_is("_type", type),
            field_is("gauth_enabled", gauth_enabled),
        ]
        return listed(in_id_order(self._state.users), checks, offset, limit)

    def get_me(self) -> Json:
        return copy.deepcopy(self._state.me)

    def responsible(self, user_id: int) -> Json:
        """The reference of an active attendant, else 422."""
        user = pick(self._state.users.values(), user_id, "responsible_id")
        if user["_type"] == "client" or not user["active"]:
            raise validation_error(f"responsible_id {user_id} is not an active attendant")
        return responsible_ref(user)

    def requestor_for(self, form: Mapping[str, str]) -> Json | None:
        """The requestor a ticket form names by id or e-mail, a new one for an unknown e-mail or name."""
        requestors = self._state.requestors
        requestor_id = form_int(form, "requestor_id")
        if requestor_id is not None:
            if requestor_id in requestors:
                return copy.deepcopy(requestors[requestor_id])
            listed_one = self._client_requestor(requestor_id)
            if listed_one is None:
                raise validation_error(f"requestor_id {requestor_id} not found")
            return listed_one
        email = form.get("requestor_email")
        for requestor in requestors.values():
            if email and (requestor["email"] or "").casefold() == email.casefold():
                return copy.deepcopy(requestor)
        if not (email or form.get("requestor_name")):
            return None
        return self._new_requestor(form)

    def _client_requestor(self, requestor_id: int) -> Json | None:
        """A requestor of a client's list (`client_requestors`) as a ticket's requestor, if listed."""
        for listed_one in self._state.tables["client_requestors"]:
            if listed_one["id"] == requestor_id:
                return {
                    "id": requestor_id,
                    "name": listed_one["name"],
                    "email": listed_one.get("email"),
                    "telephone": listed_one.get("telephone"),
                    "ramal": listed_one.get("extension"),
                }
        return None

    def _new_requestor(self, form: Mapping[str, str]) -> Json:
        ident = max(*self._state.users, *self._state.requestors) + 1
        requestor = {
            "id": ident,
            "name": form.get("requestor_name") or form["requestor_email"],
            "email": form.get("requestor_email"),
            "telephone": form.get("requestor_telephone"),
            "ramal": None,
        }
        self._state.requestors[ident] = requestor
        # ... and lists them among the client's requestors (`GET /clients/{id}/requestors`).
        client = (
            self._state.clients.get(int(form["client_id"])) if form.get("client_id", "").isdigit() else None
        )
        if client is not None:
            self._state.tables["client_requestors"].append(
                {
                    "id": ident,
                    "name": requestor["name"],
                    "email": requestor["email"],
                    "telephone": requestor["telephone"],
                    "extension": None,
                    "can_open_ticket": True,
                    "client": {"id": client["id"], "name": client["name"]},
                }
            )
        # TiFlux registers a requestor as a person of the client: a user of type client.
        self._state.users[ident] = {
            "id": ident,
            "name": requestor["name"],
            "email": requestor["email"],
            "_type": "client",
            "active": True,
            "gauth_enabled": False,
            "technical_group_id": None,
            "last_login_at": None,
            **({"client_id": int(form["client_id"])} if form.get("client_id", "").isdigit() else {}),
        }
        return copy.deepcopy(requestor)


ROUTES = (
    Route(
        "GET",
        "/clients",
        PeopleArea.list_clients,
        {"active": "boolean", "name": "text", "social_revenue": "text"},
        paged=True,
    ),
    Route(
        "GET",
        "/users",
        PeopleArea.list_users,
        {"active": "boolean", "type": "raw", "gauth_enabled": "boolean"},
        paged=True,
    ),
    Route("GET", "/users/me", PeopleArea.get_me),
)
