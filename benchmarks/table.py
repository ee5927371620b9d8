"""The one table `make bench` prints: a row per figure, measured next to the floor (or baseline) and target.

Rows are Markdown, so the table printed is also the one pasted into `benchmarks/README.md`.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


def quick() -> bool:
    """BENCH_QUICK=1: fewer repetitions and a shorter load test, for a look in about a minute."""
    return os.environ.get("BENCH_QUICK", "") not in ("", "0")


def runs(full: int, short: int) -> int:
    return short if quick() else full


@dataclass(frozen=True)
class Spread:
    """Median and 90th percentile of repeated measures."""

    median: float
    p90: float
    count: int

    @classmethod
    def of(cls, samples: Sequence[float]) -> Spread:
        if not samples:
            raise ValueError("no samples")
        if len(samples) == 1:
            return cls(samples[0], samples[0], 1)
        p90 = statistics.quantiles(samples, n=10, method="inclusive")[8]
        return cls(statistics.median(samples), p90, len(samples))

    def show(self, unit: str = "", digits: int = 1, scale: float = 1.0) -> str:
        median, p90 = self.median * scale, self.p90 * scale
        if f"{median:.{digits}f}" == f"{p90:.{digits}f}":
            return f"{median:.{digits}f}{unit}"
        return f"{median:.{digits}f} / {p90:.{digits}f}{unit}"


@dataclass(frozen=True)
class Row:
    number: str
    measure: str
    measured: str
    floor: str
    target: str
    passed: bool | None  # None: no target, shown for information
    why: str = ""  # one line for the README when the target is missed

    @property
    def result(self) -> str:
        return "—" if self.passed is None else ("PASS" if self.passed else "MISS")


def render(rows: Sequence[Row]) -> str:
    head = ("#", "figure", "measured (median / p90)", "floor or baseline (median / p90)", "target", "result")
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for row in rows:
        cells = (row.number, row.measure, row.measured, row.floor, row.target, row.result)
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)
