"""Agents: create, show and change the users who attend tickets (administrators' keys only), the technical
group given by ID or by name. A change that changes nothing is refused before any request; writes are sent
once."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from application.ports.agents import AgentsPort
from application.resolvers import TECHNICAL_GROUP, References
from domain.agents import Agent, AgentChanges, Licences, NewAgent, TechnicalGroupId
from domain.errors import InvalidInput
from domain.ids import UserId
from domain.resolution import Decision, Reference

GROUP_REQUIRED = "agents.group_required"  # a new agent needs a technical group
NOTHING_TO_UPDATE = "agents.nothing_to_update"


@dataclass(frozen=True)
class AgentWritten:
    """An agent as TiFlux answered a create or an update; `changed` names what an update changed."""

    agent: Agent
    changed: tuple[str, ...] = ()
    decisions: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class CreateAgent:
    """Create an agent in a technical group (by ID or by name), with the licences given; sent once."""

    agents: AgentsPort
    references: References

    async def __call__(
        self, name: str, email: str, group: Reference[TechnicalGroupId], licences: Licences
    ) -> AgentWritten:
        if not group.given:
            raise InvalidInput(group.id_field, GROUP_REQUIRED)
        settled = await self.references.resolve(TECHNICAL_GROUP, group, None)
        assert settled.id is not None
        created = await self.agents.create(NewAgent(name, email, settled.id, licences))
        return AgentWritten(created, decisions=(settled.decision,) if settled.decision else ())


@dataclass(frozen=True)
class ShowAgent:
    agents: AgentsPort

    async def __call__(self, user_id: UserId) -> Agent:
        return await self.agents.get(user_id)


@dataclass(frozen=True)
class UpdateAgent:
    """Change a user; the technical group by ID or by name. Nothing to change is refused, unsent."""

    agents: AgentsPort
    references: References

    async def __call__(
        self, user_id: UserId, changes: AgentChanges, group: Reference[TechnicalGroupId]
    ) -> AgentWritten:
        if not changes.changed() and not group.given:
            raise InvalidInput("name", NOTHING_TO_UPDATE)
        settled = await self.references.resolve(TECHNICAL_GROUP, group, None)
        if settled.id is not None:
            changes = dataclasses.replace(changes, technical_group_id=settled.id)
        updated = await self.agents.update(user_id, changes)
        return AgentWritten(updated, changes.changed(), (settled.decision,) if settled.decision else ())


__all__ = ["AgentWritten", "CreateAgent", "ShowAgent", "UpdateAgent"]
