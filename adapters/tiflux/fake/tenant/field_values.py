"""Custom field values: checking what a request sends for a field and storing it in the ticket's slot."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from adapters.tiflux.fake.tenant.bodies import Json
from adapters.tiflux.fake.tenant.errors import validation_error
from adapters.tiflux.fake.tenant.inputs import DIGITS, is_int
from adapters.tiflux.fake.tenant.moments import DATE_ONLY, valid_day

_FIELD_FORMATS = {
    "date": DATE_ONLY,
    "currency": re.compile(r"-?\d+(\.\d{1,2})?"),
    "phone": re.compile(r"\d{8,15}"),
    "email": re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+"),
    "link": re.compile(r"(https?|ftp)://\S+", re.IGNORECASE),
}
_CHECKBOX_FLAGS: dict[str | bool | None, bool | None] = {
    "true": True,
    "false": False,
    True: True,
    False: False,
    None: None,
}


class FieldValues:
    """Assigns the items sent for one field to its slot, by field type, else 422."""

    def __init__(self, options: Mapping[int, list[Json]]) -> None:
        self._options = options

    def assign(self, slot: Json, definition: Json, items: Sequence[Mapping[str, Any]]) -> None:
        """Stores in ``slot`` the value the items give the field ``definition``."""
        field_type = definition["field_type"]
        if field_type == "checkbox":
            self._assign_checkbox(slot, definition, items)
        elif field_type == "single_select":
            self._assign_single_select(slot, definition, items[-1])
        else:
            slot["value"] = _scalar_value(definition, items[-1].get("value"))

    def _option(self, definition: Json, option_id: Any) -> Json:
        if isinstance(option_id, str) and DIGITS.fullmatch(option_id):
            option_id = int(option_id)
        options = self._options.get(definition["id"], [])
        if is_int(option_id):
            for option in options:
                if option["id"] == option_id:
                    return option
        raise validation_error(f"entity_field_option_id {option_id} is not an option of {definition['name']}")

    def _assign_checkbox(self, slot: Json, definition: Json, items: Sequence[Mapping[str, Any]]) -> None:
        """The items sent for a checkbox replace its marked options (only those sent as "true" stay)."""
        marked: dict[int, Json] = {}
        plain: bool | None = None
        for item in items:
            flag = _checkbox_flag(definition, item.get("value"))
            option_id = item.get("entity_field_option_id")
            if option_id is None:
                plain = flag
            elif flag:
                option = self._option(definition, option_id)
                marked[option["id"]] = {"entity_field_option_id": option["id"], "title": option["value"]}
            else:
                self._option(definition, option_id)
        if self._options.get(definition["id"]):
            slot["value"] = "true" if marked else "false"
        else:
            slot["value"] = None if plain is None else str(plain).lower()
        slot["options"] = [{**marked[key], "value": "true"} for key in sorted(marked)]
        if slot["value"] is None and definition["required"]:
            raise validation_error(f"{definition['name']} is required")

    def _assign_single_select(self, slot: Json, definition: Json, item: Mapping[str, Any]) -> None:
        chosen = item.get("entity_field_option_id", item.get("value"))
        if chosen is None:
            _scalar_value(definition, None)
            slot["value"], slot["options"] = None, []
            return
        option = self._option(definition, chosen)
        value = str(option["id"])
        slot["value"] = value
        slot["options"] = [{"entity_field_option_id": option["id"], "title": option["value"], "value": value}]


def _checkbox_flag(definition: Json, value: Any) -> bool | None:
    if not (value is None or isinstance(value, str | bool)) or value not in _CHECKBOX_FLAGS:
        raise validation_error(f'{definition["name"]} accepts only "true" or "false"')
    return _CHECKBOX_FLAGS[value]


def _scalar_value(definition: Json, value: Any) -> str | None:
    name, field_type = definition["name"], definition["field_type"]
    if value is None:
        if definition["required"]:
            raise validation_error(f"{name} is required")
        return None
    if field_type == "currency" and (is_int(value) or isinstance(value, float)):
        value = f"{value:.2f}"
    if not isinstance(value, str):
        raise validation_error(f"{name} must be a string")
    pattern = _FIELD_FORMATS.get(field_type)
    if pattern is not None and not pattern.fullmatch(value):
        raise validation_error(f"{name} is not a valid {field_type}")
    if field_type == "date" and not valid_day(value):
        raise validation_error(f"{name} is not a valid date")
    return value
