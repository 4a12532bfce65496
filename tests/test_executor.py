"""The one executor: every back-end yields what a plain loop yields, in input order,
with a bounded number of items read ahead; the state reaches each worker once."""

from __future__ import annotations

import os
import time

import pytest

from linter.executor import BACKENDS, Executor, make_backend
from linter.executor.inline import InlineBackend
from linter.executor.processes import ProcessBackend


def slow_square(state: dict, n: int) -> tuple[int, int]:
    # Early items take longest: a pool that yielded in completion order would reorder.
    time.sleep(0.001 * (8 - n % 8))
    return n * n + state["offset"], os.getpid()


def count_calls(state: dict, n: int) -> int:
    state["calls"] = state.get("calls", 0) + 1
    return state["calls"]


class Counted:
    """An input that records how many items were taken from it."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.taken = 0

    def __iter__(self):
        for i in range(self.n):
            self.taken += 1
            yield i


@pytest.mark.parametrize("backend", [InlineBackend(), ProcessBackend(2)], ids=["inline", "processes"])
def test_results_come_in_input_order_with_a_bounded_window(backend):
    items = Counted(40)
    read_ahead = []
    with Executor({"offset": 1}, backend) as executor:
        results = []
        for value, _pid in executor.map(slow_square, items):
            read_ahead.append(items.taken - len(results))
            results.append(value)
    assert results == [n * n + 1 for n in range(40)]
    assert max(read_ahead) <= backend.in_flight
    assert max(read_ahead) == backend.in_flight  # the window fills: work runs ahead


def test_processes_run_in_other_processes_and_inline_here():
    with Executor({"offset": 0}, ProcessBackend(2)) as executor:
        pids = [pid for _, pid in executor.map(slow_square, range(20))]
        # The first item runs here (the rules' lazily read data is then shared by
        # fork), the rest in the workers.
        assert pids[0] == os.getpid() and os.getpid() not in pids[1:]
        assert {pid for _, pid in executor.map(slow_square, range(5), parallel=False)} == {os.getpid()}
    with Executor({"offset": 0}) as executor:
        assert {pid for _, pid in executor.map(slow_square, range(5))} == {os.getpid()}


def test_the_state_is_each_workers_own_and_kept_between_items():
    state: dict = {}
    with Executor(state, InlineBackend()) as executor:
        assert list(executor.map(count_calls, range(5))) == [1, 2, 3, 4, 5]
    with Executor({}, ProcessBackend(2)) as executor:
        counts = list(executor.map(count_calls, range(30)))
    # Each worker counts its own calls: had the state been sent with every item, every
    # count would be 1.
    assert max(counts) > 1 and sum(1 for c in counts if c == 1) <= 3


def test_tags_stay_here_and_pair_with_their_results():
    unpicklable = [lambda i=i: i for i in range(12)]  # a lambda cannot cross processes
    with Executor({"offset": 0}, ProcessBackend(2)) as executor:
        pairs = list(executor.map_tagged(slow_square, ((tag, i) for i, tag in enumerate(unpicklable))))
    assert [(tag(), value) for tag, (value, _) in pairs] == [(i, i * i) for i in range(12)]


def test_a_single_item_starts_no_pool():
    backend = ProcessBackend(2)
    with Executor({"offset": 0}, backend) as executor:
        assert [v for v, _ in executor.map(slow_square, [3])] == [9]
        assert backend._pool is None


def fail_on_five(state: dict, n: int) -> int:
    if n == 5:
        raise ValueError(f"item {n} in process {os.getpid()}")
    return n


def test_a_failing_task_raises_in_the_caller_after_the_items_before_it():
    got = []
    with Executor({}, ProcessBackend(2)) as executor:
        with pytest.raises(ValueError, match="item 5 in process") as raised:
            got.extend(executor.map(fail_on_five, range(10)))
    assert got == [0, 1, 2, 3, 4] and str(os.getpid()) not in str(raised.value)


def test_make_backend():
    assert isinstance(make_backend("processes", 1), InlineBackend)
    assert isinstance(make_backend("processes", 3), ProcessBackend) and make_backend("processes", 3).workers == 3
    assert isinstance(make_backend("inline", 4), InlineBackend)
    assert BACKENDS == ("inline", "processes", "ray")
    with pytest.raises(ValueError, match="unknown back-end 'threads'"):
        make_backend("threads", 2)
