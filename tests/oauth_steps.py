"""An OAuth 2.1 client in small steps, for the tests of hosted mode (plain HTTP, no browser)."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from dataclasses import dataclass
from html import unescape
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx2

REDIRECT_URI = "http://127.0.0.1:9/callback"


@dataclass(frozen=True)
class Pkce:
    verifier: str
    challenge: str

    @classmethod
    def new(cls) -> Pkce:
        verifier = secrets.token_urlsafe(48)
        digest = hashlib.sha256(verifier.encode()).digest()
        return cls(verifier, base64.urlsafe_b64encode(digest).decode().rstrip("="))


def register(base: str, redirect_uris: list[str] | None = None, **extra: object) -> httpx2.Response:
    body = {
        "redirect_uris": redirect_uris or [REDIRECT_URI],
        "client_name": "Test client",
        "token_endpoint_auth_method": "none",
        "grant_types": ["authorization_code", "refresh_token"],
        **extra,
    }
    return httpx2.post(f"{base}/register", json=body, timeout=10)


def public_client(base: str) -> str:
    answer = register(base)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["client_id"])


def authorize(base: str, client_id: str, pkce: Pkce | None, **overrides: str | None) -> httpx2.Response:
    """GET /authorize without following redirects (the answer points at our page or back to the client)."""
    params: dict[str, str | None] = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": REDIRECT_URI,
        "state": "st-123",
        "resource": f"{base}/mcp",
    }
    if pkce:
        params |= {"code_challenge": pkce.challenge, "code_challenge_method": "S256"}
    params |= overrides
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return httpx2.get(f"{base}/authorize?{query}", follow_redirects=False, timeout=10)


def page_request_id(page_location: str) -> str:
    return parse_qs(urlsplit(page_location).query)["request"][0]


@dataclass(frozen=True)
class PendingRequest:
    """What a browser holds after /authorize: the page's request id and the cookie that binds it."""

    request_id: str
    cookies: dict[str, str]

    @classmethod
    def of(cls, authorize_answer: httpx2.Response) -> PendingRequest:
        assert authorize_answer.status_code == 302, authorize_answer.text
        return cls(page_request_id(authorize_answer.headers["location"]), dict(authorize_answer.cookies))


def submit_key(
    base: str,
    pending: PendingRequest,
    api_key: str,
    action: str = "approve",
    headers: dict[str, str] | None = None,
) -> httpx2.Response:
    """The key form's POST, from the browser that opened the request (its cookie)."""
    with httpx2.Client(cookies=pending.cookies, timeout=20) as browser:
        return browser.post(
            f"{base}/authorize/key",
            data={"request": pending.request_id, "api_key": api_key, "action": action},
            headers=headers or {},
            follow_redirects=False,
        )


def redirected_params(answer: httpx2.Response) -> dict[str, str]:
    assert answer.status_code in (302, 303), answer.text
    location = answer.headers["location"]
    assert location.startswith(REDIRECT_URI), location
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def exchange(base: str, client_id: str, code: str, verifier: str, **extra: str) -> httpx2.Response:
    data = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": REDIRECT_URI,
        "client_id": client_id,
        "code_verifier": verifier,
        **extra,
    }
    return httpx2.post(f"{base}/token", data=data, timeout=10)


def refresh(base: str, client_id: str, refresh_token: str) -> httpx2.Response:
    data = {"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": client_id}
    return httpx2.post(f"{base}/token", data=data, timeout=10)


def revoke(base: str, client_id: str, token: str, **extra: str) -> httpx2.Response:
    """RFC 7009's request from a public client: no client_secret at all (unless `extra` adds one)."""
    data = {"token": token, "client_id": client_id, **extra}
    return httpx2.post(f"{base}/revoke", data=data, timeout=10)


def code_for(base: str, client_id: str, api_key: str, resource: str | None = None) -> tuple[str, Pkce]:
    """The whole front channel: /authorize → our page → paste the key → the code."""
    pkce = Pkce.new()
    answer = authorize(base, client_id, pkce, **({"resource": resource} if resource else {}))
    params = redirected_params(submit_key(base, PendingRequest.of(answer), api_key))
    assert params["state"] == "st-123"
    return params["code"], pkce


def tokens_for(base: str, api_key: str, resource: str | None = None) -> tuple[str, dict[str, object]]:
    """A fresh public client and its first tokens."""
    client_id = public_client(base)
    code, pkce = code_for(base, client_id, api_key, resource)
    answer = exchange(base, client_id, code, pkce.verifier)
    assert answer.status_code == 200, answer.text
    return client_id, answer.json()


def mcp_list(base: str, headers: dict[str, str]) -> httpx2.Response:
    return httpx2.post(
        f"{base}/mcp",
        json={"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}},
        headers={"accept": "application/json, text/event-stream", **headers},
        timeout=20,
    )


def page_text(answer: httpx2.Response) -> str:
    """The page's words without tags, for assertions on what a person reads."""
    return unescape(re.sub(r"<[^>]+>", " ", answer.text))
