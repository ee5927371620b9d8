"""The bare-SDK floor: a minimal `MCPServer` with one tool over stdio, what every figure is compared with.

Run as a script (`python benchmarks/floor_server.py`), so that nothing of this project is imported.
"""

from mcp.server import MCPServer

server = MCPServer("floor")


@server.tool()
def echo(text: str) -> str:
    """Give the text back."""
    return text


if __name__ == "__main__":
    server.run("stdio")
