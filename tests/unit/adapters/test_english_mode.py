"""An English server (`TIFLUX_LANGUAGE=en`) shows no Portuguese: not in `tools/list`, the `initialize`
instructions, the prompts, the questions it asks (elicitation forms) or `doctor`.

Data is another matter: a ticket's title or a desk's name is shown as TiFlux holds it, so the data a form
quotes is taken out before the scan. So are the TiFlux screen names an English text must quote to be
followed (the TiFlux app names its menus in Portuguese).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from dependency_injector import providers
from mcp import Client
from mcp.types import ElicitRequestParams, ElicitResult

from adapters.container import create_container
from adapters.doctor import run_doctor
from adapters.mcp.prompts import PROMPTS
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant

pytestmark = pytest.mark.anyio

DIACRITICS = re.compile(r"[ãõçáéíóúâêôàÃÕÇÁÉÍÓÚÂÊÔÀ]")
# Words common in Portuguese and not English ("ticket" is both, and so it is not here).
_MARKERS = (
    "não você para com uma um os dos das pelo pela ao aos está são também então já só seu sua ou nenhum "
    "todos todas mesa mesas cliente clientes atendente atendentes solicitante página escolha confirmar "
    "marque qual lista listar busca buscar chamado campos nome"
)
MARKER_WORDS = _MARKERS.split()
_WORD = re.compile(r"(?<![\w.@/])(" + "|".join(MARKER_WORDS) + r")(?![\w.@/])", re.IGNORECASE)
# TiFlux's own screens, quoted so that a person can find them (the app has them in Portuguese only).
TIFLUX_SCREENS = ("Gerar novo token de sessão", "Sessões API", "Sessões", "Minha conta")


def portuguese(text: str, data: Iterable[str] = ()) -> list[str]:
    """The Portuguese found in `text`, once the quoted data and TiFlux screen names are taken out."""
    for quoted in (*sorted(data, key=len, reverse=True), *TIFLUX_SCREENS):
        text = text.replace(quoted, " ")
    return sorted(
        {m.group(0) for m in DIACRITICS.finditer(text)} | {m.group(0) for m in _WORD.finditer(text)}
    )


def test_the_scan_finds_portuguese_and_passes_english() -> None:
    assert portuguese("Mostra um ticket: status, mesa") == ["mesa", "um"]
    assert portuguese("Página") == ["Página", "á"]
    assert portuguese("Confirmar / Confirm") == ["Confirmar"]
    assert portuguese("Shows a ticket: status, desk, the client's e-mail at app.tiflux.com.") == []


def english(tenant: FakeTenant, **settings: Any) -> Any:
    configured = Settings(_env_file=None, backend="fake", api_key=None, language="en", **settings)  # type: ignore[call-arg]
    container = create_container(configured)
    container.fake_tenant.override(providers.Object(tenant))
    return container.mcp_server()


@asynccontextmanager
async def connected(person: Any = None) -> AsyncIterator[Client]:
    extra: dict[str, Any] = {"elicitation_callback": person} if person else {}
    async with Client(english(FakeTenant.demo()), **extra) as client:
        yield client


async def test_tools_list_is_english() -> None:
    async with connected() as client:
        tools = (await client.list_tools()).tools
    for tool in tools:
        listed = json.dumps(
            tool.model_dump(mode="json", by_alias=True, exclude_none=True), ensure_ascii=False
        )
        assert not portuguese(listed), (tool.name, portuguese(listed))


async def test_the_instructions_are_english() -> None:
    async with connected() as client:
        instructions = client.instructions
    assert instructions and "TiFlux" in instructions
    assert not portuguese(instructions), portuguese(instructions)


SAMPLE_ARGUMENTS = {
    "triage_chat_inbox": {"limit": "5", "department_id": "3"},
    "ticket_shift_handover": {"ticket_number": "1040"},
    "log_daily_hours": {"date": "2025-03-14", "ticket_numbers": "1040, 1041"},
}


async def test_prompts_are_english() -> None:
    assert set(SAMPLE_ARGUMENTS) == {spec.name for spec in PROMPTS}
    async with connected() as client:
        listed = (await client.list_prompts()).prompts
        texts = [json.dumps(p.model_dump(mode="json", exclude_none=True), ensure_ascii=False) for p in listed]
        for name, arguments in SAMPLE_ARGUMENTS.items():
            for empty in (arguments, {}):  # with every argument, and with the defaults the text fills in
                if empty == {} and name == "ticket_shift_handover":
                    continue  # its ticket number is required
                result = await client.get_prompt(name, empty)
                texts += [getattr(m.content, "text", "") for m in result.messages]
    assert len(listed) == len(PROMPTS)
    for text in texts:
        assert not portuguese(text), (text[:200], portuguese(text))


class Person:
    """Answers every question with "no", keeping the form it was shown."""

    def __init__(self) -> None:
        self.forms: list[ElicitRequestParams] = []

    async def __call__(self, context: Any, params: ElicitRequestParams) -> ElicitResult:
        self.forms.append(params)
        return ElicitResult(action="decline")


async def forms_shown() -> tuple[list[ElicitRequestParams], list[str]]:
    """The forms of a close, a cancel, an answer and an ambiguous desk name; and the data they quote."""
    tenant = FakeTenant.demo()
    person = Person()
    async with Client(english(tenant), elicitation_callback=person) as client:
        await client.call_tool("close_ticket", {"ticket_number": "1040"})
        await client.call_tool("cancel_ticket", {"ticket_number": "1041"})
        await client.call_tool("create_ticket_answer", {"ticket_number": "1040", "text": "Hello, Carlos!"})
        await client.call_tool("get_desk", {"desk_name": "sup"})
    assert len(person.forms) == 4
    data = [str(tenant.tickets.get_ticket(number)["title"]) for number in (1040, 1041)]
    for form in person.forms:  # the candidates of a choice are data too (desk names)
        choice = (form.requested_schema or {}).get("properties", {}).get("choice", {})  # type: ignore[union-attr]
        data += [str(option) for option in choice.get("enum", ())]
    return person.forms, data


async def test_the_questions_asked_are_english() -> None:
    forms, data = await forms_shown()
    for form in forms:
        message = getattr(form, "message", "")
        assert not portuguese(message, data), (message, portuguese(message, data))


async def test_the_forms_fields_are_english() -> None:
    forms, data = await forms_shown()
    for form in forms:
        schema = json.dumps(getattr(form, "requested_schema", {}), ensure_ascii=False)
        assert not portuguese(schema, data), (schema, portuguese(schema, data))


def doctor_says(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **environment: str) -> str:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    for name in [name for name in os.environ if name.startswith("TIFLUX_")]:
        monkeypatch.delenv(name)
    for name, value in {"TIFLUX_LANGUAGE": "en", **environment}.items():
        monkeypatch.setenv(name, value)
    lines: list[str] = []
    run_doctor(lines.append)
    return "\n".join(lines)


@pytest.mark.parametrize(
    "environment",
    [
        {"TIFLUX_BACKEND": "fake"},  # everything ready
        {},  # no key
        {"TIFLUX_TIMEZONE": "Mars/Olympus"},  # a setting refused
    ],
)
def test_doctor_is_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, environment: dict[str, str]
) -> None:
    report = doctor_says(monkeypatch, tmp_path, **environment)
    assert "check-up" in report
    assert not portuguese(report), (report, portuguese(report))


def test_doctor_speaks_portuguese_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    report = doctor_says(monkeypatch, tmp_path, TIFLUX_LANGUAGE="pt-BR")
    assert "diagnóstico" in report and "[PROBLEMA] TIFLUX_API_KEY não está definida" in report
