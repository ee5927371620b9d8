"""The docs say what the code does: docs/tools.md equals what the generator writes now, the README's
Troubleshooting quotes the messages the server really sends, and the README reads in order with set-up
commands, links, toolsets and settings that are real."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from adapters.docs import REGENERATE, main, readme_with_toolsets_table, render_tools_markdown
from adapters.i18n import Translator
from adapters.mcp.prompts import PROMPTS
from adapters.mcp.tools import ALL_TOOLS
from adapters.mcp.toolsets import DEFAULT_TOOLSETS, TOOLSETS, parse_toolsets, select_tools
from adapters.oauth.sealing import HOW_TO_MAKE_A_SECRET_KEY
from adapters.presenters.markdown.errors import present_error
from adapters.settings import Settings
from application.ports.failures import CircuitOpen, RateLimited, UpstreamUnavailable
from domain.errors import InvalidCredentials, MissingCredentials, PermissionDenied

REFERENCE = Path(__file__).resolve().parents[3] / "docs" / "tools.md"


def test_docs_tools_md_is_up_to_date() -> None:
    current = render_tools_markdown()
    recorded = REFERENCE.read_text(encoding="utf-8") if REFERENCE.exists() else ""
    assert recorded == current, (
        f"docs/tools.md is stale (the tool registry changed): regenerate it with `{REGENERATE}` "
        "(or `make docs`) and commit it with the change"
    )


def test_every_tool_and_prompt_has_its_entry() -> None:
    text = render_tools_markdown()
    for spec in ALL_TOOLS:
        assert f"\n### {spec.name}\n" in text, spec.name
        assert f"**{spec.title.en}** ({spec.title.pt})" in text, spec.name
    for prompt in PROMPTS:
        assert f"| `{prompt.name}` |" in text, prompt.name


def test_parameters_show_type_requirement_and_description() -> None:
    text = render_tools_markdown()
    get_ticket = text.split("\n### get_ticket\n", 1)[1].split("\n### ", 1)[0]
    assert "**Show ticket** (Ver ticket) — read-only" in get_ticket
    assert "| `ticket_number` | string | yes | Visible number (not the ID). |" in get_ticket
    assert "| `show_entities` | boolean | no |" in get_ticket  # off unless given: no default said
    close = text.split("\n### close_ticket\n", 1)[1].split("\n### ", 1)[0]
    assert "— **write** · destructive · idempotent" in close


def test_a_pipe_in_a_value_does_not_break_the_table() -> None:
    # Every row of every parameter table has as many cell borders as its header (a pipe in a pattern,
    # an enum or a description is escaped); the patterns with a pipe left create_appointment in issue 18.
    borders = re.compile(r"(?<!\\)\|")
    columns = 0
    for line in render_tools_markdown().splitlines():
        if not line.startswith("|"):
            columns = 0
            continue
        count = len(borders.findall(line))
        columns = columns or count
        assert count == columns, line


def test_the_command_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "docs" / "tools.md"
    assert main(["--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == render_tools_markdown()


README = REFERENCE.parents[1] / "README.md"
QUOTED_ERRORS: list[tuple[str, Callable[[Translator], str]]] = [
    ("missing key", lambda t: present_error(MissingCredentials(), t)),
    ("refused key", lambda t: present_error(InvalidCredentials(), t)),
    ("permission", lambda t: present_error(PermissionDenied(), t)),
    ("permission 40301", lambda t: present_error(PermissionDenied(code=40301), t)),
    ("licence 40304", lambda t: present_error(PermissionDenied(code=40304), t)),
    ("rate limited", lambda t: present_error(RateLimited(retry_after_seconds=30), t)),
    ("http 503", lambda t: present_error(UpstreamUnavailable(reason="http_503", attempts=3), t)),
    ("network", lambda t: present_error(UpstreamUnavailable(reason="network", attempts=3), t)),
    ("html page", lambda t: present_error(UpstreamUnavailable(reason="unexpected_response"), t)),
    (
        "unknown outcome",
        lambda t: present_error(UpstreamUnavailable(reason="timeout", write_may_have_happened=True), t),
    ),
    ("circuit open", lambda t: present_error(CircuitOpen(failures=5, retry_in_seconds=10), t)),
    ("read-only", lambda t: t("error.tool_disabled.read_only", name="close_ticket")),
    ("toolset", lambda t: t("error.tool_disabled.toolset", name="list_inbox_chats")),
    ("header read-only", lambda t: t("error.tool_disabled.header_read_only", name="close_ticket")),
    ("header toolset", lambda t: t("error.tool_disabled.header_toolset", name="get_ticket")),
    ("internal", lambda t: t("error.internal", ref="3f9a1c2e")),
]


def test_the_readme_troubleshooting_quotes_the_messages_the_server_sends() -> None:
    """A reworded message must be reworded in the README's Troubleshooting too."""
    readme = README.read_text(encoding="utf-8")
    section = readme.split("\n## Troubleshooting\n", 1)[1].split("\n## ", 1)[0]
    for label, message in QUOTED_ERRORS:
        assert f"> {message(Translator('pt-BR'))}\n" in section, f"README Troubleshooting, {label} (pt-BR)"
        assert f"> ({message(Translator('en'))})\n" in section, f"README Troubleshooting, {label} (en)"
    assert f"tiflux-mcp: hosted mode needs a secret key: {HOW_TO_MAKE_A_SECRET_KEY}\n" in section
    assert f"tiflux-mcp: TIFLUX_MCP_SECRET_KEY is not a valid key: {HOW_TO_MAKE_A_SECRET_KEY}\n" in section


ROOT = README.parent
DOCUMENTS = [README, *sorted((ROOT / "docs").glob("*.md"))]
README_SECTIONS = [
    "Contents",
    "Prerequisites",
    "Install",
    "Connect a client",
    "Configuration",
    "Toolsets",
    "Tools",
    "Hosting",
    "Troubleshooting",
]


def without_code_blocks(text: str) -> str:
    return re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)


def headings(text: str, level: str = "##") -> list[str]:
    return re.findall(rf"^{level} (.+)$", without_code_blocks(text), flags=re.MULTILINE)


def anchors(text: str) -> set[str]:
    """GitHub's anchors: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2…"""
    seen: dict[str, int] = {}
    found = set()
    for heading in re.findall(r"^#{1,6} (.+)$", without_code_blocks(text), flags=re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        found.add(slug if slug not in seen else f"{slug}-{seen[slug]}")
        seen[slug] = seen.get(slug, 0) + 1
    return found


def test_the_readme_opens_with_the_two_set_up_commands_then_the_contents() -> None:
    text = README.read_text(encoding="utf-8")
    assert text.startswith("# tiflux-mcp\n\n```sh\n")
    block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split("#")[0].strip() for line in block.splitlines()] == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.MULTILINE) and re.search(r"^test:", makefile, re.MULTILINE)
    assert headings(text)[0] == "Contents"


def test_the_readme_reads_in_order_and_its_contents_list_every_section() -> None:
    text = README.read_text(encoding="utf-8")
    assert headings(text) == README_SECTIONS
    contents = text.split("\n## Contents\n", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^- \[([^\]]+)\]\(#([^)]+)\)", contents, flags=re.MULTILINE)
    assert [title for title, _ in listed] == README_SECTIONS[1:]
    subsections = headings(text, "###")
    assert len(subsections) == len(set(subsections)), "a section is duplicated"


def test_every_relative_link_and_anchor_in_the_docs_leads_somewhere() -> None:
    broken = []
    for document in DOCUMENTS:
        text = without_code_blocks(document.read_text(encoding="utf-8"))
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue  # https:, mailto: — outside the clone
            path, _, anchor = target.partition("#")
            linked = (document.parent / path).resolve() if path else document
            if not linked.exists():
                broken.append(f"{document.name}: {target} (no such file)")
            elif (
                anchor
                and linked.suffix == ".md"
                and anchor not in anchors(linked.read_text(encoding="utf-8"))
            ):
                broken.append(f"{document.name}: {target} (no such heading)")
    assert not broken, broken


def test_every_make_target_the_docs_name_exists() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.MULTILINE))
    named = set()
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        code = re.findall(r"`([^`\n]+)`", text) + re.findall(r"^```.*?^```", text, re.MULTILINE | re.DOTALL)
        for snippet in code:
            named |= set(
                re.findall(r"(?:^|\s)make(?: -{1,2}[\w-]+(?: /\S+)?)* ([a-z][a-z-]*)", snippet, re.M)
            )
    assert {"demo", "test", "dist"} <= named
    assert named <= targets, named - targets


def test_the_toolsets_table_is_the_registry() -> None:
    """The README's toolsets table is written from the registry's table (`make docs`), and says, for every
    toolset TIFLUX_TOOLSETS takes, its tools and whether it is on by default."""
    readme = README.read_text(encoding="utf-8")
    assert readme_with_toolsets_table(readme) == readme, f"README's toolsets table is stale: run {REGENERATE}"
    section = readme.split("\n## Toolsets\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+)` \| .+ \| (.+) \| (on|off) \|$", section, flags=re.MULTILINE)
    on_by_default = {spec.toolset for spec in select_tools(ALL_TOOLS, parse_toolsets(None), False).enabled}
    expected = {
        toolset: ([spec.name for spec in ALL_TOOLS if spec.toolset == toolset], toolset in on_by_default)
        for toolset in TOOLSETS
        if any(spec.toolset == toolset for spec in ALL_TOOLS)
    }
    documented = {name: (re.findall(r"`(\w+)`", tools), default == "on") for name, tools, default in rows}
    assert {name: listed for name, listed in documented.items() if listed[0]} == expected
    assert list(documented) == list(TOOLSETS)
    assert {name for name, (_, on) in documented.items() if on} == set(DEFAULT_TOOLSETS)


def test_the_configuration_table_has_every_setting() -> None:
    section = README.read_text(encoding="utf-8").split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    missing = [
        f"TIFLUX_{name.upper()}"
        for name in Settings.model_fields
        if f"`TIFLUX_{name.upper()}`" not in section
    ]
    assert not missing, f"README Configuration lacks {missing}"


def test_install_offers_the_wheel_then_pipx_and_uvx_then_docker() -> None:
    section = README.read_text(encoding="utf-8").split("\n## Install\n", 1)[1].split("\n## ", 1)[0]
    order = [section.index(step) for step in ("make dist", "pipx install", "uvx --from", "docker build")]
    assert order == sorted(order)
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
