"""The per-document stage: what Steps 1–3 need from one document alone.

``summarise(doc, options)`` runs where the document was read (a process of
``--workers N`` or a Dask task of ``--engine dask``, in the same task as reading it) and
returns a compact ``DocSummary``: the document's own name mentions and alias links
(Step 1, before the cross-document passes), its practice-term sentences, its genre, its
lesson candidates with their facets (Step 3), its word statistics for the key
concepts, the document parsed for the timeline, the latest year it names and its
candidate context words (Step 1's split by context). The cross-document steps
(``directed.run``, ``inductive.run``) take the summaries by path as ``prepared=`` and
skip that work; each consumer checks that the summary was made by the default stage
it would run, so a caller's own components still run in the calling process. The outputs are the same bytes with or without
summaries, whatever ran them (tests/test_scale.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coatlas.document import Document

PRACTICE_CODES = ("self_management", "ppe_as_staff")  # RuleCandidates' default


@dataclass(frozen=True)
class Options:
    """What the per-document stage computes (picklable: it travels to the workers)."""

    mentions: bool = True  # Step 1 discovery mode (off with --initiatives)
    practice_codes: tuple[str, ...] = PRACTICE_CODES
    all_documents: bool = False  # Step 3 reads every document, not only sampled genres
    lessons: bool = True  # the default lesson detector (off when a caller gives its own)
    concepts: bool = True  # the default key-concept statistics (likewise)
    timeline: bool = True  # the documents parsed for Step 2's rule timeline
    contexts: bool = True  # Step 1's split by context words (off with --initiatives)


@dataclass
class DocSummary:
    """One document's share of Steps 1–3 (``None``: not computed here)."""

    path: str
    mentions: tuple[list[Any], list[Any]] | None = None  # candidates.doc_mentions
    practice: list[tuple[int, int, list[Any], bool]] | None = None  # candidates.practice_hits
    practice_codes: tuple[str, ...] = ()
    doctype: Any = None  # doctype.classify
    lessons: list[Any] | None = None  # LessonDetector().predict, when Step 3 samples it
    facets: list[dict[str, list[str]]] | None = None  # per lesson, inductive.lesson_facets
    concepts: Any = None  # KeyConceptExtractor().doc_stats
    timeline: Any = None  # timeline.document_info
    latest_year: int | None = None  # text.years.latest_year of this document alone
    contexts: Any = None  # directed.contexts.document_words
    # the codebook lexicon's hits of each sentence by text (practice_hits scanned them
    # all): handed to the main process's lexicon (``adopt``), so Step 2's coder does not
    # scan them again in a pool forked from it
    found: dict[str, list[Any]] | None = None


def summarise(doc: Document, options: Options | None = None) -> DocSummary:
    """``doc``'s per-document summary (pure: depends on ``doc`` and ``options`` only)."""
    from coatlas.directed.candidates import doc_mentions, practice_hits
    from coatlas.directed.contexts import document_words
    from coatlas.directed.timeline import document_info
    from coatlas.doctype import classify, sampled_types, secondary_types
    from coatlas.inductive import lesson_facets, sentences_of
    from coatlas.inductive.concepts import KeyConceptExtractor
    from coatlas.inductive.detect import LessonDetector
    from coatlas.text.sentences import document_sentences
    from coatlas.text.years import latest_of, latest_year

    options = options or Options()
    out = DocSummary(doc.path)
    if options.mentions:
        out.mentions = doc_mentions(doc)
        if options.practice_codes:
            out.practice = practice_hits(doc, options.practice_codes)
            out.practice_codes = tuple(options.practice_codes)
            out.found = _lexicon().known(doc.text[a:b] for a, b in document_sentences(doc))
    dt = classify(doc)
    out.doctype = dt
    if options.lessons and (options.all_documents or dt.type in set(sampled_types())):
        out.lessons = LessonDetector().predict(doc, secondary=dt.type in secondary_types())
        out.facets = [lesson_facets(c) for c in out.lessons]
    if options.concepts:
        out.concepts = KeyConceptExtractor().doc_stats(sentences_of(doc))
    if options.timeline:
        out.timeline = document_info(doc)
    if options.contexts:
        out.contexts = document_words(doc)
    out.latest_year = (
        latest_of(out.timeline.exprs)  # the timeline's parse: the text is not parsed twice
        if out.timeline is not None
        else latest_year([(doc.text, doc.language)])
    )
    return out


def _lexicon() -> Any:
    """The built-in codebook's lexicon: the one ``practice_hits`` scans with (and Step
    2's coder, with the built-in codebook)."""
    from coatlas.codebook import load_codebook
    from coatlas.codebook.match import lexicon

    return lexicon(load_codebook())


def adopt(prepared: dict[str, DocSummary]) -> None:
    """Take the lexicon hits the summaries carry (``DocSummary.found``) into this
    process's lexicon, and drop them from the summaries. For summaries made in other
    processes: there the coder's sentences were already scanned once."""
    lx = None
    for s in prepared.values():
        if s.found:
            lx = lx or _lexicon()
            lx.remember(s.found)
        s.found = None


_WARM_UP = (
    "Projektet Brukarrådet\n\nBrukarrådet är ett projekt där patienter och anhöriga deltar. "
    "Vi lärde oss att det är viktigt att betala brukarna för deras tid.\n\n"
    "The Peer Support Programme\n\nThe Peer Support Programme is a project where patients "
    "with lived experience work with staff. We learned that paying people for their time "
    "matters.\n"
)


def warm_up(options: Options | None = None) -> None:
    """Load what ``summarise`` needs once (lexicons, the codebook matcher, lemma
    dictionaries of both languages, genre rules, facets) by summarising a short text.

    Called before a pool forks its workers, they inherit it instead of each loading it
    again; the calling process needs the same data for the cross-document steps anyway."""
    from coatlas.ingest import document_from_text

    for lang_text in _WARM_UP.split("\n\nThe ", 1):
        summarise(document_from_text(lang_text, "warm-up.txt"), options)


def summarise_all(
    docs: list[Document], options: Options | None = None, engine: Any = None
) -> dict[str, DocSummary]:
    """Summaries of documents already in memory (e.g. after pseudonymisation), by path:
    on ``engine`` (``coatlas.engine``) when given, else here."""
    if engine is not None and (engine.workers > 1 or engine.name != "local") and len(docs) > 1:
        size = max(1, min(8, len(docs) // (engine.workers * 4) or 1))
        chunks = [(docs[i : i + size], options) for i in range(0, len(docs), size)]
        found = [s for part in engine.map(_summarise_chunk, chunks) for s in part]
    else:
        found = [summarise(d, options) for d in docs]
    return {s.path: s for s in found}


def _summarise_chunk(args: tuple[list[Document], Options | None]) -> list[DocSummary]:
    docs, options = args
    return [summarise(d, options) for d in docs]
