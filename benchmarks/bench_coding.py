"""Measure Step 2 coding (methods, levels, PPE roles) against a gold corpus.

Contexts are built here from gold.json (standing in for Step 1): for each gold
initiative, the sentences of all documents that mention its name or an alias, plus
the next two sentences. Usage:

    PYTHONPATH=src python benchmarks/bench_coding.py [corpus_dir] [--no-embed]
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from pathlib import Path

from coatlas.codebook import load_codebook
from coatlas.directed.coding import (
    CombinedCoder,
    Context,
    EmbeddingCoder,
    LexiconCoder,
    aggregate,
    sentences_of,
)
from coatlas.document import Document


def _read(path: Path) -> str:
    try:
        from coatlas.ingest import read_document  # type: ignore[attr-defined]

        return read_document(path, root=path.parent).text
    except Exception:
        pass
    suf = path.suffix.lower()
    if suf in (".txt", ".md"):
        return path.read_text(encoding="utf-8", errors="replace")
    if suf == ".html":
        import trafilatura

        return trafilatura.extract(path.read_text(encoding="utf-8", errors="replace")) or ""
    if suf == ".pdf":
        import pypdf

        return "\n\n".join((p.extract_text() or "") for p in pypdf.PdfReader(str(path)).pages)
    if suf == ".docx":
        import docx

        return "\n\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    if suf == ".odt":
        from odf import teletype
        from odf.opendocument import load
        from odf.text import H, P

        d = load(str(path))
        return "\n\n".join(
            teletype.extractText(e) for e in d.getElementsByType(H) + d.getElementsByType(P)
        )
    return ""


def load_docs(root: Path) -> dict[str, Document]:
    docs = {}
    try:
        from coatlas.ingest import read_folder

        found, _errors = read_folder(root / "documents")
        if found:
            return {Path(d.path).name: d for d in found}
    except Exception:  # ingestion not available: the simple readers below
        pass
    for p in sorted((root / "documents").iterdir()):
        text = _read(p)
        docs[p.name] = Document(
            p.name, hashlib.sha256(p.read_bytes()).hexdigest(), p.suffix[1:], text
        )
    return docs


def names_of(ini: dict) -> list[str]:
    base = re.split(r"\s[–(-]\s?|\s\(", ini["name"])[0].strip()
    out = {base, *ini.get("aliases", [])}
    return sorted((n for n in out if len(n) >= 4), key=len, reverse=True)


def contexts_for(
    ini: dict, docs: dict[str, Document], after: int = 2
) -> list[tuple[Document, int, int]]:
    pats = [re.compile(r"\b" + re.escape(n), re.IGNORECASE) for n in names_of(ini)]
    out = []
    for name in sorted(docs):
        doc = docs[name]
        sents = sentences_of([(doc, 0, len(doc.text))])
        for i, s in enumerate(sents):
            ms = [
                (s.start + m.start(), s.start + m.end()) for p in pats for m in p.finditer(s.text)
            ]
            if ms:
                j = min(len(sents) - 1, i + after)
                out.append(Context(doc, s.start, sents[j].end, tuple(sorted(ms))))
    return out


def kappa(tp: int, fp: int, fn: int, tn: int) -> float:
    n = tp + fp + fn + tn
    po = (tp + tn) / n
    pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = Path(
        args[0]
        if args
        else Path(__file__).resolve().parents[2] / "shared" / "corpora" / "dev-norrvik"
    )
    gold = json.loads((root / "gold.json").read_text())
    cb = load_codebook(None)
    docs = load_docs(root)
    coders = [LexiconCoder()]
    if "--no-embed" not in sys.argv:
        from coatlas.embed import default_embedder

        coders.append(EmbeddingCoder(default_embedder()))
    coder = CombinedCoder(coders)
    t0 = time.time()
    stats = {g: [0, 0, 0, 0] for g in ("methods", "levels", "ppe_roles")}
    verbose = any(a.startswith("--verbose") for a in sys.argv)
    verbose_group = next(
        (a.split("=", 1)[1] for a in sys.argv if a.startswith("--verbose=")), "methods"
    )
    n_uncoded = n_sent = 0
    for ini in gold["initiatives"]:
        ctx = contexts_for(ini, docs)
        codings = coder.code(ctx, cb)
        sents = sentences_of(ctx)
        n_sent += len(sents)
        line = [f"{ini['id']} ctx={len(ctx)}"]
        for g in stats:
            res = aggregate(codings, cb, g, sents)
            if g == "methods":
                n_uncoded += len(res.uncoded)
            pred, gold_set = set(res.assigned), set(ini[g])
            allc = {c.id for c in cb.codes(g)}
            tp, fp, fn = len(pred & gold_set), len(pred - gold_set), len(gold_set - pred)
            st = stats[g]
            st[0] += tp
            st[1] += fp
            st[2] += fn
            st[3] += len(allc) - tp - fp - fn
            line.append(
                f"{g}: +{sorted(pred & gold_set)} FP{sorted(pred - gold_set)} FN{sorted(gold_set - pred)}"
            )
            if verbose and verbose_group in (g, "all"):
                for c in sorted(gold_set - pred):
                    print(f"   {ini['id']} FN {c} score={res.scores.get(c)}")
                for c in sorted(pred - gold_set):
                    for e in res.codes[c][:2]:
                        print(
                            f"   {ini['id']} FP {c} {e.source} {e.confidence} {e.document}: {e.quote[:160]!r}"
                        )
        print(" | ".join(line))
    print(f"\ncoding time {time.time() - t0:.1f}s, sentences {n_sent}, uncoded {n_uncoded}")
    for g, (tp, fp, fn, tn) in stats.items():
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        f1 = 2 * p * r / (p + r) if p + r else 0
        print(
            f"{g:10s} P={p:.3f} R={r:.3f} F1={f1:.3f} kappa={kappa(tp, fp, fn, tn):.3f} (tp={tp} fp={fp} fn={fn})"
        )


if __name__ == "__main__":
    main()
