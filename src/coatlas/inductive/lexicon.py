"""Per-language lesson vocabulary, loaded from ``coatlas/lang/<lang>/lessons.yaml``.

Kept as data so a team can extend cues or the bilingual concept lexicon without touching
code, and so the vocabulary stays reviewable (no theme names; see the files' headers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

LANG_DIR = Path(__file__).resolve().parent.parent / "lang"
SUPPORTED = ("en", "sv")


@dataclass(frozen=True)
class LessonLexicon:
    lang: str
    version: int
    explicit: tuple[tuple[re.Pattern[str], float], ...]
    evaluative: tuple[tuple[re.Pattern[str], float], ...]
    narrative: tuple[tuple[re.Pattern[str], float], ...]
    continuation: tuple[re.Pattern[str], ...]
    topic: tuple[re.Pattern[str], ...]
    prompts: tuple[re.Pattern[str], ...]
    topic_weight: float
    stopwords: frozenset[str]
    generic: frozenset[str]
    concept_map: dict[str, str] = field(default_factory=dict)
    label_words: dict[str, str] = field(default_factory=dict)
    review: tuple[re.Pattern[str], ...] = ()
    review_weight: float = 0.0


def _weighted(items: list[dict] | None) -> tuple[tuple[re.Pattern[str], float], ...]:
    return tuple((re.compile(i["pattern"], re.IGNORECASE), float(i["weight"])) for i in items or [])


@lru_cache(maxsize=8)
def load_lexicon(lang: str) -> LessonLexicon:
    """The lexicon for ``lang``; unknown languages fall back to English."""
    lang = lang if lang in SUPPORTED else "en"
    path = LANG_DIR / lang / "lessons.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("stopwords", "generic_words"):
        bad = [w for w in data.get(key, []) if not isinstance(w, str)]
        if bad:  # YAML 1.1 reads yes/no/on/off as booleans unless quoted
            raise ValueError(f"{path}: {key} has non-string entries {bad!r}; quote them")
    return LessonLexicon(
        lang=lang,
        version=int(data.get("version", 1)),
        explicit=_weighted(data.get("explicit_cues")),
        evaluative=_weighted(data.get("evaluative")),
        narrative=_weighted(data.get("narrative")),
        continuation=tuple(re.compile(p, re.IGNORECASE) for p in data.get("continuation", [])),
        topic=tuple(re.compile(p, re.IGNORECASE) for p in data.get("topic", [])),
        prompts=tuple(re.compile(p, re.IGNORECASE) for p in data.get("prompts", [])),
        topic_weight=float(data.get("topic_weight", 0.0)),
        review=tuple(re.compile(p, re.IGNORECASE) for p in data.get("review_sections", [])),
        review_weight=float(data.get("review_weight", 0.0)),
        stopwords=frozenset(str(w).lower() for w in data.get("stopwords", [])),
        generic=frozenset(str(w).lower() for w in data.get("generic_words", [])),
        concept_map={str(k).lower(): str(v) for k, v in (data.get("concept_map") or {}).items()},
        label_words={str(k): str(v) for k, v in (data.get("label_words") or {}).items()},
    )
