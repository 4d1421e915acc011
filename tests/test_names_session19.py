"""What session 19's errors showed: a café named in apposition, a newsletter's
masthead, a coined name in mixed case spelled out after a dash, a report titled below a
letterhead, and disability councils' members. Invented texts; each test checks a
generic rule and fails without its change."""

from __future__ import annotations

import pytest

from coatlas.directed.mentions import MentionFinder
from coatlas.ingest import document_from_text
from coatlas.text.sentences import document_sentences, sentence_spans


def test_a_cafe_in_apposition_names_an_initiative_without_its_article() -> None:
    from coatlas.directed.phrases import _apposition_candidates, is_type_word

    assert is_type_word("café") and is_type_word("kaféet")
    doc = document_from_text(
        "Carers spoke highly of The Willow Table, a monthly carers' café in the church "
        "hall. The Willow Table meets on Fridays.",
        "report.txt",
    )
    found = _apposition_candidates(doc, document_sentences(doc))
    assert [name for _, _, name in found] == ["Willow Table"]
    a, b, _ = found[0]
    assert doc.text[a:b] == "Willow Table"


@pytest.mark.parametrize("heading", ["Riverside News", "Personalnytt", "Vårdtidningen"])
def test_a_publication_masthead_is_no_heading_name(heading: str) -> None:
    from coatlas.directed.candidates import _heading_stop

    assert _heading_stop(heading)
    assert not _heading_stop("Riverside Carers Forum")


def test_a_coined_mixed_case_name_spelled_after_a_dash_is_an_acronym() -> None:
    from coatlas.directed.mentions import _coined_capitals

    assert _coined_capitals("MeDi-Lab") == "MDL"
    assert _coined_capitals("KoKoA") == "KKA"
    assert _coined_capitals("Maj-Britt") is None  # a hyphenated given name
    assert _coined_capitals("Vårdgruppen") is None
    text = "MeDi-Lab – Medical Design Laboratory\n\nThe MeDi-Lab pilot ran for two years."
    ms, links = MentionFinder().find("a.txt", text, sentence_spans(text), lang="en")
    keys = {m.key for m in ms}
    assert "medical design laboratory" in keys
    assert any(lk.reason == "acronym" for lk in links)


def test_a_report_titled_below_its_letterhead_is_about_what_it_names() -> None:
    from coatlas.directed.candidates import _headings

    text = (
        "Landstinget Norrby · Alby kommun · Bby kommun  Lägesrapport 2  2016-09-19\n\n"
        "Trygg väg hem – lägesrapport 2 till styrgruppen\n\n"
        "Trygg väg hem är ett förbättringsprogram. Varje team har minst en patient med."
    )
    doc = document_from_text(text, "rapport.txt")
    found = [m for m in _headings(doc, document_sentences(doc), []) if m.key == "trygg väg hem"]
    assert found and {"title", "report_title"} <= found[0].cues


def test_disability_councils_members_take_part() -> None:
    from coatlas.directed.ppe import ppe_hits

    text = "Rådet ska ge funktionshindrade medinflytande i kommunens arbete."
    assert any(h.score >= 1.0 for h in ppe_hits(text, 0, len(text)))


def test_an_agreement_names_an_initiative_in_english_as_in_swedish() -> None:
    text = "Since 2019 the Clear Path Agreement, co-designed with patients, sets the next visit."
    ms, _ = MentionFinder().find("a.txt", text, sentence_spans(text), lang="en")
    found = [m for m in ms if m.key.endswith("clear path agreement")]
    assert found and found[0].kind == "agreement"


@pytest.mark.parametrize(
    "text",
    [
        "Every session is co-taught by a teacher and a patient or carer.",
        "The group is co-chaired by a carer and the ward manager.",
        "Each course is co-delivered by a physiotherapist and a patient.",
    ],
)
def test_doing_it_jointly_with_staff_is_taking_part(text: str) -> None:
    from coatlas.directed.ppe import ppe_hits

    assert any(h.score >= 1.0 for h in ppe_hits(text, 0, len(text)))


def test_a_document_titled_by_the_name_alone_describes_it_throughout() -> None:
    from coatlas.directed.initiatives import _ppe_for
    from coatlas.directed.mentions import Mention
    from coatlas.directed.resolve import Entity

    text = (
        "Region Norrby · Kvinnokliniken · Projektplan · 2019-08-14\n\nFörlossningsbron\n\n"
        "Ett förbättringsprojekt där blivande föräldrar och personal tillsammans formar om "
        "vården\n\n1. Bakgrund\n\nKliniken har många förlossningar.\n\n2. Syfte\n\n"
        "Syftet är att tillsammans med föräldrar förbättra övergångarna."
    )
    doc = document_from_text(text, "plan.docx")
    a = text.index("Förlossningsbron")
    m = Mention(doc.path, a, a + 16, "Förlossningsbron", "förlossningsbron", "sv", {"title"})
    hits = _ppe_for(
        Entity(["förlossningsbron"], [m]), {doc.path: doc}, {doc.path: document_sentences(doc)}
    )
    assert len({h.start for h in hits if h.score >= 0.8}) >= 2


def test_who_had_it_themselves_is_persons_with_experience() -> None:
    from coatlas.directed.ppe import ppe_hits

    text = "Elever som själva hade haft det tufft var med från början och bestämde innehållet."
    assert any(h.score >= 1.0 for h in ppe_hits(text, 0, len(text)))


def test_a_minuted_item_is_about_what_its_heading_names() -> None:
    from coatlas.directed.initiatives import _agenda_item, _ppe_for
    from coatlas.directed.mentions import Mention
    from coatlas.directed.resolve import Entity

    text = (
        "Omsorgsnämnden, protokoll\n\n§ 12 Trygghetsdialogerna 2019 – återrapport\n\n"
        "Dnr ON 2019/1\n\nSocialchefen redovisar omgången. Tidigare omgångar hölls 2014. "
        "Vid sex träffar deltog 58 brukare och 21 anhöriga. Två brukare ledde samtalen.\n\n"
        "§ 13 Budget\n\nBudgeten för 2020 ska ses över av anhöriga och brukare."
    )
    doc = document_from_text(text, "protokoll.odt")
    a = text.index("Trygghetsdialogerna")
    assert _agenda_item(text, a) == text.index("§ 13")
    assert _agenda_item(text, text.index("Socialchefen")) is None
    m = Mention(
        doc.path, a, a + 19, "Trygghetsdialogerna", "trygghetsdialogerna", "sv", {"heading"}
    )
    hits = _ppe_for(
        Entity(["trygghetsdialogerna"], [m]), {doc.path: doc}, {doc.path: document_sentences(doc)}
    )
    found = {text[h.start : h.end] for h in hits if h.score >= 0.8}
    assert found and all(h.start < text.index("§ 13") for h in hits if h.score >= 0.8)
    assert len({h.start for h in hits if h.score >= 0.8}) >= 2


@pytest.mark.parametrize(
    ("text", "involved"),
    [
        ("HR-avdelningen drev Ledarskapsprogrammet Norr för chefer, med 60 deltagare.", False),
        ("The course for ward managers had 40 participants who co-designed the sessions.", False),
        ("Deltagarna var med och formade kursen.", True),
        ("Chefer och patienter var med och formade kursen.", True),
    ],
)
def test_participants_who_are_staff_are_not_persons_with_experience(text, involved) -> None:
    from coatlas.directed.ppe import ppe_hits

    assert any(h.score >= 1.0 for h in ppe_hits(text, 0, len(text))) is involved


def test_a_role_negated_a_few_words_before_is_not_taking_part() -> None:
    from coatlas.directed.ppe import ppe_hits

    text = "The programme does not currently include patient or carer representatives."
    assert not any(h.score >= 1.0 for h in ppe_hits(text, 0, len(text)))


def test_a_name_in_a_persons_apposition_is_no_context_label() -> None:
    from coatlas.directed.contexts import _label, _person_apposition

    text = "In this Q&A we speak with Amaru, one of our volunteers, about the role."
    doc = document_from_text(text, "qa.txt")
    assert _person_apposition("Amaru", [text])
    assert not _person_apposition("Leeds", ["Leeds, the city council's own panel"])
    assert _label([doc.path], {doc.path: frozenset({"amaru"})}, {doc.path: doc}) == "qa.txt"
