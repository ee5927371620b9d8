"""Messages of the knowledge-base tools."""

PT_BR: dict[str, str] = {
    "kind.knowledge": "conhecimento",
    "kind.knowledge_folder": "pasta de conhecimento",
    "choose.knowledge_folder": 'Qual pasta de conhecimento você quis dizer com "{term}"?',
    # --- 403: o que falta
    "error.permission.need": "Sem permissão no TiFlux (código {code}): {need}. Peça a um administrador.",
    "error.permission.licence": "A conta não tem licença do TiFlux para isto (código 40304): {need}.",
    "need.knowledge.read": "sem a permissão “Gerenciar base de conhecimento”, o usuário da chave vê só artigos públicos e os dos seus grupos técnicos",
    "need.knowledge.create": "criar conhecimento exige a permissão “Gerenciar conhecimento”",
    # --- list_knowledges
    "knowledges.heading": "Conhecimentos — página {page}: {count}",
    "knowledges.total": "{total} no total",
    "knowledges.filter.search": 'busca "{search}"',
    "knowledges.filter.folders": "pastas {ids}",
    "knowledges.filters": "Filtros: {filters}.",
    "knowledges.resolved": 'Pasta "{term}" → {folder}.',
    "knowledges.columns": "| ID | Título | Visibilidade | Pastas | Tags | Atualizado |",
    "knowledges.empty": "Nenhum conhecimento encontrado (página {page}).",
    "knowledges.visibility": "Sem a permissão “Gerenciar base de conhecimento”, só aparecem artigos públicos e os dos grupos técnicos do usuário.",
    "knowledges.hint": "O artigo inteiro: `get_knowledge` com `knowledge_id`.",
    "knowledge.private": "privado",
    "knowledge.public": "público",
    # --- get_knowledge
    "knowledge.heading": "Conhecimento: {title} · ID {id}",
    "knowledge.visibility": "Visibilidade",
    "knowledge.folders": "Pastas",
    "knowledge.tags": "Tags",
    "knowledge.clients": "Clientes vinculados",
    "knowledge.groups": "Grupos técnicos vinculados",
    "knowledge.items": "Itens de catálogo vinculados",
    "knowledge.created": "Criado em",
    "knowledge.updated": "Atualizado em",
    "knowledge.empty_body": "(artigo sem texto)",
    "knowledge.read_only": "A API v2 do TiFlux não altera nem exclui artigos: para corrigir, crie um novo (`create_knowledge`).",
    # --- list_knowledge_folders
    "knowledge_folders.heading": "Pastas de conhecimento — página {page}: {count}",
    "knowledge_folders.columns": "| ID | Título | Descrição | Ícone | Artigos | Tags |",
    "knowledge_folders.filter": 'Título com "{search}".',
    "knowledge_folders.empty": "Nenhuma pasta de conhecimento encontrada (página {page}).",
    "knowledge_folders.hint": "Artigos de uma pasta: `list_knowledges` com `knowledge_folder_ids` ou `knowledge_folder_name`.",
    # --- create_knowledge
    "knowledge.created.heading": "Conhecimento criado: {title} · ID {id}",
    "knowledge.created.hint": "Para ler: `get_knowledge` com `knowledge_id={id}`.",
}

EN: dict[str, str] = {
    "kind.knowledge": "knowledge article",
    "kind.knowledge_folder": "knowledge folder",
    "choose.knowledge_folder": 'Which knowledge folder did you mean by "{term}"?',
    "error.permission.need": "No permission in TiFlux (code {code}): {need}. Ask an administrator.",
    "error.permission.licence": "The account has no TiFlux licence for this (code 40304): {need}.",
    "need.knowledge.read": "without the “Manage knowledge base” permission, the key's user sees only public articles and those of their technical groups",
    "need.knowledge.create": "creating an article needs the “Manage knowledge” permission",
    "knowledges.heading": "Knowledge articles — page {page}: {count}",
    "knowledges.total": "{total} in total",
    "knowledges.filter.search": 'search "{search}"',
    "knowledges.filter.folders": "folders {ids}",
    "knowledges.filters": "Filters: {filters}.",
    "knowledges.resolved": 'Folder "{term}" → {folder}.',
    "knowledges.columns": "| ID | Title | Visibility | Folders | Tags | Updated |",
    "knowledges.empty": "No knowledge article found (page {page}).",
    "knowledges.visibility": "Without the “Manage knowledge base” permission, only public articles and those of the user's technical groups are listed.",
    "knowledges.hint": "The whole article: `get_knowledge` with `knowledge_id`.",
    "knowledge.private": "private",
    "knowledge.public": "public",
    "knowledge.heading": "Knowledge article: {title} · ID {id}",
    "knowledge.visibility": "Visibility",
    "knowledge.folders": "Folders",
    "knowledge.tags": "Tags",
    "knowledge.clients": "Linked clients",
    "knowledge.groups": "Linked technical groups",
    "knowledge.items": "Linked catalog items",
    "knowledge.created": "Created",
    "knowledge.updated": "Updated",
    "knowledge.empty_body": "(article without text)",
    "knowledge.read_only": "TiFlux API v2 cannot change or delete articles: to correct one, create a new one (`create_knowledge`).",
    "knowledge_folders.heading": "Knowledge folders — page {page}: {count}",
    "knowledge_folders.columns": "| ID | Title | Description | Icon | Articles | Tags |",
    "knowledge_folders.filter": 'Title containing "{search}".',
    "knowledge_folders.empty": "No knowledge folder found (page {page}).",
    "knowledge_folders.hint": "A folder's articles: `list_knowledges` with `knowledge_folder_ids` or `knowledge_folder_name`.",
    "knowledge.created.heading": "Knowledge article created: {title} · ID {id}",
    "knowledge.created.hint": "To read it: `get_knowledge` with `knowledge_id={id}`.",
}

PT_BR.update(
    {
        "rule.knowledge_tag": "cada tag é um texto não vazio, sem vírgula",
        "confirm.create_knowledge": 'Criar o artigo "{title}" ({visibility}, pastas {folders})? A API não permite alterá-lo nem excluí-lo depois.',
    }
)
EN.update(
    {
        "rule.knowledge_tag": "each tag is a non-empty text without commas",
        "confirm.create_knowledge": 'Create the article "{title}" ({visibility}, folders {folders})? The API cannot change or delete it afterwards.',
    }
)
