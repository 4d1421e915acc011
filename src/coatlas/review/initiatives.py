"""Human review of Steps 1–2: decisions on codings and initiatives applied to initiatives.json.

Two kinds of decision, both recorded in the store's append-only event log:

- on one coding (one evidence item): accepted, rejected or edited (span or code), kept
  as the coding row's state with ``coding.status`` / ``coding.edit`` events;
- on a whole initiative: ``reject``, ``restore``, ``rename``, recorded as
  ``initiative.review`` events on ``run:N`` and replayed like the lesson ops.

:func:`apply_review` turns the proposal (initiatives.json as analyze wrote it) plus those
decisions into the reviewed records. It is a pure function of plain data, shared by
``review report``, the browser app and the .qdpx exporter, so the three can never
disagree; with no decisions it returns the proposal unchanged (same bytes).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from coatlas.evidence import evidence_slots
from coatlas.review.ops import ReviewError, check_actor

ACTION = "initiative.review"
GROUPS = ("methods", "levels", "ppe_roles")  # value lists backed by evidence[group][code]
YEARS = ("start", "end")
SINGLE = ("name", "ppe", "start", "end")  # evidence kinds with no code to change
INITIATIVE_OPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # op: (required fields, optional fields)
    "reject": (("initiative",), ("note",)),
    "restore": (("initiative",), ()),
    "rename": (("initiative", "name"), ()),
}


@dataclass(frozen=True, slots=True)
class CodingReview:
    """A reviewer's decision on one Step 1–2 coding, as the store holds it now.

    ``index`` is the coding's position in :func:`coatlas.evidence.evidence_slots` order,
    the order the pipeline stored them in. ``code``/``start``/``end``/``quote`` are the
    coding's current values (an edit changes them), ``actor`` and ``note`` come from its
    latest review event.
    """

    index: int
    status: str  # accepted | rejected | edited | proposed (a decision taken back)
    actor: str
    code: str
    start: int
    end: int
    note: str | None = None
    quote: str | None = None
    coding_id: int | None = None


# -- initiative-level ops -----------------------------------------------------------------


class InitiativeReview:
    """Initiative-level ops replayed over a run's initiative ids; refuses what cannot apply."""

    def __init__(self, initiatives: Sequence[dict[str, Any]]) -> None:
        self.names = {str(i.get("id")): str(i.get("name") or "") for i in initiatives}
        self.rejected: dict[str, dict[str, Any]] = {}  # id -> {by, note?}
        self.renamed: dict[str, dict[str, Any]] = {}  # id -> {proposed_name, by}
        self.ops = 0

    def apply(self, op: dict[str, Any], actor: str) -> dict[str, Any]:
        """Check ``op`` against the current state, apply it, return it normalised."""
        done = normalize_initiative_op(op)
        iid, kind = done["initiative"], done["op"]
        if iid not in self.names:
            known = ", ".join(sorted(self.names)) or "none"
            raise ReviewError(f"{kind} {iid}: no such initiative in this run (ids: {known})")
        by = f"human:{actor}"
        if kind == "reject":
            if iid in self.rejected:
                raise ReviewError(f"reject {iid}: already rejected")
            self.rejected[iid] = {"by": by, **({"note": done["note"]} if "note" in done else {})}
        elif kind == "restore":
            if iid not in self.rejected:
                raise ReviewError(f"restore {iid}: it was not rejected")
            del self.rejected[iid]
        else:  # rename
            if done["name"] == self.names[iid]:
                raise ReviewError(f"rename {iid}: it is already called {done['name']!r}")
            proposed = self.renamed.get(iid, {}).get("proposed_name", self.names[iid])
            self.names[iid] = done["name"]
            self.renamed[iid] = {"proposed_name": proposed, "by": by}
        self.ops += 1
        return done


def normalize_initiative_op(op: Any) -> dict[str, Any]:
    """An op with only its known fields, stripped strings; a one-line ReviewError otherwise."""
    if not isinstance(op, dict) or not isinstance(op.get("op"), str):
        raise ReviewError(f"not an initiative op: {op!r}")
    kind = op["op"].strip()
    if kind not in INITIATIVE_OPS:
        raise ReviewError(f"{kind!r}: unknown initiative op (one of {', '.join(INITIATIVE_OPS)})")
    required, optional = INITIATIVE_OPS[kind]
    extra = sorted(set(op) - {"op", *required, *optional})
    if extra:
        raise ReviewError(f"{kind}: unknown field {extra[0]!r}")
    done: dict[str, Any] = {"op": kind}
    for f in (*required, *optional):
        value = op.get(f)
        if value is None and f in optional:
            continue
        if not isinstance(value, str) or not value.strip():
            raise ReviewError(f"{kind}: {f} must be a non-empty text")
        done[f] = " ".join(value.split()) if f == "name" else value.strip()
    return done


# -- coding decisions: checks before they are recorded -------------------------------------


def check_coding_decision(coding: dict[str, Any], run_id: int, *, code: str | None = None) -> None:
    """Refuse decisions that initiatives.json could not express (one line, nothing recorded).

    A coding must be one of the run's Step 1–2 codings. A code may change only within its
    group (one method for another): evidence of a name, PPE or a year has no code to change,
    and a method cannot become a level.
    """
    cid = coding.get("id")
    if coding.get("run_id") != run_id or not str(coding.get("target", "")).startswith(
        "initiative:"
    ):
        raise ReviewError(f"coding {cid}: not a Step 1–2 coding of run {run_id}")
    if code is None:
        return
    old = str(coding.get("code"))
    group, _, sub = old.partition(":")
    if old in SINGLE or not sub:
        raise ReviewError(f"coding {cid}: {old} evidence has no code to change (edit its span)")
    new_group, _, new_sub = code.partition(":")
    if not new_sub:  # a bare code means the same group
        new_group, new_sub = group, code
    if new_group != group or not new_sub.strip():
        raise ReviewError(f"coding {cid}: {old} can only become another {group} code, not {code}")


def full_code(coding: dict[str, Any], code: str) -> str:
    """``co_design`` for a methods coding means ``methods:co_design``."""
    return code if ":" in code else f"{str(coding.get('code')).partition(':')[0]}:{code}"


# -- reading the decisions back from a store ------------------------------------------------


def coding_reviews(
    store: Any, run_id: int, initiatives: Sequence[dict[str, Any]]
) -> list[CodingReview]:
    """Decisions recorded on ``run_id``'s codings, aligned to ``initiatives``' evidence.

    The pipeline stored one coding per evidence item in :func:`evidence_slots` order. If the
    rows no longer line up with ``initiatives`` (another run, a hand-edited file), no
    decision can be placed and none is returned.
    """
    rows = store.codings(run_id=run_id)
    slots = [
        (f"initiative:{ini.get('id')}", f"{key}:{code}" if code else key)
        for ini, key, code, _ in evidence_slots(initiatives)
    ]
    if len(rows) != len(slots) or any(
        r["target"] != t for r, (t, _) in zip(rows, slots, strict=True)
    ):
        return []
    reviewed = {r["id"]: i for i, r in enumerate(rows) if _touched(r, slots[i][1])}
    if not reviewed:
        return []
    last: dict[int, dict[str, Any]] = {}
    for ev in store.events():
        if ev["action"] in ("coding.status", "coding.edit") and ev["target"].startswith("coding:"):
            cid = int(ev["target"].split(":", 1)[1])
            if cid in reviewed:
                last[cid] = ev
    out: list[CodingReview] = []
    for cid, i in sorted(reviewed.items(), key=lambda kv: kv[1]):
        row, ev = rows[i], last.get(cid) or {}
        out.append(
            CodingReview(
                index=i,
                status=row["status"],
                actor=ev.get("actor") or "reviewer",
                code=row["code"],
                start=row["evidence"]["start"],
                end=row["evidence"]["end"],
                note=(ev.get("payload") or {}).get("note"),
                quote=row["evidence"]["quote"],
                coding_id=cid,
            )
        )
    return out


def _touched(row: dict[str, Any], proposed_code: str) -> bool:
    return row["status"] != "proposed" or row["code"] != proposed_code


def replay_initiative_ops(
    initiatives: Sequence[dict[str, Any]], events: Iterable[tuple[str, dict[str, Any]]]
) -> InitiativeReview:
    """The initiative-level state after ``(actor, op)`` events, in order."""
    review = InitiativeReview(initiatives)
    for actor, op in events:
        review.apply(op, actor)
    return review


# -- applying everything to initiatives.json -----------------------------------------------


def apply_review(
    initiatives: Sequence[dict[str, Any]],
    codings: Iterable[CodingReview] = (),
    ops: Iterable[tuple[str, dict[str, Any]]] = (),
    *,
    keep_rejected: bool = False,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The reviewed initiatives and the initiatives a reviewer rejected, in proposal order.

    - A rejected coding's evidence item is removed (``keep_rejected`` keeps it, marked, for
      exporters that want it); an accepted or edited one is marked with
      ``review: {status, by, note?, proposed?}``, an edit replacing span and quote and, for
      a new code, moving the item to that code's list.
    - A method, level or role whose evidence review took away is removed from its list; one
      that gained evidence from a code change is added. A start or end year whose evidence
      was all rejected becomes ``null`` and the initiative's ``review.proposed_years``
      says what it was.
    - ``ops`` are ``(actor, op)`` initiative ops: renamed records keep ``proposed_name``;
      rejected ones leave the first list for the second, marked, never silently dropped.

    Records nothing touched are returned exactly as given, so no decisions means the same bytes.
    """
    by_index = {rv.index: rv for rv in codings}
    state = replay_initiative_ops(initiatives, ops)
    reviewed: dict[int, dict[str, Any]] = {}
    index = 0
    for pos, ini in enumerate(initiatives):
        slots = list(evidence_slots([ini]))
        mine = {k: by_index[index + k] for k in range(len(slots)) if index + k in by_index}
        if mine:
            reviewed[pos] = _apply_codings(ini, slots, mine, keep_rejected)
        index += len(slots)
    kept: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    for pos, ini in enumerate(initiatives):
        rec = reviewed.get(pos, ini)
        iid = str(ini.get("id"))
        if iid in state.renamed:
            rec = rec if rec is not ini else copy.deepcopy(ini)
            rec["name"] = state.names[iid]
            rec["review"] = {**state.renamed[iid], **(rec.get("review") or {})}
        if iid in state.rejected:
            rec = rec if rec is not ini else copy.deepcopy(ini)
            rec["review"] = {**(rec.get("review") or {}), "rejected": True, **state.rejected[iid]}
            rejected.append(rec)
        else:
            kept.append(rec)
    return kept, rejected


def _live(items: Sequence[dict[str, Any]]) -> bool:
    return any((e.get("review") or {}).get("status") != "rejected" for e in items)


def _apply_codings(
    ini: dict[str, Any],
    slots: list[tuple[dict[str, Any], str, str | None, dict[str, Any]]],
    decisions: dict[int, CodingReview],
    keep_rejected: bool,
) -> dict[str, Any]:
    rec = copy.deepcopy(ini)
    proposed_ev = ini.get("evidence") or {}
    # the same keys in the same order, emptied, then refilled item by item
    ev: dict[str, Any] = {
        k: ({c: [] for c in v} if isinstance(v, dict) else []) for k, v in proposed_ev.items()
    }
    for k, (_, key, code, item) in enumerate(slots):
        rv = decisions.get(k)
        if rv is None:
            _slot(ev, key, code).append(item)
            continue
        if rv.status == "rejected" and not keep_rejected:
            continue
        new = dict(item)
        proposed: dict[str, Any] = {}
        old_code = f"{key}:{code}" if code else key
        if rv.code != old_code:
            proposed["code"] = old_code
        if (rv.start, rv.end) != (item["start"], item["end"]):
            proposed.update(start=item["start"], end=item["end"], quote=item["quote"])
            new["start"], new["end"] = rv.start, rv.end
            new["quote"] = rv.quote if rv.quote is not None else item["quote"]
        if rv.status != "proposed" or proposed:
            block: dict[str, Any] = {"status": rv.status, "by": f"human:{rv.actor}"}
            if rv.note:
                block["note"] = rv.note
            if proposed:
                block["proposed"] = proposed
            new["review"] = block
        new_key, _, new_code = rv.code.partition(":")
        _slot(ev, new_key, new_code or None).append(new)

    review: dict[str, Any] = {}
    for group in GROUPS:
        if not isinstance(ev.get(group), dict):
            continue
        values = list(rec.get(group) or [])
        before = proposed_ev.get(group) or {}
        removed = [c for c in values if _live(before.get(c) or []) and not _live(ev[group][c])]
        added = [c for c, items in ev[group].items() if c not in values and _live(items)]
        if removed or added:
            rec[group] = [c for c in values if c not in removed] + added
            if removed:
                review.setdefault("removed", {})[group] = removed
            if added:
                review.setdefault("added", {})[group] = added
        for c in [c for c, items in ev[group].items() if not items and before.get(c)]:
            del ev[group][c]  # a code whose every item was rejected
    for year in YEARS:
        lost = _live(proposed_ev.get(year) or []) and not _live(ev.get(year) or [])
        if lost and rec.get(year) is not None:
            review.setdefault("proposed_years", {})[year] = rec[year]
            rec[year] = None
    rec["evidence"] = ev
    if review:
        rec["review"] = review
    return rec


def _slot(ev: dict[str, Any], key: str, code: str | None) -> list[dict[str, Any]]:
    if code is None:
        return ev.setdefault(key, [])
    return ev.setdefault(key, {}).setdefault(code, [])


__all__ = [
    "ACTION",
    "CodingReview",
    "InitiativeReview",
    "apply_review",
    "check_actor",
    "check_coding_decision",
    "coding_reviews",
    "full_code",
    "normalize_initiative_op",
    "replay_initiative_ops",
]
