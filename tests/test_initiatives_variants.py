"""Variants of one name are joined; an authority's own name is never an initiative."""

from __future__ import annotations

from coatlas.directed.candidates import merge_variants
from coatlas.directed.mentions import Mention, norm_key
from coatlas.directed.resolve import Entity
from coatlas.directed.scoring import _organisation_name


def _ent(*surfaces: str, doc: str = "a.txt") -> Entity:
    ms = [
        Mention(doc, i * 100, i * 100 + len(s), s, norm_key(s), "en", {"title"}, capitalised=True)
        for i, s in enumerate(surfaces)
    ]
    return Entity(sorted({m.key for m in ms}), ms)


def _names(ents: list[Entity]) -> list[list[str]]:
    return sorted(e.surfaces() for e in ents)


def test_long_form_with_type_word_joins_its_bracketed_short_form() -> None:
    a = _ent("Helper Coach (HC)", "Helper Coach", "Helper Coach")
    b = _ent("Helper Coach programme", doc="b.txt")
    c = _ent("Garden Club", doc="c.txt")
    out = merge_variants([a, b, c])
    assert _names(out) == [
        ["Garden Club"],
        ["Helper Coach", "Helper Coach (HC)", "Helper Coach programme"],
    ]


def test_bare_head_joins_the_one_longer_name_ending_in_it() -> None:
    full = _ent("Mitt vårdkontrakt (MVK)", "Mitt vårdkontrakt")
    bare = _ent("vårdkontrakt", "vårdkontrakten", doc="b.txt")
    out = merge_variants([bare, full])
    assert len(out) == 1 and "Mitt vårdkontrakt" in out[0].surfaces()


def test_bare_head_of_two_longer_names_stays_apart() -> None:
    ents = [_ent("vårdkontrakt"), _ent("Mitt vårdkontrakt"), _ent("Digitalt vårdkontrakt")]
    assert len(merge_variants(ents)) == 3


def test_authority_name_is_not_an_initiative() -> None:
    assert _organisation_name(_ent("NHS Westshire", "NHS Westshire"))
    assert _organisation_name(_ent("Region Österby"))
    assert not _organisation_name(_ent("NHS Westshire Patient Panel"))
    assert not _organisation_name(_ent("Better Walking Together"))


def test_single_quoted_name_before_a_head_noun_is_a_name() -> None:
    from coatlas.directed.mentions import MentionFinder

    def surfaces(text: str) -> set[str]:
        ms, _ = MentionFinder().find("x.txt", text, lang="en")
        return {m.surface for m in ms}

    assert "Stories for Change" in surfaces(
        "Since 2015 our 'Stories for Change' panel has brought patients into teaching."
    )
    # an apostrophe is no quote, and a quoted phrase without a head noun is no name
    assert "Stories for Change" not in surfaces("He said 'Stories for Change' was nice.")


def test_swedish_guide_role_compound_is_a_role_name() -> None:
    from coatlas.directed.mentions import MentionFinder

    ms, _ = MentionFinder().find(
        "x.txt", "Från hösten anställs tre stödvägledare med egen erfarenhet av sjukdom.", lang="sv"
    )
    assert any(m.role and "vägledare" in m.surface for m in ms)


def test_swedish_compound_joins_the_same_compound_with_a_qualifier_after_it() -> None:
    """Swedish names put the head first: "Anhörignätverket Fjällbygden" is the network
    that other documents call "Anhörignätverket"."""
    full = _ent("Anhörignätverket Fjällbygden")
    bare = _ent("Anhörignätverket", "Anhörignätverket", doc="b.txt")
    other = _ent("Projektet", doc="c.txt")
    out = merge_variants([bare, full, other])
    assert ["Anhörignätverket", "Anhörignätverket Fjällbygden"] in _names(out)
    assert ["Projektet"] in _names(out)  # a short word is no compound head
