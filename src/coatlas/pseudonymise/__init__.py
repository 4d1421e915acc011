"""Pseudonymisation of transcripts and notes: names to codes, a separate key, restore.

Library only (no CLI or web imports): ``pseudonymise_texts`` for strings,
``pseudonymise_documents`` for ingested Documents (``analyze --pseudonymise``),
``pseudonymise_folder``/``restore_folder`` for folders of files.
"""

from coatlas.pseudonymise.core import (
    Options,
    PseudonymiseError,
    Result,
    pseudonymise_documents,
    pseudonymise_folder,
    pseudonymise_texts,
    read_key,
    restore_folder,
    restore_text,
    write_key,
)
from coatlas.pseudonymise.detect import Mention, detect

__all__ = [
    "Mention",
    "Options",
    "PseudonymiseError",
    "Result",
    "detect",
    "pseudonymise_documents",
    "pseudonymise_folder",
    "pseudonymise_texts",
    "read_key",
    "restore_folder",
    "restore_text",
    "write_key",
]
