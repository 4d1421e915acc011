"""What the twentieth synthetic corpus showed (session 18): an acronym defined with
"står för", a name run on into the next clause after "och", and a renamed body dated
from its renaming. Invented texts; each test checks a generic rule."""

from __future__ import annotations

import pytest

from coatlas.directed.mentions import MentionFinder
from coatlas.text.sentences import sentence_spans


def _found(text: str, lang: str = "sv"):
    spans = sentence_spans(text)
    return MentionFinder().find("a.txt", text, spans, lang=lang)


@pytest.mark.parametrize(
    ("text", "lang", "acronym", "name"),
    [
        (
            "Nu startar SPU. SPU står för Seniorpanelen för utvecklingen och träffas varje månad.",
            "sv",
            "spu",
            "seniorpanelen för utvecklingen",
        ),
        (
            "We welcome MAPLE. MAPLE stands for Mothers And Parents Listening Everywhere.",
            "en",
            "maple",
            "mothers and parents listening everywhere",
        ),
    ],
)
def test_an_acronym_defined_with_stands_for_is_an_alias(text, lang, acronym, name) -> None:
    ms, links = _found(text, lang)
    keys = {m.key for m in ms}
    assert acronym in keys and name in keys
    assert any({lk.a, lk.b} == {acronym, name} and lk.reason == "acronym" for lk in links)


def test_stands_for_after_a_common_word_defines_nothing() -> None:
    ms, links = _found("Regionen står för Kostnaden och Hyran i tre år.")
    assert not [lk for lk in links if lk.reason == "acronym"]


def test_a_name_ends_before_och_and_a_verb() -> None:
    ms, _ = _found("Seniorpanelen för psykisk hälsa och består av tolv pensionärer.")
    keys = {m.key for m in ms}
    assert "seniorpanelen för psykisk hälsa" in keys
    assert not any(k.endswith("består") for k in keys)
    # a second noun after "och" still belongs to the name
    ms, _ = _found("Rådet för äldre och anhöriga har träffats i Lövby.")
    assert "rådet för äldre och anhöriga" in {m.key for m in ms}


@pytest.mark.parametrize("w", ["består", "arbetar", "har", "leder", "driver", "träffas"])
def test_present_tense_verbs(w: str) -> None:
    from coatlas.directed.mentions import _sv_present_verb

    assert _sv_present_verb(w)


@pytest.mark.parametrize(
    "w", ["patienter", "anhöriga", "familjer", "ungdomar", "brukare", "patientens"]
)
def test_plural_nouns_are_not_verbs(w: str) -> None:
    from coatlas.directed.mentions import _sv_present_verb

    assert not _sv_present_verb(w)


def test_a_college_is_the_english_name_of_a_swedish_skola() -> None:
    from coatlas.directed.mentions import Mention
    from coatlas.directed.resolve import gloss_sv, resolve

    assert gloss_sv("dialysskolan") == "dialysis school"
    ms = [
        Mention("a.txt", 0, 12, "Dialysskolan", "dialysskolan", "sv", {"title"}),
        Mention("b.txt", 0, 16, "Dialysis College", "dialysis college", "en", {"title"}),
    ]
    assert len(resolve(ms, [])) == 1


@pytest.mark.parametrize(
    ("text", "lang", "year"),
    [
        ("Lövstugan firar ettårsjubileum i maj.", "sv", 2012),
        ("Träffpunkten fyller tio år i höst.", "sv", 2003),
        ("Rådet har funnits i åtta år.", "sv", 2005),
        ("The Carers Café celebrates its first anniversary.", "en", 2012),
        ("The panel marks its 5-year anniversary.", "en", 2008),
    ],
)
def test_an_anniversary_counts_back_from_the_documents_year(text, lang, year) -> None:
    from coatlas.text.years import find_time_expressions

    assert year in [x.first for x in find_time_expressions(text, lang, 2013)]


def test_a_title_dated_by_its_season_is_not_a_name() -> None:
    from coatlas.directed.phrases import _plausible

    assert not _plausible("Kurser våren")
    assert not _plausible("Program hösten")
    assert _plausible("Kurser för anhöriga")


# --- what the twenty-first corpus showed (Finland-Swedish, measured unseen first)


def test_an_elided_coordinated_council_is_glossed() -> None:
    from coatlas.directed.resolve import gloss_sv

    assert gloss_sv("klient- och anhörigrådet") == "client relative council"
    assert gloss_sv("senior- och anhörigrådet") == "senior relative council"


def test_a_given_name_on_a_line_of_its_own_is_a_signature() -> None:
    from coatlas.directed.candidates import _headings
    from coatlas.ingest import document_from_text
    from coatlas.text.sentences import document_sentences

    text = (
        "Hej alla,\n\nVi testar vidare hemma och det går bra.\n\nKarin\n\n"
        "Karin Lund\nsjuksköterska\n\nKarin svarar på frågor om Karin senare."
    )
    doc = document_from_text(text, "mejl.txt")
    found = _headings(doc, document_sentences(doc), [])
    assert not [m for m in found if m.key == "karin"]


@pytest.mark.parametrize(
    "key",
    ["strandens social- och hälsovård", "samkommunen strandby", "ungdomsstationen fyren",
     "norrby hälsostation"],
)  # fmt: skip
def test_finland_swedish_bodies_are_organisations(key: str) -> None:
    from coatlas.directed.mentions import is_org_key

    assert is_org_key(key)


def test_words_that_refer_back_do_not_hide_an_organisation() -> None:
    """A kind of statutory body with "the group" linked to it as an anaphor is still the
    organisation (the seventh real set, after its unseen figure was recorded)."""
    from coatlas.directed.mentions import Mention, norm_key
    from coatlas.directed.resolve import Entity
    from coatlas.directed.scoring import _organisation_name

    ms = [
        Mention("a.txt", 0, 29, "Clinical Commissioning Groups", norm_key("x ccg"), "en",
                {"acronym"}, capitalised=True),
        Mention("a.txt", 40, 44, "CCGs", "ccgs", "en", {"acronym"}, capitalised=True),
        Mention("a.txt", 60, 69, "The group", "group", "en", {"anaphor"}, capitalised=True),
        Mention("a.txt", 90, 99, "The group", "group", "en", {"anaphor"}, capitalised=True),
    ]  # fmt: skip
    assert _organisation_name(Entity(sorted({m.key for m in ms}), ms))
