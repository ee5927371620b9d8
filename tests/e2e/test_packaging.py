"""The wheel is complete on its own: entry point, demo tenant data, the licence, one version everywhere.

Built offline (no build isolation: setuptools and wheel are dev dependencies) and installed with
`--no-deps --target` into a folder that comes first on the path, so the code under test is the wheel's,
not the source tree's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_the_wheel_carries_the_demo_tenant_and_runs_from_anywhere(tmp_path: Path) -> None:
    source = tmp_path / "source"  # setuptools writes build/ and *.egg-info beside the sources: not in ours
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    for package in ("domain", "application", "adapters"):
        shutil.copytree(ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            tmp_path,
            source,
        ],
        check=True,
        cwd=tmp_path,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("tiflux_mcp-*.whl"))
    assert wheel.name.startswith(f"tiflux_mcp-{VERSION}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "adapters/tiflux/fake/data/desks.json" in names
    licence = next(name for name in names if name.endswith(".dist-info/licenses/LICENSE"))
    assert "MIT License" in zipfile.ZipFile(wheel).read(licence).decode()
    assert not any("fault" in name for name in names)  # test-only switches stay with the tests
    assert not any(name.startswith(("tests/", "features/", "benchmarks/")) for name in names)
    entry_points = next(name for name in names if name.endswith("entry_points.txt"))
    assert "tiflux-mcp = adapters.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()

    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", site, wheel],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")} | {"PYTHONPATH": str(site)}
    script = (
        "import adapters, sys; from adapters.cli import main; "
        "print(adapters.__file__, file=sys.stderr); "
        "sys.exit(main(sys.argv[1:]))"
    )

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", script, *args], cwd=elsewhere, env=env, capture_output=True, text=True
        )

    shown = run("call", "get_ticket", "ticket_number=1040", "--demo")
    assert shown.returncode == 0, shown.stderr
    assert str(site) in shown.stderr  # the wheel's code ran, not the source tree's
    assert "#1040" in shown.stdout
    assert run("--version").stdout.strip() == f"tiflux-mcp {VERSION}"
