"""Lesson facets: generic, bilingual themes of implementation and involvement lessons.

``facets.yaml`` (next to this module) is a versioned data file of axes for Step 3: a lesson
statement can be scored against every facet by its terms (lemmas) and by similarity to the
facet's description sentences, and clustering can run on those profiles. The facets come from
published frameworks only (CFIR 2.0, PCORI, Carman et al., GRIPP2, NHS/INVOLVE guidance,
Batalden, NPT), never from a corpus, so they are fair on documents no one has seen
(docs/step3.md, "Lesson facets"). Loading validates the file and reports the first problem
as one line naming the file and the facet, like the codebook loader.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from coatlas.codebook.match import TOKEN_RE, norm_word, stem, word_keys
from coatlas.datafile import parse_yaml_model
from coatlas.errors import FacetError

BUILTIN = Path(__file__).resolve().parent / "facets.yaml"
ID_PATTERN = r"^[a-z][a-z0-9_]*$"
Domain = Literal["context", "organisation", "people", "process", "relations", "outcomes"]
# A Swedish compound may end with a term ("timarvode" ends with "arvode"); only for terms whose
# stem has at least this many letters, so short words do not hit inside unrelated compounds.
COMPOUND_MIN = 4


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Facet(_Strict):
    """One axis: labels, lesson-like description sentences and signal terms per language."""

    id: str = Field(pattern=ID_PATTERN)
    domain: Domain
    label: dict[str, str]
    basis: str = ""  # framework constructs the facet draws on (provenance)
    description: dict[str, list[str]]
    terms: dict[str, list[str]]
    include: str = Field(min_length=1)
    exclude: str = Field(min_length=1)


class FacetFile(_Strict):
    version: int = Field(ge=1)
    name: str = Field(min_length=1)
    languages: list[str] = Field(default_factory=lambda: ["en", "sv"], min_length=1)
    source: str = Field(min_length=1)
    notes: str = ""
    facets: list[Facet] = Field(min_length=1)
    path: str = Field(default="", exclude=True)  # where it was loaded from (not hashed)

    @field_validator("version", mode="before")
    @classmethod
    def _int_version(cls, v: Any) -> Any:
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValueError("version must be an integer")
        return v

    @cached_property
    def digest(self) -> str:
        """sha256 of the canonical content: records which facet set a result was made with."""
        blob = json.dumps(
            self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def ids(self) -> list[str]:
        return [f.id for f in self.facets]

    def facet(self, facet_id: str) -> Facet:
        for f in self.facets:
            if f.id == facet_id:
                return f
        raise KeyError(f"facet file {self.name!r} has no facet {facet_id!r}")


def load_facets(path: str | Path | None = None) -> list[Facet]:
    """The facets of ``path`` (None = the built-in ``facets.yaml``), in file order."""
    return load_facet_file(path).facets


def load_facet_file(path: str | Path | None = None) -> FacetFile:
    """The whole validated file (version, sources, facets); cached per path and mtime."""
    p = Path(path) if path is not None else BUILTIN
    if not p.is_file():
        raise FacetError(f"{p}: facet file not found")
    return _load_cached(str(p.resolve()), p.stat().st_mtime_ns)


@lru_cache(maxsize=16)
def _load_cached(path: str, _mtime: int) -> FacetFile:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise FacetError(f"{p.name}: cannot read ({e.__class__.__name__})") from None
    return parse_facets(text, p.name).model_copy(update={"path": path})


def parse_facets(text: str, filename: str = "<facets>") -> FacetFile:
    """Validate YAML text; ``filename`` only names the file in error lines."""
    ff, _raw = parse_yaml_model(
        text,
        filename,
        FacetFile,
        FacetError,
        items={"facets": "facet"},
        shape="a facet file must be a mapping with version, name, facets",
    )
    _check(ff, filename)
    return ff


_DIGIT = re.compile(r"\d")


def _term_problem(term: str, lang: str) -> str:
    if not term.strip():
        return "is empty"
    if term != term.strip() or "  " in term:
        return "has stray spaces"
    if term != term.lower():
        return "must be lowercase"
    if _DIGIT.search(term):
        return "contains a digit (no years or numbers)"
    if "*" in term:
        return "has '*' (terms are lemmas, not wildcard patterns)"
    if lang == "sv" and term.startswith("att "):
        return "starts with 'att' (Swedish verbs are given in the infinitive without 'att')"
    return ""


def _check(ff: FacetFile, filename: str) -> None:
    langs = set(ff.languages)
    seen: set[str] = set()
    owner: dict[tuple[str, str], str] = {}
    for f in ff.facets:
        where = f"{filename}: facet {f.id!r}"
        if f.id in seen:
            raise FacetError(f"{where}: duplicate id")
        seen.add(f.id)
        for field in ("label", "description", "terms"):
            got = set(getattr(f, field))
            if got != langs:
                missing, extra = sorted(langs - got), sorted(got - langs)
                what = (
                    f"missing {', '.join(missing)}" if missing else f"unexpected {', '.join(extra)}"
                )
                raise FacetError(
                    f"{where}: {field}: {what} (languages are {', '.join(ff.languages)})"
                )
        for lang in ff.languages:
            if not f.label[lang].strip():
                raise FacetError(f"{where}: label.{lang} is empty")
            sents = f.description[lang]
            if not sents or any(not s.strip() for s in sents):
                raise FacetError(
                    f"{where}: description.{lang} needs at least one non-empty sentence"
                )
            terms = f.terms[lang]
            if not terms:
                raise FacetError(f"{where}: terms.{lang} is empty")
            for t in terms:
                bad = _term_problem(t, lang)
                if bad:
                    raise FacetError(f"{where}: terms.{lang}: term {t!r} {bad}")
                key = (lang, " ".join(norm_word(w) for w in t.split()))
                if key in owner:
                    also = "twice" if owner[key] == f.id else f"also in facet {owner[key]!r}"
                    raise FacetError(f"{where}: terms.{lang}: term {t!r} listed {also}")
                owner[key] = f.id


# -- term matching -----------------------------------------------------------------------


def term_hits(text: str, lang: str, facets: Iterable[Facet] | None = None) -> dict[str, list[str]]:
    """Facet id -> the facet's terms found in ``text`` (sorted); facets without hits left out.

    Words are compared by lemma, or snowball stem for words the lemmatiser does not know (the
    codebook matcher's rule), so inflected forms match base-form terms. For Swedish a word may
    also match a single-word term as the last part of a compound ("timarvodet" -> "arvode"),
    but only when the word matched no term whole. Step 3 records these hits on every lesson
    (its ``facets``): a deductive lens beside the inductive tree, with the words as evidence.
    """
    fs = list(load_facets() if facets is None else facets)
    toks = [norm_word(m.group()) for m in TOKEN_RE.finditer(text)]
    keys = [set(word_keys(t, lang)) for t in toks]
    compiled = _compile(tuple((f.id, tuple(f.terms.get(lang, []))) for f in fs), lang)
    out: dict[str, set[str]] = {}
    whole = [False] * len(toks)
    # where each key occurs: a term is tried only where its first word can match, not at
    # every token (same hits, a fraction of the work: most terms occur nowhere)
    at: dict[str, list[int]] = {}
    for i, ks in enumerate(keys):
        for k in ks:
            at.setdefault(k, []).append(i)
    first, always = _by_first_key(compiled)
    tried = sorted({ti for k in at for ti in first.get(k, ())} | set(always))
    for fid, term, words in (compiled[ti] for ti in tried):  # terms whose first word occurs
        n = len(words)
        starts = sorted({i for k in words[0] for i in at.get(k, ())}) if n else [0]
        for i in starts:
            if i <= len(toks) - n and all(words[j] & keys[i + j] for j in range(n)):
                out.setdefault(fid, set()).add(term)
                for j in range(n):
                    whole[i + j] = True
    if lang == "sv":
        # a word's stem ending in a single-word term's stem, three letters or more after
        # its start: each ending of the word looked up, not every term tried on every word
        heads = _compound_heads(compiled, lang)
        for i, t in enumerate(toks):
            if whole[i]:
                continue
            st = stem(t, lang)
            for k in range(3, len(st) - COMPOUND_MIN + 1):
                for fid, term in heads.get(st[k:], ()):
                    out.setdefault(fid, set()).add(term)
    return {fid: sorted(ts) for fid, ts in sorted(out.items())}


@lru_cache(maxsize=8)
def _by_first_key(
    compiled: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...],
) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Term indices by each key of their first word, and the terms with no words."""
    first: dict[str, list[int]] = {}
    for ti, (_fid, _term, words) in enumerate(compiled):
        for k in words[0] if words else ():
            first.setdefault(k, []).append(ti)
    always = tuple(ti for ti, (_f, _t, words) in enumerate(compiled) if not words)
    return {k: tuple(v) for k, v in first.items()}, always


@lru_cache(maxsize=8)
def _compound_heads(
    compiled: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...], lang: str
) -> dict[str, list[tuple[str, str]]]:
    """Single-word terms by their stem (``COMPOUND_MIN`` letters or more)."""
    heads: dict[str, list[tuple[str, str]]] = {}
    for fid, term, words in compiled:
        if len(words) == 1:
            head = stem(norm_word(term), lang)
            if len(head) >= COMPOUND_MIN:
                heads.setdefault(head, []).append((fid, term))
    return heads


@lru_cache(maxsize=8)
def _compile(
    terms: tuple[tuple[str, tuple[str, ...]], ...], lang: str
) -> tuple[tuple[str, str, tuple[frozenset[str], ...]], ...]:
    return tuple(
        (fid, t, tuple(frozenset(word_keys(norm_word(w), lang)) for w in t.split()))
        for fid, ts in terms
        for t in ts
    )
