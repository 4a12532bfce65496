"""copydesk over a Ray Data ``Dataset`` (``pip install 'copydesk[ray]'``).

:func:`clean_dataset` maps copydesk over a ``ray.data.Dataset`` (read from Parquet or
JSON shards anywhere Ray can read) with ``map_batches`` and
:class:`linter.clean.Cleaner` as its callable class, so each worker builds the rules,
word lists and language profiles once. (``copydesk clean --engine ray IN OUT`` runs
on Ray through :mod:`linter.executor`'s Ray back-end instead: the same output as the
local engine, byte for byte.)

Which cluster: the ``RAY_ADDRESS`` environment variable, else a Ray started on this
machine. On a cluster, call ``ray.init(address="auto")`` yourself (or set
``RAY_ADDRESS``) before using the API. Ray is imported only when used.
"""

from __future__ import annotations

from linter.clean import ADDED_COLUMNS, KEEP_COLUMN, Cleaner
from linter.executor.ray_actors import ensure_ray, import_ray

__all__ = ["ADDED_COLUMNS", "clean_dataset", "kept", "rejected"]


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
        concurrency = max(1, int(import_ray().available_resources().get("CPU", 1) // max(num_cpus, 1e-9)))
    args, kwargs = cleaner.constructor_args()
    return ds.map_batches(
        Cleaner,
        fn_constructor_args=args,
        fn_constructor_kwargs=kwargs,
        fn_kwargs={"text_field": text_field, "id_field": id_field},
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
