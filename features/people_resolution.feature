Feature: People's names become responsibles and requestors
  "Passa pro João" names a responsible: an active attendant or admin, found by name or e-mail.
  The person who asked for help is the requestor: a client's person. A requestor that does not exist yet
  is not an error: TiFlux creates it with the name given.

  Background:
    Given the demo tenant "NuvemDesk"

  Scenario Outline: A responsible is found among attendants and admins
    When someone assigns the ticket to "<name>"
    Then the user <id> "<user>" is chosen

    Examples:
      | name              | id  | user              |
      | lima              | 203 | João Batista Lima |
      | Mariana           | 201 | Mariana Costa     |
      | joao.pereira      | 202 | João Pereira      |
      | João Pereira      | 202 | João Pereira      |

  Scenario: Two Joãos are a choice
    When someone assigns the ticket to "João"
    Then the person is asked to choose between the users 202, 203

  Scenario: An inactive attendant is never chosen
    When someone assigns the ticket to "Fernanda"
    Then no user is found

  Scenario: A key without the users permission still assigns tickets
    Given the key may not list users
    When someone assigns the ticket to "lima"
    Then the user 203 "João Batista Lima" is chosen
    And the attendants were asked, not the users

  Scenario: Without the users permission, an attendant the attendants list lacks is not found, not refused
    Given the key may not list users
    When someone assigns the ticket to "Fernanda"
    Then no user is found

  Scenario: A client's person is not a responsible
    When someone assigns the ticket to "Carlos Souza"
    Then no user is found

  Scenario: A requestor is found among the client's people
    When someone names the requestor "Ana" for client 103
    Then the user 207 "Ana Ribeiro" is chosen

  Scenario: A requestor of another client is not chosen
    When someone names the requestor "Ana" for client 101
    Then no user is found, so TiFlux will create the requestor "Ana"

  Scenario: A requestor nobody knows will be created
    When someone names the requestor "Paulo Novo" for client 101
    Then no user is found, so TiFlux will create the requestor "Paulo Novo"
