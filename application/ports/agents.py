"""Agents (admin-only `/users` writes and details) and the technical groups."""

from __future__ import annotations

from typing import Protocol

from domain.agents import Agent, AgentChanges, NewAgent, TechnicalGroup, TechnicalGroupId
from domain.ids import UserId
from domain.paging import Page, PageRequest
from domain.people import User


class AgentsPort(Protocol):
    """Creates, reads and changes users; administrators only (PermissionDenied otherwise)."""

    async def create(self, agent: NewAgent) -> Agent:
        """Creates an agent (sent once, never re-sent)."""
        ...

    async def get(self, user_id: UserId) -> Agent:
        """One user in full; NotFound if absent."""
        ...

    async def update(self, user_id: UserId, changes: AgentChanges) -> Agent:
        """Changes a user (sent once); NotFound if absent."""
        ...


class TechnicalGroupsPort(Protocol):
    """Reads the technical groups and their members."""

    async def list(self, page: PageRequest) -> Page[TechnicalGroup]:
        """One page of technical groups."""
        ...

    async def members(self, group_id: TechnicalGroupId, page: PageRequest) -> Page[User]:
        """One page of a group's users; NotFound for an unknown group."""
        ...
