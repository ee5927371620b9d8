"""`--demo` before or after any subcommand means the same; `call` takes key=value pairs wherever they are."""

from __future__ import annotations

import pytest

from adapters.cli import main, parse_command_line
from adapters.mcp.toolsets import TOOLSETS

SUBCOMMANDS = [
    [],
    ["tools"],
    ["tools", "--toolsets"],
    ["doctor"],
    ["serve"],
    ["fake-api"],
    ["call", "get_ticket"],
]


@pytest.mark.parametrize("command", SUBCOMMANDS, ids=lambda c: c[0] if c else "stdio")
def test_demo_in_either_position(command: list[str]) -> None:
    assert parse_command_line(["--demo", *command]).demo is True
    assert parse_command_line([*command, "--demo"]).demo is True
    assert parse_command_line(command).demo is False


def test_call_collects_pairs_before_and_after_options() -> None:
    options = parse_command_line(["call", "list_tickets", "desk_name=sup", "--demo", "limit=5", "--yes"])
    assert options.tool == "list_tickets" and options.arguments == ["desk_name=sup", "limit=5"]
    assert options.demo is True and options.yes is True


def test_an_unknown_option_is_still_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        parse_command_line(["call", "list_desks", "--bogus"])
    assert exited.value.code == 2 and "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_tools_toolsets_prints_the_table_in_the_users_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TIFLUX_TOOLSETS", "default,equipment")
    monkeypatch.setenv("TIFLUX_LANGUAGE", "en")
    assert main(["tools", "--toolsets", "--demo"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["toolset", "default", "here", "tools", "for"]
    rows = {line.split()[0]: line.split()[1:4] for line in lines[1:]}
    assert list(rows) == list(TOOLSETS)
    assert rows["tickets"][:2] == ["on", "on"] and int(rows["tickets"][2]) > 0
    assert rows["equipment"] == ["off", "on", "7"]  # opt-in, named here
    assert rows["clients"] == ["off", "off", "0"]  # declared, no tool yet: listed all the same
    assert "Billing history and contracts." in lines[1 + TOOLSETS.index("finance")]

    monkeypatch.setenv("TIFLUX_LANGUAGE", "pt-BR")
    monkeypatch.setenv("TIFLUX_READ_ONLY", "true")
    assert main(["tools", "--toolsets", "--demo"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["grupo", "padrão", "aqui", "ferramentas", "para"]
    requestors = next(line for line in lines if line.startswith("requestors "))
    assert requestors.split()[1:4] == ["sim", "sim", "3"]  # read-only: the two writes are not counted
    assert "Solicitantes: buscar, ver, criar, alterar." in requestors
