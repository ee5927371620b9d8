"""Every tool is a declaration: named parts, a use case the container provides, no tool name elsewhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from adapters.mcp.spec import ToolSpec
from adapters.mcp.tools import ALL_TOOLS
from adapters.use_cases import UseCases

PACKAGE = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("spec", ALL_TOOLS, ids=lambda spec: spec.name)
def test_a_spec_is_made_of_named_parts(spec: ToolSpec) -> None:  # type: ignore[type-arg]
    assert any(spec.use_case is provider for provider in UseCases.cls_providers.values())
    parts = [spec.run, spec.present, spec.present_with_arguments]
    if spec.confirmation is not None:
        parts.append(spec.confirmation.question)
    for part in (p for p in parts if p is not None):
        assert getattr(part, "__name__", type(part).__name__) != "<lambda>", spec.name


@pytest.mark.parametrize("spec", ALL_TOOLS, ids=lambda spec: spec.name)
def test_every_object_a_tool_takes_refuses_unknown_fields(spec: ToolSpec) -> None:  # type: ignore[type-arg]
    """`tools/list` does not say `additionalProperties: false` (bytes on every turn): the input models do,
    so an unknown field is refused by name, never dropped."""
    schema = spec.input_model.model_json_schema()
    objects = [schema, *schema.get("$defs", {}).values()]
    assert all(node.get("additionalProperties") is False for node in objects if "properties" in node)
    with pytest.raises(ValidationError, match="surely_not_a_field"):
        spec.input_model.model_validate({"surely_not_a_field": 1})
    assert "additionalProperties" not in json.dumps(spec.input_schema("en"))


def test_tool_names_are_unique() -> None:
    names = [spec.name for spec in ALL_TOOLS]
    assert len(names) == len(set(names))


def test_no_code_outside_the_registry_quotes_a_tool_name() -> None:
    names = "|".join(spec.name for spec in ALL_TOOLS)
    quoted = re.compile(rf"""["']({names})["']""")
    outside = [
        f"{path.relative_to(PACKAGE)}: {match.group(1)}"
        for layer in ("domain", "application", "adapters")
        for path in (PACKAGE / layer).rglob("*.py")
        if "mcp/tools" not in path.as_posix() and "tiflux/fake" not in path.as_posix()
        for match in quoted.finditer(path.read_text(encoding="utf-8"))
    ]
    assert outside == []
