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
    "int_from_float": "integer",
    "string_type": "string",
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
        return t("rule.unknown_field", accepted=", ".join(f"`{name}`" for name in model.model_fields))
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
    if t.has(f"rule.{kind}"):
        return t(f"rule.{kind}")
    return t("rule.generic", detail=problem.get("msg", kind))


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


def _received(problem: Any) -> str | None:
    if problem["type"] in ("missing", "extra_forbidden"):
        return None
    value = problem.get("input")
    if isinstance(value, dict | list) or value is None:
        return None
    text = repr(value)
    return text if len(text) <= _MAX_RECEIVED else text[: _MAX_RECEIVED - 1] + "…"
