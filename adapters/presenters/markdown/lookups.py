"""Lookups in Markdown: clients, users, stages and catalog items, each with the ID to use next."""

from __future__ import annotations

from adapters.presenters.markdown.format import Formatter, bullet, lines
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import inline
from application.use_cases.lookups import (
    CatalogFilter,
    CatalogItemFound,
    CatalogItemListing,
    ClientSearch,
    DeskStages,
    UserSearch,
)
from domain.desks import CatalogArea, CatalogItem, Desk, ServicesCatalog, Stage
from domain.people import User


def present_clients(found: ClientSearch, fmt: Formatter) -> str:
    t = fmt.t
    term = inline(found.term)
    if not found.clients:
        hint = None
        if found.suggestions:
            suggestions = ", ".join(inline(label(s, t)) for s in found.suggestions)
            hint = t("lookups.suggestions", suggestions=suggestions)
        return lines(t("search_client.empty", term=term), hint)
    rows = []
    for position, client in enumerate(found.clients, start=1):
        legal = inline(client.legal_name) or t("none")
        rows.append(
            f"{position}. "
            + t(
                "search_client.item",
                client=_bold_named(client.name, client.id, fmt),
                legal=legal,
                active=fmt.yes_no(client.active),
            )
        )
    return lines(
        f"## {t('search_client.heading', term=term, count=len(found.clients))}",
        "",
        rows,
        "",
        None if found.complete else t("search_client.more", count=len(found.clients)),
        t("search_client.hint"),
    )


def present_users(found: UserSearch, fmt: Formatter) -> str:
    t = fmt.t
    term = inline(found.term)
    filters = _user_filters(found, fmt)
    page = found.page
    notes = _fallback_notes(found, fmt)
    if not found.total:
        return lines(
            t("search_user.empty", term=term),
            t("lookups.filters", filters=filters) if filters else None,
            notes,
        )
    if not page.items:
        last = -(-found.total // page.request.size)
        return lines(
            t("search_user.beyond", page=page.request.number, total=found.total, term=term, last=last)
        )
    first = (page.request.number - 1) * page.request.size + 1
    rows = [f"{position}. {_user(user, fmt)}" for position, user in enumerate(page.items, start=first)]
    has_more = first - 1 + len(page.items) < found.total
    footer = (
        t("page.next", next=page.request.number + 1, limit=page.request.size)
        if has_more
        else t("page.last", limit=page.request.size)
    )
    heading = t(
        "search_user.heading", term=term, total=found.total, page=page.request.number, count=len(page)
    )
    return lines(
        f"## {heading}",
        t("lookups.filters", filters=filters) if filters else None,
        "",
        rows,
        "",
        footer,
        notes,
        t("search_user.hint"),
    )


def _fallback_notes(found: UserSearch, fmt: Formatter) -> list[str]:
    """search_user through the technical groups (the key may not list users): said, and if partial."""
    notes = [fmt.t("search_user.via_groups")] if found.via_groups else []
    if found.groups_truncated:
        notes.append(fmt.t("search_user.groups_truncated"))
    return notes


def present_stages(found: DeskStages, fmt: Formatter) -> str:
    t = fmt.t
    page, desk = found.page, _desk(found.desk, fmt)
    if not page.items:
        return lines(t("search_stage.empty", desk=desk, page=page.request.number))
    rows = [f"{position}. {_stage(stage, fmt)}" for position, stage in enumerate(page.items, start=1)]
    return lines(
        f"## {t('search_stage.heading', desk=desk, page=page.request.number, count=len(page))}",
        "",
        rows,
        "",
        fmt.page_footer(page),
        t("search_stage.hint"),
    )


def present_catalog_items(found: CatalogItemListing | CatalogItemFound, fmt: Formatter) -> str:
    if isinstance(found, CatalogItemFound):
        return _catalog_item_card(found, fmt)
    t = fmt.t
    page, desk = found.page, _desk(found.desk, fmt)
    filters = _catalog_filters(found.criteria, fmt)
    if not page.items:
        return lines(t("search_catalog_item.empty", desk=desk, filters=filters, page=page.request.number))
    rows = []
    for position, item in enumerate(page.items, start=1):
        rows.append(f"{position}. {_bold_named(item.name, item.id, fmt)} · {_placement(item, fmt)}")
    heading = t("search_catalog_item.heading", desk=desk, page=page.request.number, count=len(page))
    return lines(
        f"## {heading}",
        t("lookups.filters", filters=filters) if filters else None,
        "",
        rows,
        "",
        fmt.page_footer(page),
        t("search_catalog_item.hint"),
    )


def _catalog_item_card(found: CatalogItemFound, fmt: Formatter) -> str:
    t = fmt.t
    item = found.item
    return lines(
        f"## {t('search_catalog_item.card', item=fmt.named(item.name, item.id))}",
        "",
        bullet(t("search_catalog_item.desk"), _desk(found.desk, fmt)),
        bullet(t("search_catalog_item.area"), _part(item.area, fmt)),
        bullet(t("search_catalog_item.catalog"), _part(item.catalog, fmt)),
        bullet(t("search_catalog_item.start_time"), inline(item.start_time) or t("none")),
        bullet(t("search_catalog_item.end_time"), inline(item.end_time) or t("none")),
        "",
        t("search_catalog_item.card_hint", id=item.id),
    )


def _bold_named(name: str | None, ident: int, fmt: Formatter) -> str:
    label = inline(name)
    return f"**{label}** (ID {ident})" if label else fmt.named(None, ident)


def _desk(desk: Desk, fmt: Formatter) -> str:
    return inline(label(desk, fmt.t))


def _user(user: User, fmt: Formatter) -> str:
    t = fmt.t
    return t(
        "search_user.item",
        user=_bold_named(user.name, user.id, fmt),
        email=inline(user.email) or t("none"),
        type=t(f"user_type.{user.type.value}") if user.type else t("none"),
        state=t("lookups.active") if user.active else t("lookups.inactive"),
    )


def _user_filters(found: UserSearch, fmt: Formatter) -> str:
    t = fmt.t
    parts = [t(f"search_user.filter.{found.user_type.value}")] if found.user_type else []
    if found.active is not None:
        parts.append(t("lookups.active_plural") if found.active else t("lookups.inactive_plural"))
    return ", ".join(parts)


def _stage(stage: Stage, fmt: Formatter) -> str:
    t = fmt.t
    if stage.first and stage.last:
        kind = t("search_stage.kind.only")
    elif stage.first:
        kind = t("search_stage.kind.first")
    elif stage.last:
        kind = t("search_stage.kind.last")
    else:
        kind = t("search_stage.kind.middle")
    max_time = inline(stage.max_time)
    return t(
        "search_stage.item",
        stage=_bold_named(stage.name, stage.id, fmt),
        order=stage.order if stage.order is not None else t("none"),
        kind=kind,
        max_time=t("search_stage.max_time", time=max_time) if max_time else t("search_stage.no_max_time"),
    )


def _placement(item: CatalogItem, fmt: Formatter) -> str:
    return fmt.t(
        "search_catalog_item.placement", area=_part(item.area, fmt), catalog=_part(item.catalog, fmt)
    )


def _part(part: CatalogArea | ServicesCatalog | None, fmt: Formatter) -> str:
    return fmt.named(part.name, part.id) if part is not None else fmt.t("none")


def _catalog_filters(criteria: CatalogFilter, fmt: Formatter) -> str:
    t = fmt.t
    parts = []
    if criteria.search:
        parts.append(t("search_catalog_item.filter.search", term=inline(criteria.search)))
    if criteria.area_id:
        parts.append(t("search_catalog_item.filter.area", id=criteria.area_id))
    if criteria.catalog_id:
        parts.append(t("search_catalog_item.filter.catalog", id=criteria.catalog_id))
    return ", ".join(parts)
