"""Messages of time entries beyond one ticket's appointments (records area, issue 18)."""

PT_BR: dict[str, str] = {
    "timers.heading": "Pré-apontamentos do ticket #{number} — página {page} ({shown})",
    "timers.shown": "{count} nesta página",
    "timers.shown_of": "{count} de {total}",
    "timers.empty": "Nenhum pré-apontamento no ticket #{number} (página {page}): nenhum cronômetro rodando.",
    "timers.columns": "| ID | Data | Início | Fim | Usuário |",
    "timers.running": "em andamento",
    "timers.next": "Parados, viram apontamentos: list_appointments.",
    "need.appointments.edit": "pré-apontamentos exigem a permissão “Criar e editar apontamentos” e a licença de Tickets",
}

EN: dict[str, str] = {
    "timers.heading": "Timers of ticket #{number} — page {page} ({shown})",
    "timers.shown": "{count} on this page",
    "timers.shown_of": "{count} of {total}",
    "timers.empty": "No timers on ticket #{number} (page {page}): none is running.",
    "timers.columns": "| ID | Date | Start | End | User |",
    "timers.running": "running",
    "timers.next": "Once stopped they become appointments: list_appointments.",
    "need.appointments.edit": "timers need the “Create and edit appointments” permission and a Tickets licence",
}
