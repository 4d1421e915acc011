"""The project store: documents, codings with evidence, runs, results and an audit log.

SQLite file by default, PostgreSQL by URL; the schema is created and migrated by
Alembic revisions shipped in this package. Callers pass and get plain data::

    with open_store(path="project.db") as store:
        doc_id, created = store.add_document(doc)
        run = store.start_run(settings, versions, digest)
        store.add_codings(run, codings, coder="coatlas")
        store.finish_run(run, "succeeded")
"""

from coatlas.store.db import StoreError, downgrade, upgrade
from coatlas.store.models import CODING_STATUSES, RUN_STATUSES, SEGMENT_KINDS
from coatlas.store.repository import DocumentFailure, Store, open_store

__all__ = [
    "CODING_STATUSES",
    "RUN_STATUSES",
    "SEGMENT_KINDS",
    "DocumentFailure",
    "Store",
    "StoreError",
    "downgrade",
    "open_store",
    "upgrade",
]
