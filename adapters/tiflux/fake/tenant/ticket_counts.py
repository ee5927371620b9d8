"""The 2.42 filters of `GET /tickets` and its aggregated answer (v2.42/tickets.md §21.1–§21.3).

The counts are the demo tenant's history (ticket numbers 1–1047), of which the ticket table holds a
sample: they come from the fixtures, the period before 2025-03-10 from their `__compare` variant, and a
filter that selects none of the sample answers the empty aggregate.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.counted import Counted
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.matching import Check, id_in
from adapters.tiflux.fake.tenant.moments import Moment, parse_moment

CANCELLED_STATUS_ID = 3
GROUPINGS = ("day", "week", "month", "desk")
STATES = ("open", "closed", "canceled", "all")
COMPARE_BEFORE = datetime(2025, 3, 10, tzinfo=UTC)


def state_check(filter_by: str | None, is_closed: bool) -> Check:
    """Which tickets by state; `filter_by` wins over `is_closed`."""
    if filter_by is None:
        return lambda ticket: ticket.get("is_closed") == is_closed
    if filter_by not in STATES:
        raise validation_error(f"filter_by must be one of {', '.join(STATES)}")
    if filter_by == "open":
        return lambda ticket: not ticket.get("is_closed")
    if filter_by == "closed":
        return lambda ticket: bool(ticket.get("is_closed")) and not _cancelled(ticket)
    if filter_by == "canceled":
        return _cancelled
    return lambda _ticket: True


def new_checks(
    priority_ids: Sequence[int], item_ids: Sequence[int], sla_expiring_before: Moment | None
) -> list[Check | None]:
    """The checks of `priority_ids`, `services_catalogs_item_ids` and `sla_expiring_before`."""
    return [
        id_in("priority", priority_ids),
        id_in("services_catalog", item_ids),
        _sla_due(sla_expiring_before) if sla_expiring_before is not None else None,
    ]


def grouped(
    table: Mapping[str, Json], group_by: str, date_type: str | None, end: Moment | None, selected: int
) -> Counted:
    """The aggregated answer, its total in the header too."""
    if group_by not in GROUPINGS:
        raise validation_error(f"group_by must be one of {', '.join(GROUPINGS)}")
    if not selected:
        body = copy.deepcopy(table["empty"])
    else:
        earlier = end is not None and parse_moment(end, name="end_datetime") < COMPARE_BEFORE
        body = copy.deepcopy(table[f"{group_by}__compare" if earlier else group_by])
    body["group_by"] = group_by
    body["date_type"] = date_type or "created_at"
    return Counted(body, int(body["total"]))


def _cancelled(ticket: Json) -> bool:
    return (ticket.get("status") or {}).get("id") == CANCELLED_STATUS_ID


def _sla_due(value: Moment) -> Check:
    limit = parse_moment(value, name="sla_expiring_before", end_of_day=True)

    def due(ticket: Json) -> bool:
        sla = ticket.get("sla_info") or {}
        expires = sla.get("solve_expiration")
        if ticket.get("is_closed") or sla.get("stopped") or not expires:
            return False
        return parse_moment(expires, name="solve_expiration") <= limit

    return due
