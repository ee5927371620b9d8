"""The real TiFlux API v2 over HTTP."""
