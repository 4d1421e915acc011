"""Step 1b: group name mentions across documents and languages into entities.

Two mentions denote one initiative when their normalised keys agree, when a
document says so (parenthesis, "renamed", "formerly", a dash gloss), when one
name is a longer form of the other ("diabetes X circle" / "X circle"), when a
Swedish compound glosses word-by-word to an English name, or — with an
embedder — when the two names are each other's clear nearest neighbour
across languages.  Thresholds for embeddings are relative to the corpus
(margin over the runner-up), never absolute.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from coatlas.directed.lexicon import lexicons
from coatlas.directed.mentions import Link, Mention, norm_key
from coatlas.directed.phrases import is_type_word


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # deterministic: the lexicographically smaller root wins
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


@dataclass
class Entity:
    keys: list[str]
    mentions: list[Mention]
    links: list[Link] = field(default_factory=list)
    display: str | None = None  # set when two entities were joined ("<role> in <programme>")
    context: str | None = None  # where a piece of a split generic name is from (contexts.py)

    @property
    def documents(self) -> list[str]:
        return sorted({m.document for m in self.mentions})

    @property
    def kind(self) -> str:
        kinds = Counter(m.kind for m in self.mentions if m.kind not in ("initiative", "project"))
        if kinds:
            return sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        kinds = Counter(m.kind for m in self.mentions)
        return sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    @property
    def role(self) -> bool:
        return sum(m.role for m in self.mentions) * 2 > len(self.mentions)

    def surfaces(self) -> list[str]:
        return sorted({m.surface for m in self.mentions})


# ----------------------------------------------------------------- gloss (sv->en)


@lru_cache(maxsize=4096)
def gloss_sv(key: str) -> str | None:
    """Word-by-word English gloss of a Swedish key, splitting compounds on the
    generic lexicon (with Swedish linking -s-); None when a part is unknown."""
    sv = lexicons()["sv"]
    g = sv.gloss
    out: list[str] = []
    for tok in key.split():
        if tok in sv.stopwords:
            continue  # "i", "för": the English rendering has its own ("in", "for")
        # "tolk- och lotsrådet": the first part of an elided compound is a word
        tok = tok.rstrip("-‐") or tok
        parts = _split(tok, g)
        if parts is None:
            # a definite form of a compound of known words ("anhörigrådet", "sjukhuset")
            parts = next(
                (
                    p
                    for suf in _DEFINITE
                    if tok.endswith(suf) and len(tok) - len(suf) >= 4
                    for p in [_split(tok[: -len(suf)], g)]
                    if p is not None
                ),
                None,
            )
        if parts is None:
            if tok.isascii() and len(tok) <= 5 and tok.isalpha():
                out.append(tok)  # acronyms / loan words pass through
                continue
            return None
        out.extend(parts)
    return " ".join(out)


_DEFINITE = ("erna", "arna", "orna", "en", "et", "na", "n", "t")


def _split(tok: str, g: dict[str, str]) -> list[str] | None:
    best: list[list[str] | None] = [None] * (len(tok) + 1)
    best[0] = []
    for i in range(len(tok)):
        if best[i] is None:
            continue
        for j in range(i + 2, len(tok) + 1):
            piece = tok[i:j]
            cand = None
            if piece in g:
                cand = g[piece]
            elif piece.endswith("s") and piece[:-1] in g and j < len(tok):
                cand = g[piece[:-1]]
            if cand is not None:
                new = best[i] + [cand]
                if best[j] is None or len(new) < len(best[j]):
                    best[j] = new
    return best[len(tok)]


def _bag(s: str) -> tuple[str, ...]:
    """An English name's content words, singular: what a Swedish name's gloss is
    compared with (function words differ between a name and its rendering)."""
    lex = lexicons()["en"]
    toks = []
    for t in re.sub(r"[-]", " ", s).split():
        if t in lex.stopwords:
            continue
        if t in lex.heads:
            t = lex.heads[t].lemma
        elif len(t) > 4 and t.endswith("s") and not t.endswith("ss"):
            t = t[:-1]
        toks.append(_bag_synonyms().get(t, t))
    return tuple(sorted(toks))


@lru_cache(maxsize=1)
def _bag_synonyms() -> dict[str, str]:
    """English words a Swedish gloss renders otherwise (lang data ``gloss_synonyms``:
    "college" for what Swedish calls a "skola")."""
    raw = lexicons()["en"].raw.get("gloss_synonyms") or {}
    return {str(k).lower(): str(v).lower() for k, v in raw.items()}


# ------------------------------------------------------------------- resolver


def _name_lang(m: Mention) -> str:
    if m.lang in ("sv", "en"):
        return m.lang
    if re.search(r"[åäöÅÄÖ]", m.surface):
        return "sv"
    return "und"


_DASH_LEAD = re.compile(r"(?i:the\s+|den\s+|det\s+)?[^\W\d_]+–[^\W\d_]+\s")


def resolve(
    mentions: list[Mention],
    links: list[Link],
    *,
    keep_key=None,
) -> list[Entity]:
    """Group mentions into entities.  ``keep_key(key) -> bool`` limits which
    keys take part in the fuzzy (containment/gloss/embedding) merges so that
    noise cannot glue two real initiatives together."""
    uf = UnionFind()
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[m.key].append(m)
        uf.find(m.key)
    keys = sorted(by_key)
    for lk in sorted(links, key=lambda x: (x.a, x.b, x.reason, x.document, x.start)):
        if lk.a in by_key and lk.b in by_key:
            uf.union(lk.a, lk.b)
    fuzzy = [k for k in keys if keep_key is None or keep_key(k)]
    for k in keys:  # genitive: "Xyz Abcs" ~ "Xyz Abc"
        if k.endswith("s") and k[:-1] in by_key:
            uf.union(k, k[:-1])
    # spacing variants: "peer worker" ~ "peerworker"
    nospace: dict[str, str] = {}
    for k in fuzzy:
        ns = k.replace(" ", "")
        if ns in nospace:
            uf.union(nospace[ns], k)
        else:
            nospace[ns] = k
    # containment: a >=2-word key that ends (or, for capitalised names, starts) another key;
    # a lead of two places' names an en dash joins counts as one word ("X–Y Exchange")
    dash_lead = {k for k in fuzzy if any(_DASH_LEAD.match(m.surface) for m in by_key[k])}
    for a in fuzzy:
        ta = a.split()
        for b in fuzzy:
            if a == b:
                continue
            tb = b.split()
            if len(tb) <= len(ta):
                continue
            extra = len(tb) - len(ta) - (b in dash_lead)
            if len(ta) >= 2 and tb[-len(ta) :] == ta and extra <= 1:
                uf.union(a, b)
            elif (
                len(ta) >= 3
                and len(tb) == len(ta) + 1
                and any(tb[:i] + tb[i + 1 :] == ta for i in range(1, len(tb) - 1))
            ):
                uf.union(a, b)  # a short form without one inner word ("X Y Z" ~ "X W Y Z")
            elif (
                tb[: len(ta)] == ta
                and all(any(m.surface.split()[-1].isupper() for m in by_key[b]) for _ in [0])
                and len(tb) - len(ta) == 1
                and len(tb[-1]) <= 5
            ):
                uf.union(a, b)  # "Xlabbet" ~ "Xlabbet ACR"
    # gloss: Swedish key glossed word by word equals an English key (as a bag of words)
    bags: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for k in keys:
        bags[_bag(k)].append(k)
    by_word: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for b in bags:
        for t in b:
            by_word[t].add(b)
    for k in keys:
        g = gloss_sv(k)
        if g and g != k:
            gb = _bag(g)
            for other in bags.get(gb, []):
                if other != k:
                    uf.union(k, other)
            # or the English name says one thing more ("anhörigrådet" ~ "Relatives'
            # Council for Dementia Care"): two content words or more in common
            if len(set(gb)) >= 2:
                near = set.intersection(*(by_word.get(t, set()) for t in set(gb)))
                for b in sorted(near):
                    if len(set(b) - set(gb)) == 1:
                        for other in bags[b]:
                            if other != k:
                                uf.union(k, other)
    # a genitive owner before a compound name is still the same name ("Akutens X-verkstad")
    for k in fuzzy:
        parts = k.split()
        if len(parts) == 2 and parts[0].endswith("s") and parts[1] in by_key and len(parts[1]) >= 8:
            uf.union(k, parts[1])
    # a compound built on another name is part of it ("Xcaféerna" of "X")
    sv_heads = sorted(lexicons()["sv"].heads, key=len, reverse=True)
    single = {k for k in fuzzy if " " not in k}
    for k in sorted(single):
        for form in sv_heads:
            if k.endswith(form) and len(k) > len(form) + 2:
                prefix = k[: len(k) - len(form)].rstrip("-")
                for p in (prefix, prefix[:-1] if prefix.endswith("s") else None):
                    if p and p != k and p in single and any(m.capitalised for m in by_key[p]):
                        uf.union(p, k)
                break
    # a role and the one-word programme built on it are one initiative
    # ("brukarambassadörer", "brukarambassadörsprogrammet"); only a role word leads,
    # so a kind ("dialog") is never joined to a name built on it ("Dialogrummet")
    # (the programme may be named once: any key, but a role that recurs)
    roles = sorted(k for k in single if all(m.role or m.kind == "role" for m in by_key[k]))
    cue_nouns = lexicons()["sv"].cue_nouns
    for k in (k for k in keys if " " not in k):
        for p in roles:
            tail = k[len(p) :].lstrip("-")
            # a Swedish compound may join its parts with an "s" ("-ambassadörsprogrammet")
            tails = (tail, tail[1:]) if tail.startswith("s") else (tail,)
            if (
                k != p
                and k.startswith(p)
                and len(tail) >= 4
                and any(is_type_word(t) or t in cue_nouns for t in tails)
            ):
                uf.union(p, k)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        groups[uf.find(k)].append(k)
    ents = []
    for root in sorted(groups):
        ks = sorted(groups[root])
        ms = sorted((m for k in ks for m in by_key[k]), key=Mention.sort_key)
        kset = set(ks)
        ls = [lk for lk in links if lk.a in kset or lk.b in kset]
        ents.append(Entity(ks, ms, ls))
    return ents


def split_compound(name: str) -> str:
    """Split each word of a Swedish name before a known head form, dropping a linking -s."""
    sv = lexicons()["sv"]
    forms = sorted(sv.heads, key=len, reverse=True)
    out = []
    for w in name.split():
        low = w.lower()
        for f in forms:
            pre = low[: len(low) - len(f)]
            if low.endswith(f) and len(pre) >= max(3, sv.min_prefix):
                if pre.endswith("s") and len(pre) > 4 and pre[-2] not in "aeiouyåäös":
                    pre = pre[:-1]
                w = pre.rstrip("-") + " " + low[len(low) - len(f) :]
                break
        out.append(w)
    return " ".join(out)


def _lang_of(ent: Entity) -> set[str]:
    return {m.lang if m.lang in ("sv", "en") else _name_lang(m) for m in ent.mentions} - {"und"}


def join_entities(e: Entity, o: Entity) -> Entity:
    """One entity from two found to name the same thing; `e`'s display wins."""
    return Entity(
        sorted(set(e.keys + o.keys)),
        sorted(e.mentions + o.mentions, key=Mention.sort_key),
        e.links + o.links,
        e.display or o.display,
    )


def merge_across_languages(
    ents: list[Entity],
    embedder,
    background: list[Entity] | None = None,
    z: float = 3.0,
    margin_min: float = 0.04,
    doc_lang: dict[str, str] | None = None,
    z_low: float = 2.3,
    margin_clear: float = 0.035,
) -> list[Entity]:
    """Join a Swedish-only and an English-only entity when their names are each
    other's nearest neighbour by a clear margin and far above the corpus's typical
    similarity (the model's cosines are compressed: thresholds are relative).

    ``z``: how many standard deviations above the median similarity of unrelated names
    a pair must be. Over the ten synthetic corpora and the real pages every right join
    was at z ≥ 3.5 and the one wrong one (a care-plan programme and a patient-safety
    role, sharing only the word "partner") at 2.7; 2.5 let it through. A pair whose
    margin over the runners-up is clearer (``margin_clear``) needs only ``z_low``: over
    seventeen corpora and the real pages, the renderings below z = 3 ("All the Way
    Home", a partnership named in full in Swedish and by its acronym in English) had
    margins of 0.036–0.044, and the nearest wrong pair 0.029.

    ``doc_lang``: document languages by path; a name in no language of its own
    ("Door to Door") is in its documents' language when they all share one."""
    if embedder is None:
        return ents

    def lang_of(e: Entity) -> set[str]:
        own = _lang_of(e)
        if own or not doc_lang:
            return own
        of_docs = {doc_lang.get(m.document, "und") for m in e.mentions}
        return of_docs if len(of_docs) == 1 and of_docs <= {"sv", "en"} else own

    # a Swedish entity may already carry an English gloss; an English-only one may still
    # be another rendering of it
    sv = [i for i, e in enumerate(ents) if "sv" in lang_of(e)]
    en = [i for i, e in enumerate(ents) if lang_of(e) == {"en"}]
    if len(sv) * len(en) < 4:
        return ents

    def rep(e: Entity, lang: str | None = None) -> str:
        ms = [m for m in e.mentions if lang is None or _name_lang(m) == lang] or e.mentions
        return sorted(Counter(m.surface for m in ms).items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    # the model reads a Swedish compound better split at its head ("x-samtal" -> "x samtal")
    a = np.asarray(embedder.embed([split_compound(rep(ents[i], "sv")) for i in sv]))
    b = np.asarray(embedder.embed([rep(ents[i]) for i in en]))
    sim = a @ b.T
    # typical similarity of unrelated names, from every candidate name of the corpus
    bg = [e for e in (background or ents) if lang_of(e) == {"en"}]
    bsim = a @ np.asarray(embedder.embed([rep(e) for e in bg])).T if bg else sim
    floor = float(np.median(bsim)) + z * float(np.std(bsim))
    low_floor = float(np.median(bsim)) + z_low * float(np.std(bsim))
    pairs: dict[int, int] = {}
    for r in range(sim.shape[0]):
        c = int(np.argmax(sim[r]))
        if int(np.argmax(sim[:, c])) != r:
            continue
        row = np.sort(sim[r])[::-1]
        col = np.sort(sim[:, c])[::-1]
        margin = min(
            row[0] - (row[1] if len(row) > 1 else 0.0), col[0] - (col[1] if len(col) > 1 else 0.0)
        )
        if (sim[r, c] >= floor and margin >= margin_min) or (
            sim[r, c] >= low_floor and margin >= margin_clear
        ):
            pairs[sv[r]] = en[c]
    if not pairs:
        return ents
    out: list[Entity] = []
    absorbed = set(pairs.values())
    for i, e in enumerate(ents):
        if i in absorbed:
            continue
        if i in pairs:
            e = join_entities(e, ents[pairs[i]])
        out.append(e)
    return out


@lru_cache(maxsize=1)
def _gloss_after() -> re.Pattern[str]:
    """A parenthesis right after a name (a word or two may come between), with an
    optional language lead from lang data ("in Swedish,", "på engelska:")."""
    lx = lexicons()
    leads = sorted(
        {str(w).lower() for lg in lx.values() for w in lg.raw.get("gloss_language_leads") or []},
        key=lambda w: (-len(w), w),
    )
    lead = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in leads) or "(?!)"
    return re.compile(
        r"(?:[ \t]+[\w-]+){0,2}?\s*\(\s*(?:(?P<lead>" + lead + r")\s*[,:]?\s*)?"
        r"(?P<gloss>[^()\n;,]{3,60}?)\s*\)",
        re.IGNORECASE,
    )


def join_glossed(ents: list[Entity], texts: dict[str, str]) -> list[Entity]:
    """A name followed by another language's name in parentheses ("experience advisers
    (erfarenhetsrådgivare)", "patient-booked admission (in Swedish, egenvald vårdplats)": a
    word or two may come between) is one initiative, when the other name is an entity of its own elsewhere. The mention
    stage links such glosses only when both are names in that document; a lowercase
    Swedish word there is not a name until other documents show it is."""
    owner: dict[str, int] = {}
    for i, e in enumerate(ents):
        for k in e.keys:
            owner.setdefault(k, i)
    uf = UnionFind()
    for i, e in enumerate(ents):
        for m in e.mentions:
            g = _gloss_after().match(texts[m.document], m.end, m.end + 90)
            if g is None:
                continue
            j = owner.get(norm_key(g.group("gloss")))
            # same language: the mention stage's parenthesis rule decides, unless the
            # text says the gloss is another language's ("(in Swedish, PIFU)": an acronym
            # has no language of its own)
            if j is None or j == i or not (g.group("lead") or _lang_of(e) ^ _lang_of(ents[j])):
                continue
            uf.union(str(min(i, j)), str(max(i, j)))
    groups: dict[str, list[int]] = defaultdict(list)
    for i in range(len(ents)):
        groups[uf.find(str(i))].append(i)
    out: list[Entity] = []
    for i, e in enumerate(ents):
        members = groups[uf.find(str(i))]
        if members[0] != i:
            continue
        for j in members[1:]:
            e = join_entities(e, ents[j])
        out.append(e)
    return out


_HOSTS = frozenset({"programme", "project", "initiative", "school", "collaborative"})
_ROLE_IN = re.compile(r"^\s+(?:in|i|on|på|within|inom|at)\s+$")
_WITH_ROLE = re.compile(r"^\s+(?:with|med)\s+(?:\w+\s+)?$")


def join_roles(ents: list[Entity], texts: dict[str, str], name_of) -> list[Entity]:
    """A lived-experience role inside a programme ("patient partners in the X
    course") is one initiative: the role in that programme."""
    by_doc: dict[str, list[tuple[Mention, int]]] = defaultdict(list)
    for i, e in enumerate(ents):
        for m in e.mentions:
            by_doc[m.document].append((m, i))
    pairs: Counter[tuple[int, int]] = Counter()
    for doc in sorted(by_doc):
        ms = sorted(by_doc[doc], key=lambda x: x[0].start)
        for (m1, i1), (m2, i2) in zip(ms, ms[1:], strict=False):
            if i1 == i2 or m1.sentence != m2.sentence:
                continue
            r, p = (i1, i2) if ents[i1].role and not ents[i2].role else (i2, i1)
            # only a role inside a programme/course; a panel or network is its own initiative
            if not ents[r].role or ents[p].role or ents[p].kind not in _HOSTS:
                continue
            between = texts[doc][m1.end : m2.start]
            if (r == i1 and _ROLE_IN.match(between)) or (r == i2 and _WITH_ROLE.match(between)):
                pairs[(r, p)] += 1
    merged: dict[int, int] = {}
    for (r, p), _n in sorted(pairs.items()):
        if r in merged or p in merged:
            continue
        merged[p] = r
    out = []
    for i, e in enumerate(ents):
        if i in merged:
            continue
        parts = [j for j, r in merged.items() if r == i]
        if parts:
            ms = sorted(
                e.mentions + [m for j in parts for m in ents[j].mentions], key=Mention.sort_key
            )
            ks = sorted(set(e.keys + [k for j in parts for k in ents[j].keys]))
            ls = e.links + [lk for j in parts for lk in ents[j].links]
            disp = name_of(e) + " in " + " / ".join(name_of(ents[j]) for j in sorted(parts))
            out.append(Entity(ks, ms, ls, disp))
        else:
            out.append(e)
    return out


_NAMED_BODIES = frozenset({"panel", "council", "network", "meeting_place", "circle"})


def apposition_links(mentions: list[Mention], texts: dict[str, str]) -> list[Link]:
    """A kind word right before a name names that name's kind ("the network X",
    Swedish "nätverket X", "Dialog: X", "ett seniorråd, X, ska"): the bare kind word, where the corpus gives it
    to one name only, refers to that name. Kept to one name so that two networks
    called by their kind are never glued together."""
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.document].append(m)
    names: dict[str, set[str]] = defaultdict(set)
    first: dict[tuple[str, str], Link] = {}
    for doc in sorted(by_doc):
        ms = sorted(by_doc[doc], key=Mention.sort_key)
        text = texts[doc]
        for m1, m2 in zip(ms, ms[1:], strict=False):
            kind_word = not m1.capitalised and is_type_word(m1.surface)
            # "Seniorrådet Gröna gången": a body's one-word compound, then its name
            body_word = "compound" in m1.cues and m1.kind in _NAMED_BODIES and " " in m2.surface
            if (
                " " in m1.surface
                or not (kind_word or body_word)
                or m1.key == m2.key
                or is_type_word(m2.surface.split()[-1])
                or not m2.surface[:1].isupper()
                or not (
                    re.fullmatch(r":?[ \t]{1,2}", text[m1.end : m2.start])
                    # "ett seniorråd, X, ska starta": an apposition closed by a comma
                    or (
                        re.fullmatch(r",[ \t]", text[m1.end : m2.start])
                        and text[m2.end : m2.end + 1] in (",", ")")
                    )
                )
            ):
                continue
            names[m1.key].add(m2.key)
            first.setdefault(
                (m1.key, m2.key), Link(m1.key, m2.key, "apposition", doc, m1.start, m2.end)
            )
    return [first[(k, next(iter(v)))] for k, v in sorted(names.items()) if len(v) == 1]
