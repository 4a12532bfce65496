"""Speed: whole-process throughput, latency and memory of the CLI, beside proselint."""

from __future__ import annotations


def run_speed(args, articles) -> dict:
    raise NotImplementedError("speed benchmark not written yet")
