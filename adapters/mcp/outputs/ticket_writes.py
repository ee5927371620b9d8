"""Declared `structuredContent` of the ticket writes: create, update, cancel, close, answer, custom fields."""

from __future__ import annotations

from typing import Literal, NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Client, Desk, EntityValues, Priority, Stage, Ticket, User
from adapters.mcp.outputs.lookups import CatalogItem


@with_config(DECLARED)
class NameDecision(TypedDict):
    # What a name became: the argument, the term sent, the record it designates, and whether the person
    # picked it among several matches (no docstring: it would become the schema's description).
    field: str
    term: str
    record: Desk | Client | User | Stage | CatalogItem | Priority
    picked: bool


@with_config(DECLARED)
class TicketCreated(TypedDict):
    ticket: Ticket
    decisions: NotRequired[list[NameDecision]]
    defaults_used: NotRequired[list[str]]
    new_requestor: NotRequired[str]
    parent: NotRequired[int]


@with_config(DECLARED)
class TicketUpdated(TypedDict):
    ticket: Ticket
    changed: NotRequired[list[str]]
    decisions: NotRequired[list[NameDecision]]
    first_stage: NotRequired[Stage]  # a transfer that named no stage lands on the target desk's first
    reason_ignored: bool  # a priority change reason given during a transfer is not sent


@with_config(DECLARED)
class TicketFinished(TypedDict):
    how: Literal["cancel", "close"]
    before: Ticket
    message: NotRequired[str]
    already: bool


@with_config(DECLARED)
class Answer(TypedDict):
    id: int
    author: NotRequired[str]
    answered_at: NotRequired[str]
    origin: NotRequired[str]
    with_signature: bool


@with_config(DECLARED)
class AnswerSent(TypedDict):
    number: int
    answer: Answer
    text: str
    files: NotRequired[list[str]]


@with_config(DECLARED)
class FieldsUpdated(TypedDict):
    number: int
    sent: int
    fields: NotRequired[list[EntityValues]]


CreateTicketOutput = TicketCreated

UpdateTicketOutput = TicketUpdated

CancelTicketOutput = TicketFinished

CloseTicketOutput = TicketFinished

CreateTicketAnswerOutput = AnswerSent

UpdateTicketEntitiesOutput = FieldsUpdated
