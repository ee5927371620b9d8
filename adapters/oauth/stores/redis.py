"""The shared grant store for several replicas: Redis, one key per record, expiry done by Redis itself."""

from __future__ import annotations

import math

from redis.asyncio import Redis
from redis.exceptions import RedisError

PREFIX = "tiflux-mcp:grant"


class RedisGrantStore:
    """`GrantStore` on a Redis server (`redis://host:port/db`); `take` is GETDEL, atomic in Redis."""

    def __init__(self, url: str) -> None:
        self._redis: Redis = Redis.from_url(url, decode_responses=True, health_check_interval=30)

    @staticmethod
    def _name(kind: str, key: str) -> str:
        return f"{PREFIX}:{kind}:{key}"

    async def put(self, kind: str, key: str, value: str, ttl_seconds: float | None = None) -> None:
        if ttl_seconds is None:
            await self._redis.set(self._name(kind, key), value)
        else:
            await self._redis.set(self._name(kind, key), value, px=max(1, math.ceil(ttl_seconds * 1000)))

    async def get(self, kind: str, key: str) -> str | None:
        value = await self._redis.get(self._name(kind, key))
        return str(value) if value is not None else None

    async def take(self, kind: str, key: str) -> str | None:
        value = await self._redis.getdel(self._name(kind, key))
        return str(value) if value is not None else None

    async def delete(self, kind: str, key: str) -> None:
        await self._redis.delete(self._name(kind, key))

    async def count(self, kind: str, key: str, ttl_seconds: float) -> int:
        name = self._name(kind, key)
        async with self._redis.pipeline(transaction=True) as pipe:  # MULTI/EXEC: both or neither
            pipe.set(name, 0, px=max(1, math.ceil(ttl_seconds * 1000)), nx=True)
            pipe.incr(name)
            _created, counted = await pipe.execute()
        return int(counted)

    async def ping(self) -> bool:
        try:
            return bool(await self._redis.ping())
        except (RedisError, OSError):
            return False

    async def close(self) -> None:
        await self._redis.aclose()
