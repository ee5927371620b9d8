"""Declared `structuredContent` of the billing history and the contracts (issue 20)."""

from __future__ import annotations

from typing import Literal, NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Client, Page, PersonRef


@with_config(DECLARED)
class Billing(TypedDict):
    id: int
    billing_date: NotRequired[str]
    due_date: NotRequired[str]
    client_id: NotRequired[int]
    client_name: NotRequired[str]
    nfe_number: NotRequired[str]
    paid: bool
    reversal: bool
    value: NotRequired[str]  # a decimal, in BRL


@with_config(DECLARED)
class BillingFilter(TypedDict):
    billing_start: NotRequired[str]
    billing_end: NotRequired[str]
    due_start: NotRequired[str]
    due_end: NotRequired[str]
    client_id: NotRequired[int]
    nfe_number: NotRequired[int]
    ticket_number: NotRequired[int]
    kind: NotRequired[Literal["billed", "reversed", "paid"]]


@with_config(DECLARED)
class BillingSums(TypedDict):
    billed: str  # this page's sum without reversals
    reversals: int
    reversed: str


@with_config(DECLARED)
class ClientDecision(TypedDict):
    # What a name became (no docstring: it would become the schema's description).
    field: str
    term: str
    record: Client
    picked: bool


@with_config(DECLARED)
class BillingHistory(TypedDict):
    query: NotRequired[BillingFilter]
    page: Page[Billing]
    sums: BillingSums
    decisions: NotRequired[list[ClientDecision]]


@with_config(DECLARED)
class Contract(TypedDict):
    id: int
    name: NotRequired[str]
    client: NotRequired[PersonRef]
    contract_type: NotRequired[PersonRef]
    modality: NotRequired[str]
    status: NotRequired[str]
    cancelled: bool
    expiration_date: NotRequired[str]
    readjustment_date: NotRequired[str]
    total_value: NotRequired[str]
    duration: NotRequired[int]
    readjust_duration: NotRequired[int]
    rider_value: NotRequired[str]
    rider_tax: NotRequired[str]
    values_hidden: bool


@with_config(DECLARED)
class ContractFilter(TypedDict):
    client_ids: NotRequired[list[int]]
    contract_type_ids: NotRequired[list[int]]
    statuses: NotRequired[list[Literal["actives", "readjust", "expired"]]]


@with_config(DECLARED)
class ContractPage(TypedDict):
    query: NotRequired[ContractFilter]
    page: Page[Contract]
    values_hidden: bool


GetBillingsHistoryOutput = BillingHistory
ListContractsOutput = ContractPage
