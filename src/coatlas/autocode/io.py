"""Coded tables as CSV: what a team exports from its coding (NVivo, Excel, a spreadsheet).

A coded table has an id column, a text column and one 0/1 column per code.
Reading is strict about the things that silently ruin a model (a missing column,
a "yes" where 0/1 was meant) and lenient about the things spreadsheets do (a BOM,
a Windows code page, ``;`` as delimiter, blank cells meaning 0).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from coatlas.errors import CoatlasError
from coatlas.fileio import write_text

_ZERO_ONE = {"0", "1", ""}
_DELIMITERS = ",;\t"


class AutocodeError(CoatlasError):
    """A coded table that cannot be used: one line naming the file and the reason."""

    def __init__(self, path: str | Path, detail: str) -> None:
        self.path = str(path)
        self.detail = detail
        super().__init__(f"{self.path}: {detail}")


@dataclass
class CodedTable:
    """Rows of a CSV: ids, texts, and (for training tables) a 0/1 matrix of codes."""

    ids: list[str]
    texts: list[str]
    codes: list[str] = field(default_factory=list)
    Y: np.ndarray | None = None  # (n_rows, n_codes) uint8, None for tables to be coded
    columns: list[str] = field(default_factory=list)


def _decode(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without BOM) first, then Windows-1252, then a guess.

    Non-UTF-8 CSVs are nearly always old Excel exports from Windows, which for
    Swedish and English are cp1252 (a superset of latin-1 with the Swedish letters).
    Statistical guessing on short files mistakes it for e.g. cp1257, so it only
    gets the files cp1252 cannot decode.
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise AutocodeError(path, "not valid UTF-8 and the encoding cannot be guessed")
    return str(best)


def _read_rows(path: str | Path) -> tuple[list[str], list[list[str]]]:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise AutocodeError(p, "no such file") from None
    except IsADirectoryError:
        raise AutocodeError(p, "is a folder, not a CSV file") from None
    except OSError as e:
        raise AutocodeError(p, f"cannot read ({e.strerror or e})") from None
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise AutocodeError(p, "binary file, not a CSV (save the sheet as CSV)")
    utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    text = raw.decode("utf-16") if utf16 else _decode(p, raw)
    if not text.strip():
        raise AutocodeError(p, "empty file")
    first = text.split("\n", 1)[0]
    # The header decides the delimiter: the most frequent of , ; TAB outside quotes.
    counts = {d: first.count(d) for d in _DELIMITERS}
    delim = max(_DELIMITERS, key=lambda d: (counts[d], d == ","))
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    except csv.Error as e:
        raise AutocodeError(p, f"not a readable CSV ({e})") from None
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise AutocodeError(p, "empty file")
    header = [h.strip() for h in rows[0]]
    dup = sorted({h for h in header if header.count(h) > 1 and h})
    if dup:
        raise AutocodeError(p, f"duplicate column name {dup[0]!r}")
    body = rows[1:]
    if not body:
        raise AutocodeError(p, "no data rows under the header")
    width = len(header)
    for i, r in enumerate(body, start=2):
        if len(r) > width and any(c.strip() for c in r[width:]):
            raise AutocodeError(p, f"row {i} has {len(r)} cells but the header has {width}")
    body = [(r + [""] * width)[:width] for r in body]
    return header, body


def _col(path: str | Path, header: list[str], name: str, role: str) -> int:
    if name in header:
        return header.index(name)
    folded = [h.casefold() for h in header]
    if folded.count(name.casefold()) == 1:
        return folded.index(name.casefold())
    shown = ", ".join(repr(h) for h in header[:12]) + (", ..." if len(header) > 12 else "")
    raise AutocodeError(path, f"no {role} column {name!r} (columns: {shown})")


def _is_zero_one(values: Sequence[str]) -> bool:
    return all(v.strip() in _ZERO_ONE for v in values)


def read_coded_csv(
    path: str | Path, id_col: str, text_col: str, codes: Sequence[str] | None = None
) -> CodedTable:
    """Read a training table. ``codes=None`` takes every other column that is all 0/1/empty.

    Columns that are entirely empty are not taken as codes by default (they are
    more often unused note columns than codes nobody applied). A code given in
    ``codes`` must exist and hold only 0, 1 or empty cells (empty means 0).
    """
    header, body = _read_rows(path)
    i_id = _col(path, header, id_col, "id")
    i_text = _col(path, header, text_col, "text")
    if codes is None:
        idx = [
            j
            for j in range(len(header))
            if j not in (i_id, i_text)
            and _is_zero_one([r[j] for r in body])
            and any(r[j].strip() for r in body)
        ]
        if not idx:
            raise AutocodeError(path, "no code columns (columns holding only 0, 1 or empty)")
    else:
        idx = []
        for c in codes:
            j = _col(path, header, c, "code")
            if j in (i_id, i_text):
                raise AutocodeError(path, f"code column {c!r} is the id or text column")
            if j not in idx:
                idx.append(j)
    Y = np.zeros((len(body), len(idx)), dtype=np.uint8)
    for k, j in enumerate(idx):
        for i, r in enumerate(body):
            v = r[j].strip()
            if v not in _ZERO_ONE:
                raise AutocodeError(
                    path,
                    f"code column {header[j]!r}, row {i + 2}: value {v[:20]!r} is not 0 or 1",
                )
            Y[i, k] = v == "1"
    return CodedTable(
        ids=[r[i_id].strip() for r in body],
        texts=[r[i_text] for r in body],
        codes=[header[j] for j in idx],
        Y=Y,
        columns=header,
    )


def read_texts_csv(path: str | Path, id_col: str, text_col: str) -> CodedTable:
    """Read a table to be coded: only its id and text columns matter."""
    header, body = _read_rows(path)
    i_id = _col(path, header, id_col, "id")
    i_text = _col(path, header, text_col, "text")
    return CodedTable(
        ids=[r[i_id].strip() for r in body], texts=[r[i_text] for r in body], columns=header
    )


def write_codes_csv(
    path: str | Path,
    id_col: str,
    ids: Sequence[str],
    codes: Sequence[str],
    values: np.ndarray,
    decimals: int | None = None,
) -> None:
    """Write ``id, code...`` rows in the given order; 0/1 ints, or scores with ``decimals``.

    Fixed ``\\n`` line ends and fixed formatting so the bytes depend only on the values.
    """
    values = np.asarray(values)
    if values.shape != (len(ids), len(codes)):
        raise ValueError(f"values shape {values.shape} != ({len(ids)}, {len(codes)})")
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([id_col, *codes])
    for rid, row in zip(ids, values, strict=True):
        if decimals is None:
            cells = [str(int(v)) for v in row]
        else:
            cells = [f"{float(v):.{decimals}f}" for v in row]
        w.writerow([rid, *cells])
    write_text(path, buf.getvalue())
