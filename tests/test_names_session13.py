"""What a blind corpus (session 13) showed lost or split: a body glossed in parentheses
that is named for involvement, self-care and peer roles the codebook did not know, a
by-line glued to a title, and a start year taken from a later round. Invented names;
each test checks a generic rule."""

from __future__ import annotations

from tests.test_timeline import make_doc

from coatlas.directed.candidates import find_mentions, practice_mentions
from coatlas.directed.mentions import MentionFinder
from coatlas.directed.timeline import infer_timeline
from coatlas.ingest import document_from_text


def _links(text: str, lang: str = "en") -> list[tuple[str, str, str]]:
    _, links = MentionFinder().find("x.txt", text, lang=lang)
    return [(lk.a, lk.b, lk.reason) for lk in links]


def test_a_body_named_for_involvement_is_not_glossed_as_an_organisation() -> None:
    text = "The Co-Design Council (Samskaparrådet) advises the board on every plan."
    assert not [lk for lk in _links(text) if lk[2] == "org"], _links(text)
    # a body with a topic of its own still glosses an organisation
    text = "The county disability council (Funkisrådet) advises the board on every plan."
    assert [lk for lk in _links(text) if lk[2] == "org"], _links(text)


def _practice(text: str, code: str) -> list[str]:
    docs = [document_from_text(text, "a.txt")]
    ms, _ = find_mentions(docs, None)
    return [m.surface.lower() for m in practice_mentions(docs, (code,), ms)]


def test_self_dosing_and_self_booked_beds_are_self_management() -> None:
    got = _practice(
        "Patienter var med och utformade egendoseringen av blodförtunnande läkemedel.",
        "self_management",
    )
    assert got == ["egendoseringen"], got
    got = _practice(
        "Patients took part in designing the self-booked stays on the ward.", "self_management"
    )
    assert got == ["self-booked"], got


def test_a_lived_experience_colleague_is_a_peer_staff_role() -> None:
    got = _practice(
        "Two patients with own experience of psychosis now work as lived-experience "
        "colleagues in the team.",
        "ppe_as_staff",
    )
    assert got == ["lived-experience colleagues"], got
    got = _practice(
        "Patienter med egen erfarenhet är anställda som erfarenhetskollegor.", "ppe_as_staff"
    )
    assert got == ["erfarenhetskollegor"], got


def test_a_by_line_after_a_title_is_no_apposition() -> None:
    text = "Every team with a patient: the Bryne collaborative Karin Lindqvist, improvement coach"
    assert not [lk for lk in _links(text) if lk[2] == "apposition"], _links(text)


def test_a_year_spoken_of_as_a_repeat_does_not_start_it() -> None:
    first = make_doc("a.txt", "Läsekretsen läste landstingets brev hösten 2010.", "sv")
    later = make_doc(
        "b.txt",
        "Läsekretsen genomfördes för andra gången 2016. Läsekretsen läste igen 2016. "
        "Läsekretsen träffades i mars 2016.",
        "sv",
    )
    ms = [
        (d, i, i + len("Läsekretsen"))
        for d in (first, later)
        for i in range(len(d.text))
        if d.text.startswith("Läsekretsen", i)
    ]
    assert infer_timeline(ms, [first, later]).start == 2010
