"""A list answer that also carries its whole count, sent as the `X-Total-Items` header."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.matching import Check, page

TOTAL_HEADER = "X-Total-Items"


@dataclass(frozen=True)
class Counted:
    """One page of items (the body) and how many items pass the filters in all (the header)."""

    items: list[Json] | Json  # a page of items, or an aggregated object (`GET /tickets?group_by=`)
    total: int


def counted(items: Iterable[Json], checks: Iterable[Check | None], offset: int, limit: int) -> Counted:
    """The page of the items that pass every check, and their number."""
    active = [check for check in checks if check is not None]
    kept = [item for item in items if all(check(item) for check in active)]
    return Counted(page(kept, offset, limit), len(kept))
