"""Pydantic's validation errors as one sentence per field, naming the field and what it accepts."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from adapters.i18n import Translator
from domain.ids import MAX_ID

TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"

_TYPE_RULES = {
    "bool_type": "boolean",
    "bool_parsing": "boolean",
    "int_type": "integer",
    "int_parsing": "integer",
    "int_parsing_size": "integer",
    "int_from_float": "integer",
    "string_type": "string",
    "string_unicode": "string",
    "list_type": "list",
    "tuple_type": "list",
    "dict_type": "object",
    "model_type": "object",
    "model_attributes_type": "object",
    "date_type": "field_date",
    "date_parsing": "field_date",
    "date_from_datetime_parsing": "field_date",
}
_MAX_RECEIVED = 60


def explain(error: ValidationError, model: type[BaseModel], t: Translator) -> str:
    """Every problem of the call, one line each."""
    lines = []
    for problem in error.errors(include_url=False):
        field = ".".join(str(part) for part in problem["loc"]) or "arguments"
        accepted = _accepted(problem, model, t)
        received = _received(problem)
        if received is None:
            lines.append(t("error.invalid_input", field=field, accepted=accepted))
        else:
            lines.append(t("error.invalid_input.received", field=field, accepted=accepted, received=received))
    return "\n".join(dict.fromkeys(lines))


def _accepted(problem: Any, model: type[BaseModel], t: Translator) -> str:
    kind = problem["type"]
    ctx = problem.get("ctx") or {}
    field_schema = _field_schema(model, problem["loc"])
    if kind == "missing":
        return t("rule.missing")
    if kind == "extra_forbidden":
        names = _field_names(model, problem["loc"][:-1])
        return t("rule.unknown_field", accepted=", ".join(f"`{name}`" for name in names))
    if kind in _TYPE_RULES:
        return t(f"rule.{_TYPE_RULES[kind]}")
    if kind in ("literal_error", "enum"):
        return t("rule.enum", values=ctx.get("expected", ""))
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        low = field_schema.get("minimum", ctx.get("ge", ctx.get("gt", "")))
        high = field_schema.get("maximum", ctx.get("le", ctx.get("lt", "")))
        if low == 1 and (high == "" or high >= MAX_ID):
            return t("rule.positive_integer")
        if low != "" and high != "":
            return t("rule.integer_range", min=low, max=high)
    if kind == "string_pattern_mismatch" and field_schema.get("pattern") == TIME_PATTERN:
        return t("rule.time_of_day")
    if kind == "string_too_short":
        return t("rule.min_length")
    if kind == "string_too_long":
        return t("rule.max_length", max=ctx.get("max_length", ""))
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return t("rule.min_length") if least == 1 else t("rule.min_items", min=least)
    if kind == "too_long":
        return t("rule.max_items", max=ctx.get("max_length", ""), received=ctx.get("actual_length", "?"))
    if t.has(f"rule.{kind}"):
        return t(f"rule.{kind}")
    # Pydantic's own wording is English and may carry exception text or class names: never shown.
    return t("rule.generic")


def _field_schema(model: type[BaseModel], loc: tuple[Any, ...]) -> dict[str, Any]:
    """The JSON schema of the top-level field, with an optional (`anyOf [T, null]`) field unwrapped."""
    if not loc:
        return {}
    properties = model.model_json_schema().get("properties", {})
    schema = properties.get(str(loc[0]), {})
    if not isinstance(schema, dict):
        return {}
    for option in schema.get("anyOf", ()):
        if isinstance(option, dict) and option.get("type") != "null":
            return {**schema, **option}
    return schema


def _field_names(model: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """The fields of the object at `path` (e.g. `files_base64.0` is an InlineFile), not the tool's own."""
    schema = model.model_json_schema()
    definitions = schema.get("$defs", {})
    node: Any = schema
    for part in path:
        node = _resolved(node, definitions)
        node = node.get("items", {}) if isinstance(part, int) else node.get("properties", {}).get(part, {})
    return list(_resolved(node, definitions).get("properties", {})) or list(model.model_fields)


def _resolved(node: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    """A schema with its `$ref` followed and an optional (`anyOf [T, null]`) unwrapped."""
    if not isinstance(node, dict):
        return {}
    for option in node.get("anyOf", ()):
        if isinstance(option, dict) and option.get("type") != "null":
            return _resolved(option, definitions)
    reference = node.get("$ref")
    if isinstance(reference, str):
        return _resolved(definitions.get(reference.rsplit("/", 1)[-1], {}), definitions)
    return node


def _received(problem: Any) -> str | None:
    if problem["type"] in ("missing", "extra_forbidden"):
        return None
    value = problem.get("input")
    if isinstance(value, dict | list) or value is None:
        return None
    text = repr(value)
    return text if len(text) <= _MAX_RECEIVED else text[: _MAX_RECEIVED - 1] + "…"
