"""`tiflux-mcp tools` and `tiflux-mcp call` for people at a terminal."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.e2e.conftest import FAKE_API_KEY, SERVER


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


def test_doctor_without_a_key_says_how_to_set_one(tmp_path: Path) -> None:
    done = run("doctor", cwd=tmp_path)
    assert done.returncode == 1
    assert "TIFLUX_API_KEY não está definida" in done.stdout and "Sessões API" in done.stdout


def test_doctor_with_a_good_and_a_bad_key(fake_api: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")}
    env |= {"TIFLUX_API_BASE_URL": fake_api, "TIFLUX_DEFAULT_DESK_ID": "14"}
    good = subprocess.run(
        [SERVER, "doctor"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**env, "TIFLUX_API_KEY": FAKE_API_KEY},
    )
    assert good.returncode == 0, good.stdout
    assert "a chave pertence a Mariana Costa (ID 201)" in good.stdout and "mesa Suporte N1" in good.stdout
    assert FAKE_API_KEY not in good.stdout + good.stderr
    bad = subprocess.run(
        [SERVER, "doctor"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**env, "TIFLUX_API_KEY": "wrong-key"},
    )
    assert bad.returncode == 1 and "recusou a chave" in bad.stdout and "wrong-key" not in bad.stdout
