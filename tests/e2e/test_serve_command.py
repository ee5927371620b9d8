"""`tiflux-mcp serve` at start-up: a busy port is one clear line, `--port 0` uses the port it got, and
`--demo` needs nothing else, before or after the subcommand."""

from __future__ import annotations

import os
import re
import socket
import subprocess
from pathlib import Path

import httpx2

from tests.e2e.conftest import SERVER, wait_until_up


def env_without_tiflux() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")}


def test_a_busy_port_is_one_clear_line_and_a_failure(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [SERVER, "serve", "--demo", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
            env=env_without_tiflux(),
            cwd=tmp_path,
        )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"tiflux-mcp: cannot listen on 127.0.0.1:{port}: the port is already in use; stop what listens there "
        "or choose another port with --port or TIFLUX_HTTP_PORT (0 picks a free one)"
    ]


def test_port_0_prints_and_uses_the_port_it_got_with_demo_before_serve(tmp_path: Path) -> None:
    """No TIFLUX_MCP_SECRET_KEY: the demo runs on a throwaway one, whichever side of `serve` --demo is on."""
    process = subprocess.Popen(
        [SERVER, "--demo", "serve", "--port", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env_without_tiflux(),
        cwd=tmp_path,
    )
    try:
        assert process.stderr is not None
        first_line = process.stderr.readline()
        found = re.search(r"listening on 127\.0\.0\.1:(\d+)", first_line)
        assert found, first_line
        port = int(found.group(1))
        assert port != 0 and f"http://127.0.0.1:{port}/mcp" in first_line
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/health", process)  # type: ignore[arg-type]
        metadata = httpx2.get(f"{base}/.well-known/oauth-authorization-server").json()
        assert metadata["issuer"].rstrip("/") == base
        assert metadata["authorization_endpoint"] == f"{base}/authorize"
    finally:
        process.terminate()
        process.wait(timeout=15)


def test_several_demo_workers_share_the_claimed_port_and_the_demo_presets(tmp_path: Path) -> None:
    """`--workers 2 --port 0`: the workers serve on the socket `serve` claimed (the port it printed), each
    with the settings `serve` loaded, so `create_ticket` from a title and a description works in any."""
    process = subprocess.Popen(
        [SERVER, "serve", "--demo", "--port", "0", "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env_without_tiflux(),
        cwd=tmp_path,
    )
    try:
        assert process.stderr is not None
        first_line = process.stderr.readline()
        found = re.search(r"listening on 127\.0\.0\.1:(\d+), 2 worker", first_line)
        assert found, first_line
        base = f"http://127.0.0.1:{found.group(1)}"
        wait_until_up(f"{base}/health", process)  # type: ignore[arg-type]
        call = {"jsonrpc": "2.0", "id": 1, "method": "tools/call"}
        arguments = {"title": "Impressora", "description": "Não imprime"}
        accept = {"accept": "application/json, text/event-stream"}
        answers = [
            httpx2.post(
                f"{base}/mcp",
                json=call | {"params": {"name": "create_ticket", "arguments": arguments}},
                headers=accept,
                timeout=30,
            )
            for _ in range(6)
        ]
    finally:
        process.terminate()
        process.wait(timeout=30)
    for answer in answers:
        assert answer.status_code == 200, answer.text
        assert '"isError":false' in answer.text.replace(" ", ""), answer.text
