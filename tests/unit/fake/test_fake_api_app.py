"""The fake TiFlux API v2 over HTTP: auth, routing, query strings, body encodings, status codes."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, date, datetime
from typing import Any

import httpx2
import pytest
from starlette.applications import Starlette

from adapters.tiflux.fake.asgi import create_fake_api_app
from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.fake_api import InstrumentedFakeApi

BASE = "http://api.test/api/v2"
TOKEN = {"Authorization": "Bearer demo-key"}
JSON_TYPE = "application/json; charset=utf-8"
NOW = datetime(2025, 3, 14, 13, 0, tzinfo=UTC)


class Api:
    """A synchronous caller of the ASGI app (one event loop per request)."""

    def __init__(self, app: Starlette | InstrumentedFakeApi, headers: dict[str, str] | None = None) -> None:
        self.app = app
        self.headers = TOKEN if headers is None else headers

    def request(self, method: str, path: str, **kwargs: Any) -> httpx2.Response:
        async def send() -> httpx2.Response:
            transport = httpx2.ASGITransport(app=self.app)
            async with httpx2.AsyncClient(transport=transport, base_url=BASE, headers=self.headers) as client:
                return await client.request(method, path, **kwargs)

        return asyncio.run(send())

    def get(self, path: str, **kwargs: Any) -> httpx2.Response:
        return self.request("GET", path, **kwargs)


@pytest.fixture
def tenant() -> FakeTenant:
    return FakeTenant.demo(clock=lambda: NOW, today=date(2025, 3, 14))


@pytest.fixture
def app(tenant: FakeTenant) -> Starlette:
    return create_fake_api_app(tenant)


@pytest.fixture
def api(app: Starlette) -> Api:
    return Api(app)


def ids(response: httpx2.Response, key: str = "id") -> list[int]:
    return [item[key] for item in response.json()]


def multipart(boundary: str, fields: dict[str, str], files: list[tuple[str, bytes]]) -> bytes:
    """A body built the way the Node client builds it (API.md §0.8)."""
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    for file_name, content in files:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="files[]"; filename="{file_name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        )
        parts.append(head.encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


def multipart_headers(boundary: str) -> dict[str, str]:
    return {**TOKEN, "Content-Type": f"multipart/form-data; boundary={boundary}"}


# --- authentication -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": ""}, {"Authorization": "Bearer "}, {"Authorization": "Token x"}]
)
def test_requests_without_a_bearer_token_are_401(app: Starlette, headers: dict[str, str]) -> None:
    response = Api(app, headers).get("/users/me")
    assert response.status_code == 401
    assert response.json() == {"message": "Unauthorized", "error_code": 40101}
    assert response.headers["content-type"] == JSON_TYPE


def test_any_token_is_accepted_without_an_api_key(api: Api) -> None:
    assert api.get("/users/me").json()["id"] == 201


def test_a_configured_api_key_must_match(tenant: FakeTenant) -> None:
    app = create_fake_api_app(tenant, api_key="secret")
    assert Api(app, {"Authorization": "Bearer other"}).get("/users/me").status_code == 401
    assert Api(app, {"Authorization": "Bearer secret"}).get("/users/me").status_code == 200


# --- routing and responses ------------------------------------------------------------------------------


GET_ROUTES = [
    "/tickets/1040",
    "/tickets",
    "/tickets/1040/internal_communications",
    "/tickets/1040/internal_communications/3102",
    "/tickets/1040/files",
    "/tickets/1045/stages-slas",
    "/tickets/1040/appointments",
    "/clients",
    "/users",
    "/users/me",
    "/desks",
    "/desks/14",
    "/desks/14/priorities",
    "/desks/14/services-catalogs",
    "/desks/14/stages",
    "/desks/14/services-catalogs-items",
    "/chats/9008",
    "/chats/inbox",
    "/chats/mine",
    "/chats/in_attendance",
    "/chats/archived",
    "/entities",
    "/entities/10/fields",
    "/entity_fields/81/options",
]


@pytest.mark.parametrize("path", GET_ROUTES)
def test_every_get_route_answers_200_json(api: Api, path: str) -> None:
    response = api.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON_TYPE
    assert response.json()


def test_bodies_are_utf8_with_accents_unescaped(api: Api) -> None:
    response = api.get("/clients", params={"name": "Clínica"})
    assert "Clínica Vida Plena".encode() in response.content


@pytest.mark.parametrize(
    "path",
    ["/tickets/abc", "/tickets/12%203", "/tickets/-1", "/desks/x/stages", "/chats/unknown", "/nothing"],
)
def test_non_numeric_path_ids_and_unknown_paths_are_404_json(api: Api, path: str) -> None:
    response = api.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == JSON_TYPE
    assert response.json()["error_code"] == 40401


def test_unknown_ids_are_404_from_the_tenant(api: Api) -> None:
    response = api.get("/tickets/999")
    assert (response.status_code, response.json()) == (
        404,
        {"message": "Ticket not found", "error_code": 40401},
    )
    assert api.get("/desks/99").status_code == 404
    assert api.get("/chats/1").status_code == 404
    assert api.get("/entities/99/fields").status_code == 404
    assert api.get("/tickets/1040/internal_communications/1").status_code == 404


def test_wrong_method_is_405_json(api: Api) -> None:
    response = api.request("DELETE", "/tickets/1040")
    assert response.status_code == 405 and response.json()["error_code"] == 40501


def test_requests_are_logged(tenant: FakeTenant) -> None:
    app = InstrumentedFakeApi(tenant)  # the log is the tests' (tests/support), not the shipped fake's
    api = Api(app)
    api.get("/tickets?offset=1&limit=2&is_closed=false&desk_ids=14%2C15")
    api.request("PUT", "/tickets/1040", json={"title": "x"})
    Api(app, {}).get("/users/me")
    assert app.requests == [
        ("GET", "/api/v2/tickets", "offset=1&limit=2&is_closed=false&desk_ids=14%2C15", None),
        ("PUT", "/api/v2/tickets/1040", "", "application/json"),
        ("GET", "/api/v2/users/me", "", None),
    ]


# --- query strings --------------------------------------------------------------------------------------


def test_captured_ticket_query_string(api: Api) -> None:
    query = (
        "offset=1&limit=2&is_closed=false&desk_ids=14%2C15%2C16&client_ids=101&responsible_ids=202"
        "&requestor_ids=205&requestor_email=carlos.souza%40padariapaoquente.com.br&date_type=created_at"
        "&start_datetime=2025-03-01T00%3A00%3A00Z&end_datetime=2025-03-31T23%3A59%3A59Z"
    )
    assert ids(api.get(f"/tickets?{query}"), "ticket_number") == [1040]


def test_ticket_list_query_filters(api: Api) -> None:
    assert ids(api.get("/tickets?is_closed=true"), "ticket_number") == [1045, 1046]
    assert ids(api.get("/tickets?desk_ids=14,15"), "ticket_number") == [1040, 1041, 1047]
    assert ids(api.get("/tickets?stage_ids=1401&limit=1&offset=1"), "ticket_number") == [1047]
    assert ids(api.get("/tickets?limit=2&offset=2"), "ticket_number") == [1042, 1043]


def test_plus_and_percent_twenty_are_spaces(api: Api) -> None:
    assert ids(api.get("/desks?active=true&limit=20&offset=1&name=Suporte+N1")) == [14]
    assert ids(api.get("/desks?active=false&limit=200&offset=1&name=Infra+Legado")) == [16]
    assert ids(api.get("/clients?active=true&name=Cl%C3%ADnica%20Vida")) == [103]
    assert ids(api.get("/desks?active=true&name=suporte")) == [14]
    assert ids(api.get("/clients?active=true&name=a")) == [101, 102, 103]


def test_chat_query_string(api: Api) -> None:
    query = (
        "offset=1&limit=1&department_id=23&client_id=101&requestor_id=205&number=5547999990000"
        "&origins=whatsapp%2Csite_widget&started_by=Client"
    )
    assert ids(api.get(f"/chats/inbox?{query}")) == [9001]
    assert ids(api.get("/chats/archived?canceled=true")) == [9007]
    assert ids(api.get("/chats/in_attendance?user_id=201&status=waiting_attendance")) == [9004]


def test_other_list_query_strings(api: Api) -> None:
    assert ids(api.get("/users?offset=1&limit=200&active=true&type=attendant")) == [202, 203]
    assert ids(api.get("/desks/14/services-catalogs-items?offset=1&limit=20&name=instala%C3%A7%C3%A3o")) == [
        7001,
        7006,
    ]
    assert ids(api.get("/desks/14/services-catalogs-items?area_id=612")) == [7003, 7004]
    assert ids(api.get("/entities?offset=1&limit=20&active=true&applied_in=ticket")) == [10, 11]
    assert ids(api.get("/entities/10/fields?required=true")) == [80]
    assert ids(api.get("/entity_fields/81/options?value=rede")) == [13]
    assert ids(
        api.get("/tickets/1040/appointments?user_id=202&start_date=2025-03-10&end_date=2025-03-10")
    ) == [
        4401,
        4402,
    ]


def test_custom_field_flags_of_get_ticket(api: Api) -> None:
    shown = api.get("/tickets/1042?show_entities=true").json()
    assert [group["id"] for group in shown["entities"]] == [10, 11]
    both = api.get("/tickets/1042?show_entities=true&include_filled_entity=true").json()
    assert len(both["entity_fields"]) == 8


@pytest.mark.parametrize(
    "path",
    [
        "/tickets?limit=NaN",
        "/tickets?offset=one",
        "/tickets?is_closed=maybe",
        "/tickets?desk_ids=14%2Cx",
        "/chats/inbox?limit=NaN",
        "/chats/inbox?department_id=abc",
        "/desks?active=yes",
        "/entities/10/fields?required=1",
    ],
)
def test_malformed_query_values_are_400_json(api: Api, path: str) -> None:
    response = api.get(path)
    assert response.status_code == 400
    assert response.json()["message"] == "Bad Request"


@pytest.mark.parametrize(
    "query", ["limit=0", "limit=201", "offset=0", "date_type=whenever&start_datetime=2025"]
)
def test_out_of_range_query_values_are_422(api: Api, query: str) -> None:
    response = api.get(f"/tickets?{query}")
    assert response.status_code == 422 and response.json()["message"] == "Validation failed"


# --- body encodings -------------------------------------------------------------------------------------


CAPTURED_FORM = (
    "title=Computador%20n%C3%A3o%20liga&description=%3Cp%3EO%20PC%20da%20%3Cstrong%3Erecep%C3%A7%C3%A3o"
    "%3C%2Fstrong%3E%3C%2Fp%3E&client_id=103&desk_id=14&priority_id=142&services_catalogs_item_id=7006"
    "&requestor_id=207&responsible_id=202&followers=a%40x.com%2Cb%40y.com&ticket_reference_number=1040"
)


def test_create_ticket_from_the_captured_form_body(api: Api) -> None:
    headers = {**TOKEN, "Content-Type": "application/x-www-form-urlencoded"}
    response = api.request("POST", "/tickets", content=CAPTURED_FORM, headers=headers)
    assert response.status_code == 201
    ticket = response.json()["ticket"]
    assert ticket["ticket_number"] == 1048
    assert ticket["title"] == "Computador não liga"
    assert ticket["description"] == "<p>O PC da <strong>recepção</strong></p>"
    assert ticket["followers"] == "a@x.com,b@y.com"
    assert api.get("/tickets/1048").json() == ticket


def test_create_ticket_validation_and_media_type(api: Api) -> None:
    response = api.request("POST", "/tickets", data={"title": "only"})
    assert response.status_code == 422 and len(response.json()["detail"]["error"]) == 3
    assert api.request("POST", "/tickets", json={"title": "t"}).status_code == 415


def test_update_ticket_with_a_json_body(api: Api) -> None:
    body = {"title": "Novo título", "desk_id": 11, "stage_id": 1103, "services_catalogs_item_id": 5004}
    response = api.request(
        "PUT", "/tickets/1040", json={**body, "followers": "x@y.com", "responsible_id": None}
    )
    assert response.status_code == 200
    ticket = api.get("/tickets/1040").json()
    assert (ticket["desk"]["id"], ticket["stage"]["id"], ticket["responsible"]) == (11, 1103, None)


def test_update_ticket_rejects_bad_json(api: Api) -> None:
    headers = {**TOKEN, "Content-Type": "application/json"}
    assert api.request("PUT", "/tickets/1040", content=b"{not json", headers=headers).status_code == 400
    assert api.request("PUT", "/tickets/1040", json=[1, 2]).status_code == 422
    assert api.request("PUT", "/tickets/1040", json={"stage_id": None}).status_code == 422
    assert api.request("PUT", "/tickets/1040", data={"title": "x"}).status_code == 415


def test_update_ticket_entities_with_a_json_body(api: Api) -> None:
    items = [{"entity_field_id": 72, "value": "Erro confirmado"}]
    response = api.request("PUT", "/tickets/1042/entities", json={"entities": items})
    assert response.status_code == 200
    assert response.json()["entities"][0]["entity_fields"][0]["value"] == "Erro confirmado"
    assert api.request("PUT", "/tickets/1042/entities", json={"entities": "nope"}).status_code == 422
    assert (
        api.request("PUT", "/tickets/1042/entities", json={"entities": [{"entity_field_id": 1}]}).status_code
        == 422
    )


def test_cancel_and_close_take_no_body(api: Api) -> None:
    response = api.request("PUT", "/tickets/1047/cancel", headers={**TOKEN, "Content-Length": "0"})
    assert (response.status_code, response.json()) == (200, {"message": "Ticket 1047 cancelled successfully"})
    assert api.request("PUT", "/tickets/1040/close").json() == {"message": "Ticket 1040 closed successfully"}
    assert ids(api.get("/tickets?is_closed=true"), "ticket_number") == [1040, 1045, 1046, 1047]
    assert api.request("PUT", "/tickets/1040/close").status_code == 422


def test_answer_as_multipart_like_the_node_client(api: Api) -> None:
    boundary = "----formdata-tiflux-1741957200000"
    body = multipart(
        boundary, {"name": "<p>Olá Carlos</p>\n", "with_signature": "true"}, [("log.txt", b"a\r\nb")]
    )
    response = api.request("POST", "/tickets/1040/answers", content=body, headers=multipart_headers(boundary))
    assert response.status_code == 201
    answer = response.json()
    assert (answer["name"], answer["signature"], answer["author"]) == (
        "<p>Olá Carlos</p>\n",
        True,
        "Mariana Costa",
    )
    stored = api.get("/tickets/1040/files").json()[-1]
    assert (stored["name"], stored["size"]) == ("log.txt", 4)


def test_answer_via_a_standard_multipart_encoder(api: Api) -> None:
    files = [
        ("files[]", ("a.pdf", b"1", "application/octet-stream")),
        ("files[]", ("b.png", b"22", "image/png")),
    ]
    response = api.request(
        "POST", "/tickets/1041/answers", data={"name": "x", "with_signature": "false"}, files=files
    )
    assert response.status_code == 201 and response.json()["signature"] is False
    assert [f["name"] for f in api.get("/tickets/1041/files").json()] == ["a.pdf", "b.png"]


def test_answer_errors(api: Api) -> None:
    boundary = "B"
    no_name = multipart(boundary, {"with_signature": "false"}, [])
    response = api.request(
        "POST", "/tickets/1040/answers", content=no_name, headers=multipart_headers(boundary)
    )
    assert response.status_code == 422
    bad_flag = multipart(boundary, {"name": "x", "with_signature": "sim"}, [])
    response = api.request(
        "POST", "/tickets/1040/answers", content=bad_flag, headers=multipart_headers(boundary)
    )
    assert response.status_code == 400
    assert api.request("POST", "/tickets/1040/answers", json={"name": "x"}).status_code == 415


def test_internal_communication_as_multipart_then_listed(api: Api) -> None:
    boundary = "----formdata-tiflux-1741957200001"
    body = multipart(boundary, {"text": "<p>Fornecedor confirmou.</p>\n"}, [])
    response = api.request(
        "POST", "/tickets/1040/internal_communications", content=body, headers=multipart_headers(boundary)
    )
    assert response.status_code == 201
    assert response.json()["id"] == 3104 and response.json()["files_count"] == 0
    assert ids(api.get("/tickets/1040/internal_communications")) == [3101, 3102, 3103, 3104]
    assert (
        api.get("/tickets/1040/internal_communications/3104").json()["text"]
        == "<p>Fornecedor confirmou.</p>\n"
    )


def test_internal_communication_with_files(api: Api) -> None:
    boundary = "X"
    body = multipart(boundary, {"text": "<p>Nota</p>"}, [("nf.pdf", b"%PDF-1.4"), ("foto.png", b"\x89PNG")])
    response = api.request(
        "POST", "/tickets/1040/internal_communications", content=body, headers=multipart_headers(boundary)
    )
    created = response.json()
    assert created["files_count"] == 2
    assert [(f["file_name"], f["size"]) for f in created["files"]] == [("nf.pdf", 8), ("foto.png", 4)]


def test_appointment_with_a_json_body(api: Api, tenant: FakeTenant) -> None:
    body = {"date": "2025-03-14", "init_time": "09:00", "end_time": "10:30", "description": "Ajuste final."}
    response = api.request("POST", "/tickets/1042/appointments", json=body)
    assert response.status_code == 201 and response.json()["id"] == 4802
    assert ids(api.get("/tickets/1042/appointments")) == [4501, 4502, 4802]
    backwards = {**body, "init_time": "11:00"}
    response = api.request("POST", "/tickets/1042/appointments", json=backwards)
    assert (response.status_code, response.json()) == (422, tenant.error_template("appointment_validation"))
    valued_desk = api.request("POST", "/tickets/1040/appointments", json=body)  # no attendance (2.42)
    assert valued_desk.status_code == 422 and "attendance" in valued_desk.json()["detail"]


def test_json_payload_keeps_the_exact_tenant_body(api: Api, tenant: FakeTenant) -> None:
    response = api.get("/tickets/1042?show_entities=true")
    assert json.loads(response.content) == tenant.tickets.get_ticket(1042, show_entities=True)
