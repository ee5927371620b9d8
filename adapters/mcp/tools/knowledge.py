"""Knowledge-base tools: find, read and write articles, and list their folders. API v2 has no update or
delete for articles, and the descriptions say so where a model looks for one."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from adapters.i18n.words import Words
from adapters.mcp.confirmations import PREVIEW_CHARS
from adapters.mcp.fields import MARKDOWN, IdList, PositiveId
from adapters.mcp.outputs.knowledge import (
    CreateKnowledgeOutput,
    GetKnowledgeOutput,
    ListKnowledgeFoldersOutput,
    ListKnowledgesOutput,
)
from adapters.mcp.spec import Asking, Confirmation, PagedInput, ToolInput, ToolSpec
from adapters.presenters.markdown.knowledge import (
    present_knowledge,
    present_knowledge_created,
    present_knowledge_folders,
    present_knowledges,
)
from adapters.presenters.markdown.text import inline
from adapters.use_cases import UseCases
from application.queries import MAX_IDS_PER_FILTER
from application.use_cases.knowledge import (
    CreateKnowledge,
    FolderList,
    KnowledgeCreated,
    KnowledgeList,
    ListKnowledgeFolders,
    ListKnowledges,
    ShowKnowledge,
)
from domain.knowledge import Knowledge, KnowledgeFolderId, KnowledgeId
from domain.resolution import Reference

MAX_ARTICLE_TEXT = 100_000
MAX_TAGS = 30

SEARCH = Words(
    pt="Texto no título, nas tags ou no início do artigo.", en="Text in the title, tags or article start."
)
FOLDER_IDS = Words(
    pt="Pastas (list_knowledge_folders), por vírgula.",
    en="Folders (list_knowledge_folders), comma-separated.",
)
NO_EDIT = Words(pt=" A API não altera nem exclui artigos.", en=" The API cannot change or delete articles.")


def _tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    for tag in tags:
        if not tag.strip() or "," in tag:
            raise PydanticCustomError("knowledge_tag", "tag")
    return tuple(dict.fromkeys(tag.strip() for tag in tags))


Tags = Annotated[
    tuple[Annotated[str, Field(max_length=100)], ...],
    Field(max_length=MAX_TAGS),
    AfterValidator(_tags),
    Words(pt="Tags, sem vírgula dentro.", en="Tags, no comma inside."),
]


class ListKnowledgesInput(PagedInput):
    search: Annotated[str | None, SEARCH] = Field(default=None, min_length=1, max_length=200)
    knowledge_folder_ids: Annotated[IdList, Field(max_length=MAX_IDS_PER_FILTER), FOLDER_IDS] = ()
    knowledge_folder_name: Annotated[
        str | None, Words(pt="Pasta: nome ou parte.", en="Folder: name or part.")
    ] = Field(default=None, min_length=1, max_length=200)

    async def run(self, list_knowledges: ListKnowledges) -> KnowledgeList:
        folder: Reference[KnowledgeFolderId] = Reference(
            "knowledge_folder_ids", "knowledge_folder_name", None, self.knowledge_folder_name
        )
        return await list_knowledges(
            search=self.search, folder_ids=self.knowledge_folder_ids, folder=folder, page=self.page()
        )


class KnowledgeIdInput(ToolInput):
    knowledge_id: Annotated[
        PositiveId, Words(pt="Artigo (list_knowledges).", en="Article (list_knowledges).")
    ]

    async def run(self, show_knowledge: ShowKnowledge) -> Knowledge:
        return await show_knowledge(KnowledgeId(self.knowledge_id))


class ListKnowledgeFoldersInput(PagedInput):
    search: Annotated[str | None, Words(pt="Texto no título.", en="Text in the title.")] = Field(
        default=None, min_length=1, max_length=200
    )

    async def run(self, list_folders: ListKnowledgeFolders) -> FolderList:
        return await list_folders(search=self.search, page=self.page())


class CreateKnowledgeInput(ToolInput):
    title: Annotated[str, Words(pt="Título.", en="Title.")] = Field(min_length=1, max_length=255)
    text: Annotated[str, MARKDOWN] = Field(min_length=1, max_length=MAX_ARTICLE_TEXT)
    knowledge_folder_ids: Annotated[IdList, Field(min_length=1), FOLDER_IDS]
    tags: Tags = ()
    private: Annotated[
        bool,
        Words(pt="true: só os vinculados veem.", en="true: only those linked see it."),
    ] = True
    client_ids: Annotated[IdList, Words(pt="Clientes.", en="Clients.")] = ()
    technical_group_ids: Annotated[IdList, Words(pt="Grupos técnicos.", en="Technical groups.")] = ()
    services_catalogs_item_ids: Annotated[IdList, Words(pt="Itens de catálogo.", en="Catalog items.")] = ()

    async def run(self, create_knowledge: CreateKnowledge) -> KnowledgeCreated:
        return await create_knowledge(
            title=self.title,
            text=self.text,
            folder_ids=self.knowledge_folder_ids,
            tags=self.tags,
            private=self.private,
            client_ids=self.client_ids,
            technical_group_ids=self.technical_group_ids,
            catalog_item_ids=self.services_catalogs_item_ids,
        )

    async def question(self, asking: Asking) -> str:
        t = asking.translator
        return t(
            "confirm.create_knowledge",
            title=inline(self.title, limit=PREVIEW_CHARS),
            visibility=t("knowledge.private") if self.private else t("knowledge.public"),
            folders=", ".join(str(ident) for ident in self.knowledge_folder_ids),
        )

    @classmethod
    def advertise(cls, schema: dict[str, Any]) -> dict[str, Any]:
        schema["properties"]["knowledge_folder_ids"].pop("minItems", None)  # a CSV string: said in words
        return super().advertise(schema)


LIST_KNOWLEDGES = ToolSpec(
    name="list_knowledges",
    title=Words(pt="Buscar na base de conhecimento", en="Search the knowledge base"),
    description=Words(
        pt="Lista artigos da base de conhecimento; o texto: get_knowledge.",
        en="Lists knowledge-base articles; the text: get_knowledge.",
    ),
    input_model=ListKnowledgesInput,
    output_model=ListKnowledgesOutput,
    use_case=UseCases.list_knowledges,
    run=ListKnowledgesInput.run,
    present=present_knowledges,
    read_only=True,
    toolset="knowledge",
)

GET_KNOWLEDGE = ToolSpec(
    name="get_knowledge",
    title=Words(pt="Ler artigo de conhecimento", en="Read a knowledge article"),
    description=Words(pt="Mostra um artigo inteiro, com o texto.", en="Shows a whole article, with its text.")
    + NO_EDIT,
    input_model=KnowledgeIdInput,
    output_model=GetKnowledgeOutput,
    use_case=UseCases.show_knowledge,
    run=KnowledgeIdInput.run,
    present=present_knowledge,
    read_only=True,
    toolset="knowledge",
)

LIST_KNOWLEDGE_FOLDERS = ToolSpec(
    name="list_knowledge_folders",
    title=Words(pt="Listar pastas de conhecimento", en="List knowledge folders"),
    description=Words(
        pt="Lista as pastas da base de conhecimento, com quantos artigos têm.",
        en="Lists the knowledge-base folders, with how many articles each holds.",
    ),
    input_model=ListKnowledgeFoldersInput,
    output_model=ListKnowledgeFoldersOutput,
    use_case=UseCases.list_knowledge_folders,
    run=ListKnowledgeFoldersInput.run,
    present=present_knowledge_folders,
    read_only=True,
    toolset="knowledge",
)

CREATE_KNOWLEDGE = ToolSpec(
    name="create_knowledge",
    title=Words(pt="Criar artigo de conhecimento", en="Create a knowledge article"),
    description=Words(
        pt="Cria um artigo (Markdown → HTML seguro). A API não altera nem exclui artigos depois.",
        en="Creates an article (Markdown → safe HTML). The API cannot change or delete articles later.",
    ),
    input_model=CreateKnowledgeInput,
    output_model=CreateKnowledgeOutput,
    use_case=UseCases.create_knowledge,
    run=CreateKnowledgeInput.run,
    present=present_knowledge_created,
    read_only=False,
    destructive=False,
    idempotent=False,
    toolset="knowledge",
    confirmation=Confirmation(CreateKnowledgeInput.question),
)

KNOWLEDGE_TOOLS = (LIST_KNOWLEDGES, GET_KNOWLEDGE, LIST_KNOWLEDGE_FOLDERS, CREATE_KNOWLEDGE)

__all__ = [
    "CREATE_KNOWLEDGE",
    "GET_KNOWLEDGE",
    "KNOWLEDGE_TOOLS",
    "LIST_KNOWLEDGES",
    "LIST_KNOWLEDGE_FOLDERS",
]
