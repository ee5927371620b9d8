"""A tool as data: what the model sees, which use case runs, and how its result is presented."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from mcp.types import Tool as MCPTool
from mcp.types import ToolAnnotations
from pydantic import BaseModel, ConfigDict

from adapters.i18n import Language
from adapters.i18n.words import Words, pick_description
from adapters.mcp.fields import Limit, Offset
from adapters.presenters.markdown.format import Formatter
from domain.ids import MAX_ID
from domain.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageRequest
from domain.resolution import MAX_TERM_LENGTH

if TYPE_CHECKING:
    from dependency_injector.providers import Provider

    from adapters.i18n import Translator
    from application.ports.gateway import TifluxGateway

In = TypeVar("In", bound="ToolInput")
UC = TypeVar("UC")
Out = TypeVar("Out")


@dataclass(frozen=True)
class Asking:
    """What a confirmation question may use: the user's language and the account's TiFlux (to show the
    ticket's title, say)."""

    translator: Translator
    gateway: TifluxGateway


@dataclass(frozen=True)
class Confirmation(Generic[In]):
    """Ask the person before this write, when the client can show a form: `question` words it from the
    validated arguments (a decline sends nothing)."""

    question: Callable[[In, Asking], Awaitable[str]]


class ToolInput(BaseModel):
    """Base of every tool's arguments: unknown fields are refused, never silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @classmethod
    def advertise(cls, schema: dict[str, Any]) -> dict[str, Any]:
        """The last word on the schema `tools/list` shows (see `advertised_schema`)."""
        return schema


class PagedInput(ToolInput):
    """Arguments of every list tool: the API's 1-based page and its size (capped at 200, and said so)."""

    offset: Offset = 1
    limit: Limit = DEFAULT_PAGE_SIZE

    @classmethod
    def advertise(cls, schema: dict[str, Any]) -> dict[str, Any]:
        # A larger limit is accepted and capped at 200 (the answer says so): the model is shown the cap. The
        # page number's bound (100,000) is a guard, and its default is in its description.
        properties = schema["properties"]
        properties["limit"]["maximum"] = MAX_PAGE_SIZE
        properties["offset"] = {
            k: v for k, v in properties["offset"].items() if k not in ("maximum", "default")
        }
        return super().advertise(schema)

    def page(self) -> PageRequest:
        return PageRequest.capped(self.offset, self.limit)


@dataclass(frozen=True)
class ToolSpec(Generic[In, UC, Out]):
    """Everything about one tool. Read-only status comes from `read_only` and nowhere else; `title` and
    `description` are declared in both languages, and `tools/list` shows the server's.

    `use_case` is a provider of `adapters.use_cases.UseCases`; `run` calls what it provides with the
    validated arguments (usually a method of the input model); the result is shown by `present` or, when
    the words depend on the arguments too, by `present_with_arguments`; `output_model` declares the shape of
    the call's `structuredContent`.
    """

    name: str
    title: Words
    description: Words
    input_model: type[In]
    use_case: Provider[UC]
    run: Callable[[In, UC], Awaitable[Out]]
    # The shape of a call's `structuredContent` (adapters/mcp/outputs/, snapshot in contracts/).
    # Not advertised as `outputSchema`: the 31 schemas add ~77 KB to a 30 KB `tools/list` budget.
    output_model: Any  # a TypedDict, or a union of TypedDicts (a type form)
    read_only: bool
    present: Callable[[Out, Formatter], str] | None = None
    present_with_arguments: Callable[[Out, In, Formatter], str] | None = None
    destructive: bool = False
    idempotent: bool = True
    toolset: str = "tickets"
    confirmation: Confirmation[In] | None = None

    def __post_init__(self) -> None:
        if (self.present is None) == (self.present_with_arguments is None):
            raise TypeError(f"{self.name}: give exactly one of present and present_with_arguments")

    def presented(self, result: Out, args: In, fmt: Formatter) -> str:
        if self.present is not None:
            return self.present(result, fmt)
        assert self.present_with_arguments is not None
        return self.present_with_arguments(result, args, fmt)

    def input_schema(self, language: Language) -> dict[str, Any]:
        return advertised_schema(self.input_model, language)

    def to_mcp(self, language: Language) -> MCPTool:
        """The tool as `tools/list` shows it, every word in `language`."""
        return MCPTool(
            name=self.name,
            title=self.title(language),
            description=self.description(language),
            input_schema=self.input_schema(language),
            annotations=self.annotations(),
        )

    def annotations(self) -> ToolAnnotations:
        """The hints that differ from the MCP spec's defaults, so `tools/list` stays small.

        The defaults: readOnlyHint false, destructiveHint true, idempotentHint false, openWorldHint true
        (every tool calls TiFlux). destructiveHint and idempotentHint mean something only for a write. A
        write states destructiveHint even when true: what cannot be undone is said, never left to a
        client's reading of the defaults (a few bytes on a handful of tools).
        """
        if self.read_only:
            return ToolAnnotations(read_only_hint=True)
        return ToolAnnotations(destructive_hint=self.destructive, idempotent_hint=self.idempotent or None)


def advertised_schema(model: type[ToolInput], language: Language) -> dict[str, Any]:
    """The input schema `tools/list` shows: pydantic's, minus what costs tokens and tells the model nothing.

    Parameter descriptions are declared in both languages (`Words` beside the field); the schema carries
    the one of `language`.

    Calls are validated by the input model, never by this schema, so validation does not change. The schema
    keeps types, enums, formats, patterns, required fields and the limits a real call can reach; it offers
    no type or value the model refuses, except past the guards left to validation (whose error names them):
    a string must not be blank, a name, term or phone number stays within 200 characters, an ID below 2**63.
    Also gone: `title`s, `$ref`s (inlined), empty defaults and a flag's `default: false` (an absent flag is
    off), `anyOf [T, null]` on optional fields (leaving one out is null; where null means something, the
    type says `[T, "null"]`), and `additionalProperties: false`: every input model refuses an unknown field
    with an error that names it and lists the accepted ones, so the word would cost ~28 bytes a tool (and
    object) to say what the first call's answer says anyway.
    """
    schema = model.model_json_schema()
    definitions = schema.pop("$defs", {})
    advertised = _plain(schema, definitions, language)
    advertised.setdefault("properties", {})
    return model.advertise(advertised)


_EMPTY_DEFAULTS: tuple[Any, ...] = (None, "", [], ())
_NULL = {"type": "null"}


def _plain(node: dict[str, Any], definitions: dict[str, Any], language: Language) -> dict[str, Any]:
    reference = node.get("$ref")
    if isinstance(reference, str):
        node = {**definitions[reference.rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
    plain = {key: value for key, value in node.items() if key != "title"}
    if plain.get("additionalProperties") is False:
        del plain["additionalProperties"]
    if "description" in plain:
        plain["description"] = pick_description(plain["description"], language)
    options = plain.get("anyOf")
    if isinstance(options, list) and len(options) == 2 and _NULL in options:
        (other,) = [option for option in options if option != _NULL]
        if plain.get("default", ...) is None:  # optional: leaving it out is the same as null
            plain = {**other, **{k: v for k, v in plain.items() if k != "anyOf"}}
        elif isinstance(other.get("type"), str) and "anyOf" not in other:  # null means something: said so
            plain = {
                **other,
                **{k: v for k, v in plain.items() if k != "anyOf"},
                "type": [other["type"], "null"],
            }
    if "default" in plain and any(plain["default"] == empty for empty in _EMPTY_DEFAULTS):
        del plain["default"]
    if plain.get("type") == "boolean" and plain.get("default") is False:
        del plain["default"]
    if plain.get("minLength") == 1:
        del plain["minLength"]
    if plain.get("maxLength", MAX_TERM_LENGTH + 1) <= MAX_TERM_LENGTH:
        del plain["maxLength"]
    if plain.get("maximum", 0) >= MAX_ID:
        del plain["maximum"]
    if isinstance(plain.get("properties"), dict):
        plain["properties"] = {
            name: _plain(sub, definitions, language) for name, sub in plain["properties"].items()
        }
    if isinstance(plain.get("items"), dict):
        plain["items"] = _plain(plain["items"], definitions, language)
    if isinstance(plain.get("anyOf"), list):
        plain["anyOf"] = [_plain(option, definitions, language) for option in plain["anyOf"]]
    return dict(sorted(plain.items(), key=lambda item: _FIRST.get(item[0], len(_FIRST))))


_FIRST = {"type": 0, "description": 1}  # then the rest in pydantic's order: a snapshot diff reads easily
