Feature: Mesa-first - what a person says becomes the right filter
  The tool descriptions teach the assistant these habits, and the tools honour them:
  an unqualified name is a desk; "cliente" or "empresa" means client; a person's e-mail means requestor;
  a stage is named together with its desk. When the assistant is unsure, it asks the user.

  Background:
    Given the demo tenant "NuvemDesk"

  Scenario Outline: The product page's examples
    Given the person says "<utterance>"
    When the assistant calls list_tickets with <arguments>
    Then the answer lists the tickets <tickets>
    And the answer says the name became "<resolved>"

    Examples:
      | utterance                             | arguments                                               | tickets    | resolved                      |
      | tickets do cansados                   | {"desk_name": "cansados"}                               | 1042       | Equipe Cansados (ID 11)       |
      | tickets abertos da comunicação        | {"desk_name": "comunicação"}                            | 1044       | Comunicação e Marketing (ID 13) |
      | tickets da empresa Horizonte          | {"client_name": "Horizonte"}                            | 1041, 1043 | Construtora Horizonte (ID 102) |
      | suporte, estágio em atendimento       | {"desk_name": "suporte", "stage_name": "em atendimento"} | 1040       | Em atendimento (ID 1402)      |

  Scenario: A person's e-mail filters by requestor
    Given the person says "tickets da ana.ribeiro@clinicavidaplena.com.br"
    When the assistant calls list_tickets with {"requestor_email": "ana.ribeiro@clinicavidaplena.com.br"}
    Then the answer lists the tickets 1042

  Scenario: When the name is ambiguous the assistant is told to ask
    Given the person says "tickets do dev"
    When the assistant calls list_tickets with {"desk_name": "dev"}
    Then the answer is an error that offers "Dev - Cansados" and "Dev - Premium"
    And the answer tells the assistant to ask the user

  Scenario: The heuristics are in the tool description the model reads
    Then the description of list_tickets says an unqualified name is a desk
    And the description of list_tickets says "cliente" or "empresa" means client_name
