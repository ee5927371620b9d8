"""Every configuration error names the variable (or the flag), the value, and what is accepted; the demo
tenant presets the defaults `create_ticket` needs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from adapters.cli import main
from adapters.mcp.toolsets import TOOLSETS
from adapters.settings import DEMO_TICKET_DEFAULTS, ConfigurationError, Settings, load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No TIFLUX_ variable of the machine, and no .env of the clone."""
    for name in list(os.environ):
        if name.startswith("TIFLUX_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def problem_with(monkeypatch: pytest.MonkeyPatch, variable: str, value: str, **overrides: Any) -> str:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigurationError) as raised:
        load_settings(**overrides)
    return str(raised.value)


@pytest.mark.parametrize(
    ("variable", "value", "accepted"),
    [
        ("TIFLUX_LANGUAGE", "fr", "use 'pt-BR' or 'en'"),
        ("TIFLUX_TOOLSETS", "lookups", "known: tickets, records, chats, desks, custom_fields"),
        ("TIFLUX_HTTP_PORT", "99999", "use a whole number from 0 to 65535"),
        ("TIFLUX_READ_TIMEOUT", "soon", "use a number greater than 0"),
        ("TIFLUX_READ_ONLY", "maybe", "use true or false"),
        ("TIFLUX_TIMEZONE", "Mars/Olympus", "IANA name"),
        ("TIFLUX_API_BASE_URL", "api.tiflux", "http(s) URL"),
    ],
)
def test_a_bad_variable_is_named_with_its_value_and_what_is_accepted(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, accepted: str
) -> None:
    message = problem_with(monkeypatch, variable, value)
    assert message.startswith(f"invalid configuration: {variable}={value} is not accepted: ")
    assert accepted in message
    assert "Value error" not in message and "Input should" not in message  # pydantic's words stay inside


CANDIDATE_BAD_VALUES = ("x", "-5", "0", "99999999", "ftp://host/?q#f", "{")
FREE_TEXT = {"api_key", "mcp_secret_key", "http_host", "attachments_dir", "mcp_store_url"}  # any value reads


@pytest.mark.parametrize("field", sorted(set(Settings.model_fields) - FREE_TEXT))
def test_every_setting_that_can_be_wrong_says_which_variable(
    monkeypatch: pytest.MonkeyPatch, field: str
) -> None:
    """Whatever setting is added later, its error names TIFLUX_<NAME> and says what is accepted."""
    variable = f"TIFLUX_{field.upper()}"
    for value in CANDIDATE_BAD_VALUES:
        monkeypatch.setenv(variable, value)
        try:
            load_settings()
        except ConfigurationError as problem:
            message = str(problem)
            assert message.startswith(f"invalid configuration: {variable}"), message
            after = message.split(" is not accepted: ", 1)
            assert len(after) == 2 and after[1].strip(), message
            return
    pytest.fail(f"{variable} accepted every candidate value: add a bad one, or list it in FREE_TEXT")


def test_secrets_are_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIFLUX_API_KEY", "very-secret-key")
    monkeypatch.setenv("TIFLUX_LANGUAGE", "fr")
    assert "very-secret-key" not in problem_with(monkeypatch, "TIFLUX_LANGUAGE", "fr")


def test_a_command_line_override_is_blamed_on_its_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIFLUX_HTTP_PORT", "8080")
    with pytest.raises(ConfigurationError) as raised:
        load_settings(flags={"http_workers": "--workers"}, http_workers=0)
    assert str(raised.value).startswith(
        "invalid configuration: --workers 0 is not accepted: use a whole number"
    )


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["serve", "--port", "99999"], "argument --port: '99999' is not a port"),
        (["serve", "--port", "http"], "argument --port: 'http' is not a port"),
        (["serve", "--workers", "0"], "argument --workers: '0' is not accepted"),
        (["fake-api", "--port", "-1"], "argument --port: '-1' is not a port"),
    ],
)
def test_a_bad_flag_names_the_flag_not_a_variable(
    argv: list[str], flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    stderr = capsys.readouterr().err
    assert flag in stderr and "TIFLUX_HTTP_PORT" not in stderr


def test_the_cli_prints_each_problem_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TIFLUX_LANGUAGE", "fr")
    monkeypatch.setenv("TIFLUX_TOOLSETS", "lookups")
    assert main(["tools"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "tiflux-mcp: invalid configuration: TIFLUX_LANGUAGE=fr is not accepted: use 'pt-BR' or 'en'",
        "tiflux-mcp: invalid configuration: TIFLUX_TOOLSETS=lookups is not accepted: unknown toolset(s) "
        f"lookups; known: {', '.join(TOOLSETS)}; also default (the everyday ones) and all",
    ]


def test_the_demo_presets_desk_client_and_priority() -> None:
    settings = load_settings(demo=True)
    assert settings.backend == "fake"
    assert {name: getattr(settings, name) for name in DEMO_TICKET_DEFAULTS} == dict(DEMO_TICKET_DEFAULTS)


def test_the_environment_wins_over_the_demo_presets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIFLUX_DEFAULT_DESK_ID", "11")
    settings = load_settings(demo=True)
    assert (
        settings.default_desk_id == 11
        and settings.default_client_id == DEMO_TICKET_DEFAULTS["default_client_id"]
    )


def test_the_real_backend_gets_no_presets() -> None:
    settings = load_settings()
    assert (
        settings.backend == "http" and settings.default_client_id is None and settings.default_desk_id is None
    )
