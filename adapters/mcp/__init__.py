"""The MCP surface: tools declared as data, registered in one place, served over stdio (and HTTP later)."""
