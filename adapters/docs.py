"""The tools reference (`docs/tools.md`), written from the tool and prompt registries, never by hand.

    python -m adapters.docs --output docs/tools.md     # or: python -m adapters.docs > docs/tools.md

A test fails when the file differs from what this module writes now, so the reference cannot go stale.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from adapters.i18n import CATALOGUES
from adapters.mcp.prompts import PROMPTS, PromptSpec
from adapters.mcp.spec import ToolSpec
from adapters.mcp.tools import ALL_TOOLS
from adapters.mcp.toolsets import TOOLSETS

REGENERATE = ".venv/bin/python -m adapters.docs --output docs/tools.md"


def render_tools_markdown(
    tools: Sequence[ToolSpec[Any, Any, Any]] = ALL_TOOLS, prompts: Sequence[PromptSpec] = PROMPTS
) -> str:
    """The whole reference: an index by toolset, one section per tool, then the prompts."""
    lines = [
        "# Tools reference",
        "",
        f"<!-- Generated from the tool registry by `{REGENERATE}`; do not edit by hand. -->",
        "",
        f"{len(tools)} tools in {len(_toolsets(tools))} toolsets. Names, titles, descriptions and "
        "parameters are exactly what a client reads in `tools/list` with `TIFLUX_LANGUAGE=en` (descriptions "
        "are written for the model; the pt-BR title follows the English one, and the pt-BR text is in "
        "`contracts/tools.json`). Each answer also carries its data as `structuredContent`, in the shape "
        "`contracts/tool-outputs.json` declares for the tool. `TIFLUX_TOOLSETS` chooses the "
        "toolsets offered and `TIFLUX_READ_ONLY=true` "
        "leaves only the read-only tools; in hosted mode the `x-tiflux-toolsets` and `x-tiflux-read-only` "
        "headers may narrow that further for one connection.",
        "",
        "| toolset | tools |",
        "|---|---|",
    ]
    for toolset, members in _toolsets(tools):
        lines.append(f"| {toolset} | {', '.join(f'[`{s.name}`](#{s.name})' for s in members)} |")
    for toolset, members in _toolsets(tools):
        lines += ["", f"## Toolset `{toolset}`"]
        for spec in members:
            lines += ["", *_tool_section(spec)]
    if prompts:
        lines += ["", *_prompts_section(prompts)]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m adapters.docs", description=__doc__.splitlines()[0])
    parser.add_argument("--output", "-o", type=Path, help="write here instead of standard output")
    args = parser.parse_args(argv)
    text = render_tools_markdown()
    if args.output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    return 0


def _toolsets(tools: Sequence[ToolSpec[Any, Any, Any]]) -> list[tuple[str, list[ToolSpec[Any, Any, Any]]]]:
    known = [*TOOLSETS, *sorted({s.toolset for s in tools} - set(TOOLSETS))]
    grouped = [(name, [spec for spec in tools if spec.toolset == name]) for name in known]
    return [(name, members) for name, members in grouped if members]


def _tool_section(spec: ToolSpec[Any, Any, Any]) -> list[str]:
    tool = spec.to_mcp("en")
    hints = tool.annotations
    kind = ["read-only"] if hints and hints.read_only_hint else ["**write**"]
    if hints and hints.destructive_hint:
        kind.append("destructive")
    if hints and hints.idempotent_hint and not hints.read_only_hint:
        kind.append("idempotent")
    lines = [f"### {tool.name}", ""]
    lines += [f"**{_text(spec.title.en)}** ({_text(spec.title.pt)}) — {' · '.join(kind)}", ""]
    lines += [_text(tool.description or ""), ""]
    rows = list(_parameters(tool.input_schema))
    if not rows:
        return [*lines, "No parameters."]
    lines += ["| parameter | type | required | description |", "|---|---|---|---|"]
    lines += [f"| `{name}` | {kind_} | {required} | {text} |" for name, kind_, required, text in rows]
    return lines


def _parameters(schema: dict[str, Any], prefix: str = "") -> Iterable[tuple[str, str, str, str]]:
    required = set(schema.get("required", ()))
    for name, prop in schema.get("properties", {}).items():
        yield (
            _cell(prefix + name),
            _cell(_type(prop)),
            "yes" if name in required else "no",
            _text(prop.get("description", "")),
        )
        items = prop.get("items")
        if isinstance(items, dict) and items.get("properties"):  # a list of objects: their fields below it
            yield from _parameters(items, prefix=f"{prefix}{name}[].")


def _type(prop: dict[str, Any]) -> str:
    """The type and what it accepts, in a few words: `string` (pattern …), `integer` ≥ 1, one of …"""
    kind = prop.get("type")
    if isinstance(kind, list):
        text = " or ".join(str(k) for k in kind)
    elif kind == "array":
        items = prop.get("items", {})
        inner = "object" if items.get("properties") else _type(items)
        text = f"array of {inner}"
    elif "anyOf" in prop:
        text = " or ".join(_type(option) for option in prop["anyOf"])
    else:
        text = str(kind or "any")
    details = []
    if "enum" in prop:
        details.append("one of " + ", ".join(f"`{_code(v)}`" for v in prop["enum"]))
    if "format" in prop:
        details.append(f"format `{prop['format']}`")
    if "pattern" in prop:
        details.append(f"pattern `{_code(prop['pattern'])}`")
    if "minimum" in prop and "maximum" in prop:
        details.append(f"{prop['minimum']}–{prop['maximum']}")
    elif "minimum" in prop:
        details.append(f"≥ {prop['minimum']}")
    elif "maximum" in prop:
        details.append(f"≤ {prop['maximum']}")
    if "minItems" in prop and "maxItems" in prop:
        details.append(f"{prop['minItems']}–{prop['maxItems']} items")
    elif "maxItems" in prop:
        details.append(f"up to {prop['maxItems']} items")
    elif "minItems" in prop:
        details.append(f"at least {prop['minItems']} items")
    if "maxLength" in prop:
        details.append(f"up to {prop['maxLength']:,} characters")
    if "default" in prop:
        details.append(f"default `{_code(prop['default'])}`")
    return text + (f" ({'; '.join(details)})" if details else "")


def _prompts_section(prompts: Sequence[PromptSpec]) -> list[str]:
    pt, en = CATALOGUES["pt-BR"], CATALOGUES["en"]
    lines = [
        "## Prompts",
        "",
        "Ready-made workflows a client offers its user (`prompts/list`, `prompts/get`), in pt-BR, or English "
        "with `TIFLUX_LANGUAGE=en`. A prompt is offered only when every tool it uses is.",
        "",
        "| prompt | title (pt-BR / en) | arguments | tools it uses |",
        "|---|---|---|---|",
    ]
    for spec in prompts:
        key = f"prompt.{spec.name}"
        arguments = "<br>".join(
            f"`{arg.name}`{' (required)' if arg.required else ''}: {_text(en[f'{key}.arg.{arg.name}'])}"
            for arg in spec.arguments
        )
        tools = ", ".join(f"[`{name}`](#{name})" for name in spec.tool_names)
        title = f"{_text(pt[f'{key}.title'])} / {_text(en[f'{key}.title'])}"
        lines.append(f"| `{spec.name}` | {title} | {arguments or '—'} | {tools} |")
    return lines


def _text(text: str) -> str:
    """Plain text as one table cell or paragraph: one line, and no character Markdown would act on."""
    text = " ".join(text.split()).replace("\\", "\\\\").replace("*", "\\*").replace("<", "&lt;")
    return _cell(_LONE_UNDERSCORE.sub(r"\\_", text))


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _code(value: object) -> str:
    """A value inside backticks, as JSON writes it (`false`, `20`, `created_at`)."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text.replace("`", "'")


_LONE_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")  # intraword ones are literal already


if __name__ == "__main__":
    raise SystemExit(main())
