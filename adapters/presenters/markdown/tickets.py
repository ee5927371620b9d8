"""Tickets in Markdown: the full card of `get_ticket` and the compact list of `list_tickets`; in compact
mode (`fmt.compact`) a terse card and one line per ticket."""

from __future__ import annotations

from collections.abc import Iterator

from adapters.presenters.markdown.format import Formatter, bullet, lines
from adapters.presenters.markdown.text import html_to_text, inline, one_line, quote_line
from application.queries import ID_FILTERS, NEW_ID_FILTERS, TicketFilter
from application.use_cases.tickets import TicketListing
from domain.custom_fields import EntityValues
from domain.people import PersonRef, User
from domain.ticket_counts import TicketCounts
from domain.tickets import Ticket

SNIPPET_LENGTH = 100
VOLUME = 500  # more tickets than this: count them (group_by) instead of paging through
COMPACT_DESCRIPTION_LENGTH = 800


def present_ticket(ticket: Ticket, fmt: Formatter) -> str:
    t = fmt.t
    if fmt.compact:
        return _terse_ticket(ticket, fmt)
    title = inline(ticket.title) or t("ticket.untitled")
    description = html_to_text(ticket.description_html)
    return lines(
        f"## {t('ticket.heading', number=ticket.number, title=title)}",
        "",
        _summary(ticket, fmt),
        _sla(ticket, fmt),
        _links(ticket, fmt),
        "",
        f"### {t('ticket.description')}",
        fmt.customer_text(description) if description else t("ticket.description.empty"),
        _custom_fields(ticket, fmt),
    )


def present_ticket_page(listing: TicketListing, fmt: Formatter) -> str:
    t = fmt.t
    query = listing.query
    state = _state(query)
    resolved = _resolved_names(listing, fmt)
    assumed = t("tickets.status_assumed") if listing.status_assumed else None
    if listing.counts is not None:
        return present_ticket_counts(listing, listing.counts, fmt, resolved, assumed)
    page = listing.page
    assert page is not None  # a listing is a page or counts
    if not page.items:
        empty = t(f"tickets.empty.{state}", filters=_describe_filter(query))
        hint = t("tickets.closed_hint") if state == "open" and listing.zero_cause is None else None
        return lines(resolved, assumed, empty, _zero_cause(listing, fmt), hint)
    if fmt.compact:
        return lines(
            f"## {t(f'tickets.heading.{state}', page=page.request.number, count=len(page))}",
            resolved,
            assumed,
            t("tickets.compact.columns"),
            [_ticket_line(ticket, fmt) for ticket in page.items],
            fmt.page_footer(page),
        )
    items: list[str] = []
    snippets = 0
    for position, ticket in enumerate(page.items, start=1):
        items.append(f"{position}. " + t("tickets.item", number=ticket.number, title=_title(ticket, fmt)))
        items.append("   " + _list_details(ticket, fmt))
        snippet = one_line(html_to_text(ticket.description_html), limit=SNIPPET_LENGTH)
        if snippet:
            items.append(f"   {quote_line(snippet)}")
            snippets += 1
    heading = t(f"tickets.heading.{state}", page=page.request.number, count=len(page))
    volume = None
    if page.total is not None:
        total = fmt.number(page.total, 0)
        heading += " " + t("tickets.total", total=total)
        volume = t("tickets.volume", total=total) if page.total > VOLUME else None
    return lines(
        f"## {heading}",
        resolved,
        assumed,
        volume,
        t("untrusted.previews") if snippets else None,
        "",
        items,
        "",
        fmt.page_footer(page),
    )


def present_ticket_counts(
    listing: TicketListing, counts: TicketCounts, fmt: Formatter, *notes: str | None
) -> str:
    """Tickets per day, ISO week, month or desk: a table, periods with none included."""
    t = fmt.t
    unit = t(f"tickets.counts.unit.{counts.group_by.value}")
    heading = t("tickets.counts.heading", unit=unit, total=fmt.number(counts.total, 0))
    filters = _describe_filter(listing.query)
    applied = t("tickets.counts.filters", filters=filters) if filters else None
    if counts.empty:
        return lines(f"## {heading}", *notes, applied, t("tickets.counts.empty"), _zero_cause(listing, fmt))
    rows = [t("tickets.counts.header", unit=unit), "|---|---:|"]
    for bucket in counts.buckets:
        rows.append(f"| {inline(bucket.period)} | {fmt.number(bucket.count, 0)} |")
    filled = sum(1 for bucket in counts.buckets if bucket.filled)
    return lines(
        f"## {heading}",
        *notes,
        applied,
        "",
        rows,
        "",
        t("tickets.counts.filled", count=filled) if filled else None,
    )


def _state(query: TicketFilter) -> str:
    if query.filter_by is not None:
        return query.filter_by.value
    return "closed" if query.is_closed else "open"


def _zero_cause(listing: TicketListing, fmt: Formatter) -> str | None:
    cause = listing.zero_cause
    return fmt.t(f"tickets.zero.{cause.value}") if cause is not None else None


def _ticket_line(ticket: Ticket, fmt: Formatter) -> str:
    """`#1040 title | status | desk | stage | responsible | client | created`: the rich item, unlabelled."""
    t = fmt.t
    cells = (
        f"#{ticket.number} {_title(ticket, fmt)}",
        inline(ticket.status.name) if ticket.status else t("none"),
        inline(ticket.desk.label) if ticket.desk else t("none"),
        inline(ticket.stage.name) if ticket.stage else t("none"),
        inline(ticket.responsible.name) if ticket.responsible else t("unassigned"),
        inline(ticket.client.name) if ticket.client else t("none"),
        fmt.when(ticket.audit.created_at),
    )
    return " | ".join(cells)


def _terse_ticket(ticket: Ticket, fmt: Formatter) -> str:
    """The card in a few plain lines: what a ticket is, where it stands, who has it, its deadlines, the
    description (cut, still quoted and labelled) and its custom fields as `name: value (id:n)`."""
    t = fmt.t
    situation = t("ticket.situation.closed" if ticket.is_closed else "ticket.situation.open")
    status = f"{fmt.named(ticket.status.name, ticket.status.id)}, {situation}" if ticket.status else situation
    priority = ticket.priority
    where = [
        _pair(t("ticket.status"), status),
        _pair(t("ticket.priority"), fmt.named(priority.name, priority.id) if priority else t("not_set")),
    ]
    if ticket.desk:
        where.append(_pair(t("ticket.desk"), fmt.named(ticket.desk.label, ticket.desk.id)))
    if ticket.stage:
        where.append(_pair(t("ticket.stage"), fmt.named(ticket.stage.name, ticket.stage.id)))
    if ticket.catalog:
        where.append(_pair(t("ticket.catalog"), fmt.named(ticket.catalog.item_name, ticket.catalog.item_id)))
    responsible = ticket.responsible
    who = [
        _pair(
            t("ticket.responsible"),
            fmt.named(responsible.name, responsible.id) if responsible else t("unassigned"),
        )
    ]
    if ticket.client:
        who.append(_pair(t("ticket.client"), fmt.named(ticket.client.name, ticket.client.id)))
    if ticket.requestor:
        who.append(_pair(t("ticket.requestor"), fmt.named(ticket.requestor.name, ticket.requestor.id)))
    when = [_pair(t("ticket.created"), fmt.when(ticket.audit.created_at))]
    if ticket.closed_at:
        when.append(_pair(t("ticket.closed_at"), fmt.when(ticket.closed_at)))
    sla = ticket.sla
    if sla is not None:
        for label, moment in (
            ("ticket.sla.attend_expiration", sla.attend_expiration),
            ("ticket.sla.solve_expiration", sla.solve_expiration),
            ("ticket.sla.stage_expiration", sla.stage_expiration),
        ):
            if moment:
                when.append(_pair(t(label), fmt.when(moment)))
    description = html_to_text(ticket.description_html)
    cut = len(description) > COMPACT_DESCRIPTION_LENGTH
    if cut:
        description = description[: COMPACT_DESCRIPTION_LENGTH - 1].rstrip() + "…"
    return lines(
        t("ticket.heading", number=ticket.number, title=inline(ticket.title) or t("ticket.untitled")),
        " · ".join(where),
        " · ".join(who),
        " · ".join(when),
        (fmt.customer_text(description), "") if description else t("ticket.description.empty"),
        t("ticket.compact.cut", limit=COMPACT_DESCRIPTION_LENGTH) if cut else None,
        _terse_fields(ticket, fmt),
    )


def _pair(label: str, value: str) -> str:
    return f"{label}: {value}"


def _terse_fields(ticket: Ticket, fmt: Formatter) -> Iterator[str]:
    if not ticket.custom_fields:
        return
    t = fmt.t
    yield f"{t('ticket.custom_fields')}:"
    for group in ticket.custom_fields:
        for field in group.fields:
            value = (
                inline(field.value, limit=300)
                if field.value not in (None, "")
                else t("ticket.custom_fields.empty")
            )
            required = t("ticket.custom_fields.required") if field.required else ""
            yield f"- {inline(field.name)}: {value} (id:{field.field_id}{required})"


def _resolved_names(listing: TicketListing, fmt: Formatter) -> str | None:
    """Say what each name became, so a wrong guess can never pass unnoticed."""
    t = fmt.t
    parts = []
    if listing.desk:
        parts.append(t("tickets.resolved.desk", desk=fmt.named(listing.desk.label, listing.desk.id)))
    if listing.client:
        parts.append(t("tickets.resolved.client", client=fmt.named(listing.client.name, listing.client.id)))
    if listing.stage:
        parts.append(t("tickets.resolved.stage", stage=fmt.named(listing.stage.name, listing.stage.id)))
    if listing.responsible:
        who = fmt.named(listing.responsible.name, listing.responsible.id)
        parts.append(t("tickets.resolved.responsible", responsible=who))
    if listing.priority:
        what = fmt.named(listing.priority.name, listing.priority.id)
        parts.append(t("tickets.resolved.priority", priority=what))
    if listing.catalog_items:
        found = ", ".join(fmt.named(item.name, item.id) for item in listing.catalog_items)
        parts.append(t("tickets.resolved.catalog", items=found))
    return t("tickets.resolved", names="; ".join(parts)) if parts else None


def _title(ticket: Ticket, fmt: Formatter) -> str:
    return inline(ticket.title, limit=120) or fmt.t("ticket.untitled")


def _list_details(ticket: Ticket, fmt: Formatter) -> str:
    t = fmt.t
    details = t(
        "tickets.item.details",
        status=inline(ticket.status.name) if ticket.status else t("none"),
        desk=inline(ticket.desk.label) if ticket.desk else t("none"),
        stage=inline(ticket.stage.name) if ticket.stage else t("none"),
        responsible=inline(ticket.responsible.name) if ticket.responsible else t("unassigned"),
        client=inline(ticket.client.name) if ticket.client else t("none"),
        created=fmt.when(ticket.audit.created_at),
    )
    priority = inline(ticket.priority.name) if ticket.priority else t("none")
    catalog = ticket.catalog
    path = (
        " › ".join(
            inline(part) or t("none") for part in (catalog.catalog_name, catalog.area_name, catalog.item_name)
        )
        if catalog
        else t("none")
    )
    return details + " · " + t("tickets.item.more", priority=priority, catalog=path)


def _describe_filter(query: TicketFilter) -> str:
    parts = [
        f"{name}={','.join(str(i) for i in getattr(query, name))}"
        for name in (*ID_FILTERS, *NEW_ID_FILTERS)
        if getattr(query, name)
    ]
    if query.requestor_email:
        parts.append(f"requestor_email={inline(query.requestor_email)}")
    if query.filter_by:
        parts.append(f"filter_by={query.filter_by.value}")
    if query.sla_expiring_before:
        parts.append(f"sla_expiring_before={query.sla_expiring_before.isoformat()}")
    if query.dates:
        parts.append(f"date_type={query.dates.field.value}")
        if query.dates.start:
            parts.append(f"start_datetime={query.dates.start.isoformat()}")
        if query.dates.end:
            parts.append(f"end_datetime={query.dates.end.isoformat()}")
    return ", ".join(parts)


def _summary(ticket: Ticket, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    if ticket.status:
        default = t("ticket.status.default_open") if ticket.status.default_open else ""
        value = t(
            "ticket.status.value", name=inline(ticket.status.name), id=ticket.status.id, default=default
        )
        yield bullet(t("ticket.status"), value)
    situation = "ticket.situation.closed" if ticket.is_closed else "ticket.situation.open"
    yield bullet(t("ticket.situation"), t(situation))
    priority = ticket.priority
    yield bullet(t("ticket.priority"), fmt.named(priority.name, priority.id) if priority else t("not_set"))
    if ticket.desk:
        desk = ticket.desk
        inactive = "" if desk.active else t("ticket.desk.inactive")
        label = inline(desk.label)
        value = t("ticket.desk.value", label=label, id=desk.id, name=inline(desk.name), inactive=inactive)
        yield bullet(t("ticket.desk"), value)
    if ticket.stage:
        stage = ticket.stage
        notes = [t("ticket.stage.first")] if stage.first else []
        notes += [t("ticket.stage.last")] if stage.last else []
        notes += [t("ticket.stage.max_time", time=inline(stage.max_time))] if stage.max_time else []
        suffix = f" · {', '.join(notes)}" if notes else ""
        yield bullet(t("ticket.stage"), fmt.named(stage.name, stage.id) + suffix)
    if ticket.catalog:
        cat = ticket.catalog
        value = t(
            "ticket.catalog.value",
            item=inline(cat.item_name) or t("none"),
            item_id=cat.item_id,
            area=fmt.named(cat.area_name, cat.area_id),
            catalog=fmt.named(cat.catalog_name, cat.catalog_id),
        )
        yield bullet(t("ticket.catalog"), value)
    yield bullet(
        t("ticket.responsible"), _user(ticket.responsible, fmt) if ticket.responsible else t("unassigned")
    )
    if ticket.client:
        client = ticket.client
        notes = [t("ticket.client.legal_name", legal=inline(client.legal_name))] if client.legal_name else []
        notes += [] if client.active else [t("ticket.client.inactive")]
        suffix = f" · {'; '.join(notes)}" if notes else ""
        yield bullet(t("ticket.client"), fmt.named(client.name, client.id) + suffix)
    if ticket.requestor:
        yield bullet(t("ticket.requestor"), _person(ticket.requestor, fmt))
    yield from _audit(ticket, fmt)
    yield from _extras(ticket, fmt)


def _user(user: User, fmt: Formatter) -> str:
    t = fmt.t
    details = [inline(user.email)] if user.email else []
    details += [t(f"user_type.{user.type.value}")] if user.type else []
    details += [] if user.active else [t("user.inactive")]
    if user.technical_group_id is not None:
        details.append(t("user.technical_group", id=user.technical_group_id))
    suffix = f" · {', '.join(details)}" if details else ""
    return fmt.named(user.name, user.id) + suffix


def _person(person: PersonRef, fmt: Formatter) -> str:
    suffix = f" · {inline(person.email)}" if person.email else ""
    return fmt.named(person.name, person.id) + suffix


def _audit(ticket: Ticket, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    audit = ticket.audit
    created = [fmt.when(audit.created_at)]
    if audit.created_by:
        created.append(t("ticket.by", who=_person(audit.created_by, fmt)))
    if audit.created_via:
        created.append(t("ticket.via", channel=inline(audit.created_via)))
    yield bullet(t("ticket.created"), " ".join(created))
    if audit.updated_at or audit.updated_by:
        updated = [fmt.when(audit.updated_at)]
        if audit.updated_by:
            updated.append(t("ticket.by", who=_person(audit.updated_by, fmt)))
        yield bullet(t("ticket.updated"), " ".join(updated))


def _extras(ticket: Ticket, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    if ticket.followers:
        yield bullet(t("ticket.followers"), ", ".join(inline(f) for f in ticket.followers))
    if ticket.tags:
        yield bullet(t("ticket.tags"), ", ".join(inline(tag) for tag in ticket.tags))
    if ticket.worked_hours:
        yield bullet(t("ticket.worked_hours"), inline(ticket.worked_hours))
    if ticket.closed_at:
        yield bullet(t("ticket.closed_at"), fmt.when(ticket.closed_at))
    if ticket.reopen_count:
        value = t("ticket.reopened.value", count=ticket.reopen_count, when=fmt.when(ticket.last_reopened_at))
        yield bullet(t("ticket.reopened"), value)
    if ticket.is_grouped:
        yield bullet(t("ticket.grouped"), t("yes"))
    if ticket.is_revised:
        yield bullet(t("ticket.revised"), t("yes"))


def _sla(ticket: Ticket, fmt: Formatter) -> Iterator[str]:
    sla = ticket.sla
    if sla is None:
        return
    t = fmt.t
    yield ""
    yield f"### {t('ticket.sla')}"
    yield bullet(t("ticket.sla.stopped"), fmt.yes_no(sla.stopped))
    if sla.stage_expiration:
        yield bullet(t("ticket.sla.stage_expiration"), fmt.when(sla.stage_expiration))
    if sla.attend_sla is not None:
        yield bullet(t("ticket.sla.attend_sla"), fmt.yes_no(sla.attend_sla))
    if sla.attend_expiration:
        yield bullet(t("ticket.sla.attend_expiration"), fmt.when(sla.attend_expiration))
    if sla.solve_expiration:
        yield bullet(t("ticket.sla.solve_expiration"), fmt.when(sla.solve_expiration))
    if sla.solved_in_time is not None:
        yield bullet(t("ticket.sla.solved_in_time"), fmt.yes_no(sla.solved_in_time))


def _links(ticket: Ticket, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    if not (ticket.internal_url or ticket.external_url):
        return
    yield ""
    yield f"### {t('ticket.links')}"
    if ticket.internal_url:
        yield bullet(t("ticket.links.internal"), inline(ticket.internal_url))
    if ticket.external_url:
        yield bullet(t("ticket.links.external"), inline(ticket.external_url))


def _custom_fields(ticket: Ticket, fmt: Formatter) -> Iterator[str]:
    if not ticket.custom_fields:
        return
    t = fmt.t
    yield ""
    yield f"### {t('ticket.custom_fields')}"
    has_options = False
    has_entities = False
    for group in ticket.custom_fields:
        if group.entity_id is None and has_entities:
            yield t("ticket.custom_fields.root_warning")
        has_entities = has_entities or group.entity_id is not None
        yield from _entity_group(group, fmt)
        has_options = has_options or any(f.options for f in group.fields)
    if has_options:
        yield ""
        yield t("ticket.custom_fields.options_hint")


def _entity_group(group: EntityValues, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    if group.entity_id is not None:
        name = inline(group.entity_name) or t("none")
        yield f"**{t('ticket.custom_fields.entity', name=name, id=group.entity_id)}**"
    else:
        yield f"**{t('ticket.custom_fields.flat')}**"
    for field in group.fields:
        value = (
            inline(field.value, limit=300)
            if field.value not in (None, "")
            else t("ticket.custom_fields.empty")
        )
        required = t("ticket.custom_fields.required") if field.required else ""
        yield "- " + t(
            "ticket.custom_fields.field",
            name=inline(field.name),
            type=field.field_type,
            id=field.field_id,
            required=required,
            value=value,
        )
        for option in field.options:
            title = inline(option.title or option.value) or t("none")
            yield "  - " + t("ticket.custom_fields.option", id=option.id, title=title)
