"""A ticket's checklists (forms): each field, whether it is filled, and whether a blank one blocks closing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

OptionId = str | int | None  # None: the checkbox's "header" option


@dataclass(frozen=True)
class ChecklistOption:
    id: OptionId
    description: str | None = None
    checked: bool = False


@dataclass(frozen=True)
class ChecklistField:
    """One field, addressed by its `index`; `value` is the text or number typed, or the chosen option's id."""

    index: int
    title: str | None = None
    type: str | None = None
    required: bool = False
    filled: bool = False
    value: str | None = None
    options: Sequence[ChecklistOption] = ()

    @property
    def blocks_closing(self) -> bool:
        return self.required and not self.filled

    def chosen(self) -> ChecklistOption | None:
        """The radio option whose id is the value (ids compared as text: "2" is 2)."""
        if self.value is None:
            return None
        return next((o for o in self.options if o.id is not None and str(o.id) == self.value), None)


@dataclass(frozen=True)
class Checklist:
    """`id` None: made by hand on the ticket, not from a template (it cannot be updated)."""

    id: int | None
    name: str | None = None
    description: str | None = None
    required: bool = False
    pending: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None
    fields: Sequence[ChecklistField] = ()


@dataclass(frozen=True)
class OptionChange:
    id: OptionId
    checked: bool


@dataclass(frozen=True)
class ChecklistItemChange:
    """Either a value (text, number, an option id; None clears the field) or checkbox options, never both."""

    value: str | int | float | None = None
    options: Sequence[OptionChange] | None = None
