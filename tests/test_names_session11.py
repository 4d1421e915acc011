"""Names a second blind corpus showed cut short, split or missed (session 11): bodies with
two-word heads, kinds of initiative named "college" or "bank", renamings announced or
relaunched, names with "and" inside, an organisation's own apposition, and a cue noun
before an organisation's word. Invented names; each test checks a generic rule."""

from __future__ import annotations

from coatlas.directed.mentions import MentionFinder
from coatlas.directed.naming import _canonical
from coatlas.directed.resolve import resolve


def _found(text: str, lang: str = "en") -> list[str]:
    ms, _ = MentionFinder().find("x.txt", text, lang=lang)
    return [m.surface for m in ms]


def _one_entity(text: str, lang: str = "en") -> list[list[str]]:
    ms, links = MentionFinder().find("x.txt", text, lang=lang)
    return [sorted(e.keys) for e in resolve(ms, links)]


def test_a_body_with_a_two_word_head_is_named_whole() -> None:
    text = "Two members of the Service User Advisory Group interviewed 18 people."
    assert _found(text) == ["Service User Advisory Group"]


def test_a_college_or_a_bank_of_people_is_a_kind_of_initiative() -> None:
    assert "Harbourside Learning College" in _found(
        "Harbourside Learning College opened in 2013 in a draughty room."
    )
    assert "Helpers' Bank" in _found(
        "The people were recruited through the Helpers' Bank and paid for their time."
    )
    # title case with "and" inside: one name
    assert _found("She said the Learning and Wellbeing College had its 10,000th student.") == [
        "Learning and Wellbeing College"
    ]


def test_a_council_of_two_members_words_is_named_whole() -> None:
    text = "Since 2014 it has been called the Youth and Family Council, and anyone may join."
    assert _found(text) == ["Youth and Family Council"]


def test_an_announced_or_relaunched_name_is_the_same_initiative_renamed() -> None:
    for text in (
        "From April the Service User Advisory Group will be called the Voices Council (VC).",
        "In 2019 the Carers Reference Group was relaunched as the Carers Partners Panel.",
    ):
        ms, links = MentionFinder().find("x.txt", text, lang="en")
        ents = resolve(ms, links)
        assert len(ents) == 1, [e.keys for e in ents]
    ms, links = MentionFinder().find(
        "x.txt",
        "From April the Service User Advisory Group will be called the Voices Council (VC).",
        lang="en",
    )
    name, aliases = _canonical(resolve(ms, links)[0])
    assert name.startswith("Voices Council") and "Service User Advisory Group" in aliases


def test_an_alias_cue_links_whole_names_not_the_words_inside_them() -> None:
    text = "The Carers Partners Panel (formerly the Carers Reference Group) has met since 2012."
    ms, links = MentionFinder().find("x.txt", text, lang="en")
    keys = {m.key for m in ms}
    assert links and all(lk.a in keys and lk.b in keys for lk in links), (keys, links)


def test_an_organisations_own_name_in_apposition_joins() -> None:
    text = "In January the region opened Läkeskolan, its Learning College, in an old residence."
    ents = _one_entity(text)
    assert any(len(ks) == 2 for ks in ents), ents


def test_a_cue_noun_before_an_organisations_word_names_nothing() -> None:
    text = "Version 1.0, approved by the Programme Board 14 September 2021."
    assert _found(text) == []
