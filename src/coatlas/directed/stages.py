"""The four Steps 1–2 stages as small interfaces, in BERTopic's manner.

``directed.run(docs, candidates=, scorer=, timeline=, coder=)`` and
``pipeline.analyze(..., components=)`` take any object that satisfies these
protocols; the defaults are one implementation each. ``tests/test_stages.py``
runs one conformance suite per stage that every implementation must pass.

- **candidates**: documents → entities (name mentions grouped across documents
  and languages). Recall matters here; nothing is decided yet.
- **scorer**: ``features(entity, corpus, ppe) -> dict[str, float]`` and
  ``predict_proba(rows) -> list[float]``; an entity is kept when its probability
  reaches ``threshold``. Rules and a fitted model are two implementations.
- **timeline**: an initiative's mentions → start, end, ongoing, rounds, evidence.
- **coder**: sentences about an initiative → codings of the codebook's groups
  (methods, levels, roles), each with its evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

from coatlas.codebook import Codebook
from coatlas.directed.resolve import Entity
from coatlas.directed.scoring import Corpus
from coatlas.document import Document
from coatlas.evidence import Coding


@runtime_checkable
class CandidateGenerator(Protocol):
    name: str

    def generate(
        self,
        docs: Sequence[Document],
        *,
        embedder: Any = None,
        known: list[list[str]] | None = None,
    ) -> list[Entity]: ...


@runtime_checkable
class InitiativeScorer(Protocol):
    name: str
    threshold: float

    def features(
        self, ent: Entity, corpus: Corpus, ppe: Sequence[Any] = ()
    ) -> dict[str, float]: ...

    def predict_proba(self, rows: Sequence[dict[str, float]]) -> list[float]: ...


@runtime_checkable
class TimelineModel(Protocol):
    name: str

    def infer(
        self, mentions: Sequence[tuple[Document, int, int]], documents: Sequence[Document]
    ) -> Any: ...


@runtime_checkable
class Coder(Protocol):
    name: str

    def code(self, contexts: Sequence[Any], codebook: Codebook) -> list[Coding]: ...


class RuleTimeline:
    """The default timeline: year expressions around the mentions (``timeline.py``)."""

    name = "rules"

    def infer(
        self, mentions: Sequence[tuple[Document, int, int]], documents: Sequence[Document]
    ) -> Any:
        from coatlas.directed.timeline import infer_timeline

        return infer_timeline(list(mentions), list(documents))


def default_coder(embedder: Any = None) -> Coder:
    from coatlas.directed.coding import default_coder as _default

    return _default(embedder)
