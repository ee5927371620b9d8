"""Billings and contracts over HTTP (v2.42 chats.md §8, §9)."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import TypeVar

from adapters.tiflux.http.client import TifluxHttpClient, api_path, query
from adapters.tiflux.http.records import page_params
from adapters.tiflux.wire import parse_many
from adapters.tiflux.wire.finance import BillingWire, ContractWire
from application.ports.finance import BillingFilter, ContractFilter
from domain.errors import PermissionDenied
from domain.finance import Billing, Contract
from domain.paging import Page, PageRequest

T = TypeVar("T")

BILLING_NEED = "billing"  # "Faturar serviços avulsos e contratos" and a Tickets licence
CONTRACTS_NEED = "contracts"


async def _needing(need: str, call: Awaitable[T]) -> T:
    try:
        return await call
    except PermissionDenied as denied:
        raise dataclasses.replace(denied, need=need) from None


@dataclass(frozen=True)
class HttpFinance:
    client: TifluxHttpClient
    api_key: str = field(repr=False)

    async def billings(self, query_: BillingFilter, page: PageRequest) -> Page[Billing]:
        def day(value: object) -> str | None:
            return str(value) if value is not None else None

        params = page_params(page) | query(
            billing_start_date=day(query_.billing_start),
            billing_end_date=day(query_.billing_end),
            due_start_date=day(query_.due_start),
            due_end_date=day(query_.due_end),
            client_id=query_.client_id,
            nfe_number=query_.nfe_number,
            ticket_number=query_.ticket_number,
            _type=query_.kind.value if query_.kind else None,
        )
        payload, total = await _needing(
            BILLING_NEED,
            self.client.get_counted(self.api_key, api_path("reports", "billings", "history"), params),
        )
        return Page(tuple(b.to_domain() for b in parse_many(BillingWire, payload)), page, total=total)

    async def contracts(self, query_: ContractFilter, page: PageRequest) -> Page[Contract]:
        params = page_params(page) | query(
            client_ids=list(query_.client_ids) or None,
            contract_type_ids=list(query_.contract_type_ids) or None,
            status=",".join(s.value for s in query_.statuses) or None,
        )
        payload, total = await _needing(
            CONTRACTS_NEED, self.client.get_counted(self.api_key, api_path("contracts"), params)
        )
        return Page(tuple(c.to_domain() for c in parse_many(ContractWire, payload)), page, total=total)
