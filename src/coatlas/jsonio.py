"""Deterministic JSON: same data, same bytes, written atomically."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from coatlas.fileio import write_text


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_json(path: Path, data: Any) -> None:
    write_text(path, dumps(data))
