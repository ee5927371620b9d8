"""Billings and contracts as TiFlux sends them (v2.42 chats.md §8, §9)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import field_validator

from adapters.tiflux.wire.base import Day, Money, Named, WireModel
from domain.finance import Billing, Contract

HIDDEN = "--"  # a money field the key may not see ("Visualizar valores dos tickets")


class BillingWire(WireModel):
    billing_id: int
    billing_date: Day = None
    due_date: Day = None
    client_id: int | None = None
    client_name: str | None = None
    nfe_number: str | None = None
    paid: bool = False
    reversal: bool = False
    real_value: Money = None

    @field_validator("nfe_number", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    def to_domain(self) -> Billing:
        return Billing(
            id=self.billing_id,
            billing_date=self.billing_date,
            due_date=self.due_date,
            client_id=self.client_id,
            client_name=self.client_name,
            nfe_number=(self.nfe_number or "").strip() or None,
            paid=self.paid,
            reversal=self.reversal,
            value=self.real_value,
        )


class ContractWire(WireModel):
    id: int
    name: str | None = None
    client: Named | None = None
    contract_type: Named | None = None
    modality: str | None = None
    status: str | None = None
    cancelled: bool = False
    expiration_date: Day = None
    readjustment_date: Day = None
    total_value: Any = None
    duration: int | None = None
    readjust_duration: int | None = None
    rider_value: Any = None
    rider_tax: Any = None

    def to_domain(self) -> Contract:
        money = (self.total_value, self.rider_value, self.rider_tax)
        return Contract(
            id=self.id,
            name=self.name,
            client=self.client.to_ref() if self.client else None,
            contract_type=self.contract_type.to_ref() if self.contract_type else None,
            modality=self.modality,
            status=self.status,
            cancelled=self.cancelled,
            expiration_date=self.expiration_date,
            readjustment_date=self.readjustment_date,
            total_value=_money(self.total_value),
            duration=self.duration,
            readjust_duration=self.readjust_duration,
            rider_value=_money(self.rider_value),
            rider_tax=_money(self.rider_tax),
            values_hidden=any(isinstance(v, str) and v.strip() == HIDDEN for v in money),
        )


def _money(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool) or (isinstance(value, str) and value.strip() in ("", HIDDEN)):
        return None
    try:
        return Decimal(str(value).strip())
    except ArithmeticError:
        return None
