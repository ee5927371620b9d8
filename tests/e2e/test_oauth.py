"""Hosted mode's authorization server, end to end over HTTP against real processes.

`tiflux-mcp serve` runs on the real HTTP adapter against the fake TiFlux, which accepts one key only,
so the authorize page's key check is the real one (`GET /users/me`).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from mcp import Client
from mcp.client.auth import OAuthClientProvider
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.auth import (
    AuthorizationCodeResult,
    OAuthClientInformationFull,
    OAuthClientMetadata,
    OAuthToken,
)
from pydantic import AnyUrl

from adapters.mcp.tools import ALL_TOOLS
from adapters.mcp.toolsets import DEFAULT_TOOLSETS
from tests.e2e.conftest import FAKE_API_KEY, SERVER, free_port, hosted_env, hosted_server
from tests.oauth_steps import (
    REDIRECT_URI,
    PendingRequest,
    Pkce,
    authorize,
    code_for,
    exchange,
    mcp_list,
    page_request_id,
    page_text,
    public_client,
    redirected_params,
    refresh,
    register,
    revoke,
    submit_key,
    tokens_for,
)

DEFAULT_TOOL_COUNT = sum(spec.toolset in DEFAULT_TOOLSETS for spec in ALL_TOOLS)

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("oauth")


@pytest.fixture(scope="module")
def base(fake_tiflux: str, workdir: Path) -> Iterator[str]:
    env = hosted_env(
        TIFLUX_API_BASE_URL=fake_tiflux,
        TIFLUX_MCP_STORE_URL=f"sqlite:///{workdir}/grants.db",
        # Every test here comes from 127.0.0.1: the per-source limits are attacked in test_oauth_attacks.
        TIFLUX_OAUTH_REGISTER_PER_MINUTE="1000",
        TIFLUX_OAUTH_AUTHORIZE_PER_MINUTE="1000",
        TIFLUX_OAUTH_KEY_TRIES_PER_MINUTE="1000",
    )
    with hosted_server(env, workdir / "server.log") as url:
        yield url


# --- discovery


def test_an_unauthenticated_call_points_at_the_protected_resource_metadata(base: str) -> None:
    answer = mcp_list(base, {})
    assert answer.status_code == 401
    challenge = answer.headers["www-authenticate"]
    assert f'resource_metadata="{base}/.well-known/oauth-protected-resource/mcp"' in challenge


def test_metadata_documents_describe_this_server(base: str) -> None:
    resource = httpx2.get(f"{base}/.well-known/oauth-protected-resource/mcp").json()
    assert resource["resource"] == f"{base}/mcp"
    assert resource["authorization_servers"] == [f"{base}/"] or resource["authorization_servers"] == [base]
    server = httpx2.get(f"{base}/.well-known/oauth-authorization-server").json()
    assert server["code_challenge_methods_supported"] == ["S256"]
    # /register accepts public clients, so the metadata must say `none` is supported (RFC 8414).
    assert "none" in server["token_endpoint_auth_methods_supported"]
    assert "none" in server["revocation_endpoint_auth_methods_supported"]
    for endpoint in (
        "authorization_endpoint",
        "token_endpoint",
        "registration_endpoint",
        "revocation_endpoint",
    ):
        assert server[endpoint].startswith(base)
    info = httpx2.get(f"{base}/mcp").json()
    assert {method["type"] for method in info["auth"]} == {"header", "oauth2"}
    health = httpx2.get(f"{base}/health").json()
    assert health["status"] == "ok" and health["token_store"] == "ok"


# --- registration


@pytest.mark.parametrize(
    "uri",
    ["http://evil.example/cb", "javascript:alert(1)", "ftp://127.0.0.1/cb", "https://ok.example/cb#frag"],
)
def test_registration_refuses_redirect_uris_that_are_not_https_or_loopback(base: str, uri: str) -> None:
    answer = register(base, [uri])
    assert answer.status_code == 400
    assert answer.json()["error"] in ("invalid_redirect_uri", "invalid_client_metadata")


def test_registration_accepts_https_and_loopback(base: str) -> None:
    answer = register(base, ["https://claude.ai/api/mcp/auth_callback", "http://localhost:33418/callback"])
    assert answer.status_code == 201
    assert answer.json()["client_id"]


# --- the front channel


def test_the_whole_flow_gives_a_token_that_lists_the_tools(base: str) -> None:
    _client_id, tokens = tokens_for(base, FAKE_API_KEY)
    assert tokens["token_type"] == "Bearer" and tokens["expires_in"] == 3600
    answer = mcp_list(base, {"authorization": f"Bearer {tokens['access_token']}"})
    assert answer.status_code == 200 and "get_ticket" in answer.text


def test_the_page_guides_the_person_in_portuguese(base: str) -> None:
    client_id = public_client(base)
    answer = authorize(base, client_id, Pkce.new())
    page = httpx2.get(answer.headers["location"], cookies=dict(answer.cookies))
    assert page.status_code == 200
    assert page.headers["x-frame-options"] == "DENY" and page.headers["cache-control"] == "no-store"
    text = page_text(page)
    for step in ("app.tiflux.com", "Minha conta", "Sessões API", "Gerar novo token de sessão"):
        assert step in text
    assert '<html lang="pt-BR">' in page.text and 'for="api_key"' in page.text


def test_a_bad_key_keeps_the_flow_and_says_why(base: str) -> None:
    client_id = public_client(base)
    pkce = Pkce.new()
    pending = PendingRequest.of(authorize(base, client_id, pkce))
    refused = submit_key(base, pending, "not-the-key-123")
    assert refused.status_code == 400
    assert "O TiFlux não aceitou esta chave" in page_text(refused)
    assert "not-the-key-123" not in refused.text
    params = redirected_params(submit_key(base, pending, FAKE_API_KEY))  # same request, now approved
    assert exchange(base, client_id, params["code"], pkce.verifier).status_code == 200


def test_cancelling_sends_access_denied_with_the_state(base: str) -> None:
    client_id = public_client(base)
    pending = PendingRequest.of(authorize(base, client_id, Pkce.new()))
    params = redirected_params(submit_key(base, pending, "", action="cancel"))
    assert params == {"error": "access_denied", "state": "st-123"}


def test_an_unknown_request_shows_that_it_expired(base: str) -> None:
    answer = submit_key(base, PendingRequest("made-up", {}), FAKE_API_KEY)
    assert answer.status_code == 400 and "expirou" in page_text(answer)


# --- rejections


# Refusals before the person has done anything are our page, never a redirect (RFC 9700 §4.11.2);
# test_oauth_attacks.py aims them at a client registered with an attacker's redirect URI.


def refused_here(answer: httpx2.Response, code: str) -> str:
    """The page's words, once sure the browser stays here: 400, HTML, no Location, no cookie."""
    assert answer.status_code == 400, answer.text
    assert "location" not in answer.headers and "set-cookie" not in answer.headers
    assert answer.headers["content-type"].startswith("text/html")
    assert answer.headers["cache-control"] == "no-store"
    text = page_text(answer)
    assert "Pedido de autorização inválido" in text and code in text
    return text


def test_authorize_without_pkce_is_refused(base: str) -> None:
    text = refused_here(authorize(base, public_client(base), None), "invalid_request")
    assert "code_challenge" in text


def test_plain_pkce_is_refused(base: str) -> None:
    answer = authorize(base, public_client(base), Pkce.new(), code_challenge_method="plain")
    assert "S256" in refused_here(answer, "invalid_request")


def test_an_unregistered_redirect_uri_is_refused_without_redirecting(base: str) -> None:
    answer = authorize(base, public_client(base), Pkce.new(), redirect_uri="http://127.0.0.1:9/other")
    assert "redirect_uri" in refused_here(answer, "invalid_request")


def test_a_token_for_another_resource_is_not_issued(base: str) -> None:
    answer = authorize(base, public_client(base), Pkce.new(), resource="https://other.example/mcp")
    assert f"{base}/mcp" in refused_here(answer, "invalid_target")


def test_a_code_works_once_and_its_reuse_revokes_what_it_gave(base: str) -> None:
    client_id = public_client(base)
    code, pkce = code_for(base, client_id, FAKE_API_KEY)
    first = exchange(base, client_id, code, pkce.verifier)
    assert first.status_code == 200
    second = exchange(base, client_id, code, pkce.verifier)
    assert second.status_code == 400 and second.json()["error"] == "invalid_grant"
    assert mcp_list(base, {"authorization": f"Bearer {first.json()['access_token']}"}).status_code == 401


def test_a_code_with_the_wrong_verifier_is_refused(base: str) -> None:
    client_id = public_client(base)
    code, _pkce = code_for(base, client_id, FAKE_API_KEY)
    answer = exchange(base, client_id, code, Pkce.new().verifier)
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_grant"


def test_a_code_of_another_client_is_refused(base: str) -> None:
    code, pkce = code_for(base, public_client(base), FAKE_API_KEY)
    answer = exchange(base, public_client(base), code, pkce.verifier)
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_grant"


def test_refresh_rotates_and_a_reused_refresh_token_kills_the_family(base: str) -> None:
    client_id, tokens = tokens_for(base, FAKE_API_KEY)
    rotated = refresh(base, client_id, str(tokens["refresh_token"]))
    assert rotated.status_code == 200
    new = rotated.json()
    assert new["refresh_token"] != tokens["refresh_token"] and new["access_token"] != tokens["access_token"]
    assert mcp_list(base, {"authorization": f"Bearer {new['access_token']}"}).status_code == 200
    replay = refresh(base, client_id, str(tokens["refresh_token"]))
    assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"
    assert mcp_list(base, {"authorization": f"Bearer {new['access_token']}"}).status_code == 401
    assert refresh(base, client_id, str(new["refresh_token"])).status_code == 400


def test_a_public_client_revokes_in_the_rfc_form_and_the_family_dies(base: str) -> None:
    """RFC 7009 §2.1 from a `none` client: token and client_id, no client_secret field at all."""
    client_id, tokens = tokens_for(base, FAKE_API_KEY)
    answer = httpx2.post(f"{base}/revoke", data={"token": tokens["access_token"], "client_id": client_id})
    assert answer.status_code == 200 and answer.headers["cache-control"] == "no-store"
    assert mcp_list(base, {"authorization": f"Bearer {tokens['access_token']}"}).status_code == 401
    assert refresh(base, client_id, str(tokens["refresh_token"])).status_code == 400


@pytest.mark.parametrize("hint", [None, "refresh_token", "access_token", "something_else"])
def test_revoking_the_refresh_token_ends_the_grant_whatever_the_hint(base: str, hint: str | None) -> None:
    client_id, tokens = tokens_for(base, FAKE_API_KEY)
    extra = {"token_type_hint": hint} if hint else {}
    assert revoke(base, client_id, str(tokens["refresh_token"]), **extra).status_code == 200
    assert refresh(base, client_id, str(tokens["refresh_token"])).status_code == 400
    assert mcp_list(base, {"authorization": f"Bearer {tokens['access_token']}"}).status_code == 401


def test_an_empty_client_secret_from_a_public_client_is_still_accepted(base: str) -> None:
    client_id, tokens = tokens_for(base, FAKE_API_KEY)
    assert revoke(base, client_id, str(tokens["access_token"]), client_secret="").status_code == 200
    assert mcp_list(base, {"authorization": f"Bearer {tokens['access_token']}"}).status_code == 401


def test_a_client_cannot_revoke_another_clients_token(base: str) -> None:
    _client_id, tokens = tokens_for(base, FAKE_API_KEY)
    assert revoke(base, public_client(base), str(tokens["access_token"])).status_code == 200  # RFC 7009
    assert mcp_list(base, {"authorization": f"Bearer {tokens['access_token']}"}).status_code == 200


def test_revocation_without_a_token_or_with_an_unknown_client_is_refused(base: str) -> None:
    missing = httpx2.post(f"{base}/revoke", data={"client_id": public_client(base)})
    assert missing.status_code == 400 and missing.json()["error"] == "invalid_request"
    unknown = revoke(base, "no-such-client", "whatever")
    assert unknown.status_code == 401 and unknown.json()["error"] == "invalid_client"


def test_a_confidential_client_must_send_its_secret_to_revoke(base: str) -> None:
    registered = register(base, token_endpoint_auth_method="client_secret_post").json()
    client_id, secret = registered["client_id"], registered["client_secret"]
    code, pkce = code_for(base, client_id, FAKE_API_KEY)
    tokens = exchange(base, client_id, code, pkce.verifier, client_secret=secret).json()
    bearer = {"authorization": f"Bearer {tokens['access_token']}"}
    assert revoke(base, client_id, tokens["access_token"]).status_code == 401
    assert revoke(base, client_id, tokens["access_token"], client_secret="wrong").status_code == 401
    assert mcp_list(base, bearer).status_code == 200
    assert revoke(base, client_id, tokens["access_token"], client_secret=secret).status_code == 200
    assert mcp_list(base, bearer).status_code == 401


def test_a_made_up_bearer_token_is_401(base: str) -> None:
    answer = mcp_list(base, {"authorization": "Bearer forged"})
    assert answer.status_code == 401 and 'error="invalid_token"' in answer.headers["www-authenticate"]


# --- the official client, both ways


async def test_the_official_client_lists_and_calls_tools_with_a_bearer_token(base: str) -> None:
    _client_id, tokens = tokens_for(base, FAKE_API_KEY)
    headers = {"authorization": f"Bearer {tokens['access_token']}"}
    async with (
        httpx2.AsyncClient(headers=headers, timeout=20) as http,
        Client(streamable_http_client(f"{base}/mcp", http_client=http)) as client,
    ):
        tools = (await client.list_tools()).tools
        result = await client.call_tool("get_ticket", {"ticket_number": "1040"})
    assert len(tools) == DEFAULT_TOOL_COUNT
    assert not result.is_error and "#1040" in result.content[0].text  # type: ignore[union-attr]


def test_the_key_is_stored_encrypted_and_tokens_only_as_hashes(base: str, workdir: Path) -> None:
    _client_id, tokens = tokens_for(base, FAKE_API_KEY)
    stored = (workdir / "grants.db").read_bytes()
    for wal in workdir.glob("grants.db-wal"):
        stored += wal.read_bytes()
    for secret in (FAKE_API_KEY, str(tokens["access_token"]), str(tokens["refresh_token"])):
        assert secret.encode() not in stored
    log = (workdir / "server.log").read_text()
    assert FAKE_API_KEY not in log and str(tokens["access_token"]) not in log


def test_redirect_uri_must_match_exactly_at_the_token_endpoint(base: str) -> None:
    client_id = public_client(base)
    code, pkce = code_for(base, client_id, FAKE_API_KEY)
    answer = exchange(base, client_id, code, pkce.verifier, redirect_uri=REDIRECT_URI + "x")
    assert answer.status_code == 400


def test_serving_with_a_real_backend_and_no_secret_key_refuses_to_start(tmp_path: Path) -> None:
    env = hosted_env()
    env.pop("TIFLUX_MCP_SECRET_KEY")
    done = subprocess.run(
        [SERVER, "serve", "--port", str(free_port())], env=env, cwd=tmp_path, capture_output=True, timeout=30
    )
    assert done.returncode == 2
    assert b"TIFLUX_MCP_SECRET_KEY" in done.stderr and b"urlsafe_b64encode" in done.stderr


class MemoryTokens:
    """Token storage for the SDK's OAuth client."""

    def __init__(self) -> None:
        self.tokens: OAuthToken | None = None
        self.client: OAuthClientInformationFull | None = None

    async def get_tokens(self) -> OAuthToken | None:
        return self.tokens

    async def set_tokens(self, tokens: OAuthToken) -> None:
        self.tokens = tokens

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        return self.client

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        self.client = client_info


async def test_the_sdk_oauth_client_discovers_registers_and_connects_by_itself(base: str) -> None:
    """Discovery from the 401, dynamic registration, PKCE, our page (a person pasting the key), tokens."""
    redirected: dict[str, str] = {}

    async def person_pastes_the_key(authorization_url: str) -> None:
        async with httpx2.AsyncClient(timeout=20) as browser:
            to_page = await browser.get(authorization_url)
            request_id = page_request_id(to_page.headers["location"])
            answer = await browser.post(
                f"{base}/authorize/key", data={"request": request_id, "api_key": FAKE_API_KEY}
            )
        redirected.update(redirected_params(answer))

    async def callback() -> AuthorizationCodeResult:
        return AuthorizationCodeResult(code=redirected["code"], state=redirected.get("state"))

    storage = MemoryTokens()
    auth = OAuthClientProvider(
        server_url=f"{base}/mcp",
        client_metadata=OAuthClientMetadata(
            redirect_uris=[AnyUrl(REDIRECT_URI)], client_name="SDK client", token_endpoint_auth_method="none"
        ),
        storage=storage,
        redirect_handler=person_pastes_the_key,
        callback_handler=callback,
    )
    async with (
        httpx2.AsyncClient(auth=auth, timeout=20) as http,
        Client(streamable_http_client(f"{base}/mcp", http_client=http)) as client,
    ):
        result = await client.call_tool("list_desks", {})
    assert not result.is_error and "Cansados" in result.content[0].text  # type: ignore[union-attr]
    assert storage.tokens is not None and storage.tokens.refresh_token
