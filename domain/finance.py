"""Billing and contracts: what an organisation invoiced its clients, and the contracts it holds with them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from domain.people import PersonRef


class BillingKind(Enum):
    """Which billings: `billed` (not reversed), `reversed` (reversals only), `paid` (confirmed by the
    financial integration; may include reversed ones)."""

    BILLED = "billed"
    REVERSED = "reversed"
    PAID = "paid"


@dataclass(frozen=True)
class Billing:
    """One billing (invoice); `value` is always positive — a reversal is a flag on the same record."""

    id: int
    billing_date: date | None = None
    due_date: date | None = None
    client_id: int | None = None
    client_name: str | None = None
    nfe_number: str | None = None
    paid: bool = False
    reversal: bool = False
    value: Decimal | None = None


@dataclass(frozen=True)
class BillingSums:
    """What a page of billings adds up to: the billed sum without reversals, and the reversals apart."""

    billed: Decimal
    reversals: int
    reversed: Decimal

    @classmethod
    def of(cls, billings: list[Billing] | tuple[Billing, ...]) -> BillingSums:
        billed = sum((b.value for b in billings if not b.reversal and b.value is not None), Decimal(0))
        undone = [b for b in billings if b.reversal]
        reversed_ = sum((b.value for b in undone if b.value is not None), Decimal(0))
        return cls(billed, len(undone), reversed_)


class ContractStatus(Enum):
    ACTIVES = "actives"
    READJUST = "readjust"
    EXPIRED = "expired"


@dataclass(frozen=True)
class Contract:
    """A contract with a client. Money is None when absent or hidden (`values_hidden`: the key lacks the
    permission "Visualizar valores dos tickets" and TiFlux sent "--")."""

    id: int
    name: str | None = None
    client: PersonRef | None = None
    contract_type: PersonRef | None = None
    modality: str | None = None
    status: str | None = None
    cancelled: bool = False
    expiration_date: date | None = None
    readjustment_date: date | None = None
    total_value: Decimal | None = None
    duration: int | None = None  # months
    readjust_duration: int | None = None  # months
    rider_value: Decimal | None = None
    rider_tax: Decimal | None = None
    values_hidden: bool = False
