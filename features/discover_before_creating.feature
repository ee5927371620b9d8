Feature: Descobrir antes de criar - discover the IDs, then open and fill a ticket
  An assistant that must open a ticket correctly first discovers, by name, the desk's priority, the
  catalog item and the option of a custom field; then it creates the ticket and fills the field. Every
  step answers with the IDs the next step needs.

  Background:
    Given the demo tenant "NuvemDesk"

  Scenario: From names to a filled ticket on the Suporte desk
    When the assistant calls list_desk_priorities with {"desk_name": "suporte", "priority_name": "alta"}
    Then the answer offers the ID 142 for "Alta"
    When the assistant calls search_catalog_item with {"desk_name": "suporte", "catalog_item_name": "toner"}
    Then the answer offers the ID 7002 for "Troca de toner"
    When the assistant calls list_entity_fields with {"entity_id": 10, "field_type": "single_select"}
    Then the answer offers the ID 80 for "Gravidade"
    When the assistant calls list_entity_field_options with {"entity_field_id": 80, "value": "alta"}
    Then the answer offers the ID 23 for "Alta"
    When the assistant calls create_ticket with {"title": "Toner acabou", "description": "Sem toner no escritório.", "client_name": "padaria", "desk_name": "suporte", "priority_id": 142, "services_catalogs_item_id": 7002}
    Then the answer says "Ticket #1048 criado"
    And ticket 1048 has priority 142 and catalog item 7002
