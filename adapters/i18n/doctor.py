"""Messages of `tiflux-mcp doctor`: one line per check, each saying what is wrong and what to do."""

PT_BR: dict[str, str] = {
    "doctor.ok": "ok",
    "doctor.problem": "PROBLEMA",
    "doctor.heading": "tiflux-mcp {version} — diagnóstico",
    "doctor.settings_invalid": "configuração: {variable}: {problem}",
    "doctor.settings_read": "configuração lida (backend {backend}, API {api})",
    "doctor.locale": "idioma {language}, fuso {zone}, cache {ttl} s",
    "doctor.demo": "tenant de demonstração: nenhuma chave necessária",
    "doctor.no_key": (
        "TIFLUX_API_KEY não está definida: gere a chave no TiFlux (Minha conta → Sessões → Sessões API → "
        "Gerar novo token de sessão) e defina TIFLUX_API_KEY no ambiente ou num arquivo .env"
    ),
    "doctor.key_set": "TIFLUX_API_KEY definida ({length} caracteres; o valor não é mostrado)",
    "doctor.key_owner": "TiFlux respondeu: a chave pertence a {name} (ID {id})",
    "doctor.demo_owner": "TiFlux respondeu: o usuário de demonstração é {name} (ID {id})",
    "doctor.default_desk": "TIFLUX_DEFAULT_DESK_ID={id}: mesa {desk}",
    "doctor.tiflux_failed": "TiFlux: {error}",
    "doctor.defaults": "padrões para create_ticket: {defaults}",
    "doctor.no_defaults": "nenhum (opcionais)",
}

EN: dict[str, str] = {
    "doctor.ok": "ok",
    "doctor.problem": "PROBLEM",
    "doctor.heading": "tiflux-mcp {version} — check-up",
    "doctor.settings_invalid": "settings: {variable}: {problem}",
    "doctor.settings_read": "settings read (backend {backend}, API {api})",
    "doctor.locale": "language {language}, time zone {zone}, cache {ttl} s",
    "doctor.demo": "demo tenant: no key needed",
    "doctor.no_key": (
        "TIFLUX_API_KEY is not set: create the key in TiFlux (profile photo → Minha conta → Sessões → "
        "Sessões API → Gerar novo token de sessão, as the TiFlux screens name them) and set TIFLUX_API_KEY "
        "in the environment or in a .env file"
    ),
    "doctor.key_set": "TIFLUX_API_KEY set ({length} characters; the value is not shown)",
    "doctor.key_owner": "TiFlux answered: the key belongs to {name} (ID {id})",
    "doctor.demo_owner": "TiFlux answered: the demo user is {name} (ID {id})",
    "doctor.default_desk": "TIFLUX_DEFAULT_DESK_ID={id}: desk {desk}",
    "doctor.tiflux_failed": "TiFlux: {error}",
    "doctor.defaults": "defaults for create_ticket: {defaults}",
    "doctor.no_defaults": "none (optional)",
}
