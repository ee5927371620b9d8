"""Billing history and contracts: read-only views of what the organisation invoices and has agreed."""

from __future__ import annotations

from dataclasses import dataclass, replace

from application.ports.finance import BillingFilter, ContractFilter, FinancePort
from application.resolvers import CLIENT, References, decisions
from domain.finance import Billing, BillingSums, Contract
from domain.ids import ClientId
from domain.paging import Page, PageRequest
from domain.resolution import Decision, Reference


@dataclass(frozen=True)
class BillingHistory:
    """A page of billings, the filters asked of TiFlux, what the page adds up to, and what names became."""

    query: BillingFilter
    page: Page[Billing]
    sums: BillingSums
    decisions: tuple[Decision, ...] = ()


@dataclass(frozen=True)
class GetBillingsHistory:
    """One page of the organisation's billings, the client given by ID or by name."""

    finance: FinancePort
    references: References

    async def __call__(
        self, query: BillingFilter, client: Reference[ClientId], page: PageRequest
    ) -> BillingHistory:
        settled = await self.references.resolve(CLIENT, client, None)
        asked = replace(query, client_id=settled.id) if settled.id is not None else query
        found = await self.finance.billings(asked, page)
        return BillingHistory(asked, found, BillingSums.of(tuple(found.items)), decisions(settled))


@dataclass(frozen=True)
class ContractPage:
    """A page of contracts, the filters asked, and whether TiFlux hid the amounts from this key."""

    query: ContractFilter
    page: Page[Contract]
    values_hidden: bool


@dataclass(frozen=True)
class ListContracts:
    """One page of contracts (active ones unless other statuses are asked for)."""

    finance: FinancePort

    async def __call__(self, query: ContractFilter, page: PageRequest) -> ContractPage:
        found = await self.finance.contracts(query, page)
        return ContractPage(query, found, any(c.values_hidden for c in found.items))
