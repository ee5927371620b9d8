"""Messages of the attachment rules (files and files_base64 of answers and internal communications)."""

PT_BR: dict[str, str] = {
    "rule.path_not_allowed_hosted": "este servidor é hospedado e não lê arquivos por caminho; envie o arquivo em `files_base64` (`content` em base64 + `filename`) ou peça ao operador para definir TIFLUX_ATTACHMENTS_DIR",
    "rule.path_outside": "o caminho fica fora do diretório de anexos permitido ({dir}); coloque o arquivo dentro dele (caminhos relativos partem dele) ou envie-o em `files_base64`",
    "rule.path_outside_hosted": "o caminho fica fora da pasta de anexos da sua conta; informe um caminho relativo a ela ou envie o arquivo em `files_base64`",
    "rule.file_not_found": "arquivo não encontrado; confira o caminho e o nome (maiúsculas e minúsculas contam)",
    "rule.not_a_file": "não é um arquivo comum (é uma pasta ou um dispositivo); informe o caminho de um arquivo",
    "rule.kernel_file": "é um arquivo do sistema (de /proc ou /sys), não um documento; informe o caminho de um arquivo comum",
    "rule.file_unreadable": "o servidor não tem permissão para ler este arquivo; ajuste as permissões ou envie-o em `files_base64`",
    "rule.file_changed": "o arquivo foi alterado ou substituído depois de verificado; envie de novo",
    "rule.file_too_large": "arquivo grande demais: {size_mb} MB (máximo {max_mb} MB por arquivo); compacte-o ou divida-o em partes menores",
    "rule.file_name": "nome de arquivo vazio ou inválido; informe um nome com extensão, ex.: relatorio.pdf",
    "rule.base64": 'o conteúdo de "{name}" não é base64 válido: use o alfabeto padrão (A-Z, a-z, 0-9, + e /, não - e _) com o preenchimento "=" completo; espaços, quebras de linha e um prefixo data:<tipo>;base64, são aceitos',
    "rule.too_many_files": "no máximo {max} arquivos por envio (recebidos {received}: {paths} caminhos + {encoded} em base64); envie os demais em outra mensagem",
}

EN: dict[str, str] = {
    "rule.path_not_allowed_hosted": "this server is hosted and does not read files by path; send the file in `files_base64` (`content` in base64 + `filename`) or ask the operator to set TIFLUX_ATTACHMENTS_DIR",
    "rule.path_outside": "the path is outside the allowed attachments directory ({dir}); put the file inside it (relative paths start there) or send it in `files_base64`",
    "rule.path_outside_hosted": "the path is outside your account's attachments folder; give a path relative to it or send the file in `files_base64`",
    "rule.file_not_found": "file not found; check the path and the name (case matters)",
    "rule.not_a_file": "not a regular file (a folder or a device); give the path of a file",
    "rule.kernel_file": "a system file (from /proc or /sys), not a document; give the path of an ordinary file",
    "rule.file_unreadable": "the server may not read this file; fix its permissions or send it in `files_base64`",
    "rule.file_changed": "the file was changed or replaced after it was checked; send it again",
    "rule.file_too_large": "file too large: {size_mb} MB (at most {max_mb} MB per file); compress it or split it into smaller parts",
    "rule.file_name": "empty or invalid file name; give a name with an extension, e.g. report.pdf",
    "rule.base64": 'the content of "{name}" is not valid base64: use the standard alphabet (A-Z, a-z, 0-9, + and /, not - and _) with complete "=" padding; spaces, line breaks and a data:<type>;base64, prefix are accepted',
    "rule.too_many_files": "at most {max} files per message (received {received}: {paths} paths + {encoded} in base64); send the rest in another message",
}
