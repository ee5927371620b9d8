"""Declared `structuredContent` of a ticket's answers, history and reopening."""

from __future__ import annotations

from typing import NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED, Page, PersonRef


@with_config(DECLARED)
class AnswerFile(TypedDict):
    id: int
    name: NotRequired[str]
    size_bytes: NotRequired[int]
    content_type: NotRequired[str]
    url: NotRequired[str]


@with_config(DECLARED)
class TicketAnswer(TypedDict):
    id: int
    author: NotRequired[str]
    answered_at: NotRequired[str]
    origin: NotRequired[str]
    text: NotRequired[str | None]
    files_count: int
    files: NotRequired[list[AnswerFile]]


@with_config(DECLARED)
class TicketAnswers(TypedDict):
    number: int
    page: Page[TicketAnswer]


@with_config(DECLARED)
class OneAnswer(TypedDict):
    number: int
    answer: TicketAnswer


@with_config(DECLARED)
class FieldChange(TypedDict):
    field: str
    old: NotRequired[str]
    new: NotRequired[str]


@with_config(DECLARED)
class HistoryEvent(TypedDict):
    id: int
    action: NotRequired[str]
    user: NotRequired[PersonRef]
    at: NotRequired[str]
    type: NotRequired[str]
    operation: NotRequired[str]
    changes: NotRequired[list[FieldChange]]


@with_config(DECLARED)
class HistoryQuery(TypedDict):
    of: int
    type_id_attr: NotRequired[int]
    operation: NotRequired[str]


@with_config(DECLARED)
class TicketHistory(TypedDict):
    number: int
    query: HistoryQuery
    page: Page[HistoryEvent]


@with_config(DECLARED)
class TicketReopened(TypedDict):
    number: int
    message: NotRequired[str]


@with_config(DECLARED)
class ChecklistOption(TypedDict):
    id: NotRequired[str | int]
    description: NotRequired[str]
    checked: bool


@with_config(DECLARED)
class ChecklistField(TypedDict):
    index: int
    title: NotRequired[str]
    type: NotRequired[str]
    required: bool
    filled: bool
    value: NotRequired[str]
    options: NotRequired[list[ChecklistOption]]


@with_config(DECLARED)
class Checklist(TypedDict):
    id: NotRequired[int]
    name: NotRequired[str]
    description: NotRequired[str]
    required: bool
    pending: bool
    created_at: NotRequired[str]
    updated_at: NotRequired[str]
    fields: NotRequired[list[ChecklistField]]


@with_config(DECLARED)
class TicketChecklists(TypedDict):
    number: int
    page: Page[Checklist]


@with_config(DECLARED)
class ChecklistItemUpdated(TypedDict):
    number: int
    index: int
    checklist: Checklist


@with_config(DECLARED)
class AnswerDeleted(TypedDict):
    number: int
    answer_id: int


ListTicketAnswersOutput = TicketAnswers

GetTicketAnswerOutput = OneAnswer

GetTicketHistoriesOutput = TicketHistory

ReopenTicketOutput = TicketReopened

GetTicketChecklistsOutput = TicketChecklists

UpdateTicketChecklistItemOutput = ChecklistItemUpdated

DeleteTicketAnswerOutput = AnswerDeleted
