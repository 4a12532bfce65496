"""The Ray engine gives the local engine's output (``ray.init(num_cpus=2)``)."""

from __future__ import annotations

import json

import pytest

ray = pytest.importorskip("ray", reason="the Ray engine is the optional extra copydesk[ray]; install it to test")

from linter import Linter  # noqa: E402
from linter.clean import Cleaner  # noqa: E402
from linter.run.clean import clean_file  # noqa: E402
from linter.rules.support.quality import Gate  # noqa: E402
from linter.ray_engine import ADDED_COLUMNS, clean_dataset, kept, rejected  # noqa: E402

GOOD = (
    "Bridge to close for repairs\n\n"
    "The Old Mill bridge will close for six weeks from Monday while engineers replace its "
    "deck, the county council said. Buses will use the ring road instead, adding about ten "
    "minutes to journeys."
)
DOUBLED = GOOD.replace("replace its", "replace its its")
MENU = "\n".join(["Home", "World", "Business", "Sport", "Weather", "Contact us", "Privacy"] * 3)


@pytest.fixture(scope="module")
def ray_local():
    if ray.is_initialized():
        ray.shutdown()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    yield
    ray.shutdown()


def records(n=60):
    return [{"id": f"d{i}", "text": [GOOD, DOUBLED, MENU][i % 3], "n": i} for i in range(n)]


def cleaner():
    return Cleaner(Linter(["TP001", "QL001", "QL004"]), Gate())


def test_ray_engine_output_identical_to_local(tmp_path, ray_local):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records()), encoding="utf-8")
    outputs = []
    for engine in ("local", "ray"):
        out, rej = tmp_path / f"{engine}.jsonl", tmp_path / f"{engine}.rejects.jsonl"
        summary = clean_file(str(src), str(out), cleaner(), rejects=str(rej), jobs=2, engine=engine)
        outputs.append((out.read_bytes(), rej.read_bytes(), summary.findings_by_rule, summary.dropped_by_reason))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].count(b"\n") == 40


def test_clean_dataset_matches_local_cleaner(ray_local):
    rows = records(30)
    ds = ray.data.from_items(rows)
    result = clean_dataset(ds, cleaner(), concurrency=2, batch_size=8).take_all()
    by_id = {r["id"]: r for r in result}
    local = cleaner()
    for row in rows:
        expected = local.clean(row["id"], row["text"])
        got = by_id[row["id"]]
        assert got["copydesk_keep"] == expected.keep
        assert list(got["copydesk_reasons"]) == expected.reasons
        assert json.loads(got["copydesk_scores"]) == expected.scores
        assert json.loads(got["copydesk_findings"]) == expected.findings
        assert got["text"] == (expected.text if expected.keep else row["text"])
        assert got["n"] == row["n"]


def test_kept_and_rejected_split(ray_local):
    ds = clean_dataset(ray.data.from_items(records(9)), cleaner(), concurrency=1)
    good = kept(ds).take_all()
    bad = rejected(ds).take_all()
    assert sorted(r["id"] for r in good) == ["d0", "d1", "d3", "d4", "d6", "d7"]
    assert all(c not in good[0] for c in ADDED_COLUMNS)
    assert all(r["text"] == GOOD for r in good)
    assert sorted(r["id"] for r in bad) == ["d2", "d5", "d8"]



def test_ray_backend_of_the_executor_keeps_input_order_with_a_bounded_window(ray_local):
    from linter.executor import Executor
    from linter.executor.ray_actors import RayBackend

    rows = records(60)
    taken = []

    def chunks():
        for start in range(0, len(rows), 3):
            taken.append(start)
            yield [(r["id"], r["text"], None) for r in rows[start : start + 3]]

    backend = RayBackend(actors=2)
    results, read_ahead = [], []
    with Executor(cleaner(), backend) as executor:
        for batch in executor.map(Cleaner.clean_batch, chunks()):
            read_ahead.append(len(taken) - len(results) // 3)
            results.extend(batch)
    local = cleaner()
    assert [(r.doc_id, r.text, r.reasons) for r in results] == [
        (r.doc_id, r.text, r.reasons) for r in (local.clean(row["id"], row["text"]) for row in rows)
    ]
    assert max(read_ahead) == backend.in_flight == 8
    assert backend._pool == []  # the actors are gone with the run
