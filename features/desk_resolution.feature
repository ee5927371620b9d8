Feature: Desk names become desks
  People name desks the way they speak: "cansados", "comunicacao", "suporte".
  A name resolves to one active desk, or to a clear choice, or to a clear "not found" - never a guess.
  The names are matched without accents or case, in part or in full, on the internal or the display name.

  Background:
    Given the demo tenant "NuvemDesk"

  Scenario Outline: A name that fits one desk resolves to it
    When someone asks for the desk "<name>"
    Then the desk <id> "<desk>" is chosen

    Examples:
      | name             | id | desk           |
      | cansados         | 11 | Dev - Cansados |
      | Cansados         | 11 | Dev - Cansados |
      | premium          | 12 | Dev - Premium  |
      | comunicacao      | 13 | Comunicação    |
      | COMUNICAÇÃO      | 13 | Comunicação    |
      | equipe cansados  | 11 | Dev - Cansados |
      | dev cansados     | 11 | Dev - Cansados |
      | suporte nivel 2  | 15 | Suporte N2     |

  Scenario: An exact name beats partial matches
    When someone asks for the desk "suporte"
    Then the desk 14 "Suporte" is chosen
    And "Suporte N2" was not offered

  Scenario Outline: A name that fits several desks is a choice, best match first
    When someone asks for the desk "<name>"
    Then the person is asked to choose between the desks <ids>

    Examples:
      | name   | ids    |
      | dev    | 11, 12 |
      | suport | 14, 15 |
      | equipe | 11, 12 |

  Scenario: An inactive desk is never chosen
    When someone asks for the desk "infra legado"
    Then no desk is found

  Scenario: A typo gets suggestions
    When someone asks for the desk "suprote"
    Then no desk is found
    And the desk "Suporte" is suggested

  Scenario: An ID beats a name
    When someone lists open tickets with desk_ids "12" and desk_name "cansados"
    Then only tickets of desk 12 are listed
