"""Document type from content and structure, for deciding what Step 3 samples.

The study sampled interview transcripts and business plans for lessons learned; the default
policy also reads the documents where an organisation reviews its own work (board papers,
evaluations and reports, minutes) and skips genres written to inform (web pages, news,
leaflets); ``doctypes.yaml`` gives the reason per genre. Types are scored from
structure (speaker turns, HTML, slides), genre words in the head of the text and the body
(``doctypes.yaml``), and the file name as weak generic evidence only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from coatlas.document import Document

DATA = Path(__file__).resolve().parent / "doctypes.yaml"


@dataclass(frozen=True, slots=True)
class DocType:
    type: str
    confidence: float
    reasons: tuple[str, ...]


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    types = {}
    for name, spec in data["types"].items():
        types[name] = {
            "name": [re.compile(p, re.I) for p in spec.get("name_hints") or []],
            "head": [re.compile(p, re.I | re.M) for p in spec.get("head") or []],
            "body": [re.compile(p, re.I | re.M) for p in spec.get("body") or []],
        }
    return {
        "types": types,
        "name_weight": float(data.get("name_weight", 1.0)),
        "sampled": tuple(data.get("sampled_types", [])),
        "reasons": dict(data.get("sampling_reasons") or {}),
        "secondary": tuple(data.get("secondary_types", [])),
    }


def sampled_types() -> tuple[str, ...]:
    return _rules()["sampled"]


def secondary_types() -> tuple[str, ...]:
    """Sampled genres beyond the study's own (interviews, plans): they mostly report, so
    the detector asks more of a statement there outside a review section."""
    return _rules()["secondary"]


def sampling_reason(doc_type: str) -> str:
    """Why the default policy reads (or skips) documents of this genre (doctypes.yaml)."""
    return _rules()["reasons"].get(doc_type, doc_type.replace("_", " "))


def classify(doc: Document) -> DocType:
    """The most likely genre of ``doc`` with the evidence that decided it."""
    rules = _rules()
    head = doc.text[:600]
    stem = Path(doc.path).stem
    scores: dict[str, float] = {}
    why: dict[str, list[str]] = {}

    def add(t: str, w: float, reason: str) -> None:
        scores[t] = scores.get(t, 0.0) + w
        why.setdefault(t, []).append(reason)

    roles = {t.role for t in doc.turns}
    if len(doc.turns) >= 4 and "respondent" in roles:
        add("transcript", 4.0, f"{len(doc.turns)} speaker turns")
    if doc.format in ("html", "htm"):
        add("web_page", 1.5, "HTML page")
    if doc.format == "md" and len(re.findall(r"(?m)^---\s*$", doc.text)) >= 2:
        add("presentation", 1.0, "slide separators")
    for name, spec in rules["types"].items():
        for p in spec["name"]:
            m = p.search(stem)
            if m:
                add(name, rules["name_weight"], f"file name has '{m.group(0)}'")
                break
        hits = [m.group(0).strip() for p in spec["head"] if (m := p.search(head))]
        if hits:
            add(name, 2.0 + 0.5 * (len(hits) - 1), f"heading says '{hits[0]}'")
        body = [m.group(0).strip() for p in spec["body"] if (m := p.search(doc.text))]
        if body:
            add(name, 0.75 * len(body), "body has " + ", ".join(f"'{b}'" for b in body[:3]))
    if not scores:
        return DocType("other", 0.3, ("no genre evidence",))
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    conf = round(min(0.99, 0.5 + 0.5 * (top - second) / (top + 1e-9)), 3)
    return DocType(best, conf, tuple(why[best]))
