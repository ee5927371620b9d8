"""`make bench`: one table of every figure issue 10 sets a target for, next to the bare-SDK floor.

Each figure is the median and 90th percentile of repeated runs (of every call, for latencies); the floor
(a one-tool `MCPServer`, `floor_server.py`) is measured in the same run, interleaved with ours. Targets
(2 vCPU): cold start ≤ floor + 0.15 s; per-call median ≤ 2.5 ms; scripted session ≤ 0.75× the requests
of a cache-less run, and ≤ 0.6× its time at 50 ms per request; idle RSS ≤ floor + 12 MB; `tools/list`
of the default toolsets ≤ 45,000 bytes; HTTP ≥ 500 calls/s, p99 ≤ 50 ms, 0 errors; another tenant's p99
beside a junk-key flood ≤ 2× its quiet p99; attachments ≤ 64 MB above idle; rich text (sanitiser, HTML
readers, Markdown conversion) ≤ 100 ms of CPU per 100 KB of the worst input found.

BENCH_QUICK=1 runs fewer repetitions and a 5 s load test (under two minutes); the full run takes about
three. Exit status 1 when a target is missed. Each part also runs alone (`python -m benchmarks.startup`,
`.tool_calls`, `.session`, `.answer_bytes`, `.imports`, `.http_throughput`, `.junk_keys`,
`.attachments_memory`, `.richtext`), and
`python -m benchmarks.profile startup|calls|http` says where the time goes (README.md).
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from benchmarks import (
    answer_bytes,
    attachments_memory,
    http_throughput,
    imports,
    junk_keys,
    richtext,
    session,
    startup,
    tool_calls,
)
from benchmarks.fake_api import FakeApi
from benchmarks.table import Row, Spread, quick, render

MB = 1024 * 1024
COLD_START_MARGIN_S = 0.15
CALL_MEDIAN_MS = 2.5
REQUESTS_RATIO = 0.75
TIME_RATIO = 0.6
RSS_MARGIN_MB = 12
LISTING_BYTES = 45_000  # default toolsets (the brief); every toolset ≤ 90,000 is a test


def main() -> int:
    began = time.perf_counter()
    machine = _machine()
    print(f"bench{' (BENCH_QUICK)' if quick() else ''}: {machine}", file=sys.stderr)
    with FakeApi() as api:
        _step("imports on the stdio path")
        imported = imports.measure(api)
        _step("cold start, idle RSS, tools/list")
        started = startup.measure(api, hide=imported.dev_only)
    _step("per-call latency, 31 tools")
    calls = tool_calls.measure()
    _step("scripted session, 50 ms per request")
    sessions = session.measure()
    _step("answer bytes, rich and compact")
    answers = answer_bytes.measure()
    _step("HTTP load")
    throughput = http_throughput.measure()
    _step("a junk-key flood beside another tenant")
    flood = junk_keys.measure()
    _step("attachments")
    uploads = attachments_memory.measure()
    _step("rich text on hostile input")
    hostile = richtext.measure()
    cold_start, rss, listing = _startup_rows(started)
    rows = _numbered(
        [
            cold_start,
            *_installed_rows(started),
            _calls_row(calls),
            *_session_rows(sessions),
            _answer_bytes_row(answers),
            rss,
            listing,
            _http_row(throughput),
            _flood_row(flood),
            _attachments_row(uploads),
            *_richtext_rows(hostile),
            _imports_row(imported),
        ]
    )

    print(f"\n{machine}, {_load()} at the end; took {time.perf_counter() - began:.0f} s\n")
    print(render(rows))
    missed = [row for row in rows if row.passed is False]
    for row in missed:
        print(f"\nMISS {row.number} {row.measure}: {row.why}")
    return 1 if missed else 0


def _startup_rows(found: startup.Startup) -> tuple[Row, Row, Row]:
    ours, floor = Spread.of(found.seconds), Spread.of(found.floor_seconds)
    rss, floor_rss = Spread.of(found.rss), Spread.of(found.floor_rss)
    over_floor = ours.median - floor.median
    tokens = found.listing_bytes // 4
    return (
        Row(
            "",
            f"cold start to first tools/list, stdio ({ours.count} runs)",
            f"{ours.show(' s', 3)} (+{over_floor:.3f} s)",
            floor.show(" s", 3),
            f"≤ floor + {COLD_START_MARGIN_S} s",
            over_floor <= COLD_START_MARGIN_S,
            f"{over_floor:.2f} s over the floor; see the imports row and `python -m benchmarks.imports`",
        ),
        Row(
            "",
            "idle RSS after tools/list",
            f"{rss.show(' MB', 1, 1 / MB)} (+{(rss.median - floor_rss.median) / MB:.1f} MB)",
            floor_rss.show(" MB", 1, 1 / MB),
            f"≤ floor + {RSS_MARGIN_MB} MB",
            rss.median - floor_rss.median <= RSS_MARGIN_MB * MB,
            f"{(rss.median - floor_rss.median) / MB:.1f} MB over the floor: modules and the tool registry",
        ),
        Row(
            "",
            f"tools/list size ({found.tools} tools)",
            f"{found.listing_bytes:,} bytes ≈ {tokens:,} tokens",
            "",
            f"≤ {LISTING_BYTES:,} bytes",
            found.listing_bytes <= LISTING_BYTES,
            f"{found.listing_bytes - LISTING_BYTES:,} bytes too many",
        ),
    )


def _installed_rows(found: startup.Startup) -> list[Row]:
    if not found.installed_seconds:
        return []
    floor = Spread.of(found.floor_seconds)
    seconds, rss = Spread.of(found.installed_seconds), Spread.of(found.installed_rss)
    floor_rss = Spread.of(found.floor_rss)
    return [
        Row(
            "",
            f"  the same without the dev extras' {', '.join(found.hidden)} (information)",
            f"{seconds.show(' s', 3)} (+{seconds.median - floor.median:.3f} s) · RSS "
            f"{rss.show(' MB', 1, 1 / MB)} (+{(rss.median - floor_rss.median) / MB:.1f} MB)",
            "",
            "",
            None,
        )
    ]


def _calls_row(found: tool_calls.CallLatencies) -> Row:
    ours, floor, upstream = found.spread, found.floor_spread, Spread.of(found.upstream)
    errors = f"; {len(found.errors)} isError" if found.errors else ""
    return Row(
        "",
        f"per call, stdio, {len(found.by_tool)} tools vs fake over HTTP at 0 ms ({ours.count} calls{errors})",
        ours.show(" ms", 2, 1000),
        f"{floor.show(' ms', 2, 1000)} (one-tool call)",
        f"median ≤ {CALL_MEDIAN_MS} ms",
        ours.median * 1000 <= CALL_MEDIAN_MS and not found.errors,
        f"median {ours.median * 1000:.2f} ms; one API request alone (GET /tickets/1040 to the fake) "
        f"takes {upstream.median * 1000:.2f} ms, the floor's call {floor.median * 1000:.2f} ms",
    )


def _session_rows(found: session.SessionFigures) -> list[Row]:
    uncached_s, warm_s = found.seconds(found.uncached).median, found.seconds(found.warm).median
    cold, warm = found.requests(found.cold), found.requests(found.warm)
    uncached = found.requests(found.uncached)
    ratio = cold.median / uncached.median
    fast, slow = found.seconds(found.cold), found.seconds(found.sequential)
    time_ratio = fast.median / slow.median
    same = "identical answers" if found.identical_answers else "ANSWERS DIFFER"
    errors = f"; isError: {', '.join(found.errors)}" if found.errors else ""
    return [
        Row(
            "",
            f"upstream requests, scripted session of {len(session.SESSION)} name-based calls",
            f"cold {cold.show('', 0)} ({ratio:.2f}×) · warm {warm.show('', 0)}; {same}{errors}",
            f"{uncached.show('', 0)} (TIFLUX_CACHE_TTL=0)",
            f"cold ≤ {REQUESTS_RATIO}× cache-less",
            ratio <= REQUESTS_RATIO and found.identical_answers and not found.errors,
            f"{ratio:.2f}× the cache-less requests",
        ),
        Row(
            "",
            f"same session at {session.LATENCY_MS:.0f} ms per API request, total time ({fast.count} runs)",
            f"{fast.show(' s', 2)} ({time_ratio:.2f}×) cache + concurrent lookups",
            f"{slow.show(' s', 2)} cache-less, sequential",
            f"≤ {TIME_RATIO}× cache-less sequential",
            time_ratio <= TIME_RATIO,
            f"{time_ratio:.2f}×: cache-less concurrent takes {uncached_s:.2f} s, warm cache {warm_s:.2f} s",
        ),
        Row(
            "",
            "  the same, other configurations (information)",
            f"warm cache {found.seconds(found.warm).show(' s', 2)} · "
            f"cache-less concurrent {found.seconds(found.uncached).show(' s', 2)}",
            "",
            "",
            None,
        ),
    ]


def _answer_bytes_row(found: answer_bytes.AnswerBytes) -> Row:
    errors = f"; isError: {', '.join(found.errors)}" if found.errors else ""
    return Row(
        "",
        f"answer bytes, fixed {len(answer_bytes.SESSION)}-call session (information)",
        f"rich {found.total('rich'):,} · compact {found.total('compact'):,} ({found.ratio:.2f}×){errors}",
        "",
        "",
        None,
    )


def _imports_row(found: imports.StdioImports) -> Row:
    ours = ", ".join(found.ours_only) or "none"
    dev = f"; dev extras only: {', '.join(found.dev_only)}" if found.dev_only else ""
    return Row(
        "",
        "modules the stdio path need not import, beyond the floor's",
        f"{ours}{dev}",
        f"floor: {', '.join(found.unneeded_in_floor) or 'none'}",
        f"none of {', '.join(imports.NOT_ON_STDIO)}",
        not found.ours_only,
        f"{ours} imported before the first tools/list; heaviest beyond the floor: {found.heaviest()}",
    )


def _http_row(found: http_throughput.Throughput) -> Row:
    return Row(
        "",
        f"HTTP, {http_throughput.CLIENTS} clients × {found.seconds:.0f} s, get_ticket on the demo tenant "
        f"({found.tool})",
        f"{found.rate:.0f} calls/s · p50 {found.p50_ms:.1f} ms · p99 {found.p99_ms:.1f} ms · "
        f"{found.errors} errors",
        "",
        f"≥ {http_throughput.TARGET_RATE:.0f}/s, p99 ≤ {http_throughput.TARGET_P99_MS:.0f} ms, 0 errors",
        found.passed,
        f"{found.rate:.0f} calls/s, p99 {found.p99_ms:.1f} ms, {found.errors} errors",
    )


def _flood_row(found: junk_keys.Flood) -> Row:
    return Row(
        "",
        f"hosted, another tenant's get_ticket p99 beside {junk_keys.JUNK_CLIENTS} junk keys "
        "(30 KB of malformed HTML each)",
        f"quiet {found.quiet_p99_ms:.0f} ms · flooded {found.flood_p99_ms:.0f} ms ({found.ratio:.2f}×) · "
        f"between floods {found.between_p99_ms:.0f} ms · {found.errors} errors",
        "",
        f"≤ {junk_keys.TARGET_RATIO:.0f}× quiet, 0 errors",
        found.passed,
        f"p99 {found.flood_p99_ms:.0f} ms flooded, {found.quiet_p99_ms:.0f} ms quiet, {found.errors} errors",
    )


def _attachments_row(uploads: list[attachments_memory.Upload]) -> Row:
    shown = " · ".join(
        f"{up.case} +{up.growth_mb:.0f} MB" if up.growth_mb is not None else f"{up.case} FAILED"
        for up in uploads
    )
    return Row(
        "",
        f"attachment upload peak, {attachments_memory.FILES} × {attachments_memory.FILE_MB} MB",
        shown,
        "",
        f"< {attachments_memory.TARGET_MB} MB above idle",
        all(up.passed for up in uploads),
        "; ".join(up.failure or f"{up.case} +{up.growth_mb} MB" for up in uploads if not up.passed),
    )


def _richtext_rows(found: richtext.RichTextFigures) -> list[Row]:
    target = f"each ≤ {richtext.TARGET_MS:.0f} ms, no exception"

    def shown(path: str) -> str:
        worst = found.worst(path)
        return f"{path} {worst.ms:.0f} ms ({worst.case})"

    def why(*paths: str) -> str:
        crashes = "; ".join(f"{t.path} raised on {t.case}: {t.error}" for t in found.errors(*paths))
        return crashes or "; ".join(shown(path) for path in paths) + " (`python -m benchmarks.richtext`)"

    readers = (richtext.SANITISE, *richtext.READ_BACK)
    return [
        Row(
            "",
            f"sanitiser and HTML readers, worst of {found.cases(*readers)} hostile 100 KB inputs (CPU)",
            " · ".join(shown(path) for path in readers),
            "",
            target,
            found.passed(*readers),
            why(*readers),
        ),
        Row(
            "",
            f"Markdown → HTML (then sanitised), worst of {found.cases(richtext.CONVERT)} hostile 100 KB "
            "inputs (CPU)",
            shown(richtext.CONVERT),
            "",
            target,
            found.passed(richtext.CONVERT),
            why(richtext.CONVERT),
        ),
    ]


def _numbered(rows: list[Row]) -> list[Row]:
    """Rows with a target numbered 1, 2, …; information rows left without a number."""
    numbered, count = [], 0
    for row in rows:
        if row.passed is not None:
            count += 1
        numbered.append(replace(row, number=str(count) if row.passed is not None else ""))
    return numbered


def _machine() -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    python = f"Python {platform.python_version()}"
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    now = datetime.now().astimezone()
    return f"{now:%Y-%m-%d %H:%M %Z}, {cpus} CPUs ({model}), {python}, load average {_load()} at the start"


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def _step(name: str) -> None:
    print(f"  … {name}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
