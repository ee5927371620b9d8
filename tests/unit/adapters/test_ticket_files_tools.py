"""A ticket's files after it was opened, and what valued appointments reference, through the MCP client,
over HTTP to the demo tenant (v2.42 tickets.md §2, §3, §10, §11, §13)."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest

from adapters.terminal import TerminalPerson
from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.demo_client import call, connect, fail, sent, text_of
from tests.support.elicitation import Person
from tests.support.fake_api import InstrumentedFakeApi

pytestmark = pytest.mark.anyio

B64 = base64.b64encode(b"conteudo do relatorio").decode()


@pytest.fixture
def api() -> InstrumentedFakeApi:
    return InstrumentedFakeApi(FakeTenant.demo())


def writes(api: InstrumentedFakeApi) -> list[tuple[str, str, str]]:
    return [r for r in sent(api) if r[0] != "GET"]


def file_ids(api: InstrumentedFakeApi, number: int) -> list[int]:
    return [f["id"] for f in api.tenant.records.list_ticket_files(number)]


# --- upload_ticket_files ---------------------------------------------------------------------------------


async def test_files_are_uploaded_once_as_multipart_and_listed_back(
    api: InstrumentedFakeApi, tmp_path: Path
) -> None:
    local = tmp_path / "log caixa 3.txt"
    local.write_bytes(b"linha 1\nlinha 2\n")
    arguments = {
        "ticket_number": "#1040",
        "files": [str(local)],
        "files_base64": [{"content": B64, "filename": "relatorio-visita.pdf"}],
    }
    async with connect(api)() as client:
        text, structured = await call(client, "upload_ticket_files", arguments)
    assert writes(api) == [("POST", "/api/v2/tickets/1040/files", "")]
    assert (api.requests[-1][3] or "").startswith("multipart/form-data; boundary=")
    assert "2 arquivo(s) anexado(s) ao ticket #1040" in text
    assert "**log caixa 3.txt** (ID 8813) · 16 B" in text and "**relatorio-visita.pdf** (ID 8814)" in text
    assert structured["sent"] == ["log caixa 3.txt", "relatorio-visita.pdf"]
    stored = api.tenant.records.list_ticket_files(1040)[-2:]
    assert [(f["name"], f["size"], f["content_type"]) for f in stored] == [
        ("log caixa 3.txt", 16, "text/plain"),
        ("relatorio-visita.pdf", 21, "application/pdf"),
    ]


async def test_uploads_in_english_and_an_unknown_ticket(api: InstrumentedFakeApi) -> None:
    arguments = {"ticket_number": "1041", "files_base64": [{"content": B64, "filename": "a.png"}]}
    async with connect(api, language="en")() as client:
        text, _ = await call(client, "upload_ticket_files", arguments)
        missing = await fail(client, "upload_ticket_files", {**arguments, "ticket_number": "999"})
    assert "1 file(s) attached to ticket #1041" in text and "Files: get_ticket_files." in text
    assert "ticket #999" in missing


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"ticket_number": "1040"}, "files_base64"),
        ({"ticket_number": "1040", "files_base64": []}, "files_base64"),
        (
            {
                "ticket_number": "1040",
                "files_base64": [{"content": B64, "filename": f"{i}.txt"} for i in range(11)],
            },
            "files",
        ),
        (
            {"ticket_number": "1040", "files_base64": [{"content": "não é base64!", "filename": "a.txt"}]},
            "files_base64[0]",
        ),
        ({"ticket_number": "1040", "files_base64": [{"content": B64}]}, "files_base64"),
        ({"ticket_number": "1040", "files": ["/nao/existe.txt"]}, "files[0]"),
        ({"files_base64": [{"content": B64, "filename": "a.txt"}]}, "ticket_number"),
        ({"ticket_number": "abc", "files_base64": [{"content": B64, "filename": "a.txt"}]}, "ticket_number"),
    ],
)
async def test_bad_uploads_are_refused_before_any_request(
    api: InstrumentedFakeApi, arguments: dict[str, Any], field: str
) -> None:
    async with connect(api)() as client:
        text = await fail(client, "upload_ticket_files", arguments)
    assert f"`{field}" in text, text
    assert sent(api) == []


async def test_a_file_over_25_mb_is_refused_before_any_request(
    api: InstrumentedFakeApi, tmp_path: Path
) -> None:
    big = tmp_path / "grande.zip"
    with big.open("wb") as handle:
        handle.truncate(25 * 1024 * 1024 + 1)
    async with connect(api)() as client:
        text = await fail(client, "upload_ticket_files", {"ticket_number": "1040", "files": [str(big)]})
    assert "máximo 25 MB" in text and sent(api) == []


# --- delete_ticket_file ----------------------------------------------------------------------------------


async def test_deleting_a_file_names_it_then_deletes_once(api: InstrumentedFakeApi) -> None:
    person = Person()
    async with connect(api)(person) as client:
        text, structured = await call(
            client, "delete_ticket_file", {"ticket_number": "1040", "file_id": 8803}
        )
    assert person.questions == [
        "Apagar do ticket #1040 o arquivo #8803 “log-caixa2.txt” (1 KB, enviado por Carlos Souza)? "
        "Não há como desfazer."
    ]
    assert writes(api) == [("DELETE", "/api/v2/tickets/1040/files/8803", "")]
    assert "Arquivo #8803 apagado do ticket #1040." in text and structured == {
        "number": 1040,
        "file_id": 8803,
    }
    assert file_ids(api, 1040) == [8801, 8802, 8804]


@pytest.mark.parametrize("person", [Person("decline"), Person("cancel"), Person("accept", confirm=False)])
async def test_a_declined_file_delete_sends_nothing(api: InstrumentedFakeApi, person: Person) -> None:
    async with connect(api)(person) as client:
        text = await fail(client, "delete_ticket_file", {"ticket_number": "1040", "file_id": 8801})
    assert "não confirmou" in text
    assert writes(api) == [] and 8801 in file_ids(api, 1040)


async def test_an_unknown_file_is_asked_about_by_number_and_not_found(api: InstrumentedFakeApi) -> None:
    person = Person()
    async with connect(api, language="en")(person) as client:
        text = await fail(client, "delete_ticket_file", {"ticket_number": "1040", "file_id": 8812})
    assert person.questions == ["Delete file #8812 of ticket #1040? It cannot be undone."]
    assert "file 8812 (ticket #1040)" in text and len(writes(api)) == 1


@pytest.mark.parametrize(
    "arguments",
    [
        {"ticket_number": "1040"},
        {"ticket_number": "1040", "file_id": 0},
        {"file_id": 8803},
        {"ticket_number": "1040", "file_id": "x"},
    ],
)
async def test_bad_file_delete_input_is_refused_before_any_request_or_question(
    api: InstrumentedFakeApi, arguments: dict[str, Any]
) -> None:
    person = Person()
    async with connect(api)(person) as client:
        await fail(client, "delete_ticket_file", arguments)
    assert sent(api) == [] and person.questions == []


# --- delete_ticket_answer_file ---------------------------------------------------------------------------


def answer_files(api: InstrumentedFakeApi) -> list[int]:
    return [f["id"] for f in api.tenant.ticket_activity.get_answer(1040, 77102)["files"]]


async def test_deleting_an_answer_file_with_its_ticket_names_it(api: InstrumentedFakeApi) -> None:
    person = Person()
    arguments = {"answer_id": 77102, "file_id": 8812, "ticket_number": "1040"}
    async with connect(api)(person) as client:
        text, _ = await call(client, "delete_ticket_answer_file", arguments)
    assert person.questions == [
        "Apagar o arquivo #8812 “nota-fiscal-compra.pdf” (89,1 KB) da resposta #77102 de Carlos Souza "
        "(ticket #1040)? Não há como desfazer."
    ]
    assert writes(api) == [("DELETE", "/api/v2/ticket_answers/77102/files/8812", "")]
    assert "Arquivo #8812 apagado da resposta #77102." in text
    assert answer_files(api) == [8811]
    assert api.tenant.ticket_activity.list_answers(1040)[1]["files_count"] == 1


async def test_without_the_ticket_the_question_names_the_ids(api: InstrumentedFakeApi) -> None:
    person = Person()
    async with connect(api, language="en")(person) as client:
        text, _ = await call(client, "delete_ticket_answer_file", {"answer_id": 77102, "file_id": 8811})
    assert person.questions == ["Delete file #8811 of answer #77102? It cannot be undone."]
    assert "File #8811 deleted from answer #77102." in text and answer_files(api) == [8812]
    assert sent(api) == [("DELETE", "/api/v2/ticket_answers/77102/files/8811", "")]


@pytest.mark.parametrize("person", [Person("decline"), Person("accept", confirm=False)])
async def test_a_declined_answer_file_delete_sends_nothing(api: InstrumentedFakeApi, person: Person) -> None:
    async with connect(api)(person) as client:
        await fail(client, "delete_ticket_answer_file", {"answer_id": 77102, "file_id": 8812})
    assert writes(api) == [] and answer_files(api) == [8811, 8812]


async def test_an_unknown_answer_file_is_not_found(api: InstrumentedFakeApi) -> None:
    async with connect(api)(Person()) as client:
        text = await fail(client, "delete_ticket_answer_file", {"answer_id": 77101, "file_id": 8812})
    assert "Não encontrado: arquivo da resposta 8812 (#77101)." in text


@pytest.mark.parametrize(
    "arguments",
    [
        {"answer_id": 77102},
        {"file_id": 8812},
        {"answer_id": -1, "file_id": 8812},
        {"answer_id": 77102, "file_id": 8812, "ticket_number": "x"},
    ],
)
async def test_bad_answer_file_input_is_refused_before_any_request(
    api: InstrumentedFakeApi, arguments: dict[str, Any]
) -> None:
    person = Person()
    async with connect(api)(person) as client:
        await fail(client, "delete_ticket_answer_file", arguments)
    assert sent(api) == [] and person.questions == []


async def test_deletes_are_annotated_destructive_and_ask_at_the_terminal(api: InstrumentedFakeApi) -> None:
    prompts: list[str] = []

    def keyboard(prompt: str) -> str:
        prompts.append(prompt)
        return "n"

    async with connect(api)(TerminalPerson("pt-BR", yes=False, ask=keyboard)) as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        refused = await client.call_tool("delete_ticket_file", {"ticket_number": "1040", "file_id": 8803})
    for name in ("delete_ticket_file", "delete_ticket_answer_file"):
        annotations = tools[name].annotations
        assert annotations is not None and annotations.destructive_hint is True
    assert refused.is_error and prompts[0].startswith("Apagar do ticket #1040 o arquivo #8803")
    assert prompts[0].endswith("[s/N] ") and writes(api) == []


# --- get_ticket_service_types ----------------------------------------------------------------------------


async def test_service_types_show_rider_ids_and_loose_services(api: InstrumentedFakeApi) -> None:
    async with connect(api)() as client:
        text, structured = await call(client, "get_ticket_service_types", {"ticket_number": "1040"})
    assert sent(api) == [("GET", "/api/v2/tickets/1040/service-types", "")]
    assert "## Tipos de atendimento do ticket #1040" in text
    rider = "- Contrato Suporte Mensal 2025 (ID 301), aditivo nº 1 — vigência 01/01/2025 → — — **ID do"
    assert f"{rider} aditivo 3011**" in text
    assert "vigência 01/07/2024 → 30/06/2025 — **ID do aditivo 3041**" in text
    assert "- Visita técnica avulsa (ID 401)" in text and "ID do aditivo (não o do contrato)" in text
    assert [r["id"] for r in structured["types"]["riders"]] == [3011, 3041]


async def test_service_types_on_a_base_day_keep_the_riders_in_force(api: InstrumentedFakeApi) -> None:
    async with connect(api, language="en")() as client:
        text, structured = await call(
            client, "get_ticket_service_types", {"ticket_number": "1040", "date": "2024-12-31"}
        )
    assert sent(api) == [("GET", "/api/v2/tickets/1040/service-types", "date=2024-12-31")]
    assert "## Service types of ticket #1040 (as of 2024-12-31)" in text
    assert [r["id"] for r in structured["types"]["riders"]] == [3041] and structured["on"] == "2024-12-31"


async def test_no_service_types_says_why(api: InstrumentedFakeApi) -> None:
    async with connect(api)() as client:
        text, _ = await call(client, "get_ticket_service_types", {"ticket_number": "1042"})
    assert (
        "Nada a valorizar no ticket #1042: o cliente não tem contrato em vigor nem serviços avulsos." in text
    )


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"ticket_number": "1040", "date": "2999-01-01"}, "date"),
        ({"ticket_number": "1040", "date": "31/12/2024"}, "date"),
        ({"ticket_number": "1040", "date": "2025-02-30"}, "date"),
        ({}, "ticket_number"),
    ],
)
async def test_bad_service_type_input_is_refused_before_any_request(
    api: InstrumentedFakeApi, arguments: dict[str, Any], field: str
) -> None:
    async with connect(api)() as client:
        text = await fail(client, "get_ticket_service_types", arguments)
    assert f"`{field}`" in text and sent(api) == []


# --- get_ticket_shifts -----------------------------------------------------------------------------------


async def test_travel_charges_with_their_scope(api: InstrumentedFakeApi) -> None:
    async with connect(api)() as client:
        text, structured = await call(client, "get_ticket_shifts", {"ticket_number": "1040"})
    assert sent(api) == [("GET", "/api/v2/tickets/1040/shifts", "")]
    assert "## Deslocamentos do ticket #1040 — 4 disponível(is)" in text
    assert "- **Deslocamento Centro** (ID 501) — exclusivo do cliente" in text
    assert "  - **Cliente:** Padaria Pão Quente (ID 101)" in text
    assert "- **Deslocamento Região Norte** (ID 502) — genérico (todos os clientes)" in text
    assert "  - **Contrato:** Contrato Suporte Mensal 2025 (ID 301)" in text
    assert [c["scope"] for c in structured["charges"]] == ["Client", "All", "Contract", "Shared"]


async def test_travel_charges_of_a_contract_and_none(api: InstrumentedFakeApi) -> None:
    async with connect(api, language="en")() as client:
        text, structured = await call(
            client, "get_ticket_shifts", {"ticket_number": "1040", "contract_id": 301}
        )
        empty, _ = await call(client, "get_ticket_shifts", {"ticket_number": "1042"})
    assert sent(api)[0] == ("GET", "/api/v2/tickets/1040/shifts", "contract_id=301")
    assert [c["id"] for c in structured["charges"]] == [502, 503]
    assert "Travel charges of ticket #1040 — 2 available (contract 301)" in text
    assert "No travel charge available on ticket #1042" in empty


@pytest.mark.parametrize(
    "arguments",
    [
        {"ticket_number": "1040", "contract_id": "abc"},
        {"ticket_number": "1040", "contract_id": 1.5},
        {"ticket_number": "1040", "contract_id": -1},
        {"ticket_number": "1040", "contract_id": True},
    ],
)
async def test_bad_contract_ids_are_refused_before_any_request(
    api: InstrumentedFakeApi, arguments: dict[str, Any]
) -> None:
    async with connect(api)() as client:
        text = await fail(client, "get_ticket_shifts", arguments)
    assert "`contract_id`" in text and sent(api) == []


async def test_an_unknown_ticket_has_no_service_types_nor_shifts(api: InstrumentedFakeApi) -> None:
    async with connect(api)() as client:
        types = await fail(client, "get_ticket_service_types", {"ticket_number": "999"})
        shifts = await fail(client, "get_ticket_shifts", {"ticket_number": "999"})
    assert "ticket #999" in types and "ticket #999" in shifts


async def test_a_403_says_what_is_missing(api: InstrumentedFakeApi) -> None:
    from tests.support.faults import Fault

    api.faults.add(Fault.answer(403).on("GET", "/api/v2/tickets/1040/shifts"))
    async with connect(api)() as client:
        result = await client.call_tool("get_ticket_shifts", {"ticket_number": "1040"})
    assert result.is_error and "permissão" in text_of(result)
