"""Co-design described rather than named: the codebook's patterns find who made what
with whom, in either word order, and not a thing staff made for patients.

The examples are invented.
"""

from __future__ import annotations

import pytest

from coatlas.codebook import load_codebook
from coatlas.codebook.match import lexicon


def _kinds(text: str, code: str = "co_design") -> set[str]:
    lx = lexicon(load_codebook())
    return {h.kind for h in lx.find(text, 0, len(text)) if h.code == code}


@pytest.mark.parametrize(
    "text",
    [
        "Där har patienter tillsammans med sjuksköterskorna skrivit om alla kallelser.",
        "Föräldrar har tillsammans med BVC tagit fram en ny broschyr.",
        "Rutinen har tagits fram av patienter, anhöriga och personal i tre verkstäder.",
        "The checklist was written by parents who had used the service.",
        "We developed the new menu with our residents over the winter.",
        "Together with two carers the team rewrote the discharge letter.",
    ],
)
def test_described_co_design_is_found(text):
    assert "pattern" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Broschyren har utvecklats av personalen för patienter.",
        "The leaflet was developed by staff for patients.",
        "Personalen skrev om rutinen under våren.",
    ],
)
def test_staff_made_for_patients_is_not_co_design(text):
    assert "pattern" not in _kinds(text)
