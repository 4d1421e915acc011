"""One generic name, several organisations: split an entity by its documents' context.

"Youth Forum", "Levande bibliotek" or "peer support" name a *kind* of initiative that
many organisations run. A corpus that gathers several organisations' documents (a
country's regions, several trusts) must not join them into one initiative because the
words are equal: the study counts the same kind of initiative run by two
organisations as two initiatives.

A document's context is the set of its distinctive proper words: capitalised words
that the corpus never writes in lower case (place and organisation names, people,
acronyms), not at a sentence start, minus the initiative's own name and the names of
national systems (lang data ``contexts.toml``). Two of an entity's documents that
share such a word belong together. When an entity's documents fall apart into two or
more groups that share none, it is split, one entity per group. Documents with no
distinctive word go with the largest group. In a corpus from one organisation every
document names it (or its people, places and units), so nothing is split there.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from coatlas.directed.resolve import Entity
from coatlas.lang.names import is_job_title
from coatlas.text.sentences import LANGS, document_sentences, load_lang_data

MIN_SHARED = 1
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w’'-]*")
# a lower-case word in prose (not inside an address: "www.norrvik.se", "info@…")
_LOWER = re.compile(r"(?<![\w’'@./-])[a-zà-öø-ÿ][\w-]*(?![\w@]|\.\w)")


@lru_cache(maxsize=1)
def _shared_names() -> frozenset[str]:
    """Names every organisation of a country may print (national systems, the country)."""
    from coatlas.directed.lexicon import lexicons
    from coatlas.directed.mentions import MONTHS
    from coatlas.lang.names import given_names

    lx = lexicons()
    # organisation nouns ("Trust", "sjukhus") are in every organisation's name
    out: set[str] = set(MONTHS) | lx["en"].org_heads | lx["sv"].org_heads
    for lang in LANGS:
        data = load_lang_data(lang, "contexts")
        out.update(str(w).lower() for w in data.get("not_distinctive") or [])
        # a first name alone is shared by too many people to tie two documents
        out.update(n.lower() for n in given_names(lang))
    return frozenset(out)


_NEXT_WORD = re.compile(r"\s+([\w’'-]+)")


@lru_cache(maxsize=1)
def _org_nouns() -> frozenset[str]:
    from coatlas.directed.lexicon import lexicons

    lx = lexicons()
    return frozenset(lx["en"].org_heads | lx["sv"].org_heads | {"nhs"})


@lru_cache(maxsize=1)
def _shared_endings() -> tuple[str, ...]:
    """Word endings of national names ("Patientlagen": a law), lang data."""
    return tuple(
        sorted(
            {
                str(w).lower()
                for lang in LANGS
                for w in load_lang_data(lang, "contexts").get("not_distinctive_endings") or []
            }
        )
    )


def _norm(word: str) -> str:
    w = word.strip("’'-").lower()
    for suffix in ("’s", "'s"):
        w = w.removesuffix(suffix)
    return w


def document_words(doc: Any) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """One document's share of ``document_contexts``: its lower-case prose words, and
    its capitalised words that may be distinctive (anywhere but a sentence start; at a
    sentence start, before an organisation noun) before the corpus-wide filter (words
    the corpus also writes in lower case). Per document: the per-document stage
    (``perdoc``) computes it where the document is read."""
    lower = frozenset(m.group() for m in _LOWER.finditer(doc.text))
    shared = _shared_names()
    text = doc.text
    found: set[str] = set()
    starts: set[str] = set()
    for s, e in document_sentences(doc):
        first = True
        for m in _WORD.finditer(text, s, e):
            word = m.group()
            was_first, first = first, False
            if not word[0].isupper():
                continue
            key = _norm(word)
            if len(key) < 2 or key in shared or is_job_title(key):
                continue
            if key.endswith(_shared_endings()) and len(key) > 6:
                continue
            if was_first and not (len(word) >= 2 and word.isupper()):
                # a capital that may only start the sentence, unless an organisation
                # noun follows ("Skaraborgs sjukhus upprättar ...")
                nxt = _NEXT_WORD.match(text, m.end())
                if nxt and nxt.group(1).lower() in _org_nouns():
                    starts.add(key)
                continue
            found.add(key)
    return lower, frozenset(found), frozenset(starts)


def document_contexts(
    docs: Sequence[Any],
    words: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] | None = None,
) -> dict[str, frozenset[str]]:
    """Each document's distinctive proper words (normalised to lower case).

    ``words``: ``document_words`` by path where already computed (``perdoc``)."""
    per = {d.path: (words or {}).get(d.path) or document_words(d) for d in docs}
    lower: set[str] = set().union(*(w[0] for w in per.values())) if per else set()
    shared = _shared_names()
    raw = {p: {k for k in w[1] if k not in lower} for p, w in per.items()}
    initial = {p: {k for k in w[2] if k not in lower} for p, w in per.items()}
    every = set().union(*raw.values()) if raw else set()
    # such a sentence-initial word is a name when the corpus writes it capitalised
    # elsewhere too
    for p, starts in initial.items():
        raw[p] |= {w for w in starts if w in every or (w.endswith("s") and w[:-1] in every)}

    def base(w: str) -> str:
        # a Swedish genitive ("Solviks") is the name itself ("Solvik")
        return w[:-1] if w.endswith("s") and (w[:-1] in every or w[:-1] in lower) else w

    return {
        p: frozenset(b for b in (base(w) for w in ws) if b not in lower and b not in shared)
        for p, ws in raw.items()
    }


def _organisation_words(docs: Sequence[Any], words: set[str]) -> set[str]:
    """Those of ``words`` some document writes right beside an organisation noun
    ("Region X", "X kommun", "NHS X")."""
    if not words:
        return set()
    nouns = _org_nouns()
    out: set[str] = set()
    for d in docs:
        toks = [_norm(w) for w in _WORD.findall(d.text)]
        for a, b in zip(toks, toks[1:], strict=False):
            if a in nouns and b in words:
                out.add(b)
            elif b in nouns and a in words:
                out.add(a)
    return out


def _name_words(ent: Entity) -> set[str]:
    return {_norm(w) for m in ent.mentions for w in _WORD.findall(m.surface)}


def corpus_components(contexts: dict[str, frozenset[str]]) -> dict[str, str]:
    """Each document's component in the corpus graph where documents sharing a
    distinctive word are joined; a document sharing none has no component."""
    ctx = {p: ws for p, ws in contexts.items()}
    return _components(sorted(ctx), ctx)


def _components(
    docs: list[str], ctx: dict[str, frozenset[str]], keep_single: bool = False
) -> dict[str, str]:
    parent = {p: p for p in docs}

    def find(p: str) -> str:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    by_word: dict[str, list[str]] = defaultdict(list)
    for p in docs:
        for w in ctx[p]:
            by_word[w].append(p)
    # two documents are one context when they share two distinctive words: one shared
    # word is too often a place or body mentioned in passing
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ps in by_word.values():
        for i, a in enumerate(ps):
            for b in ps[i + 1 :]:
                shared[(a, b)] += 1
    for (a, b), n in sorted(shared.items()):
        if n >= MIN_SHARED:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    sizes: dict[str, int] = defaultdict(int)
    for p in docs:
        sizes[find(p)] += 1
    return {p: find(p) for p in docs if sizes[find(p)] > 1 or (keep_single and ctx[p])}


def document_groups(
    ent: Entity,
    contexts: dict[str, frozenset[str]],
    neighbours: dict[str, list[str]] | None = None,
) -> list[list[str]]:
    """The entity's documents grouped by shared distinctive words (sorted, largest
    first); documents without any go with the largest group."""
    own = _name_words(ent)
    ctx = {p: contexts.get(p, frozenset()) - own for p in ent.documents}
    if neighbours is not None:
        # joined through a third document too: in one organisation's archive a note
        # that names only a meeting room still shares it with a plan that names the region
        ctx = {
            p: ws | {"\x00" + q for w in ws for q in neighbours.get(w, ())} if ws else ws
            for p, ws in ctx.items()
        }
    comp = _components(sorted(ctx), ctx, keep_single=True)
    groups: dict[str, list[str]] = defaultdict(list)
    bare: list[str] = []
    for p in ent.documents:
        (groups[comp[p]] if p in comp else bare).append(p)
    out = sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g))
    if not out:
        return [sorted(ent.documents)]
    out[0] = sorted(out[0] + bare)
    return out


def _org_like(word: str, texts: Sequence[str]) -> bool:
    """An acronym, or a word standing next to an organisation noun in one of ``texts``
    ("Region Skåne", "Skaraborgs sjukhus", "Leeds NHS Trust", "Västra Götalandsregionen")."""
    if not texts:
        return False
    if word.isupper() and 2 <= len(word) <= 6:
        return True
    from coatlas.directed.lexicon import lexicons

    lx = lexicons()
    heads = lx["en"].org_heads | lx["sv"].org_heads | {"nhs", "trust"}
    if any(word.lower().endswith(h) and len(word) > len(h) + 2 for h in ("regionen", "kommun")):
        return True
    rx = None
    for text in texts:
        if word not in text:  # the pattern holds the word as it is written
            continue
        rx = rx or re.compile(
            r"([\w’'-]+)\s+"
            + re.escape(word)
            + r"(?![\w-])|(?<![\w-])"
            + re.escape(word)
            + r"[’']?s?\s+([\w’'-]+)"
        )
        for m in rx.finditer(text):
            near = (m.group(1) or m.group(2) or "").lower()
            if near in heads:
                return True
    return False


@lru_cache(maxsize=1)
def _given() -> frozenset[str]:
    from coatlas.lang.names import given_names

    return frozenset(n.lower() for lang in LANGS for n in given_names(lang))


def _after_given_name(word: str, texts: Sequence[str]) -> bool:
    """Whether a text writes the word after a given name: a person's surname, which
    says who spoke or was pictured, not where a document is from."""
    rx = re.compile(r"([A-ZÅÄÖ][a-zåäöéü]+)\s+" + re.escape(word) + r"(?![\w-])")
    return any(m.group(1).lower() in _given() for t in texts for m in rx.finditer(t))


# "X, one of our volunteers", "X, en av våra volontärer", "X, who
# ...": an apposition that only a person's name takes
_PERSON_APPOSITION = r",\s+(?:one\s+of\s+(?:our|the|its|their)|en\s+av\s+(?:våra|de|dem)|who)\b"


def _person_apposition(word: str, texts: Sequence[str]) -> bool:
    """Whether a text gives the word a person's apposition: a name no list knows."""
    rx = re.compile(r"(?<![\w-])" + re.escape(word) + _PERSON_APPOSITION)
    return any(rx.search(t) for t in texts)


def _label(
    group: list[str],
    contexts: dict[str, frozenset[str]],
    dmap: dict[str, Any],
    own: frozenset[str] = frozenset(),
) -> str:
    """Where a piece is from: the group's most widespread distinctive word, an
    organisation's name or acronym first, as the documents write it; the first
    document's file name when the group has none. Never a word of the initiative's own
    name (``own``): "Advisory Group – Advisory" says nothing about where it is from."""
    from coatlas.lang.names import surnames

    people = {n.lower() for lang in LANGS for n in surnames(lang)}
    count: dict[str, int] = defaultdict(int)
    for p in group:
        for w in contexts.get(p, ()):
            if w not in people and w not in own:
                count[w] += 1
    surface: dict[str, str] = {}
    times: dict[str, int] = defaultdict(int)
    for w in sorted(count):
        rx = re.compile(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", re.IGNORECASE)
        for p in group:
            for m in rx.finditer(dmap[p].text):
                # as the documents capitalise it, not as an address writes it
                if w not in surface or (m.group()[:1].isupper() and not surface[w][:1].isupper()):
                    surface[w] = m.group()
                times[w] += 1
    texts = [dmap[p].text for p in group]
    # a surname says who spoke or was pictured ("Sara Afzelius"), not where from
    ranked = sorted(
        (
            w
            for w in count
            if not _after_given_name(surface.get(w, w), texts)
            and not _person_apposition(surface.get(w, w), texts)
        ),
        key=lambda w: (
            not _org_like(surface.get(w, w), texts),
            -count[w],
            -times[w],
            w,
        ),
    )
    if not ranked:
        return group[0].replace("\\", "/").rsplit("/", 1)[-1]
    label = surface.get(ranked[0], ranked[0])
    # a proper word the documents write only inflected ("Skaraborgs") or in an address
    return label[:1].upper() + label[1:]


def split_by_context(
    ents: list[Entity],
    docs: Sequence[Any],
    confident: set[int] | None = None,
    words: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] | None = None,
    engine: Any = None,
) -> list[Entity]:
    """Entities split where their documents belong to unconnected contexts; each piece
    of a confident entity is confident too (``confident`` holds ids, updated here).
    ``words``: ``document_words`` by path where the per-document stage found them.
    ``engine``: each entity's groups and their labels depend on it and the corpus
    alone, so a local pool works them out in chunks (``engine.shared_map``), in order."""
    if len(docs) < 3:
        return ents
    # the names of initiatives are what is being told apart, not where a document is from
    names = set().union(*(_name_words(e) for e in ents)) if ents else set()
    # ... but a place or organisation an initiative is named after ("X–Y Exchange" beside
    # "Region X") still says where a document is from
    names -= _organisation_words(docs, names)
    contexts = {p: ws - names for p, ws in document_contexts(docs, words).items()}
    neighbours: dict[str, list[str]] = defaultdict(list)
    for p, ws in sorted(contexts.items()):
        for w in ws:
            neighbours[w].append(p)
    dmap = {d.path: d for d in docs}
    from coatlas.directed.step2 import _chunks
    from coatlas.engine import shared_map

    several = [i for i, e in enumerate(ents) if len(e.documents) > 1]
    weights = [len(ents[i].documents) for i in several]
    parts = [[several[j] for j in p] for p in _chunks(weights, getattr(engine, "workers", 1) * 4)]
    state = (ents, contexts, neighbours, dmap)
    labelled: dict[int, list[tuple[list[str], str]]] = {}
    for part, found in zip(parts, shared_map(engine, _split_chunk, state, parts), strict=True):
        labelled.update(zip(part, found, strict=True))
    out: list[Entity] = []
    for i, ent in enumerate(ents):
        pieces = labelled.get(i, [])
        if len(pieces) < 2:
            out.append(ent)
            continue
        for g, label in pieces:
            gs = set(g)
            mentions = [m for m in ent.mentions if m.document in gs]
            keys = [k for k in ent.keys if any(m.key == k for m in mentions)] or list(ent.keys)
            links = [lk for lk in ent.links if lk.document in gs]
            piece = replace(ent, keys=keys, mentions=mentions, links=links, context=label)
            if confident is not None and id(ent) in confident:
                confident.add(id(piece))
            out.append(piece)
    return out


def _split_chunk(state: tuple[Any, ...], part: list[int]) -> list[list[tuple[list[str], str]]]:
    """For ``split_by_context``: the document groups of each entity at ``part`` with
    their labels (none when it stays whole)."""
    ents, contexts, neighbours, dmap = state
    out: list[list[tuple[list[str], str]]] = []
    for i in part:
        groups = document_groups(ents[i], contexts, neighbours)
        own = frozenset(_name_words(ents[i]))
        out.append(
            [(g, _label(g, contexts, dmap, own)) for g in groups] if len(groups) >= 2 else []
        )
    return out
