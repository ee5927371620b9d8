"""Hosted mode's own OAuth 2.1 authorization server: the provider the mcp SDK's routes call, the page
where a person pastes their TiFlux key, and the stores that remember what was granted."""
