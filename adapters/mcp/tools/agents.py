"""Agents (toolset `users`, opt-in; administrators' keys): create_user, get_user, update_user (issue 19)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictBool

from adapters.i18n.words import Words
from adapters.mcp.fields import Email, IdList, PositiveId
from adapters.mcp.outputs.agents import CreateUserOutput, GetUserOutput, UpdateUserOutput
from adapters.mcp.references import OptionalId, reference
from adapters.mcp.spec import Asking, Confirmation, ToolInput, ToolSpec
from adapters.presenters.markdown.agents import present_agent, present_agent_written
from adapters.use_cases import UseCases
from application.use_cases.agents import AgentWritten, CreateAgent, ShowAgent, UpdateAgent
from domain.agents import Agent, AgentChanges, Licences, TechnicalGroupId
from domain.ids import ClientId, UserId
from domain.resolution import Reference

USER_ID = Words(pt="Usuário.", en="User.")
_LICENCE = {
    "whatsapp_license": Words(pt="Licença WhatsApp.", en="WhatsApp licence."),
    "tickets_license": Words(pt="Licença Tickets.", en="Tickets licence."),
    "remote_access_license": Words(pt="Licença acesso remoto.", en="Remote access licence."),
    "api_license": Words(pt="Licença API.", en="API licence."),
    "splashtop_license": Words(pt="Licença Splashtop.", en="Splashtop licence."),
}


class AgentInput(ToolInput):
    """The technical group (by ID or name) and the licences, shared by create and update."""

    technical_group_id: Annotated[OptionalId, Words(pt="Grupo técnico.", en="Technical group.")] = None
    technical_group_name: Annotated[
        str | None, Words(pt="Ou o nome do grupo.", en="Or the group's name.")
    ] = Field(default=None, min_length=1, max_length=200)
    whatsapp_license: Annotated[StrictBool | None, _LICENCE["whatsapp_license"]] = None
    tickets_license: Annotated[StrictBool | None, _LICENCE["tickets_license"]] = None
    remote_access_license: Annotated[StrictBool | None, _LICENCE["remote_access_license"]] = None
    api_license: Annotated[StrictBool | None, _LICENCE["api_license"]] = None
    splashtop_license: Annotated[StrictBool | None, _LICENCE["splashtop_license"]] = None

    def group(self) -> Reference[TechnicalGroupId]:
        return reference(TechnicalGroupId, self, "technical_group_id", "technical_group_name")

    def licences(self) -> Licences:
        return Licences(
            self.whatsapp_license,
            self.tickets_license,
            self.remote_access_license,
            self.api_license,
            self.splashtop_license,
        )

    def licence_words(self, asking: Asking) -> str:
        t = asking.translator
        given = self.licences().given()
        return ", ".join(
            t(f"agents.licence.{'on' if on else 'off'}", name=t(f"agents.{key}")) for key, on in given.items()
        )


class CreateUserInput(AgentInput):
    name: Annotated[str, Words(pt="Nome.", en="Name.")] = Field(min_length=1, max_length=200)
    email: Annotated[Email, Words(pt="E-mail de login.", en="Login e-mail.")]

    async def run(self, create: CreateAgent) -> AgentWritten:
        assert self.email is not None
        return await create(self.name, self.email, self.group(), self.licences())

    async def question(self, asking: Asking) -> str:
        t = asking.translator
        words = self.licence_words(asking) or t("agents.licence.none")
        return t("confirm.create_user", name=self.name, email=self.email, licences=words)


class GetUserInput(ToolInput):
    user_id: Annotated[PositiveId, USER_ID]

    async def run(self, show: ShowAgent) -> Agent:
        return await show(UserId(self.user_id))


class UpdateUserInput(AgentInput):
    user_id: Annotated[PositiveId, USER_ID]
    name: Annotated[str | None, Words(pt="Nome.", en="Name.")] = Field(
        default=None, min_length=1, max_length=200
    )
    email: Annotated[Email, Words(pt="E-mail de login.", en="Login e-mail.")] = None
    active: Annotated[StrictBool | None, Words(pt="false desativa.", en="false deactivates.")] = None
    extension: Annotated[str | None, Words(pt="Ramal.", en="Extension.")] = Field(
        default=None, min_length=1, max_length=20
    )
    telephone: Annotated[str | None, Words(pt="Telefone, só dígitos.", en="Phone, digits only.")] = Field(
        default=None, pattern=r"^[0-9]{8,15}$"
    )
    client_ids: Annotated[
        IdList | None, Words(pt="Clientes (IDs por vírgula).", en="Clients (IDs, comma-separated).")
    ] = None
    country_code: Annotated[str | None, Words(pt="DDI.", en="Country code.")] = Field(
        default=None, pattern=r"^[0-9]{1,3}$"
    )

    def changes(self) -> AgentChanges:
        return AgentChanges(
            name=self.name,
            email=self.email,
            active=self.active,
            extension=self.extension,
            telephone=self.telephone,
            client_ids=tuple(ClientId(i) for i in self.client_ids) if self.client_ids is not None else None,
            country_code=self.country_code,
            licences=self.licences(),
        )

    async def run(self, update: UpdateAgent) -> AgentWritten:
        return await update(UserId(self.user_id), self.changes(), self.group())

    async def question(self, asking: Asking) -> str | None:
        """Asked only when the change deactivates the user or changes licences."""
        t = asking.translator
        parts = [t("agents.deactivate")] if self.active is False else []
        if self.licences().given():
            parts.append(self.licence_words(asking))
        if not parts:
            return None
        return t("confirm.update_user", id=self.user_id, changes="; ".join(parts))


CREATE_USER = ToolSpec(
    name="create_user",
    title=Words(pt="Criar agente", en="Create agent"),
    description=Words(
        pt="Cria um agente (atendente) num grupo técnico, com licenças. Chave de administrador.",
        en="Creates an agent (attendant) in a technical group, with licences. Admin key.",
    ),
    input_model=CreateUserInput,
    output_model=CreateUserOutput,
    use_case=UseCases.create_agent,
    run=CreateUserInput.run,
    present=present_agent_written,
    read_only=False,
    idempotent=False,
    toolset="users",
    confirmation=Confirmation(CreateUserInput.question),
)

GET_USER = ToolSpec(
    name="get_user",
    title=Words(pt="Ver usuário", en="Show user"),
    description=Words(
        pt="Mostra um usuário completo: tipo, grupo, clientes, licenças. Chave de administrador.",
        en="Shows a user in full: type, group, clients, licences. Admin key.",
    ),
    input_model=GetUserInput,
    output_model=GetUserOutput,
    use_case=UseCases.show_agent,
    run=GetUserInput.run,
    present=present_agent,
    read_only=True,
    toolset="users",
)

UPDATE_USER = ToolSpec(
    name="update_user",
    title=Words(pt="Atualizar usuário", en="Update user"),
    description=Words(
        pt="Altera só os campos informados de um usuário; desativar ou mudar licenças pede confirmação. "
        "Chave de administrador.",
        en="Changes only the given fields of a user; deactivating or changing licences asks first. "
        "Admin key.",
    ),
    input_model=UpdateUserInput,
    output_model=UpdateUserOutput,
    use_case=UseCases.update_agent,
    run=UpdateUserInput.run,
    present=present_agent_written,
    read_only=False,
    destructive=True,
    toolset="users",
    confirmation=Confirmation(UpdateUserInput.question),
)

AGENT_TOOLS = (CREATE_USER, GET_USER, UPDATE_USER)

__all__ = ["AGENT_TOOLS", "CREATE_USER", "GET_USER", "UPDATE_USER"]
