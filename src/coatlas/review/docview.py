"""A document as an analyst reads it: its canonical text cut into runs of equal coding.

QDA tools are built around this view: the text, with every coding highlighted, where
a passage is selected and coded. :func:`document_view` gathers what the reviewed state
codes in one document (initiative names, years, PPE, methods, levels, roles and
lessons) and cuts the text at every coding's start and end, so overlapping codings
stay visible. Each run keeps its offset, which is how a selection in the browser maps
back to ``text[start:end]``. Plain data: the web app renders it, tests read it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

# what a highlight can be, in the order the legend lists them
KINDS = ("name", "start", "end", "ppe", "methods", "levels", "ppe_roles", "lesson")
KIND_LABELS = {
    "name": "Initiative named",
    "start": "Start year",
    "end": "End year",
    "ppe": "PPE involvement",
    "methods": "Method",
    "levels": "System level",
    "ppe_roles": "PPE role",
    "lesson": "Lesson learned",
}


@dataclass
class Mark:
    """One coding in the document: what it codes, where, and where to review it."""

    n: int  # its number in this document (anchor ``m<n>``)
    kind: str
    start: int
    end: int
    quote: str
    label: str  # "Co-design", "Microsystem", "Lesson: Pay people for their time"
    about: str  # the initiative's name, or the lesson's code label
    href: str  # the page where it is reviewed
    source: str
    status: str = ""  # accepted, rejected, edited, added, or "" (proposed)
    coding: str = ""  # a person's coding id (h2), for uncode


@dataclass
class Run:
    """A stretch of text whose codings are the same all through."""

    start: int
    text: str
    marks: list[int] = field(default_factory=list)  # Mark.n
    classes: str = ""  # "k-methods k-lesson", for colour
    anchors: list[int] = field(default_factory=list)  # marks that start here (anchor m<n>)


def _items(value: Any) -> Iterable[tuple[str | None, dict[str, Any]]]:
    if isinstance(value, dict):
        for code, items in value.items():
            for e in items or []:
                yield code, e
    else:
        for e in value or []:
            yield None, e


def marks_in(
    path: str,
    initiatives: Sequence[dict[str, Any]],
    lessons_doc: dict[str, Any],
    labels: dict[str, dict[str, str]],
    kinds: Iterable[str] = KINDS,
    initiative: str | None = None,
) -> list[Mark]:
    """Every coding of the reviewed state in document ``path``, in text order."""
    from coatlas.report.labels import label

    wanted = set(kinds)
    out: list[Mark] = []
    for ini in initiatives:
        iid = str(ini.get("id"))
        if initiative is not None and iid != initiative:
            continue
        for key, value in (ini.get("evidence") or {}).items():
            if key not in wanted:
                continue
            for code, e in _items(value):
                if e.get("document") != path:
                    continue
                rv = e.get("review") or {}
                text = label(code, labels.get(key, {})) if code else KIND_LABELS.get(key, key)
                out.append(
                    Mark(
                        n=0,
                        kind=key,
                        start=int(e["start"]),
                        end=int(e["end"]),
                        quote=str(e.get("quote") or ""),
                        label=text,
                        about=str(ini.get("name") or iid),
                        href=f"/initiatives/{iid}",
                        source=str(e.get("source") or ""),
                        status=str(rv.get("status") or ""),
                        coding=str(rv.get("coding") or ""),
                    )
                )
    if "lesson" in wanted and initiative is None:
        codes = {
            str(k.get("id")): str(k.get("label") or "")
            for c in lessons_doc.get("hierarchy") or []
            for g in c.get("categories") or []
            for k in g.get("codes") or []
        }
        for x in lessons_doc.get("lessons") or []:
            if x.get("document") != path:
                continue
            rv = x.get("review") or {}
            out.append(
                Mark(
                    n=0,
                    kind="lesson",
                    start=int(x["start"]),
                    end=int(x["end"]),
                    quote=str(x.get("text") or ""),
                    label="Lesson learned",
                    about=codes.get(str(x.get("code")), "not grouped yet"),
                    href=f"/#{x.get('id')}",
                    source=str(x.get("source") or ""),
                    status="rejected" if rv.get("rejected") else "",
                )
            )
    # the years given with a new initiative are part of adding it: reject it, not uncode them
    adding = {m.coding for m in out if m.kind == "name" and m.coding}
    for m in out:
        if m.coding in adding:
            m.coding = ""
    out.sort(key=lambda m: (m.start, -m.end, KINDS.index(m.kind), m.label, m.about))
    for n, m in enumerate(out, 1):
        m.n = n
    return out


def runs_of(text: str, marks: Sequence[Mark]) -> list[Run]:
    """``text`` cut at every mark's start and end; each run lists the marks covering it."""
    cuts = {0, len(text)}
    for m in marks:
        if 0 <= m.start <= m.end <= len(text):
            cuts.update((m.start, m.end))
    points = sorted(cuts)
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    out: list[Run] = []
    open_: list[Mark] = []
    for a, b in zip(points, points[1:], strict=False):
        open_ = [m for m in open_ if m.end > a] + [m for m in starts.get(a, []) if m.end > a]
        if a == b:
            continue
        live = [m for m in open_ if m.status != "rejected"]
        kinds = sorted({m.kind for m in live}, key=KINDS.index)
        out.append(
            Run(
                start=a,
                text=text[a:b],
                marks=[m.n for m in open_],
                classes=" ".join(f"k-{k}" for k in kinds),
                anchors=[m.n for m in starts.get(a, [])],
            )
        )
    return out


def document_view(
    path: str,
    text: str,
    initiatives: Sequence[dict[str, Any]],
    lessons_doc: dict[str, Any],
    labels: dict[str, dict[str, str]],
    kinds: Iterable[str] = KINDS,
    initiative: str | None = None,
) -> dict[str, Any]:
    """What the document page shows: runs of text, the marks, counts per kind."""
    every = marks_in(path, initiatives, lessons_doc, labels)
    marks = marks_in(path, initiatives, lessons_doc, labels, kinds, initiative)
    counts = {k: sum(1 for m in every if m.kind == k) for k in KINDS}
    return {
        "path": path,
        "chars": len(text),
        "runs": runs_of(text, marks),
        "marks": marks,
        "counts": counts,
    }


__all__ = ["KINDS", "KIND_LABELS", "Mark", "Run", "document_view", "marks_in", "runs_of"]
