"""Key concepts of lesson statements: lemmas, normalised across English and Swedish.

Why this shape: whole-statement similarity follows which initiative a statement talks
about, not which lesson it draws. So a statement is reduced to content lemmas, names and
initiative-specific words are kept from dominating (capitalised tokens, words whose
corpus occurrences concentrate in one document), Swedish lemmas are mapped through a small
generic bilingual lexicon, and the evaluative part of a statement (the sentence carrying
the cue, what follows "that"/"att") is weighted up.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import simplemma

from .lexicon import SUPPORTED, load_lexicon

_WORD = re.compile(r"[^\W\d_][\w\-’']*", re.UNICODE)
_EVAL_SPLIT = re.compile(
    r"\b(that|att|is|are|är|måste|must|need|needs|behöver|have to|has to|means|betyder|kräver|requires)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Token:
    surface: str
    lemma: str
    concept: str
    start: int  # offset within the statement
    weight: float


def _lemma(word: str, lang: str) -> str:
    """The word's lemma in a language coatlas has a lexicon for; in any other (mostly a
    short line misread as Estonian or Esperanto) the word itself: as with the lexicons,
    no language beyond those, and no 100 MB lemma dictionary loaded for one line."""
    w = word.lower().strip("'’-")
    if lang not in SUPPORTED:
        return w
    try:
        return simplemma.lemmatize(w, lang=lang).lower()
    except Exception:  # noqa: BLE001 - simplemma raises plain errors on odd input
        return w


@dataclass(frozen=True, slots=True)
class DocStats:
    """One document's statistics for ``KeyConceptExtractor.fit_stats``."""

    occurrences: Counter[str]  # concept -> occurrences in the document
    capitalised: Counter[str]  # word -> times written capitalised mid-sentence
    lower: Counter[str]  # word -> times written in lower case


class KeyConceptExtractor:
    """fit on all sentences of the corpus (for name and specificity statistics), then
    ``transform`` statements into weighted key concepts.

    ``specificity_cut``: a concept whose corpus occurrences fall in one document for at
    least this share (and which occurs in few documents) is treated as initiative-specific.
    """

    def __init__(
        self,
        *,
        specificity_cut: float = 0.6,
        burst: float = 2.5,
        spread_divisor: int = 4,
        eval_weight: float = 1.5,
        min_len: int = 3,
    ) -> None:
        self.specificity_cut = specificity_cut
        self.burst = burst
        self.spread_divisor = spread_divisor
        self.eval_weight = eval_weight
        self.min_len = min_len
        self.doc_freq_: dict[str, Counter[str]] = {}
        self.capitalised_: set[str] = set()
        self.n_docs_ = 0

    # -- statistics over the whole corpus -----------------------------------------
    def fit(self, texts_by_doc: dict[str, list[tuple[str, str]]]) -> KeyConceptExtractor:
        """``texts_by_doc``: document -> [(sentence, lang)]."""
        return self.fit_stats({doc: self.doc_stats(texts_by_doc[doc]) for doc in texts_by_doc})

    def doc_stats(self, texts: list[tuple[str, str]]) -> DocStats:
        """One document's share of ``fit``'s statistics: concept occurrences and how often
        each word is written capitalised mid-sentence or in lower case. Per document, so
        it runs where the document is read (``coatlas.perdoc``)."""
        occ: Counter[str] = Counter()
        cap: Counter[str] = Counter()
        low: Counter[str] = Counter()
        for text, lang in texts:
            for i, m in enumerate(_WORD.finditer(text)):
                w = m.group(0)
                key = w.lower()
                if w[:1].isupper():
                    if i > 0 and text[max(0, m.start() - 2) : m.start()].strip() not in (
                        ".",
                        ":",
                        "!",
                        "?",
                        '"',
                        "–",
                    ):
                        cap[key] += 1
                else:
                    low[key] += 1
                for c in self._concepts_of(w, lang):
                    occ[c] += 1
        return DocStats(occ, cap, low)

    def fit_stats(self, stats_by_doc: dict[str, DocStats]) -> KeyConceptExtractor:
        """``fit`` from each document's ``doc_stats`` (document -> stats)."""
        occ: dict[str, Counter[str]] = defaultdict(Counter)
        cap, low = Counter(), Counter()
        for doc in sorted(stats_by_doc):
            st = stats_by_doc[doc]
            for c, k in st.occurrences.items():
                occ[c][doc] += k
            cap.update(st.capitalised)
            low.update(st.lower)
        self.capitalised_ = {w for w, n in cap.items() if n >= 1 and low[w] == 0} | {
            w for w, n in cap.items() if n > 2 * low[w]
        }
        self.doc_freq_ = dict(occ)
        self.n_docs_ = max(1, len(stats_by_doc))
        return self

    def _concepts_of(self, word: str, lang: str) -> list[str]:
        lex = load_lexicon(lang)
        lemma = _lemma(word, lang)
        low = word.lower()
        if low in lex.stopwords or lemma in lex.stopwords or len(lemma) < self.min_len:
            return []
        mapped = lex.concept_map.get(lemma) or lex.concept_map.get(low)
        if mapped:
            return [mapped]
        if lang == "sv":
            # Swedish compounds: the head (last part) carries the meaning; keep both
            head = self._compound_head(lemma, lex.concept_map)
            if head:
                return [lemma, head]
        return [lemma]

    @staticmethod
    def _compound_head(lemma: str, cmap: dict[str, str]) -> str | None:
        for k in range(3, len(lemma) - 3):
            tail = lemma[k:]
            if tail in cmap and len(tail) >= 4:
                return cmap[tail]
        return None

    def specificity(self, concept: str) -> float:
        """Share of a concept's corpus occurrences in its most frequent document."""
        occ = self.doc_freq_.get(concept)
        if not occ:
            return 1.0
        total = sum(occ.values())
        return max(occ.values()) / total if total else 1.0

    def is_specific(self, concept: str) -> bool:
        """Initiative-ish: bursty (many mentions where it occurs) and in few documents.

        Lexicon concepts are never specific: they are the shared vocabulary by design.
        """
        if concept in _known_concepts():
            return False
        occ = self.doc_freq_.get(concept)
        if not occ:
            return False
        ndocs, total = len(occ), sum(occ.values())
        few = ndocs <= max(2, self.n_docs_ // self.spread_divisor)
        bursty = total / ndocs >= self.burst or self.specificity(concept) >= self.specificity_cut
        return few and bursty

    # -- statements -----------------------------------------------------------------
    def tokens(self, text: str, lang: str) -> list[Token]:
        lex = load_lexicon(lang)
        m_eval = _EVAL_SPLIT.search(text)
        eval_from = m_eval.end() if m_eval else 0
        # the cue ("we learned", "erfarenheten visar") says THAT it is a lesson, not WHAT
        cue_spans = [(c.start(), c.end()) for pat, _w in lex.explicit for c in pat.finditer(text)]
        out: list[Token] = []
        for i, m in enumerate(_WORD.finditer(text)):
            w = m.group(0)
            low = w.lower()
            if any(a <= m.start() < b for a, b in cue_spans):
                continue
            if low in self.capitalised_ or (
                w[:1].isupper()
                and i > 0
                and low not in lex.concept_map
                and text[max(0, m.start() - 2) : m.start()].strip() not in (".", ":", "!", "?")
            ):
                continue  # names and initiative titles
            for c in self._concepts_of(w, lang):
                if c in lex.generic or self.is_specific(c):
                    continue
                wt = self.eval_weight if m.start() >= eval_from else 1.0
                out.append(Token(w, _lemma(w, lang), c, m.start(), wt))
        return out

    def known(self, concept: str) -> bool:
        """True when the bilingual lexicon names this concept (a normalised synset)."""
        return concept in _known_concepts()

    def transform(
        self,
        statements: list[tuple[str, str]],
        documents: list[str] | None = None,
        top_k: int = 12,
    ) -> list[dict[str, float]]:
        """Weighted key concepts per statement ([(text, lang)] in, [{concept: weight}] out).

        tf-idf over statements; a concept outside the lexicon must occur in statements of
        at least two documents, so one initiative's vocabulary cannot make a code.
        """
        documents = documents or [str(i) for i in range(len(statements))]
        toks = [self.tokens(text, lang) for text, lang in statements]
        spread: dict[str, set[str]] = defaultdict(set)
        df: Counter[str] = Counter()
        for ts, d in zip(toks, documents, strict=True):
            for t in ts:
                spread[t.concept].add(d)
            for c in {t.concept for t in ts}:
                df[c] += 1
        n = max(1, len(statements))
        min_docs = 2 if len(set(documents)) > 2 else 1
        out = []
        for ts in toks:
            bag: Counter[str] = Counter()
            for t in ts:
                if not self.known(t.concept) and len(spread[t.concept]) < min_docs:
                    continue
                bag[t.concept] += t.weight
            scored = {c: v * math.log((1 + n) / (1 + df[c]) + 1) for c, v in bag.items() if v > 0}
            top = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[:top_k]
            out.append(dict(top))
        return out


@lru_cache(maxsize=1)
def _known_concepts() -> frozenset[str]:
    return frozenset(v for lang in ("en", "sv") for v in load_lexicon(lang).concept_map.values())
