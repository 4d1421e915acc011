"""Outputs written atomically, killed runs found, and review refusing a folder of another run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coatlas.cli import app
from coatlas.fileio import TEMP_SUFFIX, atomic_open, sweep_temporaries, write_bytes
from coatlas.review.ops import ReviewError
from coatlas.review.project import open_project, write_reviewed
from coatlas.store import open_store
from test_small_inputs import _docs

runner = CliRunner()
# The outputs analyze writes, each through coatlas.fileio.
OUTPUTS = (
    "errors.json",
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
    "manifest.json",
)


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("cache"))


def _analyze(docs: Path, out: Path, cache: str):
    return runner.invoke(
        app, ["analyze", str(docs), "--out", str(out)], env={"COATLAS_CACHE": cache}
    )


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name in OUTPUTS}


# -- coatlas.fileio ------------------------------------------------------------------


def test_atomic_write_is_all_or_nothing(tmp_path):
    target = tmp_path / "a.json"
    write_bytes(target, b"old")
    with pytest.raises(RuntimeError), atomic_open(target) as fh:
        fh.write(b"half of the new cont")
        raise RuntimeError("killed")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]  # no temporary left behind
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_temporaries_of_dead_writers_are_swept(tmp_path):
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)  # fmt: skip
    dead = int(proc.stdout)
    stale = tmp_path / f".report.html.{dead}.0123abcd{TEMP_SUFFIX}"
    live = tmp_path / f".report.html.{os.getpid()}.0123abcd{TEMP_SUFFIX}"
    other = tmp_path / "notes.coatlas-tmp"
    for p in (stale, live, other):
        p.write_bytes(b"x")
    assert sweep_temporaries(tmp_path) == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])


# -- a run killed while it writes ------------------------------------------------------

_KILL_AT = """
import os, signal, sys
import coatlas.fileio as f
n, calls, real = int(sys.argv[1]), [0], f.write_bytes
def write_bytes(path, data):
    calls[0] += 1
    if calls[0] == n:  # die half-way through this file, as kill -9 would
        with f.atomic_open(path) as fh:
            fh.write(data[: len(data) // 2])
            fh.flush()
            os.kill(os.getpid(), signal.SIGKILL)
    return real(path, data)
f.write_bytes = write_bytes
from coatlas.cli import app
app(sys.argv[2:])
"""


@pytest.mark.parametrize("kill_at", [1, 7, 12])
def test_a_run_killed_while_writing_leaves_no_broken_file(tmp_path, cache, kill_at):
    first, second = _docs(tmp_path / "a", 2, 1), _docs(tmp_path / "b", 3, 2)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert _analyze(second, fresh, cache).exit_code == 0
    new = _outputs(fresh)
    assert _analyze(first, out, cache).exit_code == 0
    old = _outputs(out)
    proc = subprocess.run(
        [sys.executable, "-c", _KILL_AT, str(kill_at), "analyze", str(second), "--out", str(out)],
        env={**os.environ, "COATLAS_CACHE": cache},
        capture_output=True,
        text=True,
    )
    assert proc.returncode == -9, proc.stderr
    # every output is whole: the old run's bytes or complete new ones, never half a file
    for name, data in _outputs(out).items():
        assert data in (old[name], new[name]), name
    assert not (out / "manifest.json").exists()  # taken away until a run finishes
    assert any(p.name.endswith(TEMP_SUFFIX) for p in out.iterdir())
    with open_store(path=out / "coatlas.sqlite") as st:
        assert [r["status"] for r in st.runs()] == ["succeeded", "running"]
    # review refuses the half-written folder in one line
    res = runner.invoke(app, ["review", "report", str(out)], env={"COATLAS_ACTOR": "anna"})
    assert res.exit_code == 2
    assert res.output.count("\n") == 1 and "manifest.json: missing" in res.output
    # the next run marks the killed one, sweeps its temporary and writes what a fresh run does
    assert _analyze(second, out, cache).exit_code == 0
    with open_store(path=out / "coatlas.sqlite") as st:
        assert [r["status"] for r in st.runs()] == ["succeeded", "interrupted", "succeeded"]
    assert not any(p.name.endswith(TEMP_SUFFIX) for p in out.iterdir())
    assert _outputs(out) == new


def test_ctrl_c_marks_the_run_interrupted(tmp_path, cache, monkeypatch):
    import coatlas.report

    def interrupt(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(coatlas.report, "write_reports", interrupt)
    res = _analyze(_docs(tmp_path / "a", 1, 1), tmp_path / "out", cache)
    assert res.exit_code != 0
    with open_store(path=tmp_path / "out" / "coatlas.sqlite") as st:
        assert [r["status"] for r in st.runs()] == ["interrupted"]


# -- store and folder of different runs ------------------------------------------------


def test_review_refuses_a_folder_reanalysed_under_an_open_review(tmp_path, cache):
    """`coatlas serve` open on run 1 while the folder is re-analysed with other inputs."""
    out = tmp_path / "out"
    assert _analyze(_docs(tmp_path / "a", 2, 1), out, cache).exit_code == 0
    project = open_project(out)
    try:
        write_reviewed(project)  # its own folder: fine
        assert _analyze(_docs(tmp_path / "b", 3, 2), out, cache).exit_code == 0
        before = _outputs(out)
        with pytest.raises(ReviewError) as e:
            write_reviewed(project)
        line = str(e.value)
        assert "\n" not in line
        assert "manifest.json: another run than the store's run 1 (inputs digest" in line
        assert "--run 2" in line
        assert _outputs(out) == before  # nothing written
    finally:
        project.close()
    res = runner.invoke(app, ["review", "report", str(out), "--run", "1"], env={"COATLAS_ACTOR": "a"})  # fmt: skip
    assert res.exit_code == 2 and res.output.count("\n") == 1
    assert "another run than the store's run 1" in res.output
    assert runner.invoke(app, ["review", "report", str(out)]).exit_code == 0  # newest: run 2


def test_review_names_other_settings_and_a_truncated_manifest(tmp_path, cache):
    out = tmp_path / "out"
    assert _analyze(_docs(tmp_path / "a", 2, 1), out, cache).exit_code == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest["settings"]["all_documents"] = True
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    res = runner.invoke(app, ["review", "report", str(out)])
    assert res.exit_code == 2 and res.output.count("\n") == 1
    assert "settings differ" in res.output and "run coatlas analyze again" in res.output
    (out / "manifest.json").write_text(json.dumps(manifest)[:40], encoding="utf-8")
    res = runner.invoke(app, ["review", "report", str(out)])
    assert res.exit_code == 2 and res.output.count("\n") == 1
    assert f"{out / 'manifest.json'}: not valid JSON" in res.output


def test_web_write_refuses_a_folder_of_another_run(tmp_path, cache):
    pytest.importorskip("flask")
    from coatlas.web import create_app

    out = tmp_path / "out"
    assert _analyze(_docs(tmp_path / "a", 2, 1), out, cache).exit_code == 0
    project = open_project(out)
    try:
        client = create_app(project, actor="anna", token="t").test_client()
        assert _analyze(_docs(tmp_path / "b", 3, 2), out, cache).exit_code == 0
        before = _outputs(out)
        res = client.post("/report", data={"token": "t"}, headers={"Host": "127.0.0.1"})
        assert res.status_code == 400
        assert b"another run than the store&#39;s run 1" in res.data
        assert _outputs(out) == before
    finally:
        project.close()
