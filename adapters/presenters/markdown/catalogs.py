"""The organisation's service catalogs in Markdown: lists of catalogs, areas and items, the writes, and what
a removal took with it. Names were typed by people, so they are shown as inline, defused text."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from adapters.presenters.markdown.format import Formatter, lines
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import inline
from application.use_cases.catalogs import (
    AreaDeleted,
    AreaListing,
    AreaWritten,
    CatalogDeleted,
    ItemDeleted,
    ItemListing,
    ItemWritten,
)
from domain.desks import CatalogItem, ServicesCatalog
from domain.knowledge import Counted
from domain.resolution import Decision


def present_catalogs(listed: Counted[ServicesCatalog], fmt: Formatter) -> str:
    t = fmt.t
    page = listed.page
    if not page.items:
        return lines(t("catalogs.empty", page=page.request.number))
    return lines(
        f"## {_heading('catalogs.heading', listed, fmt)}",
        "",
        [f"- {inline(c.name)} · ID {c.id}" for c in page.items],
        "",
        fmt.page_footer(page),
        t("catalogs.hint"),
    )


def present_catalog_created(catalog: ServicesCatalog, fmt: Formatter) -> str:
    return lines(fmt.t("catalog.created", name=inline(catalog.name), id=catalog.id))


def present_catalog_renamed(catalog: ServicesCatalog, fmt: Formatter) -> str:
    return lines(fmt.t("catalog.renamed", name=inline(catalog.name), id=catalog.id))


def present_catalog_deleted(result: CatalogDeleted, fmt: Formatter) -> str:
    cascade = result.cascade
    return lines(
        fmt.t("catalog.deleted", id=result.catalog_id),
        fmt.t("catalog.deleted.cascade", areas=cascade.areas, items=cascade.items),
    )


def present_areas(result: AreaListing, fmt: Formatter) -> str:
    t = fmt.t
    listed: Counted[Any] = result.listed
    page = listed.page
    context = list(_resolved(result.resolved, fmt))
    if not page.items:
        return lines(context, t("areas.empty", catalog=result.catalog_id, page=page.request.number))
    return lines(
        f"## {_heading('areas.heading', listed, fmt, catalog=result.catalog_id)}",
        context,
        "",
        [f"- {inline(a.name)} · ID {a.id}" for a in page.items],
        "",
        fmt.page_footer(page),
        t("areas.hint"),
    )


def present_area_created(result: AreaWritten, fmt: Formatter) -> str:
    area = result.area
    return lines(
        _resolved(result.resolved, fmt),
        fmt.t("area.created", catalog=result.catalog_id, name=inline(area.name), id=area.id),
    )


def present_area_renamed(result: AreaWritten, fmt: Formatter) -> str:
    area = result.area
    return lines(
        _resolved(result.resolved, fmt),
        fmt.t("area.renamed", catalog=result.catalog_id, name=inline(area.name), id=area.id),
    )


def present_area_deleted(result: AreaDeleted, fmt: Formatter) -> str:
    return lines(
        _resolved(result.resolved, fmt),
        fmt.t("area.deleted", catalog=result.catalog_id, id=result.area_id, items=result.items),
    )


def present_items(result: ItemListing, fmt: Formatter) -> str:
    t = fmt.t
    listed: Counted[Any] = result.listed
    page = listed.page
    context = list(_resolved(result.resolved, fmt))
    if not page.items:
        return lines(context, t("items.empty", area=result.area_id, page=page.request.number))
    items: Sequence[CatalogItem] = page.items
    return lines(
        f"## {_heading('items.heading', listed, fmt, area=result.area_id)}",
        context,
        "",
        t("items.columns"),
        "|---|---|---|---|",
        [
            f"| {i.id} | {inline(i.name)} | {_time(i.start_time, fmt)} | {_time(i.end_time, fmt)} |"
            for i in items
        ],
        "",
        fmt.page_footer(page),
    )


def present_item_written(result: ItemWritten, fmt: Formatter) -> str:
    t, item = fmt.t, result.item
    return lines(
        _resolved(result.resolved, fmt),
        t("item.written", area=result.area_id, name=inline(item.name), id=item.id),
        t("item.fields", fields=", ".join(f"`{f}`" for f in result.fields)),
        t("item.times", start=_time(item.start_time, fmt), end=_time(item.end_time, fmt)),
    )


def present_item_deleted(result: ItemDeleted, fmt: Formatter) -> str:
    return lines(
        _resolved(result.resolved, fmt), fmt.t("item.deleted", area=result.area_id, id=result.item_id)
    )


def _heading(key: str, listed: Counted[Any], fmt: Formatter, **values: object) -> str:
    heading = fmt.t(key, page=listed.page.request.number, count=len(listed.page), **values)
    if listed.total is not None:
        heading += f" ({fmt.t('catalogs.total', total=listed.total)})"
    return heading


def _resolved(resolved: Sequence[Decision], fmt: Formatter) -> Iterator[str]:
    for decision in resolved:
        yield fmt.t(
            "catalogs.resolved", term=inline(decision.term), record=inline(label(decision.record, fmt.t))
        )


def _time(value: str | None, fmt: Formatter) -> str:
    return inline(value) if value else fmt.t("none")
