"""The docs say what the code does: docs/tools.md equals what the generator writes now, and the README's
Troubleshooting quotes the messages the server really sends."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from adapters.docs import REGENERATE, main, render_tools_markdown
from adapters.i18n import Translator
from adapters.mcp.prompts import PROMPTS
from adapters.mcp.tools import ALL_TOOLS
from adapters.oauth.sealing import HOW_TO_MAKE_A_SECRET_KEY
from adapters.presenters.markdown.errors import present_error
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
    assert (
        "| `ticket_number` | string (pattern `^#?[0-9]+$`) | yes | The visible number, not the internal ID. |"
        in get_ticket
    )
    assert "| `show_entities` | boolean (default `false`) | no |" in get_ticket
    close = text.split("\n### close_ticket\n", 1)[1].split("\n### ", 1)[0]
    assert "— **write** · destructive · idempotent" in close


def test_a_pipe_in_a_pattern_does_not_break_the_table() -> None:
    text = render_tools_markdown()
    assert "`^([01][0-9]\\|2[0-3]):[0-5][0-9]$`" in text


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
