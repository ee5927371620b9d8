"""A raw JSON-RPC client over a server's stdin/stdout: nothing between the clock and the pipe but `json`.

Used for the stdio figures (cold start, per-call latency, idle RSS, `tools/list` size) of both our server
and the bare-SDK floor, so that both are measured the same way.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SERVER = str(Path(sys.executable).with_name("tiflux-mcp"))
FLOOR = [sys.executable, str(ROOT / "benchmarks" / "floor_server.py")]
PROTOCOL = "2025-11-25"
# Recorded when a server started with `modules_to` exits: what it imported on the stdio path.
_MODULES_HOOK = (
    "import atexit, json, os, sys\n"
    "atexit.register(lambda: open(os.environ['BENCH_MODULES_OUT'], 'w')"
    ".write(json.dumps(sorted(sys.modules))))\n"
)


def server_command(*args: str) -> list[str]:
    """Our stdio server, as `make demo` and MCP clients start it."""
    return [SERVER, *args]


def clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment without TIFLUX_* settings, plus these."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")}
    return env | {"TIFLUX_LOG_LEVEL": "ERROR"} | extra


class StdioServer:
    """One server process spoken to in JSON-RPC lines; `start()` returns once `tools/list` has answered."""

    def __init__(self, command: list[str], env: dict[str, str] | None = None) -> None:
        self._command = command
        self._env = env if env is not None else clean_env()
        self._next_id = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.listing: bytes = b""  # the `tools/list` answer as it came over the pipe
        self.started_in = 0.0  # seconds from spawn to the `tools/list` answer
        self.stderr: Any = subprocess.DEVNULL  # where the server's stderr goes

    def start(self) -> StdioServer:
        # A clean working directory: no `.env` of the developer's is read by either server.
        self._cwd = tempfile.TemporaryDirectory(prefix="bench-")
        began = time.perf_counter()
        self.process = subprocess.Popen(
            self._command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            env=self._env,
            cwd=self._cwd.name,
        )
        hello = {"name": "bench", "version": "1"}
        self._exchange("initialize", {"protocolVersion": PROTOCOL, "capabilities": {}, "clientInfo": hello})
        self._send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        self.listing, _, answered = self._exchange("tools/list", {})
        self.started_in = answered - began
        return self

    def call(self, tool: str, arguments: dict[str, Any]) -> tuple[float, dict[str, Any]]:
        """(seconds, result) of one `tools/call`, timed from the write to the answer's last byte."""
        began = time.perf_counter()
        _, result, answered = self._exchange("tools/call", {"name": tool, "arguments": arguments})
        return answered - began, result

    def rss_bytes(self) -> int:
        """Resident memory of the server process now (VmRSS)."""
        assert self.process is not None
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        if match is None:
            raise RuntimeError("no VmRSS in /proc/<pid>/status (Linux only)")
        return int(match[1]) * 1024

    def stop(self) -> None:
        """Close stdin (a clean exit, so exit hooks run), then make sure the process is gone."""
        if self.process is None:
            return
        assert self.process.stdin is not None
        try:
            self.process.stdin.close()
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        self._cwd.cleanup()

    def __enter__(self) -> StdioServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _exchange(self, method: str, params: dict[str, Any]) -> tuple[bytes, dict[str, Any], float]:
        """(the answer line as read, its result, when it was read); notifications on the way are skipped."""
        self._next_id += 1
        self._send({"jsonrpc": "2.0", "id": self._next_id, "method": method, "params": params})
        assert self.process is not None and self.process.stdout is not None
        while True:
            line = self.process.stdout.readline()
            answered = time.perf_counter()
            if not line:
                raise RuntimeError(f"the server closed stdout while answering {method}")
            if not line.startswith(b"{"):
                continue  # not the server's (py-spy's banner, when profiling)
            reply = json.loads(line)
            if reply.get("id") != self._next_id:
                continue
            if "error" in reply:
                raise RuntimeError(f"{method}: {reply['error']}")
            return line, reply["result"], answered

    def _send(self, message: dict[str, Any]) -> None:
        assert self.process is not None and self.process.stdin is not None
        self.process.stdin.write(json.dumps(message).encode() + b"\n")
        self.process.stdin.flush()


def modules_imported(command: list[str], env: dict[str, str]) -> set[str]:
    """Every module a server has imported by the time it answered `tools/list` (and exited)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        if command[0] == SERVER:
            program = _MODULES_HOOK + "from adapters.cli import main\nsys.exit(main(sys.argv[1:]))\n"
            command = [sys.executable, "-c", program, *command[1:]]
        else:
            program = _MODULES_HOOK + f"import runpy\nrunpy.run_path({command[-1]!r}, run_name='__main__')\n"
            command = [sys.executable, "-c", program]
        env = env | {"BENCH_MODULES_OUT": out.name, "PYTHONPATH": str(ROOT)}
        with StdioServer(command, env):
            pass
        return set(json.loads(Path(out.name).read_text() or "[]"))
