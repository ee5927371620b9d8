"""What a valued appointment on a ticket may reference: contract riders in force, loose services and
travel charges ("deslocamentos")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from domain.people import PersonRef


@dataclass(frozen=True)
class ContractRider:
    """An addendum of a client's contract; its id (not the contract's) is what an appointment names."""

    id: int
    number: int | None = None
    starts: date | None = None
    cancelled: date | None = None
    contract: PersonRef | None = None


@dataclass(frozen=True)
class ServiceTypes:
    riders: Sequence[ContractRider] = ()
    loose_services: Sequence[PersonRef] = ()


@dataclass(frozen=True)
class TravelCharge:
    """A travel charge; `scope` is All (every client), Client, Contract or Shared (a group of contracts)."""

    id: int
    name: str | None = None
    scope: str | None = None
    client: PersonRef | None = None
    contract: PersonRef | None = None
