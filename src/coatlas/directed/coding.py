"""Step 2 of directed content analysis: code what the texts say about one initiative.

Input: the text contexts about one initiative (``(Document, start, end)`` spans from
Step 1). Output: for each code of a codebook group, the sentences that support it
(Evidence), and the sentences that fit no code at all ("uncoded": Hsieh & Shannon's
candidates for a new category), never force-fitted.

Coders are small and swappable (``code(contexts, codebook) -> list[Coding]``):
``LexiconCoder`` finds manifest content through the codebook's vocabulary,
``EmbeddingCoder`` latent content through similarity to the codes' definitions and
examples, ``CombinedCoder`` runs several. ``aggregate`` turns sentence codings into an
initiative's code set, asking for enough support because precision matters more
than recall in a map that analysts will cite.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from coatlas.codebook import Codebook, lexicon, load_codebook
from coatlas.document import Document
from coatlas.embed import Embedder
from coatlas.evidence import Coding, Evidence, make_evidence
from coatlas.text.sentences import split_sentences

STRONG = 0.9  # a vocabulary term or pattern of the code in the sentence
CUE = 0.45  # a weak cue: needs a second source of support
ASSIGN_SINGLE = 0.85  # one sentence this strong assigns the code
ASSIGN_TOTAL = 1.3  # or this much support summed over distinct sentences ...
ASSIGN_SUPPORTED = 0.6  # ... one of which is more than a lone cue
# summed (not single-sentence) support must include some manifest (vocabulary)
# evidence: several middling semantic matches alone are too often generic talk
SUMMED_NEEDS_MANIFEST = True
REQUIRES_ELSEWHERE = 0.8  # a strong term whose required vocabulary is only in other contexts
FOLLOW = 0.75  # weight of a sentence near, but not naming, the initiative (same paragraph)
FAR = 0.45  # ... in another paragraph: often already about something else
HEADING = 120  # a mention paragraph shorter than this is a heading/question: the next one is "near"
# Within a sentence that names the initiative, vocabulary counts fully only near the
# name: a sentence that lists several initiatives ("from the X project (2012-16) to
# the Y service ...") must not give X's method to Y. Farther hits, or hits across a
# list boundary, weigh as a neighbouring sentence (FOLLOW).
NEAR = 100
_LIST_BOUNDARY = re.compile(
    # ";", a bullet, a line break (rows of a table or an action log that the sentence
    # splitter left together), a comma, or ") to"/") and" after a parenthesis (years,
    # an abbreviation): "from the X project (2012-16) to the Y service, Z plans and ..."
    r"[;•\n]|\)\s*(?i:\b(?:to|and|or|och|till|samt|eller)\b)"
    r"|,",
    re.DOTALL,
)


# ----------------------------------------------------------------------------- contexts
@dataclass(frozen=True, slots=True)
class Context:
    """Text about one initiative.

    ``mentions``: spans (offsets into ``document.text``) naming the initiative. When
    given, sentences without a mention weigh less (``FOLLOW`` in the same paragraph or
    right after a heading/question naming it, ``FAR`` beyond). Leave ``mentions``
    empty when the whole span is about the initiative (a page or section named after
    it): then every sentence weighs 1.
    """

    document: Document
    start: int
    end: int
    mentions: tuple[tuple[int, int], ...] = ()
    # spans naming *other* initiatives: a sentence naming one of them and not this one is
    # about that one; groups with ``skip_other_initiatives`` ignore its codings
    others: tuple[tuple[int, int], ...] = ()
    # the context is a document named after the initiative: a sentence that does not name
    # it still weighs at least FOLLOW, wherever it stands
    about: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    document: Document
    start: int
    end: int
    contexts: tuple[int, ...]  # which input contexts contain it
    anchor: bool = True  # names the initiative (or no mention spans were given)
    weight: float = 1.0  # 1 for anchors, FOLLOW near a mention, FAR in a later paragraph
    mentions: tuple[tuple[int, int], ...] = ()  # mention spans inside this sentence

    def weight_at(self, start: int, end: int) -> float:
        """Weight of a hit at ``start:end``: full near a mention of the initiative in
        this sentence, FOLLOW when far from it or across a list boundary."""
        if not self.mentions:
            return self.weight
        text = self.document.text
        for ms, me in self.mentions:
            a, b = (me, start) if ms < start else (end, ms)
            if b - a <= NEAR and not _LIST_BOUNDARY.search(text, max(a, 0), max(a, b)):
                return self.weight
        # in an enumeration the other items are about other initiatives
        return min(self.weight, FAR if self.listing else FOLLOW)

    @property
    def listing(self) -> bool:
        """A sentence naming the initiative inside an enumeration (three or more list
        boundaries): its overall meaning is not about this initiative alone."""
        if not self.mentions:
            return False
        return len(_LIST_BOUNDARY.findall(self.document.text, self.start, self.end)) >= 3

    @property
    def key(self) -> str:
        return f"{self.document.path}#{self.start}-{self.end}"

    @property
    def text(self) -> str:
        return self.document.text[self.start : self.end]


def _as_context(ctx: Any) -> Context:
    if isinstance(ctx, Context):
        return ctx
    if isinstance(ctx, tuple | list):
        ments = tuple((int(a), int(b)) for a, b in ctx[3]) if len(ctx) > 3 else ()
        return Context(ctx[0], int(ctx[1]), int(ctx[2]), ments)
    ments = tuple((int(a), int(b)) for a, b in getattr(ctx, "mentions", ()))
    others = tuple((int(a), int(b)) for a, b in getattr(ctx, "others", ()))
    return Context(ctx.document, int(ctx.start), int(ctx.end), ments, others)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


_WORDS = re.compile(r"[^\W\d_]{2,}")


def _is_title(text: str, s: int, e: int) -> bool:
    """A short line of its own without closing punctuation: a heading or a label."""
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:s].strip() or text[e:line_end].strip():
        return False  # shares its line with other text
    body = text[s:e].strip()
    return len(body) < HEADING and not body.endswith((".", "!", "?", "…", '"', "”"))


def _paragraph_index(doc: Document, pos: int) -> int:
    for i, p in enumerate(doc.paragraphs):
        if p.start <= pos < p.end:
            return i
    return -1


def _weight(doc: Document, s: int, e: int, mentions: tuple[tuple[int, int], ...]) -> float:
    """How closely a sentence belongs to the mentions of its context."""
    if not mentions or any(ms < e and s < me for ms, me in mentions):
        return 1.0
    if _is_title(doc.text, s, e):
        # a heading or label line that does not name the initiative starts another
        # topic ("3.2 Self-care", "Interviewee: ..., founder of ...")
        return FAR
    if not doc.paragraphs:
        return FOLLOW
    here = _paragraph_index(doc, s)
    for ms, _ in mentions:
        pi = _paragraph_index(doc, ms)
        if pi == here:
            return FOLLOW
        if pi >= 0 and here == pi + 1:
            par = doc.paragraphs[pi]
            if par.end - par.start < HEADING:
                return FOLLOW
    return FAR


@lru_cache(maxsize=4)
def _about_anaphora(lang: str) -> re.Pattern[str] | None:
    """A definite noun for an initiative as a whole ("the programme", "projektet"),
    lang data ``about_anaphora``, not followed by a word that makes it a modifier
    ("the project group")."""
    from coatlas.directed.lexicon import LANGS, load_lexicon

    if lang not in LANGS:
        return None
    words = sorted({str(w).lower() for w in load_lexicon(lang).raw.get("about_anaphora") or []})
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    det = r"(?:the|this|our)\s+" if lang == "en" else ""
    return re.compile(
        r"(?i)(?<![\w-])" + det + r"(?:" + alt + r")(?![\w-])(?!\s+(?:group|team|board|"
        r"lead|manager|leader|coordinator|officer|plan|report|meeting|meetings|"
        r"grupp|gruppen|ledare|plan|rapport)\b)"
    )


def _anaphor_in(doc: Document, s: int, e: int) -> tuple[int, int] | None:
    """The first definite noun for the initiative in ``doc.text[s:e]``, if any."""
    rx = _about_anaphora(doc.language or "")
    m = rx.search(doc.text, s, e) if rx is not None else None
    return (m.start(), m.end()) if m else None


def sentences_of(contexts: Sequence[Any]) -> list[Sentence]:
    """The unique sentences inside the contexts, in document order (deterministic).

    In a document named after the initiative, a sentence that names no other
    initiative and refers to "the programme" / "projektet" is about it, as if it
    named it: the anaphor counts as a mention (a method sentence there says "The
    programme was planned with three patients …", rarely the name again)."""
    found: dict[tuple[str, int, int], tuple[Document, set[int], list[float], set]] = {}
    for ci, raw in enumerate(contexts):
        ctx = _as_context(raw)
        doc, cs, ce = ctx.document, ctx.start, ctx.end
        cs, ce = max(0, cs), min(len(doc.text), ce)
        spans = [
            (max(s.start, cs), min(s.end, ce)) for s in doc.sentences if s.end > cs and s.start < ce
        ]
        if not spans:
            spans = split_sentences(doc.text, cs, ce)
        for s, e in spans:
            s, e = _trim(doc.text, s, e)
            if e - s < 3:
                continue
            entry = found.setdefault((doc.path, s, e), (doc, set(), [0.0], set()))
            entry[1].add(ci)
            w = _weight(doc, s, e, ctx.mentions)
            # the whole sentence is about it: no other initiative is named there for a
            # comma to separate it from
            if (
                ctx.about
                and w < 1.0
                and not any(a < e and s < b for a, b in ctx.others)
                and _anaphor_in(doc, s, e) is not None
            ):
                w = 1.0
            entry[2][0] = max(entry[2][0], max(w, FOLLOW) if ctx.about else w)
            entry[3].update((ms, me) for ms, me in ctx.mentions if ms < e and s < me)
    return [
        Sentence(doc, s, e, tuple(sorted(cis)), w[0] >= 1.0, w[0], tuple(sorted(ms)))
        for (_, s, e), (doc, cis, w, ms) in sorted(found.items(), key=lambda kv: kv[0])
    ]


# ------------------------------------------------------------------------------- coders
class Coder(Protocol):
    name: str

    def code(self, contexts: Sequence[Any], codebook: Codebook) -> list[Coding]: ...


def _coding(sent: Sentence, code: str, source: str, conf: float) -> Coding:
    ev = make_evidence(sent.document.text, sent.document.path, sent.start, sent.end, source, conf)
    return Coding(sent.key, code, ev)


def _requirements_met(
    codebook: Codebook, sentences: list[Sentence], hits: list[set[str]]
) -> dict[str, set[int]]:
    """For each group/code id, the contexts in which its vocabulary occurs."""
    group_of = {c.id: g.id for g in codebook.groups for c in g.codes}
    present: dict[str, set[int]] = {}
    for sent, codes in zip(sentences, hits, strict=True):
        for c in codes:
            for key in (c, group_of[c]):
                present.setdefault(key, set()).update(sent.contexts)
    return present


def _met_here(
    codebook: Codebook,
    code: Any,
    sent: Sentence,
    sent_hits: dict[str, float],
    present: dict[str, set[int]],
) -> bool:
    """Whether ``code.requires`` is met for this sentence, in its group's scope."""
    if codebook.group(codebook.group_of(code.id)).requires_scope == "sentence":
        here = set(sent_hits) | {codebook.group_of(c) for c in sent_hits}
        return any(r in here for r in code.requires)
    return any(set(sent.contexts) & present.get(r, set()) for r in code.requires)


class LexiconCoder:
    """Manifest coding: the codebook's vocabulary, lemma- and compound-aware, with exclusions.

    A term or pattern is strong evidence, a cue weak evidence. An exclusion that
    overlaps a hit cancels that hit; an exclusion elsewhere in the sentence cancels
    the code for that sentence. A code with ``requires`` counts only in contexts
    where the required vocabulary (e.g. persons with patient experience) occurs.
    """

    name = "lexicon"

    def _scan(
        self, codebook: Codebook, sentences: list[Sentence]
    ) -> tuple[list[dict[str, float]], list[set[str]], list[set[str]]]:
        """Per sentence: best hit support per code (strength x weight of the hit's
        position, after exclusions), the vetoed codes, and the codes hit near a
        mention of the initiative (full weight)."""
        lx = lexicon(codebook)
        out: list[dict[str, float]] = []
        all_vetoed: list[set[str]] = []
        all_near: list[set[str]] = []
        for sent in sentences:
            ms = lx.find(sent.document.text, sent.start, sent.end)
            excl = [m for m in ms if m.kind == "exclude"]
            best: dict[str, float] = {}
            vetoed: set[str] = set()
            near: set[str] = set()
            for m in ms:
                if m.kind == "exclude":
                    continue
                same = [x for x in excl if x.code == m.code]
                if any(x.start < m.end and m.start < x.end for x in same):
                    continue
                w = sent.weight_at(m.start, m.end)
                if w >= 1.0:
                    near.add(m.code)
                conf = (CUE if m.kind == "cue" else STRONG) * w
                best[m.code] = max(best.get(m.code, 0.0), conf)
            for x in excl:
                overl = any(
                    m.code == x.code and m.kind != "exclude" and m.start < x.end and x.start < m.end
                    for m in ms
                )
                if not overl:
                    vetoed.add(x.code)
            out.append({c: v for c, v in best.items() if c not in vetoed})
            all_vetoed.append(vetoed)
            all_near.append(near)
        return out, all_vetoed, all_near

    def code(self, contexts: Sequence[Any], codebook: Codebook) -> list[Coding]:
        sentences = sentences_of(contexts)
        hits, _, near = self._scan(codebook, sentences)
        present = _requirements_met(codebook, sentences, [set(h) for h in hits])
        out: list[Coding] = []
        coding_groups = {g.id for g in codebook.groups if g.coding}
        for i, (sent, h) in enumerate(zip(sentences, hits, strict=True)):
            for code_id in sorted(h):
                code = codebook.code(code_id)
                gid = codebook.group_of(code_id)
                if gid not in coding_groups:
                    continue
                if code.requires and not _met_here(codebook, code, sent, hits[i], present):
                    # a strong term still counts when the required participants appear
                    # elsewhere (an interview answer that only says "it was
                    # experience-based co-design"), at reduced weight; for sentence-scope
                    # groups "elsewhere" means the same context
                    around = (
                        [set(sent.contexts) & present.get(r, set()) for r in code.requires]
                        if codebook.group(gid).requires_scope == "sentence"
                        else [present.get(r, set()) for r in code.requires]
                    )
                    if h[code_id] < STRONG * sent.weight or not any(around):
                        continue
                    h = {**h, code_id: h[code_id] * REQUIRES_ELSEWHERE}
                conf = h[code_id]
                if code_id not in near[i]:
                    conf *= codebook.group(gid).context_weight
                conf = round(conf, 4)
                out.append(_coding(sent, code_id, f"rule:{codebook.name}.{code_id}.lexicon", conf))
        return _sorted(out)


_PROTO_CACHE: dict[tuple[str, str], tuple[list[str], np.ndarray, np.ndarray]] = {}


class EmbeddingCoder:
    """Latent coding: a sentence's similarity to each code's definition and examples.

    e5 cosine scores are compressed (unrelated ~0.76), so nothing uses an absolute
    cut. A sentence gets a code only when (a) that code is its nearest code, ahead of
    the runner-up by ``gap``, (b) it is nearer to the code than to the codebook's
    background sentences by ``margin``, and (c) the code stands out from the other
    codes of the group by ``z`` standard deviations. Confidence grows with all three.
    The code's exclusions and ``requires`` apply as for the lexicon. Prototype
    embeddings are cached per codebook digest and embedder.
    """

    def __init__(
        self, embedder: Embedder, margin: float = 0.02, z: float = 1.8, gap: float = 0.005
    ) -> None:
        self.embedder = embedder
        self.name = f"embedding:{embedder.name}"
        self.margin = margin
        self.z = z
        self.gap = gap

    def _prototypes(self, codebook: Codebook) -> tuple[list[str], np.ndarray, np.ndarray]:
        key = (codebook.digest, self.embedder.name)
        if key not in _PROTO_CACHE:
            owners: list[str] = []
            texts: list[str] = []
            for g in codebook.groups:
                if not (g.coding and g.semantic):
                    continue
                for c in g.codes:
                    protos = [c.definition.strip(), *codebook.examples(c.id)]
                    owners.extend([c.id] * len(protos))
                    texts.extend(protos)
            bg = [s for lg in sorted(codebook.background) for s in codebook.background[lg]]
            vecs = self.embedder.embed(texts) if texts else np.zeros((0, 384), np.float32)
            bvecs = (
                self.embedder.embed(bg)
                if bg
                else np.zeros((0, vecs.shape[1] if len(vecs) else 384), np.float32)
            )
            _PROTO_CACHE[key] = (
                owners,
                np.asarray(vecs, np.float32),
                np.asarray(bvecs, np.float32),
            )
        return _PROTO_CACHE[key]

    def vectors(self, contexts: Sequence[Any], codebook: Codebook) -> dict[str, np.ndarray]:
        """The sentence vectors ``code(contexts, codebook)`` will ask the embedder for,
        by text, asked for here in the same calls and order (the prototypes first), so a
        process without the embedder can code with ``LookupEmbedder`` and a cache fills
        as it would have (``step2.code_initiatives``)."""
        owners, _, _ = self._prototypes(codebook)
        texts = [s.text for s in sentences_of(contexts)]
        if not texts or not owners:
            return {}
        vecs = np.asarray(self.embedder.embed(texts), np.float32)
        return dict(zip(texts, vecs, strict=True))

    def scores(self, sentences: list[Sentence], codebook: Codebook) -> dict[str, np.ndarray]:
        """Per semantic group, (n_sentences, n_codes) code score minus background score."""
        owners, pvecs, bvecs = self._prototypes(codebook)
        if not sentences or not owners:
            return {}
        svecs = np.asarray(self.embedder.embed([s.text for s in sentences]), np.float32)
        sims = svecs @ pvecs.T
        bg = (svecs @ bvecs.T).max(axis=1) if len(bvecs) else np.zeros(len(sentences), np.float32)
        out: dict[str, np.ndarray] = {}
        for g in codebook.groups:
            if not (g.coding and g.semantic):
                continue
            cols = []
            for c in g.codes:
                idx = [i for i, o in enumerate(owners) if o == c.id]
                sub = np.sort(sims[:, idx], axis=1)
                cols.append(sub[:, -2:].mean(axis=1) if len(idx) > 1 else sub[:, -1])
            out[g.id] = np.stack(cols, axis=1) - bg[:, None]
        return out

    def code(self, contexts: Sequence[Any], codebook: Codebook) -> list[Coding]:
        sentences = sentences_of(contexts)
        rel = self.scores(sentences, codebook)
        hits, vetoes, _ = LexiconCoder()._scan(codebook, sentences)
        present = _requirements_met(codebook, sentences, [set(h) for h in hits])
        out: list[Coding] = []
        for gid, mat in sorted(rel.items()):
            codes = codebook.codes(gid)
            if len(codes) < 2:
                continue
            mu = mat.mean(axis=1, keepdims=True)
            sd = mat.std(axis=1, keepdims=True) + 1e-6
            zs = (mat - mu) / sd
            for i, sent in enumerate(sentences):
                order = np.argsort(-mat[i], kind="stable")
                j = int(order[0])
                gap = float(mat[i, j] - mat[i, int(order[1])])
                if mat[i, j] < self.margin or zs[i, j] < self.z or gap < self.gap:
                    continue
                code = codes[j]
                if code.id in vetoes[i]:
                    continue
                if code.requires and not _met_here(codebook, code, sent, hits[i], present):
                    continue
                conf = (
                    0.3
                    + 0.25 * float(zs[i, j] - self.z)
                    + 4.0 * float(mat[i, j] - self.margin)
                    + 5.0 * (gap - self.gap)
                )
                conf = min(0.85, max(0.15, conf)) * sent.weight
                if sent.listing:
                    conf = min(conf, min(0.85, max(0.15, conf)) * FOLLOW)
                if not sent.anchor:
                    conf *= codebook.group(gid).context_weight
                out.append(_coding(sent, code.id, f"model:{self.embedder.name}", round(conf, 4)))
        return _sorted(out)


@dataclass
class CombinedCoder:
    """Runs several coders and pools their codings (each keeps its own source)."""

    coders: list[Any] = field(default_factory=list)
    name: str = "combined"

    def code(self, contexts: Sequence[Any], codebook: Codebook) -> list[Coding]:
        out: list[Coding] = []
        for c in self.coders:
            out.extend(c.code(contexts, codebook))
        return _sorted(out)


def _sorted(codings: Iterable[Coding]) -> list[Coding]:
    return sorted(
        codings,
        key=lambda c: (
            c.evidence.document,
            c.evidence.start,
            c.evidence.end,
            c.code,
            c.evidence.source,
        ),
    )


# --------------------------------------------------------------------------- aggregation
@dataclass
class CodeResult:
    """An initiative's codes in one group, each with the sentences that support it."""

    codebook: str
    digest: str
    group: str
    codes: dict[str, list[Evidence]]  # assigned codes only, in codebook order
    scores: dict[str, float]  # support of every code of the group, assigned or not
    uncoded: list[Evidence]  # sentences that fit no code of any coding group
    # what the evidence of each code looked like (code_features): for fitting an assigner
    features: dict[str, dict[str, float]] = field(default_factory=dict, repr=False)

    @property
    def assigned(self) -> list[str]:
        return list(self.codes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "codebook": self.codebook,
            "digest": self.digest,
            "group": self.group,
            "codes": {c: [e.to_dict() for e in evs] for c, evs in self.codes.items()},
            "scores": {c: round(v, 4) for c, v in self.scores.items()},
            "uncoded": [e.to_dict() for e in self.uncoded],
        }


def _support(codings: list[Coding]) -> tuple[float, float, dict[str, list[Evidence]]]:
    """Per sentence: pool sources as independent evidence; return (max, sum, evidence by sentence)."""
    by_sent: dict[str, list[Evidence]] = {}
    for c in codings:
        by_sent.setdefault(c.target, []).append(c.evidence)
    per = []
    for evs in by_sent.values():
        best_by_source: dict[str, float] = {}
        for e in evs:
            kind = e.source.split(":", 1)[0]
            best_by_source[kind] = max(best_by_source.get(kind, 0.0), e.confidence)
        p = 1.0
        for v in best_by_source.values():
            p *= 1.0 - v
        per.append(1.0 - p)
    return (max(per) if per else 0.0), float(sum(per)), by_sent


def code_features(
    codings: list[Coding],
    codebook: Codebook,
    group: str,
    sentences: Sequence[Sentence] | None = None,
) -> dict[str, dict[str, float]]:
    """What the evidence for each code of a group looks like, as named numbers: what a
    learned assigner decides on (the rules decide on the same support).

    With the initiative's ``sentences``, also where the evidence stands: in sentences
    that name the initiative, in how many documents, in what share of all it says.
    """
    sent_of = {s.key: s for s in sentences or ()}
    n_sents = len(sent_of)
    support = {
        c.id: _support([x for x in codings if x.code == c.id]) for c in codebook.codes(group)
    }
    totals = sorted((t for _, t, _ in support.values()), reverse=True)
    top = totals[0] if totals else 0.0
    out: dict[str, dict[str, float]] = {}
    for code in codebook.codes(group):
        mx, total, by_sent = support[code.id]
        evs = [e for lst in by_sent.values() for e in lst]
        rule = [e.confidence for e in evs if e.source.startswith("rule:")]
        model = [e.confidence for e in evs if e.source.startswith("model:")]
        f = {
            "max": mx,
            "total": min(total, 5.0),
            "sentences": math.log1p(len(by_sent)),
            "rule_max": max(rule, default=0.0),
            "model_max": max(model, default=0.0),
            "share": total / top if top else 0.0,
            "best": float(total > 0 and total == top),
            "any": float(total > 0),
        }
        if sent_of:
            named = [
                e.confidence
                for k, lst in by_sent.items()
                if k in sent_of and sent_of[k].anchor
                for e in lst
            ]
            f["named_max"] = max(named, default=0.0)
            f["documents"] = math.log1p(len({e.document for e in evs}))
            f["density"] = len(by_sent) / n_sents
        f["code=" + code.id] = 1.0
        out[code.id] = f
    if sent_of:
        # analysts give codes together (self-management with person-centred care): each
        # code sees which code has the most evidence, and whether its own
        # evidence names the initiative, through features of its own
        for cid, f in out.items():
            own = "code=" + cid
            f[own + "*named_max"] = f["named_max"]
            for other, g in out.items():
                if other != cid:
                    f[f"{own}*with={other}"] = g["best"]
    return out


def _assign(
    codings: list[Coding],
    codebook: Codebook,
    group: str,
    fallback: bool = True,
    assigner: Any = None,
    sentences: Sequence[Sentence] | None = None,
) -> tuple[dict[str, list[Evidence]], dict[str, float]]:
    """Evidence-based assignment: one strong sentence or enough summed support,
    and (for relative groups) enough of the best code's support. An ``assigner``
    (``LearnedAssigner``) decides from ``code_features`` instead of the thresholds."""
    codes: dict[str, list[Evidence]] = {}
    scores: dict[str, float] = {}
    support = {}
    for code in codebook.codes(group):
        support[code.id] = _support([c for c in codings if c.code == code.id])
    top = max((t for _, t, _ in support.values()), default=0.0)
    share = codebook.group(group).min_share
    chosen = (
        assigner.assign(group, code_features(codings, codebook, group, sentences))
        if assigner is not None and assigner.covers(group)
        else None
    )
    for code in codebook.codes(group):
        mx, total, by_sent = support[code.id]
        scores[code.id] = round(min(1.0, max(mx, total / 2)), 4)
        manifest = any(e.source.startswith("rule:") for lst in by_sent.values() for e in lst)
        summed = total >= ASSIGN_TOTAL and mx >= ASSIGN_SUPPORTED
        if SUMMED_NEEDS_MANIFEST:
            summed = summed and manifest
        single = codebook.group(group).assign_single
        strong_enough = mx >= (ASSIGN_SINGLE if single is None else single) or summed
        if chosen is not None:
            if code.id in chosen and by_sent:
                codes[code.id] = [e for lst in by_sent.values() for e in lst]
        elif strong_enough and total >= share * top:
            codes[code.id] = [e for lst in by_sent.values() for e in lst]
    if fallback and not codes and codebook.group(group).at_least_one and top > 0:
        # codebook order breaks ties, so the choice is deterministic
        best = max(codebook.codes(group), key=lambda c: support[c.id][1])
        codes[best.id] = [e for lst in support[best.id][2].values() for e in lst]
    return codes, scores


def aggregate(
    codings: list[Coding],
    codebook: Codebook,
    group: str,
    sentences: list[Sentence] | None = None,
    implied: bool = True,
    assigner: Any = None,
) -> CodeResult:
    """Sentence codings -> the initiative's codes in ``group``.

    With ``implied``, codes that follow from codes assigned in other groups (the
    codebook's ``implies``) are added, carrying the implying code's evidence under
    the source ``rule:<codebook>.<code>.implies``.
    """
    codes, scores = _assign(
        codings, codebook, group, fallback=False, assigner=assigner, sentences=sentences
    )
    if implied:
        mine = {c.id for c in codebook.codes(group)}
        for g in codebook.groups:
            if g.id == group or not g.coding or not any(set(c.implies) & mine for c in g.codes):
                continue
            other, _ = _assign(codings, codebook, g.id, assigner=assigner, sentences=sentences)
            for src in g.codes:
                if src.id not in other:
                    continue
                for target in src.implies:
                    if target in mine:
                        carried = [
                            replace(e, source=f"rule:{codebook.name}.{src.id}.implies")
                            for e in other[src.id]
                        ]
                        codes.setdefault(target, []).extend(carried)
    if not codes:  # nothing assigned nor implied: the group's fallback (at_least_one)
        codes, _ = _assign(codings, codebook, group, assigner=assigner, sentences=sentences)
    for code in codebook.codes(group):
        if code.id in codes and set(code.yields_to) & set(codes):
            del codes[code.id]
    order = [c.id for c in codebook.codes(group)]
    codes = {
        cid: sorted(set(codes[cid]), key=lambda e: (-e.confidence, e.document, e.start, e.source))
        for cid in order
        if cid in codes
    }
    uncoded: list[Evidence] = []
    if sentences is not None:
        coding_groups = {g.id for g in codebook.groups if g.coding}
        touched = {c.target for c in codings if codebook.group_of(c.code) in coding_groups}
        for s in sentences:
            # a candidate for a new category says something: four words or more (table rows of
            # numbers and headings are not statements)
            if (
                s.key not in touched
                and len(_WORDS.findall(s.text)) >= 4
                and not _is_title(s.document.text, s.start, s.end)
            ):
                uncoded.append(
                    make_evidence(
                        s.document.text,
                        s.document.path,
                        s.start,
                        s.end,
                        f"rule:{codebook.name}.uncoded",
                        0.5,
                    )
                )
    return CodeResult(
        codebook.name, codebook.digest, group, codes, scores, uncoded,
        code_features(codings, codebook, group, sentences),
    )  # fmt: skip


def default_coder(embedder: Embedder | None = None) -> CombinedCoder:
    """Lexicon always; embeddings when an embedder is given."""
    coders: list[Any] = [LexiconCoder()]
    if embedder is not None:
        coders.append(EmbeddingCoder(embedder))
    return CombinedCoder(coders)


def code_contexts(
    contexts: Sequence[Any],
    codebook: Codebook | str | None = None,
    embedder: Embedder | None = None,
    group: str = "methods",
    coder: Any | None = None,
) -> CodeResult:
    """Code one initiative's contexts for one codebook group (methods, levels, ppe_roles, ...).

    ``contexts``: ``(Document, start, end)`` triples (or objects with those attributes)
    covering the sentences about the initiative. ``coder`` replaces the default
    lexicon(+embedding) coder.
    """
    cb = codebook if isinstance(codebook, Codebook) else load_codebook(codebook)
    cb.group(group)  # fail early with a clear KeyError on a wrong group id
    coder = coder or default_coder(embedder)
    codings = coder.code(contexts, cb)
    return aggregate(codings, cb, group, sentences_of(contexts))


def code_all_groups(
    contexts: Sequence[Any],
    codebook: Codebook | str | None = None,
    embedder: Embedder | None = None,
    coder: Any | None = None,
    assigner: Any | None = None,
) -> dict[str, CodeResult]:
    """Every coding group at once, running the coders only once."""
    cb = codebook if isinstance(codebook, Codebook) else load_codebook(codebook)
    coder = coder or default_coder(embedder)
    codings = coder.code(contexts, cb)
    sents = sentences_of(contexts)
    about_others = _about_other_initiatives(contexts, sents)
    own = [c for c in codings if c.target not in about_others]
    return {
        g.id: aggregate(
            own if g.skip_other_initiatives else codings, cb, g.id, sents, assigner=assigner
        )
        for g in cb.groups
        if g.coding
    }


def _about_other_initiatives(contexts: Sequence[Any], sents: list[Sentence]) -> set[str]:
    """Keys of sentences that name another initiative and not this one in every context
    they belong to: what such a sentence says is about the other one."""
    ctxs = [_as_context(c) for c in contexts]
    out = set()
    for st in sents:
        if all(
            any(a < st.end and st.start < b for a, b in ctxs[ci].others)
            and not any(a < st.end and st.start < b for a, b in ctxs[ci].mentions)
            for ci in st.contexts
        ):
            out.add(st.key)
    return out


class LearnedAssigner:
    """Which codes an initiative gets, decided by logistic models fit on the annotated
    corpora (one per coding group, over ``code_features``), instead of hand-set
    thresholds. The model file is written by ``benchmarks/train_directed.py --coder``."""

    def __init__(self, model: dict[str, Any]) -> None:
        import hashlib
        import json

        self.model = model
        digest = hashlib.sha256(json.dumps(model, sort_keys=True).encode()).hexdigest()[:12]
        self.name = f"model:{model.get('name', 'code-assigner')}@{digest}"

    @classmethod
    def from_file(cls, path: Any) -> LearnedAssigner:
        import json
        from pathlib import Path

        from coatlas.errors import CoatlasError

        p = Path(path)
        try:
            model = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise CoatlasError(f"{p}: cannot read code assigner ({e.__class__.__name__})") from e
        if not isinstance(model, dict) or not isinstance(model.get("groups"), dict):
            raise CoatlasError(f"{p}: not a code assigner (no groups)")
        return cls(model)

    def covers(self, group: str) -> bool:
        return group in self.model.get("groups", {})

    def assign(self, group: str, feats: dict[str, dict[str, float]]) -> set[str]:
        from coatlas.directed.scoring import logistic_proba

        m = self.model["groups"][group]
        return {c for c, f in feats.items() if f["any"] and logistic_proba(m, f) >= m["threshold"]}


DEFAULT_ASSIGNER = "code_assigner.json"


def default_assigner() -> LearnedAssigner | None:
    """The shipped code assigner when present; None keeps the hand-set thresholds."""
    import json
    from importlib import resources

    ref = resources.files("coatlas.directed").joinpath("models", DEFAULT_ASSIGNER)
    if not ref.is_file():
        return None
    return LearnedAssigner(json.loads(ref.read_text(encoding="utf-8")))


class RuleAssigner:
    """The hand-set thresholds (``_assign``), as an explicit choice."""

    name = "rules"

    def covers(self, group: str) -> bool:
        return False
