"""The user search's way round a key that may not list users (people.md §5.2): the members of the technical
groups, which non-admin keys may read. At most 20 groups are asked, at the same time; a group that fails is
skipped; when every group fails, the original 403 stands (it says what the key lacks)."""

from __future__ import annotations

from dataclasses import dataclass

from application.concurrently import concurrently
from application.ports.agents import TechnicalGroupsPort
from application.ports.failures import UpstreamFailure
from domain.agents import TechnicalGroupId
from domain.errors import DomainError
from domain.paging import Page, PageRequest
from domain.people import User

MAX_GROUPS = 20
_GROUPS = PageRequest(1, MAX_GROUPS + 1)  # one more, to know there are more
_MEMBERS = PageRequest(1, 200)


@dataclass(frozen=True)
class GroupMembers:
    users: tuple[User, ...]
    truncated: bool  # more than MAX_GROUPS groups: only the first ones were asked


async def _members(groups: TechnicalGroupsPort, group_id: TechnicalGroupId) -> Page[User] | None:
    try:
        return await groups.members(group_id, _MEMBERS)
    except (DomainError, UpstreamFailure):
        return None


async def members_of_groups(groups: TechnicalGroupsPort) -> GroupMembers | None:
    """Every member of the first groups, once each (group order, then member order); None when no group
    answered."""
    listed = list(await groups.list(_GROUPS))
    asked = listed[:MAX_GROUPS]
    pages = await concurrently(*(_members(groups, group.id) for group in asked)) if asked else ()
    if asked and all(page is None for page in pages):
        return None
    seen: dict[int, User] = {}
    for page in pages:
        for user in page or ():
            seen.setdefault(user.id, user)
    return GroupMembers(tuple(seen.values()), len(listed) > MAX_GROUPS)
