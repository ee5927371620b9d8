"""The installed version, for serverInfo and the User-Agent."""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version


def package_version() -> str:
    try:
        return version("tiflux-mcp")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0"


def user_agent(*, hosted: bool) -> str:
    """Product and version; in hosted mode also the Python version. Nothing about the user."""
    agent = f"tiflux-mcp-python/{package_version()}"
    return f"{agent} (python/{platform.python_version()})" if hosted else agent
