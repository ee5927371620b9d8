"""Fuzzing the tool layer through the real MCP server in memory, on the demo tenant.

Calls are generated from each tool's advertised input schema (`tools/list`, via hypothesis-jsonschema) and
from hostile values: huge strings, control characters, `../`, emoji, nulls, wrong types, extra fields, a
missing or non-object arguments object, unknown tool names. Whatever the call:

- the answer is a tool result, never a JSON-RPC error (an unknown tool may be either);
- it carries no traceback, exception text or pydantic wording, and nothing was logged as a failure;
- arguments the tool's input model refuses reach no port of the gateway (a port call is a request to
  TiFlux), and a call refused for its input (invalid value, missing filter) writes nothing.

TIFLUX_FUZZ_EXAMPLES sets the examples per tool and strategy: 6 by default (64 × 6 = 384 calls, for
`make test`), 100 in `make fuzz` (6,400 calls).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal
from dependency_injector import providers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from mcp import Client, MCPError, types
from pydantic import ValidationError

from adapters.container import create_container
from adapters.i18n import Translator
from adapters.mcp.spec import ToolSpec
from adapters.mcp.tools import ALL_TOOLS
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant
from application.ports.gateway import TifluxGateway
from tests.support.fake_api import fake_gateway

EXAMPLES = int(os.environ.get("TIFLUX_FUZZ_EXAMPLES", "6"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
TOOL_NAMES = [spec.name for spec in ALL_TOOLS]
WRITES = frozenset(
    {
        "tickets.create",
        "tickets.update",
        "tickets.update_fields",
        "tickets.cancel",
        "tickets.close",
        "tickets.answer",
        "communications.create",
        "appointments.create",
    }
)
# What must never reach the model: Python's and pydantic's own words (unless the caller sent them).
LEAKS = (
    "Traceback",
    'File "',
    "Error executing tool",
    "ValidationError",
    "pydantic",
    "Value error",
    "Assertion failed",
    "Input should be",
    "Exception",
    "KeyError",
    "TypeError",
    "ValueError",
    "AttributeError",
    "IndexError",
    "RuntimeError",
    "UnicodeError",
    "RecursionError",
    "NoneType",
    "object has no attribute",
    "sys.set_int_max_str_digits",
)


# --- hostile values

CONTROL = "".join(map(chr, [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]))
HOSTILE_STRINGS = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "1040\x00",
        "\x00" * 50,
        "\r\n\t\x0b\x0c",
        "\x1b[31mvermelho\x1b[0m",
        "../desks",
        "../../../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "%2e%2e%2f%2e%2e%2f",
        "/dev/zero",
        "/proc/self/environ",
        "~root/.ssh/id_rsa",
        "\u202e4301\u202c",
        "\u200b1040\u200b",
        "\ufeff",
        "\ud800",
        "😀" * 64,
        "👩‍👩‍👧‍👦🏳️‍🌈",
        "١٠٤٠",
        "１０４０",
        "#1040",
        " 1040 ",
        "-1",
        "0",
        "1e309",
        "9" * 5000,
        "0" * 30 + "1040",
        "NaN",
        "Infinity",
        "null",
        "true",
        "[]",
        "{}",
        "2025-02-30",
        "0000-00-00",
        "9999-12-31T23:59:59+99:00",
        "24:00",
        "23:60",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "'; DROP TABLE tickets; --",
        "{0.__class__}{{7*7}}${jndi:ldap://x}%s%n",
        "a@b",
        "@@@",
        "data:text/plain;base64,",
        "*" * 100_000,
        "[" * 100_000,
        "> " * 50_000,
        "x" * 100_001,
        "ç" * 1_000_000,
    ]
)
TEXTS = st.text(max_size=300) | st.text(alphabet=CONTROL, max_size=40)
INTEGERS = st.integers() | st.sampled_from([0, -1, 2**31, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**400])
FLOATS = st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from([1040.0, 1.5, -0.0, 1e308])
SCALARS = st.none() | st.booleans() | INTEGERS | FLOATS | HOSTILE_STRINGS | TEXTS


def nested(depth: int) -> Any:
    value: Any = "fundo"
    for level in range(depth):
        value = [value] if level % 2 else {"a": value}
    return value


HOSTILE_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXTS, inner, max_size=4),
    max_leaves=12,
) | st.sampled_from([nested(64), {"filename": "a.txt", "content": "YQ=="}, [{"entity_field_id": 72}]])
EXTRA_KEYS = st.sampled_from(["__proto__", "constructor", "api_key", "_meta", "", "ticket_number ", "Offset"])


def arguments_from(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Valid arguments for an advertised input schema: each field's values from hypothesis-jsonschema's
    `from_schema`, the objects around them assembled here (its own object generator calls `many.more()`,
    a Hypothesis internal that Hypothesis 6.170.10 removed)."""
    return _drawn(schema, schema.get("$defs", {}))


def _drawn(node: dict[str, Any], definitions: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "$ref" in node:
        node = definitions[node["$ref"].rsplit("/", 1)[-1]]
    if node.get("type") == "object":
        fields = {name: _drawn(sub, definitions) for name, sub in node.get("properties", {}).items()}
        required = set(node.get("required", ()))
        return st.fixed_dictionaries(
            {name: values for name, values in fields.items() if name in required},
            optional={name: values for name, values in fields.items() if name not in required},
        )
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        least = node.get("minItems", 0)
        return st.lists(
            _drawn(node["items"], definitions),
            min_size=least,
            max_size=min(node.get("maxItems", 8), least + 8),
        )
    return from_schema(node)


@st.composite
def hostile_arguments(draw: st.DrawFn, schema: dict[str, Any], valid: st.SearchStrategy[Any]) -> Any:
    """A valid call with some fields swapped for hostile values, maybe a required one dropped, maybe an
    unknown field added; or hostile fields alone."""
    names = sorted(schema.get("properties", {}))
    arguments: dict[str, Any] = dict(draw(valid)) if draw(st.booleans()) else {}
    if names:
        for name in draw(st.lists(st.sampled_from(names), max_size=3, unique=True)):
            arguments[name] = draw(HOSTILE_VALUES)
    if arguments and draw(st.integers(0, 3)) == 0:
        del arguments[draw(st.sampled_from(sorted(arguments)))]
    if draw(st.integers(0, 3)) == 0:
        arguments[draw(EXTRA_KEYS | TEXTS)] = draw(HOSTILE_VALUES)
    return arguments


# --- the server under test


class RecordingGateway:
    """The demo tenant's gateway, noting each port call first: a noted call is a request TiFlux would get."""

    def __init__(self, gateway: TifluxGateway, calls: list[str]) -> None:
        self._gateway = gateway
        self._calls = calls

    def __getattr__(self, port: str) -> Any:
        return _RecordingPort(getattr(self._gateway, port), port, self._calls)


class _RecordingPort:
    def __init__(self, port: Any, name: str, calls: list[str]) -> None:
        self._port, self._name, self._calls = port, name, calls

    def __getattr__(self, method: str) -> Any:
        attribute = getattr(self._port, method)
        if not callable(attribute):
            return attribute

        def noted(*args: Any, **kwargs: Any) -> Any:
            self._calls.append(f"{self._name}.{method}")
            return attribute(*args, **kwargs)

        return noted


class FailureLog(logging.Handler):
    """Every record at ERROR or above: the runtime logs an unexpected exception there."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class Fuzzed:
    """The server in memory, driven from the (synchronous) Hypothesis test through a blocking portal."""

    portal: BlockingPortal
    client: Client
    specs: dict[str, ToolSpec[Any, Any]]
    schemas: dict[str, dict[str, Any]]
    strategies: dict[str, st.SearchStrategy[Any]]
    zone: ZoneInfo
    translator: Translator
    failures: FailureLog
    calls: list[str] = field(default_factory=list)

    def call(self, name: str, arguments: Any, *, raw: bool = False) -> types.CallToolResult:
        """One `tools/call`; `raw` sends `arguments` as they are, even when not an object."""
        self.calls.clear()
        self.failures.records.clear()
        return self.portal.call(self._call, name, arguments, raw)

    async def _call(self, name: str, arguments: Any, raw: bool) -> types.CallToolResult:
        if not raw:
            return await self.client.call_tool(name, arguments)
        params: dict[str, Any] = {"name": name}
        if arguments is not _ABSENT:
            params["arguments"] = arguments
        request = types.Request[dict[str, Any], str](method="tools/call", params=params)
        return await self.client.session.send_request(request, types.CallToolResult)

    def check(self, name: str, arguments: Any, result: types.CallToolResult) -> None:
        text = text_of(result)
        sent = json.dumps(arguments, ensure_ascii=False, default=repr) if arguments is not _ABSENT else ""
        leaked = [marker for marker in LEAKS if marker in text and marker not in sent]
        assert not leaked, f"{name}: {leaked} in {text[:2000]!r}"
        assert not self.failures.records, [r.getMessage() for r in self.failures.records]
        assert not text.startswith(self._prefix("error.internal", ref="")), text
        if self.refused(name, arguments):
            assert result.is_error, f"{name} accepted what its model refuses: {text[:500]!r}"
            assert self.calls == [], f"{name}: refused input still reached {self.calls}"
        if result.is_error and self._is_input_error(text):
            assert not WRITES.intersection(self.calls), f"{name}: refused input still wrote {self.calls}"

    def refused(self, name: str, arguments: Any) -> bool:
        """Whether the tool's input model refuses these arguments (a missing object counts as {})."""
        spec = self.specs.get(name)
        if spec is None:
            return False
        if arguments is None or arguments is _ABSENT:
            arguments = {}
        if not isinstance(arguments, dict):
            return True
        try:
            spec.input_model.model_validate(arguments, context={"zone": self.zone})
        except ValidationError:
            return True
        return False

    def _is_input_error(self, text: str) -> bool:
        return text.startswith(self._prefix("error.invalid_input", field="", accepted="")) or text.startswith(
            self._prefix("error.missing_filter", fields="")
        )

    def _prefix(self, key: str, **params: str) -> str:
        return self.translator(key, **params).split("`")[0].strip(" .:")


_ABSENT: Any = object()  # the `arguments` key left out of the request


def text_of(result: types.CallToolResult) -> str:
    return "\n".join(getattr(c, "text", "") for c in result.content)


@pytest.fixture(scope="module")
def fuzzed() -> Iterator[Fuzzed]:
    """One server for the module: starting one per tool would cost more than the calls themselves."""
    settings_ = Settings(_env_file=None, backend="fake", api_key=None)  # type: ignore[call-arg]
    container = create_container(settings_)
    calls: list[str] = []
    gateway = RecordingGateway(fake_gateway(FakeTenant.demo()), calls)
    container.gateways.override(providers.Object(lambda _key: gateway))
    failures = FailureLog()
    logger = logging.getLogger("adapters")
    logger.addHandler(failures)
    try:
        with (
            start_blocking_portal("asyncio") as portal,
            portal.wrap_async_context_manager(Client(container.mcp_server())) as client,
        ):
            listed = {tool.name: tool.input_schema for tool in portal.call(client.list_tools).tools}
            yield Fuzzed(
                portal=portal,
                client=client,
                specs={spec.name: spec for spec in ALL_TOOLS},
                schemas=listed,
                strategies={name: arguments_from(schema) for name, schema in listed.items()},
                zone=settings_.zone,
                translator=container.translator(),
                failures=failures,
                calls=calls,
            )
    finally:
        logger.removeHandler(failures)


# --- the properties
# Synchronous tests: Hypothesis stops a draw by raising a BaseException, which anyio's runner would take
# for an interrupted event loop; the calls cross to the server's loop through the portal instead.


@pytest.mark.parametrize("tool", TOOL_NAMES)
@FUZZ
@given(data=st.data())
def test_calls_drawn_from_the_advertised_schema(fuzzed: Fuzzed, tool: str, data: st.DataObject) -> None:
    arguments = data.draw(fuzzed.strategies[tool], label="arguments")
    fuzzed.check(tool, arguments, fuzzed.call(tool, arguments))


@pytest.mark.parametrize("tool", TOOL_NAMES)
@FUZZ
@given(data=st.data())
def test_hostile_calls(fuzzed: Fuzzed, tool: str, data: st.DataObject) -> None:
    arguments = data.draw(hostile_arguments(fuzzed.schemas[tool], fuzzed.strategies[tool]), label="arguments")
    fuzzed.check(tool, arguments, fuzzed.call(tool, arguments))


NOT_AN_OBJECT = (
    st.just(_ABSENT)
    | st.none()
    | st.lists(HOSTILE_VALUES, max_size=3)
    | SCALARS.filter(lambda value: value is not None)
)


@FUZZ
@given(tool=st.sampled_from(TOOL_NAMES), arguments=NOT_AN_OBJECT)
def test_arguments_missing_or_not_an_object(fuzzed: Fuzzed, tool: str, arguments: Any) -> None:
    result = fuzzed.call(tool, arguments, raw=True)
    fuzzed.check(tool, arguments, result)
    if arguments is not None and arguments is not _ABSENT:  # missing means {}, anything else is refused
        assert result.is_error and "`arguments`" in text_of(result), text_of(result)


def _sendable(name: str) -> bool:
    """The SDK's client copies the name into a header and cannot encode a lone surrogate: not ours to test."""
    try:
        name.encode()
    except UnicodeEncodeError:
        return False
    return name not in TOOL_NAMES


@FUZZ
@given(name=(TEXTS | HOSTILE_STRINGS).filter(_sendable), arguments=HOSTILE_VALUES)
def test_unknown_tools(fuzzed: Fuzzed, name: str, arguments: Any) -> None:
    try:
        result = fuzzed.call(name, arguments if isinstance(arguments, dict) else {})
    except MCPError:
        return  # a JSON-RPC error is allowed for an unknown tool
    assert result.is_error
    fuzzed.check(name, arguments, result)
    assert fuzzed.calls == []


# --- what the fuzzer found, kept as examples

APPOINTMENT = {"ticket_number": "1042", "date": "2025-01-15", "init_time": "09:00", "end_time": "10:00"}


@pytest.mark.parametrize(
    ("tool", "arguments", "expected"),
    [
        # int() refuses 4,301+ digits: the ValueError's text reached the model through pydantic.
        ("get_ticket", {"ticket_number": "9" * 5000}, "`ticket_number`: informe um número inteiro positivo"),
        (
            "list_internal_communications",
            {"ticket_number": "1", "offset": "9" * 5000},
            "`offset`: informe um",
        ),
        # Pydantic's English wording (and class names: "instance of InlineFile") was shown as the rule.
        ("create_ticket_answer", {"ticket_number": "1", "text": "x", "files_base64": 5}, "informe uma lista"),
        (
            "update_ticket_entities",
            {"ticket_number": "1042", "entities": ["x"]},
            "`entities.0`: informe um objeto",
        ),
        (
            "create_ticket_answer",
            {"ticket_number": "1", "text": "x", "files": ["a"] * 51},
            "no máximo 50 itens",
        ),
        ("search_client", {"client_name": "\ud800"}, "`client_name`: informe um texto"),
        (
            "create_appointment",
            {**APPOINTMENT, "description": "x", "date": None},
            "`date`: uma data AAAA-MM-DD",
        ),
        # An unknown field inside a file listed the tool's fields instead of the file's.
        (
            "create_ticket_answer",
            {
                "ticket_number": "1",
                "text": "x",
                "files_base64": [{"filename": "a", "content": "YQ==", "x": 1}],
            },
            "`files_base64.0.x`: campo desconhecido; campos aceitos: `content`, `filename`.",
        ),
        # IDs in a list had no upper bound: a 64-bit overflow went to TiFlux.
        ("list_tickets", {"desk_ids": [2**63]}, "`desk_ids`: informe IDs inteiros positivos"),
        ("list_tickets", {"desk_ids": str(2**63)}, "`desk_ids`: informe IDs inteiros positivos"),
    ],
)
def test_found_by_the_fuzzer(fuzzed: Fuzzed, tool: str, arguments: dict[str, Any], expected: str) -> None:
    result = fuzzed.call(tool, arguments)
    fuzzed.check(tool, arguments, result)
    assert result.is_error and expected in text_of(result), text_of(result)
    assert "valor não aceito" not in text_of(result)
    assert fuzzed.calls == []
