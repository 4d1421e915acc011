"""Readable labels for hierarchy nodes from their key concepts (c-TF-IDF style).

A node is labelled by the concepts that are frequent in it and rare in its siblings, in
the corpus's main language or in English by option; concepts cross languages through the
bilingual lexicon in ``lang/sv/lessons.yaml``.
"""

from __future__ import annotations

import math
from collections import Counter

from .lexicon import load_lexicon


class Labeller:
    def __init__(self, language: str = "en", n_words: int = 3) -> None:
        self.language = language if language in ("en", "sv") else "en"
        self.n_words = n_words
        cmap = load_lexicon("sv").concept_map
        self._known = set(cmap.values()) | set(load_lexicon("en").concept_map.values())
        self._to_en = dict(cmap)
        inv: dict[str, str] = dict(load_lexicon("sv").label_words)
        for sv, en in sorted(cmap.items()):
            inv.setdefault(en, sv)
        self._to_sv = inv

    def show(self, concept: str) -> str:
        if self.language == "sv":
            return self._to_sv.get(concept, concept)
        return self._to_en.get(concept, concept)

    def label_nodes(self, node_bags: dict[str, dict[str, float]]) -> dict[str, str]:
        """c-TF-IDF over the nodes of one level: weight * log(1 + mean node size / frequency)."""
        df: Counter[str] = Counter()
        for bag in node_bags.values():
            for c in bag:
                df[c] += 1
        n = max(1, len(node_bags))
        out = {}
        for nid in sorted(node_bags):
            bag = node_bags[nid]
            scored = sorted(
                (
                    (w * math.log(1 + n / df[c]) * (1.5 if c in self._known else 1.0), c)
                    for c, w in bag.items()
                ),
                key=lambda t: (-t[0], t[1]),
            )
            words: list[str] = []
            for _, c in scored:
                shown = self.show(c)
                if shown not in words:
                    words.append(shown)
                if len(words) == self.n_words:
                    break
            out[nid] = ", ".join(words) if words else "(no key concepts)"
        return out
