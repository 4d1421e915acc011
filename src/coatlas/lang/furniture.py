"""Web page furniture as language data: skip links, menus, cookie banners, footers.

A saved or pasted web page carries lines that belong to the site, not the page
("Skip to main content", "Navigera till sidans huvudinnehåll"). Ingestion drops
such lines before anything is analysed, and Step 1 never reports one as a name.
The phrases live in ``lang/<code>/furniture.toml``; matching is on whole lines
after case and punctuation folding, so prose that merely contains a phrase stays.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from coatlas.text.sentences import LANGS, load_lang_data

_FOLD = re.compile(r"[\W_]+")


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return " ".join(_FOLD.sub(" ", s).split())


@cache
def furniture_lines() -> frozenset[str]:
    """Every language's furniture phrases, folded (a Swedish site has English banners)."""
    out: set[str] = set()
    for lang in LANGS:
        out.update(_fold(x) for x in load_lang_data(lang, "furniture").get("lines", []))
    return frozenset(x for x in out if x)


@cache
def _document_part_rx() -> re.Pattern[str] | None:
    words: set[str] = set()
    for lang in LANGS:
        words.update(_fold(x) for x in load_lang_data(lang, "furniture").get("document_parts", []))
    words.discard("")
    if not words:
        return None
    alts = "|".join(sorted(map(re.escape, words), key=lambda w: (-len(w), w)))
    return re.compile(rf"(?:{alts}) (?:\d+[a-z]?|[ivxlc]+|[a-z])")


def is_document_part(name: str) -> bool:
    """A part of a document named by its number ("Intervju 4", "Appendix B"): the
    document's own structure, never the name of an initiative."""
    rx = _document_part_rx()
    return rx is not None and rx.fullmatch(_fold(name)) is not None


def is_furniture(line: str) -> bool:
    """Is this whole line (or candidate name) site furniture rather than content?"""
    folded = _fold(line)
    return bool(folded) and folded in furniture_lines()


def strip_furniture(text: str) -> tuple[str, int]:
    """``text`` without its furniture lines, and how many lines were dropped."""
    kept, dropped = [], 0
    for line in text.split("\n"):
        if line.strip() and is_furniture(line):
            dropped += 1
            continue
        kept.append(line)
    return "\n".join(kept), dropped
