Feature: Stage and catalog item names become IDs within their desk
  Stages and catalog items belong to a desk, so their names are looked up only inside one desk.
  Without a desk there is nothing to look in: the person is asked for the desk, never served a query
  without the filter they meant.

  Background:
    Given the demo tenant "NuvemDesk"

  Scenario Outline: A stage name within a desk
    When someone asks for the stage "<name>" of desk 14
    Then the stage <id> "<stage>" is chosen

    Examples:
      | name           | id   | stage          |
      | triagem        | 1401 | Triagem        |
      | Em Atendimento | 1402 | Em atendimento |
      | resolvido      | 1405 | Resolvido      |

  Scenario: "aguardando" fits two stages
    When someone asks for the stage "aguardando" of desk 14
    Then the person is asked to choose between the stages 1403, 1404

  Scenario: A stage name without a desk asks for the desk
    When someone lists open tickets in the stage "triagem" without saying the desk
    Then the answer asks for desk_id or desk_name in stage_name

  Scenario: A stage name with the desk's name
    When someone lists open tickets of desk "suporte" in the stage "em atendimento"
    Then only ticket 1040 is listed

  Scenario Outline: A catalog item name within a desk
    When someone asks for the catalog item "<name>" of desk 14
    Then the catalog item <id> "<item>" is chosen

    Examples:
      | name                 | id   | item                  |
      | toner                | 7002 | Troca de toner        |
      | vpn                  | 7003 | Configuração de VPN   |
      | reset de senha       | 7008 | Reset de senha        |

  Scenario: "instalacao" fits two items
    When someone asks for the catalog item "instalacao" of desk 14
    Then the person is asked to choose between the catalog items 7001, 7006
