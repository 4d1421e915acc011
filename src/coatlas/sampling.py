"""The step at which each document entered the study, and the study's Table 1.

Why: Persson et al. sampled in steps: strategic documents first (given), then documents about
each initiative Step 1 found (snowball sampling: ``coatlas suggest``), then interviews with the
people behind them. Their Table 1 reports which documents entered at which step. A folder
records its steps in ``.coatlas-sampling.json`` (written by ``suggest --copy-to``; a dot file,
so it is never read as a document); a document it does not list is an interview when it has
speaker turns, else given.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coatlas.errors import CoatlasError

SAMPLING_FILE = ".coatlas-sampling.json"
STEPS = ("given", "suggested", "interview")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def read_sampling(docs_dir: str | Path) -> dict[str, dict[str, Any]]:
    """The recorded entry steps of a folder (empty when it has none)."""
    path = Path(docs_dir) / SAMPLING_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise CoatlasError(f"{path}: cannot read ({e})") from None
    docs = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(docs, dict):
        raise CoatlasError(f'{path}: expected {{"documents": {{path: {{"step": …}}}}}}')
    for doc, entry in docs.items():
        if not isinstance(entry, dict) or entry.get("step") not in STEPS:
            raise CoatlasError(f"{path}: {doc}: step must be one of {', '.join(STEPS)}")
    return docs


def record(docs_dir: str | Path, entries: dict[str, dict[str, Any]]) -> Path:
    """Add (or replace) entries in the folder's sampling file; keys sorted, same bytes."""
    path = Path(docs_dir) / SAMPLING_FILE
    current = read_sampling(docs_dir)
    current.update(entries)
    data = {"documents": {k: current[k] for k in sorted(current)}}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def entry_steps(
    docs: Sequence[Any], recorded: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Every document's entry: the recorded one, else interview (speaker turns) or given."""
    out: dict[str, dict[str, Any]] = {}
    for d in docs:
        entry = recorded.get(d.path)
        if entry is not None:
            out[d.path] = {k: entry[k] for k in ("step", "initiative", "name") if k in entry}
        else:
            out[d.path] = {"step": "interview" if d.is_transcript else "given"}
    return out


def document_year(doc: Any) -> int | None:
    """The year a document is from: in its file name, else in its first lines (a date)."""
    m = _YEAR.search(Path(doc.path).name)
    if m:
        return int(m.group(1))
    m = _YEAR.search(doc.text[:400])
    return int(m.group(1)) if m else None


def table1(
    docs: Sequence[Any], steps: dict[str, dict[str, Any]], types: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """Documents per entry step: how many, of which types and languages, which years.

    ``types``: each document's ``doctype.classify(doc).type`` by path where already
    known (the per-document stage, ``perdoc``, found it where the document was read)."""
    from coatlas.doctype import classify

    known = types or {}

    rows = []
    for step in STEPS:
        ds = [d for d in docs if steps.get(d.path, {}).get("step") == step]
        if not ds:
            continue
        years = [y for y in (document_year(d) for d in ds) if y is not None]
        types = Counter(known.get(d.path) or classify(d).type for d in ds)
        langs = Counter(d.language for d in ds)
        inis = sorted({str(steps[d.path].get("name") or steps[d.path].get("initiative"))
                       for d in ds if steps[d.path].get("initiative")})  # fmt: skip
        rows.append(
            {
                "step": step,
                "documents": len(ds),
                "types": dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
                "languages": dict(sorted(langs.items(), key=lambda kv: (-kv[1], kv[0]))),
                "years": [min(years), max(years)] if years else None,
                "initiatives": inis,
            }
        )
    return rows


_STEP_LABELS = {
    "given": "Given (strategic and other documents handed in)",
    "suggested": "Snowball sampling: documents about the initiatives found",
    "interview": "Interviews",
}


def _cells(row: dict[str, Any]) -> list[str]:
    years = row.get("years")
    return [
        _STEP_LABELS.get(row["step"], row["step"]),
        str(row["documents"]),
        ", ".join(f"{t} ({n})" for t, n in row["types"].items()),
        ", ".join(f"{t} ({n})" for t, n in row["languages"].items()),
        f"{years[0]}–{years[1]}"
        if years and years[0] != years[1]
        else (str(years[0]) if years else ""),
        ", ".join(row.get("initiatives") or []),
    ]


HEADER = ["Step", "Documents", "Types", "Languages", "Years", "From initiatives"]


def table1_csv(rows: Sequence[dict[str, Any]]) -> str:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER)
    for r in rows:
        w.writerow(_cells(r))
    return buf.getvalue()


def table1_md(rows: Sequence[dict[str, Any]]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + " --- |" * len(HEADER)]
    for r in rows:
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in _cells(r)) + " |")
    return "\n".join(lines) + "\n"


def table1_view(rows: Sequence[dict[str, Any]]) -> list[list[str]]:
    """Rows as cells, for the report."""
    return [_cells(r) for r in rows]
