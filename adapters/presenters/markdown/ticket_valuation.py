"""What a valued appointment on a ticket may reference, in Markdown (names are TiFlux records, not
customer text)."""

from __future__ import annotations

from adapters.presenters.markdown.format import Formatter, bullet, lines
from adapters.presenters.markdown.text import inline
from application.use_cases.ticket_valuation import TicketServiceTypes, TicketTravelCharges
from domain.valuation import ContractRider, TravelCharge

OPEN_ENDED = "—"


def present_service_types(found: TicketServiceTypes, fmt: Formatter) -> str:
    t = fmt.t
    types, number = found.types, found.number
    on = t("valuation.types.on", day=fmt.day(found.on)) if found.on else ""
    if not types.riders and not types.loose_services:
        return t("valuation.types.empty", number=number, on=f" ({on})" if on else "")
    riders = [f"- {_rider(r, fmt)}" for r in types.riders] or [f"- {t('valuation.riders.none')}"]
    loose = [f"- {fmt.named(s.name, s.id)}" for s in types.loose_services] or [
        f"- {t('valuation.loose.none')}"
    ]
    heading = t("valuation.types.heading", number=number) + (f" ({on})" if on else "")
    return lines(
        f"## {heading}",
        "",
        f"### {t('valuation.riders')}",
        riders,
        "",
        f"### {t('valuation.loose')}",
        loose,
        "",
        t("valuation.ids"),
    )


def present_travel_charges(found: TicketTravelCharges, fmt: Formatter) -> str:
    t = fmt.t
    narrowed = t("valuation.shifts.contract", contract_id=found.contract_id) if found.contract_id else ""
    if not found.charges:
        return t("valuation.shifts.empty", number=found.number, contract=narrowed)
    items: list[str] = []
    for charge in found.charges:
        items += _charge(charge, fmt)
    heading = t("valuation.shifts.heading", number=found.number, count=len(found.charges)) + narrowed
    return lines(f"## {heading}", "", items)


def _rider(rider: ContractRider, fmt: Formatter) -> str:
    contract = rider.contract
    return fmt.t(
        "valuation.rider",
        contract=fmt.named(contract.name if contract else None, contract.id if contract else None),
        number=rider.number if rider.number is not None else fmt.t("none"),
        starts=fmt.day(rider.starts),
        ends=fmt.day(rider.cancelled) if rider.cancelled else OPEN_ENDED,
        id=rider.id,
    )


def _charge(charge: TravelCharge, fmt: Formatter) -> list[str]:
    t = fmt.t
    scope_key = f"valuation.scope.{charge.scope}"
    scope = t(scope_key) if charge.scope and t.has(scope_key) else inline(charge.scope) or OPEN_ENDED
    found = [f"- **{inline(charge.name) or t('none')}** (ID {charge.id}) — {scope}"]
    if charge.contract:
        found.append(
            "  " + bullet(t("valuation.contract"), fmt.named(charge.contract.name, charge.contract.id))
        )
    if charge.client:
        found.append("  " + bullet(t("valuation.client"), fmt.named(charge.client.name, charge.client.id)))
    return found
