"""The local back-end: a pool of worker processes on this machine.

The state is given to each worker once, when it starts (inherited, not pickled, where
processes fork); an item then costs one pickled task and one pickled result.
"""

from __future__ import annotations

import sys
from typing import Any, Callable

from linter.executor.backend import IN_FLIGHT_PER_WORKER

# The state of this worker process (set by the pool's initializer).
_STATE: Any = None


def _start_worker(state: Any) -> None:
    global _STATE
    _STATE = state


def _run(work: Callable, item: Any) -> Any:
    return work(_STATE, item)


class ProcessBackend:
    warm_up_in_parent = True

    def __init__(self, jobs: int) -> None:
        self.jobs = self.workers = jobs
        self.in_flight = jobs * IN_FLIGHT_PER_WORKER
        self._pool = None

    def start(self, state: Any) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        method = "fork" if sys.platform.startswith("linux") else None
        self._pool = ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=multiprocessing.get_context(method),
            initializer=_start_worker,
            initargs=(state,),
        )

    def submit(self, work: Callable, item: Any):
        return self._pool.submit(_run, work, item)

    def result(self, handle) -> Any:
        return handle.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
