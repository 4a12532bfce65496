"""The inline back-end: every item runs in this process, one at a time, when its
result is asked for (nothing runs ahead)."""

from __future__ import annotations

from functools import partial
from typing import Any, Callable


class InlineBackend:
    workers = 1
    in_flight = 1
    warm_up_in_parent = False

    def start(self, state: Any) -> None:
        self.state = state

    def submit(self, work: Callable, item: Any) -> Callable[[], Any]:
        return partial(work, self.state, item)

    def result(self, handle: Callable[[], Any]) -> Any:
        return handle()

    def close(self) -> None:
        self.state = None
