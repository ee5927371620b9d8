"""What the stdio server imports before its first `tools/list`, beyond what the bare-SDK floor imports.

`python -m benchmarks.imports` prints, for our server on the HTTP backend: the packages it imports that the
floor does not (with the chain that pulled each one in and its cumulative import time, from Python's
`-X importtime`), whether any of the modules the stdio path should not need is among them, and the
slowest imports of our own code. `make bench` shows the first part as one row of its table.

Import times under `-X importtime` are inflated by the measurement itself: read them as shares.
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata

from benchmarks.fake_api import FakeApi
from benchmarks.stdio import FLOOR, StdioServer, clean_env, modules_imported, server_command

# Modules the stdio path should not need until used (issue 10): web server, OAuth/crypto, Redis, Markdown.
NOT_ON_STDIO = ("uvicorn", "starlette", "redis", "cryptography", "pyromark")
_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


@dataclass(frozen=True)
class Imported:
    name: str
    self_us: int
    cumulative_us: int
    chain: tuple[str, ...]  # the module, then who imported it, up to the top

    @property
    def package(self) -> str:
        return self.name.split(".")[0]


@dataclass(frozen=True)
class StdioImports:
    beyond_floor: dict[str, Imported]  # top package → its outermost import, for packages the floor lacks
    self_beyond_floor: dict[str, int]  # top package → µs spent in its modules the floor does not import
    unneeded: tuple[str, ...]  # of NOT_ON_STDIO, imported by our server
    unneeded_in_floor: tuple[str, ...]  # of NOT_ON_STDIO, imported by the SDK itself already
    dev_only: tuple[str, ...]  # imported only because a dev extra installed them (absent in production)
    profile: list[Imported]

    @property
    def ours_only(self) -> tuple[str, ...]:
        """Of NOT_ON_STDIO, what our server imports and the floor does not."""
        return tuple(m for m in self.unneeded if m not in self.unneeded_in_floor)

    def heaviest(self, count: int = 4) -> str:
        """Where import time beyond the floor goes: own time of the modules the floor does not import,
        by package (under -X importtime, so inflated: read as shares)."""
        total = sum(self.self_beyond_floor.values())
        top = list(self.self_beyond_floor.items())[:count]
        shown = ", ".join(f"{package} {us / 1000:.0f} ms" for package, us in top)
        return f"{total / 1000:.0f} ms in modules the floor does not import ({shown})"


_NONE = Imported("", -1, -1, ())


def measure(api: FakeApi) -> StdioImports:
    ours = modules_imported(server_command(), api.server_env())
    floor = modules_imported(FLOOR, clean_env())
    profile = import_profile(api)
    extra = {m.split(".")[0] for m in ours} - {m.split(".")[0] for m in floor}
    first: dict[str, Imported] = {}  # the outermost import of each package: its cost and who asked
    for entry in profile:
        if entry.package in extra and entry.cumulative_us > first.get(entry.package, _NONE).cumulative_us:
            first[entry.package] = entry
    own: dict[str, int] = {}
    for entry in profile:
        if entry.name not in floor:
            own[entry.package] = own.get(entry.package, 0) + entry.self_us
    packages = {m.split(".")[0] for m in ours}
    floor_packages = {m.split(".")[0] for m in floor}
    installed = _runtime_distributions()
    return StdioImports(
        beyond_floor=dict(sorted(first.items(), key=lambda item: -item[1].cumulative_us)),
        self_beyond_floor=dict(sorted(own.items(), key=lambda item: -item[1])),
        unneeded=tuple(m for m in NOT_ON_STDIO if m in packages),
        unneeded_in_floor=tuple(m for m in NOT_ON_STDIO if m in floor_packages),
        dev_only=tuple(sorted(p for p in extra if _dev_only(p, installed))),
        profile=profile,
    )


def _dev_only(package: str, runtime: set[str] | None) -> bool:
    """True when no distribution that tiflux-mcp needs at run time provides this top-level module."""
    if runtime is None:
        return False
    providers = metadata.packages_distributions().get(package)
    return bool(providers) and not any(_canonical(d) in runtime for d in providers or ())


def _runtime_distributions() -> set[str] | None:
    """tiflux-mcp and everything it requires at run time, transitively (dev extras left out)."""
    try:
        from packaging.requirements import Requirement
    except ImportError:
        return None
    found: set[str] = set()
    pending: list[tuple[str, frozenset[str]]] = [("tiflux-mcp", frozenset())]
    while pending:
        name, extras = pending.pop()
        key = _canonical(name)
        if key in found and not extras:
            continue
        found.add(key)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for text in requires:
            requirement = Requirement(text)
            marker = requirement.marker
            wanted = marker is None or any(
                marker.evaluate({"extra": extra}) for extra in (extras or frozenset({""}))
            )
            if wanted:
                pending.append((requirement.name, frozenset(requirement.extras)))
    return found


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def import_profile(api: FakeApi) -> list[Imported]:
    """`-X importtime` of the stdio server up to its first `tools/list`, each import with its chain."""
    with tempfile.TemporaryFile() as stderr:
        server = StdioServer(server_command(), api.server_env() | {"PYTHONPROFILEIMPORTTIME": "1"})
        server.stderr = stderr
        with server:
            pass
        stderr.seek(0)
        text = stderr.read().decode(errors="replace")
    rows = []
    for line in text.splitlines():
        match = _LINE.match(line)
        if match:
            rows.append((int(match[1]), int(match[2]), len(match[3]) // 2, match[4]))
    entries = []
    for index, (self_us, cumulative_us, depth, name) in enumerate(rows):
        chain, level = [name], depth
        for _, _, parent_depth, parent in rows[index + 1 :]:  # a parent is printed after its children
            if parent_depth < level:
                chain.append(parent)
                level = parent_depth
                if level == 0:
                    break
        entries.append(Imported(name, self_us, cumulative_us, tuple(chain)))
    return entries


def summary(found: StdioImports, limit: int = 6) -> str:
    """One line: the heaviest packages imported beyond the floor, and the unneeded ones."""
    heavy = ", ".join(
        f"{name} {entry.cumulative_us / 1000:.0f} ms"
        for name, entry in list(found.beyond_floor.items())[:limit]
    )
    return heavy


def main() -> int:
    with FakeApi() as api:
        found = measure(api)
    print("Imported by the stdio server (HTTP backend) and not by the bare-SDK floor, by cumulative time:")
    for entry in found.beyond_floor.values():
        via = " <- ".join(entry.chain[1:4]) or "-"
        print(f"  {entry.name:32s} {entry.cumulative_us / 1000:7.1f} ms  via {via}")
    print(f"Import time beyond the floor: {found.heaviest(8)}")
    print(f"Of {', '.join(NOT_ON_STDIO)}:")
    print(f"  imported by our server: {', '.join(found.unneeded) or 'none'}")
    print(f"  already imported by the SDK floor: {', '.join(found.unneeded_in_floor) or 'none'}")
    print(f"Imported only because dev extras are installed: {', '.join(found.dev_only) or 'none'}")
    ours = [e for e in found.profile if e.package in ("adapters", "application", "domain")]
    print("Our own modules, by self time:")
    for entry in sorted(ours, key=lambda e: -e.self_us)[:10]:
        print(f"  {entry.name:48s} {entry.self_us / 1000:7.1f} ms self")
    top = [e for e in found.profile if len(e.chain) == 1]
    print("Top-level imports, by cumulative time:")
    for entry in sorted(top, key=lambda e: -e.cumulative_us)[:8]:
        print(f"  {entry.name:48s} {entry.cumulative_us / 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
