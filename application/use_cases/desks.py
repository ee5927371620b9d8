"""Exploring desks."""

from __future__ import annotations

from dataclasses import dataclass

from application.ports.desks import DesksPort
from domain.desks import Desk
from domain.paging import Page, PageRequest


@dataclass(frozen=True)
class ListDesks:
    """List desks, active ones by default, optionally by exact name."""

    desks: DesksPort

    async def __call__(self, *, active: bool | None, name: str | None, page: PageRequest) -> Page[Desk]:
        return await self.desks.list(active=active, name=name or None, page=page)
