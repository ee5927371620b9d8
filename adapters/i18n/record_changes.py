"""Messages of editing and removing internal communications (records area, issue 18)."""

PT_BR: dict[str, str] = {
    "notes.edited": "Comunicação interna #{id} do ticket #{number} alterada",
    "notes.deleted": "Comunicação interna #{id} apagada do ticket #{number}.",
    "confirm.delete_note": "Apagar do ticket #{number} a comunicação interna #{id} de {author}? Não há como desfazer.\n{preview}",
    "confirm.delete_note.unread": "Apagar a comunicação interna #{id} do ticket #{number}? Não há como desfazer.",
    "need.communication.edit": "só o autor de uma comunicação interna pode alterá-la",
    "need.communication.delete": "apagar comunicações internas exige ser o autor ou ter a permissão de gerenciá-las",
}

EN: dict[str, str] = {
    "notes.edited": "Internal communication #{id} of ticket #{number} changed",
    "notes.deleted": "Internal communication #{id} deleted from ticket #{number}.",
    "confirm.delete_note": "Delete from ticket #{number} internal communication #{id} by {author}? It cannot be undone.\n{preview}",
    "confirm.delete_note.unread": "Delete internal communication #{id} of ticket #{number}? It cannot be undone.",
    "need.communication.edit": "only the author of an internal communication may change it",
    "need.communication.delete": "deleting internal communications needs being the author or the permission to manage them",
}
