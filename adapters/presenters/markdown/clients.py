"""Client companies in Markdown. Names, e-mails and notes are the tenant's data: names inline and escaped,
internal notes as a labelled quote (data, never instructions)."""

from __future__ import annotations

from collections.abc import Iterator

from adapters.presenters.markdown.format import Formatter, bullet, lines
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import inline
from adapters.presenters.markdown.tickets import _entity_group
from application.use_cases.client_fields import ClientFieldsUpdated
from application.use_cases.client_places import AddressCard, ClientAddresses, ClientContacts, ContactCard
from application.use_cases.clients import (
    ClientCard,
    ClientDesks,
    ClientGroups,
    ClientPage,
    ClientWritten,
    EmailPermissionAdded,
    PortalUserCreated,
)
from domain.clients import Address, ClientFilter, ClientRecord, Contact, LinkedDesk, LinkedGroup
from domain.ids import ClientId
from domain.people import Client


def _status(active: bool | None, fmt: Formatter) -> str:
    if active is None:
        return fmt.t("none")
    return fmt.t("client.active") if active else fmt.t("client.inactive")


def _billing(kind: str | None, fmt: Formatter) -> str:
    key = f"client.billing.{kind}"
    return fmt.t(key) if kind and fmt.t.has(key) else inline(kind) or fmt.t("none")


def _who(client: Client | None, client_id: ClientId, fmt: Formatter) -> str:
    return inline(label(client, fmt.t)) if client is not None else f"ID {client_id}"


def _details(client: ClientRecord, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    yield bullet(t("client.social"), inline(client.social) or t("none"))
    yield bullet(t("client.social_revenue"), inline(client.social_revenue) or t("none"))
    yield bullet(t("client.status"), _status(client.status, fmt))
    yield bullet(t("client.email_financial"), inline(client.email_financial) or t("none"))
    optional = (
        ("client.sms_financial", inline(client.sms_financial)),
        ("client.municipal_registration", inline(client.municipal_registration)),
        ("client.estadual_registration", inline(client.estadual_registration)),
        ("client.max_agents", "" if client.max_agents is None else str(client.max_agents)),
        (
            "client.billing_report_type",
            _billing(client.billing_report_type, fmt) if client.billing_report_type else "",
        ),
    )
    yield from (bullet(t(key), value) for key, value in optional if value)
    for key, flag in (
        ("client.visible_to_clients", client.visible_to_clients),
        ("client.authorization_flow", client.authorization_flow),
    ):
        if flag is not None:
            yield bullet(t(key), fmt.yes_no(flag))


def _desk_name(desk: LinkedDesk, fmt: Formatter) -> str:
    return inline(desk.display_name or desk.name) or fmt.t("none")


def present_client(card: ClientCard, fmt: Formatter) -> str:
    t = fmt.t
    client = card.client
    out = [
        f"## {t('client.heading', name=inline(client.name) or t('none'), id=client.id)}",
        *_details(client, fmt),
    ]
    if client.desks:
        out += ["", f"### {t('client.desks', count=len(client.desks))}"]
        out += [f"- {_desk_name(desk, fmt)} (ID {desk.id})" for desk in client.desks]
    if client.technical_groups:
        out += ["", f"### {t('client.technical_groups', count=len(client.technical_groups))}"]
        out += [f"- {inline(g.name) or t('none')} (ID {g.id})" for g in client.technical_groups]
    if card.with_fields:
        out += ["", f"### {t('client.custom_fields')}"]
        if client.custom_fields:
            for group in client.custom_fields:
                out.extend(_entity_group(group, fmt))
        else:
            out.append(t("client.custom_fields.none"))
    if client.anotations:
        out += ["", f"**{t('client.anotations')}:**", fmt.stored_text(client.anotations)]
    out += [
        "",
        bullet(t("client.created"), fmt.when(client.created_at)),
        bullet(t("client.updated"), fmt.when(client.updated_at)),
    ]
    return lines(out, "", t("client.hint"))


def _filters(criteria: ClientFilter, fmt: Formatter) -> str:
    t = fmt.t
    parts = [
        None
        if criteria.active is None
        else t("clients.filter.active")
        if criteria.active
        else t("clients.filter.inactive"),
        t("clients.filter.name", value=inline(criteria.name)) if criteria.name else None,
        t("clients.filter.social_revenue", value=inline(criteria.social_revenue))
        if criteria.social_revenue
        else None,
    ]
    return ", ".join(part for part in parts if part)


def _client_row(position: int, client: ClientRecord, fmt: Formatter) -> str:
    t = fmt.t
    parts = [
        f"{position}. **{inline(client.name) or t('none')}** (ID {client.id})",
        inline(client.social) or None,
        inline(client.social_revenue) or None,
        _status(client.status, fmt),
        inline(client.email_financial) or None,
    ]
    return " · ".join(part for part in parts if part)


def present_clients(found: ClientPage, fmt: Formatter) -> str:
    t = fmt.t
    page = found.page
    filters = _filters(found.criteria, fmt)
    shown_filters = t("lookups.filters", filters=filters) if filters else None
    if not page.items:
        return lines(t("clients.empty", page=page.request.number), shown_filters)
    first = (page.request.number - 1) * page.request.size + 1
    return lines(
        f"## {t('clients.heading', page=page.request.number, count=len(page))}",
        shown_filters,
        "",
        [_client_row(position, client, fmt) for position, client in enumerate(page.items, start=first)],
        "",
        fmt.page_footer(page),
        t("client.hint"),
    )


def _changed(written: ClientWritten, fmt: Formatter) -> str:
    return bullet(fmt.t("client.changed"), ", ".join(f"`{key}`" for key in written.changed))


def present_client_created(written: ClientWritten, fmt: Formatter) -> str:
    t = fmt.t
    client = written.client
    return lines(
        f"## {t('client.created.heading', name=inline(client.name) or t('none'), id=client.id)}",
        list(_details(client, fmt)),
        _changed(written, fmt),
        "",
        t("client.hint"),
    )


def present_client_updated(written: ClientWritten, fmt: Formatter) -> str:
    t = fmt.t
    client = written.client
    replaced = {"desk_ids", "technical_group_ids"} & set(written.changed)
    return lines(
        f"## {t('client.updated.heading', name=inline(client.name) or t('none'), id=client.id)}",
        _changed(written, fmt),
        t("client.lists_replaced") if replaced else None,
    )


def _desk_row(position: int, desk: LinkedDesk, fmt: Formatter) -> str:
    t = fmt.t
    internal = (
        t("client_desks.internal", name=inline(desk.name))
        if desk.name and desk.display_name and desk.name != desk.display_name
        else None
    )
    active = None if desk.active is None else t("client_links.active", value=fmt.yes_no(desk.active))
    parts = [f"{position}. **{_desk_name(desk, fmt)}** (ID {desk.id})", internal, active]
    return " · ".join(part for part in parts if part)


def present_client_desks(found: ClientDesks, fmt: Formatter) -> str:
    t = fmt.t
    page, who = found.page, _who(found.client, found.client_id, fmt)
    if not page.items:
        return lines(t("client_desks.empty", client=who, page=page.request.number))
    first = (page.request.number - 1) * page.request.size + 1
    return lines(
        f"## {t('client_desks.heading', client=who, page=page.request.number, count=len(page))}",
        "",
        [_desk_row(position, desk, fmt) for position, desk in enumerate(page.items, start=first)],
        "",
        fmt.page_footer(page),
        t("client_desks.hint"),
    )


def _group_row(position: int, group: LinkedGroup, fmt: Formatter) -> str:
    t = fmt.t
    active = None if group.active is None else t("client_links.group_active", value=fmt.yes_no(group.active))
    parts = [
        f"{position}. **{inline(group.name) or t('none')}** (ID {group.id})",
        inline(group.description, limit=200) or None,
        active,
    ]
    return " · ".join(part for part in parts if part)


def present_client_groups(found: ClientGroups, fmt: Formatter) -> str:
    t = fmt.t
    page, who = found.page, _who(found.client, found.client_id, fmt)
    if not page.items:
        return lines(t("client_groups.empty", client=who, page=page.request.number))
    first = (page.request.number - 1) * page.request.size + 1
    return lines(
        f"## {t('client_groups.heading', client=who, page=page.request.number, count=len(page))}",
        "",
        [_group_row(position, group, fmt) for position, group in enumerate(page.items, start=first)],
        "",
        fmt.page_footer(page),
    )


def present_portal_user_created(created: PortalUserCreated, fmt: Formatter) -> str:
    t = fmt.t
    user = created.user
    ident = user.id if user.id is not None else t("none")
    return lines(
        f"## {t('client_user.heading', name=inline(user.name) or t('none'), id=ident)}",
        bullet(t("client_user.email"), inline(user.email) or t("none")),
        bullet(t("client_user.client"), f"ID {created.client_id}"),
        "",
        t("client_user.note"),
    )


def present_email_permission(added: EmailPermissionAdded, fmt: Formatter) -> str:
    t = fmt.t
    return lines(
        f"## {t('email_permission.heading', client_id=added.client_id)}",
        bullet(t("email_permission.address"), f"`{inline(added.address)}`"),
        "",
        t("email_permission.domain_note") if added.whole_domain else t("email_permission.address_note"),
    )


def present_client_fields(updated: ClientFieldsUpdated, fmt: Formatter) -> str:
    t = fmt.t
    out = [f"## {t('client_fields.heading', client_id=updated.client_id, sent=updated.sent)}"]
    for group in updated.fields:
        out.extend(_entity_group(group, fmt))
    return lines(out if updated.fields else [*out, t("client_fields.none")])


def _street(address: Address, fmt: Formatter) -> str:
    number = "" if address.number is None else f", {address.number}"
    return (inline(address.street) + number) if address.street else fmt.t("none")


def _address_lines(address: Address, fmt: Formatter) -> list[str]:
    t = fmt.t
    place = " / ".join(inline(part) for part in (address.city, address.state) if part) or t("none")
    rows = [bullet(t("address.street"), _street(address, fmt))]
    if address.complement:
        rows.append(bullet(t("address.complement"), inline(address.complement)))
    rows += [
        bullet(t("address.neighborhood"), inline(address.neighborhood) or t("none")),
        bullet(t("address.city"), place),
        bullet(t("address.cep"), inline(address.cep) or t("none")),
    ]
    return rows


def present_client_addresses(found: ClientAddresses, fmt: Formatter) -> str:
    t = fmt.t
    page, who = found.page, _who(found.client, found.client_id, fmt)
    if not page.items:
        return lines(t("addresses.empty", client=who, page=page.request.number))
    out = [f"## {t('addresses.heading', client=who, page=page.request.number, count=len(page))}"]
    for address in page.items:
        out += ["", f"### #{address.id}", *_address_lines(address, fmt)]
    return lines(out, "", fmt.page_footer(page))


def _address_card(key: str, card: AddressCard, fmt: Formatter) -> str:
    t = fmt.t
    return lines(
        f"## {t(key, id=card.address.id, client_id=card.client_id)}",
        _address_lines(card.address, fmt),
        bullet(t("client.changed"), ", ".join(f"`{k}`" for k in card.changed)) if card.changed else None,
    )


def present_client_address(card: AddressCard, fmt: Formatter) -> str:
    return _address_card("address.heading", card, fmt)


def present_address_created(card: AddressCard, fmt: Formatter) -> str:
    return _address_card("address.created", card, fmt)


def present_address_updated(card: AddressCard, fmt: Formatter) -> str:
    return _address_card("address.updated", card, fmt)


def present_address_removed(card: AddressCard, fmt: Formatter) -> str:
    return lines(f"## {fmt.t('address.removed', id=card.address.id, client_id=card.client_id)}")


def _contact_lines(contact: Contact, fmt: Formatter) -> list[str]:
    t = fmt.t
    rows = [
        bullet(t("contact.owner"), inline(contact.owner) or t("none")),
        bullet(t("contact.use"), inline(contact.use) or t("none")),
        bullet(t("contact.telephone"), inline(contact.telephone) or t("none")),
        bullet(t("contact.email"), inline(contact.email) or t("none")),
    ]
    if contact.country:
        rows.append(bullet(t("contact.country"), inline(contact.country)))
    return rows


def present_client_contacts(found: ClientContacts, fmt: Formatter) -> str:
    t = fmt.t
    page, who = found.page, _who(found.client, found.client_id, fmt)
    if not page.items:
        return lines(t("contacts.empty", client=who, page=page.request.number))
    out = [f"## {t('contacts.heading', client=who, page=page.request.number, count=len(page))}"]
    for contact in page.items:
        out += ["", f"### #{contact.id}", *_contact_lines(contact, fmt)]
    return lines(out, "", fmt.page_footer(page))


def _contact_card(key: str, card: ContactCard, fmt: Formatter) -> str:
    t = fmt.t
    return lines(
        f"## {t(key, id=card.contact.id, client_id=card.client_id)}",
        _contact_lines(card.contact, fmt),
        bullet(t("client.changed"), ", ".join(f"`{k}`" for k in card.changed)) if card.changed else None,
    )


def present_client_contact(card: ContactCard, fmt: Formatter) -> str:
    return _contact_card("contact.heading", card, fmt)


def present_contact_created(card: ContactCard, fmt: Formatter) -> str:
    return _contact_card("contact.created", card, fmt)


def present_contact_updated(card: ContactCard, fmt: Formatter) -> str:
    return _contact_card("contact.updated", card, fmt)


def present_contact_removed(card: ContactCard, fmt: Formatter) -> str:
    return lines(f"## {fmt.t('contact.removed', id=card.contact.id, client_id=card.client_id)}")
