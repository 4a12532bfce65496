"""The Ray engine: copydesk over a Ray cluster (``pip install 'copydesk[ray]'``).

Two ways in:

* ``copydesk clean --engine ray IN OUT``: the driver streams IN, sends chunks of
  records to a pool of Ray actors and writes OUT in input order, exactly as the local
  engine does (the same output, byte for byte).
* :func:`clean_dataset`: map copydesk over a ``ray.data.Dataset`` (read from Parquet
  or JSON shards anywhere Ray can read), with ``map_batches`` and a callable class,
  so each worker builds the rules, word lists and language profiles once.

Which cluster: an explicit ``address``, else the ``RAY_ADDRESS`` environment
variable, else a Ray started on this machine. On a cluster, call
``ray.init(address="auto")`` yourself (or set ``RAY_ADDRESS``) before using the API.
Ray is imported only here, and only when used.
"""

from __future__ import annotations

import json
import os
from collections import deque
from typing import Any, Iterable, Iterator

from linter.clean import CHUNKS_IN_FLIGHT_PER_JOB, Cleaner, DocResult

RAY_HINT = "pip install 'copydesk[ray]'"

# Columns clean_dataset adds to each row.
KEEP_COLUMN = "copydesk_keep"
CHANGED_COLUMN = "copydesk_changed"
REASONS_COLUMN = "copydesk_reasons"
SCORES_COLUMN = "copydesk_scores"
FINDINGS_COLUMN = "copydesk_findings"
ADDED_COLUMNS = (KEEP_COLUMN, CHANGED_COLUMN, REASONS_COLUMN, SCORES_COLUMN, FINDINGS_COLUMN)


def _ray():
    try:
        import ray
    except ImportError:
        raise ImportError(f"the Ray engine needs Ray: {RAY_HINT}") from None
    return ray


def ensure_ray(address: str | None = None, num_cpus: int | None = None) -> None:
    """Connect to Ray unless already connected: ``address``, else ``RAY_ADDRESS``,
    else start a local Ray (with ``num_cpus`` CPUs if given)."""
    ray = _ray()
    if ray.is_initialized():
        return
    address = address or os.environ.get("RAY_ADDRESS")
    if address:
        ray.init(address=address)
    else:
        ray.init(num_cpus=num_cpus, include_dashboard=False)


class CopydeskCleaner:
    """A stateful Ray worker: the Linter is built once, in ``__init__``.

    As a ``map_batches`` callable it takes a ``pyarrow.Table`` batch and returns it
    with the text fixed and the ``copydesk_*`` columns added; as an actor it cleans
    lists of ``(doc_id, text, why)`` items (:meth:`clean_batch`).
    """

    def __init__(self, cleaner: Cleaner | None = None, text_field: str = "text", id_field: str = "id") -> None:
        # Unpickling a Cleaner rebuilds its rules here, once per worker.
        self.cleaner = cleaner if cleaner is not None else Cleaner()
        self.text_field = text_field
        self.id_field = id_field

    def clean_batch(self, items: list[tuple[str, str | None, str | None]]) -> list[DocResult]:
        return self.cleaner.clean_batch(items)

    def __call__(self, batch):
        import pyarrow as pa

        names = batch.column_names
        if self.text_field not in names:
            raise ValueError(f"no {self.text_field!r} column (columns: {', '.join(names[:8])})")
        texts = batch.column(self.text_field).to_pylist()
        if self.id_field in names:
            ids = batch.column(self.id_field).to_pylist()
        else:
            ids = [None] * len(texts)
        results = []
        for i, (doc_id, text) in enumerate(zip(ids, texts)):
            doc_id = str(i) if doc_id is None else str(doc_id)
            if text is None or not isinstance(text, str):
                results.append(self.cleaner.clean(doc_id, None, f"field {self.text_field!r} is empty or not a string"))
            else:
                results.append(self.cleaner.clean(doc_id, text))
        new_texts = [r.text if r.keep and r.changed else t for r, t in zip(results, texts)]
        idx = names.index(self.text_field)
        out = batch.set_column(idx, self.text_field, pa.array(new_texts, type=batch.schema.field(idx).type))
        out = out.append_column(KEEP_COLUMN, pa.array([r.keep for r in results], pa.bool_()))
        out = out.append_column(CHANGED_COLUMN, pa.array([r.changed for r in results], pa.bool_()))
        out = out.append_column(REASONS_COLUMN, pa.array([r.reasons for r in results], pa.list_(pa.string())))
        out = out.append_column(SCORES_COLUMN, pa.array([json.dumps(r.scores) for r in results], pa.string()))
        out = out.append_column(FINDINGS_COLUMN, pa.array([json.dumps(r.findings) for r in results], pa.string()))
        return out


def clean_dataset(
    ds,
    cleaner: Cleaner | None = None,
    *,
    text_field: str = "text",
    id_field: str = "id",
    concurrency: int | tuple[int, int] | None = None,
    batch_size: int = 64,
    num_cpus: float = 1,
):
    """Map copydesk over a ``ray.data.Dataset``; returns a Dataset (lazy, as Ray's are).

    Each row comes back with its text fixed (kept rows only) and five columns added:
    ``copydesk_keep`` (bool), ``copydesk_changed`` (bool), ``copydesk_reasons``
    (the failed quality gates), ``copydesk_scores`` and ``copydesk_findings``
    (JSON strings: quality scores, finding counts by rule code). ``concurrency`` is the
    number of workers (an int, or a ``(min, max)`` autoscaling range); each builds the
    rules once. Use :func:`kept` and :func:`rejected` to split the result.
    """
    cleaner = cleaner if cleaner is not None else Cleaner()
    if concurrency is None:
        ensure_ray()
        concurrency = max(1, int(_ray().available_resources().get("CPU", 1) // max(num_cpus, 1e-9)))
    return ds.map_batches(
        CopydeskCleaner,
        fn_constructor_args=(cleaner, text_field, id_field),
        batch_format="pyarrow",
        batch_size=batch_size,
        concurrency=concurrency,
        num_cpus=num_cpus,
    )


def kept(ds, *, drop_columns: bool = True):
    """The rows that passed the quality gate (without the copydesk_* columns)."""
    out = ds.filter(lambda row: bool(row[KEEP_COLUMN]))
    return out.drop_columns(list(ADDED_COLUMNS)) if drop_columns else out


def rejected(ds):
    """The rows the quality gate dropped, with their reasons and scores."""
    return ds.filter(lambda row: not row[KEEP_COLUMN])


def ray_chunk_map(
    cleaner: Cleaner,
    chunks: Iterable[tuple[Any, list]],
    *,
    address: str | None = None,
    num_cpus: int | None = None,
    actors: int | None = None,
) -> Iterator[tuple[Any, list[DocResult]]]:
    """Clean ``(tag, items)`` chunks on a pool of Ray actors, yielding results in input
    order with a bounded number of chunks in flight (the engine of ``--engine ray``)."""
    ray = _ray()
    ensure_ray(address, num_cpus)
    if actors is None:
        actors = max(1, int(ray.available_resources().get("CPU", 1)))
    remote_cls = ray.remote(num_cpus=1)(CopydeskCleaner)
    cleaner_ref = ray.put(cleaner)
    pool = [remote_cls.remote(cleaner_ref) for _ in range(actors)]
    pending: deque = deque()
    limit = actors * CHUNKS_IN_FLIGHT_PER_JOB
    try:
        n = 0
        for tag, items in chunks:
            actor = pool[n % actors]
            n += 1
            pending.append((tag, actor.clean_batch.remote(items)))
            if len(pending) >= limit:
                done_tag, ref = pending.popleft()
                yield done_tag, ray.get(ref)
        while pending:
            done_tag, ref = pending.popleft()
            yield done_tag, ray.get(ref)
    finally:
        for actor in pool:
            ray.kill(actor)
