"""The authorization server's pages in English (TIFLUX_LANGUAGE=en), in process over ASGI: refusals at
/authorize, the consent notice, the tries left and the closed request say it in the person's language."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from html import unescape
from urllib.parse import parse_qs, urlsplit

import httpx2
import pytest
from starlette.applications import Starlette

from adapters.i18n import Translator
from adapters.oauth.browser import BrowserBinding
from adapters.oauth.limits import OAuthLimits, SourceLimiter
from adapters.oauth.page import PAGE_PATH, AuthorizePage
from adapters.oauth.provider import TifluxOAuthProvider
from adapters.oauth.sealing import KeySealer, ephemeral_secret_key
from adapters.oauth.server import AuthorizationServer
from adapters.oauth.stores.sqlite import SqliteGrantStore
from domain.errors import InvalidCredentials
from tests.oauth_steps import Pkce

pytestmark = pytest.mark.anyio

BASE = "http://127.0.0.1:8080"
GOOD_KEY = "good-key"


async def check_key(api_key: str) -> str | None:
    if api_key != GOOD_KEY:
        raise InvalidCredentials()
    return "tiflux-user:1"


@pytest.fixture
async def http() -> AsyncIterator[httpx2.AsyncClient]:
    store = SqliteGrantStore(":memory:")
    provider = TifluxOAuthProvider(
        store, KeySealer(ephemeral_secret_key()), resource_url=f"{BASE}/mcp", page_url=f"{BASE}{PAGE_PATH}"
    )
    limits = OAuthLimits(key_attempts=2)
    limiter = SourceLimiter(store)
    browser = BrowserBinding(BASE, max_age=600)
    page = AuthorizePage(
        provider, check_key, Translator("en"), browser=browser, limiter=limiter, limits=limits
    )
    app = Starlette(routes=AuthorizationServer(BASE, provider, page, limits, limiter, browser).routes())
    async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app), base_url=BASE) as client:
        yield client
    await store.close()


def words(answer: httpx2.Response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", answer.text)).split())


async def registered(http: httpx2.AsyncClient) -> str:
    body = {
        "redirect_uris": ["https://assistant.example/cb"],
        "client_name": "Helper\u202e",
        "token_endpoint_auth_method": "none",
    }
    answer = await http.post("/register", json=body)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["client_id"])


def query(client_id: str, **overrides: str) -> dict[str, str]:
    return {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": "https://assistant.example/cb",
        "code_challenge": Pkce.new().challenge,
        "code_challenge_method": "S256",
        "state": "s",
    } | overrides


async def test_a_refused_request_is_explained_in_english(http: httpx2.AsyncClient) -> None:
    answer = await http.get("/authorize", params=query(await registered(http), scope="admin"))
    assert answer.status_code == 400 and "location" not in answer.headers
    assert '<html lang="en">' in answer.text
    text = words(answer)
    assert "Invalid authorization request" in text and "the requested scope is not allowed" in text
    assert "Nothing was sent to the app" in text and "invalid_scope" in text


async def test_the_consent_page_warns_in_english_and_the_request_closes_after_the_tries(
    http: httpx2.AsyncClient,
) -> None:
    started = await http.get("/authorize", params=query(await registered(http)))
    assert started.status_code == 302
    request_id = parse_qs(urlsplit(started.headers["location"]).query)["request"][0]
    page = await http.get(started.headers["location"])  # the client keeps the browser cookie
    text = words(page)
    assert "Helper wants to work in your TiFlux" in text and "\u202e" not in page.text
    assert "This app is not verified" in text
    assert "access will be sent to assistant.example" in text
    first = await http.post(PAGE_PATH, data={"request": request_id, "api_key": "wrong"})
    assert "1 try left for this request" in words(first)
    second = await http.post(PAGE_PATH, data={"request": request_id, "api_key": "wrong-again"})
    assert "closed after 2 refused keys" in words(second)
    late = await http.post(PAGE_PATH, data={"request": request_id, "api_key": GOOD_KEY})
    assert "expired or was already used" in words(late)
