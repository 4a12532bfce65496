"""The one executor of every run (``check`` and ``clean``): a task mapped over work
items, with results yielded in input order, so any back-end prints what one process
prints.

A run gives the executor its *state* (the check :class:`linter.run.check.Plan`, the
:class:`linter.clean.Cleaner`): the object each worker holds, sent to it once. A task
is a module-level function ``work(state, item)``; :meth:`Executor.map` sends it the
items and yields ``work(state, item)`` for each, in order. At most
``backend.in_flight`` items are submitted ahead of the one being waited for, so an
input of any size is streamed in flat memory.

Back-ends (``BACKENDS``): ``inline`` (this process), ``processes`` (a local process
pool) and ``ray`` (actors on a Ray cluster, imported only when used). A back-end has
the shape of :class:`linter.executor.backend.Backend`; a new one goes in a module of
this package, into ``BACKENDS`` and :func:`make_backend`.
"""

from __future__ import annotations

import os
from collections import deque
from itertools import chain
from typing import Any, Callable, Iterable, Iterator, TypeVar

from linter.executor.backend import Backend
from linter.executor.inline import InlineBackend

T = TypeVar("T")
R = TypeVar("R")
_NOTHING = object()


class Executor:
    """Maps tasks over items in input order on one back-end, started on first use
    and shared by every :meth:`map` of the run (close it, or use it as a context
    manager)."""

    def __init__(self, state: Any, backend: Backend | None = None) -> None:
        self.state = state
        self.backend = backend if backend is not None else InlineBackend()
        self._started = False

    def __enter__(self) -> "Executor":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        if self._started:
            self._started = False
            self.backend.close()

    def map(self, work: Callable[[Any, T], R], items: Iterable[T], parallel: bool = True) -> Iterator[R]:
        """``work(state, item)`` for each item, in order; in this process when not
        ``parallel`` (an input too small to be worth sending out)."""
        items = iter(items)
        if not parallel:
            for item in items:
                yield work(self.state, item)
            return
        if not self._started:
            if self.backend.warm_up_in_parent:
                # The data the rules load lazily (word lists, language profiles) is then
                # loaded once, here, and shared with the forked workers.
                for item in items:
                    yield work(self.state, item)
                    break
            following = next(items, _NOTHING)
            if following is _NOTHING:
                return  # nothing left to send out: no worker is started
            items = chain([following], items)
            self.backend.start(self.state)
            self._started = True
        window: deque = deque()
        for item in items:
            window.append(self.backend.submit(work, item))
            if len(window) >= self.backend.in_flight:
                yield self.backend.result(window.popleft())
        while window:
            yield self.backend.result(window.popleft())


    def map_tagged(
        self, work: Callable[[Any, T], R], pairs: Iterable[tuple[Any, T]], parallel: bool = True
    ) -> Iterator[tuple[Any, R]]:
        """``(tag, work(state, item))`` for each ``(tag, item)``, in order; the tags stay
        in this process (a chunk's original records, which the workers need not see)."""
        tags: deque = deque()

        def items() -> Iterator[T]:
            for tag, item in pairs:
                tags.append(tag)
                yield item

        for result in self.map(work, items(), parallel):
            yield tags.popleft(), result


def make_backend(name: str, jobs: int = 1, **options: Any) -> Backend:
    """The back-end called ``name`` (one of ``BACKENDS``) with ``jobs`` workers;
    ``options`` go to the back-end (Ray: ``address``, ``num_cpus``, ``actors``)."""
    if name == "ray":
        from linter.executor.ray_actors import RayBackend

        return RayBackend(**options)
    if name == "processes" and jobs > 1:
        from linter.executor.processes import ProcessBackend

        return ProcessBackend(jobs)
    if name in ("inline", "processes"):
        return InlineBackend()
    raise ValueError(f"unknown back-end {name!r}; expected one of {', '.join(BACKENDS)}")


BACKENDS = ("inline", "processes", "ray")


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return os.cpu_count() or 1
