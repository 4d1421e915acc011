#!/usr/bin/env python3
"""Pseudonymisation on the annotated test set (benchmarks/pseudonymise): prints, asserts nothing.

Names: recall = gold name mentions whose letters (a Swedish genitive -s aside) all fall in
replaced spans; precision = replaced person spans that overlap a gold name or initials.
Initials and contact details are scored the same way, apart. "Initiative names altered"
counts {{…}} spans any replacement touches (the target is 0).

    .venv/bin/python benchmarks/bench_pseudonymise.py [--misses]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from coatlas.pseudonymise import Options, detect

HERE = Path(__file__).resolve().parent / "pseudonymise"


def covered(span: list, pred: list[tuple[int, int]]) -> bool:
    s, e, value = span
    need = [i for i in range(s, e) if value[i - s].isalnum()]
    return all(any(a <= i < b for a, b in pred) for i in need)


def overlaps(a: tuple[int, int], spans: list[list]) -> bool:
    return any(a[0] < s[1] and s[0] < a[1] for s in spans)


def main() -> None:
    for name in ("gold.json", "heldout_gold.json"):
        score(name)


def score(gold_name: str) -> None:
    gold = json.loads((HERE / gold_name).read_text(encoding="utf-8"))
    texts = {g["file"]: (HERE / g["file"]).read_text(encoding="utf-8") for g in gold}
    opts = Options(contacts=True)
    t0 = time.perf_counter()
    found = detect(texts.items(), contacts=opts.contacts)
    secs = time.perf_counter() - t0
    show = "--misses" in sys.argv
    totals = {
        k: [0, 0, 0, 0] for k in ("person", "initials", "contact")
    }  # tp_gold, n_gold, tp_pred, n_pred
    by_lang: dict[str, list[int]] = {}
    altered = 0
    for g in gold:
        text = texts[g["file"]]
        ms = found[g["file"]]
        pred = {
            "person": [(m.start, m.end) for m in ms if m.kind == "person"],
            "initials": [(m.start, m.end) for m in ms if m.kind == "initials"],
            "contact": [(m.start, m.end) for m in ms if m.kind not in ("person", "initials")],
        }
        every = [(m.start, m.end) for m in ms]
        for kind in totals:
            allowed = g["person"] + g["initials"] if kind != "contact" else g["contact"]
            for span in g[kind]:
                ok = covered(span, every)
                totals[kind][0] += ok
                totals[kind][1] += 1
                if kind == "person":
                    lang = g["language"]
                    by_lang.setdefault(lang, [0, 0])
                    by_lang[lang][0] += ok
                    by_lang[lang][1] += 1
                if show and not ok:
                    print(f"  miss {kind}: {g['file']} {span[2]!r}")
            for p in pred[kind]:
                ok = overlaps(p, allowed)
                totals[kind][2] += ok
                totals[kind][3] += 1
                if show and not ok:
                    ctx = text[max(0, p[0] - 25) : p[1] + 25].replace("\n", " ")
                    print(f"  false {kind}: {g['file']} {text[p[0] : p[1]]!r} … {ctx!r}")
        for span in g["keep"]:
            if overlaps((span[0], span[1]), [[a, b] for a, b in every]):
                altered += 1
                if show:
                    print(f"  altered initiative: {g['file']} {span[2]!r}")
    n_docs = len(gold)
    names = {s[2] for g in gold for s in g["person"]}
    print(
        f"{gold_name}: {n_docs} documents, {totals['person'][1]} name mentions "
        f"({len(names)} distinct forms), {totals['initials'][1]} initials, "
        f"{totals['contact'][1]} contact details, {sum(len(g['keep']) for g in gold)} initiative names"
    )
    for kind, (tp_g, n_g, tp_p, n_p) in totals.items():
        r = tp_g / n_g if n_g else float("nan")
        p = tp_p / n_p if n_p else float("nan")
        print(f"  {kind:9s} recall {r:.3f} ({tp_g}/{n_g})  precision {p:.3f} ({tp_p}/{n_p})")
    for lang, (ok, n) in sorted(by_lang.items()):
        print(f"  names [{lang}] recall {ok / n:.3f} ({ok}/{n})")
    print(f"  initiative names altered: {altered}")
    print(f"  time: {secs:.2f} s")


if __name__ == "__main__":
    main()
