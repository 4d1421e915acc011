"""Alembic revisions of the coatlas store."""
