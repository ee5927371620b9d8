"""The OAuth provider on its own: lifetimes on a controlled clock, families, sealing, registration rules."""

from __future__ import annotations

import time
import unicodedata

import pytest
from mcp.server.auth.provider import AuthorizationParams, AuthorizeError, RegistrationError, TokenError
from mcp.shared.auth import OAuthClientInformationFull
from pydantic import AnyUrl

from adapters.oauth.client_metadata import display_name
from adapters.oauth.provider import Lifetimes, PendingExpired, TifluxOAuthProvider
from adapters.oauth.sealing import KeySealer, SecretKeyProblem, ephemeral_secret_key, token_hash
from adapters.oauth.stores.sqlite import SqliteGrantStore

pytestmark = pytest.mark.anyio

RESOURCE = "http://127.0.0.1:8080/mcp"
REDIRECT = "http://127.0.0.1:9/cb"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def provider(clock: Clock) -> TifluxOAuthProvider:
    return TifluxOAuthProvider(
        SqliteGrantStore(":memory:"),
        KeySealer(ephemeral_secret_key()),
        resource_url=RESOURCE,
        page_url="http://127.0.0.1:8080/authorize/key",
        clock=clock,
    )


def client(**extra: object) -> OAuthClientInformationFull:
    return OAuthClientInformationFull.model_validate(
        {"client_id": "c1", "redirect_uris": [REDIRECT], "token_endpoint_auth_method": "none", **extra}
    )


def params(**overrides: object) -> AuthorizationParams:
    values: dict[str, object] = {
        "state": "s",
        "scopes": ["tiflux"],
        "code_challenge": "x" * 43,
        "redirect_uri": AnyUrl(REDIRECT),
        "redirect_uri_provided_explicitly": True,
        "resource": RESOURCE,
    } | overrides
    return AuthorizationParams(**values)  # type: ignore[arg-type]


async def granted(provider: TifluxOAuthProvider, api_key: str = "tenant-key") -> tuple[str, str]:
    """Register, authorise, approve and exchange: (access token, refresh token)."""
    await provider.register_client(client())
    page = await provider.authorize(client(), params())
    request_id = page.split("request=")[1]
    location = await provider.approve(request_id, api_key, "tiflux-user:1")
    code = location.split("code=")[1].split("&")[0]
    loaded = await provider.load_authorization_code(client(), code)
    assert loaded is not None
    tokens = await provider.exchange_authorization_code(client(), loaded)
    assert tokens.refresh_token
    return tokens.access_token, tokens.refresh_token


async def test_an_access_token_lives_one_hour(provider: TifluxOAuthProvider, clock: Clock) -> None:
    access, _refresh = await granted(provider)
    found = await provider.authenticate(access)
    assert found is not None and found[1] == "tenant-key" and found[0].resource == RESOURCE
    clock.now += Lifetimes().access - 1
    assert await provider.authenticate(access) is not None
    clock.now += 2
    assert await provider.authenticate(access) is None


async def test_a_code_lives_ten_minutes(provider: TifluxOAuthProvider) -> None:
    await provider.register_client(client())
    request_id = (await provider.authorize(client(), params())).split("request=")[1]
    location = await provider.approve(request_id, "k", None)
    code = location.split("code=")[1].split("&")[0]
    loaded = await provider.load_authorization_code(client(), code)
    assert loaded is not None and loaded.expires_at == pytest.approx(1_800_000_000.0 + 600)


async def test_a_pending_request_is_answered_once(provider: TifluxOAuthProvider) -> None:
    request_id = (await provider.authorize(client(), params())).split("request=")[1]
    await provider.approve(request_id, "k", None)
    assert await provider.pending(request_id) is None
    with pytest.raises(PendingExpired):
        await provider.approve(request_id, "k", None)


async def test_another_audience_is_refused_at_authorize(provider: TifluxOAuthProvider) -> None:
    with pytest.raises(AuthorizeError) as refused:
        await provider.authorize(client(), params(resource="https://other.example/mcp"))
    assert refused.value.error == "invalid_target"


async def test_no_resource_means_this_server(provider: TifluxOAuthProvider) -> None:
    await provider.authorize(client(), params(resource=None))  # accepted, bound to RESOURCE


async def test_a_reused_refresh_token_kills_the_family(provider: TifluxOAuthProvider) -> None:
    access, refresh = await granted(provider)
    loaded = await provider.load_refresh_token(client(), refresh)
    assert loaded is not None
    rotated = await provider.exchange_refresh_token(client(), loaded, ["tiflux"])
    assert await provider.authenticate(rotated.access_token) is not None
    assert await provider.load_refresh_token(client(), refresh) is None  # the replay is seen ...
    assert await provider.authenticate(rotated.access_token) is None  # ... and the family is dead
    assert await provider.authenticate(access) is None


async def test_a_concurrent_second_exchange_of_one_refresh_token_fails(provider: TifluxOAuthProvider) -> None:
    _access, refresh = await granted(provider)
    loaded = await provider.load_refresh_token(client(), refresh)
    assert loaded is not None
    await provider.exchange_refresh_token(client(), loaded, ["tiflux"])
    with pytest.raises(TokenError):
        await provider.exchange_refresh_token(client(), loaded, ["tiflux"])


async def test_revoking_a_refresh_token_revokes_its_access_tokens(provider: TifluxOAuthProvider) -> None:
    access, refresh = await granted(provider)
    loaded = await provider.load_refresh_token(client(), refresh)
    assert loaded is not None
    await provider.revoke_token(loaded)
    assert await provider.authenticate(access) is None
    assert await provider.load_refresh_token(client(), refresh) is None


async def test_the_store_holds_no_token_and_no_key_in_clear(provider: TifluxOAuthProvider) -> None:
    access, refresh = await granted(provider, api_key="tenant-key-VERY-SECRET")
    store = provider.store
    assert isinstance(store, SqliteGrantStore)
    rows = await store._run(lambda db: db.execute("SELECT kind, key, value FROM grants").fetchall())
    dump = repr(rows)
    for secret in ("tenant-key-VERY-SECRET", access, refresh):
        assert secret not in dump
    assert token_hash(access) in dump


async def test_a_grant_sealed_with_another_secret_is_unusable(clock: Clock) -> None:
    store = SqliteGrantStore(":memory:")
    first = TifluxOAuthProvider(
        store, KeySealer(ephemeral_secret_key()), resource_url=RESOURCE, page_url="p", clock=clock
    )
    access, _refresh = await granted(first)
    rotated_secret = TifluxOAuthProvider(
        store, KeySealer(ephemeral_secret_key()), resource_url=RESOURCE, page_url="p", clock=clock
    )
    assert await rotated_secret.authenticate(access) is None


@pytest.mark.parametrize(
    "uri", ["http://example.com/cb", "custom-app:/cb", "https://ok.example/cb#x", "http://10.0.0.1/cb"]
)
async def test_registration_refuses_unsafe_redirect_uris(provider: TifluxOAuthProvider, uri: str) -> None:
    with pytest.raises(RegistrationError) as refused:
        await provider.register_client(
            OAuthClientInformationFull(client_id="bad", redirect_uris=[AnyUrl(uri)])
        )
    assert refused.value.error == "invalid_redirect_uri"


@pytest.mark.parametrize(
    "uri", ["https://claude.ai/api/mcp/auth_callback", "http://localhost:1/cb", "http://[::1]:5/cb"]
)
async def test_registration_accepts_https_and_loopback(provider: TifluxOAuthProvider, uri: str) -> None:
    await provider.register_client(OAuthClientInformationFull(client_id="ok", redirect_uris=[AnyUrl(uri)]))
    assert await provider.get_client("ok") is not None


async def test_a_client_secret_is_kept_sealed(provider: TifluxOAuthProvider) -> None:
    await provider.register_client(client(client_secret="s3cr3t-value"))
    stored = await provider.store.get("client", "c1")
    assert stored is not None and "s3cr3t-value" not in stored
    found = await provider.get_client("c1")
    assert found is not None and found.client_secret == "s3cr3t-value"


@pytest.mark.parametrize("secret", [None, "", "not-a-fernet-key"])
def test_a_missing_or_bad_secret_key_says_how_to_make_one(secret: str | None) -> None:
    with pytest.raises(SecretKeyProblem, match="TIFLUX_MCP_SECRET_KEY"):
        KeySealer(secret)


# --- what a stranger may store (issue 16, findings 4 and 6)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("client_name", "n" * 81),
        ("client_name", "n" * 40 + "\u200b" * 400),  # hidden padding counts too
        ("redirect_uris", [AnyUrl(f"http://127.0.0.1:{port}/cb") for port in range(1, 12)]),
        ("redirect_uris", [AnyUrl("https://ok.example/" + "a" * 2000)]),
        ("client_uri", "https://ok.example/" + "a" * 2000),
        ("logo_uri", "https://ok.example/" + "a" * 2000),
        ("contacts", ["a@b.example"] * 11),
        ("contacts", ["a" * 201]),
        ("software_id", "s" * 201),
        ("software_version", "v" * 201),
        ("grant_types", ["authorization_code", "x" * 201]),
        ("jwks", {"keys": [{"n": "x" * 5_000}]}),
        ("redirect_uris", [AnyUrl(f"https://ok.example/{n}/" + "a" * 1900) for n in range(9)]),  # 17 KB
    ],
)
async def test_registration_caps_every_field(
    provider: TifluxOAuthProvider, field: str, value: object
) -> None:
    values: dict[str, object] = {"client_id": "big", "redirect_uris": [AnyUrl(REDIRECT)], field: value}
    with pytest.raises(RegistrationError) as refused:
        await provider.register_client(OAuthClientInformationFull.model_validate(values))
    assert refused.value.error in ("invalid_client_metadata", "invalid_redirect_uri")
    assert refused.value.error_description and "at most" in refused.value.error_description
    assert await provider.store.get("client", "big") is None


async def test_a_registered_name_is_stored_as_plain_visible_text(provider: TifluxOAuthProvider) -> None:
    await provider.register_client(client(client_name="Claude\u202e\u2066moc.live\u2069 \u0000\n Desktop"))
    found = await provider.get_client("c1")
    assert found is not None and found.client_name == "Claudemoc.live Desktop"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Claude", "Claude"),
        ("Cla\u202eude", "Claude"),  # right-to-left override
        ("A\u2066B\u2067C\u2068D\u2069", "ABCD"),  # isolates
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("line\u2028break\u2029here", "line break here"),
        ("tab\tand\r\nnewline", "tab and newline"),
        # Composed first (NFC), then at most 2 combining marks on any character.
        (
            "Z\u0301\u0302\u0303\u0304\u0305alg\u0306o",
            unicodedata.normalize("NFC", "Z\u0301\u0302\u0303alg\u0306o"),
        ),
        ("x" * 200, "x" * 79 + "…"),
        ("Ação Çedilha", "Ação Çedilha"),
        (None, ""),
    ],
)
def test_a_client_name_is_shown_without_hidden_characters_and_short(raw: str | None, shown: str) -> None:
    assert display_name(raw) == shown


async def expiry_of(provider: TifluxOAuthProvider, kind: str, key: str) -> float:
    store = provider.store
    assert isinstance(store, SqliteGrantStore)
    rows = await store._run(
        lambda db: db.execute(
            "SELECT expires_at FROM grants WHERE kind = ? AND key = ?", (kind, key)
        ).fetchall()
    )
    assert rows and rows[0][0] is not None
    return float(rows[0][0]) - time.time()


async def test_a_client_lives_a_day_unused_and_ninety_days_after_each_token(
    provider: TifluxOAuthProvider,
) -> None:
    await provider.register_client(client())
    assert await expiry_of(provider, "client", "c1") == pytest.approx(24 * 3600, abs=60)
    _access, refresh = await granted(provider)  # its first tokens
    assert await expiry_of(provider, "client", "c1") == pytest.approx(90 * 24 * 3600, abs=60)
    loaded = await provider.load_refresh_token(client(), refresh)
    assert loaded is not None
    await provider.store.put("client", "c1", (await provider.store.get("client", "c1")) or "", 5)
    await provider.exchange_refresh_token(client(), loaded, ["tiflux"])  # a refresh is a use too
    assert await expiry_of(provider, "client", "c1") == pytest.approx(90 * 24 * 3600, abs=60)


async def test_the_browser_that_opened_a_request_is_kept_only_as_a_hash(
    provider: TifluxOAuthProvider,
) -> None:
    request_id = (await provider.authorize(client(), params(), browser="browser-id-123")).split("request=")[1]
    pending = await provider.pending(request_id)
    assert pending is not None and pending.browser == token_hash("browser-id-123")
