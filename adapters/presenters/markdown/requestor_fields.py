"""update_requestor_entities in Markdown: the values TiFlux answered and what each name became. Values are
the customer's data: inline and escaped."""

from __future__ import annotations

from collections.abc import Iterator

from adapters.presenters.markdown.format import Formatter, bullet, lines
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import inline
from application.use_cases.requestor_fields import RequestorFieldsUpdated


def _decisions(updated: RequestorFieldsUpdated, fmt: Formatter) -> Iterator[str]:
    if not updated.decisions:
        return
    yield ""
    yield f"**{fmt.t('writes.decisions')}**"
    for decision in updated.decisions:
        became = inline(label(decision.record, fmt.t))
        picked = f" ({fmt.t('writes.decision.picked')})" if decision.picked else ""
        yield f'- `{decision.field}` "{inline(decision.term)}" → {became}{picked}'


def present_requestor_fields_updated(updated: RequestorFieldsUpdated, fmt: Formatter) -> str:
    t = fmt.t
    empty = t("ticket.custom_fields.empty")
    client = inline(label(updated.client, t)) if updated.client is not None else f"ID {updated.client_id}"
    rows = [
        f"- {inline(field.name)} ({field.field_id}): {inline(field.value, limit=200) or empty}"
        for group in updated.fields
        for field in group.fields
    ]
    return lines(
        f"## {t('requestor_fields.heading', id=updated.requestor_id)}",
        "",
        bullet(t("requestor.client"), client),
        bullet(t("writes.fields.sent"), str(updated.sent)),
        rows,
        list(_decisions(updated, fmt)),
    )
