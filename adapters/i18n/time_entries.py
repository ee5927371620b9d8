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

PT_BR |= {
    "org_appointments.heading": "Apontamentos de {start} a {end} — página {page} ({shown})",
    "org_appointments.empty": "Nenhum apontamento de {start} a {end} com esses filtros (página {page}).",
    "org_appointments.executor": "Executor externo: {name}",
    "org_appointments.travel_of": "Deslocamento de: #{number} — {title}",
    "org_appointments.guarantee": "🛡️ garantia",
    "org_appointments.manual": "✋ valor manual",
    "org_appointments.user_filter": "Sem a permissão “Visualizar relatórios dos técnicos” o TiFlux pode ignorar o filtro de técnico e listar só os apontamentos do dono da chave.",
    "need.appointments.report": "ver apontamentos de todos exige a permissão “Visualizar relatórios dos técnicos” (e a licença de Tickets)",
}

EN |= {
    "org_appointments.heading": "Appointments from {start} to {end} — page {page} ({shown})",
    "org_appointments.empty": "No appointments from {start} to {end} with these filters (page {page}).",
    "org_appointments.executor": "External executor: {name}",
    "org_appointments.travel_of": "Travel charge of: #{number} — {title}",
    "org_appointments.guarantee": "🛡️ warranty",
    "org_appointments.manual": "✋ manual value",
    "org_appointments.user_filter": "Without the “View technicians' reports” permission TiFlux may ignore the technician filter and list only the key owner's entries.",
    "need.appointments.report": "reading everyone's appointments needs the “View technicians' reports” permission (and a Tickets licence)",
}

PT_BR |= {
    "appointments_report.heading": "Relatório de apontamentos — {start} a {end}",
    "appointments_report.entries": "Apontamentos",
    "appointments_report.hours": "Horas",
    "appointments_report.value": "Valor",
    "appointments_report.manual": "{value} em valor manual",
    "appointments_report.line": "{entries} apontamento(s) · {hours}",
    "appointments_report.unknown_user": "técnico não informado",
    "appointments_report.unknown_desk": "mesa não informada",
    "appointments_report.empty": "Nenhum apontamento no período com esses filtros.",
    "appointments_report.partial": "Relatório parcial: só os primeiros {count} apontamentos foram lidos; encurte o período.",
    "appointments_report.footer": "Cada apontamento: list_appointments_global.",
}

EN |= {
    "appointments_report.heading": "Appointments report — {start} to {end}",
    "appointments_report.entries": "Appointments",
    "appointments_report.hours": "Hours",
    "appointments_report.value": "Value",
    "appointments_report.manual": "{value} manually valued",
    "appointments_report.line": "{entries} appointment(s) · {hours}",
    "appointments_report.unknown_user": "technician not given",
    "appointments_report.unknown_desk": "desk not given",
    "appointments_report.empty": "No appointments in the period with these filters.",
    "appointments_report.partial": "Partial report: only the first {count} appointments were read; shorten the period.",
    "appointments_report.footer": "Each appointment: list_appointments_global.",
}
