"""Memos: an analyst's notes on an initiative, a node, a lesson, a coding or a document.

A memo is what QDA tools call a memo or a note: free text attached to one thing. Each is
a ``memo`` event on the run (``{"op": "memo", "target": …, "text": …}``); targets are
recorded by a stable name, never a position:

- ``initiative:i03``, ``node:K03``, ``lesson:L012``, ``document:plan.docx``;
- ``coding:h2`` for a coding a person added, ``coding:<key>`` for a machine coding
  (:func:`coatlas.evidence.evidence_key`, what it codes and where).

They go into memos.json, the report, the Word and Excel exports and the .qdpx (as notes).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from coatlas.review.ops import ReviewError

KINDS = ("initiative", "node", "lesson", "coding", "document")
MAX_CHARS = 20_000


def normalize_memo(target: str, text: str, project: Any) -> dict[str, Any]:
    """The memo as recorded, its target resolved against the run; one-line refusal otherwise.

    ``target`` may be an id as the terminal shows it (``i03``, ``K03``, ``L012``, ``45``,
    ``h2``), a document path, or already ``kind:name``.
    """
    if not isinstance(text, str) or not text.strip():
        raise ReviewError("memo: the text is empty")
    body = text.strip().replace("\r\n", "\n")
    if len(body) > MAX_CHARS:
        raise ReviewError(f"memo: {len(body)} characters is more than {MAX_CHARS}")
    return {
        "op": "memo",
        "target": resolve_target(str(target or "").strip(), project),
        "text": body,
    }


def resolve_target(target: str, project: Any) -> str:
    """``kind:name`` for what ``target`` names in ``project``'s run (see the module doc)."""
    if not target:
        raise ReviewError(
            "memo: say what it is about (an initiative, node, lesson, coding or document)"
        )
    kind, sep, name = target.partition(":")
    if not sep or kind not in KINDS:
        kind, name = "", target
    kept, rejected = project.reviewed_initiatives()
    initiatives = {str(i.get("id")) for i in kept + rejected}
    lessons_doc = project.reviewed()
    lessons = {str(x.get("id")) for x in lessons_doc.get("lessons") or []}
    nodes = set(_node_ids(lessons_doc.get("hierarchy") or []))
    documents = {d["path"] for d in project.documents()}
    if kind in ("", "initiative") and name in initiatives:
        return f"initiative:{name}"
    if kind in ("", "node") and name in nodes:
        return f"node:{name}"
    if kind in ("", "lesson") and name in lessons:
        return f"lesson:{name}"
    if kind in ("", "document") and name in documents:
        return f"document:{name}"
    if kind in ("", "coding"):
        hit = _coding(name, project, kept + rejected)
        if hit is not None:
            return f"coding:{hit}"
    raise ReviewError(
        f"memo {target}: no such initiative, node, lesson, coding or document in run "
        f"{project.run_id}"
    )


def _node_ids(hierarchy: Iterable[dict[str, Any]]) -> Iterable[str]:
    for c in hierarchy:
        yield str(c.get("id"))
        for g in c.get("categories") or []:
            yield str(g.get("id"))
            for k in g.get("codes") or []:
                yield str(k.get("id"))


def _coding(name: str, project: Any, initiatives: list[dict[str, Any]]) -> str | None:
    """A coding's stable name: ``h2`` as it is, a machine coding's id as its key."""
    from coatlas.evidence import evidence_keys
    from coatlas.review.initiatives import coding_keys

    for ini in initiatives:
        for group in (ini.get("evidence") or {}).values():
            items = [x for v in group.values() for x in v] if isinstance(group, dict) else group
            for e in items or []:
                if (e.get("review") or {}).get("coding") == name:
                    return name
    if name.isdigit():
        return coding_keys(project.store, project.run_id).get(int(name))
    if name in set(evidence_keys(project.proposed_initiatives())):
        return name
    return None


def memo_records(events: Iterable[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """memos.json: ``{target, text, by}`` per memo, in the order they were written."""
    return [
        {"target": op["target"], "text": op["text"], "by": f"human:{actor}"}
        for actor, op in events
        if isinstance(op, dict) and op.get("target")
    ]


def describe(target: str, initiatives: list[dict[str, Any]], lessons_doc: dict[str, Any]) -> str:
    """What a memo is about, in words for a reader (“initiative Breathing Together”)."""
    kind, _, name = target.partition(":")
    if kind == "initiative":
        names = {str(i.get("id")): str(i.get("name") or "") for i in initiatives}
        return f"initiative “{names.get(name, name)}”"
    if kind == "node":
        for level, node in _nodes(lessons_doc.get("hierarchy") or []):
            if str(node.get("id")) == name:
                return f"{level} “{node.get('label') or name}”"
        return f"node {name}"
    if kind == "lesson":
        for x in lessons_doc.get("lessons") or []:
            if str(x.get("id")) == name:
                text = " ".join(str(x.get("text") or "").split())
                return f"lesson “{text[:80]}{'…' if len(text) > 80 else ''}”"
        return f"lesson {name}"
    if kind == "document":
        return f"document {name}"
    if kind == "coding":
        for ini in initiatives:
            for group, value in (ini.get("evidence") or {}).items():
                pairs = value.items() if isinstance(value, dict) else [(None, value)]
                for code, items in pairs:
                    for e in items or []:
                        if (e.get("review") or {}).get("coding") == name:
                            what = f"{group}:{code}" if code else group
                            return f"coding {what} of “{ini.get('name')}” in {e.get('document')}"
        iid, _, rest = name.partition("|")
        code = rest.partition("|")[0]
        names = {str(i.get("id")): str(i.get("name") or "") for i in initiatives}
        return f"coding {code} of “{names.get(iid, iid)}”"
    return target


def _nodes(hierarchy: Iterable[dict[str, Any]]) -> Iterable[tuple[str, dict[str, Any]]]:
    for c in hierarchy:
        yield "cluster", c
        for g in c.get("categories") or []:
            yield "category", g
            for k in g.get("codes") or []:
                yield "code", k


__all__ = ["KINDS", "describe", "memo_records", "normalize_memo", "resolve_target"]
