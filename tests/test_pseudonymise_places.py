"""Places and organisations are pseudonymised only when asked, consistently across
documents, never inside a kept name, and the key restores them exactly."""

from __future__ import annotations

from coatlas.pseudonymise import Options
from coatlas.pseudonymise.core import pseudonymise_texts, restore_text

TEXTS = {
    "a": (
        "Vi träffades i Kvarnås med Region Fjällmark och Anna Berg från Lommarps "
        "vårdcentral. Rådet möts på Sjöbacka sjukhus i mars."
    ),
    "b": (
        "We met at Ashcombe with staff from Harrowden NHS Foundation Trust. Kvarnås again, "
        "and the Kvarnås Walk stays as it is."
    ),
}


def test_off_by_default():
    out = pseudonymise_texts(TEXTS).texts
    for word in ("Kvarnås", "Region Fjällmark", "Ashcombe", "Harrowden NHS Foundation Trust"):
        assert word in out["a"] + out["b"]
    assert "Anna Berg" not in out["a"]


def test_organisations_and_places_when_asked():
    opts = Options(organisations=True, places=True, keep=("Kvarnås Walk",))
    res = pseudonymise_texts(TEXTS, opts)
    a, b = res.texts["a"], res.texts["b"]
    for word in ("Region Fjällmark", "Lommarps vårdcentral", "Sjöbacka sjukhus", "Harrowden"):
        assert word not in a + b, word
    assert "Ashcombe" not in b and "i mars" in a  # a month is no place
    # the same place has the same code in both documents, wherever it stands
    code = a.split("träffades i ", 1)[1].split(" med", 1)[0]
    assert code.startswith("Place") and f"{code} again" in b
    assert "Kvarnås Walk" in b  # a kept name is never touched
    assert "Anna Berg" not in a
    for tid, text in res.texts.items():
        record = next(d for d in res.key["documents"] if d["id"] == tid)
        assert restore_text(text, record, tid) == TEXTS[tid]
