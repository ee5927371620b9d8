"""The OpenAPI contract of TiFlux API v2 (``contracts/tiflux-api-v2.yaml``): a valid document, true to the
synthetic fixtures of ``shared/tiflux-api/examples/``, and kept by the fake API under schemathesis.

Schemathesis runs every operation against the fake ASGI app with valid inputs (examples and fuzzing) and
invalid ones (negative mode): no 5xx, every answer documented and conforming to its schema (status code,
content type, body), invalid input refused with a 4xx, valid input accepted (2xx, or the 404/422 of an id
the tenant does not hold or a business rule). Every write goes to a fresh tenant and reads never change one,
so no case depends on another. The run is bounded and deterministic: the examples of the document, the
coverage phase's boundary and type cases, and MAX_EXAMPLES fuzzed cases per operation and mode, derandomized,
without shrinking nor example database.
"""

from __future__ import annotations

import asyncio
import json
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx2
import jsonschema_rs
import pytest
import schemathesis
import yaml
from schemathesis.config import SchemathesisConfig
from starlette.applications import Starlette
from starlette.types import Receive, Scope, Send

from adapters.tiflux.fake.asgi import create_fake_api_app
from adapters.tiflux.fake.tenant import FakeTenant, load_demo_data

CONTRACT = Path(__file__).resolve().parents[2] / "contracts" / "tiflux-api-v2.yaml"
EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "tiflux-api" / "examples"
EXAMPLES_V242 = EXAMPLES.parent / "v2.42" / "examples"
TOKEN = "Bearer t"
NOW = datetime(2025, 3, 14, 13, 0, tzinfo=UTC)
TODAY = date(2025, 3, 14)
MAX_EXAMPLES = 15
METHODS = ("get", "post", "put")

DOCUMENT: dict[str, Any] = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
DEMO_DATA = load_demo_data()

CONFIG = SchemathesisConfig.from_dict(
    {
        "suppress-health-check": ["too_slow"],  # timing-dependent: CI must not flake on a busy runner
        "headers": {"Authorization": TOKEN},
        "generation": {
            "mode": "all",
            "max-examples": MAX_EXAMPLES,
            "deterministic": True,
            "no-shrink": True,
            "database": "none",
        },
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True},
            "fuzzing": {"enabled": True},
            "stateful": {"enabled": False},
        },
        "checks": {
            # Schema-valid input may name an id the tenant does not hold (404) or break a business rule the
            # schema cannot express (422: an unknown client, a future appointment, a closed ticket...), or
            # a rule of authorship (403: another attendant's internal communication, v2.42 tickets.md §15).
            "positive_data_acceptance": {"expected-statuses": ["2xx", "403", "404", "422"]},
            # The fake runs with api_key=None: any bearer token is good, so schemathesis' "invalid token"
            # probe cannot be refused; test_every_operation_needs_a_bearer_token covers the missing token.
            "ignored_auth": {"enabled": False},
        },
    }
)


def _demo_app() -> Starlette:
    return create_fake_api_app(FakeTenant(DEMO_DATA, clock=lambda: NOW, today=TODAY), api_key=None)


READ_ONLY_APP = _demo_app()


async def fresh_tenant_app(scope: Scope, receive: Receive, send: Send) -> None:
    """The fake API on a fresh demo tenant for every write: no request sees another one's writes.

    Reads share one tenant (building a tenant deep-copies the data set: a third of the run's time);
    test_reads_leave_the_tenant_untouched guards that sharing.
    """
    writes = scope["type"] == "http" and scope["method"] not in ("GET", "HEAD", "OPTIONS")
    await (_demo_app() if writes else READ_ONLY_APP)(scope, receive, send)


SCHEMA = schemathesis.openapi.from_dict(DOCUMENT, config=CONFIG)
SCHEMA.app = fresh_tenant_app  # the ASGI transport, for the cases and for the probes some checks send


# --- the document ---------------------------------------------------------------------------------------


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, section, name = node["$ref"].split("/")
        node = DOCUMENT["components"][section][name]
    return node


def _parameters(item: dict[str, Any]) -> list[dict[str, Any]]:
    found = [_resolve(p) for p in item.get("parameters", [])]
    for method in METHODS:
        found += [_resolve(p) for p in item.get(method, {}).get("parameters", [])]
    return found


def _validator(schema: dict[str, Any]) -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for(
        {**schema, "components": DOCUMENT["components"]}, validate_formats=True
    )


def test_the_contract_is_a_valid_openapi_31_document() -> None:
    assert DOCUMENT["openapi"].startswith("3.1")
    SCHEMA.validate()
    bearer = DOCUMENT["components"]["securitySchemes"]["bearer"]
    assert (bearer["type"], bearer["scheme"]) == ("http", "bearer")
    assert DOCUMENT["security"] == [{"bearer": []}]
    assert DOCUMENT["servers"] == [{"url": "/api/v2"}]


def test_the_contract_covers_every_route_we_use() -> None:
    labels = sorted(result.ok().label for result in SCHEMA.get_all_operations())
    # + answers, histories, checklists (18); requestors, technical users, departments (19);
    # chats that act (20); knowledge, equipment (21); the organisation's service catalogs (21); ticket files,
    # service types, shifts, note edits, timers, everyone's appointments, ticket satisfaction (18);
    # requestor custom fields (19); users, technical groups (19); billing and contracts (20)
    assert len(labels) == 32 + 7 + 7 + 6 + 4 + 5 + 12 + 2 + 5 + 2 + 2 + 1 + 1 + 5 + 2, labels


def test_the_fake_serves_exactly_the_operations_of_the_contract() -> None:
    def shape(path: str) -> str:
        return re.sub(r"\{[^}]+\}", "{id}", path)

    served = {(route.method, shape(route.path)) for route, _ in FakeTenant(DEMO_DATA).routes()}
    documented = {
        (method.upper(), shape(path))
        for path, item in DOCUMENT["paths"].items()
        for method in ("get", "post", "put", "patch", "delete")
        if method in item
    }
    assert served == documented


def test_every_path_parameter_is_a_positive_integer() -> None:
    for path, item in DOCUMENT["paths"].items():
        for parameter in _parameters(item):
            if parameter["in"] == "path":
                lowest = 0 if parameter["name"] == "index" else 1  # a checklist field's index starts at 0
                assert _resolve(parameter["schema"]) == {"type": "integer", "minimum": lowest}, path


def test_responses_stay_open_to_new_fields() -> None:
    def closed(node: Any) -> bool:
        if isinstance(node, dict):
            return node.get("additionalProperties") is False or any(closed(v) for v in node.values())
        return isinstance(node, list) and any(closed(v) for v in node)

    assert not closed(DOCUMENT)


def test_pages_are_1_based_and_at_most_200_long() -> None:
    parameters = DOCUMENT["components"]["parameters"]
    assert parameters["Offset"]["schema"]["minimum"] == 1
    assert (parameters["Limit"]["schema"]["minimum"], parameters["Limit"]["schema"]["maximum"]) == (1, 200)


# --- the fixtures ---------------------------------------------------------------------------------------


def _route_patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    """File-name patterns per operation: ``GET_desks_{id}_stages`` and ``by_id/GET_desks_12_stages``."""
    routes = []
    for path, item in DOCUMENT["paths"].items():
        stem = re.escape(path.strip("/").replace("/", "_"))
        stem = re.sub(r"\\\{[a-z_]+\\\}", r"(?:\\{[a-z_]+\\}|[0-9]+)", stem)
        for method in METHODS:
            if method in item:
                routes.append((method, path, re.compile(f"{method.upper()}_{stem}(?:__[a-z_]+)?")))
    return routes


def _success_schema(method: str, path: str) -> dict[str, Any]:
    responses = DOCUMENT["paths"][path][method]["responses"]
    response = _resolve(responses["201" if method == "post" else "200" if "200" in responses else "202"])
    schema: dict[str, Any] = response["content"]["application/json"]["schema"]
    return schema


def _example_files() -> list[Path]:
    if not EXAMPLES.is_dir():
        pytest.fail(f"the API fixtures are missing: {EXAMPLES} (CI checks out shared/ next to the project)")
    files = sorted(EXAMPLES.glob("*.json")) + sorted(EXAMPLES.glob("by_id/*.json"))
    assert len(files) > 100, f"only {len(files)} fixtures in {EXAMPLES}"
    # The v2.42 overlay: its files for the routes the contract describes that the 2.3.0 files do not cover.
    newer = sorted(EXAMPLES_V242.glob("*.json")) + sorted(EXAMPLES_V242.glob("by_id/*.json"))
    routes = [rx for _m, _p, rx in _route_patterns() if not any(rx.fullmatch(file.stem) for file in files)]
    return files + [file for file in newer if any(rx.fullmatch(file.stem) for rx in routes)]


def _schema_for_file(file: Path) -> dict[str, Any]:
    if file.stem.startswith("ERROR_"):
        return {"$ref": "#/components/schemas/Error"}
    matches = [(method, path) for method, path, pattern in _route_patterns() if pattern.fullmatch(file.stem)]
    assert len(matches) == 1, f"{file.name} names {len(matches)} operations: {matches}"
    return _success_schema(*matches[0])


def test_every_fixture_validates_against_the_response_schema_of_its_route() -> None:
    failures = {}
    for file in _example_files():
        body = json.loads(file.read_text(encoding="utf-8"))
        errors = [str(error) for error in _validator(_schema_for_file(file)).iter_errors(body)]
        if errors:
            failures[str(file.relative_to(EXAMPLES.parent))] = errors[:3]
    assert not failures, json.dumps(failures, indent=2, ensure_ascii=False)


def _v242_files_of_the_contract() -> list[Path]:
    """The v2.42 fixtures of routes the contract describes (other areas add their routes later)."""
    files = sorted(EXAMPLES_V242.glob("*.json")) + sorted(EXAMPLES_V242.glob("by_id/*.json"))
    return [
        file
        for file in files
        if not file.stem.startswith("ERROR_")
        and sum(1 for _m, _p, pattern in _route_patterns() if pattern.fullmatch(file.stem)) == 1
        and any(part in file.stem for part in ("messages", "archive", "templates", "send_message"))
    ]


def test_the_v242_fixtures_of_chats_that_act_validate_against_their_routes() -> None:
    files = _v242_files_of_the_contract()
    assert len(files) >= 12, [file.name for file in files]
    failures = {}
    for file in files:
        body = json.loads(file.read_text(encoding="utf-8"))
        errors = [str(error) for error in _validator(_schema_for_file(file)).iter_errors(body)]
        if errors:
            failures[file.name] = errors[:3]
    assert not failures, json.dumps(failures, indent=2, ensure_ascii=False)


def test_every_route_has_a_fixture() -> None:
    stems = [file.stem for file in _example_files() + _v242_files_of_the_contract()]
    bare = [f"{m.upper()} {p}" for m, p, rx in _route_patterns() if not any(rx.fullmatch(s) for s in stems)]
    assert not bare


@pytest.mark.parametrize(
    ("file_name", "corrupt"),
    [
        ("GET_tickets.json", lambda body: body[0].update(created_at="yesterday")),
        ("GET_chats_inbox.json", lambda body: body[0].update(origin="telegram")),
        ("GET_desks_{id}_services-catalogs-items.json", lambda body: body[0].pop("area")),
        ("POST_tickets.json", lambda body: body.update(ticket=body["ticket"]["title"])),
        ("ERROR_422_appointment.json", lambda body: body["detail"].update(error="one message")),
    ],
)
def test_the_schemas_do_refuse_a_corrupted_fixture(file_name: str, corrupt: Any) -> None:
    file = next(file for file in _example_files() if file.name == file_name)
    body = json.loads(file.read_text(encoding="utf-8"))
    assert _validator(_schema_for_file(file)).is_valid(body)
    corrupt(body)
    assert not _validator(_schema_for_file(file)).is_valid(body)


# --- the fake, request by request -----------------------------------------------------------------------


def _request(
    app: Starlette, method: str, url: str, headers: dict[str, str] | None = None, **kwargs: Any
) -> httpx2.Response:
    """One request to ``app`` (``url`` relative to /api/v2), on its own event loop."""

    async def send() -> httpx2.Response:
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://fake/api/v2") as client:
            return await client.request(method, url, headers=headers, **kwargs)

    return asyncio.run(send())


def _operations() -> list[tuple[str, str]]:
    return [
        (method, path) for path, item in DOCUMENT["paths"].items() for method in METHODS if method in item
    ]


def _example_url(path: str) -> str:
    """``path`` with each path parameter set to its first example (1040, 14, 3102, ...), and each required
    query parameter too (the period of ``/appointments``)."""
    item = DOCUMENT["paths"][path]
    required: list[str] = []
    for parameter in _parameters(item):
        if parameter["in"] == "path":
            examples = parameter.get("examples")
            value = next(iter(examples.values()))["value"] if examples else parameter["example"]
            path = path.replace("{" + parameter["name"] + "}", str(value))
        elif parameter["in"] == "query" and parameter.get("required") and "example" in parameter:
            required.append(f"{parameter['name']}={parameter['example']}")
    return f"{path}?{'&'.join(required)}" if required else path


@pytest.mark.parametrize(("method", "path"), _operations())
@pytest.mark.parametrize("authorization", [None, "Bearer ", "Basic dDp0", "t"])
def test_every_operation_needs_a_bearer_token(method: str, path: str, authorization: str | None) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = _request(_demo_app(), method.upper(), _example_url(path).lstrip("/"), headers=headers)
    assert response.status_code == 401
    assert "401" in DOCUMENT["paths"][path][method]["responses"]
    assert _validator({"$ref": "#/components/schemas/Error"}).is_valid(response.json())


def test_reads_leave_the_tenant_untouched() -> None:
    """Every GET twice on one tenant answers the same: sharing READ_ONLY_APP cannot make cases interfere."""
    app = _demo_app()
    urls = [_example_url(path).lstrip("/") for method, path in _operations() if method == "get"]
    urls.append("tickets/1042?show_entities=true&include_filled_entity=true")
    first = [_request(app, "GET", url, headers={"Authorization": TOKEN}).json() for url in urls]
    second = [_request(app, "GET", url, headers={"Authorization": TOKEN}).json() for url in urls]
    assert first == second
    assert all(not isinstance(body, dict) or "message" not in body for body in first), first


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        # Fixed after schemathesis: typed query values sent empty were read as absent (2xx) ...
        ("GET", "clients?active=", 400),
        ("GET", "tickets?start_datetime=", 422),
        ("GET", "entities?applied_in=", 422),
        # ... values outside the API's vocabularies matched nothing (200 []) instead of failing ...
        ("GET", "users?type=AAA", 422),
        ("GET", "chats/inbox?started_by=client", 422),
        ("GET", "chats/inbox?origins=whatsapp%2Ctelegram", 422),
        ("GET", "chats/in_attendance?status=AAA", 422),
        ("GET", "chats/archived?requestor_id=0", 422),
        ("GET", "entities?applied_in=AAA", 422),
        ("GET", "entities/10/fields?field_type=AAA", 422),
        ("GET", "users?gauth_enabled=AAA", 400),
        # ... and date-times Python reads but the contract does not (basic format, hour only).
        ("GET", "tickets?start_datetime=20250301", 422),
        ("GET", "tickets?end_datetime=2025-03-01T10", 422),
    ],
)
def test_the_fake_refuses_what_the_contract_refuses(method: str, url: str, status: int) -> None:
    response = _request(_demo_app(), method, url, headers={"Authorization": TOKEN})
    assert response.status_code == status, response.text


def test_gauth_enabled_filters_the_users() -> None:
    response = _request(_demo_app(), "GET", "users?gauth_enabled=true", headers={"Authorization": TOKEN})
    assert [user["gauth_enabled"] for user in response.json()] == [True]


def test_a_405_lists_every_method_of_its_path() -> None:
    response = _request(_demo_app(), "DELETE", "tickets/1040", headers={"Authorization": TOKEN})
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD", "PUT"}


def test_a_files_part_without_a_file_name_is_refused() -> None:
    files = {"text": (None, "<p>Oi</p>"), "files[]": (None, "not a file")}
    response = _request(
        _demo_app(),
        "POST",
        "tickets/1040/internal_communications",
        headers={"Authorization": TOKEN},
        files=files,
    )
    assert response.status_code == 400, response.text


# --- the fake under schemathesis ------------------------------------------------------------------------


@SCHEMA.parametrize()
def test_the_fake_keeps_the_contract(case: schemathesis.Case) -> None:
    case.call_and_validate()
