"""Review in the store (SQLite and PostgreSQL): ops become events, replay rebuilds the state."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from coatlas.document import Document
from coatlas.jsonio import dumps
from coatlas.review import ReviewError, replay
from coatlas.review.log import review_lessons, reviewed_lessons
from coatlas.store import Store, StoreError
from test_review import OPS, check_invariants, make_doc, nodes


def seed(store: Store, settings: dict | None = None) -> tuple[int, dict]:
    """A run with two documents and the sample lessons.json stored as its proposal."""
    run = store.start_run(settings or {}, {"coatlas": "test"}, "digest")
    for i in range(2):
        body = f"document {i} " + "x" * 120
        sha = hashlib.sha256(body.encode()).hexdigest()
        store.add_document(
            Document(path=f"doc{i}.txt", sha256=sha, format="txt", text=body), run_id=run
        )
    doc = make_doc()
    doc["sampling"] = [
        {"document": "doc0.txt", "type": "transcript", "sampled": True, "reason": "r"}
    ]
    store.add_lessons(run, doc["lessons"], doc["hierarchy"], sampling=doc["sampling"])
    store.finish_run(run, "succeeded")
    return run, doc


def test_proposal_round_trips_exactly(store: Store) -> None:
    run, doc = seed(store)
    assert store.lesson_runs() == [run]
    assert dumps(store.proposed_lessons(run)) == dumps(doc)
    assert dumps(reviewed_lessons(store, run)) == dumps(doc)  # no review yet: the proposal


def test_ops_are_events_and_replay_gives_the_state(store: Store) -> None:
    run, doc = seed(store)
    states = []
    for actor, op in OPS:
        state, done = review_lessons(store, run, [op], actor)
        states.append(state)
        assert done[0]["op"] == op["op"]
    events = [e for e in store.events(target=f"run:{run}") if e["action"] == "lesson.review"]
    assert [(e["actor"], e["payload"]["op"]) for e in events] == [(a, o["op"]) for a, o in OPS]
    assert events[1]["payload"]["id"] == "G04"  # create records the id it assigned
    reviewed = reviewed_lessons(store, run)
    assert dumps(reviewed) == dumps(states[-1])
    assert dumps(reviewed) == dumps(replay(doc, [(e["actor"], e["payload"]) for e in events]))
    assert dumps(reviewed) == dumps(replay(doc, OPS))
    check_invariants(reviewed)
    assert dumps(store.proposed_lessons(run)) == dumps(doc)  # the proposal is never edited
    assert store.lessons(run)[0]["code"] == "K01"  # nor are the lesson rows


def test_a_refused_op_records_nothing_and_a_batch_is_all_or_nothing(store: Store) -> None:
    run, _ = seed(store)
    before = store.count("events")
    with pytest.raises(ReviewError, match=r"^op 2 of 2: merge K01 into K01: a node cannot"):
        review_lessons(
            store,
            run,
            [
                {"op": "rename", "node": "K01", "label": "x"},
                {"op": "merge", "node": "K01", "into": "K01"},
            ],
            "anna",
        )
    assert store.count("events") == before
    assert nodes(reviewed_lessons(store, run))["K01"]["label"] == "listen"
    with pytest.raises(ReviewError, match="actor is empty"):
        review_lessons(store, run, [{"op": "rename", "node": "K01", "label": "x"}], "")
    with pytest.raises(StoreError, match="run 99: not found"):
        reviewed_lessons(store, 99)


def test_review_events_are_append_only(store: Store) -> None:
    run, _ = seed(store)
    review_lessons(store, run, [{"op": "reject", "lesson": "L001"}], "anna")
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
        conn.execute(text("UPDATE events SET payload = '{}' WHERE action = 'lesson.review'"))
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
        conn.execute(text("DELETE FROM events WHERE action = 'lesson.review'"))
    assert reviewed_lessons(store, run)["lessons"][0]["review"]["rejected"] is True


def test_a_run_without_a_stored_hierarchy_says_so(store: Store) -> None:
    run = store.start_run({}, {}, "d")
    with pytest.raises(StoreError, match=f"run {run}: no lesson hierarchy stored"):
        reviewed_lessons(store, run)
    assert store.lesson_runs() == []


def test_the_hierarchy_is_stored_once_per_run(store: Store) -> None:
    run, doc = seed(store)
    with pytest.raises(StoreError, match="already stored"):
        store.add_lessons(run, [], doc["hierarchy"])


def test_concurrent_reviewers_are_serialised(backend) -> None:
    """Two reviewers merge the same code at once: one wins, the other is told it is gone."""
    import threading

    with backend.open() as st:
        run, _ = seed(st)
    barrier = threading.Barrier(2)
    results: list[str] = []

    def reviewer(name: str) -> None:
        with backend.open() as st:
            barrier.wait()
            try:
                review_lessons(st, run, [{"op": "merge", "node": "K02", "into": "K01"}], name)
                results.append("ok")
            except ReviewError as e:
                results.append(str(e))

    threads = [threading.Thread(target=reviewer, args=(n,)) for n in ("anna", "bo")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["merge K02: no such node (the node)", "ok"]
    with backend.open() as st:
        check_invariants(reviewed_lessons(st, run))
