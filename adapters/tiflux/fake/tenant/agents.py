"""Agents (`/users` writes and details, admin-only in TiFlux) and technical groups (people.md §2, §5.2, §6).

A user's list fields live in the people area's `users`; what only `GET /users/{id}` shows (phones,
clients, signature, licences) is kept here in `user_details`. A group's members are the users whose
`technical_group_id` is the group.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.inputs import is_int
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, in_id_order, listed
from adapters.tiflux.fake.tenant.moments import iso
from adapters.tiflux.fake.tenant.routes import Route

LICENCES = (
    "whatsapp_license",
    "tickets_license",
    "remote_access_license",
    "api_license",
    "splashtop_license",
)
_TEXTS = ("name", "email", "extension", "telephone", "country_code")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_MEMBER_KEYS = ("id", "name", "email", "_type", "active", "technical_group_id")


class AgentsArea:
    """The routes on users in full (create, show, change) and on technical groups."""

    def __init__(self, state: TenantState) -> None:
        self._state = state
        self._groups: list[Json] = list(state.tables["technical_groups"])
        self._details: dict[int, Json] = {int(k): v for k, v in state.tables["user_details"].items()}

    def get_user(self, user_id: int) -> Json:
        return self._full(self._user(user_id))

    def create_user(self, body: Mapping[str, Any]) -> Json:
        """A new agent (attendant) from a bare body: name, e-mail, technical group, licences."""
        self._check(body, creating=True)
        state = self._state
        ident = max(*state.users, *state.requestors) + 1
        user = {
            "id": ident,
            "name": body["name"].strip(),
            "email": body["email"].strip(),
            "_type": "attendant",
            "active": True,
            "gauth_enabled": False,
            "technical_group_id": body["technical_group_id"],
            "last_login_at": None,
        }
        state.users[ident] = user
        self._details[ident] = {
            "telephone": None,
            "extension": None,
            "client_ids": [],
            **{key: bool(body.get(key, False)) for key in LICENCES},
            "created_at": iso(state.now()),
        }
        return self._full(user)

    def update_user(self, user_id: int, body: Mapping[str, Any]) -> Json:
        """The user merged with the body's values."""
        user = self._user(user_id)
        self._check(body, creating=False, user_id=user_id)
        for key in ("name", "email", "active", "technical_group_id"):
            if key in body:
                user[key] = body[key]
        details = self._details.setdefault(user_id, {})
        for key in ("extension", "telephone", "client_ids", "country_code", *LICENCES):
            if key in body:
                details[key] = copy.deepcopy(body[key])
        return self._full(user)

    def list_technical_groups(self, *, offset: int = 1, limit: int = DEFAULT_LIMIT) -> list[Json]:
        return listed(self._groups, [], offset, limit)

    def group_users(self, group_id: int, *, offset: int = 1, limit: int = DEFAULT_LIMIT) -> list[Json]:
        if all(group["id"] != group_id for group in self._groups):
            raise self._state.not_found("Technical group")
        members = [u for u in in_id_order(self._state.users) if u.get("technical_group_id") == group_id]
        return [{key: u.get(key) for key in _MEMBER_KEYS} for u in listed(members, [], offset, limit)]

    def _user(self, user_id: int) -> Json:
        user = self._state.users.get(user_id)
        if user is None:
            raise self._state.not_found("User")
        return user

    def _full(self, user: Json) -> Json:
        return copy.deepcopy({**user, **self._details.get(user["id"], {})})

    def _check(self, body: Mapping[str, Any], *, creating: bool, user_id: int | None = None) -> None:
        """422 for what TiFlux refuses: blanks, wrong types, an unknown group, an e-mail taken."""
        errors = []
        for key in ("name", "email"):
            if (creating or key in body) and not (isinstance(body.get(key), str) and body[key].strip()):
                errors.append(f"{key} can't be blank")
        for key in _TEXTS[2:]:
            if body.get(key) is not None and not isinstance(body[key], str):
                errors.append(f"{key} must be a text")
        email = body.get("email")
        if isinstance(email, str) and email.strip():
            if not _EMAIL.fullmatch(email.strip()):
                errors.append("email is invalid")
            taken = any(
                (u.get("email") or "").casefold() == email.strip().casefold() and u["id"] != user_id
                for u in self._state.users.values()
            )
            if taken:
                errors.append("email has already been taken")
        for key in ("active", *LICENCES):
            if key in body and not isinstance(body[key], bool):
                errors.append(f"{key} must be true or false")
        group = body.get("technical_group_id")
        if (creating or "technical_group_id" in body) and not (
            is_int(group) and any(g["id"] == group for g in self._groups)
        ):
            errors.append("technical_group_id not found")
        client_ids = body.get("client_ids")
        if "client_ids" in body and not (
            isinstance(client_ids, list) and all(is_int(i) and i in self._state.clients for i in client_ids)
        ):
            errors.append("client_ids must be ids of clients")
        if not creating and not body:
            errors.append("nothing to update")
        if errors:
            raise validation_error(*errors)


ROUTES = (
    Route("GET", "/users/{user_id:int}", AgentsArea.get_user),
    Route("POST", "/users", AgentsArea.create_user, body="json"),
    Route("PUT", "/users/{user_id:int}", AgentsArea.update_user, body="json"),
    Route("GET", "/technical-groups", AgentsArea.list_technical_groups, paged=True),
    Route("GET", "/technical-groups/{group_id:int}/users", AgentsArea.group_users, paged=True),
)
