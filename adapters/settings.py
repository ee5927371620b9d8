"""Configuration from the environment and a `.env` file in the working directory."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from annotated_types import Ge, Gt, Le, Lt
from pydantic import Field, HttpUrl, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_core import ErrorDetails
from pydantic_settings import BaseSettings, SettingsConfigDict, SettingsError

DEFAULT_API_BASE_URL = "https://api.tiflux.com/api/v2"

# The demo tenant opens a ticket from a title and a description: desk Suporte, client Padaria Pão
# Quente, priority Média. Applied by `load_settings` on the fake backend, where the environment sets none.
DEMO_TICKET_DEFAULTS: Mapping[str, int] = {
    "default_client_id": 101,
    "default_desk_id": 14,
    "default_priority_id": 143,
}


def _state_dir() -> Path:
    """Where hosted mode keeps its grants by default: $XDG_STATE_HOME/tiflux-mcp (~/.local/state/...)."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "tiflux-mcp"


class Settings(BaseSettings):
    """Everything an operator can set; names are the environment variables without the prefix."""

    model_config = SettingsConfigDict(
        env_prefix="TIFLUX_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        hide_input_in_errors=True,
    )

    api_key: SecretStr | None = Field(default=None, description="Your TiFlux API key (stdio mode).")
    api_base_url: HttpUrl = Field(default=HttpUrl(DEFAULT_API_BASE_URL))
    backend: Literal["http", "fake"] = Field(default="http", description="`fake` serves the demo tenant.")
    default_client_id: int | None = Field(default=None, gt=0)
    default_desk_id: int | None = Field(default=None, gt=0)
    default_priority_id: int | None = Field(default=None, gt=0)
    default_catalog_item_id: int | None = Field(default=None, gt=0)
    language: Literal["pt-BR", "en"] = "pt-BR"
    verbosity: Literal["rich", "compact"] = Field(
        default="rich",
        description="`compact`: one-line paging, no decorative lines, terse cards and one line per list item "
        "(structuredContent is the same); hosted requests may choose with the x-tiflux-verbosity header.",
    )
    timezone: str = "America/Sao_Paulo"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "WARNING"
    connect_timeout: float = Field(default=5.0, gt=0)
    read_timeout: float = Field(default=15.0, gt=0)
    retry_budget: float = Field(
        default=10.0,
        ge=0,
        le=60,
        description="Seconds a read may spend waiting between its (at most 3) attempts.",
    )
    breaker_threshold: int = Field(
        default=5, ge=1, description="Failed requests in a row (per key) before calls fail fast for a while."
    )
    breaker_cooldown: float = Field(default=10.0, gt=0, description="Seconds calls fail fast once tripped.")
    cache_ttl: float = Field(
        default=300.0, ge=0, description="Seconds desks, stages, items and users are remembered; 0 disables."
    )
    attachments_dir: Path | None = Field(
        default=None,
        description="The only folder local attachment paths may come from (required when hosted).",
    )
    hosted: bool = False
    toolsets: str | None = Field(
        default=None,
        description="Comma-separated toolsets to offer: names (`tiflux-mcp tools --toolsets` lists them), "
        "`default` for the everyday ones, `all` for every one.",
    )
    read_only: bool = Field(default=False, description="Offer only tools that change nothing.")
    discovery: bool = Field(
        default=False,
        description="stdio: start with the everyday toolsets plus two tools to list the toolsets and turn "
        "one on for the session (within TIFLUX_TOOLSETS).",
    )
    confirm_writes: bool = Field(
        default=True,
        description="Ask the user before closing or cancelling a ticket or answering a customer.",
    )
    http_host: str = Field(default="127.0.0.1", description="Address `tiflux-mcp serve` listens on.")
    http_port: int = Field(default=8080, ge=0, le=65535)
    http_workers: int = Field(
        default=1, ge=1, le=64, description="Processes `serve` runs (stateless: any can answer any call)."
    )
    public_base_url: str | None = Field(
        default=None, description="The URL clients use, e.g. https://mcp.example.com"
    )
    allowed_hosts: list[str] = Field(
        default_factory=list, description="Host headers accepted besides loopback (DNS rebinding)."
    )
    allowed_origins: list[str] = Field(
        default_factory=list, description="Browser Origins accepted (and CORS)."
    )
    tenant_concurrency: int = Field(
        default=8, ge=1, le=1000, description="Hosted: calls one TiFlux account may have in flight at once."
    )
    tenant_rate_per_minute: int = Field(
        default=600, ge=1, description="Hosted: calls per minute one TiFlux account may make (429 past it)."
    )
    tenant_burst: int = Field(default=60, ge=1, description="Hosted: calls an account may make at once.")
    tenant_upstream_connections: int = Field(
        default=8, ge=1, le=1000, description="Hosted: connections to TiFlux one account may hold at once."
    )
    upstream_connections: int = Field(
        default=100, ge=1, le=10_000, description="Connections to TiFlux the whole process may hold."
    )
    key_check_ttl: float = Field(
        default=600.0,
        gt=0,
        description="Hosted: seconds a key TiFlux accepted is trusted before asking again.",
    )
    key_refused_ttl: float = Field(
        default=60.0, gt=0, description="Hosted: seconds a key TiFlux refused is refused without asking."
    )
    unverified_concurrency: int = Field(
        default=4, ge=1, le=100, description="Hosted: keys not yet checked that may be checked at once."
    )
    unverified_rate_per_minute: int = Field(
        default=120, ge=1, description="Hosted: calls per minute all keys not yet checked may make together."
    )
    http_max_body_mb: float = Field(
        default=56,
        gt=0,
        le=1024,
        description="Hosted: largest request body in MiB (base64 files travel in it).",
    )
    http_header_timeout: float = Field(
        default=10.0, gt=0, description="Hosted: seconds a client has to send a request's headers."
    )
    http_body_timeout: float = Field(
        default=60.0, gt=0, description="Hosted: seconds a client has to send a request's whole body."
    )
    http_max_connections: int = Field(
        default=500, ge=1, description="Hosted: open connections and calls a process serves (503 past it)."
    )
    mcp_secret_key: SecretStr | None = Field(
        default=None,
        description="TIFLUX_MCP_SECRET_KEY: the Fernet key that encrypts stored TiFlux keys (hosted mode).",
    )
    mcp_store_url: str = Field(
        default_factory=lambda: f"sqlite:///{_state_dir() / 'grants.sqlite3'}",
        description="TIFLUX_MCP_STORE_URL: sqlite:///path (one host) or redis://host:port/db (replicas).",
    )
    oauth_register_per_minute: int = Field(
        default=10,
        ge=1,
        description="Hosted: client registrations (/register) one source address may make per minute.",
    )
    oauth_authorize_per_minute: int = Field(
        default=30,
        ge=1,
        description="Hosted: authorization requests (/authorize) one source address may make per minute.",
    )
    oauth_key_tries_per_minute: int = Field(
        default=10, ge=1, description="Hosted: keys one source address may submit on the key page per minute."
    )
    oauth_key_attempts: int = Field(
        default=5,
        ge=1,
        le=50,
        description="Hosted: wrong keys after which an authorization request is closed.",
    )
    oauth_client_first_use_hours: float = Field(
        default=24, gt=0, description="Hosted: a registered client never used for this long is deleted."
    )
    oauth_client_idle_days: float = Field(
        default=90, gt=0, description="Hosted: a client unused (no token issued) for this long is deleted."
    )

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(
                f"unknown time zone {value!r} (use an IANA name like America/Sao_Paulo)"
            ) from exc
        return value

    @field_validator("public_base_url")
    @classmethod
    def _usable_base_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise ValueError("use the URL clients type, like https://mcp.example.com (no query, no fragment)")
        if parts.scheme == "http" and not loopback:
            raise ValueError("OAuth needs https for a public address (http is accepted on loopback only)")
        return value.strip()

    @field_validator("toolsets")
    @classmethod
    def _known_toolsets(cls, value: str | None) -> str | None:
        from adapters.mcp.toolsets import UnknownToolset, parse_toolsets

        try:
            parse_toolsets(value)
        except UnknownToolset as exc:
            raise ValueError(str(exc)) from exc
        return value

    @field_validator("verbosity", mode="before")
    @classmethod
    def _verbosity_any_case(cls, value: object) -> object:
        return (value.strip().lower() or "rich") if isinstance(value, str) else value

    @field_validator("discovery")
    @classmethod
    def _discovery_needs_a_session(cls, value: bool, info: ValidationInfo) -> bool:
        if value and info.data.get("hosted"):
            raise ValueError(
                "discovery works over stdio only: hosted mode is stateless HTTP, where every request is a "
                "session of its own and would forget a toolset turned on (use TIFLUX_TOOLSETS, or the "
                "x-tiflux-toolsets header)"
            )
        return value

    @field_validator("attachments_dir", mode="before")
    @classmethod
    def _blank_dir_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("api_key", "mcp_secret_key", mode="before")
    @classmethod
    def _blank_key_is_none(cls, value: object) -> object:
        """A key pasted with spaces or a line break around it is the key; a blank one is none."""
        if isinstance(value, str):
            return value.strip() or None
        return value

    @field_validator(
        "default_client_id",
        "default_desk_id",
        "default_priority_id",
        "default_catalog_item_id",
        mode="before",
    )
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def base_url(self) -> str:
        """The URL clients reach this server at (public_base_url, else the listening address)."""
        if self.public_base_url:
            return self.public_base_url.rstrip("/")
        host = "127.0.0.1" if self.http_host in ("0.0.0.0", "::", "") else self.http_host
        return f"http://{host}:{self.http_port}"

    @property
    def api_key_value(self) -> str | None:
        return self.api_key.get_secret_value() if self.api_key else None


class ConfigurationError(Exception):
    """A setting that cannot be used; the message names the variable or flag, the value, what is accepted."""


def load_settings(
    *, demo: bool = False, flags: Mapping[str, str] | None = None, **overrides: Any
) -> Settings:
    """The configuration from the environment and `.env`, with the command line's `overrides` on top.

    `demo` selects the demo tenant; on it, ticket defaults the environment leaves unset are preset
    (`DEMO_TICKET_DEFAULTS`). `flags` names the command-line flag behind an override (`http_port` →
    `--port`), so an error blames what the person typed. Raises `ConfigurationError`.
    """
    if demo:
        overrides["backend"] = "fake"
    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        raise ConfigurationError(explain_configuration(exc, flags or {}, overrides)) from None
    except (
        SettingsError
    ) as exc:  # a list or a flag that is not JSON: pydantic-settings stops before validating
        raise ConfigurationError(_unparsable(str(exc))) from None
    if settings.backend != "fake":
        return settings
    preset = {name: value for name, value in DEMO_TICKET_DEFAULTS.items() if getattr(settings, name) is None}
    return settings.model_copy(update=preset)


def explain_configuration(
    exc: ValidationError, flags: Mapping[str, str] | None = None, overrides: Mapping[str, Any] | None = None
) -> str:
    """One line per problem: `TIFLUX_LANGUAGE=fr is not accepted: use 'pt-BR' or 'en'`."""
    flags, overrides = flags or {}, overrides or {}
    lines = []
    for error in exc.errors(include_url=False):
        field = str(error["loc"][0]) if error["loc"] else ""
        shown = _shown_value(field, error.get("input"))
        if field in flags and field in overrides:
            where = f"{flags[field]} {shown}"
        else:
            where = f"TIFLUX_{field.upper()}={shown}"
        lines.append(f"invalid configuration: {where} is not accepted: {_accepted(field, error)}")
    return "\n".join(lines)


_SECRET_FIELDS = frozenset({"api_key", "mcp_secret_key"})


def _shown_value(field: str, value: object) -> str:
    if field in _SECRET_FIELDS:
        return "(hidden)"
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _accepted(field: str, error: ErrorDetails) -> str:
    kind, context = error["type"], error.get("ctx") or {}
    if kind == "value_error" and "error" in context:
        return str(context["error"])
    if kind == "literal_error":
        return f"use {context.get('expected', '')}"
    if kind.startswith(("int_", "float_", "greater_", "less_")):
        return _number_range(field)
    if kind.startswith("bool_"):
        return "use true or false"
    if kind.startswith("url_"):
        return "use an http(s) URL, like https://api.tiflux.com/api/v2"
    message = str(error["msg"])
    return message[:1].lower() + message[1:]


def _number_range(field: str) -> str:
    info = Settings.model_fields.get(field)
    whole = info is not None and info.annotation in (int, int | None)
    noun = "a whole number" if whole else "a number"
    low = high = ""
    for rule in info.metadata if info is not None else ():
        if isinstance(rule, Ge):
            low = f"from {rule.ge}"
        elif isinstance(rule, Gt):
            low = f"greater than {rule.gt}"
        elif isinstance(rule, Le):
            high = f"to {rule.le}" if low.startswith("from") else f"up to {rule.le}"
        elif isinstance(rule, Lt):
            high = f"below {rule.lt}"
    return "use " + " ".join(part for part in (noun, low, high) if part)


def _unparsable(message: str) -> str:
    found = re.search(r'field "([a-z_]+)"', message)
    variable = f"TIFLUX_{found.group(1).upper()}" if found else "a TIFLUX_ variable"
    return (
        f"invalid configuration: {variable} is not accepted: it must be JSON, "
        'e.g. ["mcp.example.com"] for a list'
    )
