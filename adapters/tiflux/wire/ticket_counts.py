"""The aggregated answer of `GET /tickets?group_by=` (v2.42/tickets.md §1): an object, not the list."""

from __future__ import annotations

from adapters.tiflux.wire.base import WireModel
from domain.ticket_counts import Bucket, GroupBy, TicketCounts


class BucketWire(WireModel):
    period: str
    count: int = 0


class TicketCountsWire(WireModel):
    group_by: str | None = None
    total: int | None = None
    buckets: list[BucketWire]

    def to_domain(self, group_by: GroupBy, header_total: int | None) -> TicketCounts:
        buckets = tuple(Bucket(b.period, max(b.count, 0)) for b in self.buckets)
        total = header_total if header_total is not None else self.total
        return TicketCounts(group_by, buckets, total if total is not None else sum(b.count for b in buckets))
