"""Several replicas on one Redis: any replica answers any request of a grant another replica issued.

Two `tiflux-mcp serve` processes share TIFLUX_MCP_STORE_URL (a real redis-server), the secret key and the
public URL (as behind one load balancer). A token issued through replica A works on replica B, and a
revocation on B is seen by A at once: nothing about grants lives in a process. An account's rate is one
budget whichever replica its calls reach.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import FAKE_API_KEY, hosted_env, hosted_server
from tests.oauth_steps import Pkce, authorize, mcp_list, public_client, refresh, revoke, tokens_for

PUBLIC = "http://localhost:18080"  # the load balancer's URL, the same for every replica


@pytest.fixture
def replicas(fake_api: str, redis_url: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    env = hosted_env(
        TIFLUX_API_BASE_URL=fake_api, TIFLUX_MCP_STORE_URL=redis_url, TIFLUX_PUBLIC_BASE_URL=PUBLIC
    )
    with hosted_server(env, tmp_path / "a.log") as a, hosted_server(env, tmp_path / "b.log") as b:
        yield a, b


def test_a_grant_issued_on_one_replica_works_on_the_other_and_dies_on_both(
    replicas: tuple[str, str],
) -> None:
    a, b = replicas
    client_id, tokens = tokens_for(a, FAKE_API_KEY, resource=f"{PUBLIC}/mcp")
    bearer = {"authorization": f"Bearer {tokens['access_token']}"}
    assert mcp_list(b, bearer).status_code == 200
    assert mcp_list(a, bearer).status_code == 200

    rotated = refresh(b, client_id, str(tokens["refresh_token"]))  # rotation on B ...
    assert rotated.status_code == 200
    new = rotated.json()
    assert refresh(a, client_id, str(tokens["refresh_token"])).status_code == 400  # ... replay seen on A
    assert mcp_list(a, {"authorization": f"Bearer {new['access_token']}"}).status_code == 401  # family dead


def test_a_revocation_on_one_replica_is_seen_by_the_other(replicas: tuple[str, str]) -> None:
    a, b = replicas
    client_id, tokens = tokens_for(a, FAKE_API_KEY, resource=f"{PUBLIC}/mcp")
    bearer = {"authorization": f"Bearer {tokens['access_token']}"}
    assert mcp_list(a, bearer).status_code == 200
    assert revoke(b, client_id, str(tokens["access_token"])).status_code == 200
    assert mcp_list(a, bearer).status_code == 401
    assert mcp_list(b, bearer).status_code == 401


def test_a_client_registered_on_one_replica_authorises_on_the_other(replicas: tuple[str, str]) -> None:
    a, b = replicas
    client_id = public_client(a)
    answer = authorize(b, client_id, Pkce.new(), resource=f"{PUBLIC}/mcp")
    assert answer.status_code == 302 and answer.headers["location"].startswith(f"{PUBLIC}/authorize/key")


def test_an_accounts_rate_holds_across_replicas(fake_api: str, redis_url: str, tmp_path: Path) -> None:
    env = hosted_env(
        TIFLUX_API_BASE_URL=fake_api,
        TIFLUX_MCP_STORE_URL=redis_url,
        TIFLUX_TENANT_BURST="3",
        TIFLUX_TENANT_RATE_PER_MINUTE="6",
    )
    key = {"x-tiflux-api-key": FAKE_API_KEY}
    with hosted_server(env, tmp_path / "a.log") as a, hosted_server(env, tmp_path / "b.log") as b:
        statuses = [mcp_list(replica, key).status_code for replica in (a, b, a, b)]
    # Three calls of burst spent across both replicas; the fourth is refused by either (alone, each
    # replica would have allowed three of its own).
    assert statuses == [200, 200, 200, 429]
