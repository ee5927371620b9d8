"""Chats in Markdown: the card of `get_chat` and the compact pages of the four chat queues."""

from __future__ import annotations

from collections.abc import Iterator

from adapters.presenters.markdown.format import Formatter, bullet, lines
from adapters.presenters.markdown.text import clean, inline, quote_line, strip_tags
from application.queries import ChatFilter
from application.use_cases.chats import ChatQueuePage
from domain.chats import Chat, ChatList
from domain.people import PersonRef

MESSAGE_PREVIEW = 150


def present_chat(chat: Chat, fmt: Formatter) -> str:
    t = fmt.t
    message = clean(strip_tags(chat.last_client_message or "")).strip()
    return lines(
        f"## {t('chats.heading.one', id=chat.id)}",
        "",
        bullet(t("chats.situation"), _situation(chat, fmt)),
        bullet(t("chats.attendance_status"), _status(chat.status, fmt)) if chat.status else None,
        bullet(t("chats.client"), _who(chat.client, fmt)),
        bullet(t("chats.requestor"), _who(chat.requestor, fmt)),
        bullet(t("chats.department"), _who(chat.department, fmt)),
        bullet(t("chats.responsible"), _responsible(chat, fmt)),
        bullet(t("chats.origin"), _origin(chat.origin, fmt)),
        bullet(t("chats.started_by"), _starter(chat.started_by, fmt)),
        bullet(t("chats.room"), inline(chat.room) or t("none")),
        bullet(t("chats.ticket"), _ticket(chat, fmt)),
        bullet(t("chats.rating"), _rating(chat.rating, fmt)),
        bullet(t("chats.presence"), _presence(chat, fmt)),
        bullet(t("chats.waiting_answer"), fmt.yes_no(chat.waiting_answer)),
        bullet(t("chats.created"), fmt.when(chat.created_at)),
        bullet(t("chats.updated"), fmt.when(chat.updated_at)),
        bullet(t("chats.assumed"), fmt.when(chat.assumed_at) if chat.assumed_at else t("chats.not_assumed")),
        None if message else bullet(t("chats.last_message"), t("chats.no_message")),
        ("", f"### {t('chats.last_message')}", fmt.customer_text(message)) if message else None,
    )


def present_chat_page(listing: ChatQueuePage, fmt: Formatter) -> str:
    t = fmt.t
    page, queue = listing.page, listing.queue.value
    filters = _describe_filter(listing.query, fmt)
    applied = t("chats.filters", filters=filters) if filters else None
    if not page.items:
        return lines(t(f"chats.empty.{queue}", page=page.request.number), applied)
    items: list[str] = []
    for chat in page.items:
        items += list(_entry(chat, listing.queue, fmt))
    return lines(
        f"## {t(f'chats.heading.{queue}', page=page.request.number, count=len(page))}",
        applied,
        t("untrusted.previews"),
        "",
        items,
        "",
        fmt.page_footer(page),
    )


def _entry(chat: Chat, queue: ChatList, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    head = [
        t("chats.item", id=chat.id) if fmt.compact else f"**{t('chats.item', id=chat.id)}**",
        _origin(chat.origin, fmt),
        t("chats.item.client", client=_who(chat.client, fmt)),
        t("chats.item.requestor", requestor=_who(chat.requestor, fmt)),
        t("chats.item.department", department=_who(chat.department, fmt)),
    ]
    details: list[str] = []
    if queue is ChatList.ARCHIVED:
        details.append(t("chats.canceled") if chat.canceled else t("chats.finished"))
        details.append(t("chats.item.rating", rating=_rating(chat.rating, fmt)))
    else:
        if queue is ChatList.IN_ATTENDANCE:
            details.append(_status(chat.status, fmt))
        details.append(_presence(chat, fmt))
        details.append(t("chats.waiting") if chat.waiting_answer else t("chats.not_waiting"))
    if queue in (ChatList.IN_ATTENDANCE, ChatList.ARCHIVED):
        responsible = chat.responsible
        details.append(
            t("chats.item.responsible", responsible=fmt.named(responsible.name, responsible.id))
            if responsible
            else t("chats.nobody")
        )
    if chat.ticket is not None:
        details.append(t("chats.item.ticket", number=chat.ticket, title=_ticket_title(chat, fmt)))
    details.append(t("chats.item.created", when=fmt.when(chat.created_at)))
    if fmt.compact:  # one line per chat, then its quoted message
        yield "- " + " · ".join(head + details)
    else:
        yield "- " + " · ".join(head)
        yield "  " + " · ".join(details)
    yield f"  {quote_line(_message(chat, fmt))}"


def _situation(chat: Chat, fmt: Formatter) -> str:
    t = fmt.t
    state = t("chats.archived") if chat.archived else t("chats.active")
    return f"{state} · {t('chats.canceled_flag', value=fmt.yes_no(chat.canceled))}"


def _who(person: PersonRef | None, fmt: Formatter) -> str:
    return fmt.named(person.name, person.id) if person else fmt.t("chats.not_informed")


def _responsible(chat: Chat, fmt: Formatter) -> str:
    return (
        fmt.named(chat.responsible.name, chat.responsible.id) if chat.responsible else fmt.t("chats.nobody")
    )


def _presence(chat: Chat, fmt: Formatter) -> str:
    return fmt.t("chats.online") if chat.online else fmt.t("chats.offline")


def _ticket(chat: Chat, fmt: Formatter) -> str:
    if chat.ticket is None:
        return fmt.t("chats.no_ticket")
    return f"#{chat.ticket} — {_ticket_title(chat, fmt)}"


def _ticket_title(chat: Chat, fmt: Formatter) -> str:
    """The linked ticket's title on one line, tags stripped, cut at 150 characters."""
    title = chat.ticket_title or ""
    return inline(strip_tags(title) if "<" in title else title, limit=MESSAGE_PREVIEW) or fmt.t(
        "chats.untitled"
    )


def _rating(rating: int | None, fmt: Formatter) -> str:
    return fmt.t("chats.rating.value", rating=rating) if rating is not None else fmt.t("chats.no_rating")


def _message(chat: Chat, fmt: Formatter) -> str:
    return inline(chat.last_client_message, limit=MESSAGE_PREVIEW) or fmt.t("chats.no_message")


def _origin(raw: str | None, fmt: Formatter) -> str:
    return _word(fmt, "chats.origin", raw)


def _starter(raw: str | None, fmt: Formatter) -> str:
    return _word(fmt, "chats.started_by", raw)


def _status(raw: str | None, fmt: Formatter) -> str:
    return _word(fmt, "chats.status", raw)


def _word(fmt: Formatter, prefix: str, raw: str | None) -> str:
    """A code in words (`whatsapp` → "WhatsApp"); a code we do not know is shown as it came, cleaned."""
    if not raw:
        return fmt.t("chats.not_informed")
    key = f"{prefix}.{raw}"
    return fmt.t(key) if fmt.t.has(key) else inline(raw, limit=60)


def _describe_filter(query: ChatFilter, fmt: Formatter) -> str:
    t = fmt.t
    parts: list[str] = []
    if query.department_id is not None:
        parts.append(t("chats.filter.department", id=query.department_id))
    if query.client_id is not None:
        parts.append(t("chats.filter.client", id=query.client_id))
    if query.requestor_id is not None:
        parts.append(t("chats.filter.requestor", id=query.requestor_id))
    if query.number:
        parts.append(t("chats.filter.number", number=query.number))
    if query.origins:
        parts.append(t("chats.filter.origins", origins=", ".join(_origin(o, fmt) for o in query.origins)))
    if query.started_by:
        parts.append(t("chats.filter.started_by", who=_starter(query.started_by, fmt)))
    if query.user_id is not None:
        parts.append(t("chats.filter.user", id=query.user_id))
    if query.status:
        parts.append(t("chats.filter.status", status=_status(query.status, fmt)))
    if query.canceled is not None:
        parts.append(t("chats.filter.canceled") if query.canceled else t("chats.filter.finished"))
    for name in ("created_at_start", "created_at_end", "finished_at_start", "finished_at_end"):
        moment = getattr(query, name)
        if moment is not None:
            parts.append(t(f"chats.filter.{name}", when=fmt.when(moment)))
    return "; ".join(parts)
