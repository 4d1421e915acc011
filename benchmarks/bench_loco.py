"""Steps 1–2, leave one corpus out: fit the scorer on all other corpora, test on one.

    python benchmarks/bench_loco.py [--json FILE]

For every annotated corpus (dev-norrvik, benchmarks/corpora/*, and the real pages
when they are on this machine) the scorer is fit on the others and Steps 1–2 run on
the one left out; the rule scorer runs beside it for comparison. These are the
headline figures: none is in-sample. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from _annotated import GROUPS, coder_rows, corpora, feature_table, fit_assigner, load_docs


def run_directed(docs, emb, scorer, candidates=None, assigner=None):
    from coatlas import directed
    from coatlas.codebook import load_codebook

    return directed.run(
        docs,
        codebook=load_codebook(),
        embedder=emb,
        scorer=scorer,
        candidates=candidates,
        assigner=assigner,
    )


def scores(c, res) -> dict:
    from coatlas.evaluate import evaluate_data, evaluate_pages

    m = evaluate_data(c.gold, res.initiatives, None, res.non_initiatives)
    row = {
        "initiative_f1": m["initiatives"]["f1"],
        "precision": m["initiatives"]["precision"],
        "recall": m["initiatives"]["recall"],
        "non_initiatives_reported": m["initiatives"]["non_initiatives_reported"],
        "start_acc": m["timeline"]["start_accuracy"],
        "methods_kappa": m["methods"]["kappa"],
        "false_positives": m["initiatives"]["false_positives"],
        "missed": m["initiatives"]["missed"],
    }
    if c.pages is not None:
        pg = evaluate_pages(c.pages, c.aliases, res.initiatives)
        row.update(page_f1=pg["f1"], page_p=pg["precision"], page_r=pg["recall"], pages=pg)
    return row


def main() -> None:
    from coatlas.directed.coding import LearnedAssigner, RuleAssigner
    from coatlas.directed.scoring import LogisticScorer, RuleScorer, fit_scorer

    ap = argparse.ArgumentParser()
    ap.add_argument("--json", type=Path)
    ap.add_argument(
        "--c", type=float, default=0.03, help="the scorer's inverse regularisation strength"
    )
    ap.add_argument("--min-strength", type=float, default=None)
    ap.add_argument("--balanced", action="store_true", help="reweight the scorer's classes")
    ap.add_argument(
        "--all-rows",
        action="store_true",
        help="fit the scorer on candidates without involvement too",
    )
    ap.add_argument(
        "--fixed-threshold",
        action="store_true",
        help="cut the scorer at 0.5, not at its out-of-corpus cut (never above 0.5)",
    )
    ap.add_argument("--embedder", default="full", help="Steps 1–2's embedder: full (e5) or static")
    ap.add_argument(
        "--only", nargs="*", default=None, help="test only these corpora (all still train)"
    )
    ap.add_argument(
        "--why",
        action="store_true",
        help="print each fold's candidates near the cut: labelled names it rejects, others it keeps",
    )
    a = ap.parse_args()
    from coatlas.directed.candidates import RuleCandidates

    cand = RuleCandidates(min_strength=a.min_strength) if a.min_strength else None
    from coatlas.embed import fast_embedder

    emb = fast_embedder(a.embedder, cache=True)
    cs = corpora()
    docs = {c.name: load_docs(c) for c in cs}
    tabs = {c.name: feature_table(c, docs[c.name], emb, cand) for c in cs}
    # the coder's rows come from runs with the rules scorer, which no fold fits
    crows = {c.name: coder_rows(c, docs[c.name], emb, RuleScorer()) for c in cs}
    out = []
    for c in cs:
        if a.only and c.name not in a.only and c.name.removeprefix("heldout-") not in a.only:
            continue
        train = [r for n, t in tabs.items() if n != c.name for r in t]
        model = fit_scorer(
            [r["features"] for r in train],
            [r["label"] for r in train],
            [r["corpus"] for r in train],
            c=a.c,
            balanced=a.balanced,
            involved_only=not a.all_rows,
            threshold=0.5 if a.fixed_threshold else None,
        )
        if a.why:
            scorer = LogisticScorer(model)
            probs = scorer.predict_proba([r["features"] for r in tabs[c.name]])
            for r, p in sorted(zip(tabs[c.name], probs, strict=True), key=lambda x: -x[1]):
                if (r["label"] == 1) != (p >= scorer.threshold) and abs(
                    p - scorer.threshold
                ) < 0.35:
                    what = "rejected" if r["label"] else "kept"
                    print(f"  why {c.name}: {what} p={p:.3f} {r['name']}", file=sys.stderr)
        assigner = LearnedAssigner(
            fit_assigner(
                {g: [r for n, cr in crows.items() if n != c.name for r in cr[g]] for g in GROUPS}
            )
        )
        t0 = time.perf_counter()
        # the hand-set code thresholds here: the shipped assigner was fit on this corpus too
        loco = scores(
            c, run_directed(docs[c.name], emb, LogisticScorer(model), cand, RuleAssigner())
        )
        secs = time.perf_counter() - t0
        coded = scores(c, run_directed(docs[c.name], emb, LogisticScorer(model), cand, assigner))
        loco["methods_kappa_learned"] = coded["methods_kappa"]
        rules = scores(c, run_directed(docs[c.name], emb, RuleScorer(), None, RuleAssigner()))
        out.append({"corpus": c.name, "loco": loco, "rules": rules, "seconds": round(secs, 1)})
        print(
            f"{c.name}: F1 {loco['initiative_f1']} (rules {rules['initiative_f1']})"
            f" start {loco['start_acc']} κ {loco['methods_kappa']}"
            f" (learned coder {loco['methods_kappa_learned']})"
            + (
                f" page F1 {loco['page_f1']} (rules {rules['page_f1']})"
                if "page_f1" in loco
                else ""
            ),
            file=sys.stderr,
            flush=True,
        )
    keys = [
        "initiative_f1",
        "start_acc",
        "methods_kappa",
        "methods_kappa_learned",
        "non_initiatives_reported",
    ]
    print(
        "corpus | "
        + " | ".join(f"{k} (LOCO)" for k in keys)
        + " | initiative_f1 (rules) | page F1 LOCO / rules"
    )
    for r in out:
        pg = (
            f"{r['loco'].get('page_f1')} / {r['rules'].get('page_f1')}"
            if "page_f1" in r["loco"]
            else ""
        )
        print(
            " | ".join(
                [
                    r["corpus"],
                    *(str(r["loco"][k]) for k in keys),
                    str(r["rules"]["initiative_f1"]),
                    pg,
                ]
            )
        )
    synth = [r for r in out if not r["corpus"].startswith("real")]

    def mean(k: str, which: str = "loco") -> float:
        v = [r[which][k] for r in synth if r[which][k] is not None]
        return round(sum(v) / len(v), 3) if v else float("nan")

    print(
        f"mean over {len(synth)} synthetic corpora, LOCO: initiative F1 {mean('initiative_f1')},"
        f" start {mean('start_acc')}, methods κ {mean('methods_kappa')}"
        f" (learned coder {mean('methods_kappa_learned')});"
        f" rules: initiative F1 {mean('initiative_f1', 'rules')}"
    )
    if a.json:
        a.json.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
