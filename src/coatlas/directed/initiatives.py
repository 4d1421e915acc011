"""Step 1 (+ the Step 2 hand-off): documents in, initiatives and non-initiatives out.

Recipe: find name mentions in every document (``mentions``), group them into
entities across documents and languages (``resolve``), keep the entities that
are named like initiatives (cue strength, recurrence over documents), decide
from the sentences around the mentions whether persons with patient experience
take part (``ppe``), then ask the Step 2 helpers for timeline and codes.
Everything is sorted, so the same documents give the same bytes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from coatlas.directed.candidates import (
    RuleCandidates,
    _doc_sentences,
    _is_heading,
    _propagate,
    _sentence_of,
)
from coatlas.directed.contexts import split_by_context
from coatlas.directed.mentions import Mention
from coatlas.directed.naming import _canonical
from coatlas.directed.phrases import is_type_word
from coatlas.directed.ppe import PPEHit, codebook_actors, names_leading_ppe, ppe_hits
from coatlas.directed.resolve import (
    Entity,
)
from coatlas.directed.scoring import (
    Corpus,
    _mention_weight,
    default_scorer,
    strength,
    vetoed,
)
from coatlas.directed.stages import (
    CandidateGenerator,
    Coder,
    InitiativeScorer,
    RuleTimeline,
    TimelineModel,
)
from coatlas.directed.step2 import (
    MAX_CODE_EVIDENCE,
    _timeline,
    code_initiatives,
    coding_contexts,
)
from coatlas.document import Document
from coatlas.evidence import Evidence, make_evidence
from coatlas.text.wordindex import WordIndex

SOURCE = "rule:directed.initiatives"


SOURCE = "rule:directed.initiatives"


SHORT_PAGE = 2500  # characters: a page this short that is titled by a name describes only it


PPE_MIN = 0.8  # involvement in the mention's sentence (1.0) or the next one (0.8)


@dataclass
class DirectedResult:
    initiatives: list[dict[str, Any]] = field(default_factory=list)
    non_initiatives: list[dict[str, Any]] = field(default_factory=list)
    uncoded: list[dict[str, Any]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list, repr=False)
    # per initiative id and coding group, what each code's evidence looked like
    # (coding.code_features): not an output, the rows a learned assigner is fit on
    code_features: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)


def classify(
    docs: Sequence[Document],
    *,
    embedder=None,
    known: list[list[str]] | None = None,
    codebook=None,
    candidates: CandidateGenerator | None = None,
    scorer: InitiativeScorer | None = None,
    prepared: dict[str, Any] | None = None,
    engine: Any = None,
) -> tuple[list[tuple[Entity, list[PPEHit]]], list[tuple[Entity, str]]]:
    """Entities judged initiatives (with PPE evidence) and non-initiatives (with a reason).

    The candidate stage proposes entities; the scorer keeps those named like an
    initiative (or a project); involvement of persons with patient experience then
    splits them into initiatives and non-initiatives. ``engine``: where the
    per-candidate passes run (``_features``, ``split_by_context``); the same result.
    """
    docs = sorted(docs, key=lambda d: d.path)
    dmap = {d.path: d for d in docs}
    candidates = candidates or RuleCandidates()
    if prepared is not None and isinstance(candidates, RuleCandidates):
        # the per-document parts were done where the documents were read
        ents = candidates.generate(docs, embedder=embedder, known=known, prepared=prepared)
    else:
        ents = candidates.generate(docs, embedder=embedder, known=known)
    spans = {d.path: _doc_sentences(d) for d in docs}
    confident: set[int] = {id(e) for e in ents}
    # a sentence's PPE hits, by (document, start, end): the scorer and the decision below
    # read the same sentences of every candidate (and of each piece of a split one)
    seen: dict[tuple[str, int, int], list[PPEHit]] = {}
    if not known:
        scorer = scorer or default_scorer()
        corpus = Corpus.of(docs)
        rows = _features(ents, corpus, dmap, spans, codebook, scorer, seen, engine)
        probs = scorer.predict_proba(rows)
        # a document that reports on X ("X – final report") says X was an effort: it is
        # listed, as an initiative or a non-initiative, whatever its other evidence
        kept = [
            (e, p, f)
            for e, p, f in zip(ents, probs, rows, strict=True)
            if p >= scorer.threshold
            or (not vetoed(f) and any("report_title" in m.cues for m in e.mentions))
        ]
        ents = [e for e, _, _ in kept]
        # confident: clearly named like an initiative. A bare type word ("medborgardialog",
        # "pilotprojektet") names a kind, not one initiative, so it does not make a short
        # page look like it names two initiatives
        confident = {
            id(e)
            for e, p, _ in kept
            if p >= max(0.5, scorer.threshold)
            and not all(is_type_word(m.surface) for m in e.mentions)
        }
        _propagate_all(ents, docs, spans, engine)
        # one generic name used by several organisations is several initiatives
        whole = ents  # kept alive while ``confident`` (ids) is read
        words = {p: s.contexts for p, s in (prepared or {}).items() if s.contexts is not None}
        ents = split_by_context(whole, docs, confident, words, engine=engine)
    inits: list[tuple[Entity, list[PPEHit]]] = []
    nons: list[tuple[Entity, str]] = []
    # a short document naming only one confident candidate (a news item, a leaflet) is
    # about it
    named_in: Counter[str] = Counter(
        d for ent in ents if id(ent) in confident for d in ent.documents
    )
    for ent in ents:
        sole = frozenset(
            d
            for d in ent.documents
            if named_in[d] <= (1 if id(ent) in confident else 0) and len(dmap[d].text) <= SHORT_PAGE
        )
        hits = _ppe_for(ent, dmap, spans, codebook, sole, memo=seen)
        involved = [h for h in hits if h.score >= PPE_MIN]
        if (
            not any(h.score >= 1.0 for h in involved)
            and len({(h.document, h.start) for h in involved}) < 2
            and ent.kind != "role"  # a role names the person: one sentence saying who is enough
        ):
            involved = []  # only one neighbouring sentence says so: too thin
        if involved or known:
            inits.append((ent, hits))
        else:
            benef = [h for h in hits if h.beneficiary or h.score > 0]
            # only what is named like a project is worth listing as a non-initiative;
            # a plain section heading ("Mental health") is a topic, not a project
            project_like = (
                any(c in m.cues for m in ent.mentions for c in ("cue_noun", "title", "acronym"))
                or ent.kind in ("project", "programme", "strategy", "evaluation", "collaborative")
                or any("heading" in m.cues and _title_case(m.surface) for m in ent.mentions)
            )
            if not project_like:
                continue
            reason = (
                "patients appear only as beneficiaries or recipients, not as participants"
                if benef
                else "no persons with patient experience take part in the descriptions (staff-only)"
            )
            nons.append((ent, reason))
    return inits, nons


def _features(
    ents: list[Entity],
    corpus: Corpus,
    dmap: dict[str, Document],
    spans: dict[str, Any],
    codebook: Any,
    scorer: InitiativeScorer,
    memo: dict[tuple[str, int, int], list[PPEHit]],
    engine: Any = None,
) -> list[dict[str, float]]:
    """Each candidate's scorer features over its PPE hits, in order; ``memo`` gets
    every sentence's hits (the involvement decision reads them again).

    A candidate's features depend on it and the corpus alone, so with a local pool
    (``engine.shared_map``) consecutive chunks of candidates go to workers forked from
    here (they inherit the corpus) and come back in order with the hits they found:
    the same rows, the same memo. A scorer of another type runs here (its features
    may keep state)."""
    from coatlas.directed.scoring import LogisticScorer, RuleScorer
    from coatlas.directed.step2 import _chunks
    from coatlas.engine import shared_map

    state = (ents, corpus, dmap, spans, codebook, scorer)
    workers = getattr(engine, "workers", 1)
    if not isinstance(scorer, LogisticScorer | RuleScorer) or workers < 2:
        return _features_of(state, range(len(ents)), memo)[0]
    parts = _chunks([len(e.mentions) for e in ents], workers * 4)
    rows = []
    for part_rows, found in shared_map(engine, _features_chunk, state, parts):
        rows.extend(part_rows)
        memo.update(found)
    return rows


def _propagate_all(
    ents: list[Entity], docs: Sequence[Document], spans: dict[str, Any], engine: Any = None
) -> None:
    """``_propagate`` every entity: its names' repeats anywhere in the corpus.

    Each entity's repeats depend on it and the corpus alone, so with a local pool
    (``engine.shared_map``) consecutive chunks of entities go to workers forked from
    here and only the mentions they add come back (2 s of one core at 800 documents);
    they are merged as ``_propagate`` merges them, so the entities are the same."""
    from coatlas.directed.step2 import _chunks
    from coatlas.engine import shared_map

    index = WordIndex(d.text for d in docs)  # one pass over the corpus, not one per name
    workers = getattr(engine, "workers", 1)
    if workers < 2:
        for ent in ents:
            _propagate(ent, docs, spans, index)
        return
    parts = _chunks([len(e.mentions) for e in ents], workers * 4)
    state = (ents, docs, spans, index)
    for part, found in zip(parts, shared_map(engine, _propagate_chunk, state, parts), strict=True):
        for i, added in zip(part, found, strict=True):
            if added is not None:
                ents[i].mentions = sorted(ents[i].mentions + added, key=Mention.sort_key)


def _propagate_chunk(state: tuple[Any, ...], part: list[int]) -> list[list[Mention] | None]:
    """The mentions ``_propagate`` adds to each entity at ``part`` (in a worker), in
    the order it sorted them in (a stable sort: merged again, the same order); None
    where it had no name to look for and left the mentions as they were."""
    ents, docs, spans, index = state
    out: list[list[Mention] | None] = []
    for i in part:
        ent = ents[i]
        mentions = ent.mentions
        before = {id(m) for m in mentions}
        _propagate(ent, docs, spans, index)
        out.append(
            None if ent.mentions is mentions else [m for m in ent.mentions if id(m) not in before]
        )
    return out


def _features_of(
    state: tuple[Any, ...], part: Any, memo: dict[tuple[str, int, int], list[PPEHit]]
) -> tuple[list[dict[str, float]], dict[tuple[str, int, int], list[PPEHit]]]:
    ents, corpus, dmap, spans, codebook, scorer = state
    rows = [
        scorer.features(ents[i], corpus, _ppe_for(ents[i], dmap, spans, codebook, memo=memo))
        for i in part
    ]
    return rows, memo


def _features_chunk(
    state: tuple[Any, ...], part: list[int]
) -> tuple[list[dict[str, float]], dict[tuple[str, int, int], list[PPEHit]]]:
    """``_features`` of the candidates at ``part`` (in a worker): rows and new hits."""
    return _features_of(state, part, {})


# a dialogue named after who takes part ("Anhörigdialog", "carer dialogue") involves them
# as a body named after its members does
_BODY_KINDS = frozenset({"panel", "council", "meeting_place", "network", "circle", "dialogue"})
_KIND_PREFIX = re.compile(r":?[ \t]{1,2}[A-ZÅÄÖ]")


def _names_itself(m: Mention, dmap: dict[str, Document]) -> bool:
    """A capitalised mention that is not the kind word before another name: "Anhörigdialog
    hålls varje termin" names a dialogue, "Anhörigdialog: Vi som vårdar" and "regionens
    anhörigdialog" only say what kind of thing something is."""
    text = dmap[m.document].text
    return m.surface[:1].isupper() and not _KIND_PREFIX.match(text, m.end)


_ROLE_STEMS = ("erfarenhet", "experience", "peer", "patient", "brukar", "user", "carer", "anhörig")


_BODY_STEMS = (
    "brukar", "patient", "anhörig", "närstående", "invånar", "medborgar", "user", "service user",
    "carer", "citizen", "people", "resident", "peer", "lived experience", "experience",
)  # fmt: skip


# an item of minutes or an agenda: "§ 88", "Item 7", "Punkt 4", "Ärende 12"
_ITEM = re.compile(r"(?m)^[ \t]*(?:§[ \t]*\d+|(?i:agenda item|item|punkt|ärende)[ \t]*\d+)\b")


def _agenda_item(text: str, pos: int, limit: int = 3000) -> int | None:
    """Where the item ends when ``pos`` is in an item's heading line, else None."""
    a = text.rfind("\n", 0, pos) + 1
    if not _ITEM.match(text, a):
        return None
    nxt = _ITEM.search(text, text.find("\n", pos) + 1 if "\n" in text[pos:] else len(text))
    end = nxt.start() if nxt else len(text)
    return min(end, a + limit)


def _whole_line(text: str, m: Mention) -> bool:
    """The mention is its line: a document titled by the name alone is about it."""
    a = text.rfind("\n", 0, m.start) + 1
    b = text.find("\n", m.end)
    line = text[a : len(text) if b < 0 else b]
    return line.strip(" \t#*") == text[m.start : m.end].strip()


def _turn_span(doc: Document, pos: int, limit: int = 1500) -> tuple[int, int] | None:
    """The transcript turn around ``pos`` — with the answer when it is a question."""
    turns = doc.turns
    for i, t in enumerate(turns):
        if t.start <= pos < t.end:
            end = t.end
            if t.role == "interviewer" and i + 1 < len(turns):
                end = turns[i + 1].end
            return (max(t.start, pos - limit), min(end, pos + limit))
    return None


def _title_case(s: str) -> bool:
    words = [
        w for w in s.split() if w.lower() not in ("and", "of", "for", "the", "och", "för", "i")
    ]
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and not s.isupper()


def _ppe_for(
    ent: Entity,
    dmap: dict[str, Document],
    spans,
    codebook=None,
    sole: frozenset[str] = frozenset(),
    memo: dict[tuple[str, int, int], list[PPEHit]] | None = None,
) -> list[PPEHit]:
    weight: dict[tuple[str, tuple[int, int]], float] = {}
    per_doc = Counter(m.document for m in ent.mentions)
    for m in ent.mentions:
        doc = dmap[m.document]
        sp = spans[m.document]
        s = _sentence_of(sp, m.start)
        if s is None:
            continue
        idx = sp.index(s)
        weight[(m.document, s)] = 1.0
        # the sentence after a mention usually still describes it ("X started in 2006. 24 patients ...");
        # a heading is described by the paragraph under it
        if m.document in sole and m.cues & {"cue_noun", "naming", "title"}:
            for other in sp:
                weight[(m.document, other)] = 1.0
            continue
        if "title" in m.cues and (
            per_doc[m.document] >= 2 or "anaphor" in m.cues or _whole_line(doc.text, m)
        ):
            # a document named after the initiative (and naming it again) describes it throughout
            limit = s[0] + 4000
            # a short page (leaflet, web page) named after it and naming nothing else is
            # about nothing else
            w = 1.0 if m.document in sole else 0.8
            for nxt in sp[idx + 1 :]:
                if nxt[0] >= limit:
                    break
                weight[(m.document, nxt)] = max(w, weight.get((m.document, nxt), 0.0))
            continue
        item = _agenda_item(doc.text, m.start)
        if item is not None:
            # "§ 88 X – återrapport": a minuted item is about what its heading names,
            # down to the next item
            for other in sp[idx + 1 :]:
                if other[0] >= item:
                    break
                weight.setdefault((m.document, other), 0.8)
            continue
        turn = _turn_span(doc, m.start)
        if turn is not None:
            # speech comes in short sentences: the speaker's turn (and the answer to a
            # question) is the unit that describes what was named
            for other in sp:
                if turn[0] <= other[0] < turn[1] and other != s:
                    weight.setdefault((m.document, other), 0.8)
            continue
        if (
            m.cues & {"naming", "named_phrase"}
            and idx > 0
            and "\n\n" not in doc.text[sp[idx - 1][1] : s[0]]
        ):
            # "Metoden kallas X", "this is called X": the sentence before describes X; when
            # the naming sentence opens with it ("Det kallas X."), it says nothing else
            lead = len(re.findall(r"\w+", doc.text[s[0] : m.start])) <= 4
            weight[(m.document, sp[idx - 1])] = max(
                weight.get((m.document, sp[idx - 1]), 0.0), 1.0 if lead else 0.8
            )
        if idx > 0 and m.sentence[0] <= sp[idx - 1][0] < s[0]:
            # a description found who takes part in the sentence before (described.py)
            weight[(m.document, sp[idx - 1])] = 1.0
        heading = _is_heading(doc.text, s)
        if (
            not heading
            and idx > 0
            and _is_heading(doc.text, sp[idx - 1])
            and doc.text[sp[idx - 1][1] : s[0]].count("\n") >= 1
        ):
            # the first sentence under a heading: the heading describes its section
            # ("Rutinen som närstående var med och skrev")
            weight.setdefault((m.document, sp[idx - 1]), 0.8)
        for nxt in sp[idx + 1 : idx + (4 if heading else 2)]:
            same_line = "\n" not in doc.text[s[1] : nxt[0]]
            if _is_heading(doc.text, nxt) and not same_line:
                break  # a new section: no longer about this mention
            weight.setdefault((m.document, nxt), 0.8)
    hits: list[PPEHit] = []
    actors = {lg: codebook_actors(codebook, lg) for lg in ("en", "sv")}
    for (path, (a, b)), w in sorted(weight.items()):
        lang = dmap[path].language if dmap[path].language in ("en", "sv") else "en"
        found = memo.get((path, a, b)) if memo is not None else None
        if found is None:
            found = ppe_hits(dmap[path].text, a, b, actors[lang])
            if memo is not None:
                memo[(path, a, b)] = found
        for h in found:
            hits.append(PPEHit(h.start, h.end, h.actor, h.cue, h.beneficiary, h.score * w, path))
    # a role whose very name says lived experience ("experience workers"), or a body
    # named after its members ("user council", "Brukarrådet", "Citizens' Panel"), involves PPE
    if ent.role or ent.kind in _BODY_KINDS:
        for m in ent.mentions:
            low = m.key
            stems = _ROLE_STEMS if ent.role else _BODY_STEMS
            if ent.kind == "dialogue" and not ent.role and not _names_itself(m, dmap):
                continue
            if (
                (ent.role and ppe_hits(m.surface + " x", 0, len(m.surface)))
                or "ppe_body" in m.cues  # the mention stage matched a PPE modifier (lang data)
                or any(low.startswith(w) or (" " + w) in low for w in stems)
            ):
                hits.append(PPEHit(m.start, m.end, m.surface, "name", False, 1.0, m.document))
                break
    # a practice or name that says PPE lead it ("brukarstyrd vård", "a patient-led clinic")
    for m in ent.mentions:
        if names_leading_ppe(m.surface):
            hits.append(PPEHit(m.start, m.end, m.surface, "led", False, 1.0, m.document))
            break
    # a persona stands for patients or residents (the codebook's PPE role "represented"):
    # a persona family or a named persona the text calls one involves them by design
    if ent.kind in _REPRESENTING_KINDS and codebook is not None:
        for m in ent.mentions:
            s = _sentence_of(spans[m.document], m.start)
            if s is None:
                continue
            found = [
                h
                for h in _method_lexicon(codebook).find(dmap[m.document].text, s[0], s[1])
                if h.code in _REPRESENTING_CODES and h.kind == "term"
            ]
            if found:
                f = found[0]
                hits.append(PPEHit(f.start, f.end, m.surface, "persona", False, 1.0, m.document))
                break
    return sorted(hits, key=lambda h: (h.document, h.start, h.end, h.actor))


# kinds of initiative that represent persons with patient experience, and the codebook
# codes whose terms say so in the mention's sentence ("en fiktiv familj", "a persona")
_REPRESENTING_KINDS = frozenset({"personas"})
_REPRESENTING_CODES = frozenset({"personas"})


def _method_lexicon(codebook: Any) -> Any:
    from coatlas.codebook.match import lexicon as codebook_lexicon

    key = id(codebook)
    lx = _LEXICONS.get(key)
    if lx is None or lx[0] is not codebook:
        lx = (codebook, codebook_lexicon(codebook))
        _LEXICONS.clear()
        _LEXICONS[key] = lx
    return lx[1]


_LEXICONS: dict[int, tuple[Any, Any]] = {}


def _dedupe_evidence(evs: list[Evidence], limit: int) -> list[Evidence]:
    seen, out = set(), []
    for e in sorted(evs, key=lambda e: (-e.confidence, e.document, e.start, e.end)):
        k = (e.document, e.start, e.end)
        if k in seen:
            continue
        seen.add(k)
        out.append(e)
    return sorted(out[:limit], key=lambda e: (e.document, e.start, e.end))


_DEFINES = re.compile(
    r"(?i)^\s*(?:\([^)]*\)\s*)?(?:,\s*|\s+[–-]\s+)?(?:is|was|are|were|är|var|blir|consists|består|"
    r"means|innebär|,? an?|,? the|,? ett|,? en)\b"
)


_SPEAKER = re.compile(r"^\s*(?:[A-ZÅÄÖ]{1,4}|[A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?)\s*:")


_FIRST_PERSON = re.compile(r"(?i)\b(i|we|my|our|jag|vi|min|mitt|vår|vårt)\b")


def _description(ent: Entity, dmap, spans) -> tuple[str, Evidence | None]:
    """The most defining sentence: the name as subject of "is a ..."/"är en ...",
    with PPE taking part, written as a statement rather than a heading or an
    interview turn."""
    best = None
    for m in ent.mentions:
        s = _sentence_of(spans[m.document], m.start)
        if s is None:
            continue
        text = dmap[m.document].text
        q = text[s[0] : s[1]]
        n = len(q)
        score = 0.0
        if 50 <= n <= 320:
            score += 1.5
        if _DEFINES.match(text[m.end : m.end + 25]):
            score += 3
        if m.start - s[0] <= 40:
            score += 1
        if any(h.score >= 1 for h in ppe_hits(text, s[0], s[1])):
            score += 2
        if q[-1:] not in ".!?":
            score -= 2  # a heading or a fragment
        if _SPEAKER.match(q) or any(t.start <= s[0] < t.end for t in dmap[m.document].turns):
            score -= 2.5
        if _FIRST_PERSON.search(q):
            score -= 1
        score -= max(0, n - 320) / 100
        key = (-score, m.document, s[0])
        if best is None or key < best[0]:
            best = (key, m.document, s)
    if best is None:
        return "", None
    _, path, s = best
    ev = make_evidence(dmap[path].text, path, s[0], s[1], SOURCE + ":description", 0.6)
    desc = re.sub(r"\s+", " ", ev.quote).strip()
    return re.sub(r"^(?:\d+(?:\.\d+)*\.?|[-–•*#]+)\s+", "", desc), ev


def run(
    docs: list[Document],
    *,
    codebook=None,
    embedder=None,
    known: list[list[str]] | None = None,
    progress: Callable[[str], None] | None = None,
    candidates: CandidateGenerator | None = None,
    scorer: InitiativeScorer | None = None,
    timeline: TimelineModel | None = None,
    coder: Coder | None = None,
    assigner: Any = None,
    prepared: dict[str, Any] | None = None,
    engine: Any = None,
) -> DirectedResult:
    """Steps 1–2 over a corpus: initiatives (with evidence), non-initiatives, uncoded text.

    Each stage can be handed in (``stages.py`` has the interfaces); None takes the
    default: rule candidates, the shipped scorer model, the rule timeline, the
    lexicon (+ embedding) coder and the shipped code assigner (``coding.RuleAssigner``
    keeps the hand-set thresholds).

    ``prepared``: per-document summaries by path (``coatlas.perdoc``), computed where
    the documents were read; the result is the same as without them. ``engine``
    (``coatlas.engine``): where Step 2's coder runs, one chunk of initiatives per task
    (``step2.code_initiatives``); the result is the same.
    """
    timeline = timeline or RuleTimeline()
    if assigner is None:
        from coatlas.directed.coding import default_assigner

        assigner = default_assigner()
    docs = sorted(docs, key=lambda d: d.path)
    dmap = {d.path: d for d in docs}
    spans = {d.path: _doc_sentences(d) for d in docs}
    if prepared:
        from coatlas.directed.timeline import remember_document_info

        for d in docs:
            info = getattr(prepared.get(d.path), "timeline", None)
            if info is not None:
                remember_document_info(d, info)
    if progress:
        progress("initiatives: finding mentions")
    inits, nons = classify(
        docs,
        embedder=embedder,
        known=known,
        codebook=codebook,
        candidates=candidates,
        scorer=scorer,
        prepared=prepared,
        engine=engine,
    )
    # each initiative's names, evidence, timeline and description depend on it and the
    # corpus alone: with a local pool, chunks of them go to workers forked from here
    from coatlas.directed.step2 import _chunks
    from coatlas.engine import shared_map

    pool = engine if isinstance(timeline, RuleTimeline) else None  # a caller's: here
    parts = _chunks([len(e.mentions) for e, _ in inits], getattr(pool, "workers", 1) * 4)
    state = (inits, dmap, spans, timeline)
    described = [r for part in shared_map(pool, _describe, state, parts) for r in part]
    rows = [(ent, *r) for (ent, _), r in zip(inits, described, strict=True)]
    rows.sort(
        key=lambda r: (r[5]["start"] if r[5]["start"] is not None else 9999, r[1].lower(), r[1])
    )
    out = DirectedResult(entities=[r[0] for r in rows])
    named: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for ent, *_ in rows:
        for m in ent.mentions:
            named[m.document].append((m.start, m.end))
    jobs = [(f"i{n:02d}", coding_contexts(r[0], dmap, spans, named)) for n, r in enumerate(rows, 1)]
    coded = code_initiatives(jobs, codebook, embedder, coder, assigner, engine)
    for (iid, _), (ent, name, aliases, name_ev, ppe_ev, tl, desc), (codes, uncoded, feats) in zip(
        jobs, rows, coded, strict=True
    ):
        out.code_features[iid] = feats
        conf = min(0.95, 0.3 + 0.08 * strength(ent) + (0.2 if ppe_ev else 0))
        out.initiatives.append(
            {
                "id": iid,
                "name": name,
                "aliases": aliases,
                "kind": ent.kind,
                "start": tl["start"],
                "end": tl["end"],
                "active_years": tl["active_years"],
                "ongoing": tl["ongoing"],
                "methods": sorted(codes["methods"]),
                "levels": sorted(codes["levels"]),
                "ppe_roles": sorted(codes["ppe_roles"]),
                "documents": ent.documents,
                "description": desc,
                "confidence": round(conf, 4),
                "evidence": {
                    "name": [e.to_dict() for e in _dedupe_evidence(name_ev, 20)],
                    "ppe": [e.to_dict() for e in _dedupe_evidence(ppe_ev, 10)],
                    "start": [_ev_dict(e) for e in tl["ev_start"]],
                    "end": [_ev_dict(e) for e in tl["ev_end"]],
                    "methods": {
                        k: [_ev_dict(e) for e in v[:MAX_CODE_EVIDENCE]]
                        for k, v in sorted(codes["methods"].items())
                    },
                    "levels": {
                        k: [_ev_dict(e) for e in v[:MAX_CODE_EVIDENCE]]
                        for k, v in sorted(codes["levels"].items())
                    },
                    "ppe_roles": {
                        k: [_ev_dict(e) for e in v[:MAX_CODE_EVIDENCE]]
                        for k, v in sorted(codes["ppe_roles"].items())
                    },
                },
            }
        )
        out.uncoded.extend(uncoded)
    for ent, reason in sorted(nons, key=lambda x: _canonical(x[0])[0].lower()):
        name, aliases = _canonical(ent)
        evs = [
            make_evidence(
                dmap[m.document].text, m.document, m.start, m.end, SOURCE + ":non-initiative", 0.6
            )
            for m in ent.mentions
        ]
        out.non_initiatives.append(
            {
                "name": name,
                "aliases": aliases,
                "documents": ent.documents,
                "reason": reason,
                "evidence": [e.to_dict() for e in _dedupe_evidence(evs, 10)],
            }
        )
    out.uncoded.sort(
        key=lambda u: (u["initiative"] or "", u["document"] or "", u["start"] or 0, u["end"] or 0)
    )
    if progress:
        progress(
            f"initiatives: {len(out.initiatives)} found, {len(out.non_initiatives)} non-initiatives"
        )
    return out


def _describe(state: tuple[Any, ...], part: list[int]) -> list[tuple[Any, ...]]:
    """For ``run``: (name, aliases, name evidence, PPE evidence, timeline, description)
    of each initiative at ``part``."""
    inits, dmap, spans, timeline = state
    out: list[tuple[Any, ...]] = []
    for i in part:
        ent, hits = inits[i]
        name, aliases = _canonical(ent)
        name_ev = [
            make_evidence(
                dmap[m.document].text,
                m.document,
                m.start,
                m.end,
                SOURCE + ":" + "+".join(sorted(m.cues)),
                min(0.95, 0.4 + 0.15 * _mention_weight(m)),
            )
            for m in ent.mentions
        ]
        ppe_ev = [
            make_evidence(
                dmap[h.document].text,
                h.document,
                h.start,
                h.end,
                "rule:directed.ppe",
                round(0.5 + 0.4 * h.score, 3),
            )
            for h in hits
            if h.score >= PPE_MIN
        ]
        tl = _timeline(ent, dmap, timeline)
        desc, _ = _description(ent, dmap, spans)
        out.append((name, aliases, name_ev, ppe_ev, tl, desc))
    return out


def _ev_dict(e) -> dict[str, Any]:
    return e.to_dict() if hasattr(e, "to_dict") else dict(e)
