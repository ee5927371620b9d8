"""Shared formatting: dates in the configured time zone, yes/no, labels, page footers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from adapters.i18n import Translator
from adapters.presenters.markdown.text import inline
from domain.paging import Page


@dataclass(frozen=True)
class Formatter:
    """What every presenter needs: the user's language and time zone."""

    t: Translator
    zone: ZoneInfo

    def when(self, moment: datetime | None) -> str:
        if moment is None:
            return self.t("none")
        local = moment.astimezone(self.zone) if moment.tzinfo else moment
        pattern = "%d/%m/%Y %H:%M" if self.t.language == "pt-BR" else "%Y-%m-%d %H:%M"
        return local.strftime(pattern)

    def day(self, value: date | datetime | None) -> str:
        if value is None:
            return self.t("none")
        if isinstance(value, datetime):
            value = value.astimezone(self.zone).date() if value.tzinfo else value.date()
        return value.strftime("%d/%m/%Y" if self.t.language == "pt-BR" else "%Y-%m-%d")

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return self.t("none")
        return self.t("yes") if value else self.t("no")

    def named(self, name: str | None, ident: int | None) -> str:
        """`Name (ID 12)`, or whichever part is known."""
        label = inline(name)
        if ident is None:
            return label or self.t("none")
        return f"{label} (ID {ident})" if label else f"ID {ident}"

    def page_footer(self, page: Page[object]) -> str:
        if page.next_number is not None:
            return self.t("page.next", next=page.next_number, limit=page.request.size)
        return self.t("page.last", limit=page.request.size)


def bullet(label: str, value: str) -> str:
    return f"- **{label}:** {value}"


def lines(*parts: str | Iterable[str] | None) -> str:
    """Join non-empty parts (strings or iterables of strings) with newlines."""
    out: list[str] = []
    for part in parts:
        if part is None:
            continue
        if isinstance(part, str):
            out.append(part)
        else:
            out.extend(part)
    return "\n".join(out).strip() + "\n"
