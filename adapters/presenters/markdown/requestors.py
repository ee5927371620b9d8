"""Requestors, attendants and departments in Markdown. Names, e-mails and phones are the customer's data:
always inline and escaped."""

from __future__ import annotations

from collections.abc import Iterator

from adapters.presenters.markdown.format import Formatter, bullet, lines
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import inline
from adapters.presenters.markdown.tickets import _entity_group
from application.use_cases.requestors import (
    ClientRequestors,
    DepartmentPage,
    RequestorCard,
    RequestorSearch,
    RequestorWritten,
    TechnicalUserPage,
)
from domain.ids import ClientId
from domain.people import Client
from domain.requestors import Requestor, RequestorFilter


def _filters(criteria: RequestorFilter, fmt: Formatter) -> str:
    t = fmt.t
    parts = [
        t("requestors.filter.name", value=inline(criteria.name)) if criteria.name else None,
        t("requestors.filter.email", value=inline(criteria.email)) if criteria.email else None,
        t("requestors.filter.telephone", value=criteria.telephone) if criteria.telephone else None,
        t("requestors.filter.extension", value=inline(criteria.extension)) if criteria.extension else None,
        None
        if criteria.can_open_ticket is None
        else t("requestors.filter.can_open_ticket", value=fmt.yes_no(criteria.can_open_ticket)),
    ]
    return ", ".join(part for part in parts if part)


def _client(client: Client | None, client_id: ClientId | None, fmt: Formatter) -> str:
    if client is not None:
        return inline(label(client, fmt.t))
    return f"ID {client_id}" if client_id is not None else fmt.t("none")


def _requestor_line(requestor: Requestor, fmt: Formatter, *, with_client: bool) -> str:
    t = fmt.t
    parts = [
        f"**{inline(requestor.name) or t('none')}** (ID {requestor.id})",
        inline(requestor.email) or t("requestors.no_email"),
        t("requestors.telephone", value=inline(requestor.telephone)) if requestor.telephone else None,
        t("requestors.extension", value=inline(requestor.extension)) if requestor.extension else None,
        fmt.named(requestor.client.name, requestor.client.id) if with_client and requestor.client else None,
        None
        if requestor.can_open_ticket is None
        else t("requestors.can_open_ticket", value=fmt.yes_no(requestor.can_open_ticket)),
    ]
    return " · ".join(part for part in parts if part)


def _rows(
    requestors: tuple[Requestor, ...] | list[Requestor], first: int, fmt: Formatter, *, with_client: bool
) -> Iterator[str]:
    for position, requestor in enumerate(requestors, start=first):
        yield f"{position}. {_requestor_line(requestor, fmt, with_client=with_client)}"


def present_requestor_search(found: RequestorSearch, fmt: Formatter) -> str:
    t = fmt.t
    page = found.page
    filters = _filters(found.criteria, fmt)
    scope = (
        t("requestors.scope.client", client=_client(found.client, found.client_id, fmt))
        if found.client_id is not None
        else t("requestors.scope.all")
    )
    denied = t("requestors.global_denied") if found.global_denied else None
    if not page.items:
        return lines(
            t("requestors.search.empty", filters=filters, scope=scope),
            denied,
            t("requestors.search.empty.hint") if found.client_id is None else None,
        )
    first = (page.request.number - 1) * page.request.size + 1
    return lines(
        f"## {t('requestors.search.heading', filters=filters, page=page.request.number, count=len(page))}",
        scope,
        denied,
        "",
        list(_rows(list(page.items), first, fmt, with_client=found.client_id is None)),
        "",
        fmt.page_footer(page),
        t("requestors.hint"),
    )


def present_client_requestors(found: ClientRequestors, fmt: Formatter) -> str:
    t = fmt.t
    page = found.page
    client = _client(found.client, found.client_id, fmt)
    filters = _filters(found.criteria, fmt)
    if not page.items:
        return lines(
            t("requestors.list.empty", client=client, page=page.request.number),
            t("lookups.filters", filters=filters) if filters else None,
        )
    first = (page.request.number - 1) * page.request.size + 1
    return lines(
        f"## {t('requestors.list.heading', client=client, page=page.request.number, count=len(page))}",
        t("lookups.filters", filters=filters) if filters else None,
        "",
        list(_rows(list(page.items), first, fmt, with_client=False)),
        "",
        fmt.page_footer(page),
        t("requestors.hint"),
    )


def present_requestor(card: RequestorCard, fmt: Formatter) -> str:
    t = fmt.t
    requestor = card.requestor
    out = [
        f"## {t('requestor.heading', name=inline(requestor.name) or t('none'), id=requestor.id)}",
        bullet(t("requestor.email"), inline(requestor.email) or t("none")),
        bullet(t("requestor.telephone"), inline(requestor.telephone) or t("none")),
    ]
    if requestor.extension:
        out.append(bullet(t("requestor.extension"), inline(requestor.extension)))
    out.append(bullet(t("requestor.can_open_ticket"), fmt.yes_no(requestor.can_open_ticket)))
    if requestor.client:
        out.append(bullet(t("requestor.client"), fmt.named(requestor.client.name, requestor.client.id)))
    out.append(bullet(t("requestor.created"), fmt.when(requestor.created_at)))
    out.append(bullet(t("requestor.updated"), fmt.when(requestor.updated_at)))
    if card.with_fields:
        out += ["", f"### {t('requestor.custom_fields')}"]
        if requestor.custom_fields:
            for group in requestor.custom_fields:
                out.extend(_entity_group(group, fmt))
        else:
            out.append(t("requestor.custom_fields.none"))
    return lines(out, "", t("requestors.hint"))


def present_requestor_created(written: RequestorWritten, fmt: Formatter) -> str:
    t = fmt.t
    requestor = written.requestor
    return lines(
        f"## {t('requestor.created.heading', name=inline(requestor.name) or t('none'), id=requestor.id)}",
        bullet(t("requestor.email"), inline(requestor.email) or t("none")),
        bullet(t("requestor.telephone"), inline(requestor.telephone)) if requestor.telephone else None,
        bullet(t("requestor.client"), _client(written.client, written.client_id, fmt)),
        "",
        t("requestors.hint"),
    )


def present_requestor_updated(written: RequestorWritten, fmt: Formatter) -> str:
    t = fmt.t
    requestor = written.requestor
    return lines(
        f"## {t('requestor.updated.heading', name=inline(requestor.name) or t('none'), id=requestor.id)}",
        bullet(t("requestor.client"), _client(written.client, written.client_id, fmt)),
        bullet(t("requestor.changed"), ", ".join(f"`{key}`" for key in written.changed)),
    )


def present_technical_users(found: TechnicalUserPage, fmt: Formatter) -> str:
    t = fmt.t
    page, criteria = found.page, found.criteria
    parts = [
        t("requestors.filter.name", value=inline(criteria.name)) if criteria.name else None,
        t("requestors.filter.email", value=inline(criteria.email)) if criteria.email else None,
        f"desk_id {criteria.desk_id}" if criteria.desk_id is not None else None,
        f"client_id {criteria.client_id}" if criteria.client_id is not None else None,
    ]
    filters = ", ".join(part for part in parts if part)
    if not page.items:
        return lines(
            t("technical_users.empty", page=page.request.number),
            t("lookups.filters", filters=filters) if filters else None,
        )
    first = (page.request.number - 1) * page.request.size + 1
    rows = [
        f"{position}. **{inline(user.name) or t('none')}** (ID {user.id}) · {inline(user.email) or t('none')}"
        for position, user in enumerate(page.items, start=first)
    ]
    return lines(
        f"## {t('technical_users.heading', page=page.request.number, count=len(page))}",
        t("lookups.filters", filters=filters) if filters else None,
        "",
        rows,
        "",
        fmt.page_footer(page),
        t("technical_users.hint"),
    )


def present_departments(found: DepartmentPage, fmt: Formatter) -> str:
    t = fmt.t
    page = found.page
    filters = t("requestors.filter.name", value=inline(found.name)) if found.name else None
    if not page.items:
        return lines(
            t("departments.empty", page=page.request.number),
            t("lookups.filters", filters=filters) if filters else None,
            t("departments.scope"),
        )
    rows = [f"| {item.id} | {inline(item.name) or t('none')} |" for item in page.items]
    return lines(
        f"## {t('departments.heading', page=page.request.number, count=len(page))}",
        t("lookups.filters", filters=filters) if filters else None,
        "",
        t("departments.columns"),
        "|---|---|",
        rows,
        "",
        fmt.page_footer(page),
        t("departments.hint"),
    )
