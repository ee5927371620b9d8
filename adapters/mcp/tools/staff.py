"""Who attends: the attendants a ticket can be assigned to (toolset `tickets`) and the chat departments
(toolset `chats`). Neither needs an administrator key."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from adapters.i18n.words import Words
from adapters.mcp.fields import CLIENT_ID, CLIENT_NAME, NAME_OR_PART
from adapters.mcp.outputs.requestors import ListDepartmentsOutput, SearchTechnicalUserOutput
from adapters.mcp.references import DeskByIdOrName, OptionalId, reference
from adapters.mcp.spec import PagedInput, ToolSpec
from adapters.presenters.markdown.requestors import present_departments, present_technical_users
from adapters.use_cases import UseCases
from application.use_cases.requestors import (
    DepartmentPage,
    ListDepartments,
    SearchTechnicalUsers,
    TechnicalUserPage,
)
from domain.ids import ClientId


class SearchTechnicalUserInput(DeskByIdOrName, PagedInput):
    name: Annotated[str | None, NAME_OR_PART] = Field(default=None, min_length=1, max_length=200)
    email: Annotated[str | None, Words(pt="E-mail ou parte.", en="E-mail or part.")] = Field(
        default=None, min_length=1, max_length=200
    )
    client_id: Annotated[OptionalId, CLIENT_ID] = None
    client_name: Annotated[str | None, CLIENT_NAME] = Field(default=None, min_length=1, max_length=200)

    async def run(self, search: SearchTechnicalUsers) -> TechnicalUserPage:
        return await search(
            name=self.name,
            email=self.email,
            desk=self.desk(),
            client=reference(ClientId, self, "client_id", "client_name"),
            page=self.page(),
        )


class ListDepartmentsInput(PagedInput):
    name: Annotated[str | None, NAME_OR_PART] = Field(default=None, min_length=1, max_length=200)

    async def run(self, list_departments: ListDepartments) -> DepartmentPage:
        return await list_departments(name=self.name, page=self.page())


SEARCH_TECHNICAL_USER = ToolSpec(
    name="search_technical_user",
    title=Words(pt="Buscar atendente", en="Find attendant"),
    description=Words(
        pt="Busca atendentes: o responsible_id (sem chave admin).",
        en="Finds attendants: the responsible_id (no admin key).",
    ),
    input_model=SearchTechnicalUserInput,
    output_model=SearchTechnicalUserOutput,
    use_case=UseCases.search_technical_users,
    run=SearchTechnicalUserInput.run,
    present=present_technical_users,
    read_only=True,
    toolset="tickets",
)

LIST_DEPARTMENTS = ToolSpec(
    name="list_departments",
    title=Words(pt="Listar departamentos", en="List departments"),
    description=Words(
        pt="Departamentos de chat (department_id).",
        en="Chat departments (department_id).",
    ),
    input_model=ListDepartmentsInput,
    output_model=ListDepartmentsOutput,
    use_case=UseCases.list_departments,
    run=ListDepartmentsInput.run,
    present=present_departments,
    read_only=True,
    toolset="chats",
)

STAFF_TOOLS = (SEARCH_TECHNICAL_USER, LIST_DEPARTMENTS)

__all__ = ["LIST_DEPARTMENTS", "SEARCH_TECHNICAL_USER", "STAFF_TOOLS"]
