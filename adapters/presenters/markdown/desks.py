"""Desks in Markdown: the list, one desk's configuration in words, its priorities and catalogs."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TypeVar

from adapters.presenters.markdown.format import Formatter, bullet, lines
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import inline
from application.use_cases.desk_details import DeskMatches, DeskPage
from domain.desks import Desk, Priority, ServicesCatalog
from domain.paging import Page

T = TypeVar("T", Priority, ServicesCatalog)


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


# --- get_desk ----------------------------------------------------------------------------------------------

# Which vocabulary translates a setting's text values (`desk.value.<vocabulary>.<value>`).
_VOCABULARY = {
    "appointment_type": "appointment_type",
    "attendance_type": "attendance_type",
    "review_type": "review_type",
    "default_revised": "default_revised",
    "behavior_billed_tickets": "behavior",
    "behavior_not_billed_tickets": "behavior",
    "required_fields": "field",
}
_OTHER_VALUE_LIMIT = 200
Setting = tuple[str, object]  # the setting's message key (`desk.setting.<key>`) and its value


def present_desk(desk: Desk, fmt: Formatter) -> str:
    t = fmt.t
    out = [f"## {_desk_heading(desk, fmt)}"]
    for section, settings in _sections(desk):
        rows = [row for key, value in settings if (row := _setting(key, value, fmt))]
        if rows:
            out += ["", f"### {t(f'desk.section.{section}')}", *rows]
    others = [row for key, value in desk.settings.others.items() if (row := _other_setting(key, value, fmt))]
    if others:
        out += ["", f"### {t('desk.section.other')}", *others]
    return lines(out, "", t("desk.hint", id=desk.id))


def _sections(desk: Desk) -> tuple[tuple[str, tuple[Setting, ...]], ...]:
    """The settings in the sections a person reads them in; the identity is in the heading."""
    s = desk.settings
    return (
        (
            "identification",
            (
                ("description", s.description),
                ("active", desk.active),
                ("internal_desk", s.internal_desk),
                ("receiving_new_tickets", s.receiving_new_tickets),
            ),
        ),
        (
            "attendance",
            (
                ("appointment_type", desk.appointment_type),
                ("attendance_type", s.attendance_type),
                ("only_attendants_can_open", s.only_attendants_can_open),
                ("user_without_access_create_ticket", s.user_without_access_create_ticket),
                ("cancelable_tickets", s.cancelable_tickets),
                ("add_ticket_feedback", s.add_ticket_feedback),
                ("summary", s.summary),
                ("reminder", s.reminder),
                ("desk_exchange", s.desk_exchange),
            ),
        ),
        (
            "sla",
            (
                ("desk_with_sla", s.desk_with_sla),
                ("sla_goal", s.sla_goal),
                ("can_stop_sla", s.can_stop_sla),
                ("ticket_with_sla_time", s.ticket_with_sla_time),
            ),
        ),
        (
            "tickets",
            (
                ("ticket_review", s.ticket_review),
                ("review_type", s.review_type),
                ("default_revised", s.default_revised),
                ("can_reopen_revised_tickets", s.can_reopen_revised_tickets),
                ("time_limit_to_reopening", s.time_limit_to_reopening),
                ("behavior_billed_tickets", s.behavior_billed_tickets),
                ("behavior_not_billed_tickets", s.behavior_not_billed_tickets),
            ),
        ),
        (
            "required",
            (
                ("require_service_catalog_open_ticket", s.require_service_catalog_open_ticket),
                ("services_catalog_item", s.services_catalog_item),
                ("required_fields", s.required_fields),
            ),
        ),
    )


def _desk_heading(desk: Desk, fmt: Formatter) -> str:
    name, shown = inline(desk.name), inline(desk.display_name)
    if shown and shown != name:
        return fmt.t("desk.heading", label=shown, name=name, id=desk.id)
    return fmt.t("desk.heading.plain", label=shown or name or fmt.t("none"), id=desk.id)


def _setting(key: str, value: object, fmt: Formatter) -> str | None:
    shown = _required_fields(value, fmt) if key == "required_fields" else _value(key, value, fmt)
    return bullet(fmt.t(f"desk.setting.{key}"), shown) if shown else None


def _other_setting(key: str, value: object, fmt: Formatter) -> str | None:
    shown = _value(key, value, fmt)
    label = inline(key.replace("_", " ").strip().capitalize(), limit=80)
    return bullet(label, shown) if shown and label else None


def _value(key: str, value: object, fmt: Formatter) -> str:
    """A setting in words: yes/no, a known value translated, anything else as it came (cleaned)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return fmt.yes_no(value)
    if isinstance(value, str):
        return _word(key, value, fmt)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple):
        return ", ".join(filter(None, (_value(key, item, fmt) for item in value)))
    return inline(json.dumps(value, ensure_ascii=False, default=str), limit=_OTHER_VALUE_LIMIT)


def _word(key: str, value: str, fmt: Formatter) -> str:
    vocabulary = _VOCABULARY.get(key)
    message = f"desk.value.{vocabulary}.{value.strip()}" if vocabulary else ""
    return fmt.t(message) if message and fmt.t.has(message) else inline(value, limit=_OTHER_VALUE_LIMIT)


def _required_fields(value: object, fmt: Formatter) -> str:
    """An empty list is "none"; null is unknown."""
    if isinstance(value, tuple) and not value:
        return fmt.t("desk.required_fields.none")
    return _value("required_fields", value, fmt)


# --- list_desk_priorities / list_desk_services_catalogs ---------------------------------------------------


def present_desk_priorities(found: DeskPage[Priority] | DeskMatches[Priority], fmt: Formatter) -> str:
    t = fmt.t

    def row(priority: Priority) -> str:
        order = priority.order if priority.order is not None else t("none")
        first = inline(priority.first_response_time) or t("none")
        solved = inline(priority.resolution_time) or t("none")
        return f"| {priority.id} | {inline(priority.name)} | {order} | {first} | {solved} |"

    return _desk_listing(found, "priorities", row, "|---|---|---|---|---|", fmt)


def present_desk_catalogs(
    found: DeskPage[ServicesCatalog] | DeskMatches[ServicesCatalog], fmt: Formatter
) -> str:
    def row(catalog: ServicesCatalog) -> str:
        return f"| {catalog.id} | {inline(catalog.name)} |"

    return _desk_listing(found, "catalogs", row, "|---|---|", fmt)


def _desk_listing(
    found: DeskPage[T] | DeskMatches[T],
    what: str,
    row: Callable[[T], str],
    rule: str,
    fmt: Formatter,
) -> str:
    t = fmt.t
    desk = inline(label(found.desk, t))
    if isinstance(found, DeskMatches):
        term = inline(found.term)
        if not found.items:
            suggestions = ", ".join(inline(label(s, t)) for s in found.suggestions)
            return lines(
                t(f"desk.{what}.no_match", desk=desk, term=term),
                t("desk.suggestions", suggestions=suggestions) if suggestions else None,
            )
        heading = t(f"desk.{what}.matches", desk=desk, term=term, count=len(found.items))
        items: Sequence[T] = found.items
        footer = None
    else:
        page = found.page
        if not page.items:
            return lines(t(f"desk.{what}.empty", desk=desk, page=page.request.number))
        heading = t(f"desk.{what}.heading", desk=desk, page=page.request.number, count=len(page))
        items = page.items
        footer = fmt.page_footer(page)
    return lines(
        f"## {heading}",
        "",
        t(f"desk.{what}.columns"),
        rule,
        [row(item) for item in items],
        "",
        footer,
        t(f"desk.{what}.hint", id=found.desk.id),
    )
