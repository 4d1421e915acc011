"""Recorded interviews to transcripts (extra ``coatlas[audio]``): faster-whisper, offline.

Why: interviews are recorded, and a transcript in the reader's own format ("Speaker 1: …"
turns) goes straight into ``analyze`` and ``pseudonymise``. Library only: no CLI or web.

Models are never downloaded: ``model`` is a folder holding a CTranslate2 Whisper model
(``model.bin``, ``config.json``, tokenizer), or the name of an installed Python package that
ships one (its folder is found inside the package). Speakers: a stereo recording with one
voice per channel (a common interview set-up) gets a speaker per channel, each segment going to
the louder channel; a mono recording has one speaker, as the transcript header says.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coatlas.errors import CoatlasError

__all__ = [
    "Segment",
    "TranscribeError",
    "find_model",
    "format_transcript",
    "transcribe_file",
    "transcribe_files",
    "word_error_rate",
]

AUDIO_SUFFIXES = (".wav", ".mp3", ".m4a", ".flac", ".ogg", ".opus", ".aac", ".wma", ".mp4", ".webm")
_LABELS = {"en": "Speaker", "sv": "Talare"}


class TranscribeError(CoatlasError):
    """An audio file or a model that cannot be used (one line: file, reason)."""


@dataclass(frozen=True)
class Segment:
    start: float  # seconds
    end: float
    text: str
    speaker: int  # 1-based


def _is_model_dir(path: Path) -> bool:
    return (path / "model.bin").is_file() and (path / "config.json").is_file()


def find_model(model: str) -> Path:
    """The model folder: a path, or an installed package that ships one (searched inside)."""
    path = Path(model).expanduser()
    if path.is_dir():
        if _is_model_dir(path):
            return path
        raise TranscribeError(f"{model}: no Whisper model here (model.bin and config.json)")
    name = model.replace("-", "_")
    spec = importlib.util.find_spec(name) if name.isidentifier() else None
    if spec is None or not spec.submodule_search_locations:
        raise TranscribeError(
            f"{model}: not a model folder nor an installed package that ships one "
            "(models are never downloaded; see docs/audio.md)"
        )
    for root in spec.submodule_search_locations:
        for found in sorted(Path(root).rglob("model.bin")):
            if _is_model_dir(found.parent):
                return found.parent
    raise TranscribeError(f"{model}: the package ships no Whisper model folder")


@dataclass
class _Loaded:
    model: Any
    name: str


_CACHE: dict[tuple[str, int], _Loaded] = {}


def _load(model: str, threads: int) -> _Loaded:
    key = (model, threads)
    if key not in _CACHE:
        try:
            from faster_whisper import WhisperModel
        except ImportError as e:
            raise TranscribeError(
                f"transcription needs the audio extra: pip install 'coatlas[audio]' ({e})"
            ) from None
        folder = find_model(model)
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # belt and braces: a local folder only
        wm = WhisperModel(str(folder), device="cpu", compute_type="int8", cpu_threads=threads)
        _CACHE[key] = _Loaded(wm, folder.name if Path(model).is_dir() else model)
    return _CACHE[key]


def _channels(path: Path) -> tuple[Any, Any] | None:
    """Left and right channel at 16 kHz when the file is stereo with two different voices."""
    import numpy as np
    from faster_whisper import decode_audio

    try:
        left, right = decode_audio(str(path), split_stereo=True)
    except Exception:  # noqa: BLE001 - mono files cannot be split
        return None
    if not len(left) or np.allclose(left, right, atol=1e-3):
        return None
    return left, right


def transcribe_file(
    path: str | Path,
    model: str,
    *,
    language: str | None = None,
    speakers: str = "auto",
    threads: int = 2,
) -> tuple[list[Segment], str]:
    """Segments with start and end time and speaker, and the language Whisper used."""
    import numpy as np

    path = Path(path)
    if not path.is_file():
        raise TranscribeError(f"{path}: no such file")
    loaded = _load(model, threads)
    if language not in (None, "en") and not loaded.model.model.is_multilingual:
        raise TranscribeError(f"{model}: an English-only model cannot transcribe {language!r}")
    try:
        segs, info = loaded.model.transcribe(
            str(path), language=language, beam_size=5, vad_filter=False
        )
        segs = list(segs)
    except Exception as e:  # noqa: BLE001 - any decoder failure is one line
        line = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise TranscribeError(f"{path}: cannot transcribe ({line})") from None
    chans = _channels(path) if speakers in ("auto", "channels") else None
    out = []
    for s in segs:
        who = 1
        if chans is not None:
            a, b = int(s.start * 16000), max(int(s.end * 16000), int(s.start * 16000) + 1)
            energy = [
                float(np.mean(np.square(c[a:b]))) if b <= len(c) + 16000 else 0.0 for c in chans
            ]
            who = 1 if energy[0] >= energy[1] else 2
        text = " ".join(s.text.split())
        if text:
            out.append(Segment(round(s.start, 2), round(s.end, 2), text, who))
    return out, info.language


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def format_transcript(
    name: str, segments: Sequence[Segment], language: str, model: str, label_language: str = "en"
) -> str:
    """The transcript as the reader understands it: header lines, then "Speaker N:" turns, each
    starting with its time stamp; consecutive segments of one speaker make one turn."""
    label = _LABELS.get(label_language, _LABELS["en"])
    n_speakers = len({s.speaker for s in segments})
    lines = [
        f"Transcript of {name} (automatic, not checked)",
        f"Recording: {name}",
        f"Language: {language}",
        f"Transcription: coatlas with Whisper model {model}",
        "Note: "
        + (
            "one speaker per stereo channel"
            if n_speakers > 1
            else "speakers were not separated (mono recording)"
        ),
        "",
    ]
    turn: list[Segment] = []
    for s in [*segments, None]:
        if turn and (s is None or s.speaker != turn[0].speaker):
            text = " ".join(t.text for t in turn)
            lines.append(f"{label} {turn[0].speaker}: [{_clock(turn[0].start)}] {text}")
            lines.append("")
            turn = []
        if s is not None:
            turn.append(s)
    return "\n".join(lines).rstrip("\n") + "\n"


def transcribe_files(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    model: str,
    *,
    language: str | None = None,
    speakers: str = "auto",
    label_language: str = "en",
) -> tuple[list[Path], list[str]]:
    """Write ``OUT/NAME.txt`` for every audio file; returns written paths and one-line errors."""
    out = Path(out_dir)
    written: list[Path] = []
    errors: list[str] = []
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in AUDIO_SUFFIXES))
        else:
            files.append(p)
    find_model(model)  # a bad model is one error, not one per file
    out.mkdir(parents=True, exist_ok=True)
    for f in files:
        try:
            segs, lang = transcribe_file(f, model, language=language, speakers=speakers)
        except TranscribeError as e:
            errors.append(str(e))
            continue
        if not segs:
            errors.append(f"{f}: no speech found")
            continue
        target = out / (f.stem + ".txt")
        name = Path(model).name if Path(model).is_dir() else model
        target.write_text(
            format_transcript(f.name, segs, lang, name, label_language), encoding="utf-8"
        )
        written.append(target)
    return written, errors


def word_error_rate(reference: str, hypothesis: str) -> float:
    """(substitutions + deletions + insertions) / reference words, after case and punctuation
    are dropped; for benchmarks and tests."""
    import re

    def words(s: str) -> list[str]:
        return re.findall(r"[^\W_]+(?:['’][^\W_]+)*", s.casefold())

    ref, hyp = words(reference), words(hypothesis)
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / len(ref) if ref else float(bool(hyp))
