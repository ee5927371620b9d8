"""The authorization server attacked over HTTP, as issue 16 found it (findings 4–7), against real processes.

Each attack names what it did before the fix: registrations and authorize requests without limit or size
caps, errors redirected to an attacker's URI, a spoofable consent page, and a key form that took 300
guesses in a second and approved from another site.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2
import pytest

from tests.e2e.conftest import FAKE_API_KEY, hosted_env, hosted_server
from tests.oauth_steps import (
    PendingRequest,
    Pkce,
    authorize,
    exchange,
    page_text,
    public_client,
    redirected_params,
    register,
    submit_key,
)

EVIL = "https://evil.example/phish"
GENEROUS = {
    "TIFLUX_OAUTH_REGISTER_PER_MINUTE": "1000",
    "TIFLUX_OAUTH_AUTHORIZE_PER_MINUTE": "1000",
    "TIFLUX_OAUTH_KEY_TRIES_PER_MINUTE": "1000",
}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("oauth-attacks")


@pytest.fixture(scope="module")
def base(fake_tiflux: str, workdir: Path) -> Iterator[str]:
    """Limits high enough for one module of tests from 127.0.0.1; attempts per request at 5."""
    env = hosted_env(
        TIFLUX_API_BASE_URL=fake_tiflux,
        TIFLUX_MCP_STORE_URL=f"sqlite:///{workdir}/grants.db",
        TIFLUX_OAUTH_KEY_ATTEMPTS="5",
        **GENEROUS,
    )
    with hosted_server(env, workdir / "server.log") as url:
        yield url


@pytest.fixture
def strict(fake_tiflux: str, tmp_path: Path) -> Iterator[str]:
    """A server of its own with small per-source limits (its counters start at zero)."""
    env = hosted_env(
        TIFLUX_API_BASE_URL=fake_tiflux,
        TIFLUX_OAUTH_REGISTER_PER_MINUTE="5",
        TIFLUX_OAUTH_AUTHORIZE_PER_MINUTE="8",
        TIFLUX_OAUTH_KEY_TRIES_PER_MINUTE="6",
    )
    with hosted_server(env, tmp_path / "server.log") as url:
        yield url


def within_one_minute() -> None:
    """Limits count per wall-clock minute: start a flood with 20 s of its minute left, so it fits in one."""
    left = 60 - time.time() % 60
    if left < 20:
        time.sleep(left + 0.1)


def evil_client(base: str, **extra: object) -> str:
    answer = register(base, [EVIL], **extra)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["client_id"])


def stays_here(answer: httpx2.Response) -> str:
    """An error the person reads on our page: no redirect anywhere, no cookie; returns the words."""
    assert answer.status_code == 400, answer.text
    assert "location" not in answer.headers and "set-cookie" not in answer.headers
    assert answer.headers["content-type"].startswith("text/html")
    return page_text(answer)


# --- finding 5: errors before the person acted are never redirected


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"scope": "admin"}, "invalid_scope"),
        ({"code_challenge": None, "code_challenge_method": None}, "invalid_request"),
        ({"code_challenge_method": "plain"}, "invalid_request"),
        ({"code_challenge": "short"}, "invalid_request"),
        ({"response_type": "token"}, "unsupported_response_type"),
        ({"resource": "https://other.example/mcp"}, "invalid_target"),
        ({"state": "s" * 60_000}, "invalid_request"),
    ],
)
def test_no_error_sends_the_browser_to_a_registered_attackers_uri(
    base: str, overrides: dict[str, str | None], code: str
) -> None:
    # Before: 302 to https://evil.example/phish?error=... with no click at all.
    answer = authorize(base, evil_client(base), Pkce.new(), redirect_uri=EVIL, **overrides)
    text = stays_here(answer)
    assert code in text and "evil.example" not in answer.text
    assert "Nada foi enviado ao aplicativo" in text


def test_a_repeated_parameter_or_a_form_post_is_refused_on_our_page_too(base: str) -> None:
    client_id = evil_client(base)
    pkce = Pkce.new()
    query = (
        f"response_type=code&client_id={client_id}&redirect_uri={EVIL}&code_challenge={pkce.challenge}"
        "&scope=tiflux&scope=admin"
    )
    assert "scope" in stays_here(httpx2.get(f"{base}/authorize?{query}"))
    posted = httpx2.post(
        f"{base}/authorize", data={"response_type": "token", "client_id": client_id, "redirect_uri": EVIL}
    )
    assert "unsupported_response_type" in stays_here(posted)


def test_only_the_persons_cancel_sends_the_browser_back_to_the_client(base: str) -> None:
    pending = PendingRequest.of(authorize(base, public_client(base), Pkce.new()))
    assert redirected_params(submit_key(base, pending, "", action="cancel"))["error"] == "access_denied"


# --- finding 6: the consent page cannot be spoofed


def test_the_page_shows_a_clean_name_says_unverified_and_names_where_access_goes(base: str) -> None:
    spoof = "Claude\u202e\u2066moc.evil\u2069\u200b"
    client_id = evil_client(base, client_name=spoof)
    answer = authorize(base, client_id, Pkce.new(), redirect_uri=EVIL)
    page = httpx2.get(answer.headers["location"], cookies=dict(answer.cookies))
    assert page.status_code == 200
    for hidden in ("\u202e", "\u2066", "\u2069", "\u200b"):
        assert hidden not in page.text
    text = page_text(page)
    assert "Claudemoc.evil" in text
    assert "não é verificado" in text
    assert "o acesso será enviado para evil.example" in " ".join(text.split())


def test_a_long_client_name_is_refused_at_registration(base: str) -> None:
    answer = register(base, client_name="Claude " + "x" * 100)
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_client_metadata"
    assert "80" in answer.json()["error_description"]


# --- finding 4: registration and /authorize cannot fill the disk


def test_oversized_registrations_are_refused_and_the_store_stays_small(base: str, workdir: Path) -> None:
    def stored() -> int:
        return sum(path.stat().st_size for path in workdir.glob("grants.db*"))

    before = stored()
    # Before: a 4 MiB client_name was stored (20 such registrations grew the store by 78 MB).
    assert register(base, client_name="n" * 4_000_000).status_code == 413
    many_uris = [f"http://127.0.0.1:{port}/cb" for port in range(1, 50)]
    assert register(base, many_uris).status_code == 400
    long_uri = "https://ok.example/" + "a" * 5000
    assert register(base, [long_uri]).status_code == 400
    assert register(base, contacts=["x" * 300]).status_code == 400
    assert register(base, jwks={"keys": [{"n": "x" * 5_000}]}).status_code == 400
    client_id = public_client(base)
    for _ in range(20):  # a 60 KB state was stored per pending request
        assert authorize(base, client_id, Pkce.new(), state="s" * 60_000).status_code == 400
    assert stored() - before < 1_000_000


def test_registrations_from_one_address_are_rate_limited(strict: str) -> None:
    within_one_minute()
    # Before: 500 registrations in 0.6 s, all 201.
    codes = [register(strict).status_code for _ in range(30)]
    assert codes[:5] == [201] * 5 and set(codes[5:]) == {429}
    refused = register(strict)
    assert refused.json()["error"] == "rate_limited"
    assert 1 <= int(refused.headers["retry-after"]) <= 60


def test_one_address_flooding_leaves_the_others_their_budget(strict: str) -> None:
    """Addresses as a trusted local proxy reports them (X-Forwarded-For); an IPv6 /64 is one source."""

    def register_from(address: str) -> int:
        body = {"redirect_uris": ["http://127.0.0.1:9/cb"], "token_endpoint_auth_method": "none"}
        answer = httpx2.post(f"{strict}/register", json=body, headers={"x-forwarded-for": address})
        return answer.status_code

    within_one_minute()
    assert [register_from("203.0.113.7") for _ in range(7)][-2:] == [429, 429]
    assert register_from("203.0.113.8") == 201
    assert [register_from(f"2001:db8::{n}") for n in range(1, 8)][-2:] == [429, 429]
    assert register_from("2001:db8:0:1::1") == 201  # another /64


def test_authorize_requests_from_one_address_are_rate_limited(strict: str) -> None:
    within_one_minute()
    client_id = public_client(strict)
    codes = [authorize(strict, client_id, Pkce.new()).status_code for _ in range(20)]
    assert codes[:8] == [302] * 8 and set(codes[8:]) == {429}
    refused = authorize(strict, client_id, Pkce.new())
    assert "Muitas tentativas" in page_text(refused) and int(refused.headers["retry-after"]) >= 1


def test_a_client_that_never_gets_a_token_expires(fake_tiflux: str, tmp_path: Path) -> None:
    env = hosted_env(
        TIFLUX_API_BASE_URL=fake_tiflux, TIFLUX_OAUTH_CLIENT_FIRST_USE_HOURS="0.0005", **GENEROUS
    )
    with hosted_server(env, tmp_path / "server.log") as server:
        unused, used = public_client(server), public_client(server)
        pending = PendingRequest.of(authorize(server, used, pkce := Pkce.new()))
        code = redirected_params(submit_key(server, pending, FAKE_API_KEY))["code"]
        assert exchange(server, used, code, pkce.verifier).status_code == 200  # its first token
        time.sleep(2.5)  # 0.0005 h = 1.8 s
        assert "não está registrado" in stays_here(authorize(server, unused, Pkce.new()))
        assert authorize(server, used, Pkce.new()).status_code == 302  # kept for the idle period


# --- finding 7: the key form


def test_a_request_dies_after_five_wrong_keys(base: str) -> None:
    # Before: 300 wrong keys against one request in 0.9 s, each a GET /users/me upstream.
    pending = PendingRequest.of(authorize(base, public_client(base), Pkce.new()))
    lefts = [page_text(submit_key(base, pending, f"wrong-{n}")) for n in range(4)]
    assert ["Restam 4" in lefts[0], "Restam 3" in lefts[1], "Restam 2" in lefts[2]] == [True] * 3
    assert "Resta 1 tentativa" in lefts[3]
    closed = submit_key(base, pending, "wrong-5")
    assert closed.status_code == 400 and "encerrado depois de 5 chaves recusadas" in page_text(closed)
    after = submit_key(base, pending, FAKE_API_KEY)  # even the right key: the request is gone
    assert after.status_code == 400 and "expirou" in page_text(after)


def test_parallel_guesses_get_no_more_tries_than_allowed(base: str) -> None:
    pending = PendingRequest.of(authorize(base, public_client(base), Pkce.new()))
    with ThreadPoolExecutor(max_workers=10) as pool:
        pages = list(pool.map(lambda n: page_text(submit_key(base, pending, f"wrong-{n}")), range(30)))
    assert sum("Resta" in text for text in pages) == 4  # tries 1–4 were checked and kept the request
    assert all("Resta" in text or "encerrado" in text or "expirou" in text for text in pages)
    assert submit_key(base, pending, FAKE_API_KEY).status_code == 400


def test_key_posts_from_one_address_are_rate_limited(strict: str) -> None:
    within_one_minute()
    client_id = public_client(strict)
    pendings = [PendingRequest.of(authorize(strict, client_id, Pkce.new())) for _ in range(4)]
    codes = [submit_key(strict, pendings[n % 4], f"wrong-{n}").status_code for n in range(10)]
    assert codes[:6] == [400] * 6 and set(codes[6:]) == {429}


def test_the_form_works_only_in_the_browser_that_opened_the_request(base: str) -> None:
    client_id = public_client(base)
    answer = authorize(base, client_id, Pkce.new())
    mine = PendingRequest.of(answer)
    cookie = answer.headers["set-cookie"].lower()
    for attribute in ("httponly", "samesite=lax", "path=/", "max-age=600"):
        assert attribute in cookie
    assert "secure" not in cookie  # plain http on loopback; see the https test below
    others = PendingRequest.of(authorize(base, client_id, Pkce.new())).cookies  # another browser
    for cookies in ({}, others):
        assert httpx2.get(answer.headers["location"], cookies=cookies).status_code == 403
        stolen = submit_key(base, PendingRequest(mine.request_id, cookies), FAKE_API_KEY)
        assert stolen.status_code == 403 and "navegador que o abriu" in page_text(stolen)
    assert submit_key(base, mine, FAKE_API_KEY).status_code == 303  # the request lived on


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://evil.example"},
        {"origin": "https://evil.example", "sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "cross-site"},
        {"origin": "null", "sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
    ],
)
def test_a_post_from_another_site_approves_nothing(base: str, headers: dict[str, str]) -> None:
    # Before: a cross-origin POST with the request id approved (303 with a code).
    pending = PendingRequest.of(authorize(base, public_client(base), Pkce.new()))
    refused = submit_key(base, pending, FAKE_API_KEY, headers=headers)
    assert refused.status_code == 403 and "Nada foi autorizado" in page_text(refused)
    same = {"origin": base, "sec-fetch-site": "same-origin"}
    assert submit_key(base, pending, FAKE_API_KEY, headers=same).status_code == 303


def test_under_https_the_cookie_is_secure_and_host_only(fake_tiflux: str, tmp_path: Path) -> None:
    public = "https://mcp.example.test"
    env = hosted_env(TIFLUX_API_BASE_URL=fake_tiflux, TIFLUX_PUBLIC_BASE_URL=public, **GENEROUS)
    with hosted_server(env, tmp_path / "server.log") as server:
        answer = authorize(server, public_client(server), Pkce.new(), resource=f"{public}/mcp")
    assert answer.status_code == 302, answer.text
    cookie = answer.headers["set-cookie"].lower()
    assert cookie.startswith("__host-tiflux-mcp-browser=") and "secure" in cookie and "domain" not in cookie


def test_the_limits_hold_across_replicas_sharing_redis(
    fake_tiflux: str, redis_url: str, tmp_path: Path
) -> None:
    """Two replicas on one Redis share each address's budget: a flood split between them gains nothing."""
    env = hosted_env(
        TIFLUX_API_BASE_URL=fake_tiflux,
        TIFLUX_MCP_STORE_URL=redis_url,
        TIFLUX_PUBLIC_BASE_URL="http://localhost:18080",
        TIFLUX_OAUTH_REGISTER_PER_MINUTE="6",
    )
    address = f"198.51.100.{secrets.randbelow(250) + 1}, 192.0.2.{secrets.randbelow(250) + 1}"
    body = {"redirect_uris": ["http://127.0.0.1:9/cb"], "token_endpoint_auth_method": "none"}
    with hosted_server(env, tmp_path / "a.log") as a, hosted_server(env, tmp_path / "b.log") as b:
        within_one_minute()
        codes = [
            httpx2.post(f"{server}/register", json=body, headers={"x-forwarded-for": address}).status_code
            for server in (a, b) * 5
        ]
    assert codes.count(201) == 6 and codes.count(429) == 4
