"""Manifest matching of codebook vocabulary in text: inflection- and compound-aware.

Words are compared by lemma (simplemma) for the vocabulary's language, by snowball
stem when the lemmatiser knows neither word, and by ``*`` wildcards for compounds
(``närstående*`` matches ``närståenderådet``). Hyphens inside a word are ignored so
``co-design``, ``codesign`` and ``Co-Design`` are one word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import simplemma
import snowballstemmer

from .model import Codebook

TOKEN_RE = re.compile(r"\w+(?:[-\u2010\u2011'’]\w+)*", re.UNICODE)
_HYPHENS = str.maketrans("", "", "-\u2010\u2011")

_SNOWBALL = {
    "en": "english", "sv": "swedish", "da": "danish", "no": "norwegian", "nb": "norwegian",
    "de": "german", "nl": "dutch", "fi": "finnish", "fr": "french", "es": "spanish",
    "it": "italian", "pt": "portuguese",
}  # fmt: skip


def norm_word(w: str) -> str:
    return w.lower().translate(_HYPHENS).replace("’", "'")


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    try:
        return simplemma.lemmatize(word, lang=lang).lower()
    except Exception:  # unknown language code in a user codebook: compare surface forms
        return word


@lru_cache(maxsize=32)
def _stemmer(lang: str):
    name = _SNOWBALL.get(lang)
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    st = _stemmer(lang)
    return st.stemWord(word) if st is not None else word


@lru_cache(maxsize=200_000)
def known(word: str, lang: str) -> bool:
    try:
        return bool(simplemma.is_known(word, lang=lang))
    except Exception:
        return False


@lru_cache(maxsize=200_000)
def word_keys(word: str, lang: str) -> tuple[str, ...]:
    """Keys under which a plain word matches: surface, lemma, and the snowball stem for
    words the lemmatiser does not know (new compounds), so a known base form such as
    ``person`` never collides with an unknown word that merely stems to it."""
    keys = [word, "=" + lemma(word, lang)]
    if not known(word, lang):
        keys.append("~" + stem(word, lang))
    return tuple(dict.fromkeys(keys))


@dataclass(frozen=True, slots=True)
class Match:
    code: str
    lang: str
    kind: str  # "term" | "cue" | "pattern" | "exclude"
    term: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Word:
    text: str  # normalised core without '*'
    mode: str  # "word" | "prefix" | "suffix" | "infix"
    keys: tuple[str, ...]

    def matches(self, tok: str, tok_keys: tuple[str, ...]) -> bool:
        if self.mode == "word":
            return any(k in tok_keys for k in self.keys)
        if self.mode == "prefix":
            return tok.startswith(self.text)
        if self.mode == "suffix":
            return tok.endswith(self.text)
        return self.text in tok


@dataclass(frozen=True, slots=True)
class _Term:
    code: str
    lang: str
    kind: str
    term: str
    words: tuple[_Word, ...]


def _compile_word(w: str, lang: str) -> _Word:
    core = norm_word(w.strip("*"))
    if w.startswith("*") and w.endswith("*") and len(w) > 1:
        return _Word(core, "infix", ())
    if w.endswith("*"):
        return _Word(core, "prefix", ())
    if w.startswith("*"):
        return _Word(core, "suffix", ())
    return _Word(core, "word", word_keys(core, lang))


class Lexicon:
    """All vocabulary of a codebook (or some of its groups) compiled for fast matching."""

    def __init__(self, codebook: Codebook, groups: list[str] | None = None) -> None:
        self.codebook = codebook
        self.langs = sorted({lg for c in codebook.codes() for lg in c.vocabulary})
        self._by_key: dict[str, dict[str, list[_Term]]] = {
            lg: defaultdict(list) for lg in self.langs
        }
        self._prefix: dict[str, dict[str, list[_Term]]] = {
            lg: defaultdict(list) for lg in self.langs
        }
        self._suffix: dict[str, dict[str, list[_Term]]] = {
            lg: defaultdict(list) for lg in self.langs
        }
        self._other: dict[str, list[_Term]] = {lg: [] for lg in self.langs}
        self._patterns: list[tuple[str, str, str, str, re.Pattern[str]]] = []
        # find's hits by text, offsets from 0: a sentence is scanned once per process
        # (Step 2's lexicon and embedding coders both scan it, and so does every
        # initiative whose contexts hold it)
        self._found: dict[str, list[Match]] = {}
        wanted = set(groups) if groups is not None else None
        for g in codebook.groups:
            if wanted is not None and g.id not in wanted:
                continue
            for c in g.codes:
                for lg in sorted(c.vocabulary):
                    voc = c.vocabulary[lg]
                    for kind, items in (
                        ("term", voc.terms),
                        ("cue", voc.cues),
                        ("exclude", voc.exclude),
                    ):
                        for t in items:
                            self._add(
                                _Term(
                                    c.id,
                                    lg,
                                    kind,
                                    t,
                                    tuple(_compile_word(w, lg) for w in t.split()),
                                )
                            )
                    for kind, pats in (
                        ("pattern", voc.patterns),
                        ("exclude", voc.exclude_patterns),
                    ):
                        for p in pats:
                            self._patterns.append((c.id, lg, kind, p, re.compile(p, re.IGNORECASE)))

    def _add(self, t: _Term) -> None:
        first = t.words[0]
        if first.mode == "word":
            for k in first.keys:
                self._by_key[t.lang][k].append(t)
        elif first.mode == "prefix" and len(first.text) >= 3:
            self._prefix[t.lang][first.text[:3]].append(t)
        elif first.mode == "suffix" and len(first.text) >= 3:
            self._suffix[t.lang][first.text[-3:]].append(t)
        else:
            self._other[t.lang].append(t)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every vocabulary hit in ``text[start:end]``, offsets into ``text``; sorted, unique."""
        end = len(text) if end is None else end
        seg = text[start:end]
        found = self._found.get(seg)
        if found is None:
            found = self._find(seg)
            if len(self._found) >= FOUND_MAX:
                self._found.clear()
            self._found[seg] = found
        if not start:
            return list(found)
        return [
            Match(m.code, m.lang, m.kind, m.term, m.start + start, m.end + start) for m in found
        ]

    def known(self, texts: Iterable[str]) -> dict[str, list[Match]]:
        """The hits ``find`` remembers for these texts (offsets from 0; texts it has not
        scanned are left out): what another process's ``remember`` takes."""
        found = self._found
        return {t: found[t] for t in texts if t in found}

    def remember(self, found: dict[str, list[Match]]) -> None:
        """Take hits another process's ``find`` made (``known``): the same lexicon gives
        the same hits, and a sentence is then not scanned again here. With
        ``--workers`` the readers scan every sentence (``perdoc``) and Step 2's coder,
        forked from this process later, finds them remembered."""
        for t, hits in found.items():
            if t not in self._found:
                if len(self._found) >= FOUND_MAX:
                    self._found.clear()
                self._found[t] = hits

    def _find(self, seg: str) -> list[Match]:
        """``find`` over all of ``seg`` (it depends on nothing else)."""
        toks = [(m.start(), m.end(), norm_word(m.group())) for m in TOKEN_RE.finditer(seg)]
        out: set[Match] = set()
        for lg in self.langs:
            keys = [word_keys(t[2], lg) for t in toks]
            for i, (_, _, tok) in enumerate(toks):
                cands: list[_Term] = []
                for k in keys[i]:
                    cands.extend(self._by_key[lg].get(k, ()))
                cands.extend(self._prefix[lg].get(tok[:3], ()))
                cands.extend(self._suffix[lg].get(tok[-3:], ()))
                cands.extend(self._other[lg])
                for term in cands:
                    n = len(term.words)
                    if i + n > len(toks):
                        continue
                    if all(term.words[j].matches(toks[i + j][2], keys[i + j]) for j in range(n)):
                        out.add(
                            Match(
                                term.code, lg, term.kind, term.term, toks[i][0], toks[i + n - 1][1]
                            )
                        )
        for code, lg, kind, p, rx in self._patterns:
            for m in rx.finditer(seg):
                if m.end() > m.start():
                    out.add(Match(code, lg, kind, p, m.start(), m.end()))
        # one match per (code, kind, span): the same words hit via several terms count once
        best: dict[tuple[str, str, int, int], Match] = {}
        for m in sorted(out, key=lambda m: (m.start, m.end, m.code, m.kind, m.lang, m.term)):
            best.setdefault((m.code, m.kind, m.start, m.end), m)
        return sorted(best.values(), key=lambda m: (m.start, m.end, m.code, m.kind))


_CACHE: dict[tuple[str, tuple[str, ...] | None], Lexicon] = {}
FOUND_MAX = 50_000  # texts whose hits a Lexicon keeps (then it starts afresh)


def lexicon(codebook: Codebook, groups: list[str] | None = None) -> Lexicon:
    """A compiled lexicon, cached per codebook digest (and group selection)."""
    key = (codebook.digest, tuple(groups) if groups is not None else None)
    if key not in _CACHE:
        if len(_CACHE) > 32:
            _CACHE.clear()
        _CACHE[key] = Lexicon(codebook, groups)
    return _CACHE[key]
