"""Agents (`/users`, administrators only) and technical groups over HTTP.

A 403 on `/users` says the key's user is not an administrator (people.md §0: `POST /users`, `GET` and
`PUT /users/{id}` are admin-only).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any

from adapters.tiflux.errors import NotFoundAs
from adapters.tiflux.http.client import TifluxHttpClient, api_path
from adapters.tiflux.http.records import page_params
from adapters.tiflux.wire import page_of, parse_one
from adapters.tiflux.wire.agents import AgentWire, TechnicalGroupWire, agent_changes_json, new_agent_json
from adapters.tiflux.wire.people import UserWire
from domain.agents import Agent, AgentChanges, NewAgent, TechnicalGroup, TechnicalGroupId
from domain.errors import PermissionDenied
from domain.ids import UserId
from domain.paging import Page, PageRequest
from domain.people import User


async def _needing(permission: str, answer: Awaitable[Any]) -> Any:
    try:
        return await answer
    except PermissionDenied as denied:
        raise dataclasses.replace(denied, need=permission) from None


@dataclass(frozen=True)
class HttpAgents:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def create(self, agent: NewAgent) -> Agent:
        payload = await _needing(
            "users_admin",
            self.client.write(self.api_key, "POST", api_path("users"), json=new_agent_json(agent)),
        )
        return parse_one(AgentWire, payload).to_domain()

    async def get(self, user_id: UserId) -> Agent:
        payload = await _needing(
            "users_admin",
            self.client.get(
                self.api_key, api_path("users", user_id), not_found=NotFoundAs("user", str(user_id))
            ),
        )
        return parse_one(AgentWire, payload).to_domain()

    async def update(self, user_id: UserId, changes: AgentChanges) -> Agent:
        payload = await _needing(
            "users_admin",
            self.client.write(
                self.api_key,
                "PUT",
                api_path("users", user_id),
                json=agent_changes_json(changes),
                not_found=NotFoundAs("user", str(user_id)),
            ),
        )
        return parse_one(AgentWire, payload or {"id": user_id}).to_domain()


@dataclass(frozen=True)
class HttpTechnicalGroups:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def list(self, page: PageRequest) -> Page[TechnicalGroup]:
        payload = await _needing(
            "technical_groups",
            self.client.get(self.api_key, api_path("technical-groups"), page_params(page)),
        )
        return page_of(TechnicalGroupWire, payload, page)

    async def members(self, group_id: TechnicalGroupId, page: PageRequest) -> Page[User]:
        payload = await _needing(
            "technical_groups",
            self.client.get(
                self.api_key,
                api_path("technical-groups", group_id, "users"),
                page_params(page),
                not_found=NotFoundAs("technical_group", str(group_id)),
            ),
        )
        return page_of(UserWire, payload, page)
