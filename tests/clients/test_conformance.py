"""The official MCP conformance suite (@modelcontextprotocol/conformance 0.1.13) against hosted mode.

Its server scenarios assume a reference server with fixture tools (`test_image_content`, sampling,
elicitation...), resources and prompts that are not part of this product; those fail by design and are
listed in NOT_OFFERED with the reason. Every scenario about something we do offer must pass, and a
scenario in neither list fails the test, so a new suite version cannot go unread.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.e2e.conftest import hosted_env, hosted_server

MUST_PASS = {
    "server-initialize",
    "ping",
    "tools-list",
    "resources-list",
    "prompts-list",
    "dns-rebinding-protection",
    "server-sse-multiple-streams",
}
NOT_OFFERED = {
    "logging-set-level": "no logging capability is advertised, so logging/setLevel is method-not-found",
    "completion-complete": "no completions capability",
    "tools-call-simple-text": "fixture tool test_simple_text (an unknown tool is JSON-RPC -32602)",
    "tools-call-error": "fixture tool test_error_handling (an unknown tool is JSON-RPC -32602)",
    "tools-call-image": "fixture tool test_image_content",
    "tools-call-audio": "fixture tool test_audio_content",
    "tools-call-embedded-resource": "fixture tool test_embedded_resource",
    "tools-call-mixed-content": "fixture tool test_multiple_content_types",
    "tools-call-with-logging": "fixture tool test_tool_with_logging",
    "tools-call-with-progress": "fixture tool test_tool_with_progress",
    "tools-call-sampling": "fixture tool test_sampling",
    "tools-call-elicitation": "fixture tool test_elicitation",
    "elicitation-sep1034-defaults": "fixture tool test_elicitation_sep1034_defaults",
    "elicitation-sep1330-enums": "fixture tool test_elicitation_sep1330_enums",
    "resources-read-text": "fixture resource test://static-text",
    "resources-read-binary": "fixture resource test://static-binary",
    "resources-templates-read": "fixture resource template",
    "resources-subscribe": "no resources to subscribe to",
    "resources-unsubscribe": "no resources to subscribe to",
    "prompts-get-simple": "fixture prompt test_simple_prompt",
    "prompts-get-with-args": "fixture prompt test_prompt_with_arguments",
    "prompts-get-embedded-resource": "fixture prompt test_prompt_with_embedded_resource",
    "prompts-get-with-image": "fixture prompt test_prompt_with_image",
}


def results(output: Path) -> dict[str, bool]:
    """Scenario → passed, from the suite's checks.json files (one folder per scenario run)."""
    outcome: dict[str, bool] = {}
    for checks in output.glob("server-*/checks.json"):
        scenario = checks.parent.name.removeprefix("server-").rsplit("-", 6)[0]
        statuses = [check["status"] for check in json.loads(checks.read_text())]
        outcome[scenario] = all(status in ("SUCCESS", "INFO", "WARNING") for status in statuses)
    return outcome


def test_every_scenario_about_what_we_offer_passes(npm_bin: Path, tmp_path: Path) -> None:
    unlimited = hosted_env(TIFLUX_TENANT_BURST="100000", TIFLUX_TENANT_RATE_PER_MINUTE="1000000")
    with hosted_server(unlimited, tmp_path / "server.log", "--demo") as base:  # one anonymous account
        subprocess.run(
            [str(npm_bin / "conformance"), "server", "--url", f"{base}/mcp", "-o", str(tmp_path / "out")],
            capture_output=True,
            text=True,
            timeout=600,
        )
    outcome = results(tmp_path / "out")
    print("conformance 0.1.13:", json.dumps(dict(sorted(outcome.items())), indent=1))
    assert set(outcome) == MUST_PASS | set(NOT_OFFERED), set(outcome) ^ (MUST_PASS | set(NOT_OFFERED))
    failed = sorted(name for name in MUST_PASS if not outcome[name])
    assert not failed, failed
