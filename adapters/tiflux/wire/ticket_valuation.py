"""`GET /tickets/{n}/service-types` and `GET /tickets/{n}/shifts` as the API sends them."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from adapters.tiflux.wire.base import Day, Named, WireModel
from domain.valuation import ContractRider, ServiceTypes, TravelCharge


def _list_or_empty(value: Any) -> Any:
    """A member that is not a list counts as empty."""
    return value if isinstance(value, list) else []


class ContractRiderWire(WireModel):
    id: int
    rider_number: int | None = None
    start_date: Day = None
    cancel_date: Day = None
    contract: Named | None = None

    def to_domain(self) -> ContractRider:
        return ContractRider(
            id=self.id,
            number=self.rider_number,
            starts=self.start_date,
            cancelled=self.cancel_date,
            contract=self.contract.to_ref() if self.contract else None,
        )


class ServiceTypesWire(WireModel):
    contract_riders: Annotated[list[ContractRiderWire], BeforeValidator(_list_or_empty)] = Field(
        default_factory=list
    )
    loose_services: Annotated[list[Named], BeforeValidator(_list_or_empty)] = Field(default_factory=list)

    def to_domain(self) -> ServiceTypes:
        return ServiceTypes(
            riders=tuple(r.to_domain() for r in self.contract_riders),
            loose_services=tuple(s.to_ref() for s in self.loose_services),
        )


class TravelChargeWire(WireModel):
    id: int
    name: str | None = None
    reference: str | None = None
    client: Named | None = None
    contract: Named | None = None

    def to_domain(self) -> TravelCharge:
        return TravelCharge(
            id=self.id,
            name=self.name,
            scope=self.reference,
            client=self.client.to_ref() if self.client else None,
            contract=self.contract.to_ref() if self.contract else None,
        )
