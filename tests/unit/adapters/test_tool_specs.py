"""Every tool is a declaration: named parts, a use case the container provides, no tool name elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

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
