"""The authorize page in a real browser: headless Chromium, driven by selenium, against real processes.

The other OAuth tests post the form with plain HTTP; this one is what a person does: open the link the
assistant gives, read the guide, paste a wrong key, see why it failed, paste the right one, click
"Autorizar" and land back on the assistant (a local catcher) with a code that buys a working token.

Chromium and chromedriver come from Debian (`.ci/run` installs them); the test fails, never skips, when
they are missing. Screenshots of the page are kept under pytest's temporary directory for review (the
path is printed); `artifacts/` gets a copy only when git ignores it, so they are never committed.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.e2e.conftest import FAKE_API_KEY, hosted_env, hosted_server
from tests.oauth_steps import Pkce, exchange, mcp_list, register

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
REPO = Path(__file__).resolve().parents[2]
WRONG_KEY = "not-the-key-123"
STATE = "browser-state-Zq7~x.y_z"  # unreserved characters that must come back exactly as sent


# --- real processes


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("authorize-browser")


@pytest.fixture(scope="module")
def base(fake_tiflux: str, workdir: Path) -> Iterator[str]:
    env = hosted_env(TIFLUX_API_BASE_URL=fake_tiflux, TIFLUX_MCP_STORE_URL=f"sqlite:///{workdir}/grants.db")
    with hosted_server(env, workdir / "server.log") as url:
        yield url


@dataclass
class Catcher:
    """The assistant's end of the redirect: a loopback HTTP server that keeps the queries it receives."""

    url: str
    queries: list[dict[str, list[str]]] = field(default_factory=list)


@pytest.fixture
def catcher() -> Iterator[Catcher]:
    received: list[dict[str, list[str]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            if parts.path != "/callback":
                self.send_error(404)
                return
            received.append(parse_qs(parts.query, keep_blank_values=True))
            page = (
                b'<!doctype html><html lang="en"><title>caught</title><p id="caught">Back at the client.</p>'
            )
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Catcher(f"http://127.0.0.1:{server.server_address[1]}/callback", received)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[webdriver.Chrome]:
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.fail(
            f"{', '.join(missing)} not found: the browser test needs Debian's Chromium and its driver; "
            "install them with `apt-get install chromium chromium-driver` (.ci/run does this in CI)",
            pytrace=False,
        )
    monkeypatch.setenv("SE_OFFLINE", "true")  # selenium-manager must never download a browser or driver
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=pt-BR",
        "--window-size=900,1200",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        # Loopback only: every host but 127.0.0.1 fails to resolve.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs",
        {
            "credentials_enable_service": False,
            "profile.password_manager_enabled": False,
            "profile.password_manager_leak_detection": False,
        },
    )
    service = Service(executable_path=str(CHROMEDRIVER), log_output=str(tmp_path / "chromedriver.log"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


# --- helpers


def authorize_url(base: str, client_id: str, redirect_uri: str, pkce: Pkce) -> str:
    query = urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "state": STATE,
            "resource": f"{base}/mcp",
            "code_challenge": pkce.challenge,
            "code_challenge_method": "S256",
        }
    )
    return f"{base}/authorize?{query}"


def screenshot(driver: webdriver.Chrome, directory: Path, name: str) -> Path:
    """The whole page (the viewport is set to fit it), under `directory`; copied to artifacts/ if ignored."""
    bottom = driver.execute_script(
        "return document.querySelector('main').getBoundingClientRect().bottom + window.scrollY"
    )
    metrics = {"width": 900, "height": math.ceil(bottom) + 32, "deviceScaleFactor": 1, "mobile": False}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)  # the viewport fits the page
    path = directory / name
    try:
        assert driver.save_screenshot(str(path)), f"no screenshot written to {path}"
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    artifacts = REPO / "artifacts"
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", str(artifacts / name)], cwd=REPO, capture_output=True, check=False
    )
    if ignored.returncode == 0:
        artifacts.mkdir(exist_ok=True)
        shutil.copyfile(path, artifacts / name)
        print(f"\nscreenshot: {path} (copied to {artifacts / name})")
    else:
        print(f"\nscreenshot: {path} (artifacts/ is not git-ignored; not copied there)")
    return path


def tool_names(answer_text: str, content_type: str) -> set[str]:
    """Tool names from a `tools/list` answer, JSON or a single server-sent event."""
    if content_type.startswith("text/event-stream"):
        data = [line[5:].strip() for line in answer_text.splitlines() if line.startswith("data:")]
        payload = json.loads(data[-1])
    else:
        payload = json.loads(answer_text)
    return {tool["name"] for tool in payload["result"]["tools"]}


# --- the test


def test_a_person_authorizes_in_chromium_and_the_client_gets_a_working_token(
    base: str, catcher: Catcher, browser: webdriver.Chrome, workdir: Path
) -> None:
    registered = register(base, [catcher.url], client_name="Assistente de teste")
    assert registered.status_code == 201, registered.text
    client_id = str(registered.json()["client_id"])
    pkce = Pkce.new()
    wait = WebDriverWait(browser, 15)

    # /authorize checks client, redirect URI and PKCE, then sends the browser to our page.
    browser.get(authorize_url(base, client_id, catcher.url, pkce))
    wait.until(expected_conditions.presence_of_element_located((By.ID, "api_key")))
    assert urlsplit(browser.current_url).path == "/authorize/key"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "pt-BR"
    text = browser.find_element(By.TAG_NAME, "main").text
    for words in ("app.tiflux.com", "Minha conta", "Sessões API", "Gerar novo token de sessão"):
        assert words in text, f"{words!r} not visible on the page"
    assert "Assistente de teste" in text  # who is asking
    # ... which nobody verified, and where the access goes (the catcher is a program on this computer).
    notice = browser.find_element(By.ID, "who")
    assert notice.is_displayed() and "Este aplicativo não é verificado" in notice.text
    assert "um programa neste computador (127.0.0.1)" in notice.text
    # The request is bound to this browser by a cookie scripts cannot read.
    (cookie,) = [c for c in browser.get_cookies() if c["name"] == "tiflux-mcp-browser"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert browser.execute_script("return document.cookie") == ""
    guide_link = browser.find_element(By.LINK_TEXT, "app.tiflux.com")
    assert guide_link.get_attribute("href") == "https://app.tiflux.com/"

    field_ = browser.find_element(By.ID, "api_key")
    assert field_.get_attribute("type") == "password" and field_.is_displayed()
    # The name a screen reader announces, computed by Chromium from <label for="api_key">.
    assert field_.accessible_name == "Chave de API do TiFlux"
    assert browser.switch_to.active_element == field_  # autofocus: the person can paste right away
    approve = browser.find_element(By.XPATH, "//button[normalize-space()='Autorizar']")
    assert approve.accessible_name == "Autorizar" and approve.is_enabled()
    assert not browser.find_elements(By.CSS_SELECTOR, "[role=alert]")
    form_shot = screenshot(browser, workdir, "authorize-page.png")

    # A wrong key: the page says why, forgets what was typed, and the same request stays open.
    field_.send_keys(WRONG_KEY)
    approve.click()
    alert = wait.until(expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, "[role=alert]")))
    assert "O TiFlux não aceitou esta chave" in alert.text
    assert alert.aria_role == "alert"
    field_ = browser.find_element(By.ID, "api_key")
    assert field_.get_attribute("value") == ""
    assert field_.get_attribute("aria-invalid") == "true"
    assert "key-error" in (field_.get_attribute("aria-describedby") or "").split()
    assert WRONG_KEY not in browser.page_source
    assert urlsplit(browser.current_url).path == "/authorize/key"
    assert not catcher.queries  # nothing went back to the client
    error_shot = screenshot(browser, workdir, "authorize-page-error.png")

    # The right key, "Autorizar": the browser lands on the client with the code and the state.
    field_.send_keys(FAKE_API_KEY)
    browser.find_element(By.XPATH, "//button[normalize-space()='Autorizar']").click()
    wait.until(lambda driver: driver.current_url.startswith(catcher.url))
    assert browser.find_element(By.ID, "caught").text == "Back at the client."
    assert len(catcher.queries) == 1
    caught = catcher.queries[0]
    assert caught["state"] == [STATE]
    assert len(caught["code"]) == 1 and caught["code"][0]
    assert "error" not in caught
    assert parse_qs(urlsplit(browser.current_url).query) == caught
    assert FAKE_API_KEY not in browser.current_url

    # The client's back channel: code + verifier → tokens → tools/list on /mcp.
    answer = exchange(base, client_id, caught["code"][0], pkce.verifier, redirect_uri=catcher.url)
    assert answer.status_code == 200, answer.text
    tokens = answer.json()
    assert tokens["token_type"] == "Bearer" and tokens["refresh_token"]
    listed = mcp_list(base, {"authorization": f"Bearer {tokens['access_token']}"})
    assert listed.status_code == 200, listed.text
    names = tool_names(listed.text, listed.headers.get("content-type", ""))
    assert {"get_ticket", "list_desks"} <= names

    assert form_shot.stat().st_size > 0 and error_shot.stat().st_size > 0
    assert FAKE_API_KEY not in (workdir / "server.log").read_text()
