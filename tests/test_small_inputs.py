"""`analyze` on the smallest inputs: 0–5 lessons and 0–2 initiatives, end to end.

Step 3 once crashed on exactly two lessons (silhouette needs 2 <= labels <= n - 1), and the
bundled example's interview analysed on its own hit it. Every size must give exit 0 and
the full set of valid outputs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from coatlas.cli import app
from coatlas.inductive import Clusterer
from coatlas.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "documents"
OUTPUTS = (
    "errors.json",
    "manifest.json",
    "initiatives.json",
    "non_initiatives.json",
    "uncoded.json",
    "lessons.json",
    "table2.csv",
    "table2.md",
    "table3.csv",
    "table3.md",
    "figure1.svg",
    "figure1.png",
    "report.html",
)
LESSONS = [
    "Vi lärde oss att förtroende måste byggas innan man kan designa något tillsammans.",
    "Vi lärde oss att föräldrarna måste få ersättning för sin tid.",
    "Vi lärde oss att mötena ska ligga på kvällstid så att alla kan komma.",
    "Vi lärde oss att personalen behöver höra patienternas berättelser först.",
    "Vi lärde oss att uppföljningen blir bättre när patienterna själva tar fram enkäten.",
]
INITIATIVES = [
    "IP: Föräldrarådet startade 2024 vid barnkliniken. Sex föräldrar och fyra i personalen "
    "var med och gjorde om rutinerna tillsammans.",
    "IP: Patientpanelen Hjärtat startade 2026. Tio patienter med hjärtsvikt var med och "
    "formade den nya mottagningen.",
]
runner = CliRunner()


def _docs(folder: Path, lessons: int, initiatives: int) -> Path:
    """Two interview transcripts: one with ``lessons`` lessons, one with ``initiatives``."""
    folder.mkdir(parents=True)
    one = ["Intervju 1 – transkribering", "I: Kan du berätta om arbetet?"]
    one.append("IP: Vi träffades ofta och pratade om hur det gick.")
    for text in LESSONS[:lessons]:
        one += ["I: Vad har ni lärt er?", "IP: " + text]
    two = ["Intervju 2 – transkribering", "I: Kan du berätta om arbetet?"]
    two += INITIATIVES[:initiatives] or ["IP: Vi träffades ofta och pratade om hur det gick."]
    for name, parts in (("intervju_1.txt", one), ("intervju_2.txt", two)):
        (folder / name).write_text("\n\n".join([*parts, "I: Tack."]) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("cache"))


def _analyze(docs: Path, out: Path, cache: str):
    return runner.invoke(
        app, ["analyze", str(docs), "--out", str(out)], env={"COATLAS_CACHE": cache}
    )


def _check_outputs(out: Path) -> dict:
    for name in OUTPUTS:
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    data = {n: json.loads((out / n).read_text(encoding="utf-8")) for n in OUTPUTS if ".json" in n}
    lessons = data["lessons.json"]
    placed = [
        lid
        for c in lessons["hierarchy"]
        for g in c["categories"]
        for k in g["codes"]
        for lid in k["lessons"]
    ]
    assert sorted(placed) == sorted(x["id"] for x in lessons["lessons"])  # each lesson once
    for les in lessons["lessons"]:
        assert {les["cluster"], les["category"], les["code"]} <= {
            n["id"]
            for c in lessons["hierarchy"]
            for n in [c, *c["categories"], *(k for g in c["categories"] for k in g["codes"])]
        }
    assert "</html>" in (out / "report.html").read_text(encoding="utf-8")
    assert (out / "figure1.png").read_bytes().startswith(b"\x89PNG")
    with open_store(path=out / "coatlas.sqlite") as st:
        assert [r["status"] for r in st.runs()] == ["succeeded"]
    return data


@pytest.mark.parametrize("initiatives", [0, 1, 2])
@pytest.mark.parametrize("lessons", [0, 1, 2, 3, 4, 5])
def test_every_small_size_analyses(tmp_path, cache, lessons, initiatives):
    docs = _docs(tmp_path / "docs", lessons, initiatives)
    res = _analyze(docs, tmp_path / "out", cache)
    assert res.exit_code == 0, res.output
    assert "Traceback" not in res.output
    data = _check_outputs(tmp_path / "out")
    # the fixture really produces the sizes it is named for
    assert len(data["lessons.json"]["lessons"]) == lessons
    assert len(data["initiatives.json"]) == initiatives
    assert data["errors.json"] == []


def test_the_bundled_interview_alone(tmp_path, cache):
    """The example interview has exactly two lessons: it crashed `_choose_k` before."""
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(EXAMPLES / "intervju_01_foraldraradet.txt", docs)
    res = _analyze(docs, tmp_path / "out", cache)
    assert res.exit_code == 0, res.output
    data = _check_outputs(tmp_path / "out")
    assert len(data["lessons.json"]["lessons"]) == 2


@pytest.mark.parametrize("n", range(0, 8))
def test_clusterer_any_size(n):
    rng = np.random.default_rng(n)
    for x in (rng.normal(size=(n, 5)), np.ones((n, 5))):  # spread out, and all identical
        levels = Clusterer().fit_predict(x)
        assert levels.shape == (n, 3)
        if n:
            assert levels.min() >= 1
