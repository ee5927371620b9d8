"""`make bench`: memory while sending the largest internal communication, 10 files of 25 MB, in one request.

Target: peak resident memory grows by less than 64 MB above idle, whether the files are local paths or
base64 text (for base64, the text itself — 10 × 33 MB — is input, already there before the measure).

Each case runs in a fresh interpreter, with its own sink server (uvicorn on 127.0.0.1 in a thread, reading
and discarding the body in chunks), so nothing from one case or from the caller is counted in the other.

How memory is measured: Linux keeps the peak resident set size of a process (VmHWM in /proc/self/status)
and resets it to the current size when "5" is written to /proc/self/clear_refs. So the peak growth is
VmHWM after the request minus VmRSS just before it: exact, no spike between two samples is missed. Where
that reset is refused, a thread samples VmRSS every 2 ms instead. `resource.getrusage().ru_maxrss` is not
used: it is the process's lifetime peak and cannot be reset, so the transient copies made while building
the base64 inputs would hide the request's own peak.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import gc
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FILES = 10
FILE_MB = 25
TARGET_MB = 64
MB = 1024 * 1024
CASES = ("local", "base64")


@dataclass(frozen=True)
class Upload:
    case: str
    growth_mb: float | None  # None when the case failed to run
    seconds: float = 0.0
    body_mb: float = 0.0
    content_length: bool = False
    method: str = ""
    sent_ok: bool = False
    failure: str = ""

    @property
    def passed(self) -> bool:
        return self.growth_mb is not None and self.growth_mb < TARGET_MB and self.sent_ok


def measure() -> list[Upload]:
    uploads = []
    for case in CASES:
        try:
            run = subprocess.run(
                [sys.executable, "-m", "benchmarks.attachments_memory", case],
                cwd=Path(__file__).resolve().parents[1],
                capture_output=True,
                text=True,
                timeout=120,
                check=True,
            )
            result = json.loads(run.stdout.strip().splitlines()[-1])
        except (subprocess.SubprocessError, ValueError, IndexError) as exc:
            stderr = getattr(exc, "stderr", "") or ""
            uploads.append(Upload(case, None, failure=f"{type(exc).__name__} {stderr[-500:]}"))
            continue
        uploads.append(
            Upload(
                case,
                result["growth_mb"],
                result["seconds"],
                result["body_mb"],
                result["content_length"],
                result["method"],
                result["sent_ok"],
            )
        )
    return uploads


def main() -> int:
    uploads = measure()
    for up in uploads:
        if up.growth_mb is None:
            print(f"attachments {FILES}x{FILE_MB}MB {up.case}: FAILED ({up.failure})")
            continue
        print(
            f"attachments {FILES}x{FILE_MB}MB {up.case}: peak +{up.growth_mb:.0f} MB above idle "
            f"(target < {TARGET_MB} MB); {up.body_mb:.0f} MB sent in {up.seconds:.1f} s, "
            f"{'Content-Length' if up.content_length else 'chunked'}, measured by {up.method}"
        )
    return 0 if all(up.passed for up in uploads) else 1


# --- the child: one case, one clean process


def _measure(case: str) -> dict[str, Any]:
    import httpx2

    from adapters.attachments.files import LocalAndInlineAttachments
    from adapters.tiflux.http.multipart import multipart_parts
    from application.attachments import EncodedFile, gather_attachments
    from domain.attachments import COMMUNICATION_LIMITS

    port = LocalAndInlineAttachments(hosted=False, allowed_dir=None)
    with tempfile.TemporaryDirectory() as folder, _sink() as (base_url, sink):
        paths: list[str] = []
        encoded: list[EncodedFile] = []
        if case == "local":
            paths = _write_files(Path(folder))
        else:
            encoded = _encode_files()
        gc.collect()

        async def send(paths: list[str], encoded: list[EncodedFile]) -> httpx2.Response:
            attachments = await gather_attachments(port, paths, encoded, COMMUNICATION_LIMITS)
            with contextlib.ExitStack() as stack:
                parts = multipart_parts({"text": "<p>anexos</p>"}, attachments, stack)
                async with httpx2.AsyncClient(base_url=base_url, timeout=60) as http:
                    return await http.post("/tickets/1/internal_communications", files=parts)

        # Warm-up: the first request pays for lazy imports and the worker threads; idle is after it.
        warm = Path(folder) / "warm.txt"
        warm.write_bytes(b"warm")
        asyncio.run(send([str(warm)], [EncodedFile("d2FybQ==", "warm.txt")]))
        gc.collect()

        peak = _PeakMemory()
        started = time.perf_counter()
        with peak:
            response = asyncio.run(send(paths, encoded))
        seconds = time.perf_counter() - started
    expected = FILES * FILE_MB * MB
    return {
        "case": case,
        "growth_mb": peak.growth / MB,
        "method": peak.method,
        "seconds": seconds,
        "body_mb": sink.received / MB,
        "content_length": sink.content_length is not None,
        "sent_ok": response.status_code == 201 and sink.received > expected,
    }


def _write_files(folder: Path) -> list[str]:
    block = os.urandom(MB)
    paths = []
    for i in range(FILES):
        path = folder / f"anexo-{i}.bin"
        with path.open("wb") as file:
            for _ in range(FILE_MB):
                file.write(block)
        paths.append(str(path))
    return paths


def _encode_files() -> list[Any]:
    from application.attachments import EncodedFile

    block = os.urandom(MB)
    return [
        EncodedFile(base64.b64encode(block * FILE_MB).decode("ascii"), f"anexo-{i}.bin") for i in range(FILES)
    ]


class _PeakMemory:
    """Peak resident memory above the moment it is entered, in bytes."""

    def __init__(self) -> None:
        self.growth = 0
        self.method = ""

    def __enter__(self) -> _PeakMemory:
        self._baseline = _status("VmRSS")
        try:
            Path("/proc/self/clear_refs").write_text("5")
            self.method = "VmHWM reset"
            self._sampler: _Sampler | None = None
        except OSError:
            self.method = "VmRSS sampled every 2 ms"
            self._sampler = _Sampler(lambda: _status("VmRSS"))
        self._baseline = min(self._baseline, _status("VmRSS"))
        return self

    def __exit__(self, *exc: object) -> None:
        peak = self._sampler.stop() if self._sampler else _status("VmHWM")
        self.growth = max(0, peak - self._baseline)


class _Sampler:
    def __init__(self, read: Callable[[], int]) -> None:
        self._read, self._peak, self._done = read, read(), threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._done.wait(0.002):
            self._peak = max(self._peak, self._read())

    def stop(self) -> int:
        self._done.set()
        self._thread.join()
        return max(self._peak, self._read())


def _status(field: str) -> int:
    match = re.search(rf"^{field}:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.MULTILINE)
    if match is None:
        raise RuntimeError(f"no {field} in /proc/self/status (Linux only)")
    return int(match[1]) * 1024


class _Sink:
    """Reads each body in chunks, keeps only its size, answers 201 JSON."""

    def __init__(self) -> None:
        self.received = 0
        self.content_length: str | None = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        headers = dict(scope["headers"])
        self.content_length = headers.get(b"content-length", b"").decode() or None
        self.received, more = 0, True
        while more:
            message = await receive()
            self.received += len(message.get("body", b""))
            more = message.get("more_body", False)
        body = json.dumps({"id": 1, "received": self.received}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 201,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body})


@contextlib.contextmanager
def _sink() -> Any:
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    app = _Sink()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the sink server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/api/v2", app
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] in CASES:
        print(json.dumps(_measure(sys.argv[1])))
        raise SystemExit(0)
    raise SystemExit(main())
