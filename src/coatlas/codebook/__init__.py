"""Codebooks as data: the YAML format, its loader/validator and vocabulary matching.

``load_codebook(None)`` gives the built-in co-production codebook; any user file
with the same format works everywhere the built-in one does.
"""

from .loader import builtin_names, load_codebook, parse_codebook
from .match import Lexicon, Match, lexicon
from .model import Code, Codebook, Group, Vocabulary

__all__ = [
    "Code",
    "Codebook",
    "Group",
    "Lexicon",
    "Match",
    "Vocabulary",
    "builtin_names",
    "lexicon",
    "load_codebook",
    "parse_codebook",
]
