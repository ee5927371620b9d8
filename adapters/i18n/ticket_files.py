"""Messages of a ticket's uploads and file deletions (tickets area, issue 18)."""

PT_BR: dict[str, str] = {
    "ticket_files.uploaded": "{count} arquivo(s) anexado(s) ao ticket #{number}",
    "ticket_files.listed": "Arquivos: get_ticket_files.",
    "ticket_files.deleted": "Arquivo #{file_id} apagado do ticket #{number}.",
    "ticket_files.answer_file_deleted": "Arquivo #{file_id} apagado da resposta #{answer_id}.",
    "confirm.delete_ticket_file": "Apagar do ticket #{number} o arquivo #{id} “{name}” ({size}, enviado por {author})? Não há como desfazer.",
    "confirm.delete_ticket_file.unread": "Apagar o arquivo #{id} do ticket #{number}? Não há como desfazer.",
    "confirm.delete_answer_file": "Apagar o arquivo #{id} “{name}” ({size}) da resposta #{answer_id} de {author} (ticket #{number})? Não há como desfazer.",
    "confirm.delete_answer_file.unread": "Apagar o arquivo #{id} da resposta #{answer_id}? Não há como desfazer.",
    "rule.no_files": "informe ao menos um arquivo em `files_base64` (`content` em base64 + `filename`) ou, no stdio, em `files`",
    "kind.file": "arquivo",
    "kind.answer_file": "arquivo da resposta",
}

EN: dict[str, str] = {
    "ticket_files.uploaded": "{count} file(s) attached to ticket #{number}",
    "ticket_files.listed": "Files: get_ticket_files.",
    "ticket_files.deleted": "File #{file_id} deleted from ticket #{number}.",
    "ticket_files.answer_file_deleted": "File #{file_id} deleted from answer #{answer_id}.",
    "confirm.delete_ticket_file": "Delete from ticket #{number} file #{id} “{name}” ({size}, sent by {author})? It cannot be undone.",
    "confirm.delete_ticket_file.unread": "Delete file #{id} of ticket #{number}? It cannot be undone.",
    "confirm.delete_answer_file": "Delete file #{id} “{name}” ({size}) of answer #{answer_id} by {author} (ticket #{number})? It cannot be undone.",
    "confirm.delete_answer_file.unread": "Delete file #{id} of answer #{answer_id}? It cannot be undone.",
    "rule.no_files": "give at least one file in `files_base64` (`content` in base64 + `filename`) or, on stdio, in `files`",
    "kind.file": "file",
    "kind.answer_file": "answer file",
}
