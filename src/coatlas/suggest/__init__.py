"""Snowball sampling: archive documents about the initiatives an analysis found.

Library only (no CLI or web imports): ``suggest(ARCHIVE, OUT)`` reads both folders;
``rank(initiatives, documents)`` works on plain data.
"""

from coatlas.suggest.core import SuggestError, Suggestion, copy_suggested, rank, suggest

__all__ = ["SuggestError", "Suggestion", "copy_suggested", "rank", "suggest"]
