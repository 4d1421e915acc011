"""Human review of Steps 1–2: decisions on codings and initiatives applied to initiatives.json.

Two kinds of decision, both recorded in the store's append-only event log:

- on one coding (one evidence item): accepted, rejected or edited (span or code), kept
  as the coding row's state with ``coding.status`` / ``coding.edit`` events;
- on a whole initiative: ``reject``, ``restore``, ``rename``, recorded as
  ``initiative.review`` events on ``run:N`` and replayed like the lesson ops;
- what the machine missed, coded by a person selecting text: ``add`` (a new initiative,
  with years from the quote), ``code`` (a method, level or role), ``years`` (a year
  correction), and ``uncode`` (take back such a coding), in the same event stream.

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

from coatlas.events import INITIATIVE_REVIEW
from coatlas.evidence import evidence_key, evidence_keys, evidence_slots, number_duplicates
from coatlas.review.ops import ReviewError, check_actor

ACTION = INITIATIVE_REVIEW
GROUPS = ("methods", "levels", "ppe_roles")  # value lists backed by evidence[group][code]
YEARS = ("start", "end")
SINGLE = ("name", "ppe", "start", "end")  # evidence kinds with no code to change
INITIATIVE_OPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # op: (required fields, optional fields)
    "reject": (("initiative",), ("note",)),
    "restore": (("initiative",), ()),
    "rename": (("initiative", "name"), ()),
}
# ops coded by selecting text: each carries a document, a span and its quote, and gets a
# coding id (h1, h2 …) that ``uncode`` and memos name
CODED_OPS = ("add", "code", "years")
HUMAN_OPS = (*CODED_OPS, "uncode")
ALL_OPS = (*INITIATIVE_OPS, *HUMAN_OPS)
_HUMAN_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "add": (("name", "document", "start", "end", "quote"),
            ("initiative", "coding", "start_year", "end_year", "ongoing")),
    "code": (("initiative", "code", "document", "start", "end", "quote"), ("coding",)),
    "years": (("initiative", "document", "start", "end", "quote"),
              ("coding", "start_year", "end_year", "ongoing")),
    "uncode": (("coding",), ()),
}  # fmt: skip
_INTS = ("start", "end", "start_year", "end_year")


@dataclass(frozen=True, slots=True)
class CodingReview:
    """A reviewer's decision on one Step 1–2 coding, as the store holds it now.

    ``key`` is the coding's stable key (:func:`coatlas.evidence.evidence_key` of the values
    the machine proposed), which finds its evidence item however the lists are ordered.
    ``code``/``start``/``end``/``quote`` are the coding's current values (an edit changes
    them), ``actor`` and ``note`` come from its latest review event.
    """

    key: str
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
    """Initiative ops replayed over a run's initiatives; refuses what cannot apply.

    Besides rejections and names it keeps the codings a person added by selecting text
    (``human``: coding id -> ``(actor, op)``, in order, minus those uncoded), which
    :func:`apply_review` turns into evidence.
    """

    def __init__(self, initiatives: Sequence[dict[str, Any]]) -> None:
        self.names = {str(i.get("id")): str(i.get("name") or "") for i in initiatives}
        self.proposed = set(self.names)
        self.rejected: dict[str, dict[str, Any]] = {}  # id -> {by, note?}
        self.renamed: dict[str, dict[str, Any]] = {}  # id -> {proposed_name, by}
        self.human: dict[str, tuple[str, dict[str, Any]]] = {}  # coding id -> (actor, op)
        self.codings = 0  # coding ids ever given (never reused)
        self.ops = 0

    def apply(self, op: dict[str, Any], actor: str) -> dict[str, Any]:
        """Check ``op`` against the current state, apply it, return it normalised."""
        done = normalize_initiative_op(op)
        kind = done["op"]
        if kind in HUMAN_OPS:
            self._human(done, actor)
            self.ops += 1
            return done
        iid = done["initiative"]
        self._known(kind, iid)
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

    def _known(self, kind: str, iid: str) -> None:
        if iid not in self.names:
            known = ", ".join(sorted(self.names)) or "none"
            raise ReviewError(f"{kind} {iid}: no such initiative in this run (ids: {known})")

    def _human(self, op: dict[str, Any], actor: str) -> None:
        kind = op["op"]
        if kind == "uncode":
            hid = op["coding"]
            if hid not in self.human:
                raise ReviewError(f"uncode {hid}: not a coding a person added (or already uncoded)")
            if self.human[hid][1]["op"] == "add":
                iid = self.human[hid][1]["initiative"]
                raise ReviewError(f"uncode {hid}: it names initiative {iid}; reject {iid} instead")
            del self.human[hid]
            return
        if kind == "add":
            if not op.get("initiative"):
                op["initiative"] = self._new_initiative_id()
            elif op["initiative"] in self.names:
                raise ReviewError(f"add {op['initiative']}: the id is already used")
            if op["name"] in self.names.values():
                other = next(i for i, n in self.names.items() if n == op["name"])
                raise ReviewError(f"add: {op['name']!r} is already initiative {other}")
            self.names[op["initiative"]] = op["name"]
        else:
            self._known(kind, op["initiative"])
            if op["initiative"] in self.rejected:
                raise ReviewError(f"{kind} {op['initiative']}: rejected (restore it first)")
        if kind == "years" and not any(k in op for k in ("start_year", "end_year", "ongoing")):
            raise ReviewError(
                f"years {op['initiative']}: give a start year, an end year or ongoing"
            )
        if op.get("ongoing") and "end_year" in op:
            raise ReviewError(f"{kind} {op['initiative']}: an end year or ongoing, not both")
        s, e = op.get("start_year"), op.get("end_year")
        if s is not None and e is not None and e < s:
            raise ReviewError(f"{kind} {op['initiative']}: ends ({e}) before it starts ({s})")
        if kind == "code":
            for hid, (_, other) in self.human.items():
                if other["op"] == "code" and all(
                    other[k] == op[k] for k in ("initiative", "code", "document", "start", "end")
                ):
                    raise ReviewError(
                        f"code {op['initiative']} {op['code']}: already coded ({hid})"
                    )
        self.codings += 1
        hid = op.get("coding") or f"h{self.codings}"
        if hid in self.human:
            raise ReviewError(f"{kind}: coding id {hid} is already used")
        op["coding"] = hid
        self.human[hid] = (actor, op)

    def _new_initiative_id(self) -> str:
        numbers = [int(i[1:]) for i in self.names if i[:1] == "i" and i[1:].isdigit()]
        width = max((len(i) - 1 for i in self.names if i[:1] == "i" and i[1:].isdigit()), default=2)
        return f"i{max(numbers, default=0) + 1:0{width}d}"


def normalize_initiative_op(op: Any) -> dict[str, Any]:
    """An op with only its known fields, stripped strings; a one-line ReviewError otherwise."""
    if not isinstance(op, dict) or not isinstance(op.get("op"), str):
        raise ReviewError(f"not an initiative op: {op!r}")
    kind = op["op"].strip()
    if kind in _HUMAN_FIELDS:
        return _normalize_human(kind, op)
    if kind not in INITIATIVE_OPS:
        raise ReviewError(f"{kind!r}: unknown initiative op (one of {', '.join(ALL_OPS)})")
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


def _normalize_human(kind: str, op: dict[str, Any]) -> dict[str, Any]:
    """A coded-by-selection op as recorded: fields in a fixed order, ints as ints."""
    required, optional = _HUMAN_FIELDS[kind]
    extra = sorted(set(op) - {"op", *required, *optional})
    if extra:
        raise ReviewError(f"{kind}: unknown field {extra[0]!r}")
    done: dict[str, Any] = {"op": kind}
    for f in (*required, *optional):
        value = op.get(f)
        if value is None:
            if f in required:
                raise ReviewError(f"{kind}: missing {f!r}")
            continue
        if f in _INTS:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ReviewError(f"{kind}: {f} must be a whole number, got {value!r}")
            if f.endswith("_year") and not 1000 <= value <= 2999:
                raise ReviewError(f"{kind}: {value} is not a year")
            done[f] = value
        elif f == "ongoing":
            if value is not True:
                raise ReviewError(f"{kind}: ongoing is true or left out")
            done[f] = True
        elif f == "quote":
            if not isinstance(value, str) or not value.strip():
                raise ReviewError(f"{kind}: the quote is empty")
            done[f] = value
        else:
            if not isinstance(value, str) or not value.strip():
                raise ReviewError(f"{kind}: {f} must be a non-empty text")
            done[f] = " ".join(value.split()) if f == "name" else value.strip()
    if "start" in done and done["end"] <= done["start"]:
        raise ReviewError(f"{kind}: span {done['start']}:{done['end']} is empty")
    if "quote" in done and len(done["quote"]) != done["end"] - done["start"]:
        raise ReviewError(f"{kind}: the quote is not text[{done['start']}:{done['end']}]")
    return done


def prepare_initiative_op(
    op: Any, texts: Any = None, codes: Sequence[str] | None = None
) -> dict[str, Any]:
    """An op as a caller gives it, made ready to record: the quote read from the text.

    Ops coded by selection name a document and a span; the quote is read from the run's
    canonical text (``texts``: path -> text) and must match one that was given. A ``code``
    must be a method, level or role of the run's codebook (``codes``: ``group:code``).
    """
    if not isinstance(op, dict) or op.get("op") not in CODED_OPS:
        return op
    from coatlas.review.log import check_span

    kind = op["op"]
    quote = check_span(texts, kind, op.get("document"), op.get("start"), op.get("end"))
    if op.get("quote") is not None and op["quote"] != quote:
        raise ReviewError(f"{kind}: the quote differs from the document's text")
    out = {**op, "quote": quote}
    if kind == "code":
        code = str(op.get("code") or "").strip()
        known = list(codes or [])
        if ":" not in code:
            hits = [c for c in known if c.partition(":")[2] == code]
            if len(hits) == 1:
                code = hits[0]
        group = code.partition(":")[0]
        if group not in GROUPS or (codes is not None and code not in known):
            raise ReviewError(
                f"code {op.get('initiative')} {op.get('code')}: not a method, level or role "
                "of the run's codebook"
            )
        out["code"] = code
    return out


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


def _coding_state(
    store: Any, run_id: int
) -> tuple[list[dict[str, Any]], dict[int, str], dict[int, dict[str, Any]]]:
    """The run's Step 1–2 coding rows, each one's stable key, and its latest review event."""
    from coatlas.events import CODING_ACTIONS, CODING_EDIT

    rows = [r for r in store.codings(run_id=run_id) if str(r["target"]).startswith("initiative:")]
    ids = {r["id"] for r in rows}
    first: dict[int, dict[str, Any]] = {}
    last: dict[int, dict[str, Any]] = {}
    for ev in store.events():
        if ev["action"] in CODING_ACTIONS and ev["target"].startswith("coding:"):
            cid = int(ev["target"].split(":", 1)[1])
            if cid not in ids:
                continue
            last[cid] = ev
            if ev["action"] == CODING_EDIT:
                first.setdefault(cid, ev["payload"]["from"])
    originals = []
    for r in rows:
        was = first.get(r["id"]) or {}
        originals.append(
            evidence_key(
                str(r["target"]).split(":", 1)[1],
                was.get("code", r["code"]),
                r["evidence"]["document"],
                was.get("start", r["evidence"]["start"]),
                was.get("end", r["evidence"]["end"]),
            )
        )
    keys = dict(zip([r["id"] for r in rows], number_duplicates(originals), strict=True))
    return rows, keys, last


def coding_keys(store: Any, run_id: int) -> dict[int, str]:
    """Coding id -> stable key (what the machine proposed: initiative, code, document, span)."""
    return _coding_state(store, run_id)[1]


def coding_reviews(
    store: Any, run_id: int, initiatives: Sequence[dict[str, Any]] | None = None
) -> list[CodingReview]:
    """Decisions recorded on ``run_id``'s Step 1–2 codings, each with its stable key.

    The key is made from what the machine proposed (an edit's first ``from`` values), so a
    decision finds its evidence item by what it is, whatever the order of the rows or of
    initiatives.json. ``initiatives`` is accepted for callers of the old interface.
    """
    rows, keys, last = _coding_state(store, run_id)
    out: list[CodingReview] = []
    for row in rows:
        ev = last.get(row["id"])
        if ev is None:
            continue
        out.append(
            CodingReview(
                key=keys[row["id"]],
                status=row["status"],
                actor=ev.get("actor") or "reviewer",
                code=row["code"],
                start=row["evidence"]["start"],
                end=row["evidence"]["end"],
                note=(ev.get("payload") or {}).get("note"),
                quote=row["evidence"]["quote"],
                coding_id=row["id"],
            )
        )
    return out


def unmatched(
    initiatives: Sequence[dict[str, Any]], codings: Iterable[CodingReview]
) -> list[CodingReview]:
    """Decisions whose coding is not in ``initiatives`` (another run, a hand-edited file).

    They cannot be applied; callers say so (one line each) rather than drop them silently.
    """
    keys = set(evidence_keys(initiatives))
    return [rv for rv in codings if rv.key not in keys]


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
    human_by: str | None = None,
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
    by_key = {rv.key: rv for rv in codings}
    state = replay_initiative_ops(initiatives, ops)
    if human_by is not None:  # blind double coding: only this person's added codings
        state.human = {k: v for k, v in state.human.items() if v[0] == human_by}
    reviewed: dict[int, dict[str, Any]] = {}
    keys = evidence_keys(initiatives)
    first = 0
    for pos, ini in enumerate(initiatives):
        slots = list(evidence_slots([ini]))
        mine = {
            k: by_key[key]
            for k, key in enumerate(keys[first : first + len(slots)])
            if key in by_key
        }
        first += len(slots)
        if mine:
            reviewed[pos] = _apply_codings(ini, slots, mine, keep_rejected)
    records = [reviewed.get(pos, ini) for pos, ini in enumerate(initiatives)]
    records = _apply_human(list(initiatives), records, state)
    kept: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    for ini, rec in zip([*initiatives, *records[len(initiatives) :]], records, strict=True):
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


def human_item(op: dict[str, Any], actor: str) -> dict[str, Any]:
    """The evidence item of a coding a person added: the quote exactly, ``source: human:…``."""
    return {
        "document": op["document"],
        "start": op["start"],
        "end": op["end"],
        "quote": op["quote"],
        "source": f"human:{actor}",
        "confidence": 1.0,
        "review": {"status": "added", "by": f"human:{actor}", "coding": op["coding"]},
    }


def _apply_human(
    proposal: list[dict[str, Any]], records: list[dict[str, Any]], state: InitiativeReview
) -> list[dict[str, Any]]:
    """Records with the codings people added (in the order they were added) applied."""
    out = list(records)
    pos = {str(ini.get("id")): k for k, ini in enumerate(proposal)}
    for actor, op in state.human.values():
        by = f"human:{actor}"
        item = human_item(op, actor)
        if op["op"] == "add":
            pos[op["initiative"]] = len(out)
            out.append(_new_initiative(op, item, by))
            continue
        k = pos[op["initiative"]]
        if k < len(proposal) and out[k] is proposal[k]:
            out[k] = copy.deepcopy(out[k])  # the proposal itself is never changed
        rec = out[k]
        ev = rec.setdefault("evidence", {})
        review = rec.setdefault("review", {})
        if op["document"] not in (rec.get("documents") or []):
            rec["documents"] = [*(rec.get("documents") or []), op["document"]]
        if op["op"] == "code":
            group, _, code = op["code"].partition(":")
            ev.setdefault(group, {}).setdefault(code, []).append(item)
            if code not in (rec.get(group) or []):
                rec[group] = [*(rec.get(group) or []), code]
                added = review.setdefault("added", {}).setdefault(group, [])
                if code not in added:
                    added.append(code)
            review["by"] = by
            continue
        # years: a correction from the quote; the proposed values are kept once
        was = review.setdefault("proposed_timeline", {})
        for field in ("start", "end", "ongoing", "active_years"):
            was.setdefault(field, copy.deepcopy(rec.get(field)))
        if "start_year" in op:
            rec["start"] = op["start_year"]
            ev.setdefault("start", []).append(item)
        if "end_year" in op:
            rec["end"], rec["ongoing"] = op["end_year"], False
            ev.setdefault("end", []).append(item)
        if op.get("ongoing"):
            rec["end"], rec["ongoing"] = None, True
            ev.setdefault("end", []).append(item)
        rec["active_years"] = []  # the corrected years say when it ran
        review["by"] = by
    return out


def _new_initiative(op: dict[str, Any], item: dict[str, Any], by: str) -> dict[str, Any]:
    """An initiatives.json record for an initiative a person added, with the fields analyze writes."""
    ev: dict[str, Any] = {"name": [item]}
    if "start_year" in op:
        ev["start"] = [item]
    if "end_year" in op or op.get("ongoing"):
        ev["end"] = [item]
    return {
        "id": op["initiative"],
        "name": op["name"],
        "aliases": [],
        "kind": "initiative",
        "start": op.get("start_year"),
        "end": op.get("end_year"),
        "active_years": [],
        "ongoing": bool(op.get("ongoing")),
        "methods": [],
        "levels": [],
        "ppe_roles": [],
        "documents": [op["document"]],
        "description": "",
        "confidence": 1.0,
        "evidence": ev,
        "review": {"created": True, "by": by},
    }


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
    "ALL_OPS",
    "HUMAN_OPS",
    "human_item",
    "prepare_initiative_op",
    "unmatched",
    "CodingReview",
    "InitiativeReview",
    "apply_review",
    "coding_keys",
    "check_actor",
    "check_coding_decision",
    "coding_reviews",
    "full_code",
    "normalize_initiative_op",
    "replay_initiative_ops",
]
