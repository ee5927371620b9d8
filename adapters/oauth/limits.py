"""How much the authorization server does for someone it does not know yet.

`/register`, `/authorize` and the key form need no account, so each is rate-limited per source address
(IPv6 per /64, what one host usually gets), counted in the grant store: with Redis the limit holds across
every replica. Counts are kept per minute (a fixed window), under a hash of the address.
"""

from __future__ import annotations

import ipaddress
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.requests import Request

from adapters.oauth.sealing import token_hash
from application.ports.grants import GrantStore

RATE = "rate"  # store kind of the counters
WINDOW = 60.0


@dataclass(frozen=True)
class OAuthLimits:
    """The operator's limits (TIFLUX_OAUTH_* settings)."""

    register_per_minute: int = 10
    authorize_per_minute: int = 30
    key_tries_per_minute: int = 10
    key_attempts: int = 5


def source_of(request: Request) -> str:
    """Who is asking, as far as the network says: the client address (uvicorn applies X-Forwarded-For
    from trusted proxies), an IPv6 address reduced to its /64."""
    host = request.client.host if request.client else ""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host or "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


class SourceLimiter:
    """Per-source, per-minute counters of what each unauthenticated endpoint did."""

    def __init__(self, store: GrantStore, clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._clock = clock

    async def retry_after(self, action: str, source: str, per_minute: int) -> int | None:
        """Count one `action` from `source`; the seconds to wait when that is over `per_minute`, else None."""
        now = self._clock()
        window = math.floor(now / WINDOW)
        left = (window + 1) * WINDOW - now
        count = await self._store.count(RATE, f"{action}:{window}:{token_hash(source)}", left + 1)
        return max(1, math.ceil(left)) if count > per_minute else None
