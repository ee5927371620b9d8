"""The fake TiFlux's knowledge-base routes (assets.md D.1): filters, the whole count, 404s and writes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from starlette.applications import Starlette

from adapters.tiflux.fake.asgi import create_fake_api_app
from adapters.tiflux.fake.tenant import FakeApiError, FakeTenant
from tests.unit.fake.test_fake_api_app import Api, ids

NOW = datetime(2026, 5, 12, 14, 0, tzinfo=UTC)
ARTICLE: dict[str, Any] = {
    "title": "Acesso ao Wi-Fi de visitantes",
    "description": "<h2>Rede de visitantes</h2>",
    "knowledge_folder_ids": [8101],
}


@pytest.fixture
def tenant() -> FakeTenant:
    return FakeTenant.demo(clock=lambda: NOW)


@pytest.fixture
def api(tenant: FakeTenant) -> Api:
    app: Starlette = create_fake_api_app(tenant)
    return Api(app)


def test_lists_send_the_whole_count_and_cut_descriptions(api: Api) -> None:
    response = api.get("/knowledges", params={"limit": 2})
    assert response.status_code == 200 and ids(response) == [8001, 8002]
    assert response.headers["X-Total-Items"] == "5"
    assert all(len(article["description"]) <= 300 for article in response.json())
    assert len(api.get("/knowledges/8001").json()["description"]) > 300
    folders = api.get("/knowledge-folders", params={"search": "IMPRESS"})
    assert ids(folders) == [8102] and folders.headers["X-Total-Items"] == "1"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"search": "toner"}, [8002]),  # title
        ({"search": "acesso remoto"}, [8001]),  # a tag
        ({"search": "primeiro teste"}, [8005]),  # the start of the body
        ({"search": "lentidao"}, [8005]),  # accents ignored
        ({"knowledge_folder_ids": "8103,8102"}, [8002, 8003, 8004]),  # any folder
        ({"search": "senha", "knowledge_folder_ids": "8101"}, []),
    ],
)
def test_knowledge_filters(api: Api, params: dict[str, str], expected: list[int]) -> None:
    assert ids(api.get("/knowledges", params=params)) == expected


def test_unknown_ids_and_bad_queries(api: Api) -> None:
    assert api.get("/knowledges/8999").status_code == 404
    assert api.get("/knowledges", params={"knowledge_folder_ids": "81a"}).status_code == 400
    assert api.get("/knowledge-folders", params={"limit": 500}).status_code == 422


def test_create_stores_the_article_private_by_default(api: Api, tenant: FakeTenant) -> None:
    response = api.request("POST", "/knowledges", json={**ARTICLE, "tags": ["Wi-Fi"], "client_ids": [103]})
    assert response.status_code == 201
    created = response.json()
    assert (
        created["id"] == 8006
        and created["private"] is True
        and created["created_at"] == "2026-05-12T14:00:00Z"
    )
    assert tenant.knowledge.get_knowledge(8006)["client_ids"] == [103]
    assert api.get("/knowledges").headers["X-Total-Items"] == "6"
    assert tenant.knowledge.list_knowledge_folders(search="Infraestrutura").items[0]["qty_knowledges"] == 3


@pytest.mark.parametrize(
    "change",
    [
        {"title": " "},
        {"description": None},
        {"knowledge_folder_ids": []},
        {"knowledge_folder_ids": [8999]},
        {"knowledge_folder_ids": "8101"},
        {"tags": ["a,b"]},
        {"private": "yes"},
        {"client_ids": [0]},
    ],
)
def test_create_refuses_what_the_api_refuses(tenant: FakeTenant, change: dict[str, Any]) -> None:
    with pytest.raises(FakeApiError) as refused:
        tenant.knowledge.create_knowledge({**ARTICLE, **change})
    assert refused.value.status == 422
    assert tenant.knowledge.list_knowledges().total == 5


def test_a_form_body_is_refused(api: Api) -> None:
    assert api.request("POST", "/knowledges", data={"title": "x"}).status_code == 415
