"""Logging for every entry point: stderr only (stdout carries the MCP protocol), library noise kept down."""

from __future__ import annotations

import logging
import sys


def configure_logging(level: str) -> None:
    """Logs go to stderr only: stdout carries the MCP protocol."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("httpx2").setLevel(max(logging.WARNING, root.level))
    logging.getLogger("httpcore2").setLevel(max(logging.WARNING, root.level))
