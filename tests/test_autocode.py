"""Behaviour of learning from human coding: the model, the CSV tables and the CLI."""

from __future__ import annotations

import random

import numpy as np
import pytest
from typer.testing import CliRunner

from coatlas.autocode import (
    AutocodeError,
    AutoCoder,
    Thresholder,
    micro_f1,
    read_coded_csv,
    read_texts_csv,
)
from coatlas.cli import app

FILLER = [
    "the",
    "a",
    "day",
    "visit",
    "ward",
    "room",
    "ok",
    "fine",
    "today",
    "week",
    "service",
    "dag",
    "besök",
    "rum",
    "idag",
    "vecka",
]
# Two obvious keyword rules, one English and one Swedish word for each code.
RULES = {"waiting": ("wait", "väntetid"), "staff": ("nurse", "personalen")}


def synth(n: int, seed: int) -> tuple[list[str], np.ndarray]:
    rnd = random.Random(seed)
    texts, Y = [], []
    for _ in range(n):
        words = rnd.sample(FILLER, 5)
        row = []
        for kws in RULES.values():
            on = rnd.random() < 0.4
            if on:
                words.insert(rnd.randrange(len(words) + 1), rnd.choice(kws))
            row.append(int(on))
        texts.append(" ".join(words))
        Y.append(row)
    return texts, np.array(Y)


def write_csv(path, header, rows, encoding="utf-8", delimiter=","):
    import csv

    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(header)
        w.writerows(rows)
    return path


@pytest.fixture()
def tables(tmp_path):
    texts, Y = synth(80, 1)
    train = write_csv(
        tmp_path / "train.csv",
        ["id", "text", "waiting", "staff", "note"],
        [
            [f"t{i}", t, *(str(v) if v else "" for v in y), "x"]
            for i, (t, y) in enumerate(zip(texts, Y, strict=True))
        ],
    )
    apply_texts, apply_Y = synth(30, 2)
    apply = write_csv(
        tmp_path / "apply.csv",
        ["text", "id", "other"],
        [[t, f"a{i:02d}", "z"] for i, t in enumerate(apply_texts)],
    )
    return train, apply, apply_Y


def test_learns_keyword_rules_in_both_languages():
    texts, Y = synth(80, 1)
    coder = AutoCoder().fit(texts, Y, list(RULES))
    new, Ynew = synth(40, 2)
    pred = coder.predict(new)
    assert pred.shape == Ynew.shape and set(np.unique(pred)) <= {0, 1}
    assert micro_f1(Ynew, pred) >= 0.95
    P = coder.predict_proba(["ward day wait visit", "personalen dag besök rum", ""])
    assert P[0, 0] > 0.5 > P[0, 1]
    assert P[1, 1] > 0.5 > P[1, 0]
    assert (P[2] == 0).all()  # an empty text gets no confidence and no code
    assert coder.predict(["", "  "]).sum() == 0
    S = coder.decision_scores(["wait"])
    assert S.shape == (1, 2) and S[0, 0] > S[0, 1]


def test_code_without_positives_is_warned_and_predicted_zero():
    texts, Y = synth(40, 3)
    Y = np.hstack([Y, np.zeros((len(texts), 1), dtype=int)])
    coder = AutoCoder().fit(texts, Y, ["waiting", "staff", "never"])
    assert any("'never'" in w and "no positive" in w for w in coder.warnings_)
    assert coder.predict(texts)[:, 2].sum() == 0
    assert (coder.predict_proba(texts)[:, 2] == 0).all()


def test_fit_rejects_bad_shapes_and_values():
    with pytest.raises(ValueError, match="only 0 and 1"):
        AutoCoder().fit(["a", "b", "c"], np.array([[0], [2], [1]]))
    with pytest.raises(ValueError, match="n_texts"):
        AutoCoder().fit(["a", "b"], np.array([[0], [1], [1]]))
    with pytest.raises(ValueError, match="code names"):
        AutoCoder().fit(["a", "b"], np.array([[0], [1]]), ["x", "y"])


def test_thresholder_fallback_gives_at_least_one_code():
    P = np.array([[0.3, 0.1], [0.9, 0.2], [0.05, 0.02]])
    Y = np.array([[1, 0], [1, 0], [0, 0]])
    th = Thresholder(mode="fixed", fixed=0.5).fit(P, Y)
    B = th.apply(P)
    assert B[0, 0] == 1 and B[1, 0] == 1 and B[2].sum() == 0
    assert 0.05 < th.floor_ <= 0.3
    no_fb = Thresholder(mode="fixed", fixed=0.5, at_least_one=False).fit(P, Y).apply(P)
    assert no_fb[0].sum() == 0


def test_per_code_thresholds_differ_for_rare_code():
    rnd = np.random.default_rng(0)
    Y = (rnd.random((400, 2)) < [0.4, 0.05]).astype(int)
    # Code 1 scores low even when present: its best cut-off sits far below code 0's.
    P = np.where(Y == 1, [0.8, 0.2], [0.3, 0.03]) + rnd.normal(0, 0.03, (400, 2))
    th = Thresholder(at_least_one=False).fit(np.clip(P, 0, 1), Y)
    assert th.thresholds_[1] < 0.2 < th.thresholds_[0]
    assert micro_f1(Y, th.apply(np.clip(P, 0, 1))) > 0.95


def test_read_coded_csv_default_codes_and_blank_cells(tables):
    train, _, _ = tables
    t = read_coded_csv(train, "id", "text")
    assert t.codes == ["waiting", "staff"]  # "note" is not 0/1
    assert t.Y.shape == (80, 2) and t.Y.dtype == np.uint8
    assert t.ids[0] == "t0"


def test_read_coded_csv_errors(tmp_path, tables):
    train, _, _ = tables
    with pytest.raises(AutocodeError, match="no text column 'body'"):
        read_coded_csv(train, "id", "body")
    with pytest.raises(AutocodeError, match=r"code column 'note', row 2: value 'x' is not 0 or 1"):
        read_coded_csv(train, "id", "text", ["waiting", "note"])
    with pytest.raises(AutocodeError, match="no code column 'nope'"):
        read_coded_csv(train, "id", "text", ["nope"])
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(AutocodeError, match="empty.csv: empty file"):
        read_coded_csv(empty, "id", "text")
    header_only = tmp_path / "h.csv"
    header_only.write_text("id,text,a\n")
    with pytest.raises(AutocodeError, match="no data rows"):
        read_coded_csv(header_only, "id", "text")
    with pytest.raises(AutocodeError, match="no such file"):
        read_texts_csv(tmp_path / "missing.csv", "id", "text")


def test_read_handles_bom_semicolons_and_cp1252(tmp_path):
    rows = [["1", "Lång väntetid på akuten", "1"], ["2", "Trevlig personal", "0"]]
    a = write_csv(tmp_path / "bom.csv", ["id", "text", "vänta"], rows, encoding="utf-8-sig")
    b = write_csv(tmp_path / "semi.csv", ["id", "text", "vänta"], rows, delimiter=";")
    c = write_csv(tmp_path / "cp.csv", ["id", "text", "vänta"], rows, encoding="cp1252")
    for p in (a, b, c):
        t = read_coded_csv(p, "id", "text")
        assert t.codes == ["vänta"], p
        assert t.texts[0] == "Lång väntetid på akuten", p
        assert t.Y[:, 0].tolist() == [1, 0]


def run_cli(*args):
    return CliRunner().invoke(app, ["autocode", *map(str, args)])


def test_cli_round_trip_scores_and_determinism(tables, tmp_path):
    train, apply, apply_Y = tables
    out, sc = tmp_path / "pred.csv", tmp_path / "scores.csv"
    r = run_cli(train, apply, "--id", "id", "--text", "text", "--out", out, "--scores", sc)
    assert r.exit_code == 0, r.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id,waiting,staff"
    assert [x.split(",")[0] for x in lines[1:]] == [f"a{i:02d}" for i in range(30)]
    pred = np.array([[int(v) for v in x.split(",")[1:]] for x in lines[1:]])
    assert micro_f1(apply_Y, pred) >= 0.95
    slines = sc.read_text(encoding="utf-8").splitlines()
    assert slines[0] == lines[0] and len(slines) == len(lines)
    vals = [v for x in slines[1:] for v in x.split(",")[1:]]
    assert all(len(v.split(".")[1]) == 4 and 0.0 <= float(v) <= 1.0 for v in vals)
    first = (out.read_bytes(), sc.read_bytes())
    r2 = run_cli(train, apply, "--id", "id", "--text", "text", "--out", out, "--scores", sc)
    assert r2.exit_code == 0
    assert (out.read_bytes(), sc.read_bytes()) == first


def test_cli_codes_option_and_errors(tables, tmp_path):
    train, apply, _ = tables
    out = tmp_path / "p.csv"
    r = run_cli(train, apply, "--id", "id", "--text", "text", "--out", out, "--codes", "staff")
    assert r.exit_code == 0, r.output
    assert out.read_text().splitlines()[0] == "id,staff"
    r = run_cli(train, apply, "--id", "ident", "--text", "text", "--out", out)
    assert r.exit_code == 2
    assert "train.csv: no id column 'ident'" in r.output
    assert len(r.output.strip().splitlines()) == 1
    r = run_cli(train, apply, "--id", "id", "--text", "text", "--out", out, "--codes", "note")
    assert r.exit_code == 2 and "is not 0 or 1" in r.output


def test_cli_warns_for_code_without_positives(tmp_path):
    texts, Y = synth(30, 4)
    train = write_csv(
        tmp_path / "tr.csv",
        ["id", "text", "waiting", "never"],
        [[str(i), t, str(y[0]), "0"] for i, (t, y) in enumerate(zip(texts, Y, strict=True))],
    )
    apply = write_csv(tmp_path / "ap.csv", ["id", "text"], [["x", "wait"], ["y", "nothing"]])
    out = tmp_path / "o.csv"
    r = run_cli(train, apply, "--id", "id", "--text", "text", "--out", out)
    assert r.exit_code == 0, r.output
    assert "'never' has no positive texts" in r.output
    assert out.read_text().splitlines() == ["id,waiting,never", "x,1,0", "y,0,0"]


class FakeEmbedder:
    """A stand-in for the sentence model: hashed words, L2-normalised (no model load)."""

    name = "fake"

    def embed(self, texts):
        import zlib

        out = np.zeros((len(texts), 16), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.split():
                out[i, zlib.crc32(w.encode()) % 16] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


@pytest.mark.parametrize("mode", ["stack", "concat"])
def test_embedding_members_fit_and_predict(mode):
    texts, Y = synth(80, 5)
    coder = AutoCoder(use_embeddings=True, embedder=FakeEmbedder(), embedding_mode=mode)
    coder.fit(texts, Y, list(RULES))
    assert len(coder.members_) == (2 if mode == "stack" else 1)
    new, Ynew = synth(30, 6)
    assert micro_f1(Ynew, coder.predict(new)) >= 0.9
    with pytest.raises(ValueError, match="embedding_mode"):
        AutoCoder(use_embeddings=True, embedding_mode="nope").fit(texts, Y)


def test_too_little_text_is_a_clear_error():
    with pytest.raises(ValueError, match="too few or too short"):
        AutoCoder().fit(["", " ", ""], np.array([[1], [0], [1]]))
