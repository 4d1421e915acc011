"""Blind double coding: each analyst's own view of Steps 1–2, and the overseer's resolutions.

In blind mode (``coatlas serve OUT --team --blind``) every analyst reviews the machine's
proposal as if nobody else had: their pages apply only their own decisions (coding
statuses and edits, codes added by selection, initiative ops), so their coding is
independent and the agreement figures mean something. The machine counts as one more
coder. Everything stays in the one shared log, each event under its author.

Where the coders disagree on a unit (a document × a code, :mod:`coatlas.review.coders`),
the overseer resolves it: yes accepts every machine quote of the unit, no rejects them and
takes back the codes people added there. The resolution is ordinary decisions by the
overseer, the latest events on those codings, so the reviewed outputs (``review report``,
the exports) show it, plus one ``unit.resolve`` event that names the unit, the value and
the reason, for the list of disagreements.
"""

from __future__ import annotations

from typing import Any

from coatlas.events import CODING_EDIT, CODING_STATUS, UNIT_RESOLVE
from coatlas.review.initiatives import CodingReview, _coding_state
from coatlas.review.ops import ReviewError


def own_state(store: Any, run_id: int, actor: str) -> dict[int, dict[str, Any]]:
    """Each coding as ``actor`` left it: ``status``, ``code``, ``start``, ``end``, ``note``.

    Only codings the actor decided on appear; the values start from the machine's proposal
    (before anyone's edit) and follow the actor's own edits.
    """
    rows, _, _ = _coding_state(store, run_id)
    ids = {r["id"] for r in rows}
    first: dict[int, dict[str, Any]] = {}
    mine: dict[int, dict[str, Any]] = {}
    for e in store.events():
        if e["action"] not in (CODING_STATUS, CODING_EDIT):
            continue
        kind, _, ident = str(e["target"]).partition(":")
        if kind != "coding" or not ident.isdigit() or int(ident) not in ids:
            continue
        cid = int(ident)
        if e["action"] == CODING_EDIT:
            first.setdefault(cid, e["payload"].get("from") or {})
        if e["actor"] != actor:
            continue
        p = e["payload"]
        state = mine.setdefault(cid, {})
        if e["action"] == CODING_STATUS:
            state["status"] = p.get("to")
        else:
            to = p.get("to") or {}
            state.update(status="edited", code=to.get("code"), start=to.get("start"),
                         end=to.get("end"))  # fmt: skip
        state["note"] = p.get("note")
    by_id = {r["id"]: r for r in rows}
    for cid, state in mine.items():
        was = first.get(cid) or {}
        row = by_id[cid]
        state.setdefault("code", was.get("code", row["code"]))
        state.setdefault("start", was.get("start", row["evidence"]["start"]))
        state.setdefault("end", was.get("end", row["evidence"]["end"]))
    return mine


def own_reviews(store: Any, run_id: int, actor: str) -> list[CodingReview]:
    """:func:`coatlas.review.initiatives.coding_reviews` with only ``actor``'s decisions."""
    rows, keys, _ = _coding_state(store, run_id)
    mine = own_state(store, run_id, actor)
    out = []
    for row in rows:
        st = mine.get(row["id"])
        if st is None:
            continue
        text = store.document_text(run_id, row["evidence"]["document"]) or ""
        out.append(
            CodingReview(
                key=keys[row["id"]],
                status=str(st["status"]),
                actor=actor,
                code=str(st["code"]),
                start=int(st["start"]),
                end=int(st["end"]),
                note=st.get("note"),
                quote=text[int(st["start"]) : int(st["end"])],
                coding_id=row["id"],
            )
        )
    return out


def own_rows(
    store: Any, run_id: int, actor: str, rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Coding rows (``Project.codings``) as ``actor`` sees them: their status, code and span."""
    mine = own_state(store, run_id, actor)
    out = []
    for r in rows:
        st = mine.get(r["id"])
        ev = dict(r["evidence"])
        if st is None:
            out.append({**r, "status": "proposed"})
            continue
        if (st["start"], st["end"]) != (ev["start"], ev["end"]):
            text = store.document_text(run_id, ev["document"]) or ""
            ev.update(start=st["start"], end=st["end"], quote=text[st["start"] : st["end"]])
        out.append({**r, "status": st["status"], "code": st["code"], "evidence": ev})
    return out


def resolve(
    project: Any, document: str, code: str, value: bool, actor: str, note: str | None = None
) -> dict[str, Any]:
    """The overseer's decision on a disputed unit: recorded so the reviewed outputs show it.

    Yes accepts every machine coding of ``code`` in ``document``; no rejects them and takes
    back (``uncode``) the codes people added there. Returns the ``unit.resolve`` payload.
    """
    from coatlas.review.initiatives import check_actor

    actor = check_actor(actor)
    if project.text(document) is None:
        raise ReviewError(f"resolve: {document} is not a document of run {project.run_id}")
    machine = [
        r for r in project.codings() if r["code"] == code and r["evidence"]["document"] == document
    ]
    added = [
        r
        for r in project.human_codings()
        if r["code"] == code and r["evidence"]["document"] == document
    ]
    if not machine and not added:
        raise ReviewError(f"resolve: nobody coded {code} in {document}")
    why = f"resolution: {note.strip()}" if note and note.strip() else "resolution"
    payload = {"op": "resolve", "document": document, "code": code, "value": value}
    if note and note.strip():
        payload["note"] = note.strip()
    project.store.append_run_events(
        project.run_id, (UNIT_RESOLVE,), lambda _e: [(UNIT_RESOLVE, payload)], actor
    )
    for r in machine:
        project.store.set_coding_status(r["id"], "accepted" if value else "rejected", actor,
                                        note=why)  # fmt: skip
    if not value and added:
        project.review_initiatives([{"op": "uncode", "coding": r["id"]} for r in added], actor)
    return payload


def resolutions(store: Any, run_id: int) -> dict[tuple[str, str], dict[str, Any]]:
    """(document, code) -> the latest resolution (``value``, ``by``, ``note``)."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for e in store.run_events(run_id, (UNIT_RESOLVE,)):
        p = e["payload"]
        out[(p["document"], p["code"])] = {"value": p["value"], "by": e["actor"],
                                           "note": p.get("note")}  # fmt: skip
    return out


__all__ = ["own_reviews", "own_rows", "own_state", "resolutions", "resolve"]
