"""The hierarchy as plain text for a terminal: ids first, so they can be typed into ops."""

from __future__ import annotations

from typing import Any

from coatlas.review.ops import rejected_lessons


def _mark(node: dict[str, Any]) -> str:
    source = str(node.get("source") or "")
    if not source.startswith("human:"):
        return ""
    proposed = node.get("proposed_label", "")
    if proposed is None:
        return f"  [created by {source}]"
    if proposed != node.get("label"):
        return f"  [proposed: {proposed!s}; reviewed by {source}]"
    return f"  [reviewed by {source}]"


def render_text(doc: dict[str, Any], run_id: int | None = None, *, quotes: bool = True) -> str:
    """Clusters, categories, codes (with key concepts) and, with ``quotes``, every lesson."""
    lessons = {str(x.get("id")): x for x in doc.get("lessons") or []}
    rejected = rejected_lessons(doc)
    review = doc.get("review") or {}
    head = [f"run {run_id}"] if run_id is not None else []
    head.append(f"{len(lessons) - len(rejected)} lessons")
    if rejected:
        head.append(f"{len(rejected)} rejected")
    head.append(f"{review.get('ops', 0)} review changes")
    out = [" · ".join(head)]
    for c in doc.get("hierarchy") or []:
        out.append(f"{c['id']}  {c.get('label', '')}{_mark(c)}")
        for g in c.get("categories") or []:
            out.append(f"  {g['id']}  {g.get('label', '')}{_mark(g)}")
            for k in g.get("codes") or []:
                concepts = ", ".join(str(x) for x in k.get("key_concepts") or [])
                n = len(k.get("lessons") or [])
                out.append(f"    {k['id']}  {k.get('label', '')}  ({n}; {concepts}){_mark(k)}")
                if not quotes:
                    continue
                for lid in k.get("lessons") or []:
                    x = lessons.get(str(lid), {})
                    text = " ".join(str(x.get("text") or "").split())
                    flag = "  REJECTED" if str(lid) in rejected else ""
                    where = f"{x.get('document')} [{x.get('start')}–{x.get('end')}]"
                    out.append(f"      {lid}{flag}  {where}  “{text}”")
    for r in review.get("removed") or []:
        why = f"merged into {r['merged_into']}" if r.get("merged_into") else "emptied"
        out.append(f"removed {r.get('level')} {r.get('id')} “{r.get('label')}”: {why}")
    return "\n".join(out) + "\n"
