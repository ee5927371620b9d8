"""Billing and contracts (toolset `finance`, opt-in): the billing history and the contracts (issue 20)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from adapters.i18n.words import Words
from adapters.mcp.fields import (
    CLIENT_ID,
    CLIENT_NAME,
    ID_LISTS,
    Day,
    IdList,
    OptionalTicketNumber,
    PositiveId,
)
from adapters.mcp.outputs.finance import GetBillingsHistoryOutput, ListContractsOutput
from adapters.mcp.references import reference
from adapters.mcp.spec import PagedInput, ToolSpec
from adapters.presenters.markdown.finance import present_billings, present_contracts
from adapters.presenters.markdown.format import Formatter
from adapters.use_cases import UseCases
from application.ports.finance import BillingFilter, ContractFilter
from application.use_cases.finance import BillingHistory, ContractPage, GetBillingsHistory, ListContracts
from domain.finance import BillingKind, ContractStatus
from domain.ids import ClientId

__all__ = ["FINANCE_TOOLS", "GET_BILLINGS_HISTORY", "LIST_CONTRACTS"]

_STATUS_CODES = tuple(status.value for status in ContractStatus)


def _statuses(value: Any) -> tuple[ContractStatus, ...]:
    """ "actives,expired" or ["actives", "expired"]; each must be known; nothing → active ones only."""
    if value is None or value == "" or value == []:
        return (ContractStatus.ACTIVES,)
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise PydanticCustomError("contract_status", "status")
    found: list[ContractStatus] = []
    for item in items:
        if not isinstance(item, str) or item.strip().lower() not in _STATUS_CODES:
            raise PydanticCustomError("contract_status", "status")
        status = ContractStatus(item.strip().lower())
        if status not in found:
            found.append(status)
    return tuple(found)


Statuses = Annotated[
    tuple[ContractStatus, ...],
    BeforeValidator(_statuses),
    WithJsonSchema({"type": "array", "items": {"type": "string", "enum": list(_STATUS_CODES)}}),
]


class BillingsInput(PagedInput):
    billing_start_date: Annotated[Day, Words(pt="Faturado de.", en="Billed from.")] = None
    billing_end_date: Annotated[Day, Words(pt="Faturado até.", en="Billed until.")] = None
    due_start_date: Annotated[Day, Words(pt="Vence de.", en="Due from.")] = None
    due_end_date: Annotated[Day, Words(pt="Vence até.", en="Due until.")] = None
    client_id: Annotated[PositiveId | None, CLIENT_ID] = None
    client_name: Annotated[str | None, CLIENT_NAME] = Field(default=None, min_length=1, max_length=200)
    nfe_number: Annotated[PositiveId | None, Words(pt="Número da NF-e.", en="NF-e number.")] = None
    ticket_number: Annotated[OptionalTicketNumber, Words(pt="De um ticket.", en="Of one ticket.")] = None
    type: Annotated[
        Literal["billed", "reversed", "paid"] | None,
        Words(
            pt="billed: sem estornos; reversed: estornos; paid: pagos.",
            en="billed: no reversals; reversed: reversals; paid: paid.",
        ),
    ] = None

    async def run(self, get_billings_history: GetBillingsHistory) -> BillingHistory:
        query = BillingFilter(
            billing_start=self.billing_start_date,
            billing_end=self.billing_end_date,
            due_start=self.due_start_date,
            due_end=self.due_end_date,
            client_id=self.client_id,
            nfe_number=self.nfe_number,
            ticket_number=self.ticket_number.value if self.ticket_number is not None else None,
            kind=BillingKind(self.type) if self.type else None,
        )
        client = reference(ClientId, self, "client_id", "client_name")
        return await get_billings_history(query, client, self.page())


class ContractsInput(PagedInput):
    client_ids: Annotated[IdList, Words(pt="Clientes.", en="Clients.")] = ()
    contract_type_ids: Annotated[IdList, Words(pt="Tipos de contrato.", en="Contract types.")] = ()
    status: Annotated[Statuses, Words(pt="Padrão: actives.", en="Default: actives.")] = (
        ContractStatus.ACTIVES,
    )
    include_details: Annotated[bool, Words(pt="IDs, duração, aditivo.", en="IDs, duration, rider.")] = False

    async def run(self, list_contracts: ListContracts) -> ContractPage:
        query = ContractFilter(self.client_ids, self.contract_type_ids, self.status)
        return await list_contracts(query, self.page())


def present_contract_listing(found: ContractPage, args: ContractsInput, fmt: Formatter) -> str:
    return present_contracts(found, fmt, details=args.include_details)


GET_BILLINGS_HISTORY = ToolSpec(
    name="get_billings_history",
    title=Words(pt="Histórico de faturamento", en="Billing history"),
    description=Words(
        pt="Faturamentos (notas) da organização, com a soma da página sem estornos. Cada período vai com "
        "as duas datas (AAAA-MM-DD).",
        en="The organisation's billings (invoices), with the page's sum without reversals. Each period "
        "takes both dates (YYYY-MM-DD).",
    ),
    input_model=BillingsInput,
    output_model=GetBillingsHistoryOutput,
    use_case=UseCases.get_billings_history,
    run=BillingsInput.run,
    present=present_billings,
    read_only=True,
    toolset="finance",
)

LIST_CONTRACTS = ToolSpec(
    name="list_contracts",
    title=Words(pt="Contratos", en="Contracts"),
    description=Words(
        pt="Contratos com clientes: modalidade, situação, vencimento, reajuste e valor. Só ativos, salvo "
        "status. " + ID_LISTS.pt,
        en="Contracts with clients: modality, situation, expiry, readjustment and value. Active only "
        "unless status says otherwise. " + ID_LISTS.en,
    ),
    input_model=ContractsInput,
    output_model=ListContractsOutput,
    use_case=UseCases.list_contracts,
    run=ContractsInput.run,
    present_with_arguments=present_contract_listing,
    read_only=True,
    toolset="finance",
)

FINANCE_TOOLS: tuple[ToolSpec[Any, Any, Any], ...] = (GET_BILLINGS_HISTORY, LIST_CONTRACTS)
