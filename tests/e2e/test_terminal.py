"""`tiflux-mcp tools` and `tiflux-mcp call` for people at a terminal."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.e2e.conftest import SERVER


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")}
    return subprocess.run([SERVER, *args], capture_output=True, text=True, timeout=60, env=env, cwd=cwd)


def test_call_prints_the_markdown_answer(tmp_path: Path) -> None:
    done = run("call", "get_ticket", "ticket_number=1040", "--demo", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("## Ticket #1040")


def test_call_with_json_arguments(tmp_path: Path) -> None:
    done = run("call", "list_tickets", "--json", '{"desk_name": "cansados"}', "--demo", cwd=tmp_path)
    assert done.returncode == 0 and "#1042" in done.stdout


def test_a_refused_call_goes_to_stderr_with_status_1(tmp_path: Path) -> None:
    done = run("call", "get_ticket", "ticket_number=abc", "--demo", cwd=tmp_path)
    assert done.returncode == 1 and done.stdout == ""
    assert "`ticket_number`" in done.stderr and "INFO" not in done.stderr


def test_without_a_key_the_call_says_how_to_set_it(tmp_path: Path) -> None:
    done = run("call", "list_desks", cwd=tmp_path)
    assert done.returncode == 1 and "TIFLUX_API_KEY" in done.stderr


def test_tools_lists_all_31(tmp_path: Path) -> None:
    done = run("tools", "--demo", cwd=tmp_path)
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 31 and done.stdout.startswith("get_ticket ")
