"""Which tools a server offers: chosen when the server is built, so a tool left out is neither listed nor
callable (a read-only server cannot be talked into a write by naming the tool)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from adapters.i18n.words import Words

if TYPE_CHECKING:  # settings validate toolset names without importing the MCP layer
    from adapters.mcp.spec import ToolSpec


@dataclass(frozen=True)
class Toolset:
    """A group of tools an operator turns on or off as one: what it is for, and whether it is on when
    TIFLUX_TOOLSETS does not say."""

    name: str
    description: Words
    default: bool


# Every toolset, in the order they are listed. Everyday helpdesk work is on by default; administration
# and niche areas are opt-in (named in TIFLUX_TOOLSETS, or `all`). A toolset may have no tool yet.
TOOLSET_TABLE: tuple[Toolset, ...] = (
    Toolset(
        "tickets",
        Words(
            pt="Tickets: buscar, ver, abrir, alterar, responder, fechar, cancelar, reabrir; respostas, "
            "histórico e checklists.",
            en="Tickets: find, read, open, update, answer, close, cancel, reopen; their answers, history and "
            "checklists.",
        ),
        default=True,
    ),
    Toolset(
        "records",
        Words(
            pt="Arquivos, SLAs por estágio, comunicações internas e apontamentos de horas de um ticket.",
            en="A ticket's files, stage SLAs, internal communications and time appointments.",
        ),
        default=True,
    ),
    Toolset(
        "chats",
        Words(
            pt="Chats: entrada, em atendimento, arquivados; mensagens, templates de WhatsApp, envio, "
            "arquivamento; departamentos.",
            en="Chats: inbox, in attendance, archived; messages, WhatsApp templates, sending, archiving; "
            "departments.",
        ),
        default=True,
    ),
    Toolset(
        "desks",
        Words(
            pt="Mesas, suas prioridades e catálogos de serviços.",
            en="Desks, their priorities and service catalogs.",
        ),
        default=True,
    ),
    Toolset(
        "custom_fields",
        Words(
            pt="Campos personalizados: entidades, seus campos e opções.",
            en="Custom fields: entities, their fields and options.",
        ),
        default=True,
    ),
    Toolset(
        "requestors",
        Words(pt="Solicitantes: buscar, ver, criar, alterar.", en="Requestors: find, read, create, update."),
        default=True,
    ),
    Toolset(
        "knowledge",
        Words(
            pt="Base de conhecimento: artigos e pastas; escrever um artigo.",
            en="Knowledge base: articles and folders; writing an article.",
        ),
        default=True,
    ),
    Toolset(
        "clients",
        Words(
            pt="Clientes (empresas): cadastro, endereços, contatos e usuários do portal.",
            en="Clients (companies): records, addresses, contacts and portal users.",
        ),
        default=False,
    ),
    Toolset(
        "users",
        Words(
            pt="Atendentes (usuários) e seus grupos técnicos: ver, criar, alterar (chave de administrador).",
            en="Attendants (users) and their technical groups: read, create, update (admin key).",
        ),
        default=False,
    ),
    Toolset(
        "catalogs",
        Words(
            pt="Catálogos de serviços da organização, suas áreas e itens: listar, criar, alterar, remover.",
            en="The organisation's service catalogs, their areas and items: list, create, update, remove.",
        ),
        default=False,
    ),
    Toolset(
        "equipment",
        Words(
            pt="Equipamentos (ativos): inventário, softwares, grupos, tipos; cadastrar e alterar.",
            en="Equipment (assets): inventory, software, groups, types; registering and updating.",
        ),
        default=False,
    ),
    Toolset(
        "finance",
        Words(pt="Histórico de cobranças e contratos.", en="Billing history and contracts."),
        default=False,
    ),
    Toolset(
        "pre_tickets",
        Words(
            pt="Pré-tickets: listar, criar com anexos.",
            en="Pre-tickets: list them, create one with attachments.",
        ),
        default=False,
    ),
    Toolset(
        "reports",
        Words(
            pt="Relatórios: comparativo de tickets, avaliações de tickets e chats, apontamentos da equipe.",
            en="Reports: ticket comparison, ticket and chat feedback, the team's time appointments.",
        ),
        default=False,
    ),
)
TOOLSETS = tuple(toolset.name for toolset in TOOLSET_TABLE)
BY_NAME: Mapping[str, Toolset] = {toolset.name: toolset for toolset in TOOLSET_TABLE}
DEFAULT_TOOLSETS = tuple(toolset.name for toolset in TOOLSET_TABLE if toolset.default)
OPT_IN = frozenset(toolset.name for toolset in TOOLSET_TABLE if not toolset.default)
# Words TIFLUX_TOOLSETS takes besides toolset names.
DEFAULT_WORD, ALL_WORD = "default", "all"


class UnknownToolset(ValueError):
    """A toolset name in the configuration that does not exist."""


@dataclass(frozen=True)
class Selection:
    """The tools offered, and why each other tool is not."""

    enabled: tuple[ToolSpec[Any, Any, Any], ...]
    disabled: dict[str, str]  # tool name → "read_only" or "toolset"


def parse_toolsets(raw: str | None) -> tuple[str, ...] | None:
    """`"tickets, desks"` → ("tickets", "desks"); `default` stands for the toolsets on by default, so
    `"default,clients"` adds one; `all` (alone or among others) → None, every toolset; unset or empty →
    the toolsets on by default."""
    if raw is None or not raw.strip():
        return DEFAULT_TOOLSETS
    words = tuple(
        dict.fromkeys(part.strip().lower().replace("-", "_") for part in raw.split(",") if part.strip())
    )
    if ALL_WORD in words:
        return None
    unknown = [word for word in words if word not in BY_NAME and word != DEFAULT_WORD]
    if unknown:
        raise UnknownToolset(
            f"unknown toolset(s) {', '.join(unknown)}; known: {', '.join(TOOLSETS)}; "
            f"also {DEFAULT_WORD} (the everyday ones) and {ALL_WORD}"
        )
    names = (DEFAULT_TOOLSETS if word == DEFAULT_WORD else (word,) for word in words)
    return tuple(dict.fromkeys(name for group in names for name in group))


def select_tools(
    specs: Sequence[ToolSpec[Any, Any, Any]],
    toolsets: tuple[str, ...] | None,
    read_only: bool,
    registered: Mapping[str, str] | None = None,
) -> Selection:
    """The tools offered among `specs`; `registered` (tool name → toolset, from the registry) names the
    tools of the toolsets whose modules were not even loaded, so a call to one is told why."""
    enabled: list[ToolSpec[Any, Any, Any]] = []
    disabled: dict[str, str] = {
        name: "toolset"
        for name, toolset in (registered or {}).items()
        if toolsets is not None and toolset not in toolsets
    }
    for spec in specs:
        if read_only and not spec.read_only:
            disabled[spec.name] = "read_only"
        elif toolsets is not None and spec.toolset not in toolsets:
            disabled[spec.name] = "toolset"
        else:
            enabled.append(spec)
    return Selection(tuple(enabled), disabled)


TOOLSETS_HEADER = "x-tiflux-toolsets"
READ_ONLY_HEADER = "x-tiflux-read-only"
_TRUE = frozenset({"1", "true", "yes", "on", "sim"})


@dataclass(frozen=True)
class Narrowing:
    """What one hosted connection asked to see, within what the operator allows (never more)."""

    toolsets: frozenset[str] | None
    read_only: bool

    def refusal(self, spec: ToolSpec[Any, Any, Any]) -> str | None:
        """Why this connection may not use the tool ("header_read_only", "header_toolset"), or None."""
        if self.read_only and not spec.read_only:
            return "header_read_only"
        if self.toolsets is not None and spec.toolset not in self.toolsets:
            return "header_toolset"
        return None


def narrowing_from(headers: Mapping[str, str] | None) -> Narrowing | None:
    """The request's narrowing headers; unknown toolset names are ignored, `false` widens nothing."""
    if not headers:
        return None
    raw_sets, raw_read_only = headers.get(TOOLSETS_HEADER), headers.get(READ_ONLY_HEADER)
    toolsets = None
    if raw_sets is not None and raw_sets.strip():
        asked = {part.strip().lower().replace("-", "_") for part in raw_sets.split(",")}
        if DEFAULT_WORD in asked:
            asked |= set(DEFAULT_TOOLSETS)
        toolsets = None if ALL_WORD in asked else frozenset(asked & set(TOOLSETS))
    read_only = raw_read_only is not None and raw_read_only.strip().lower() in _TRUE
    if toolsets is None and not read_only:
        return None
    return Narrowing(toolsets, read_only)
