"""Chats that act in Markdown: a chat's transcript, an archived chat, and the WhatsApp templates."""

from __future__ import annotations

import json
from collections.abc import Iterator

from adapters.presenters.markdown.format import Formatter, lines
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import inline, quote_line
from application.use_cases.conversations import ChatMessages, ChatUpdated, TemplatePage
from domain.conversations import ChatArchived, ChatMessage, Delivery, MessageSent, MessageTemplate

MESSAGE_LIMIT = 500
QUOTED_LIMIT = 120
PREVIEW_LIMIT = 70
_ROLES = ("client", "attendant", "system", "ai")


def present_chat_messages(found: ChatMessages, fmt: Formatter) -> str:
    t = fmt.t
    page = found.page
    if not page.items:
        return t("messages.empty", id=found.chat_id, page=page.request.number)
    heading = "messages.heading" if page.total is None else "messages.heading.total"
    entries: list[str] = []
    for message in page.items:
        entries += list(_message(message, fmt))
    return lines(
        f"## {t(heading, id=found.chat_id, page=page.request.number, count=len(page), total=page.total)}",
        t("untrusted.previews"),
        "",
        entries,
        "",
        fmt.page_footer(page),
    )


def _message(message: ChatMessage, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    head = [
        f"**{_author(message, fmt)}**",
        fmt.when(message.created_at) if message.created_at else t("messages.no_time"),
    ]
    if message.delivery is not None and message.delivery is not Delivery.SENT:
        head.append(t(f"messages.delivery.{message.delivery.value}"))
    yield "- " + " · ".join(head)
    yield from _content(message, fmt)
    if message.quoted_text or message.quoted_kind:
        shown = (
            _text(message.quoted_text, QUOTED_LIMIT)
            if message.quoted_text
            else f"[{inline(message.quoted_kind)}]"
        )
        yield f"  ↪ {t('messages.reply_to')}"
        yield f"  {quote_line(shown)}"


def _content(message: ChatMessage, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    if message.has_media:
        kind = inline(message.media_type, limit=80) or t("messages.file")
        if message.caption:
            yield f"  {t('messages.attachment.caption', type=kind)}"
            yield f"  {quote_line(inline(message.caption, limit=MESSAGE_LIMIT))}"
        else:
            yield f"  {t('messages.attachment', type=kind)}"
    elif message.text:
        yield f"  {quote_line(_text(message.text, MESSAGE_LIMIT))}"
    else:
        yield f"  [{inline(message.kind, limit=40) or t('messages.message')}]"


def _text(text: str, limit: int) -> str:
    """A message's words; an interactive payload (a JSON object with a `type`) as `[type: body]`."""
    payload = _interactive(text)
    if payload is None:
        return inline(text, limit=limit)
    kind = inline(str(payload["type"]), limit=40)
    body = payload.get("body") or payload.get("title")
    return f"[{kind}: {inline(body, limit=limit)}]" if isinstance(body, str) and body.strip() else f"[{kind}]"


def _interactive(text: str) -> dict[str, object] | None:
    if not text.lstrip().startswith("{"):
        return None
    try:
        payload = json.loads(text)
    except ValueError:
        return None
    return payload if isinstance(payload, dict) and "type" in payload else None


def _author(message: ChatMessage, fmt: Formatter) -> str:
    t = fmt.t
    role = message.author_role
    if role is None:
        word = t("messages.role.unknown")
    elif role in _ROLES:
        word = t(f"messages.role.{role}")
    else:
        word = inline(role, limit=40)
    name = inline(message.author_name, limit=80)
    return f"{word} ({name})" if name else word


def present_chat_archived(archived: ChatArchived, fmt: Formatter) -> str:
    t = fmt.t
    done = t("archive.done", id=archived.chat_id)
    item = archived.catalog_item_id
    return done if item is None else f"{done}\n{t('archive.catalog_item', id=item)}"


def present_templates(found: TemplatePage, fmt: Formatter) -> str:
    t = fmt.t
    page, channel = found.page, found.channel.value
    if not page.items:
        return t("templates.empty", page=page.request.number)
    key = f"templates.heading.{channel}" if page.total is None else f"templates.heading.total.{channel}"
    entries: list[str] = []
    for template in page.items:
        entries += list(_template(template, fmt))
    return lines(
        f"## {t(key, page=page.request.number, count=len(page), total=page.total)}",
        t("untrusted.previews"),
        "",
        entries,
        "",
        t("templates.hint"),
        fmt.page_footer(page),
    )


def _template(template: MessageTemplate, fmt: Formatter) -> Iterator[str]:
    t = fmt.t
    none = t("none")
    parts = [
        t(
            "templates.item",
            name=inline(template.name, limit=80) or none,
            id=template.id,
            status=inline(template.status, limit=30) or none,
            category=inline(template.category, limit=30) or none,
            integration=template.integration_id if template.integration_id is not None else none,
        )
    ]
    if template.language:
        parts.append(t("templates.language", language=inline(template.language, limit=12)))
    if template.meta_id is not None or template.language:
        parts.append(t("templates.meta_id", meta_id=inline(template.meta_id, limit=40) or none))
    yield "- " + " · ".join(parts)
    preview = inline(template.content, limit=PREVIEW_LIMIT)
    if preview:
        yield f"  {quote_line(preview)}"


def present_message_sent(sent: MessageSent, fmt: Formatter) -> str:
    t = fmt.t
    message = sent.message
    kind = (
        t("send.kind.template", id=message.template_id)
        if message.template_id is not None
        else t("send.kind.text")
    )
    return lines(
        t("send.done", kind=kind, number=message.number, integration=message.integration_id),
        t("send.ticket", number=message.ticket_number) if message.ticket_number is not None else None,
        t("send.archived") if message.archive else None,
    )


def present_chat_updated(updated: ChatUpdated, fmt: Formatter) -> str:
    t = fmt.t
    change = updated.change
    return lines(
        t("update.done", id=updated.chat_id),
        t("update.user", id=change.user_id) if change.user_id is not None else None,
        t("update.department", id=change.department_id) if change.department_id is not None else None,
        t("update.ticket", number=change.ticket_number) if change.ticket_number is not None else None,
        t("update.when", when=fmt.when(updated.updated_at)) if updated.updated_at else None,
        list(_decisions(updated, fmt)),
    )


def _decisions(updated: ChatUpdated, fmt: Formatter) -> Iterator[str]:
    if not updated.decisions:
        return
    yield ""
    yield f"**{fmt.t('writes.decisions')}**"
    for decision in updated.decisions:
        picked = f" ({fmt.t('writes.decision.picked')})" if decision.picked else ""
        became = inline(label(decision.record, fmt.t))
        yield f'- `{decision.field}` "{inline(decision.term)}" → {became}{picked}'
