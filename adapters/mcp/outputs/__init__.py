"""Declared outputs: the `structuredContent` of every tool, as pydantic models (snapshot in contracts/)."""
