"""Exchange with other QDA tools: REFI-QDA Project (.qdpx) export.

Researchers go on working in NVivo, ATLAS.ti, MAXQDA or QualCoder; the open
REFI-QDA standard is the one format all of them import. No CLI or web imports here.
"""

from coatlas.interop.qdpx import DEFAULT_FILE, ExportSummary, build_qdpx, guid, write_qdpx
from coatlas.interop.results import ExportError, Results, Review, load_results

__all__ = [
    "DEFAULT_FILE",
    "ExportError",
    "ExportSummary",
    "Results",
    "Review",
    "build_qdpx",
    "guid",
    "load_results",
    "write_qdpx",
]
