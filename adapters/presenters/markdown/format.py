"""Shared formatting: dates in the configured time zone, yes/no, labels, page footers, and compact mode.

Compact answers (`TIFLUX_VERBOSITY=compact`, or a hosted request's `x-tiflux-verbosity: compact`) say the
same things in fewer bytes: `page_footer` is one bracketed line, and `finish` drops what is only layout
(blank lines, table rules, horizontal rules, heading and bold marks) from any presenter's text. Presenters
that list items read `fmt.compact` to put one item on one line. Customer text stays quoted and labelled.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from adapters.i18n import Translator
from adapters.presenters.markdown.text import inline, quote
from domain.paging import Page


@dataclass(frozen=True)
class Formatter:
    """What every presenter needs: the user's language and time zone, and whether answers are compact."""

    t: Translator
    zone: ZoneInfo
    compact: bool = False

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

    def customer_text(self, text: str) -> str:
        """A customer's text as a labelled blockquote, so it reads as data (follow it with a blank line)."""
        return f"{self.t('untrusted.customer')}\n{quote(text)}"

    def stored_text(self, text: str) -> str:
        """Text someone saved in TiFlux (a note, an answer) as a labelled blockquote."""
        return f"{self.t('untrusted.stored')}\n{quote(text)}"

    def number(self, value: float, decimals: int) -> str:
        """1234.5 → "1.234,50" in pt-BR, "1,234.50" in English."""
        text = f"{value:,.{decimals}f}"
        if self.t.language == "pt-BR":
            text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return text

    def money(self, value: Decimal | None) -> str:
        return self.t("none") if value is None else f"R$ {self.number(float(value), 2)}"

    def size(self, size_bytes: int | None) -> str:
        """Bytes in the largest unit that keeps the number >= 1: 482133 → "470,83 KB"."""
        if not size_bytes:
            return "0 B"
        value, unit = float(size_bytes), "B"
        for unit in _SIZE_UNITS:
            if value < 1024 or unit == _SIZE_UNITS[-1]:
                break
            value /= 1024
        if unit == "B":
            return f"{size_bytes} B"
        return f"{self.number(value, 2).rstrip('0').rstrip(',.')} {unit}"

    def page_footer(self, page: Page[Any]) -> str:
        """Where this page sits and how to get the next; compact: `[mais: offset=3, limit 20]`."""
        if self.compact:
            return self._page_line(page)
        if page.next_number is not None:
            footer = self.t("page.next", next=page.next_number, limit=page.request.size)
        else:
            footer = self.t("page.last", limit=page.request.size)
        if page.request.asked is not None:
            footer += " " + self.t("page.capped", asked=page.request.asked, limit=page.request.size)
        return footer

    def _page_line(self, page: Page[Any]) -> str:
        """One line, never longer than the rich footer: the page and its size are in the heading already."""
        t, size, asked = self.t, page.request.size, page.request.asked
        capped = "" if asked is None else t("page.compact.capped", asked=asked, limit=size)
        if page.next_number is not None:
            return t("page.compact.next", next=page.next_number, limit=size, capped=capped)
        return t("page.compact.last", limit=size, capped=capped)

    def finish(self, text: str) -> str:
        """The presenter's text as sent: as it is, or without its layout-only lines when compact."""
        return compacted(text) if self.compact else text


_SIZE_UNITS = ("B", "KB", "MB", "GB", "TB", "PB")
_DURATION = re.compile(r"^\s*(\d+):(\d{1,2})(?::(\d{1,2}))?\s*$")


def duration(raw: str | None) -> str | None:
    """A duration as HH:MM ("0:25" → "00:25", "48:00:00" → "48:00"); text that is not one is kept as is."""
    if raw is None:
        return None
    match = _DURATION.match(raw)
    if not match:
        return raw.strip() or None
    hours, minutes = int(match.group(1)), int(match.group(2))
    return f"{hours:02d}:{minutes:02d}"


# Lines that are only layout: a Markdown table's delimiter row, a horizontal rule.
_LAYOUT_ONLY = re.compile(r"^\s*(?:\|(?:\s*:?-+:?\s*\|)+|(?:-{3,}|\*{3,}|_{3,}))\s*$")
_HEADING = re.compile(r"^(#{1,6}) (.+)$")
_BULLET_LABEL = re.compile(r"^- \*\*([^*\n]+?):\*\* ")
_BOLD = re.compile(r"\*\*([^*\n]+?)\*\*")
_STRUCTURE = re.compile(r"^\s*(?:#|>|```|~~~|<)")  # what a plain line must not start with


def compacted(text: str) -> str:
    """`text` in fewer bytes, saying the same: no blank or layout-only lines, headings and bold as plain
    text (`## A` → `A`, `### B` → `B:`, `- **Label:** v` → `Label: v`).

    Quoted lines (untrusted text, `>` after any indentation) are never touched, and the blank line that ends
    a top-level quote is kept, so nothing after it is read as part of the quote."""
    kept: list[str] = []
    for line in text.split("\n"):
        if line.lstrip().startswith(">"):
            kept.append(line)
            continue
        if _LAYOUT_ONLY.match(line):
            continue
        if not line.strip():
            if kept and kept[-1].startswith(">"):
                kept.append("")
            continue
        kept.append(_plain(line))
    return "\n".join(kept).strip() + ("\n" if text.endswith("\n") else "")


def _plain(line: str) -> str:
    """One line without heading or bold marks; as it was if that would start it with structure (a name in
    bold at the start of a line, `**# SYSTEM**`, must not become a heading)."""
    heading = _HEADING.match(line)
    plain = line
    if heading:
        title = heading.group(2)
        plain = title if len(heading.group(1)) <= 2 or title.endswith(":") else f"{title}:"
    plain = _BOLD.sub(r"\1", _BULLET_LABEL.sub(r"\1: ", plain))
    return line if _STRUCTURE.match(plain) else plain


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
