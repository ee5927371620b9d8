"""The API's answers and history events as it sends them (note the history's leading underscores)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import Field

from adapters.tiflux.wire.base import Named, Timestamp, WireModel
from domain.checklists import (
    Checklist,
    ChecklistField,
    ChecklistItemChange,
    ChecklistOption,
)
from domain.ids import AnswerId, FileId
from domain.ticket_activity import AnswerFile, FieldChange, HistoryEvent, TicketAnswer


class AnswerFileWire(WireModel):
    id: int
    file_name: str | None = None
    filename: str | None = None
    size: int | None = None
    content_type: str | None = None
    url: str | None = None

    def to_domain(self) -> AnswerFile:
        return AnswerFile(
            id=FileId(self.id),
            name=self.file_name or self.filename,
            size_bytes=self.size,
            content_type=self.content_type,
            url=self.url,
        )


class TicketAnswerWire(WireModel):
    id: int
    author: str | None = None
    answer_time: Timestamp = None
    answer_origin: str | None = None
    name: str | None = None
    files_count: int | None = None
    files: list[AnswerFileWire] | None = None

    def to_domain(self) -> TicketAnswer:
        files = tuple(f.to_domain() for f in self.files or ())
        return TicketAnswer(
            id=AnswerId(self.id),
            author=self.author,
            answered_at=self.answer_time,
            origin=self.answer_origin,
            text_html=self.name,
            files_count=self.files_count if self.files_count is not None else len(files),
            files=files,
        )


class ChangesWire(WireModel):
    fields: list[str] | None = None
    old_values: dict[str, Any] | None = None
    new_values: dict[str, Any] | None = None


class HistoryEventWire(WireModel):
    id: int
    action: str | None = None
    user: Named | None = None
    created_at: Timestamp = Field(default=None, alias="_created_at")
    type: str | None = Field(default=None, alias="_type")
    operation: str | None = Field(default=None, alias="_operation")
    changes: ChangesWire | None = None

    def to_domain(self) -> HistoryEvent:
        changes = self.changes
        fields = changes.fields or [] if changes else []
        old = (changes.old_values or {}) if changes else {}
        new = (changes.new_values or {}) if changes else {}
        return HistoryEvent(
            id=self.id,
            action=self.action,
            user=self.user.to_ref() if self.user else None,
            at=self.created_at,
            type=self.type,
            operation=self.operation,
            changes=tuple(FieldChange(name, _text(old.get(name)), _text(new.get(name))) for name in fields),
        )


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class ChecklistOptionWire(WireModel):
    id: str | int | None = None
    description: str | None = None
    value: bool | None = None

    def to_domain(self) -> ChecklistOption:
        return ChecklistOption(self.id, self.description, bool(self.value))


class ChecklistFieldWire(WireModel):
    index: int
    title: str | None = None
    type: str | None = None
    required: bool | None = None
    filled: bool | None = None
    value: str | int | float | None = None
    options: list[ChecklistOptionWire] | None = None

    def to_domain(self) -> ChecklistField:
        value = None if self.value is None or self.value == "" else str(self.value)
        return ChecklistField(
            index=self.index,
            title=self.title,
            type=self.type,
            required=bool(self.required),
            filled=bool(self.filled),
            value=value,
            options=tuple(o.to_domain() for o in self.options or ()),
        )


class ChecklistWire(WireModel):
    id: int | None = None
    name: str | None = None
    description: str | None = None
    required: bool | None = None
    pending: bool | None = None
    created_at: Timestamp = None
    updated_at: Timestamp = None
    fields: list[ChecklistFieldWire] | None = None

    def to_domain(self) -> Checklist:
        return Checklist(
            id=self.id,
            name=self.name,
            description=self.description,
            required=bool(self.required),
            pending=bool(self.pending),
            created_at=self.created_at,
            updated_at=self.updated_at,
            fields=tuple(f.to_domain() for f in self.fields or ()),
        )


def checklist_item_json(change: ChecklistItemChange) -> dict[str, Any]:
    """`{"value": …}` or `{"options": [{"id": …, "checked": …}]}`: one field at a time."""
    if change.options is not None:
        return {"options": [{"id": o.id, "checked": o.checked} for o in change.options]}
    return {"value": change.value}
