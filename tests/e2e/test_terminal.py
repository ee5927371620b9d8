"""`tiflux-mcp tools` and `tiflux-mcp call` for people at a terminal."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import time
from pathlib import Path

import pytest

from adapters.mcp.tools import ALL_TOOLS
from adapters.mcp.toolsets import DEFAULT_TOOLSETS
from tests.e2e.conftest import FAKE_API_KEY, SERVER

DEFAULT_TOOL_COUNT = sum(spec.toolset in DEFAULT_TOOLSETS for spec in ALL_TOOLS)


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


def test_tools_lists_every_default_tool(tmp_path: Path) -> None:
    done = run("tools", "--demo", cwd=tmp_path)
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == DEFAULT_TOOL_COUNT and done.stdout.startswith("get_ticket ")


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


def at_a_terminal(*args: str, cwd: Path, answer: bytes) -> tuple[int, str]:
    """Run at a pseudo-terminal; type `answer` when the y/N question shows. Returns status and the screen."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")}
    pid, terminal = pty.fork()
    if pid == 0:  # the child: stdin, stdout and stderr are the terminal
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
        except OSError:  # the child closed the terminal
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


def test_at_a_terminal_a_destructive_call_asks_first(tmp_path: Path) -> None:
    status, screen = at_a_terminal(
        "call", "close_ticket", "ticket_number=1040", "--demo", cwd=tmp_path, answer=b"n\n"
    )
    assert "Fechar o ticket #1040 — Impressora fiscal não imprime o cupom? [s/N]" in screen
    assert status == 1 and "não confirmou" in screen and "fechado" not in screen
    status, screen = at_a_terminal(
        "call", "close_ticket", "ticket_number=1040", "--demo", cwd=tmp_path, answer=b"s\n"
    )
    assert status == 0 and "## Ticket #1040 fechado" in screen


def test_yes_skips_the_question_and_without_a_terminal_nothing_is_sent(tmp_path: Path) -> None:
    confirmed = run("call", "close_ticket", "ticket_number=1040", "--demo", "--yes", cwd=tmp_path)
    assert confirmed.returncode == 0 and confirmed.stdout.startswith("## Ticket #1040 fechado")
    refused = run("call", "close_ticket", "ticket_number=1040", "--demo", cwd=tmp_path)
    assert refused.returncode == 1 and refused.stdout == ""
    assert "--yes" in refused.stderr and "nada foi enviado" in refused.stderr


@pytest.mark.parametrize(
    "command", [("call", "list_tickets", "desk_name=cansados"), ("tools",)], ids=["call", "tools"]
)
def test_a_reader_that_goes_away_is_no_traceback(tmp_path: Path, command: tuple[str, ...]) -> None:
    """`tiflux-mcp call … | head -3`: the pipe closes before the answer is written."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")}
    process = subprocess.Popen(
        [SERVER, *command, "--demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    assert process.stdout is not None
    process.stdout.close()  # nobody reads: the first write meets a broken pipe
    _, stderr = process.communicate(timeout=60)
    assert b"Traceback" not in stderr and b"BrokenPipeError" not in stderr, stderr.decode()


def test_bad_json_and_conflicting_arguments_are_named(tmp_path: Path) -> None:
    bad = run("call", "get_ticket", "--json", "{bad", "--demo", cwd=tmp_path)
    assert bad.returncode == 2 and bad.stderr.startswith("tiflux-mcp: --json is not valid JSON")
    both = run(
        "call",
        "get_ticket",
        "ticket_number=1041",
        "--json",
        '{"ticket_number": "1040"}',
        "--demo",
        cwd=tmp_path,
    )
    assert (
        both.returncode == 2 and "ticket_number is given both in --json and as ticket_number=" in both.stderr
    )


def test_the_demo_opens_a_ticket_from_a_title_and_a_description(tmp_path: Path) -> None:
    done = run(
        "call", "create_ticket", "title=Impressora parada", "description=Não imprime.", "--demo", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert "Padaria Pão Quente (ID 101)" in done.stdout and "Suporte N1 (ID 14)" in done.stdout


def test_doctor_on_the_demo_in_either_position_shows_the_presets(tmp_path: Path) -> None:
    for args in (("doctor", "--demo"), ("--demo", "doctor")):
        done = run(*args, cwd=tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "tenant de demonstração" in done.stdout
        assert (
            "TIFLUX_DEFAULT_CLIENT_ID=101, TIFLUX_DEFAULT_DESK_ID=14, TIFLUX_DEFAULT_PRIORITY_ID=143"
            in done.stdout
        )


def test_tools_and_call_take_demo_before_the_subcommand(tmp_path: Path) -> None:
    assert len(run("--demo", "tools", cwd=tmp_path).stdout.splitlines()) == DEFAULT_TOOL_COUNT
    assert run("--demo", "call", "get_ticket", "ticket_number=1040", cwd=tmp_path).stdout.startswith(
        "## Ticket #1040"
    )
