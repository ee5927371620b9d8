"""Messages of TiFlux misbehaving: what happened, whether a change may have been applied, when to retry."""

PT_BR: dict[str, str] = {
    # --- o que aconteceu
    "error.upstream.timeout": "O TiFlux não respondeu a tempo.",
    "error.upstream.network": "Não foi possível conectar ao TiFlux.",
    "error.upstream.connection_lost": "O TiFlux fechou a conexão sem responder por completo.",
    "error.upstream.unexpected_response": "O TiFlux respondeu com algo que não é o JSON da API (por exemplo, uma página HTML de manutenção ou de erro).",
    "error.upstream.invalid_json": "A resposta do TiFlux chegou cortada ou corrompida (JSON inválido).",
    "error.upstream.http": "O TiFlux está indisponível no momento (HTTP {status}).",
    "error.upstream.attempts": "Foram feitas {attempts} tentativas.",
    # --- o que fazer
    "error.upstream.retry_in": "Tente de novo em {seconds} s.",
    "error.upstream.advice": "Costuma ser passageiro: tente de novo em um ou dois minutos.",
    "error.upstream.advice.network": "Verifique a rede e `TIFLUX_API_BASE_URL`; se estiverem certas, o TiFlux pode estar fora do ar: tente de novo em alguns minutos.",
    "error.upstream.advice.unexpected_response": "O TiFlux pode estar em manutenção: tente de novo em alguns minutos. Se persistir, confira se `TIFLUX_API_BASE_URL` aponta para a API (termina em /api/v2).",
    "error.upstream.write_unknown": "Resultado desconhecido: a alteração pode ter sido aplicada no TiFlux ou não, e ela não foi reenviada. Confira com get_ticket (ou list_tickets, no caso de um ticket novo) antes de tentar de novo.",
    "error.rate_limited": "O TiFlux pediu para reduzir o ritmo de requisições. Tente de novo em {seconds} s.",
    "error.rate_limited.unknown": "O TiFlux pediu para reduzir o ritmo de requisições. Tente de novo em um minuto.",
    "error.circuit_open": "O TiFlux falhou {failures} vezes seguidas para esta conta, então as chamadas a ele estão pausadas por {seconds} s para que se recupere; esta requisição não foi enviada. Tente de novo em {seconds} s.",
}

EN: dict[str, str] = {
    # --- what happened
    "error.upstream.timeout": "TiFlux did not answer in time.",
    "error.upstream.network": "Could not connect to TiFlux.",
    "error.upstream.connection_lost": "TiFlux closed the connection without a complete answer.",
    "error.upstream.unexpected_response": "TiFlux answered with something other than the API's JSON (e.g. an HTML maintenance or error page).",
    "error.upstream.invalid_json": "TiFlux's answer arrived cut off or garbled (invalid JSON).",
    "error.upstream.http": "TiFlux is unavailable right now (HTTP {status}).",
    "error.upstream.attempts": "Tried {attempts} times.",
    # --- what to do
    "error.upstream.retry_in": "Try again in {seconds} s.",
    "error.upstream.advice": "This is usually temporary: try again in a minute or two.",
    "error.upstream.advice.network": "Check the network and `TIFLUX_API_BASE_URL`; if both are right, TiFlux may be down: try again in a few minutes.",
    "error.upstream.advice.unexpected_response": "TiFlux may be under maintenance: try again in a few minutes. If it keeps happening, check that `TIFLUX_API_BASE_URL` points to the API (it ends in /api/v2).",
    "error.upstream.write_unknown": "Outcome unknown: the change may or may not have been applied in TiFlux, and it was not re-sent. Check with get_ticket (or list_tickets, for a new ticket) before trying again.",
    "error.rate_limited": "TiFlux asked to slow down. Try again in {seconds} s.",
    "error.rate_limited.unknown": "TiFlux asked to slow down. Try again in a minute.",
    "error.circuit_open": "TiFlux failed {failures} times in a row for this account, so calls to it are paused for {seconds} s to let it recover; this request was not sent. Try again in {seconds} s.",
}
