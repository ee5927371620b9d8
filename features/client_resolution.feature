Feature: Client names become clients
  A client is named only when the person says "cliente" or "empresa". TiFlux's own name filter is asked
  first; when it finds nothing, every active client is searched without accents.

  Background:
    Given the demo tenant "NuvemDesk"

  Scenario Outline: A client name resolves
    When someone asks for the client "<name>"
    Then the client <id> "<client>" is chosen

    Examples:
      | name       | id  | client                |
      | Horizonte  | 102 | Construtora Horizonte |
      | padaria    | 101 | Padaria Pão Quente    |
      | clinica    | 103 | Clínica Vida Plena    |
      | Pão Quente | 101 | Padaria Pão Quente    |

  Scenario: A name that fits several clients is a choice
    When someone asks for the client "a"
    Then the person is asked to choose between the clients 101, 102, 103

  Scenario: An inactive client is never chosen
    When someone asks for the client "Rápido Sul"
    Then no client is found
