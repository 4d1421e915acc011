"""A run's review as events: replayed here, recorded through the store's generic event API.

The store persists (``Store.run_events`` / ``append_run_events``); review decides. Every
function here reads a run's events of one kind, replays them over the proposal with the
pure code of :mod:`coatlas.review.ops` and :mod:`coatlas.review.initiatives`, and, for a
new batch, checks each op against the state the earlier ones produce before anything is
written (all or none).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from coatlas.errors import StaleError
from coatlas.events import INITIATIVE_REVIEW, LESSON_REVIEW, MEMO
from coatlas.review.ops import Review, ReviewError, check_actor
from coatlas.store import StoreError

Texts = Callable[[str], str | None]  # document path -> canonical text (None: not in the run)


def _steps(store: Any, run_id: int, action: str) -> list[tuple[str, dict[str, Any]]]:
    return [(e["actor"], e["payload"]) for e in store.run_events(run_id, (action,))]


def _replay(review: Any, events: Sequence[dict[str, Any]], run_id: int) -> Any:
    for e in events:
        try:
            review.apply(e["payload"], e["actor"])
        except ReviewError as err:  # only a log edited behind the API's back gets here
            raise StoreError(
                f"run {run_id}: review event {e['id']} does not replay ({err})"
            ) from None
    return review


def _batch(review: Any, ops: Sequence[dict[str, Any]], actor: str, action: str) -> list:
    """Apply ``ops`` in order to ``review``; the first refused one raises, naming its place."""
    out = []
    for i, op in enumerate(ops):
        try:
            done = review.apply(op, actor)
        except ReviewError as e:
            prefix = f"op {i + 1} of {len(ops)}: " if len(ops) > 1 else ""
            raise ReviewError(f"{prefix}{e}") from None
        out.append((action, done))
    return out


# ops that only add (a new lesson, node, coding or memo) conflict with nothing; the others
# change the things their subject keys name, and a stale page must not undo a colleague's
_ADDITIVE = frozenset({"add", "create", "code", "years", "memo"})
_SUBJECTS = ("node", "item", "lesson", "initiative", "coding")


def subjects(op: Any) -> set[str]:
    """The ids an op changes (empty for an op that only adds)."""
    if not isinstance(op, dict) or op.get("op") in _ADDITIVE:
        return set()
    out: set[str] = set()
    for k in _SUBJECTS:
        v = op.get(k)
        if isinstance(v, str):
            out.add(v)
        elif isinstance(v, list):
            out |= {x for x in v if isinstance(x, str)}
    return out


def check_fresh(
    events: Sequence[dict[str, Any]], ops: Sequence[Any], seen: int | None, what: str
) -> None:
    """Refuse ops drawn from a page older than a colleague's change of the same thing.

    ``seen`` is the newest event id the page was drawn from (None: no check, e.g. the
    terminal, which always works on the current state). Optimistic concurrency: the check
    runs inside the write's transaction, with the run locked, so it cannot race.
    """
    if seen is None:
        return
    mine = set().union(*(subjects(op) for op in ops)) if ops else set()
    if not mine:
        return
    for e in events:
        if e["id"] > seen:
            theirs = subjects(e["payload"]) | (
                {e["payload"].get("into")} if e["payload"].get("op") == "merge" else set()
            )
            hit = sorted(mine & theirs)
            if hit:
                raise StaleError(
                    f"{what} {hit[0]}: changed by {e['actor']} since your page was loaded "
                    f"({e['payload'].get('op')}); reload the page and try again"
                )


def check_span(texts: Texts | None, what: str, document: Any, start: Any, end: Any) -> str:
    """``text[start:end]`` of a run's document, or a one-line refusal (an empty or outside span)."""
    if not isinstance(document, str) or not document:
        raise ReviewError(f"{what}: say which document (--doc)")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        raise ReviewError(f"{what}: the span must be two character offsets, START:END")
    text = texts(document) if texts is not None else None
    if text is None:
        raise ReviewError(f"{what}: {document} is not a document of this run")
    if not 0 <= start < end <= len(text):
        raise ReviewError(
            f"{what}: span {start}:{end} is empty or outside {document} ({len(text)} characters)"
        )
    if not text[start:end].strip():
        raise ReviewError(f"{what}: {document} [{start}:{end}] is only white space")
    return text[start:end]


# -- Step 3 ----------------------------------------------------------------------------------


def reviewed_lessons(store: Any, run_id: int) -> dict[str, Any]:
    """The run's proposal with its ``lesson.review`` events replayed in order."""
    review = Review(store.proposed_lessons(run_id))
    return _replay(review, store.run_events(run_id, (LESSON_REVIEW,)), run_id).doc


def review_lessons(
    store: Any,
    run_id: int,
    ops: Sequence[dict[str, Any]],
    actor: str,
    texts: Texts | None = None,
    seen: int | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Check and record lesson ops (one event each, all or none); the reviewed doc and the ops.

    An ``add`` op (a lesson coded by selection) must quote exactly ``text[start:end]`` of a
    run's document: ``texts`` looks the canonical texts up.
    """
    actor = check_actor(actor)
    proposal = store.proposed_lessons(run_id)
    for op in ops:
        if isinstance(op, dict) and op.get("op") == "add":
            quote = check_span(
                texts, "add lesson", op.get("document"), op.get("start"), op.get("end")
            )
            if op.get("text") is None:
                op["text"] = quote
            elif op["text"] != quote:
                raise ReviewError("add lesson: the quote differs from the document's text")
    state: dict[str, Review] = {}

    def decide(events: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
        check_fresh(events, ops, seen, "node")
        review = _replay(Review(proposal), events, run_id)
        state["review"] = review
        return _batch(review, ops, actor, LESSON_REVIEW)

    done = store.append_run_events(run_id, (LESSON_REVIEW,), decide, actor)
    return state["review"].doc, done


# -- Steps 1–2 -------------------------------------------------------------------------------


def initiative_ops(store: Any, run_id: int) -> list[tuple[str, dict[str, Any]]]:
    """The run's ``initiative.review`` ops as ``(actor, op)``, oldest first."""
    return _steps(store, run_id, INITIATIVE_REVIEW)


def review_initiatives(
    store: Any,
    run_id: int,
    ops: Sequence[dict[str, Any]],
    actor: str,
    texts: Texts | None = None,
    codes: Sequence[str] | None = None,
    seen: int | None = None,
) -> list[dict[str, Any]]:
    """Check and record initiative ops (reject, restore, rename, add, code, years, uncode).

    ``texts`` checks the quotes of ops coded by selection; ``codes`` are the run's codebook
    codes (``methods:co_design``) a ``code`` op may use. One event per op, all or none.
    """
    from coatlas.review.initiatives import InitiativeReview, prepare_initiative_op

    actor = check_actor(actor)
    proposal = store.initiatives(run_id)
    prepared = [prepare_initiative_op(op, texts, codes) for op in ops]

    def decide(events: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
        check_fresh(events, prepared, seen, "initiative")
        review = _replay(InitiativeReview(proposal), events, run_id)
        return _batch(review, prepared, actor, INITIATIVE_REVIEW)

    return store.append_run_events(run_id, (INITIATIVE_REVIEW,), decide, actor)


# -- memos -----------------------------------------------------------------------------------


def memo_events(store: Any, run_id: int) -> list[tuple[str, dict[str, Any]]]:
    """The run's memos as ``(actor, {"op": "memo", "target", "text"})``, oldest first."""
    return _steps(store, run_id, MEMO)


def add_memos(
    store: Any, run_id: int, memos: Sequence[dict[str, Any]], actor: str
) -> list[dict[str, Any]]:
    """Record memos (already normalised: ``coatlas.review.memos.normalize_memo``), all or none."""
    actor = check_actor(actor)
    return store.append_run_events(
        run_id, (MEMO,), lambda _events: [(MEMO, dict(m)) for m in memos], actor
    )


__all__ = [
    "add_memos",
    "check_fresh",
    "check_span",
    "initiative_ops",
    "memo_events",
    "review_initiatives",
    "review_lessons",
    "reviewed_lessons",
]
