"""The people area of TiFlux: client companies and users."""

from __future__ import annotations

from typing import Protocol

from domain.paging import Page, PageRequest
from domain.people import Client, User, UserType


class PeoplePort(Protocol):
    """Reads clients and users."""

    async def clients(self, *, name: str | None, active: bool | None, page: PageRequest) -> Page[Client]:
        """One page of clients; `name` is the API's partial, case-insensitive match."""
        ...

    async def users(
        self, *, user_type: UserType | None, active: bool | None, page: PageRequest
    ) -> Page[User]:
        """One page of users (the API has no name filter)."""
        ...

    async def me(self) -> User:
        """The user the API key belongs to (also a cheap check that the key works)."""
        ...
