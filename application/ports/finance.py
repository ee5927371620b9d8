"""Billing and contracts of the organisation (v2.42 chats.md §8, §9)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from domain.errors import InvalidInput
from domain.finance import Billing, BillingKind, Contract, ContractStatus
from domain.paging import Page, PageRequest


@dataclass(frozen=True)
class BillingFilter:
    """Which billings: issue and due periods (each whole, or absent), client, NF-e, ticket, kind."""

    billing_start: date | None = None
    billing_end: date | None = None
    due_start: date | None = None
    due_end: date | None = None
    client_id: int | None = None
    nfe_number: int | None = None
    ticket_number: int | None = None
    kind: BillingKind | None = None

    def __post_init__(self) -> None:
        for prefix in ("billing", "due"):
            start, end = getattr(self, f"{prefix}_start"), getattr(self, f"{prefix}_end")
            if (start is None) != (end is None):
                missing = f"{prefix}_end_date" if end is None else f"{prefix}_start_date"
                other = f"{prefix}_start_date" if end is None else f"{prefix}_end_date"
                raise InvalidInput(missing, "date_pair", {"other": other})
            if start is not None and end is not None and start > end:
                raise InvalidInput(f"{prefix}_end_date", "not_before", {"other": f"{prefix}_start_date"})


@dataclass(frozen=True)
class ContractFilter:
    """Which contracts: clients, contract types, statuses (TiFlux lists only active ones by default)."""

    client_ids: Sequence[int] = ()
    contract_type_ids: Sequence[int] = ()
    statuses: Sequence[ContractStatus] = (ContractStatus.ACTIVES,)


class FinancePort(Protocol):
    """Reads billings and contracts (PermissionDenied names what the key lacks)."""

    async def billings(self, query: BillingFilter, page: PageRequest) -> Page[Billing]:
        """One page of the billing history, with TiFlux's total when it says it."""
        ...

    async def contracts(self, query: ContractFilter, page: PageRequest) -> Page[Contract]:
        """One page of contracts, with TiFlux's total when it says it."""
        ...
