"""Dev-norrvik regression checks (gold used only to measure)."""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path("/work/shared/corpora/dev-norrvik")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not ROOT.exists(), reason="dev corpus not present"),
]


def test_detection_and_sampling_on_dev():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import bench_lessons
    import devload

    from coatlas.inductive import LessonDetector, sample

    docs = devload.load_corpus(ROOT / "documents")
    gold = json.loads((ROOT / "gold.json").read_text(encoding="utf-8"))["lessons"]
    chosen = {s["document"] for s in sample(docs) if s["sampled"]}
    assert {g["document"] for g in gold} <= chosen
    assert len(chosen) < len(docs) / 2
    det = LessonDetector()
    pred = [
        {"document": c.document, "text": c.text}
        for d in docs
        if d.path in chosen
        for c in det.predict(d)
    ]
    tp = len(bench_lessons.match(pred, gold))
    p, r = tp / len(pred), tp / len(gold)
    assert 2 * p * r / (p + r) >= 0.65
