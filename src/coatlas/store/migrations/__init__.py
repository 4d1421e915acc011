"""Alembic environment of the coatlas store (shipped in the package, run programmatically)."""
