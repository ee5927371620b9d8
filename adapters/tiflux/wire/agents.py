"""Agents and technical groups as the API sends them, and the `/users` bodies (people.md §2)."""

from __future__ import annotations

from pydantic import Field

from adapters.tiflux.wire.base import Timestamp, WireModel
from domain.agents import Agent, AgentChanges, Licences, NewAgent, TechnicalGroup, TechnicalGroupId
from domain.ids import ClientId, UserId


class AgentWire(WireModel):
    id: int
    name: str = ""
    email: str | None = None
    user_type: str | None = Field(default=None, alias="_type")
    active: bool | None = None
    technical_group_id: int | None = None
    telephone: str | None = None
    extension: str | None = None
    country_code: str | None = None
    client_ids: list[int] = Field(default_factory=list)
    last_login_at: Timestamp = None
    gauth_enabled: bool | None = None
    signature: str | None = None
    whatsapp_license: bool | None = None
    tickets_license: bool | None = None
    remote_access_license: bool | None = None
    api_license: bool | None = None
    splashtop_license: bool | None = None

    def to_domain(self) -> Agent:
        return Agent(
            id=UserId(self.id),
            name=self.name,
            email=self.email or None,
            type=self.user_type,
            active=self.active,
            technical_group_id=(
                TechnicalGroupId(self.technical_group_id) if self.technical_group_id is not None else None
            ),
            telephone=self.telephone or None,
            extension=self.extension or None,
            country_code=self.country_code or None,
            client_ids=tuple(ClientId(i) for i in self.client_ids),
            last_login_at=self.last_login_at,
            gauth_enabled=self.gauth_enabled,
            signature=self.signature or None,
            licences=Licences(
                self.whatsapp_license,
                self.tickets_license,
                self.remote_access_license,
                self.api_license,
                self.splashtop_license,
            ),
        )


class TechnicalGroupWire(WireModel):
    id: int
    name: str = ""
    description: str | None = None
    active: bool = True

    def to_domain(self) -> TechnicalGroup:
        return TechnicalGroup(TechnicalGroupId(self.id), self.name, self.description or None, self.active)


def new_agent_json(agent: NewAgent) -> dict[str, object]:
    """`POST /users`: a bare user (no `user` wrapper, unlike a client's portal user), licences given only."""
    return {
        "name": agent.name,
        "email": agent.email,
        "technical_group_id": agent.technical_group_id,
        **agent.licences.given(),
    }


def agent_changes_json(changes: AgentChanges) -> dict[str, object]:
    """`PUT /users/{id}`: only what changes, the technical group last (as 2.42 sends it)."""
    body: dict[str, object] = {}
    for key in changes.changed():
        if key in changes.licences.given():
            body[key] = changes.licences.given()[key]
        elif key == "client_ids":
            body[key] = list(changes.client_ids or ())
        else:
            body[key] = getattr(changes, key)
    return body
