"""`--demo` before or after any subcommand means the same; `call` takes key=value pairs wherever they are."""

from __future__ import annotations

import pytest

from adapters.cli import parse_command_line

SUBCOMMANDS = [[], ["tools"], ["doctor"], ["serve"], ["fake-api"], ["call", "get_ticket"]]


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
