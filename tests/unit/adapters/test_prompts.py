"""MCP prompts: listed with their arguments, written in the server's language, naming tools that exist, and
refusing a bad argument with a message that says what to send."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dependency_injector import providers
from mcp import Client
from mcp.shared.exceptions import MCPError
from mcp.types import INVALID_PARAMS, ListPromptsResult, Prompt

from adapters.container import create_container
from adapters.i18n import Translator
from adapters.mcp.prompts import PROMPTS, PromptGate
from adapters.mcp.tools import ALL_TOOLS
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant

pytestmark = pytest.mark.anyio

TOOL_NAMES = {spec.name for spec in ALL_TOOLS}
EXAMPLES: dict[str, dict[str, str]] = {
    "triage_chat_inbox": {},
    "ticket_shift_handover": {"ticket_number": "1040"},
    "log_daily_hours": {"date": "2025-03-10", "ticket_numbers": "1040"},
}


def server(tenant: FakeTenant, **settings: Any) -> Any:
    container = create_container(Settings(_env_file=None, backend="fake", **settings))  # type: ignore[call-arg]
    container.fake_tenant.override(providers.Object(tenant))
    return container.mcp_server()


async def prompt_text(client: Client, name: str, arguments: dict[str, str]) -> str:
    result = await client.get_prompt(name, arguments)
    assert len(result.messages) == 1 and result.messages[0].role == "user"
    return result.messages[0].content.text  # type: ignore[union-attr]


async def refusal(client: Client, name: str, arguments: dict[str, str]) -> str:
    with pytest.raises(MCPError) as raised:
        await client.get_prompt(name, arguments)
    assert raised.value.code == INVALID_PARAMS
    return raised.value.message


def named_tools(text: str) -> set[str]:
    """The tool-like names a text puts in backticks (`get_ticket`; `id` and `limit` are no tools)."""
    return {name for name in re.findall(r"`([a-z]+(?:_[a-z]+)+)`", text)}


def test_every_prompt_uses_tools_of_the_registry() -> None:
    for spec in PROMPTS:
        assert set(spec.tool_names) <= TOOL_NAMES, spec.name
    assert set(EXAMPLES) == {spec.name for spec in PROMPTS}


async def test_prompts_list_shows_each_prompt_with_its_description_and_arguments(tenant: FakeTenant) -> None:
    async with Client(server(tenant)) as client:
        listed = {prompt.name: prompt for prompt in (await client.list_prompts()).prompts}
    assert list(listed) == ["triage_chat_inbox", "ticket_shift_handover", "log_daily_hours"]
    assert listed["triage_chat_inbox"].title == "Triar a caixa de entrada de chats"
    assert listed["ticket_shift_handover"].title == "Resumir um ticket para passagem de turno"
    assert listed["log_daily_hours"].title == "Registrar horas do dia"
    arguments = {
        name: [(arg.name, arg.required) for arg in prompt.arguments or []] for name, prompt in listed.items()
    }
    assert arguments == {
        "triage_chat_inbox": [("limit", False), ("department_id", False)],
        "ticket_shift_handover": [("ticket_number", True)],
        "log_daily_hours": [("date", False), ("ticket_numbers", False)],
    }
    for spec in PROMPTS:
        prompt = listed[spec.name]
        assert prompt.description and all(tool in prompt.description for tool in spec.tool_names)
        assert all(arg.description for arg in prompt.arguments or [])


async def test_english_titles_and_descriptions_with_tiflux_language_en(tenant: FakeTenant) -> None:
    async with Client(server(tenant, language="en")) as client:
        listed = {prompt.name: prompt for prompt in (await client.list_prompts()).prompts}
    assert listed["triage_chat_inbox"].title == "Triage the chat inbox"
    assert listed["ticket_shift_handover"].title == "Summarise a ticket for a shift handover"
    assert listed["log_daily_hours"].title == "Log the day's hours"
    ticket = listed["ticket_shift_handover"].arguments or []
    assert ticket[0].description == "The ticket number as TiFlux shows it, e.g. 1040 or #1040."


@pytest.mark.parametrize("language", ["pt-BR", "en"])
async def test_each_prompt_names_exactly_its_tools_which_exist(tenant: FakeTenant, language: str) -> None:
    async with Client(server(tenant, language=language)) as client:
        for spec in PROMPTS:
            text = await prompt_text(client, spec.name, EXAMPLES[spec.name])
            assert named_tools(text) == set(spec.tool_names), (language, spec.name)
            assert named_tools(text) <= TOOL_NAMES


async def test_the_handover_prompt_in_portuguese_and_in_english(tenant: FakeTenant) -> None:
    async with Client(server(tenant)) as client:
        portuguese = await prompt_text(client, "ticket_shift_handover", {"ticket_number": " #1040 "})
    async with Client(server(tenant, language="en")) as client:
        english = await prompt_text(client, "ticket_shift_handover", {"ticket_number": "1040"})
    assert portuguese.startswith("Prepare a passagem de turno do ticket #1040 do TiFlux.")
    assert 'Chame `get_ticket` com ticket_number="1040".' in portuguese
    assert "**Próximos passos**" in portuguese and "Não altere o ticket." in portuguese
    assert english.startswith("Prepare the shift handover of TiFlux ticket #1040.")
    assert 'Call `get_ticket_stages_slas` with ticket_number="1040".' in english
    assert "**Next steps**" in english and "Do not change the ticket." in english


async def test_the_hours_prompt_asks_for_confirmation_before_writing(tenant: FakeTenant) -> None:
    async with Client(server(tenant)) as client:
        text = await prompt_text(
            client, "log_daily_hours", {"date": "2025-03-10", "ticket_numbers": "1040, #1041,1040"}
        )
        asking = await prompt_text(client, "log_daily_hours", {"date": "", "ticket_numbers": "  "})
    assert "Ajude a registrar no TiFlux as horas trabalhadas em 2025-03-10." in text
    assert "Tickets informados: #1040, #1041." in text
    assert 'start_date="2025-03-10" e end_date="2025-03-10"' in text
    assert "Só depois de o usuário confirmar explicitamente, chame `create_appointment`" in text
    today = datetime.now(ZoneInfo("America/Sao_Paulo")).date()
    assert f"horas trabalhadas em {today.isoformat()}." in asking  # blank is absent: today, in the zone
    assert "Nenhum ticket foi informado" in asking


async def test_the_triage_prompt_reads_and_suggests_only(tenant: FakeTenant) -> None:
    async with Client(server(tenant, language="en")) as client:
        default = await prompt_text(client, "triage_chat_inbox", {})
        narrowed = await prompt_text(client, "triage_chat_inbox", {"limit": "25", "department_id": "3"})
    assert "Call `list_inbox_chats` with limit=10." in default
    assert "Call `list_inbox_chats` with limit=25 and department_id=3." in narrowed
    assert "Change nothing" in default


async def test_a_bad_argument_is_invalid_params_saying_what_to_send(tenant: FakeTenant) -> None:
    tomorrow = (datetime.now(ZoneInfo("America/Sao_Paulo")).date() + timedelta(days=1)).isoformat()
    async with Client(server(tenant)) as client:
        missing = await refusal(client, "ticket_shift_handover", {})
        blank = await refusal(client, "ticket_shift_handover", {"ticket_number": "  "})
        path = await refusal(client, "ticket_shift_handover", {"ticket_number": "../desks"})
        unknown = await refusal(client, "ticket_shift_handover", {"ticket_number": "1040", "ticket": "1"})
        future = await refusal(client, "log_daily_hours", {"date": tomorrow})
        not_a_day = await refusal(client, "log_daily_hours", {"date": "2025-02-30"})
        numbers = await refusal(client, "log_daily_hours", {"ticket_numbers": "1040, abc"})
        too_many = await refusal(
            client, "log_daily_hours", {"ticket_numbers": ",".join(map(str, range(1, 17)))}
        )
        limit = await refusal(client, "triage_chat_inbox", {"limit": "500"})
        department = await refusal(client, "triage_chat_inbox", {"department_id": "0"})
    assert missing == (
        "Falta o argumento `ticket_number` do prompt `ticket_shift_handover`: "
        "informe o número do ticket, um inteiro positivo, ex.: 1040."
    )
    assert blank == missing
    assert path == (
        "Argumento inválido `ticket_number` no prompt `ticket_shift_handover`: "
        "informe o número do ticket, um inteiro positivo, ex.: 1040 (recebido: '../desks')."
    )
    assert unknown == (
        "Argumento desconhecido `ticket` no prompt `ticket_shift_handover`; "
        "argumentos aceitos: `ticket_number`."
    )
    assert "`date`" in future and "de hoje ou anterior" in future and tomorrow in future
    assert "`date`" in not_a_day and "'2025-02-30'" in not_a_day
    assert "`ticket_numbers`" in numbers and "ex.: 1040, 1041" in numbers
    assert "no máximo 15" in too_many
    assert "informe um inteiro entre 1 e 50" in limit
    assert "`department_id`" in department and "ID inteiro positivo" in department


async def test_refusals_in_english(tenant: FakeTenant) -> None:
    async with Client(server(tenant, language="en")) as client:
        missing = await refusal(client, "ticket_shift_handover", {})
        unknown_prompt = await refusal(client, "summarise_everything", {})
    assert missing == (
        "The prompt `ticket_shift_handover` needs the argument `ticket_number`: "
        "give the ticket number, a positive integer, e.g. 1040."
    )
    assert unknown_prompt == (
        "Unknown prompt: `summarise_everything`. Available prompts: "
        "`triage_chat_inbox`, `ticket_shift_handover`, `log_daily_hours`."
    )


async def test_a_prompt_is_offered_only_when_its_tools_are(tenant: FakeTenant) -> None:
    async with Client(server(tenant, read_only=True)) as client:
        read_only = [prompt.name for prompt in (await client.list_prompts()).prompts]
        refused = await refusal(client, "log_daily_hours", {})
    async with Client(server(tenant, toolsets="chats")) as client:
        chats_only = [prompt.name for prompt in (await client.list_prompts()).prompts]
    assert read_only == ["triage_chat_inbox", "ticket_shift_handover"]  # no writing of hours
    assert refused.startswith("Prompt desconhecido: `log_daily_hours`.")
    assert chats_only == ["triage_chat_inbox"]


def gate_and_request(method: str, headers: dict[str, str], name: str | None = None) -> tuple[PromptGate, Any]:
    tools = {spec.name: spec for spec in ALL_TOOLS}
    gate = PromptGate({p.name: [tools[t] for t in p.tool_names] for p in PROMPTS}, Translator())
    params = {"name": name} if name else None
    return gate, SimpleNamespace(method=method, params=params, request=SimpleNamespace(headers=headers))


LISTED = ListPromptsResult(prompts=[Prompt(name=spec.name) for spec in PROMPTS])


async def test_hosted_headers_narrow_the_prompts_of_one_connection_too() -> None:
    async def listing(_ctx: Any) -> Any:
        return LISTED

    shown = {}
    for header, value in (
        ("x-tiflux-read-only", "true"),
        ("x-tiflux-toolsets", "chats"),
        ("x-tiflux-read-only", "no"),
    ):
        gate, ctx = gate_and_request("prompts/list", {header: value})
        shown[value] = [p.name for p in (await gate(ctx, listing)).prompts]
    assert shown == {
        "true": ["triage_chat_inbox", "ticket_shift_handover"],
        "chats": ["triage_chat_inbox"],
        "no": ["triage_chat_inbox", "ticket_shift_handover", "log_daily_hours"],  # narrows nothing
    }

    async def rendering(_ctx: Any) -> Any:
        raise AssertionError("a narrowed-away prompt must not be rendered")

    gate, ctx = gate_and_request("prompts/get", {"x-tiflux-read-only": "1"}, "log_daily_hours")
    with pytest.raises(MCPError) as raised:
        await gate(ctx, rendering)
    assert raised.value.code == INVALID_PARAMS and "x-tiflux-read-only" in raised.value.message


def test_no_placeholder_is_left_unfilled_in_any_language() -> None:
    for language in ("pt-BR", "en"):
        t = Translator(language)  # type: ignore[arg-type]
        for spec in PROMPTS:
            arguments = {"limit": 10, "department_id": 3, "ticket_number": "1040", "date": date(2025, 3, 10)}
            arguments["ticket_numbers"] = ("1040",)
            text = spec.write(t, arguments)
            assert "{" not in text and "}" not in text, (language, spec.name)
