"""Measure Step 1 (initiatives) on an annotated corpus.

    PYTHONPATH=src:benchmarks python benchmarks/bench_directed.py [corpus_dir] [--no-embed] [-v]
        [--halves=K]   # also K random half-corpus splits (stability)

corpus_dir defaults to dev-norrvik; benchmarks/corpora/heldout-* work too.
Reads gold.json (measuring only) and prints two scores: a strict local matcher
(a predicted initiative matches a gold one when a normalised name/alias is
equal; one-to-one, greedy) and the project's ``coatlas.evaluate`` (the one CI
and the lead use).  "non-initiatives reported" must stay 0.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from devdocs import load_docs  # noqa: E402

from coatlas.directed import run  # noqa: E402
from coatlas.directed.mentions import norm_key  # noqa: E402


def name_forms(name: str, aliases: list[str]) -> set[str]:
    out = set()
    for s in [name, *aliases]:
        for part in re.split(r"\s+[–—-]\s+|\(|\)", s):
            part = part.strip()
            if part.lower().startswith("formerly "):
                part = part[9:]
            # "X Approach 2022-2025": the period is not part of what is matched
            part = re.sub(r"\s+(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?$", "", part)
            if part:
                out.add(norm_key(part))
                out.add(norm_key(part).replace(" ", ""))
    return {f for f in out if f}


def match(pred: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    pairs = []
    for i, p in enumerate(pred):
        pf = name_forms(p["name"], p.get("aliases", []))
        for j, g in enumerate(gold):
            gf = name_forms(g["name"], g.get("aliases", []))
            ov = len(pf & gf)
            if ov:
                pairs.append((-ov, i, j))
    used_p, used_g, out = set(), set(), []
    for _, i, j in sorted(pairs):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def halves(docs, gold: dict, embedder, k: int) -> None:
    """Stability: run on k random halves of the corpus (fixed seeds); score each half
    against the gold initiatives that have a document in it."""
    import random

    from coatlas.codebook import load_codebook

    cb = load_codebook()
    rows = []
    for seed in range(k):
        rng = random.Random(seed)
        paths = sorted(d.path for d in docs)
        rng.shuffle(paths)
        for part in (set(paths[: len(paths) // 2]), set(paths[len(paths) // 2 :])):
            sub = [d for d in docs if d.path in part]
            g = [x for x in gold["initiatives"] if set(x.get("documents", [])) & part]
            res = run(sub, codebook=cb, embedder=embedder)
            tp = len(match(res.initiatives, g))
            p = tp / max(1, len(res.initiatives))
            r = tp / max(1, len(g))
            bad = match(
                res.initiatives,
                [
                    {"name": n["name"], "aliases": n.get("aliases", [])}
                    for n in gold["non_initiatives"]
                ],
            )
            matched = {i for i, _ in match(res.initiatives, g)}
            nbad = len([i for i, _ in bad if i not in matched])
            rows.append((p, r, 2 * p * r / max(1e-9, p + r), nbad))
    import statistics as st

    for i, lab in enumerate(("P", "R", "F1")):
        xs = [row[i] for row in rows]
        print(
            f"halves x{len(rows)}: {lab} mean={st.mean(xs):.3f} min={min(xs):.3f} sd={st.pstdev(xs):.3f}"
        )
    print(f"halves: non-initiatives reported (sum over halves) = {sum(r[3] for r in rows)}")


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("-")]
    corpus = Path(
        args[0]
        if args
        else Path(__file__).resolve().parents[2] / "shared" / "corpora" / "dev-norrvik"
    )
    verbose = "-v" in argv
    embedder = None
    if "--no-embed" not in argv:
        from coatlas.embed import default_embedder

        embedder = default_embedder()
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    docs = load_docs(corpus / "documents")
    t0 = time.time()
    from coatlas.codebook import load_codebook

    res = run(docs, codebook=load_codebook(), embedder=embedder)
    dt = time.time() - t0
    pairs = match(res.initiatives, gold["initiatives"])
    tp = len(pairs)
    prec = tp / max(1, len(res.initiatives))
    rec = tp / max(1, len(gold["initiatives"]))
    f1 = 2 * prec * rec / max(1e-9, prec + rec)
    non_pairs = match(
        res.initiatives,
        [{"name": n["name"], "aliases": n.get("aliases", [])} for n in gold["non_initiatives"]],
    )
    matched_p = {i for i, _ in pairs}
    bad = [res.initiatives[i]["name"] for i, _ in non_pairs if i not in matched_p]
    non_found = match(
        res.non_initiatives, [{"name": n["name"], "aliases": []} for n in gold["non_initiatives"]]
    )
    print(f"corpus={corpus.name} docs={len(docs)} time={dt:.1f}s")
    print(
        f"initiatives: predicted={len(res.initiatives)} gold={len(gold['initiatives'])} tp={tp} "
        f"P={prec:.3f} R={rec:.3f} F1={f1:.3f}"
    )
    print(f"non-initiatives reported as initiatives: {len(bad)} {bad}")
    print(
        f"non-initiatives listed: {len(res.non_initiatives)}, matching gold non-initiatives: {len(non_found)}"
    )
    try:
        from coatlas.evaluate import evaluate_data

        ev = evaluate_data(gold, res.initiatives, None, res.non_initiatives)
        ini = ev["initiatives"]
        print(
            f"coatlas.evaluate: P={ini['precision']} R={ini['recall']} F1={ini['f1']} "
            f"non_initiatives_reported={ini['non_initiatives_reported']} "
            f"non_initiatives_found={ev['non_initiatives']['found']}/{ev['non_initiatives']['gold']}"
        )
        tl = ev["timeline"]
        print(
            f"  timeline start={tl['start_accuracy']} end={tl['end_accuracy']} "
            f"ongoing={tl['ongoing_accuracy']}; methods F1={ev['methods']['f1']} "
            f"levels F1={ev['levels']['f1']} ppe_roles F1={ev['ppe_roles']['f1']}"
        )
        if verbose and (ini["missed"] or ini["false_positives"]):
            print("  missed:", ini["missed"], "false positives:", ini["false_positives"])
    except ImportError:
        pass
    if verbose:
        gm = {j: i for i, j in pairs}
        for j, g in enumerate(gold["initiatives"]):
            p = res.initiatives[gm[j]] if j in gm else None
            print(f"  {'OK ' if p else 'MISS'} {g['name'][:60]:60s} <- {p['name'] if p else ''}")
        for i, p in enumerate(res.initiatives):
            if i not in matched_p:
                print(f"  FP   {p['name']}  aliases={p['aliases'][:5]} docs={len(p['documents'])}")
        for n in res.non_initiatives:
            print(f"  NON  {n['name']} docs={len(n['documents'])} -- {n['reason']}")
    for a in argv:
        if a.startswith("--halves="):
            halves(docs, gold, embedder, int(a.split("=", 1)[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
