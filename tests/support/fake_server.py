"""`python -m tests.support.fake_server --port N [--api-key K]`: the instrumented fake TiFlux over real HTTP.

What end-to-end tests and `make bench` start when they need the test-only switches (faults, latency, the
request count: ``faults.py``); `tiflux-mcp fake-api` serves the same API without them. Run from the
repository root.
"""

from __future__ import annotations

import argparse
import sys

import uvicorn

from adapters.tiflux.fake.tenant import FakeTenant
from tests.support.fake_api import InstrumentedFakeApi


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.support.fake_server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--api-key", default=None, help="accept only this bearer token (default: any)")
    options = parser.parse_args(argv)
    app = InstrumentedFakeApi(FakeTenant.demo(), api_key=options.api_key)
    uvicorn.run(app, host=options.host, port=options.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
