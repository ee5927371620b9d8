"""Where the time goes: a workload of the benchmark run under py-spy, summarised by area and by function.

    python -m benchmarks.profile startup   # five cold starts to the first tools/list over stdio
    python -m benchmarks.profile calls     # the 31-tool mix over stdio against the fake over HTTP
    python -m benchmarks.profile http      # `serve --demo` under 32 wrk clients for 10 s

py-spy (installed in the dev environment) starts the server itself, so no ptrace permission is needed.
Samples are wall-clock samples of the busy threads (idle ones left out); shares are of all samples kept
(for `calls` and `http`, those inside the event loop or a worker thread: start-up is left out). The raw
stacks stay in the printed folder for a flame graph.
"""

from __future__ import annotations

import collections
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2

from benchmarks import http_throughput, tool_calls
from benchmarks.fake_api import FakeApi
from benchmarks.stdio import ROOT, SERVER, StdioServer, server_command

PY_SPY = str(Path(sys.executable).with_name("py-spy"))
RATE = 500
_IN_LOOP = re.compile(r"asyncio/base_events\.py|threading\.py")
_FRAME = re.compile(r"^(?P<function>.*) \((?P<file>[^()]*?)(?::\d+)?\)$")
_AREAS = (  # first match wins
    ("our code", re.compile(rf"^{re.escape(str(ROOT))}/(adapters|application|domain)/")),
    ("imports (importlib)", re.compile(r"<frozen importlib|importlib/")),
    ("pydantic", re.compile(r"/pydantic(_core|_settings)?/")),
    ("mcp SDK", re.compile(r"/mcp(_types)?/")),
    ("httpx2/httpcore2", re.compile(r"/http(x2|core2)/")),
    ("starlette/sse", re.compile(r"/(starlette|sse_starlette)/")),
    ("uvicorn/h11", re.compile(r"/(uvicorn|h11|httptools)/")),
    ("anyio", re.compile(r"/anyio/")),
    ("asyncio", re.compile(r"/asyncio/")),
    ("json", re.compile(r"/json/")),
    ("logging", re.compile(r"/logging/")),
    ("dependency_injector", re.compile(r"/dependency_injector/")),
    ("pyromark", re.compile(r"/pyromark/")),
    ("jsonschema", re.compile(r"/jsonschema")),
)


def main(argv: list[str]) -> int:
    workload = argv[0] if argv else "calls"
    runners = {"startup": _startup, "calls": _calls, "http": _http}
    if workload not in runners or not Path(PY_SPY).exists():
        print(__doc__)
        return 2
    folder = Path(tempfile.mkdtemp(prefix=f"profile-{workload}-"))
    runners[workload](folder)
    stacks = collections.Counter[tuple[str, ...]]()
    for raw in folder.glob("*.txt"):
        for stack, count in _read(raw):
            # For calls, leave start-up out: keep what ran inside the event loop (or its worker threads).
            if workload == "startup" or any(_IN_LOOP.search(frame) for frame in stack):
                stacks[stack] += count
    print(summary(stacks))
    print(f"\nraw stacks (py-spy -f raw) in {folder}")
    return 0


def _spy(output: Path) -> list[str]:
    return [
        PY_SPY,
        "record",
        "--nonblocking",
        "--full-filenames",
        "-f",
        "raw",
        "-r",
        str(RATE),
        "-o",
        str(output),
        "--",
    ]


def _startup(folder: Path) -> None:
    with FakeApi() as api:
        for run in range(5):
            with StdioServer([*_spy(folder / f"startup-{run}.txt"), *server_command()], api.server_env()):
                pass


def _calls(folder: Path) -> None:
    tool_calls.measure(passes=10, wrap=_spy(folder / "calls.txt"))


def _http(folder: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    env = {"TIFLUX_LOG_LEVEL": "ERROR", **http_throughput.UNLIMITED_TENANT}
    command = [*_spy(folder / "http.txt"), SERVER, "serve", "--demo", "--port", str(port)]
    process = subprocess.Popen(command, env=_environ() | env, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/mcp"
    try:
        for _ in range(300):
            try:
                if httpx2.get(f"http://127.0.0.1:{port}/health").status_code == 200:
                    break
            except httpx2.TransportError:
                time.sleep(0.1)
        if shutil.which("wrk"):
            http_throughput.SECONDS = 10
            print(http_throughput._wrk(url))
    finally:
        process.send_signal(signal.SIGINT)  # py-spy stops the server, then writes its file
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _environ() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")}


def _read(raw: Path) -> Iterator[tuple[tuple[str, ...], int]]:
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            yield tuple(stack.split(";")), int(count)


def area(frame: str) -> str:
    match = _FRAME.match(frame)
    path = match["file"] if match else frame
    for name, pattern in _AREAS:
        if pattern.search(path):
            return name
    return "python stdlib" if "/lib/python3" in path else "other"


def summary(stacks: collections.Counter[tuple[str, ...]], top: int = 12) -> str:
    total = sum(stacks.values()) or 1
    inclusive: collections.Counter[str] = collections.Counter()
    leaf: collections.Counter[str] = collections.Counter()
    functions: collections.Counter[str] = collections.Counter()
    ours: collections.Counter[str] = collections.Counter()
    imported: collections.Counter[str] = collections.Counter()
    for stack, count in stacks.items():
        for name in {area(frame) for frame in stack}:
            inclusive[name] += count
        leaf[area(stack[-1])] += count
        functions[_short(stack[-1])] += count
        for frame in {f for f in stack if area(f) == "our code"}:
            ours[_short(frame)] += count
        modules = [f for f in stack if f.startswith("<module> (")]
        if modules:
            imported[_package(modules[-1])] += count
    lines = [f"{total} samples at {RATE}/s (≈ {total / RATE:.2f} s of busy time)"]

    def block(title: str, counter: collections.Counter[str]) -> None:
        lines.append(f"\n{title}")
        for name, count in counter.most_common(top):
            lines.append(f"  {100 * count / total:5.1f}%  {name}")

    block("inclusive, by area (a sample counts once for each area on its stack)", inclusive)
    block("self, by area (the frame running)", leaf)
    block("self, by function", functions)
    block("inclusive, our functions", ours)
    if imported:
        block("module bodies running (import time, innermost module's package)", imported)
    return "\n".join(lines)


def _short(frame: str) -> str:
    match = _FRAME.match(frame)
    if not match:
        return frame
    path = match["file"]
    for marker in ("site-packages/", f"{ROOT}/", "/lib/python3.11/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{match['function']} ({path})"


def _package(frame: str) -> str:
    match = _FRAME.match(frame)
    path = match["file"] if match else frame
    for marker in ("site-packages/", f"{ROOT}/", "/lib/python3.11/"):
        if marker in path:
            rest = path.split(marker, 1)[1]
            return rest.split("/", 1)[0].removesuffix(".py")
    return path


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
