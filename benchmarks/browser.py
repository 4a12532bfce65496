"""Headless Chromium over the DevTools protocol: load a page, collect console errors,
evaluate script, time the load, take screenshots.

Used by the browser tests (tests/test_report_browser.py), the report benchmark
(``python -m benchmarks.run report``) and the README screenshots
(``python -m benchmarks.report --screenshots docs/img``). Needs a Chromium binary
(Debian's ``chromium`` package; ``CHROMIUM`` names another) and ``websocket-client``
(the ``test`` extra). Every run gets a fresh profile and no network: pages are opened
from file:// URLs.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
)
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")


class BrowserUnavailable(Exception):
    """No Chromium, or no websocket client: the message says which and what to install."""


def find_chromium() -> str | None:
    named = os.environ.get("CHROMIUM")
    if named:
        return named if shutil.which(named) or os.path.exists(named) else None
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def unavailable_reason() -> str | None:
    """Why a browser cannot be driven here, or None when it can."""
    if find_chromium() is None:
        return "no Chromium found (install Debian's chromium package, or set CHROMIUM to a binary)"
    try:
        import websocket  # noqa: F401
    except ImportError:
        return "websocket-client is not installed (pip install -e '.[test]')"
    return None


class Browser:
    """One Chromium process and one page. Use as a context manager."""

    def __init__(self, width: int = 1280, height: int = 900, timeout: float = 60.0) -> None:
        reason = unavailable_reason()
        if reason:
            raise BrowserUnavailable(reason)
        import websocket

        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="copydesk-chromium-")
        self.proc = subprocess.Popen(
            [find_chromium(), *FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
             "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            port = self._port()
            page = self._page_target(port)
            self.ws = websocket.create_connection(page, timeout=timeout, suppress_origin=True)
        except BaseException:
            self.close()
            raise
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    def _port(self) -> int:
        marker = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BrowserUnavailable(f"Chromium exited at start (status {self.proc.returncode})")
            try:
                return int(marker.read_text().split()[0])
            except (OSError, ValueError, IndexError):
                time.sleep(0.05)
        raise BrowserUnavailable("Chromium did not open its DevTools port in time")

    def _page_target(self, port: int) -> str:
        from urllib.request import urlopen

        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            with urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as reply:
                pages = [t for t in json.load(reply) if t.get("type") == "page"]
            if pages:
                return pages[0]["webSocketDebuggerUrl"]
            time.sleep(0.05)
        raise BrowserUnavailable("Chromium opened no page")

    # ------------------------------------------------------------------ protocol

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        ident = next(self.ids)
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event: str) -> dict[str, Any]:
        for i, message in enumerate(self.events):
            if message["method"] == event:
                return self.events.pop(i)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            message = json.loads(self.ws.recv())
            if message.get("method") == event:
                return message
            if "method" in message:
                self.events.append(message)
        raise TimeoutError(event)

    # ------------------------------------------------------------------- helpers

    def open(self, path: str | os.PathLike) -> float:
        """Load a file (or ``about:blank``) and wait for its load event; returns the
        seconds from navigation to the load event."""
        url = str(path) if str(path).startswith("about:") else Path(path).resolve().as_uri()
        self.events = [e for e in self.events if e["method"] != "Page.loadEventFired"]
        started = time.perf_counter()
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")
        return time.perf_counter() - started

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails'].get('text')}: {expression[:80]}")
        return result["result"].get("value")

    def console_errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries (failed loads) so far."""
        self.evaluate("0")  # drain events already sent
        out = []
        for e in self.events:
            params = e.get("params", {})
            if e["method"] == "Runtime.exceptionThrown":
                out.append(params["exceptionDetails"].get("text", "exception"))
            elif e["method"] == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                out.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif e["method"] == "Log.entryAdded" and params["entry"].get("level") == "error":
                out.append(params["entry"].get("text", ""))
        return out

    def key(self, key: str, code: str | None = None, shift: bool = False) -> None:
        """Press and release one key (``Tab``, ``Enter``) as a user would."""
        codes = {"Tab": 9, "Enter": 13, "Escape": 27}
        base = dict(key=key, code=code or key, windowsVirtualKeyCode=codes.get(key, 0), modifiers=8 if shift else 0)
        self.call("Input.dispatchKeyEvent", type="keyDown", **base)
        self.call("Input.dispatchKeyEvent", type="keyUp", **base)

    def hover(self, x: float, y: float) -> None:
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)

    def screenshot(self, path: str | os.PathLike, clip: dict[str, float] | None = None) -> None:
        """A PNG of the viewport, or of ``clip`` (page coordinates: x, y, width, height)."""
        params: dict[str, Any] = {"format": "png"}
        if clip is not None:
            params["clip"] = {**clip, "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.call("Page.captureScreenshot", **params)["data"]
        Path(path).write_bytes(base64.b64decode(data))

    def close(self) -> None:
        ws = getattr(self, "ws", None)
        if ws is not None:
            try:
                ws.close()
            except Exception:
                pass
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
