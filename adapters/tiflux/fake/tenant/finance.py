"""Billings and contracts (v2.42 chats.md §8, §9, §14): filters, the total header, hidden amounts."""

from __future__ import annotations

import copy

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.counted import Counted, counted
from adapters.tiflux.fake.tenant.data import TenantState
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.matching import DEFAULT_LIMIT, Check, field_is, id_in
from adapters.tiflux.fake.tenant.moments import parse_day
from adapters.tiflux.fake.tenant.routes import Route

KINDS = ("billed", "reversed", "paid")
STATUSES = ("actives", "readjust", "expired")
MONEY = ("total_value", "rider_value", "rider_tax")
HIDDEN = "--"


class FinanceArea:
    """The routes on billings and contracts. `values_visible` is the key's permission "Visualizar valores
    dos tickets": without it every amount of a contract is `"--"` (tests switch it off)."""

    def __init__(self, state: TenantState) -> None:
        self._billings: list[Json] = state.tables["billings"]
        self._contracts: list[Json] = state.tables["contracts"]
        self.values_visible = True

    def billings_history(
        self,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        billing_start_date: str | None = None,
        billing_end_date: str | None = None,
        due_start_date: str | None = None,
        due_end_date: str | None = None,
        client_id: int | None = None,
        nfe_number: str | None = None,
        ticket_number: int | None = None,
        _type: str | None = None,
    ) -> Counted:
        if _type is not None and _type not in KINDS:
            raise validation_error("_type is invalid")
        checks: list[Check | None] = [
            _between("billing_date", "billing", billing_start_date, billing_end_date),
            _between("due_date", "due", due_start_date, due_end_date),
            field_is("client_id", client_id),
            field_is("nfe_number", nfe_number),
            field_is("ticket_number", ticket_number),
            _of_kind(_type),
        ]
        return counted(self._billings, checks, offset, limit)

    def contracts(
        self,
        *,
        offset: int = 1,
        limit: int = DEFAULT_LIMIT,
        client_ids: str | None = None,
        contract_type_ids: str | None = None,
        status: str | None = None,
    ) -> Counted:
        wanted = {"actives"} if status is None else set(_csv("status", status))  # absent: active ones only
        if wanted - set(STATUSES):
            raise validation_error("status is invalid")
        clients = (
            [int(i) for i in _csv("client_ids", client_ids, digits=True)] if client_ids is not None else []
        )
        types = (
            [int(i) for i in _csv("contract_type_ids", contract_type_ids, digits=True)]
            if contract_type_ids is not None
            else []
        )
        checks: list[Check | None] = [
            id_in("client", clients),
            id_in("contract_type", types),
            lambda contract: contract["status"] in wanted,
        ]
        found = counted(self._contracts, checks, offset, limit)
        if self.values_visible or not isinstance(found.items, list):
            return found
        return Counted([_hidden(contract) for contract in found.items], found.total)


def _csv(name: str, raw: str, *, digits: bool = False) -> list[str]:
    """A comma-separated parameter as sent: no empty part, ids made of digits; else 422."""
    parts = [part.strip() for part in raw.split(",")]
    if not all(parts) or (digits and not all(p.isascii() and p.isdigit() for p in parts)):
        raise validation_error(f"{name} is invalid")
    return parts


def _between(key: str, prefix: str, start: str | None, end: str | None) -> Check | None:
    if start is None and end is None:
        return None
    if start is None or end is None:
        raise validation_error(f"{prefix}_start_date and {prefix}_end_date go together")
    low = parse_day(start, name=f"{prefix}_start_date")
    high = parse_day(end, name=f"{prefix}_end_date")
    return lambda item: bool(item.get(key)) and low.isoformat() <= item[key][:10] <= high.isoformat()


def _of_kind(kind: str | None) -> Check | None:
    if kind == "billed":
        return lambda item: not item["reversal"]
    if kind == "reversed":
        return lambda item: bool(item["reversal"])
    if kind == "paid":
        return lambda item: bool(item["paid"])
    return None


def _hidden(contract: Json) -> Json:
    shown = copy.deepcopy(contract)
    for key in MONEY:
        shown[key] = HIDDEN
    return shown


ROUTES = (
    Route(
        "GET",
        "/reports/billings/history",
        FinanceArea.billings_history,
        {
            "billing_start_date": "raw",
            "billing_end_date": "raw",
            "due_start_date": "raw",
            "due_end_date": "raw",
            "client_id": "integer",
            "nfe_number": "text",
            "ticket_number": "integer",
            "_type": "raw",
        },
        paged=True,
    ),
    Route(
        "GET",
        "/contracts",
        FinanceArea.contracts,
        {"client_ids": "raw", "contract_type_ids": "raw", "status": "raw"},
        paged=True,
    ),
)
