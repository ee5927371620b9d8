"""Messages of the desk and custom-field tools."""

PT_BR: dict[str, str] = {}

EN: dict[str, str] = {}
