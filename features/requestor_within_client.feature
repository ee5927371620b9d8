Feature: A ticket's requestor is found within the ticket's client
  Attendants may read the requestors of the clients they serve, not the list of every client (that one is
  for administrators). So a requestor's name is looked up among the client's requestors first; when that
  list is refused, among every client's, keeping only the client's people; when both are refused, the name
  goes to TiFlux as given, and TiFlux registers the requestor.

  Background:
    Given the demo tenant "NuvemDesk"

  Scenario: A requestor is found among the client's requestors
    When someone names the requestor "Juliana" for client 102
    Then the user 213 "Juliana Prado" is chosen
    And only the requestors of client 102 were asked

  Scenario: A name must start a word: "Ana" is not Luciana
    When someone names the requestor "Ana" for client 101
    Then no user is found, so TiFlux will create the requestor "Ana"

  Scenario: Without access to the client's list, every client's list is asked and only the client's people count
    Given the key may not list the requestors of client 102
    When someone names the requestor "Juliana" for client 102
    Then the user 213 "Juliana Prado" is chosen
    And every client's requestors were asked too

  Scenario: A person of another client is never the requestor
    Given the key may not list the requestors of client 101
    When someone names the requestor "Juliana" for client 101
    Then no user is found, so TiFlux will create the requestor "Juliana"

  Scenario: With neither list readable, TiFlux registers the name
    Given the key may not list the requestors of client 101
    And the key may not list every client's requestors
    When someone names the requestor "Carlos" for client 101
    Then no user is found, so TiFlux will create the requestor "Carlos"

