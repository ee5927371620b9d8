"""`make bench`: start-up to the first `tools/list`, and per-call latency, over stdio on the demo tenant.

Targets (2 vCPU): first `tools/list` under 2.0 s after spawn (the SDK's own floor is about 0.75 s);
median tool call on the demo tenant under 20 ms.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import attachments_memory, http_throughput, tool_calls

SERVER = str(Path(sys.executable).with_name("tiflux-mcp"))
STARTUP_TARGET_S = 2.0
CALL_TARGET_MS = 20.0
RUNS = 5
CALLS = 50


def _exchange(process: subprocess.Popen[str], message: dict[str, object]) -> dict[str, object]:
    assert process.stdin and process.stdout
    process.stdin.write(json.dumps(message) + "\n")
    process.stdin.flush()
    while True:
        reply = json.loads(process.stdout.readline())
        if reply.get("id") == message.get("id"):
            return reply


def measure_once() -> tuple[float, list[float]]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [SERVER, "--demo"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        init = {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": {"name": "bench", "version": "1"},
        }
        _exchange(process, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": init})
        assert process.stdin
        process.stdin.write(json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}) + "\n")
        _exchange(process, {"jsonrpc": "2.0", "id": 2, "method": "tools/list", "params": {}})
        startup = time.perf_counter() - started
        latencies = []
        for i in range(CALLS):
            call = {"name": "get_ticket", "arguments": {"ticket_number": "1040"}}
            t0 = time.perf_counter()
            _exchange(process, {"jsonrpc": "2.0", "id": 10 + i, "method": "tools/call", "params": call})
            latencies.append((time.perf_counter() - t0) * 1000)
        return startup, latencies
    finally:
        process.kill()
        process.wait()


def main() -> int:
    startups, latencies = [], []
    for _ in range(RUNS):
        startup, calls = measure_once()
        startups.append(startup)
        latencies.extend(calls)
    startup_median = statistics.median(startups)
    call_median = statistics.median(latencies)
    call_p95 = statistics.quantiles(latencies, n=20)[-1]
    print(
        f"first tools/list after spawn: median {startup_median:.2f} s (target < {STARTUP_TARGET_S} s), "
        f"min {min(startups):.2f} s over {RUNS} runs"
    )
    print(
        f"get_ticket on the demo tenant: median {call_median:.1f} ms, p95 {call_p95:.1f} ms "
        f"(target median < {CALL_TARGET_MS} ms) over {len(latencies)} calls"
    )
    ok = startup_median < STARTUP_TARGET_S and call_median < CALL_TARGET_MS
    snapshot = Path(__file__).resolve().parents[1] / "contracts" / "tools.json"
    tools = json.loads(snapshot.read_text())
    listing = json.dumps({"tools": tools}, ensure_ascii=False, separators=(",", ":"))
    print(f"tools/list: {len(listing.encode())} bytes compact JSON for 31 tools (contracts/tools.json)")
    print()
    tool_calls.main()
    print()
    ok = attachments_memory.main() == 0 and ok
    print()
    ok = http_throughput.main() == 0 and ok
    print("bench:", "PASS" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
