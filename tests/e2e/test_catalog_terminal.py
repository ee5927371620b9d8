"""At the terminal (`tiflux-mcp call`), removing a catalog shows what TiFlux deactivates with it and asks
y/N first; a no sends nothing."""

from __future__ import annotations

import os
import pty
import select
import time
from pathlib import Path

from tests.e2e.conftest import SERVER


def at_a_terminal(*args: str, cwd: Path, answer: bytes) -> tuple[int, str]:
    """Run with the `catalogs` toolset at a pseudo-terminal; type `answer` at the question."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")} | {
        "TIFLUX_TOOLSETS": "catalogs"
    }
    pid, terminal = pty.fork()
    if pid == 0:
        os.chdir(cwd)
        os.execve(SERVER, [SERVER, *args], env)
    screen, answered = b"", False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([terminal], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(terminal, 4096)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
        if not answered and b"[s/N]" in screen:
            os.write(terminal, answer)
            answered = True
    _, status = os.waitpid(pid, 0)
    os.close(terminal)
    return os.waitstatus_to_exitcode(status), screen.decode(errors="replace")


def test_the_cascade_is_shown_before_the_removal(tmp_path: Path) -> None:
    status, screen = at_a_terminal(
        "call", "delete_services_catalog", "id=61", "--demo", cwd=tmp_path, answer=b"n\n"
    )
    assert "Remover o catálogo 61? O TiFlux desativa junto 2 área(s), 4 item(ns)" in screen
    assert status == 1 and "não confirmou" in screen and "removido" not in screen
    status, screen = at_a_terminal(
        "call", "delete_services_catalog", "id=61", "--demo", cwd=tmp_path, answer=b"s\n"
    )
    assert status == 0 and "Catálogo 61 removido." in screen
