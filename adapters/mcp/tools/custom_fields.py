"""Custom-field tools: entities (groups of fields), their fields, and the options of select fields."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, TypeVar

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from adapters.i18n.words import Words
from adapters.mcp.fields import NAME_OR_PART, PositiveId
from adapters.mcp.outputs.custom_fields import (
    ListEntitiesOutput,
    ListEntityFieldOptionsOutput,
    ListEntityFieldsOutput,
)
from adapters.mcp.spec import PagedInput, ToolSpec
from adapters.presenters.markdown.custom_fields import (
    present_entities,
    present_entity_field_options,
    present_entity_fields,
)
from adapters.presenters.markdown.format import Formatter
from adapters.use_cases import UseCases
from application.use_cases.custom_fields import ListEntities, ListEntityFieldOptions, ListEntityFields
from domain.custom_fields import AppliedIn, Entity, EntityField, EntityFieldOption, FieldType
from domain.ids import EntityFieldId, EntityId
from domain.paging import Page

E = TypeVar("E", bound=Enum)


def _member(kind: type[E], rule: str) -> Any:
    """A validator taking one of the enum's values (any case), or nothing; the error names every value."""

    def parse(value: Any) -> E | None:
        if value is None or value == "":
            return None
        if isinstance(value, kind):
            return value
        if isinstance(value, str):
            for member in kind:
                if member.value == value.strip().lower():
                    return member
        raise PydanticCustomError(rule, "one of the documented values")

    return parse


def _one_of(kind: type[Enum]) -> dict[str, Any]:
    return {"anyOf": [{"type": "string", "enum": [member.value for member in kind]}, {"type": "null"}]}


def _not_boolean(value: Any) -> Any:
    """JSON `true` is not ID 1."""
    if isinstance(value, bool):
        raise PydanticCustomError("positive_integer", "id")
    return value


Id = Annotated[PositiveId, BeforeValidator(_not_boolean)]
AppliedInArg = Annotated[
    AppliedIn | None, BeforeValidator(_member(AppliedIn, "applied_in")), WithJsonSchema(_one_of(AppliedIn))
]
FieldTypeArg = Annotated[
    FieldType | None, BeforeValidator(_member(FieldType, "field_type")), WithJsonSchema(_one_of(FieldType))
]


class ListEntitiesInput(PagedInput):
    active: Annotated[bool | None, Words(pt="Omitido: todas.", en="Left out: all.")] = None
    applied_in: Annotated[
        AppliedInArg, Words(pt="Onde os campos aparecem.", en="Where the fields appear.")
    ] = None
    name: Annotated[str | None, NAME_OR_PART] = Field(default=None, min_length=1, max_length=200)

    async def run(self, list_entities: ListEntities) -> Page[Entity]:
        return await list_entities(
            active=self.active, applied_in=self.applied_in, name=self.name, page=self.page()
        )


class ListEntityFieldsInput(PagedInput):
    entity_id: Annotated[Id, Words(pt="Entidade (list_entities).", en="Entity (list_entities).")]
    field_type: Annotated[FieldTypeArg, Words(pt="Tipo do campo.", en="Field type.")] = None
    required: Annotated[
        bool | None,
        Words(
            pt="true: só obrigatórios; false: só opcionais.", en="true: required only; false: optional only."
        ),
    ] = None
    name: Annotated[str | None, NAME_OR_PART] = Field(default=None, min_length=1, max_length=200)

    async def run(self, list_fields: ListEntityFields) -> Page[EntityField]:
        return await list_fields(
            EntityId(self.entity_id),
            field_type=self.field_type,
            required=self.required,
            name=self.name,
            page=self.page(),
        )


class ListEntityFieldOptionsInput(PagedInput):
    entity_field_id: Annotated[Id, Words(pt="Campo (list_entity_fields).", en="Field (list_entity_fields).")]
    value: Annotated[str | None, Words(pt="Texto ou parte.", en="Text or part.")] = Field(
        default=None, min_length=1, max_length=200
    )

    async def run(self, list_options: ListEntityFieldOptions) -> Page[EntityFieldOption]:
        return await list_options(EntityFieldId(self.entity_field_id), value=self.value, page=self.page())


def _present_entities(page: Page[Entity], args: ListEntitiesInput, fmt: Formatter) -> str:
    return present_entities(page, active=args.active, applied_in=args.applied_in, name=args.name, fmt=fmt)


def _present_fields(page: Page[EntityField], args: ListEntityFieldsInput, fmt: Formatter) -> str:
    return present_entity_fields(
        page, args.entity_id, field_type=args.field_type, required=args.required, name=args.name, fmt=fmt
    )


def _present_options(page: Page[EntityFieldOption], args: ListEntityFieldOptionsInput, fmt: Formatter) -> str:
    return present_entity_field_options(page, args.entity_field_id, value=args.value, fmt=fmt)


LIST_ENTITIES = ToolSpec(
    name="list_entities",
    title=Words(pt="Listar entidades (campos personalizados)", en="List entities (custom fields)"),
    description=Words(
        pt="Entidades (grupos de campos personalizados): onde se aplicam, se ativas. "
        "Depois: list_entity_fields.",
        en="Entities (groups of custom fields): where they apply, whether active. Then: list_entity_fields.",
    ),
    input_model=ListEntitiesInput,
    output_model=ListEntitiesOutput,
    use_case=UseCases.list_entities,
    run=ListEntitiesInput.run,
    present_with_arguments=_present_entities,
    read_only=True,
    toolset="custom_fields",
)

LIST_ENTITY_FIELDS = ToolSpec(
    name="list_entity_fields",
    title=Words(pt="Listar campos de uma entidade", en="List an entity's fields"),
    description=Words(
        pt="Campos de uma entidade: ID, tipo, obrigatório, formato do valor em update_ticket_entities.",
        en="An entity's fields: ID, type, required, value format in update_ticket_entities.",
    ),
    input_model=ListEntityFieldsInput,
    output_model=ListEntityFieldsOutput,
    use_case=UseCases.list_entity_fields,
    run=ListEntityFieldsInput.run,
    present_with_arguments=_present_fields,
    read_only=True,
    toolset="custom_fields",
)

LIST_ENTITY_FIELD_OPTIONS = ToolSpec(
    name="list_entity_field_options",
    title=Words(pt="Listar opções de um campo", en="List a field's options"),
    description=Words(
        pt="Opções de um campo de seleção ou checkbox: ID, texto, se é a opção nula.",
        en="A select or checkbox field's options: ID, text, whether it is the null option.",
    ),
    input_model=ListEntityFieldOptionsInput,
    output_model=ListEntityFieldOptionsOutput,
    use_case=UseCases.list_entity_field_options,
    run=ListEntityFieldOptionsInput.run,
    present_with_arguments=_present_options,
    read_only=True,
    toolset="custom_fields",
)

CUSTOM_FIELD_TOOLS = (LIST_ENTITIES, LIST_ENTITY_FIELDS, LIST_ENTITY_FIELD_OPTIONS)

__all__ = ["CUSTOM_FIELD_TOOLS", "LIST_ENTITIES", "LIST_ENTITY_FIELDS", "LIST_ENTITY_FIELD_OPTIONS"]
