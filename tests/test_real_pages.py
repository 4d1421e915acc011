"""The real-pages sets: their gold is consistent, its page scoring works, and no
engine run treats a missing page folder as an error.

The page texts are third-party and not in git (benchmarks/real/README.md says how
to rebuild them; the same for benchmarks/real2 to real8): the text checks skip where they are
absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coatlas.evaluate import evaluate_pages

ROOT = Path(__file__).resolve().parents[1]
SETS = ["real", "real2", "real3", "real4", "real5", "real6", "real7", "real8"]


@pytest.mark.parametrize("name", SETS)
def test_gold_and_aliases_are_consistent(name):
    res = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks/real/check.py"), str(ROOT / "benchmarks" / name)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stdout + res.stderr


@pytest.mark.parametrize("name", SETS)
def test_no_page_text_is_tracked(name):
    out = subprocess.run(
        ["git", "ls-files", f"benchmarks/{name}"], capture_output=True, text=True, cwd=ROOT
    ).stdout.split()
    assert out and not [p for p in out if p.endswith(".txt") or "/pages/" in p]


@pytest.mark.parametrize("name", SETS)
def test_page_texts_are_ignored_by_git(name):
    res = subprocess.run(
        ["git", "check-ignore", "-q", f"benchmarks/{name}/pages/doc001.txt"], cwd=ROOT, check=False
    )
    assert res.returncode == 0


def test_page_level_scoring_counts_pages_not_initiatives():
    pages = [
        {
            "file": "a.txt",
            "initiatives": ["Youth Forum (T1)"],
            "primary_initiatives": ["Youth Forum (T1)"],
        },
        {
            "file": "b.txt",
            "initiatives": ["Patientråd (R1)"],
            "primary_initiatives": ["Patientråd (R1)"],
        },
        {"file": "c.txt", "initiatives": [], "primary_initiatives": [], "distractor": True},
    ]
    aliases = {
        "Youth Forum (T1)": {"start": 2020, "aliases": ["Youth Forum"]},
        "Patientråd (R1)": {"start": None, "aliases": ["Patientrådet"]},
    }
    found = [
        {"name": "Youth Forum", "aliases": [], "documents": ["a.txt", "c.txt"], "start": 2020},
        {"name": "Skip to main content", "aliases": [], "documents": ["b.txt"], "start": None},
    ]
    m = evaluate_pages(pages, aliases, found)
    assert m["recall"] == 0.5  # one of two primary (page, initiative) pairs
    assert m["precision"] == 0.5  # a.txt right, b.txt wrong; the distractor page not counted
    assert m["distractor_pages_given_an_initiative"] == ["c.txt"]
    assert m["unmatched"] == ["Skip to main content"]
    assert m["start_year_accuracy"] == 1.0
    assert json.dumps(m)  # plain data
