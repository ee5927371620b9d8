"""Hosted mode under load: `tools/call get_ticket` from 32 concurrent clients for 20 s on the demo tenant.

The server runs as its own process (`tiflux-mcp serve --demo`, one worker); the load comes from another
process: `wrk` when it is installed (C, so the client costs little CPU), else an asyncio client here.
Target (issue 10): ≥ 500 calls/s with p99 ≤ 50 ms and no errors, on 2 cores.

All 32 clients use one key, so the per-account limits of hosted mode (8 calls in flight, 600 a minute by
default) are raised for this run: the figure is the server's capacity, not the fairness policy's.
BENCH_HTTP_SECONDS sets the duration (BENCH_QUICK=1: 5 s).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx2

from benchmarks.table import quick

SERVER = str(Path(sys.executable).with_name("tiflux-mcp"))
CLIENTS = 32
SECONDS = float(os.environ.get("BENCH_HTTP_SECONDS", "5" if quick() else "20"))
TARGET_RATE, TARGET_P99_MS = 500.0, 50.0
CALL = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "tools/call",
    "params": {"name": "get_ticket", "arguments": {"ticket_number": "1040"}},
}
HEADERS = {"accept": "application/json, text/event-stream", "x-tiflux-api-key": "bench-key"}
UNLIMITED_TENANT = {
    "TIFLUX_TENANT_CONCURRENCY": "1000",
    "TIFLUX_TENANT_RATE_PER_MINUTE": "100000000",
    "TIFLUX_TENANT_BURST": "100000",
}


@dataclass(frozen=True)
class Throughput:
    rate: float  # calls per second
    p50_ms: float
    p99_ms: float
    errors: int
    tool: str  # the load generator
    seconds: float

    @property
    def passed(self) -> bool:
        return self.rate >= TARGET_RATE and self.p99_ms <= TARGET_P99_MS and self.errors == 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wrk(url: str) -> tuple[float, float, float, int]:
    script = Path(tempfile.mkdtemp()) / "post.lua"
    lines = ['wrk.method = "POST"', f"wrk.body = [[{json.dumps(CALL)}]]"]
    lines += [
        f'wrk.headers["{k}"] = "{v}"' for k, v in {**HEADERS, "content-type": "application/json"}.items()
    ]
    script.write_text("\n".join(lines))
    command = ["wrk", "-t2", f"-c{CLIENTS}", f"-d{int(SECONDS)}s", "--latency", "-s", str(script), url]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def ms(label: str) -> float:
        value, unit = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    failed = (int(errors.group(1)) if errors else 0) + (
        sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    )
    return rate, ms("50"), ms("99"), failed


async def _python_client(url: str) -> tuple[float, float, float, int]:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + SECONDS

    async def client(http: httpx2.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            answer = await http.post(url, json=CALL, headers=HEADERS)
            latencies.append((time.perf_counter() - started) * 1000)
            errors += answer.status_code != 200 or '"isError":true' in answer.text

    limits = httpx2.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx2.AsyncClient(timeout=30, limits=limits) as http:
        await asyncio.gather(*(client(http) for _ in range(CLIENTS)))
    cuts = statistics.quantiles(latencies, n=100)
    return len(latencies) / SECONDS, statistics.median(latencies), cuts[98], errors


def measure() -> Throughput:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")} | {"TIFLUX_LOG_LEVEL": "ERROR"}
    process = subprocess.Popen(
        [SERVER, "serve", "--demo", "--port", str(port)],
        env=env | UNLIMITED_TENANT,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/mcp"
    try:
        for _ in range(200):
            try:
                if httpx2.get(f"http://127.0.0.1:{port}/health").status_code == 200:
                    break
            except httpx2.TransportError:
                time.sleep(0.1)
        httpx2.post(url, json=CALL, headers=HEADERS)  # warm
        tool = "wrk" if shutil.which("wrk") else "python client"
        rate, p50, p99, errors = _wrk(url) if tool == "wrk" else asyncio.run(_python_client(url))
    finally:
        process.terminate()
        process.wait(timeout=20)
    return Throughput(rate, p50, p99, errors, tool, SECONDS)


def main() -> int:
    found = measure()
    print(
        f"HTTP get_ticket, {CLIENTS} clients for {SECONDS:.0f} s ({found.tool}, one server process): "
        f"{found.rate:.0f} calls/s, p50 {found.p50_ms:.1f} ms, p99 {found.p99_ms:.1f} ms, "
        f"{found.errors} errors "
        f"(target ≥ {TARGET_RATE:.0f}/s, p99 ≤ {TARGET_P99_MS:.0f} ms, 0 errors)"
    )
    return 0 if found.passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
