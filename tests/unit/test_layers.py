"""The layer rule is enforced by import-linter; this proves the contract bites."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = str(Path(sys.executable).with_name("lint-imports"))


def copy_project(target: Path) -> Path:
    for package in ("domain", "application", "adapters"):
        shutil.copytree(
            ROOT / package, target / package, ignore=shutil.ignore_patterns("__pycache__", "data")
        )
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
    return target


def lint(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache"], cwd=project, capture_output=True, text=True, timeout=120
    )


def test_the_tree_keeps_the_layer_rule(tmp_path: Path) -> None:
    done = lint(copy_project(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 kept, 0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("domain/ids.py", "import httpx2"),
        ("domain/tickets.py", "from mcp.server import MCPServer"),
        ("domain/desks.py", "from application.queries import TicketFilter"),
        ("application/use_cases/tickets.py", "from adapters.settings import Settings"),
    ],
)
def test_a_forbidden_import_breaks_the_build(tmp_path: Path, module: str, line: str) -> None:
    project = copy_project(tmp_path)
    source = project / module
    source.write_text(f"{line}  # noqa\n" + source.read_text())
    done = lint(project)
    assert done.returncode != 0
    assert "BROKEN" in done.stdout
