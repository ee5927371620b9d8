"""Logging for every entry point: stderr only (stdout carries the MCP protocol), no customer data in it.

Our own modules log what happened (tool names, request paths, statuses, error kinds), never texts, results
or keys. Libraries do not know what is customer data: at DEBUG the SDK's SSE layer logs every answer whole,
the Markdown parser its input. So below WARNING only our own records are written, and a library's warning
keeps its template (or a short head of its message) and the exception's type, never its text.
"""

from __future__ import annotations

import logging
import sys

OWN_LOGGERS = ("adapters", "application", "domain", "tiflux_mcp")
LIBRARY_MESSAGE_CHARS = 160


def configure_logging(level: str) -> None:
    """Logs go to stderr only: stdout carries the MCP protocol."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(LibraryRecords())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for library in ("httpx2", "httpcore2", "mcp", "sse_starlette", "uvicorn", "asyncio"):
        logging.getLogger(library).setLevel(max(logging.WARNING, root.level))  # not even built


class LibraryRecords(logging.Filter):
    """Drops libraries' records below WARNING; strips the data from the ones it keeps."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "root" or record.name.split(".", 1)[0] in OWN_LOGGERS:
            return True
        if record.levelno < logging.WARNING:
            return False
        if record.args:  # the template says what happened; the arguments may be anyone's data
            record.msg, record.args = f"{record.msg} [details left out]", None
        else:
            text = str(record.msg)
            if len(text) > LIBRARY_MESSAGE_CHARS:
                record.msg = text[:LIBRARY_MESSAGE_CHARS] + " [cut]"
        if record.exc_info and record.exc_info[0] is not None:
            record.msg = f"{record.msg} ({record.exc_info[0].__name__})"
            record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True
