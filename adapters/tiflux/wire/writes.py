"""Request bodies in the exact encodings TiFlux accepts (API.md §2–7); shared by both backends."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from application.commands import (
    AnswerDraft,
    FieldValueChange,
    NewAppointment,
    NewTicket,
    NoteDraft,
    TicketChanges,
)


def new_ticket_form(ticket: NewTicket) -> dict[str, str]:
    """`POST /tickets` form fields (form-urlencoded); the parent goes as `ticket_reference_number`."""
    fields: dict[str, Any] = {
        "title": ticket.title,
        "description": ticket.description_html,
        "client_id": ticket.client_id,
        "desk_id": ticket.desk_id,
        "priority_id": ticket.priority_id,
        "services_catalogs_item_id": ticket.catalog_item_id,
        "status_id": ticket.status_id,
        "requestor_id": ticket.requestor_id,
        "requestor_name": ticket.requestor_name,
        "requestor_email": ticket.requestor_email,
        "requestor_telephone": ticket.requestor_telephone,
        "responsible_id": ticket.responsible_id,
        "followers": ",".join(ticket.followers) or None,
        "ticket_reference_number": ticket.parent.value if ticket.parent else None,
    }
    return {key: str(value) for key, value in fields.items() if value not in (None, "")}


def ticket_changes_json(changes: TicketChanges) -> dict[str, Any]:
    """`PUT /tickets/{n}` JSON with only the keys being changed; `responsible_id: null` unassigns."""
    body: dict[str, Any] = {}
    simple = {  # in 2.42's order (v2.42/tickets.md §20.3)
        "title": changes.title,
        "description": changes.description_html,
        "client_id": changes.client_id,
        "desk_id": changes.desk_id,
        "priority_id": changes.priority_id,
        "priority_change_reason": changes.priority_change_reason,
        "status_id": changes.status_id,
        "stage_id": changes.stage_id,
        "services_catalogs_item_id": changes.catalog_item_id,
        "followers": ",".join(changes.followers) if changes.followers is not None else None,
        "requestor_id": changes.requestor_id,
    }
    body.update({key: value for key, value in simple.items() if value is not None})
    if changes.responsible is not None:
        body["responsible_id"] = changes.responsible.user_id
    return body


def field_values_json(changes: list[FieldValueChange]) -> dict[str, Any]:
    """`PUT /tickets/{n}/entities` JSON: one item per value (per option for checkboxes)."""
    items = []
    for change in changes:
        item: dict[str, Any] = {"entity_field_id": change.field_id, "value": change.value}
        if change.option_id is not None:
            item["entity_field_option_id"] = change.option_id
        if change.country_code is not None:
            item["country_code"] = change.country_code
        items.append(item)
    return {"entities": items}


def answer_parts(draft: AnswerDraft) -> dict[str, str]:
    """`POST /tickets/{n}/answers` multipart text parts: the body is called `name` by the API."""
    return {"name": draft.text_html, "with_signature": "true" if draft.with_signature else "false"}


def note_parts(note: NoteDraft) -> dict[str, str]:
    """`POST /tickets/{n}/internal_communications` multipart text part."""
    return {"text": note.text_html}


def appointment_json(appointment: NewAppointment) -> dict[str, Any]:
    """`POST /tickets/{n}/appointments` JSON: the four keys, then only the valuation keys given, in 2.42's
    order (v2.42/tickets.md §20.12)."""
    body: dict[str, Any] = {
        "date": appointment.day.isoformat(),
        "init_time": appointment.start,
        "end_time": appointment.end,
        "description": appointment.description,
    }
    valuation = appointment.valuation
    if valuation is None:
        return body
    optional: dict[str, Any] = {
        "attendance": valuation.attendance.value if valuation.attendance else None,
        "attendance_kind": valuation.kind,
        "contract_rider_id": valuation.contract_rider_id,
        "loose_service_id": valuation.loose_service_id,
        "shift_id": valuation.shift_id,
        "shift_owner_ticket_number": valuation.shift_owner.value if valuation.shift_owner else None,
        "guarantee": True if valuation.guarantee else None,
        "value": _number(valuation.value) if valuation.value is not None else None,
        "external_user_name": valuation.external_user_name,
    }
    body.update({key: value for key, value in optional.items() if value is not None})
    return body


def _number(value: Decimal) -> int | float:
    """A money value as a JSON number: 180 rather than 180.0 when it is whole (as 2.42 sends it)."""
    return int(value) if value == value.to_integral_value() else float(value)
