"""The server's tools at a terminal: `tiflux-mcp tools` and `tiflux-mcp call TOOL key=value …`.

Calls go through the same MCP server (in memory), so validation, errors, output and questions are exactly
what a client gets; the answer is printed as Markdown, an error on stderr with exit status 1. What the
server asks a client (confirm a close, a cancel, an answer to a customer; pick one of several matches)
is asked here at the terminal: y/N, or a numbered list. `--yes` confirms without asking; without a
terminal and without `--yes`, a call that needs confirming is refused and nothing is sent.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

import anyio
from mcp import Client
from mcp.client.session import ClientRequestContext
from mcp.shared.exceptions import MCPError
from mcp.types import ElicitRequestFormParams, ElicitRequestParams, ElicitResult

from adapters.container import create_container
from adapters.logs import configure_logging
from adapters.mcp.toolsets import TOOLSET_TABLE, parse_toolsets, select_tools
from adapters.settings import ConfigurationError, load_settings

Ask = Callable[[str], str]

_WORDS = {
    "pt-BR": {
        "yes_no": "[s/N]",
        "pick": "Número da opção (Enter para nenhuma): ",
        "no_terminal": "`{tool}` pede confirmação e não há um terminal para perguntar: rode num terminal ou "
        "acrescente --yes para confirmar; nada foi enviado.",
        "no_choice": "nenhuma opção escolhida.",
        "toolsets": "grupo  padrão  aqui  ferramentas  para",
        "on": "sim",
        "off": "não",
    },
    "en": {
        "yes_no": "[y/N]",
        "pick": "Option number (Enter for none): ",
        "no_terminal": "`{tool}` asks for confirmation and there is no terminal to ask at: run it at a "
        "terminal or add --yes to confirm; nothing was sent.",
        "no_choice": "no option chosen.",
        "toolsets": "toolset  default  here  tools  for",
        "on": "on",
        "off": "off",
    },
}
_YES = frozenset({"y", "yes", "s", "sim"})


def list_tools(*, demo: bool, toolsets: bool = False) -> int:
    if toolsets:
        return list_toolsets(demo=demo)
    loaded = _server(demo)
    if loaded is None:
        return 2
    server, _language = loaded

    async def run() -> list[str]:
        async with Client(server) as client:
            tools = (await client.list_tools()).tools
        return [f"{tool.name:32s} {(tool.description or '').split('. ')[0].rstrip('.')}" for tool in tools]

    print("\n".join(anyio.run(run)))  # outside the event loop: a closed pipe is the CLI's to handle
    return 0


def list_toolsets(*, demo: bool) -> int:
    """The toolsets table in the user's language: what each is for, on by default, on with these settings
    (TIFLUX_TOOLSETS, and TIFLUX_READ_ONLY counting only read-only tools), and how many tools it has."""
    try:
        settings = load_settings(demo=demo)
    except ConfigurationError as problem:
        for line in str(problem).splitlines():
            print(f"tiflux-mcp: {line}", file=sys.stderr)
        return 2
    from adapters.mcp.tools import ALL_TOOLS

    words = _WORDS.get(settings.language, _WORDS["en"])
    chosen = parse_toolsets(settings.toolsets)
    enabled = select_tools(ALL_TOOLS, chosen, settings.read_only).enabled
    header = words["toolsets"].split("  ")
    rows = [header]
    for toolset in TOOLSET_TABLE:
        here = chosen is None or toolset.name in chosen
        count = sum(spec.toolset == toolset.name for spec in enabled) if here else 0
        rows.append(
            [
                toolset.name,
                words["on" if toolset.default else "off"],
                words["on" if here else "off"],
                str(count),
                toolset.description(settings.language),
            ]
        )
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    print(
        "\n".join(
            "  ".join([*(c.ljust(w) for c, w in zip(row[:4], widths, strict=True)), row[4]]) for row in rows
        )
    )
    return 0


def call_tool(
    name: str, pairs: Sequence[str], json_arguments: str | None, *, demo: bool, yes: bool = False
) -> int:
    try:
        arguments = _arguments(pairs, json_arguments)
    except ValueError as exc:
        print(f"tiflux-mcp: {exc}", file=sys.stderr)
        return 2
    loaded = _server(demo)
    if loaded is None:
        return 2
    server, language = loaded
    person = TerminalPerson(language, yes=yes, ask=_ask_at_terminal if sys.stdin.isatty() else None)

    async def show_progress(progress: float, total: float | None, message: str | None) -> None:
        if sys.stderr.isatty():  # a person is watching: one line, rewritten
            print(
                f"\r… {int(progress)} · {message or ''}"[:100].ljust(100), end="", file=sys.stderr, flush=True
            )

    async def run() -> tuple[bool, str]:
        async with Client(server, elicitation_callback=person) as client:
            try:
                result = await client.call_tool(name, arguments, progress_callback=show_progress)
            except MCPError as exc:  # e.g. a tool this server does not have (JSON-RPC -32602)
                return True, exc.message
            finally:
                if sys.stderr.isatty():
                    print("\r" + " " * 100 + "\r", end="", file=sys.stderr, flush=True)
        text = "\n".join(getattr(block, "text", "") for block in result.content)
        return bool(result.is_error), text

    failed, text = anyio.run(run)
    if person.unasked:
        text = person.why_nothing_was_sent(name)
    print(text, file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0


class TerminalPerson:
    """Answers the server's questions (MCP elicitation) for the person at the terminal.

    A yes/no box becomes `… [y/N]`; a choice among candidates a numbered list. With `yes`, confirmations
    are accepted without asking (a choice still needs a person). Without a terminal (`ask` is None) every
    question is declined, and `unasked` says so, so the caller can tell the person why nothing was sent.
    """

    def __init__(self, language: str, *, yes: bool, ask: Ask | None) -> None:
        self._words = _WORDS.get(language, _WORDS["en"])
        self._yes = yes
        self._ask = ask
        self.unasked = False

    def why_nothing_was_sent(self, tool: str) -> str:
        """For a call refused because nobody could be asked: run it at a terminal, or add --yes."""
        return self._words["no_terminal"].format(tool=tool)

    async def __call__(self, context: ClientRequestContext, params: ElicitRequestParams) -> ElicitResult:
        if not isinstance(params, ElicitRequestFormParams):
            return ElicitResult(action="decline")  # a URL to open: nothing a terminal can do
        fields = params.requested_schema.get("properties", {})
        booleans = [key for key, spec in fields.items() if spec.get("type") == "boolean"]
        choices = {key: spec["enum"] for key, spec in fields.items() if isinstance(spec.get("enum"), list)}
        if self._yes and booleans and not choices:
            return ElicitResult(action="accept", content=dict.fromkeys(booleans, True))
        if self._ask is None:
            self.unasked = self.unasked or bool(booleans and not choices)
            return ElicitResult(action="decline")
        if choices:
            key, options = next(iter(choices.items()))
            picked = await self._pick(params.message, [str(option) for option in options])
            if picked is None:
                return ElicitResult(action="decline")
            return ElicitResult(action="accept", content={key: picked})
        answer = await self._question(f"{params.message} {self._words['yes_no']} ")
        confirmed = answer.strip().lower() in _YES
        return ElicitResult(action="accept", content=dict.fromkeys(booleans, confirmed))

    async def _pick(self, question: str, options: list[str]) -> str | None:
        listing = "\n".join(f"  {number}) {option}" for number, option in enumerate(options, start=1))
        answer = await self._question(f"{question}\n{listing}\n{self._words['pick']}")
        if answer.strip().isdigit() and 1 <= int(answer) <= len(options):
            return options[int(answer) - 1]
        print(self._words["no_choice"], file=sys.stderr)
        return None

    async def _question(self, prompt: str) -> str:
        assert self._ask is not None
        return await anyio.to_thread.run_sync(self._ask, prompt)


def _ask_at_terminal(prompt: str) -> str:
    """The prompt on stderr (stdout carries the answer), the reply from stdin; end of input is 'no'."""
    print(prompt, end="", file=sys.stderr, flush=True)
    line = sys.stdin.readline()
    if not line:
        print(file=sys.stderr)
    return line.rstrip("\n")


def _arguments(pairs: Sequence[str], json_arguments: str | None) -> dict[str, Any]:
    """`key=value` pairs and `--json`; a key given twice, in either form, is refused rather than guessed."""
    arguments: dict[str, Any] = {}
    if json_arguments:
        example = '\'{"ticket_number": "1040"}\''
        try:
            loaded = json.loads(json_arguments)
        except ValueError as exc:
            raise ValueError(f"--json is not valid JSON ({exc}); give one object, e.g. {example}") from None
        if not isinstance(loaded, dict):
            raise ValueError(f"--json takes a JSON object, e.g. {example}")
        arguments.update(loaded)
    from_pairs: set[str] = set()
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"arguments are key=value, got {pair!r}")
        if key in from_pairs:
            raise ValueError(f"{key} is given twice ({key}=…); give it once")
        if key in arguments:
            raise ValueError(f"{key} is given both in --json and as {key}=…; give it once")
        from_pairs.add(key)
        try:
            arguments[key] = json.loads(raw)
        except ValueError:
            arguments[key] = raw
    return arguments


def _server(demo: bool) -> tuple[Any, str] | None:
    try:
        settings = load_settings(demo=demo)
    except ConfigurationError as problem:
        for line in str(problem).splitlines():
            print(f"tiflux-mcp: {line}", file=sys.stderr)
        return None
    configure_logging(settings.log_level)
    return create_container(settings).mcp_server(), settings.language
