"""The Ray back-end: a pool of Ray actors (``pip install 'copydesk[ray]'``).

Which cluster: an explicit ``address``, else the ``RAY_ADDRESS`` environment
variable, else a Ray started on this machine. Each actor gets the state once (through
Ray's object store) and runs the items sent to it round-robin. Ray is imported only
here, and only when used.
"""

from __future__ import annotations

import os
from typing import Any, Callable

from linter.executor.backend import IN_FLIGHT_PER_WORKER

RAY_HINT = "pip install 'copydesk[ray]'"


def import_ray():
    """The ``ray`` module, or an ImportError that says how to install it."""
    try:
        import ray
    except ImportError:
        raise ImportError(f"the Ray engine needs Ray: {RAY_HINT}") from None
    return ray


def ensure_ray(address: str | None = None, num_cpus: int | None = None) -> None:
    """Connect to Ray unless already connected: ``address``, else ``RAY_ADDRESS``,
    else start a local Ray (with ``num_cpus`` CPUs if given)."""
    ray = import_ray()
    if ray.is_initialized():
        return
    address = address or os.environ.get("RAY_ADDRESS")
    if address:
        ray.init(address=address)
    else:
        ray.init(num_cpus=num_cpus, include_dashboard=False)


class StateActor:
    """A Ray actor holding a run's state; runs ``work(state, item)``."""

    def __init__(self, state: Any) -> None:
        self.state = state

    def run(self, work: Callable, item: Any) -> Any:
        return work(self.state, item)


class RayBackend:
    warm_up_in_parent = False

    def __init__(self, address: str | None = None, num_cpus: int | None = None, actors: int | None = None) -> None:
        self.address = address
        self.num_cpus = num_cpus
        self.actors = actors
        self.workers = actors or num_cpus or 1  # known once started
        self.in_flight = 1
        self._pool: list = []
        self._next = 0

    def start(self, state: Any) -> None:
        ray = import_ray()
        ensure_ray(self.address, self.num_cpus)
        actors = self.actors or max(1, int(ray.available_resources().get("CPU", 1)))
        remote_cls = ray.remote(num_cpus=1)(StateActor)
        state_ref = ray.put(state)
        self._pool = [remote_cls.remote(state_ref) for _ in range(actors)]
        self.workers = actors
        self.in_flight = actors * IN_FLIGHT_PER_WORKER

    def submit(self, work: Callable, item: Any):
        actor = self._pool[self._next % len(self._pool)]
        self._next += 1
        return actor.run.remote(work, item)

    def result(self, handle) -> Any:
        return import_ray().get(handle)

    def close(self) -> None:
        if self._pool:
            ray = import_ray()
            for actor in self._pool:
                ray.kill(actor)
            self._pool = []
