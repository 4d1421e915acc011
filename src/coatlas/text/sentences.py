"""Sentence segmentation for Swedish and English, driven by abbreviation data files.

Why a small rule segmenter: the usual libraries (pysbd, nltk punkt, syntok) either
do not know Swedish abbreviations such as "t.ex.", "bl.a.", "fr.o.m." or need a
trained model; a handful of rules over ``lang/<code>/abbreviations.toml`` is
predictable, linear-time and keeps offsets exact.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from coatlas.document import Span

__all__ = [
    "document_sentences",
    "load_lang_data",
    "segment_paragraphs",
    "sentence_at",
    "sentence_spans",
    "split_sentences",
]

LANGS = ("en", "sv")


@cache
def load_lang_data(lang: str, name: str) -> dict[str, Any]:
    """Read ``coatlas/lang/<lang>/<name>.toml`` (empty dict when absent)."""
    try:
        ref = resources.files("coatlas.lang").joinpath(lang, f"{name}.toml")
        return tomllib.loads(ref.read_text(encoding="utf-8"))
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return {}


@cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Union over languages: a Swedish abbreviation in an English text is still one."""
    never: set[str] = set()
    before_num: set[str] = set()
    final: set[str] = set()
    for lang in LANGS:
        data = load_lang_data(lang, "abbreviations")
        never.update(a.lower().rstrip(".") for a in data.get("never_final", []))
        before_num.update(a.lower().rstrip(".") for a in data.get("before_number", []))
        final.update(a.lower().rstrip(".") for a in data.get("sentence_final", []))
    return frozenset(never), frozenset(before_num), frozenset(final)


# A candidate boundary: terminal punctuation, optional closing quotes/brackets,
# then whitespace. What follows decides.
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_TOKEN_BEFORE = re.compile(r"([\w.\-]*\w)\.?$")
_OPENER = re.compile(r"[\"'“”‘’«»(\[\-–—•*]*\s*(\S)")
_ENUM = re.compile(r"\s*(?:\d{1,3}(?:\.\d{1,3})*|[A-Za-z]|[IVXivx]{1,5})[.)]\s*$")
_BULLET = re.compile(r"\s*(?:[-–—•*·▪]|\d{1,3}[.)])\s")


def _is_boundary(text: str, end: int, limit: int) -> bool:
    """Decide whether the punctuation ending at ``end`` closes a sentence."""
    j = end
    while j < limit and text[j].isspace():
        j += 1
    if j >= limit:
        return True
    m = _OPENER.match(text, j, min(limit, j + 40))
    nxt = m.group(1) if m else text[j]
    # the period case carries the abbreviation logic; ! ? … always split before a capital
    seg = text[max(0, end - 40) : end].rstrip("\"'”’»)]")
    if not seg.endswith("."):
        return nxt.isupper() or nxt.isdigit() or not nxt.isalpha()
    if seg.endswith("..") and not seg.endswith("..."):
        return False
    tm = _TOKEN_BEFORE.search(seg[:-1] + ".") if seg else None
    token = tm.group(1).lower() if tm else ""
    never, before_num, final = _abbreviations()
    if nxt.islower():
        return False
    if token in never:
        return False
    if token in before_num and nxt.isdigit():
        return False
    if token in final:
        return nxt.isupper()
    if len(token) == 1 and token.isalpha() and text[end - 2 : end - 1].isupper():
        return False  # an initial: "K. Falk"
    # "3. 4" in enumerations and dates is not a boundary
    return not (token.isdigit() and nxt.isdigit())


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` as absolute (start, end), trimmed of whitespace.

    Line breaks inside the range are boundaries when the next line looks like a new
    item (bullet, capitalised start after a short line) and plain wraps otherwise.
    """
    end = len(text) if end is None else end
    cuts: list[int] = []
    for m in _CANDIDATE.finditer(text, start, end):
        if _is_boundary(text, m.end(), end):
            cuts.append(m.end())
    cuts.extend(_line_cuts(text, start, end))
    cuts = sorted(set(c for c in cuts if start < c < end))
    # "1." / "2.3." / "a)" alone is a heading number, not a sentence
    cuts = [c for i, c in enumerate(cuts) if not _ENUM.match(text, cuts[i - 1] if i else start, c)]
    spans: list[tuple[int, int]] = []
    prev = start
    for c in [*cuts, end]:
        s, e = prev, c
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        prev = c
    return spans


def _line_cuts(text: str, start: int, end: int) -> list[int]:
    nl = text.find("\n", start, end)
    if nl < 0:
        return []
    lines: list[tuple[int, int]] = []
    pos = start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            lines.append((pos, end))
            break
        lines.append((pos, nl))
        pos = nl + 1
    longest = max(e - s for s, e in lines)
    cuts = []
    for (s0, e0), (s1, e1) in zip(lines, lines[1:], strict=False):
        prev = text[s0:e0].rstrip()
        nxt = text[s1:e1].lstrip()
        if not prev or not nxt:
            cuts.append(e0)
            continue
        if _BULLET.match(text[s1:e1] + " ") or re.match(r"[^\W\d_][\w .'-]{0,30}:\s", nxt):
            cuts.append(e0)
            continue
        if prev[-1] in ",;-–(" or nxt[0].islower():
            continue
        if prev[-1] in ".!?:…" or len(prev) < 0.7 * longest:
            cuts.append(e0)
    return cuts


def segment_paragraphs(text: str, paragraphs: list[Span]) -> list[Span]:
    """Sentences of every paragraph; a sentence never crosses a paragraph."""
    out: list[Span] = []
    for p in paragraphs:
        for s, e in split_sentences(text, p.start, p.end):
            out.append(Span(s, e, p.lang))
    return out


_BLOCK = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")


def sentence_spans(text: str, given: list | None = None) -> list[tuple[int, int]]:
    """Sentences as (start, end): the given spans (ingestion's), else this module's
    splitter over blank-line blocks. Every stage asks here, so there is one splitter."""
    if given:
        return [(s.start, s.end) for s in given]
    out: list[tuple[int, int]] = []
    for m in _BLOCK.finditer(text):
        out.extend(split_sentences(text, m.start(), m.end()))
    return out


def document_sentences(doc: Any) -> list[tuple[int, int]]:
    """A Document's sentences (ingestion fills them; hand-built documents get split)."""
    return sentence_spans(doc.text, doc.sentences or None)


def sentence_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The span holding ``pos`` in sorted, non-overlapping ``spans`` (binary search)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return None
