"""Directed content analysis (Steps 1–2): initiatives, timelines, codes.

``run(docs, codebook=..., embedder=None, known=None)`` is the entry point the
pipeline calls; see ``initiatives.py`` for the recipe.
"""

from coatlas.directed.candidates import find_mentions, read_known
from coatlas.directed.initiatives import DirectedResult, classify, run

__all__ = ["DirectedResult", "classify", "find_mentions", "read_known", "run"]
