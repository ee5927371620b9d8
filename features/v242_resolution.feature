Feature: Priorities, catalog searches and requestors resolved within the right scope (TiFlux 2.42)
  A priority belongs to a desk, a catalog search runs inside one desk's catalog, and a requestor is one of
  the ticket's client's people. A name is looked up only there; a rule TiFlux would refuse after the
  lookups is refused before anything is sent.

  Background:
    Given the demo tenant "NuvemDesk"

  Scenario: A priority by name lists the desk's tickets of that priority
    When the assistant calls list_tickets with {"desk_name": "suporte", "priority_name": "alta"}
    Then the answer lists the tickets 1040
    And the answer says "prioridade Alta (ID 142)"

  Scenario: A priority name without one desk asks for the desk
    When the assistant calls list_tickets with {"client_ids": "101", "priority_name": "alta"}
    Then the answer is an error that names "priority_name" and "desk_name"
    And nothing was sent to TiFlux

  Scenario: A catalog search inside the desk becomes its items
    When the assistant calls list_tickets with {"desk_ids": "14", "catalog_query": "rede", "filter_by": "all"}
    Then the answer lists the tickets 1046
    And the answer says "Configuração de VPN (ID 7003), Lentidão na rede (ID 7004)"

  Scenario: An empty search result is explained
    When the assistant calls list_tickets with {"desk_ids": "14", "catalog_query": "rede"}
    Then the answer says "é o filtro de status que zera o resultado"

  Scenario: A transfer by names takes the target desk's first stage and its priority
    When the assistant calls update_ticket with {"ticket_number": "1040", "desk_name": "Suporte N2", "priority_name": "alta"}
    Then ticket 1040 is now in stage 1501 "Entrada N2"
    And ticket 1040 now has priority 151

  Scenario: A priority change on the same desk needs its reason
    When the assistant calls update_ticket with {"ticket_number": "1040", "priority_name": "crítica"}
    Then the answer is an error that names "priority_change_reason" and "motivo"
    And nothing was sent to TiFlux

  Scenario: A requestor by name is one of the ticket's client's people
    When the assistant calls update_ticket with {"ticket_number": "1040", "requestor_name": "beatriz"}
    Then the answer says "beatriz"
    And nothing was written to TiFlux
