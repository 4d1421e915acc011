"""Evidence: why coatlas believes what it reports.

Every automatic coding carries the document, character offsets into the
canonical text, the quote itself, the rule or model that produced it and a
confidence, so a reviewer can always go back to the source.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    document: str  # Document.path
    start: int
    end: int
    quote: str  # exactly Document.text[start:end]
    source: str  # "rule:<name>", "model:<name>", "human:<coder>"
    confidence: float  # 0..1

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["confidence"] = round(float(self.confidence), 4)
        return d


@dataclass(frozen=True, slots=True)
class Coding:
    """A code applied to a target (an initiative id, a lesson, a segment) with its evidence."""

    target: str
    code: str
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {"target": self.target, "code": self.code, "evidence": self.evidence.to_dict()}


def make_evidence(
    text: str, document: str, start: int, end: int, source: str, confidence: float
) -> Evidence:
    """Build evidence from a canonical text so the quote can never drift from the offsets."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"offsets {start}:{end} outside text of length {len(text)}")
    return Evidence(document, start, end, text[start:end], source, confidence)


def evidence_slots(
    initiatives: Iterable[dict[str, Any]],
) -> Iterator[tuple[dict[str, Any], str, str | None, dict[str, Any]]]:
    """Every evidence item of initiatives.json records as (initiative, key, code, item).

    ``key`` is ``name``, ``ppe``, ``start``, ``end`` or a group (``methods``); ``code`` is
    the group's code or None. This is the order the pipeline stores codings in; decisions
    find their evidence item by :func:`evidence_key`, not by this position.
    """
    for ini in initiatives:
        for key, value in (ini.get("evidence") or {}).items():
            groups = value.items() if isinstance(value, dict) else [(None, value)]
            for code, items in groups:
                for e in items or []:
                    yield ini, key, code, e


def evidence_key(initiative: Any, code: str, document: Any, start: Any, end: Any) -> str:
    """A coding's stable key: what it codes and where, never its position in a list.

    ``i03|methods:co_design|plan.docx|120:180``. Two identical items of one initiative get
    ``#2``, ``#3`` … in :func:`evidence_keys`; a reviewer's decision names its coding by this
    key, so it still finds its evidence item when other items come and go.
    """
    return f"{initiative}|{code}|{document}|{start}:{end}"


def evidence_keys(initiatives: Iterable[dict[str, Any]]) -> list[str]:
    """The stable key of every evidence item, in :func:`evidence_slots` order."""
    return number_duplicates(
        evidence_key(ini.get("id"), f"{key}:{code}" if code else key, e.get("document"),
                     e.get("start"), e.get("end"))
        for ini, key, code, e in evidence_slots(initiatives)
    )  # fmt: skip


def number_duplicates(keys: Iterable[str]) -> list[str]:
    """The second and later copies of a key get ``#2``, ``#3`` …, in order."""
    seen: dict[str, int] = {}
    out = []
    for k in keys:
        seen[k] = seen.get(k, 0) + 1
        out.append(k if seen[k] == 1 else f"{k}#{seen[k]}")
    return out


def codings_from_initiatives(initiatives: list[dict[str, Any]]) -> list[Coding]:
    """Flatten the evidence of initiatives.json records into codings for the store.

    Targets are ``initiative:<id>``; codes are ``name``, ``ppe``, ``start``, ``end`` or
    ``<group>:<code>`` (e.g. ``methods:co_design``), so a reviewer can accept or reject
    each one where it was found.
    """
    out: list[Coding] = []
    for ini, key, code, e in evidence_slots(initiatives):
        ev = Evidence(
            e["document"],
            e["start"],
            e["end"],
            e["quote"],
            e["source"],
            float(e["confidence"]),
        )
        out.append(Coding(f"initiative:{ini['id']}", f"{key}:{code}" if code else key, ev))
    return out
