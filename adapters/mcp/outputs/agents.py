"""Declared `structuredContent` of create_user, get_user and update_user."""

from __future__ import annotations

from typing import NotRequired

from pydantic import with_config
from typing_extensions import TypedDict

from adapters.mcp.outputs.common import DECLARED


@with_config(DECLARED)
class Licences(TypedDict):
    whatsapp_license: NotRequired[bool]
    tickets_license: NotRequired[bool]
    remote_access_license: NotRequired[bool]
    api_license: NotRequired[bool]
    splashtop_license: NotRequired[bool]


@with_config(DECLARED)
class Agent(TypedDict):
    id: int
    name: str
    email: NotRequired[str]
    type: NotRequired[str]
    active: NotRequired[bool]
    technical_group_id: NotRequired[int]
    telephone: NotRequired[str]
    extension: NotRequired[str]
    country_code: NotRequired[str]
    client_ids: NotRequired[list[int]]
    last_login_at: NotRequired[str]
    gauth_enabled: NotRequired[bool]
    signature: NotRequired[str]
    licences: Licences


@with_config(DECLARED)
class TechnicalGroup(TypedDict):
    id: int
    name: str
    description: NotRequired[str]
    active: bool


@with_config(DECLARED)
class GroupDecision(TypedDict):
    # What a name became (no docstring: it would become the schema's description).
    field: str
    term: str
    record: TechnicalGroup
    picked: bool


@with_config(DECLARED)
class AgentWritten(TypedDict):
    agent: Agent
    changed: NotRequired[list[str]]
    decisions: NotRequired[list[GroupDecision]]


CreateUserOutput = AgentWritten

GetUserOutput = Agent

UpdateUserOutput = AgentWritten
