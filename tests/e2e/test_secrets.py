"""The TiFlux key goes to TiFlux and nowhere else: no log line, tool result, error or HTTP answer has it.

A full session of every tool (successes, refusals, TiFlux failures, a revoked key, and a TiFlux that repeats
the credential in its error bodies) runs through both real entry points with DEBUG logging: `tiflux-mcp`
over stdio (raw JSON-RPC, so every byte it writes is seen) and `tiflux-mcp serve` with the key in the
`x-tiflux-api-key` header (every response's headers and body recorded). The fake TiFlux is served over HTTP
on 127.0.0.1 from this process.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import MCPError
from starlette.types import Receive, Scope, Send

from adapters.mcp.tools import ALL_TOOLS
from adapters.tiflux.fake.tenant import FakeTenant
from tests.conftest import Captured, LiveFakeApi
from tests.e2e.conftest import SECRET_KEY, SERVER, hosted_env, hosted_server
from tests.support.faults import Fault

pytestmark = pytest.mark.anyio

KEY = "tfx-SECRET-canary-5f1c0e9a7b3d42e8a6c4"
REVOKED_KEY = "tfx-SECRET-canary-revoked-0d9e77"
# Any trace of a key: the session never sends this text as an argument, so a sighting is a leak.
TRACES = (
    "SECRET-canary",
    "5f1c0e9a7b3d42e8a6c4",
    "revoked-0d9e77",
    *(base64.b64encode(key.encode()).decode()[:24] for key in (KEY, REVOKED_KEY)),
    SECRET_KEY[:16],  # hosted mode's own Fernet key, which encrypts stored TiFlux keys
)

FILE = {"filename": "nota.txt", "content": base64.b64encode(b"ok").decode()}
APPOINTMENT = {"date": "2025-01-15", "init_time": "09:00", "end_time": "10:00", "description": "Visita"}
# Every tool at least once, then the ways a call goes wrong.
SESSION: list[tuple[str, dict[str, Any]]] = [
    ("list_desks", {}),
    ("get_desk", {"desk_name": "suporte"}),
    ("list_desk_priorities", {"desk_id": 14}),
    ("list_desk_services_catalogs", {"desk_id": 14}),
    ("search_stage", {"desk_name": "suporte"}),
    ("search_catalog_item", {"desk_name": "suporte", "search": "rede"}),
    ("search_client", {"client_name": "padaria"}),
    ("search_user", {"name": "jo"}),
    ("list_tickets", {"desk_name": "suporte"}),
    ("get_ticket", {"ticket_number": "1042", "show_entities": True}),
    (
        "create_ticket",
        {"title": "Canário", "description": "Teste **seguro**", "client_id": 101, "desk_id": 14},
    ),
    ("update_ticket", {"ticket_number": "1040", "stage_name": "aguardando cliente"}),
    ("create_ticket_answer", {"ticket_number": "1040", "text": "Resolvido.", "files_base64": [FILE]}),
    ("create_internal_communication", {"ticket_number": "1040", "text": "Nota", "files_base64": [FILE]}),
    ("list_internal_communications", {"ticket_number": "1040"}),
    ("get_internal_communication", {"ticket_number": "1040", "communication_id": 1}),
    ("get_ticket_files", {"ticket_number": "1040"}),
    ("get_ticket_stages_slas", {"ticket_number": "1040"}),
    ("create_appointment", {"ticket_number": "1040", **APPOINTMENT}),
    ("list_appointments", {"ticket_number": "1040"}),
    ("list_entities", {}),
    ("list_entity_fields", {"entity_id": 10}),
    ("list_entity_field_options", {"entity_field_id": 81}),
    (
        "update_ticket_entities",
        {"ticket_number": "1042", "entities": [{"entity_field_id": 73, "value": "x"}]},
    ),
    ("list_inbox_chats", {}),
    ("list_my_chats", {}),
    ("list_in_attendance_chats", {}),
    ("list_archived_chats", {}),
    ("get_chat", {"id": 9001}),
    ("list_chat_messages", {"id": 9003}),
    ("list_gupshup_templates", {}),
    ("list_whatsapp_cloud_templates", {"status": "APPROVED"}),
    ("archive_chat", {"id": 9002}),
    ("send_message", {"number": "5547999990000", "integration_id": 41, "template_id": 811}),
    ("update_chat", {"id": 9003, "department_id": 22}),
    ("get_billings_history", {"client_id": 101}),
    ("list_contracts", {"status": "actives,expired"}),
    ("cancel_ticket", {"ticket_number": "1047"}),
    ("close_ticket", {"ticket_number": "1041"}),
    ("search_requestor", {"name": "ana"}),
    ("list_requestors", {"client_id": 102}),
    ("get_requestor", {"client_id": 103, "requestor_id": 207, "show_entities": True}),
    ("create_requestor", {"client_id": 103, "name": "Renata Lopes", "email": "renata@clinica.com.br"}),
    ("update_requestor", {"client_id": 103, "requestor_id": 207, "extension": "4"}),
    (
        "create_user",
        {"name": "Patrícia Gomes", "email": "patricia@nuvemdesk.com.br", "technical_group_id": 32},
    ),
    ("get_user", {"user_id": 203}),
    ("update_user", {"user_id": 203, "extension": "233"}),
    (
        "update_requestor_entities",
        {"client_id": 103, "requestor_id": 207, "entities": [{"field": "setor", "value": "financeiro"}]},
    ),
    ("search_technical_user", {"name": "lima"}),
    ("list_departments", {}),
    # knowledge base (issue 21)
    ("list_knowledges", {"knowledge_folder_name": "rede"}),
    ("get_knowledge", {"knowledge_id": 8001}),
    ("list_knowledge_folders", {}),
    ("create_knowledge", {"title": "Canário", "text": "Teste **seguro**", "knowledge_folder_ids": "8101"}),
    ("list_equipments", {"client_name": "padaria", "hardware": True}),
    ("get_equipment", {"equipment_id": 4001}),
    ("list_equipment_softwares", {"equipment_id": 4001}),
    ("list_equipment_groups", {}),
    ("list_equipment_types", {}),
    ("create_equipment", {"name": "NB-RECEPCAO-02", "client_id": 103, "equipment_type_id": 4201}),
    ("update_equipment", {"equipment_id": 4002, "name": "PDV-CAIXA-02"}),
    # the organisation's service catalogs (issue 21)
    ("list_services_catalogs", {"name": "infra"}),
    ("create_services_catalog", {"name": "Recursos Humanos"}),
    ("update_services_catalog", {"id": 62, "name": "Sistemas Corporativos"}),
    ("list_services_catalog_areas", {"catalog_name": "Infraestrutura"}),
    ("create_services_catalog_area", {"catalog_id": 61, "name": "Telefonia"}),
    ("update_services_catalog_area", {"catalog_id": 61, "id": 612, "name": "Rede e Wi-Fi"}),
    ("list_services_catalog_items", {"catalog_id": 61, "area_name": "impressao"}),
    (
        "create_services_catalog_item",
        {"area_id": 612, "name": "Wi-Fi", "start_time": "01:00", "end_time": "08:00"},
    ),
    ("update_services_catalog_item", {"area_id": 612, "id": 7004, "end_time": "06:00"}),
    ("delete_services_catalog_item", {"area_id": 611, "id": 7002}),
    ("delete_services_catalog_area", {"catalog_id": 65, "id": 652}),
    ("delete_services_catalog", {"id": 66}),
    # tickets area, issue 18
    ("list_ticket_answers", {"ticket_number": "1040"}),
    ("get_ticket_answer", {"ticket_number": "1040", "answer_id": 77102}),
    ("get_ticket_histories", {"ticket_number": "1040", "history_of": "appointments"}),
    ("reopen_ticket", {"ticket_number": "1041"}),
    ("delete_ticket_answer", {"ticket_number": "1040", "answer_id": 77103}),
    ("get_ticket_checklists", {"ticket_number": "1040"}),
    ("update_ticket_checklist_item", {"ticket_number": "1040", "checklist_id": 8101, "index": 2, "value": 1}),
    ("upload_ticket_files", {"ticket_number": "1040", "files_base64": [FILE]}),
    ("delete_ticket_file", {"ticket_number": "1040", "file_id": 8803}),
    ("delete_ticket_answer_file", {"answer_id": 77102, "file_id": 8812, "ticket_number": "1040"}),
    ("get_ticket_service_types", {"ticket_number": "1040"}),
    ("get_ticket_shifts", {"ticket_number": "1040", "contract_id": 301}),
    ("update_internal_communication", {"ticket_number": "1040", "communication_id": 3103, "text": "Nota"}),
    ("delete_internal_communication", {"ticket_number": "1040", "communication_id": 3102}),
    ("list_pre_appointments", {"ticket_number": "1040"}),
    (
        "get_tickets_feedback_report",
        {"start_date": "2025-03-01", "end_date": "2025-03-31", "include_list": True},
    ),
    (
        "list_appointments_report",
        {"start_date": "2025-03-01", "end_date": "2025-03-31", "desk_name": "suporte"},
    ),
    ("list_appointments_global", {"start_date": "2025-03-01", "end_date": "2025-03-31", "user_name": "lima"}),
    # refused before any request, not found, unknown tool
    ("get_ticket", {"ticket_number": "../desks"}),
    ("list_tickets", {}),
    ("get_ticket", {"ticket_number": "999999"}),
    ("create_ticket_answer", {"ticket_number": "1040", "text": "x", "files": ["/nao/existe.pdf"]}),
    ("create_ticket_answer", {"ticket_number": "1040", "text": "x", "files": ["/proc/self/environ"]}),
    ("no_such_tool", {}),
]
assert {tool for tool, _ in SESSION} >= {spec.name for spec in ALL_TOOLS}


def assert_no_key(where: str, text: str) -> None:
    found = [trace for trace in TRACES if trace.lower() in text.lower()]
    assert not found, f"the key showed in {where}: {found} in …{_around(text, found[0])}…"


def assert_key_only_in_authorization(requests: list[Captured], key: str) -> None:
    """What TiFlux received: the key as the bearer token, and nowhere else (no body, path or other header)."""
    assert requests
    for request in requests:
        assert request.headers.get("authorization") == f"Bearer {key}"
        others = {name: value for name, value in request.headers.items() if name != "authorization"}
        seen = f"{request.method} {request.path}?{request.query}\n{others}\n"
        assert_no_key("a request to TiFlux", seen + request.body.decode("utf-8", "replace"))


def _around(text: str, trace: str) -> str:
    at = text.lower().find(trace.lower())
    return text[max(0, at - 200) : at + 200]


def clean_env(**extra: str) -> dict[str, str]:
    """DEBUG logs; no circuit breaker to stop the session's failures before they reach TiFlux, and short
    pauses between retried reads."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("TIFLUX_")}
    return env | {
        "TIFLUX_LOG_LEVEL": "DEBUG",
        "TIFLUX_BACKEND": "http",
        "TIFLUX_BREAKER_THRESHOLD": "1000",
        "TIFLUX_RETRY_BUDGET": "0.2",
        "TIFLUX_TOOLSETS": "all",  # the opt-in toolsets too: every tool is called
        **extra,
    }


class EchoingTiflux:
    """A TiFlux (or a proxy before it) that repeats the credential in its error bodies and headers."""

    def __init__(self, status: int) -> None:
        self.status = status

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        authorization = dict(scope["headers"]).get(b"authorization", b"").decode("latin-1")
        body = json.dumps(
            {
                "message": f"Token recusado: {authorization}",
                "detail": {"error": [f"header {authorization!r}", "Authorization: " + authorization]},
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": self.status,
                "headers": [(b"content-type", b"application/json"), (b"x-echo", authorization.encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


# --- stdio


class StdioSession:
    """`tiflux-mcp` over its pipes: every stdout line kept, stderr written to a file (it may be large)."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.log = cwd / "stderr.log"
        self._stderr = self.log.open("w")
        self.process = subprocess.Popen(
            [SERVER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            env=env,
            cwd=cwd,
        )
        self._watchdog = threading.Timer(120, self.process.kill)
        self._watchdog.start()
        self.lines: list[str] = []
        self.next_id = 0
        self.send("initialize", {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": _CLIENT})
        self.send("notifications/initialized", notify=True)
        self.send("tools/list", {})

    def send(self, method: str, params: Any = None, *, notify: bool = False) -> dict[str, Any]:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        if not notify:
            self.next_id += 1
            message["id"] = self.next_id
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()
        if notify:
            return {}
        while True:
            line = self.process.stdout.readline()
            assert line, f"the server closed stdout; its log:\n{self.log.read_text()[-3000:]}"
            self.lines.append(line)
            reply = json.loads(line)
            if reply.get("id") == self.next_id:
                return dict(reply)

    def call(self, tool: str, arguments: Any) -> dict[str, Any]:
        return self.send("tools/call", {"name": tool, "arguments": arguments})

    def close(self) -> str:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.close()
        self.lines.extend(self.process.stdout.readlines())
        self.process.wait(timeout=20)
        self._watchdog.cancel()
        self._stderr.close()
        return self.log.read_text()


_CLIENT = {"name": "secrets-test", "version": "1"}


def _is_error(reply: dict[str, Any]) -> bool:
    return bool(reply.get("error") or reply.get("result", {}).get("isError"))


def test_stdio_session_with_debug_logs(live_fake_api: LiveFakeApi, tmp_path: Path) -> None:
    fake = live_fake_api.serve(FakeTenant.demo(), api_key=KEY)
    session = StdioSession(
        clean_env(TIFLUX_API_KEY=KEY, TIFLUX_API_BASE_URL=live_fake_api.base_url), tmp_path
    )
    try:
        replies = {f"{tool} {json.dumps(args)}": session.call(tool, args) for tool, args in SESSION}
        # TiFlux failing (live data, never cached): a write answered 500, reads out of retries, a reset.
        fake.faults.add(Fault.answer(500, retry_after="0"))
        failing = [session.call("create_ticket_answer", {"ticket_number": "1040", "text": "x"})]
        fake.faults.add(Fault.answer(503, retry_after="0"), times=3)
        failing.append(session.call("get_ticket", {"ticket_number": "1040"}))
        fake.faults.add(Fault("reset"), times=3)
        failing.append(session.call("list_internal_communications", {"ticket_number": "1040"}))
        # A TiFlux that repeats the credential back, as a refusal and as a permission error.
        for status in (422, 403, 400, 500):
            live_fake_api.app.target = EchoingTiflux(status)
            failing.append(session.call("update_ticket", {"ticket_number": "1040", "title": "Novo"}))
            failing.append(session.call("get_ticket", {"ticket_number": "1040"}))
        # Malformed calls.
        failing.append(session.send("tools/call", {"name": "get_ticket", "arguments": [1040]}))
        failing.append(session.send("no/such/method", {}))
    finally:
        stderr = session.close()
    assert_key_only_in_authorization(live_fake_api.captured, KEY)
    assert not _is_error(replies["list_desks {}"]), replies["list_desks {}"]
    assert "#1040" in json.dumps(replies['list_tickets {"desk_name": "suporte"}'], ensure_ascii=False)
    assert all(_is_error(reply) for reply in failing), [r for r in failing if not _is_error(r)]
    echoed = json.dumps(failing, ensure_ascii=False)
    assert echoed.count("Token recusado: Bearer ***") >= 4, echoed  # reached the echo, and was masked
    assert " DEBUG " in stderr  # the logs were on
    assert_no_key("stderr", stderr)
    for line in session.lines:
        assert_no_key("stdout", line)


def test_stdio_with_a_revoked_key(live_fake_api: LiveFakeApi, tmp_path: Path) -> None:
    live_fake_api.serve(FakeTenant.demo(), api_key=KEY)
    env = clean_env(TIFLUX_API_KEY=REVOKED_KEY, TIFLUX_API_BASE_URL=live_fake_api.base_url)
    session = StdioSession(env, tmp_path)
    try:
        replies = [session.call(tool, args) for tool, args in SESSION[:12]]
    finally:
        stderr = session.close()
    assert all(_is_error(reply) for reply in replies)
    assert "chave" in json.dumps(replies[0], ensure_ascii=False)  # says the key was refused
    assert_no_key("stderr", stderr)
    for line in session.lines:
        assert_no_key("stdout", line)


@pytest.mark.parametrize(
    "odd_key",
    [f"{KEY}\nX-Injected: 1", f"{KEY}ç", f"  {KEY}  ", f"{KEY}\x00"],
    ids=["newline", "non-ascii", "spaces", "nul"],
)
def test_stdio_with_a_key_no_header_can_carry(
    live_fake_api: LiveFakeApi, tmp_path: Path, odd_key: str
) -> None:
    """A key pasted with a line break or an accent cannot be sent; the failure must not quote it."""
    live_fake_api.serve(FakeTenant.demo(), api_key=KEY)
    env = clean_env(TIFLUX_API_BASE_URL=live_fake_api.base_url)
    if "\x00" in odd_key:  # an environment variable cannot hold a NUL; a .env file can
        (tmp_path / ".env").write_text(f"TIFLUX_API_KEY={odd_key}\n")
    else:
        env["TIFLUX_API_KEY"] = odd_key
    session = StdioSession(env, tmp_path)
    try:
        replies = [session.call(tool, args) for tool, args in SESSION[8:13]]
    finally:
        stderr = session.close()
    assert replies
    assert_no_key("stderr", stderr)
    for line in session.lines:
        assert_no_key("stdout", line)


# --- streamable HTTP (hosted)


class RecordingTransport(httpx2.AsyncBaseTransport):
    """Loopback HTTP that adds a copy of every response's status line, headers and body to `responses`."""

    def __init__(self, responses: list[list[str]]) -> None:
        self._inner = httpx2.AsyncHTTPTransport()
        self._responses = responses

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        response = await self._inner.handle_async_request(request)
        record = [
            f"{request.method} {request.url.path} -> {response.status_code}",
            repr(response.headers.raw),
        ]
        self._responses.append(record)
        response.stream = _Tee(response.stream, record)  # type: ignore[arg-type]
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


class _Tee(httpx2.AsyncByteStream):
    def __init__(self, stream: Any, record: list[str]) -> None:
        self._stream, self._record = stream, record

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            self._record.append(chunk.decode("utf-8", "replace"))
            yield chunk

    async def aclose(self) -> None:
        await self._stream.aclose()


@pytest.fixture
def hosted(live_fake_api: LiveFakeApi, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    log = tmp_path / "server.log"
    env = hosted_env(
        TIFLUX_API_BASE_URL=live_fake_api.base_url, TIFLUX_BREAKER_THRESHOLD="1000", TIFLUX_RETRY_BUDGET="0.2"
    )
    with hosted_server(env, log) as base:
        yield base, log


def _dump(result: Any) -> str:
    return json.dumps(result.model_dump(mode="json", by_alias=True), ensure_ascii=False)


async def test_hosted_session_with_the_key_header(
    live_fake_api: LiveFakeApi, hosted: tuple[str, Path]
) -> None:
    base, log = hosted
    fake = live_fake_api.serve(FakeTenant.demo(), api_key=KEY)
    responses: list[list[str]] = []
    texts: list[str] = []
    async with (
        httpx2.AsyncClient(
            headers={"x-tiflux-api-key": KEY}, transport=RecordingTransport(responses), timeout=30
        ) as http,
        Client(streamable_http_client(f"{base}/mcp", http_client=http)) as client,
    ):
        for tool, arguments in SESSION:
            try:
                texts.append(_dump(await client.call_tool(tool, arguments)))
            except MCPError as error:  # the unknown tool: JSON-RPC -32602, its message checked too
                texts.append(error.message)
        fake.faults.add(Fault.answer(500, retry_after="0"))
        texts.append(
            _dump(await client.call_tool("create_ticket_answer", {"ticket_number": "1", "text": "x"}))
        )
        for status in (422, 403):
            live_fake_api.app.target = EchoingTiflux(status)
            texts.append(_dump(await client.call_tool("update_ticket", {"ticket_number": "1", "title": "N"})))
        live_fake_api.app.target = fake
    # A key TiFlux refuses is refused at the door (401), once asked about and then from memory.
    async with httpx2.AsyncClient(base_url=base, transport=RecordingTransport(responses), timeout=30) as http:
        accept = {"accept": "application/json, text/event-stream", "x-tiflux-api-key": REVOKED_KEY}
        for tool, arguments in SESSION[:3]:
            call = {"jsonrpc": "2.0", "id": 1, "method": "tools/call"}
            refused = await http.post(
                "/mcp", headers=accept, json=call | {"params": {"name": tool, "arguments": arguments}}
            )
            assert refused.status_code == 401
    # The key where it does not belong: as a bearer token, in a malformed body, on other routes.
    async with httpx2.AsyncClient(base_url=base, transport=RecordingTransport(responses)) as http:
        accept = {"accept": "application/json, text/event-stream", "content-type": "application/json"}
        await http.post("/mcp", headers={**accept, "authorization": f"Bearer {KEY}"}, content=b"{}")
        await http.post("/mcp", headers={**accept, "x-tiflux-api-key": KEY}, content=b"{not json")
        await http.post("/mcp", headers={**accept, "x-tiflux-api-key": KEY}, json={"jsonrpc": "2.0", "id": 1})
        await http.delete("/mcp", headers={"x-tiflux-api-key": KEY})
        await http.get("/mcp", headers={"x-tiflux-api-key": KEY})
        await http.get("/health", headers={"x-tiflux-api-key": KEY})
        await http.get("/nowhere", headers={"x-tiflux-api-key": KEY})
    assert_key_only_in_authorization([r for r in live_fake_api.captured if KEY in str(r.headers)], KEY)
    assert any('"isError": false' in text for text in texts)
    assert any("Token recusado: Bearer ***" in text for text in texts)  # the echo was masked
    for text in texts:
        assert_no_key("a tool result", text)
    assert len(responses) > len(SESSION)
    for response in responses:
        assert_no_key("an HTTP response", "\n".join(response))
    server_log = log.read_text()
    assert " DEBUG " in server_log
    assert_no_key("the server's log", server_log)
