"""What a back-end of :mod:`linter.executor` is."""

from __future__ import annotations

from typing import Any, Callable, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Items in flight per worker: enough to keep every worker busy, few enough that
# memory stays flat on any input size.
IN_FLIGHT_PER_WORKER = 4


class Backend(Protocol):
    workers: int  # how many items run at once
    in_flight: int  # items submitted ahead of the one waited for
    warm_up_in_parent: bool  # run the first item here before start() (data then shared by fork)

    def start(self, state: Any) -> None: ...

    def submit(self, work: Callable[[Any, T], R], item: T) -> Any: ...

    def result(self, handle: Any) -> R: ...

    def close(self) -> None: ...
