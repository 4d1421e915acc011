"""WordIndex narrows a scan without changing what a full scan finds."""

from __future__ import annotations

import random
import re

from coatlas.directed.phrases import _count, _phrase_rx
from coatlas.text.wordindex import WordIndex, bounded, fold

ALPHABET = "abcsåäöABCSÅÄÖſKKıİ -'’.\nΙιͅ"


def _rx(literal: str, endings: tuple[str, ...]) -> re.Pattern[str]:
    tail = "(?:" + "|".join(endings) + ")?" if endings else ""
    return re.compile(
        r"(?<!\w)" + re.escape(literal).replace(r"\ ", r"[\s-]+") + tail + r"(?!\w)",
        re.IGNORECASE,
    )


def test_fold_keeps_length_and_follows_ignorecase() -> None:
    for ch in "AÅſKıİΣς":
        assert len(fold(ch)) == 1
    assert fold("ſ") == fold("s") == fold("S")
    assert fold("K") == fold("k")
    assert fold("Peer Support") == fold("peer support")


def test_candidates_never_miss_a_match() -> None:
    rng = random.Random(7)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60))) for _ in range(60)]
    texts += ["Peer support cafés", "PEER-SUPPORT", "the peer  supporten", "peersupport"]
    index = WordIndex(texts)
    literals = ["peer support", "ab", "sa", "ås", "k", "ι", "a.b", "s'a", "ab-cs", "ä ö"]
    literals += [
        "".join(rng.choice(ALPHABET[:14] + " ") for _ in range(3)).strip() for _ in range(80)
    ]
    for literal in [x for x in literals if x]:
        for endings in ((), ("s", "n", "en", "et", "na")):
            rx = _rx(literal, endings)
            full = [i for i, t in enumerate(texts) if rx.search(t)]
            where = index.candidates(literal, endings)
            if where is not None:
                assert set(full) <= set(where), (literal, endings)


def test_count_with_index_equals_full_count() -> None:
    texts = ["Min vård plan", "min  vård plan och MIN VÅRD PLAN", "vård", "planen min vård plan"]
    index = WordIndex(texts)
    for name in ("Min vård plan", "vård", "plan", "Ny plan"):
        rx = _phrase_rx(name)
        assert _count(rx, texts, index, name) == _count(rx, texts)


def test_bounded_finds_what_the_look_behind_first_pattern_finds() -> None:
    # the same matches at the same places, whatever precedes or follows the phrase
    rng = random.Random(11)
    chars = "abå -\t\n.Ab_1"
    texts = ["".join(rng.choice(chars) for _ in range(rng.randint(0, 80))) for _ in range(300)]
    texts += ["ab", "-ab b", "xab b", "ab\tb.", "ab  b-", "ab bab b"]
    for lead, rest in (("ab", ""), ("ab", r"[ \t]+b"), ("å", r"[ \t]+a"), ("a-b", ""), ("", "ab")):
        old = re.compile(r"(?<![\w-])" + re.escape(lead) + rest + r"(?![\w-])")
        new = bounded(lead, rest)
        for t in texts:
            assert [m.span() for m in old.finditer(t)] == [m.span() for m in new.finditer(t)]
