"""The billing history and the contracts in Markdown: one table each, sums and what is hidden said plainly."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from adapters.presenters.markdown.format import Formatter, lines
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import inline
from application.ports.finance import BillingFilter, ContractFilter
from application.use_cases.finance import BillingHistory, ContractPage
from domain.finance import Billing, Contract, ContractStatus
from domain.people import PersonRef
from domain.resolution import Decision

NAME_LIMIT = 60


def present_billings(history: BillingHistory, fmt: Formatter) -> str:
    t = fmt.t
    page = history.page
    filters = _billing_filters(history.query, fmt)
    applied = t("finance.filters", filters=filters) if filters else None
    if not page.items:
        return lines(
            t("billings.empty", page=page.request.number), applied, _decisions(history.decisions, fmt)
        )
    heading = "billings.heading" if page.total is None else "billings.heading.total"
    sums = history.sums
    return lines(
        f"## {t(heading, page=page.request.number, count=len(page), total=page.total)}",
        applied,
        "",
        t("billings.columns"),
        "|---|---|---|---|---|---|---|",
        [_billing_row(billing, fmt) for billing in page.items],
        "",
        t("billings.sum", sum=fmt.money(sums.billed)),
        t("billings.reversals", count=sums.reversals, sum=fmt.money(sums.reversed))
        if sums.reversals
        else None,
        _decisions(history.decisions, fmt),
        "",
        fmt.page_footer(page),
    )


def _billing_row(billing: Billing, fmt: Formatter) -> str:
    t = fmt.t
    situation = (
        t("billings.reversed")
        if billing.reversal
        else t("billings.paid")
        if billing.paid
        else t("billings.billed")
    )
    cells = (
        str(billing.id),
        inline(billing.client_name, limit=NAME_LIMIT) or t("none"),
        fmt.day(billing.billing_date),
        fmt.day(billing.due_date),
        inline(billing.nfe_number, limit=20) or "—",
        situation,
        fmt.money(billing.value),
    )
    return "| " + " | ".join(cells) + " |"


def _billing_filters(query: BillingFilter, fmt: Formatter) -> str:
    t = fmt.t
    parts: list[str] = []
    if query.billing_start and query.billing_end:
        parts.append(
            t("billings.filter.billing", start=fmt.day(query.billing_start), end=fmt.day(query.billing_end))
        )
    if query.due_start and query.due_end:
        parts.append(t("billings.filter.due", start=fmt.day(query.due_start), end=fmt.day(query.due_end)))
    if query.client_id is not None:
        parts.append(t("billings.filter.client", id=query.client_id))
    if query.nfe_number is not None:
        parts.append(t("billings.filter.nfe", number=query.nfe_number))
    if query.ticket_number is not None:
        parts.append(t("billings.filter.ticket", number=query.ticket_number))
    if query.kind is not None:
        parts.append(t(f"billings.filter.kind.{query.kind.value}"))
    return "; ".join(parts)


def present_contracts(found: ContractPage, fmt: Formatter, details: bool = False) -> str:
    t = fmt.t
    page = found.page
    filters = _contract_filters(found.query, fmt)
    default = tuple(found.query.statuses) == (ContractStatus.ACTIVES,)
    scope = t("contracts.only_active") if default else None
    applied = t("finance.filters", filters=filters) if filters else None
    if not page.items:
        return lines(t("contracts.empty", page=page.request.number), applied, scope)
    heading = "contracts.heading" if page.total is None else "contracts.heading.total"
    rows: list[str] = []
    for contract in page.items:
        rows.append(_contract_row(contract, fmt))
    return lines(
        f"## {t(heading, page=page.request.number, count=len(page), total=page.total)}",
        applied,
        scope,
        t("contracts.hidden") if found.values_hidden else None,
        "",
        t("contracts.columns"),
        "|---|---|---|---|---|---|---|---|---|",
        rows,
        ["", *(_details(c, fmt) for c in page.items)] if details else None,
        "",
        fmt.page_footer(page),
    )


def _contract_row(contract: Contract, fmt: Formatter) -> str:
    t = fmt.t
    situation = _word(fmt, "contracts.status", contract.status)
    if contract.cancelled:
        situation += f" {t('contracts.cancelled')}"
    cells = (
        str(contract.id),
        inline(contract.name, limit=NAME_LIMIT) or t("none"),
        _ref_name(contract.client, fmt),
        _ref_name(contract.contract_type, fmt),
        _word(fmt, "contracts.modality", contract.modality),
        situation,
        fmt.day(contract.expiration_date) if contract.expiration_date else "—",
        fmt.day(contract.readjustment_date) if contract.readjustment_date else "—",
        _amount(contract, contract.total_value, fmt),
    )
    return "| " + " | ".join(cells) + " |"


def _details(contract: Contract, fmt: Formatter) -> str:
    t = fmt.t

    def months(n: int | None) -> str:
        return t("contracts.months", n=n) if n is not None else "—"

    return t(
        "contracts.details",
        id=contract.id,
        client=contract.client.id if contract.client and contract.client.id is not None else "—",
        type=contract.contract_type.id
        if contract.contract_type and contract.contract_type.id is not None
        else "—",
        duration=months(contract.duration),
        readjust=months(contract.readjust_duration),
        rider=_amount(contract, contract.rider_value, fmt),
        tax=_amount(contract, contract.rider_tax, fmt),
    )


def _amount(contract: Contract, value: Decimal | None, fmt: Formatter) -> str:
    if value is None and contract.values_hidden:
        return fmt.t("contracts.hidden_cell")
    return fmt.money(value)


def _ref_name(ref: PersonRef | None, fmt: Formatter) -> str:
    return inline(ref.name, limit=NAME_LIMIT) if ref and ref.name else "—"


def _word(fmt: Formatter, prefix: str, raw: str | None) -> str:
    if not raw:
        return "—"
    key = f"{prefix}.{raw}"
    return fmt.t(key) if fmt.t.has(key) else inline(raw, limit=40)


def _contract_filters(query: ContractFilter, fmt: Formatter) -> str:
    t = fmt.t
    parts: list[str] = []
    if query.client_ids:
        parts.append(t("contracts.filter.clients", ids=", ".join(map(str, query.client_ids))))
    if query.contract_type_ids:
        parts.append(t("contracts.filter.types", ids=", ".join(map(str, query.contract_type_ids))))
    if tuple(query.statuses) != (ContractStatus.ACTIVES,):
        words = ", ".join(t(f"contracts.status.{s.value}") for s in query.statuses)
        parts.append(t("contracts.filter.statuses", statuses=words))
    return "; ".join(parts)


def _decisions(decisions: tuple[Decision, ...], fmt: Formatter) -> Iterator[str]:
    if not decisions:
        return
    yield ""
    yield f"**{fmt.t('writes.decisions')}**"
    for decision in decisions:
        picked = f" ({fmt.t('writes.decision.picked')})" if decision.picked else ""
        became = inline(label(decision.record, fmt.t))
        yield f'- `{decision.field}` "{inline(decision.term)}" → {became}{picked}'
