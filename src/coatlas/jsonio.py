"""Deterministic JSON: same data, same bytes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_json(path: Path, data: Any) -> None:
    path.write_text(dumps(data), encoding="utf-8", newline="\n")
