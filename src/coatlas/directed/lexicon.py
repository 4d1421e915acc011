"""Load the per-language cue vocabulary (``lang/<xx>/initiatives.yaml``).

The vocabulary is data, not code, so a team can extend it for a new language
or a new kind of organisation without touching the matcher.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LANGS = ("en", "sv")
_LANG_DIR = Path(__file__).resolve().parent.parent / "lang"


@dataclass(frozen=True)
class Head:
    lemma: str
    kind: str
    forms: tuple[str, ...]
    role: bool = False
    strict: bool = False
    weak: bool = False
    bare: bool = False
    ppe_prefix: bool = False  # only after a first part naming lived experience


@dataclass
class Lexicon:
    lang: str
    heads: dict[str, Head]  # surface form (lower) -> head
    cue_nouns: frozenset[str]
    naming_cues: tuple[str, ...]
    alias_cues: tuple[str, ...]
    stopwords: frozenset[str]
    org_heads: frozenset[str]
    org_before: tuple[str, ...]
    ppe_actors: tuple[str, ...]
    ppe_modifier_only: frozenset[str]
    ppe_modifier_ok: frozenset[str]
    involvement: tuple[str, ...]
    beneficiary_before: frozenset[str]
    beneficiary_phrases: tuple[str, ...]
    negations: tuple[str, ...] = ()
    min_prefix: int = 4
    role_stop_prefixes: tuple[str, ...] = ()
    false_head_endings: tuple[str, ...] = ()  # "området" is no "om" + "rådet"
    gloss: dict[str, str] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)


def _lower_list(xs: Any) -> list[str]:
    return [str(x).lower() for x in (xs or [])]


@lru_cache(maxsize=8)
def load_lexicon(lang: str) -> Lexicon:
    path = _LANG_DIR / lang / "initiatives.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    heads: dict[str, Head] = {}
    plurals = {str(k).lower(): str(v).lower() for k, v in (data.get("plurals") or {}).items()}
    for lemma, spec in sorted((data.get("heads") or {}).items()):
        spec = spec or {}
        lemma = str(lemma).lower()
        forms = _lower_list(spec.get("forms")) or [lemma]
        if lang == "en":
            forms = sorted({lemma, lemma + "s", *[p for p, s in plurals.items() if s == lemma]})
        h = Head(
            lemma=lemma,
            kind=str(spec.get("kind", "initiative")),
            forms=tuple(forms),
            role=bool(spec.get("role", False)),
            strict=bool(spec.get("strict", False)),
            weak=bool(spec.get("weak", False)),
            bare=bool(spec.get("bare", False)),
            ppe_prefix=bool(spec.get("ppe_prefix", False)),
        )
        for f in forms:
            heads[f] = h
    return Lexicon(
        lang=lang,
        heads=heads,
        cue_nouns=frozenset(_lower_list(data.get("cue_nouns"))),
        naming_cues=tuple(sorted(_lower_list(data.get("naming_cues")), key=len, reverse=True)),
        alias_cues=tuple(sorted(_lower_list(data.get("alias_cues")), key=len, reverse=True)),
        stopwords=frozenset(_lower_list(data.get("stopwords"))),
        org_heads=frozenset(_lower_list(data.get("org_heads"))),
        org_before=tuple(_lower_list(data.get("org_before"))),
        ppe_actors=tuple(_lower_list(data.get("ppe_actors"))),
        ppe_modifier_only=frozenset(_lower_list(data.get("ppe_modifier_only"))),
        ppe_modifier_ok=frozenset(_lower_list(data.get("ppe_modifier_ok"))),
        involvement=tuple(_lower_list(data.get("involvement"))),
        beneficiary_before=frozenset(_lower_list(data.get("beneficiary_before"))),
        beneficiary_phrases=tuple(_lower_list(data.get("beneficiary_phrases"))),
        negations=tuple(_lower_list(data.get("negations"))),
        min_prefix=int(data.get("min_prefix", 4)),
        role_stop_prefixes=tuple(_lower_list(data.get("role_stop_prefixes"))),
        false_head_endings=tuple(_lower_list(data.get("false_head_endings"))),
        gloss={str(k).lower(): str(v).lower() for k, v in (data.get("gloss") or {}).items()},
        raw=data,
    )


def lexicons() -> dict[str, Lexicon]:
    return {lang: load_lexicon(lang) for lang in LANGS}
