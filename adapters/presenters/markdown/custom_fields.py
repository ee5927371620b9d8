"""The custom-field catalogue in Markdown: entities, fields (with the value each expects), options."""

from __future__ import annotations

from adapters.presenters.markdown.format import Formatter, lines
from adapters.presenters.markdown.text import inline
from domain.custom_fields import AppliedIn, Entity, EntityField, EntityFieldOption, FieldType
from domain.paging import Page


def present_entities(
    page: Page[Entity], *, active: bool | None, applied_in: AppliedIn | None, name: str | None, fmt: Formatter
) -> str:
    t = fmt.t
    filters = []
    if applied_in is not None:
        filters.append(t("entities.filter.applied_in", target=_applied_in(applied_in.value, fmt)))
    if active is not None:
        filters.append(t("entities.filter.active") if active else t("entities.filter.inactive"))
    if name:
        filters.append(t("entities.filter.name", name=inline(name)))
    filter_line = t("custom_fields.filters", filters=", ".join(filters)) if filters else None
    if not page.items:
        return lines(t("entities.empty", page=page.request.number), filter_line)
    rows = [
        f"| {entity.id} | {inline(entity.name)} | {_applied_in(entity.applied_in, fmt)} | "
        f"{fmt.yes_no(entity.active)} |"
        for entity in page.items
    ]
    return lines(
        f"## {t('entities.heading', page=page.request.number, count=len(page))}",
        filter_line,
        "",
        t("entities.columns"),
        "|---|---|---|---|",
        rows,
        "",
        fmt.page_footer(page),
        t("entities.hint"),
    )


def present_entity_fields(
    page: Page[EntityField],
    entity_id: int,
    *,
    field_type: FieldType | None,
    required: bool | None,
    name: str | None,
    fmt: Formatter,
) -> str:
    t = fmt.t
    filters = []
    if field_type is not None:
        filters.append(t("entity_fields.filter.type", type=t(f"custom_fields.type.{field_type.value}")))
    if required is not None:
        filters.append(t("entity_fields.filter.required") if required else t("entity_fields.filter.optional"))
    if name:
        filters.append(t("entity_fields.filter.name", name=inline(name)))
    filter_line = t("custom_fields.filters", filters=", ".join(filters)) if filters else None
    if not page.items:
        return lines(t("entity_fields.empty", id=entity_id, page=page.request.number), filter_line)
    rows = [
        f"| {field.id} | {inline(field.name)} | {_type(field, fmt)} | {fmt.yes_no(field.required)} | "
        f"{_expected(field, fmt)} |"
        for field in page.items
    ]
    return lines(
        f"## {t('entity_fields.heading', id=entity_id, page=page.request.number, count=len(page))}",
        filter_line,
        "",
        t("entity_fields.columns"),
        "|---|---|---|---|---|",
        rows,
        "",
        fmt.page_footer(page),
        t("entity_fields.hint"),
    )


def present_entity_field_options(
    page: Page[EntityFieldOption], field_id: int, *, value: str | None, fmt: Formatter
) -> str:
    t = fmt.t
    filter_line = (
        t("custom_fields.filters", filters=t("entity_field_options.filter.value", value=inline(value)))
        if value
        else None
    )
    if not page.items:
        return lines(
            t("entity_field_options.empty", id=field_id, page=page.request.number),
            filter_line,
            t("entity_field_options.empty_hint"),
        )
    rows = [
        f"| {option.id} | {inline(option.value) or t('none')} | {fmt.yes_no(option.null_option)} |"
        for option in page.items
    ]
    return lines(
        f"## {t('entity_field_options.heading', id=field_id, page=page.request.number, count=len(page))}",
        filter_line,
        "",
        t("entity_field_options.columns"),
        "|---|---|---|",
        rows,
        "",
        fmt.page_footer(page),
        t("entity_field_options.how_checkbox", field=field_id),
        t("entity_field_options.how_select", field=field_id),
    )


def _applied_in(value: str | None, fmt: Formatter) -> str:
    if not value:
        return fmt.t("none")
    key = f"custom_fields.applied_in.{value}"
    return fmt.t(key) if fmt.t.has(key) else inline(value)


def _type(field: EntityField, fmt: Formatter) -> str:
    kind = field.type
    return fmt.t(f"custom_fields.type.{kind.value}") if kind else inline(field.field_type) or fmt.t("none")


def _expected(field: EntityField, fmt: Formatter) -> str:
    kind = field.type
    return fmt.t(f"custom_fields.expects.{kind.value}") if kind else fmt.t("none")
