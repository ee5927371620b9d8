"""Messages of discovery on demand (TIFLUX_DISCOVERY): listing the toolsets and turning one on."""

PT_BR: dict[str, str] = {
    "discovery.heading": "Grupos de ferramentas ({on} de {total} ligados nesta sessão):",
    "discovery.row.on": "- `{name}` (ligado, {count} ferramentas): {description}",
    "discovery.row.off": "- `{name}` (desligado): {description}",
    "discovery.row.unavailable": "- `{name}` (não disponível neste servidor): {description}",
    "discovery.hint": "Ligue um grupo com `enable_toolset` quando precisar das ferramentas dele.",
    "discovery.enabled": "Grupo `{name}` ligado: {count} ferramentas novas ({tools}).",
    "discovery.enabled.none": "Grupo `{name}` ligado; ele ainda não tem ferramentas.",
    "discovery.enabled.read_only": "Servidor somente leitura: as ferramentas que alteram dados continuam fora.",
    "discovery.already": "O grupo `{name}` já está ligado nesta sessão; nada mudou.",
    "discovery.refused": "O grupo `{name}` não pode ser ligado neste servidor (TIFLUX_TOOLSETS do operador); "
    "podem: {allowed}.",
    "discovery.unknown": "Parâmetro inválido `toolset`: grupo desconhecido; valores aceitos: {allowed}.",
    "error.tool_disabled.discovery": "A ferramenta `{name}` é do grupo `{toolset}`, desligado nesta sessão: "
    "ligue-o com `enable_toolset` e chame de novo; nada foi enviado.",
}

EN: dict[str, str] = {
    "discovery.heading": "Toolsets ({on} of {total} on in this session):",
    "discovery.row.on": "- `{name}` (on, {count} tools): {description}",
    "discovery.row.off": "- `{name}` (off): {description}",
    "discovery.row.unavailable": "- `{name}` (not available on this server): {description}",
    "discovery.hint": "Turn one on with `enable_toolset` when you need its tools.",
    "discovery.enabled": "Toolset `{name}` is on: {count} new tools ({tools}).",
    "discovery.enabled.none": "Toolset `{name}` is on; it has no tools yet.",
    "discovery.enabled.read_only": "Read-only server: the tools that change data stay off.",
    "discovery.already": "The toolset `{name}` is already on in this session; nothing changed.",
    "discovery.refused": "The toolset `{name}` cannot be turned on on this server (the operator's "
    "TIFLUX_TOOLSETS); these can: {allowed}.",
    "discovery.unknown": "Invalid parameter `toolset`: unknown toolset; accepted values: {allowed}.",
    "error.tool_disabled.discovery": "The tool `{name}` belongs to the toolset `{toolset}`, off in this "
    "session: turn it on with `enable_toolset` and call again; nothing was sent.",
}
