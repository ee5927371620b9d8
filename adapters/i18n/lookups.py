"""Messages of the lookup tools (search_client, search_user, search_stage, search_catalog_item)."""

PT_BR: dict[str, str] = {}

EN: dict[str, str] = {}
