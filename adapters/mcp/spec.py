"""A tool as data: what the model sees, which use case runs, and how its result is presented."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from mcp.types import Tool as MCPTool
from mcp.types import ToolAnnotations
from pydantic import BaseModel, ConfigDict

from adapters.mcp.fields import Limit, Offset
from adapters.presenters.markdown.format import Formatter
from application.ports.attachments import AttachmentsPort
from application.ports.gateway import TifluxGateway
from application.ports.rich_text import RichTextPort
from application.use_cases.create_ticket import TicketDefaults
from domain.paging import DEFAULT_PAGE_SIZE, PageRequest

In = TypeVar("In", bound="ToolInput")
Out = TypeVar("Out")


class Services:
    """What a tool's use case may use: the tenant's ports (as attributes) plus tenant-independent services."""

    def __init__(
        self,
        gateway: TifluxGateway,
        rich_text: RichTextPort,
        ticket_defaults: TicketDefaults,
        attachments: AttachmentsPort,
    ) -> None:
        self.gateway = gateway
        self.rich_text = rich_text
        self.ticket_defaults = ticket_defaults
        self.attachments = attachments

    def __getattr__(self, name: str) -> Any:
        return getattr(self.gateway, name)


class ToolInput(BaseModel):
    """Base of every tool's arguments: unknown fields are refused, never silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PagedInput(ToolInput):
    """Arguments of every list tool: the API's 1-based page and its size (capped at 200, and said so)."""

    offset: Offset = 1
    limit: Limit = DEFAULT_PAGE_SIZE

    def page(self) -> PageRequest:
        return PageRequest.capped(self.offset, self.limit)


@dataclass(frozen=True)
class ToolSpec(Generic[In, Out]):
    """One tool. Read-only status comes from `read_only` and nowhere else."""

    name: str
    title: str
    description: str
    input_model: type[In]
    use_case: Callable[[Services, In], Awaitable[Out]]
    presenter: Callable[[Out, In, Formatter], str]
    read_only: bool
    destructive: bool = False
    idempotent: bool = True
    toolset: str = "tickets"

    def input_schema(self) -> dict[str, Any]:
        schema = self.input_model.model_json_schema()
        schema.pop("title", None)
        for prop in schema.setdefault("properties", {}).values():
            prop.pop("title", None)
        schema["additionalProperties"] = False
        return schema

    def to_mcp(self) -> MCPTool:
        return MCPTool(
            name=self.name,
            title=self.title,
            description=self.description,
            input_schema=self.input_schema(),
            annotations=ToolAnnotations(
                title=self.title,
                read_only_hint=self.read_only,
                destructive_hint=self.destructive if not self.read_only else False,
                idempotent_hint=self.idempotent,
                open_world_hint=True,
            ),
        )
