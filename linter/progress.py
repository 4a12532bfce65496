"""A progress line on stderr for long runs: count, rate and ETA.

Shown only when stderr is a terminal and the run has lasted a moment (short runs,
CI logs and pipes stay silent); redrawn at most a few times a second.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

SHOW_AFTER_SECONDS = 1.0
REDRAW_SECONDS = 0.2


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


class Progress:
    def __init__(
        self,
        total: int | None = None,
        unit: str = "files",
        *,
        enabled: bool | None = None,
        stream: TextIO | None = None,
        clock=time.monotonic,
    ) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = enabled
        self.total = total
        self.unit = unit
        self.done = 0
        # For record files the count is unknown: progress is measured in bytes read.
        self.bytes_total = 0
        self.bytes_done = 0
        self.clock = clock
        self.started = clock()
        self._last_draw = 0.0
        self._drawn = False

    def update(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < SHOW_AFTER_SECONDS or now - self._last_draw < REDRAW_SECONDS:
            return
        self._last_draw = now
        self._draw(self.line(now))

    def line(self, now: float | None = None) -> str:
        now = self.clock() if now is None else now
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        if self.bytes_total and not self.total:
            frac = min(1.0, self.bytes_done / self.bytes_total)
            width = 24
            filled = int(frac * width)
            bar = "█" * filled + "░" * (width - filled)
            eta = elapsed * (1 - frac) / frac if frac > 0 else 0
            return (
                f"{bar} {self.done:,} {self.unit} {frac:4.0%}  "
                f"{rate:,.0f} {self.unit}/s  ETA {_duration(eta)}"
            )
        if self.total:
            frac = min(1.0, self.done / self.total)
            width = 24
            filled = int(frac * width)
            bar = "█" * filled + "░" * (width - filled)
            eta = (self.total - self.done) / rate if rate > 0 else 0
            return (
                f"{bar} {self.done}/{self.total} {self.unit} {frac:4.0%}  "
                f"{rate:,.0f} {self.unit}/s  ETA {_duration(eta)}"
            )
        return f"{self.done:,} {self.unit}  {rate:,.0f} {self.unit}/s  {_duration(elapsed)}"

    def _draw(self, text: str) -> None:
        self.stream.write("\r\033[K" + text)
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._drawn = False
