"""Step 1 on what a blind corpus showed in session 11: persons on an attendance list,
an authority named by an elided compound, two places' names an en dash joins, and a
place named inside an initiative's name that still says where a document is from.

Invented names throughout (Lerby, Holmfield, Strandby); each test checks a generic rule.
"""

from __future__ import annotations

import hashlib

from coatlas.directed.contexts import _organisation_words
from coatlas.directed.mentions import Mention, MentionFinder
from coatlas.directed.resolve import Entity, resolve
from coatlas.directed.scoring import Corpus, _organisation_name, _person_context
from coatlas.document import Document


def _doc(path: str, text: str, lang: str = "sv") -> Document:
    return Document(path, hashlib.sha256(text.encode()).hexdigest(), "txt", text, language=lang)


def _ent(surface: str, doc: Document, cues: set[str]) -> Entity:
    a = doc.text.index(surface)
    m = Mention(doc.path, a, a + len(surface), surface, surface.lower(), doc.language, cues)
    return Entity([surface.lower()], [m])


ROSTER = (
    "Närvarande: Rune Falk (ordf., Synskadades förening), Birgitta Sund (regionråd), "
    "Ove Lindahl (regionråd), Bengt Ås (Hörselföreningen), Anna Kettunen (Föreningen Vågen).\n\n"
    "Bengt Ås menade att utbildningen borde tas fram tillsammans med dem det gäller."
)


def test_a_name_on_a_line_listing_persons_is_a_person_though_its_surname_is_unknown() -> None:
    d = _doc("m.txt", ROSTER)
    for name in ("Bengt Ås", "Anna Kettunen"):
        assert _person_context(_ent(name, d, {"paren"}), Corpus.of([d])) == 1.0, name


def test_a_list_of_initiatives_is_no_roster() -> None:
    text = "Vi startade Seniorrådet (2015), Gröna Vägen (2016) och Familjen Alm (2018)."
    d = _doc("p.txt", text)
    assert _person_context(_ent("Familjen Alm", d, {"paren"}), Corpus.of([d])) == 0.0
    # one person beside the name is not enough to call the line a roster
    text2 = "Kontakt: Karin Berg (Vindkraften), Hedda Nätverket (Strandby)."
    d2 = _doc("q.txt", text2)
    assert _person_context(_ent("Hedda Nätverket", d2, {"paren"}), Corpus.of([d2])) == 0.0


def _named(surface: str) -> Entity:
    m = Mention("a.txt", 0, len(surface), surface, surface.lower(), "sv", {"title"})
    return Entity([surface.lower()], [m])


def test_an_authority_named_by_an_elided_compound_is_an_organisation() -> None:
    assert _organisation_name(_named("Hälso- och sjukvårdsnämnden"))
    assert _organisation_name(_named("Barn- och ungdomsförvaltningen"))
    # a council named after its members is the initiative
    assert not _organisation_name(_named("Brukar- och närståenderådet"))


def test_two_places_an_en_dash_joins_are_one_name_and_its_short_form_joins_it() -> None:
    text = (
        "The Lerby–Holmfield Care Exchange was launched in 2019 by Region Lerby and "
        "NHS Holmfield. Patients and staff travelled together. The Care Exchange "
        "ran for three years and patient members from both sides took part."
    )
    ms, links = MentionFinder().find("x.txt", text, lang="en")
    assert any(m.surface == "Lerby–Holmfield Care Exchange" for m in ms), ms
    assert not any(m.surface == "Lerby" for m in ms)
    ents = resolve(ms, links)
    ex = [e for e in ents if any("care exchange" in k for k in e.keys)]
    assert len(ex) == 1 and len(ex[0].keys) == 2, [e.keys for e in ents]


def test_a_place_inside_an_initiative_name_still_places_its_documents() -> None:
    docs = [
        _doc("a.txt", "Region Lerby startade utbytet 2019."),
        _doc("b.txt", "Samarbetet med Strandby fortsatte."),
    ]
    # "lerby" stands beside an organisation noun; "strandby" nowhere does
    assert _organisation_words(docs, {"lerby", "strandby", "utbytet"}) == {"lerby"}


def test_a_group_persons_with_patient_experience_take_part_in_is_a_candidate() -> None:
    def found(text: str) -> list[str]:
        ms, _ = MentionFinder().find("x.txt", text, lang="en")
        return [m.surface for m in ms if "members" in m.cues]

    assert found(
        "A Harbour Delivery Group has been formed, with strong representation from people "
        "with lived experience, carers and staff."
    ) == ["Harbour Delivery Group"]
    assert found(
        "We also run a Parents and Friends Steering Group where carers meet and plan events."
    ) == ["Parents and Friends Steering Group"]
    # staff alone, a topic's name, or an organisation's own body: no candidate
    assert found("The Harbour Delivery Group approved the budget for the new wing.") == []
    assert found("The Patient Safety Committee met; patients and carers attended.") == []
    assert found("The Trust's Finance Group met; patients took part in the review.") == []
    assert found("The NHS Finance Group met; patients took part in the review.") == []
