"""Messages of the chats tools."""

PT_BR: dict[str, str] = {}

EN: dict[str, str] = {}
