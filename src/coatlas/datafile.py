"""Versioned YAML data files (codebooks, facet files) validated by pydantic.

Why one module: every data file an analyst may edit must fail with one line naming the file,
the item (by its id where it has one) and the fault, never with a traceback or a pydantic
dump. The loaders differ only in their model, their error class and which lists hold items.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from coatlas.errors import CoatlasError

M = TypeVar("M", bound=BaseModel)


def parse_yaml_model(
    text: str,
    filename: str,
    model: type[M],
    error: type[CoatlasError],
    *,
    items: Mapping[str, str],
    shape: str,
) -> tuple[M, dict[str, Any]]:
    """YAML text -> validated ``model`` and the raw mapping.

    ``items``: list keys whose entries are named by their ``id`` in error lines ("groups" ->
    "group"); ``shape``: what the top-level mapping should hold, for the not-a-mapping error.
    """
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise error(f"{filename}: invalid YAML{where}: {problem}") from None
    if not isinstance(raw, dict):
        raise error(f"{filename}: {shape}")
    try:
        return model.model_validate(raw), raw
    except ValidationError as e:
        err = e.errors()[0]
        more = f" (and {e.error_count() - 1} more)" if e.error_count() > 1 else ""
        raise error(f"{filename}: {where_in(raw, err['loc'], items)}{what(err)}{more}") from None


def where_in(raw: Any, loc: tuple[Any, ...], items: Mapping[str, str]) -> str:
    """A pydantic location as "group 'x', code 'y', field: " (by id where the item has one)."""
    parts: list[str] = []
    node: Any = raw
    i = 0
    while i < len(loc):
        key = loc[i]
        if key in items and i + 1 < len(loc) and isinstance(loc[i + 1], int):
            idx = loc[i + 1]
            try:
                node = node[key][idx]
                ident = node.get("id") if isinstance(node, dict) else None
            except (KeyError, IndexError, TypeError):
                node, ident = None, None
            kind = items[key]
            parts.append(f"{kind} {ident!r}" if isinstance(ident, str) else f"{kind} #{idx + 1}")
            i += 2
            continue
        parts.append(f"item {key + 1}" if isinstance(key, int) else str(key))
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            node = None
        i += 1
    return (", ".join(parts) + ": ") if parts else ""


def what(err: Mapping[str, Any]) -> str:
    """The fault of one pydantic error, in an analyst's words."""
    t = err["type"]
    if t == "missing":
        return "missing required field"
    if t == "extra_forbidden":
        return "unknown field"
    if t == "string_pattern_mismatch":
        return f"id {err.get('input')!r} must be lower_snake_case (a-z, 0-9, _)"
    if t == "string_type":
        return f"must be text, got {err.get('input')!r} (quote it in YAML)"
    return str(err["msg"]).replace("\n", " ")
