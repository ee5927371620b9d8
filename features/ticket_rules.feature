Feature: Ticket rules people rely on
  The ticket tools check what they are asked before anything reaches TiFlux, and never do a change twice.

  Background:
    Given the demo tenant "NuvemDesk"

  Scenario: Listing tickets needs at least one filter
    When the assistant calls list_tickets with {}
    Then the answer is an error that names "desk_ids" and "requestor_email"
    And nothing was sent to TiFlux

  Scenario: A stage needs its desk
    When the assistant calls list_tickets with {"stage_name": "triagem"}
    Then the answer is an error that names "stage_name" and "desk_name"
    And nothing was sent to TiFlux

  Scenario: A person's e-mail filters by requestor
    When the assistant calls list_tickets with {"requestor_email": "carlos.souza@padariapaoquente.com.br"}
    Then the answer lists the tickets 1040, 1044, 1047

  Scenario: Closing a closed ticket says so and changes nothing
    When the assistant calls close_ticket with {"ticket_number": "1045"}
    Then the answer says "já estava encerrado"
    And ticket 1045 is still closed with status "Fechado"

  Scenario: Closing an open ticket tells what it was before
    When the assistant calls close_ticket with {"ticket_number": "1040"}
    Then the answer says "status Em andamento, estágio Em atendimento"
    And ticket 1040 is now closed

  Scenario: Nothing to update is refused before any lookup
    When the assistant calls update_ticket with {"ticket_number": "1040"}
    Then the answer is an error that names "ticket_number" and "title"
    And nothing was sent to TiFlux

  Scenario: A stage name in an update is looked up in the ticket's own desk
    When the assistant calls update_ticket with {"ticket_number": "1042", "stage_name": "done"}
    Then ticket 1042 is now in stage 1104 "Done"

  Scenario: A custom-field date must be written as YYYY-MM-DD
    When the assistant calls update_ticket_entities with {"ticket_number": "1042", "entities": [{"entity_field_id": 73, "value": "15/01/2025"}]}
    Then the answer is an error that names "entities[0].value" and "AAAA-MM-DD"
    And nothing was written to TiFlux
