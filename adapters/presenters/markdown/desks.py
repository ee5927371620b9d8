"""Desks in Markdown."""

from __future__ import annotations

from adapters.presenters.markdown.format import Formatter, lines
from adapters.presenters.markdown.text import inline
from domain.desks import Desk
from domain.paging import Page


def present_desk_page(page: Page[Desk], *, active: bool | None, name: str | None, fmt: Formatter) -> str:
    t = fmt.t
    if not page.items:
        filters = [t({True: "filters.active", False: "filters.inactive", None: "filters.all"}[active])]
        if name:
            filters.append(t("filters.name", name=inline(name)))
        return lines(
            t("desks.empty", filters=", ".join(filters)), t("desks.empty.name_hint") if name else None
        )
    rows = [
        f"| {desk.id} | {inline(desk.name)} | {inline(desk.display_name) or t('none')} | "
        f"{fmt.yes_no(desk.active)} | {_appointments(desk, fmt)} |"
        for desk in page.items
    ]
    return lines(
        f"## {t('desks.heading', page=page.request.number, count=len(page))}",
        "",
        t("desks.columns"),
        "|---|---|---|---|---|",
        rows,
        "",
        fmt.page_footer(page),
        t("desks.hint"),
    )


def _appointments(desk: Desk, fmt: Formatter) -> str:
    kind = desk.appointment_type
    if not kind:
        return fmt.t("none")
    key = f"desks.appointment.{kind}"
    return fmt.t(key) if fmt.t.has(key) else inline(kind)
