"""Speech synthesised on the machine (espeak-ng) for the transcription tests and benchmark."""

from __future__ import annotations

import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np

ESPEAK = shutil.which("espeak-ng")


def say(text: str, voice: str, path: Path, speed: int = 150) -> np.ndarray:
    """Mono 16-bit samples of ``text`` spoken by espeak-ng ``voice`` (22,050 Hz)."""
    subprocess.run([ESPEAK or "espeak-ng", "-v", voice, "-s", str(speed), "-w", str(path), text],
                   check=True, capture_output=True)  # fmt: skip
    with wave.open(str(path)) as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)


def dialogue(turns: list[tuple[int, str]], voices: tuple[str, str], path: Path) -> Path:
    """A stereo interview: speaker 1 on the left channel, speaker 2 on the right, one after
    the other with half a second of silence between turns."""
    rate, gap = 22050, np.zeros(11025, dtype=np.int16)
    left: list[np.ndarray] = []
    right: list[np.ndarray] = []
    for n, (who, text) in enumerate(turns):
        s = say(text, voices[who - 1], path.with_name(f"{path.stem}_{n}.wav"))
        silent = np.zeros_like(s)
        left += [s if who == 1 else silent, gap]
        right += [s if who == 2 else silent, gap]
    frames = np.stack([np.concatenate(left), np.concatenate(right)], axis=1).astype(np.int16)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames.tobytes())
    return path
