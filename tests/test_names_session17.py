"""What the sixth blind real set showed (session 17): one council written three ways,
a kind of statutory body in the plural, a newspaper's advertisement marker and a
nationality taken for where a document is from. Invented texts; each test checks a
generic rule."""

from __future__ import annotations

from coatlas.directed.candidates import merge_variants
from coatlas.directed.contexts import document_contexts
from coatlas.directed.mentions import Mention, norm_key
from coatlas.directed.resolve import Entity
from coatlas.directed.scoring import _organisation_name
from coatlas.ingest import document_from_text


def _ent(*surfaces: str, doc: str = "a.txt") -> Entity:
    ms = [
        Mention(doc, i * 100, i * 100 + len(s), s, norm_key(s), "en", {"title"}, capitalised=True)
        for i, s in enumerate(surfaces)
    ]
    return Entity(sorted({m.key for m in ms}), ms)


def test_a_members_word_with_or_without_its_s_is_one_name() -> None:
    out = merge_variants([_ent("Growers Council", "Growers’ Council"), _ent("Grower Council")])
    assert len(out) == 1
    # the last word keeps its ending: two names, not one
    assert len(merge_variants([_ent("Walking Group"), _ent("Walking Groups Forum")])) == 2


def test_a_kind_of_statutory_body_in_the_plural_is_the_organisation() -> None:
    assert _organisation_name(_ent("Clinical Commissioning Groups (CCGs)"))
    assert _organisation_name(_ent("Integrated Care Boards"))
    assert _organisation_name(_ent("Service Lines"))  # a trust's divisions
    assert not _organisation_name(_ent("Commissioning Patients Panel"))


def test_an_advertisement_marker_on_its_own_line_is_page_furniture() -> None:
    from coatlas.lang.furniture import is_furniture

    assert is_furniture("ANNONS") and is_furniture("Advertisement")
    assert not is_furniture("Annonsen om anhörigrådet")


def test_a_nationality_says_nothing_about_where_a_document_is_from() -> None:
    a = document_from_text(
        "Our Walkers Panel met at Brindle. Unlike our American friends we had no fireworks.",
        "a.txt",
    )
    b = document_from_text("The Walkers Panel of Brindle met in the American room.", "b.txt")
    ctx = document_contexts([a, b])
    assert "american" not in ctx["a.txt"] and "brindle" in ctx["a.txt"]


def test_members_from_disability_associations_take_part() -> None:
    from coatlas.directed.ppe import ppe_hits

    def score(s: str) -> float:
        return max((h.score for h in ppe_hits(s, 0, len(s))), default=0.0)

    assert score("Rådet har sex ledamöter ur handikappföreningarna.") == 1.0
    assert score("En ledamot som representerar en handikapporganisation.") == 1.0
    # the associations as those the work is for do not take part
    assert score("Kommunen informerar handikappföreningarna om beslutet.") < 1.0


def _generate(texts: dict[str, str]) -> list[list[str]]:
    from coatlas.directed.candidates import RuleCandidates

    docs = [document_from_text(t, p) for p, t in texts.items()]
    ents = RuleCandidates().generate(docs)
    return sorted(sorted({m.surface for m in e.mentions}) for e in ents)


def test_a_council_renamed_to_a_coordinated_name_is_one_initiative() -> None:
    texts = {
        "a.txt": "Seniorrådet i Lerby träffas varje månad. Seniorrådet har sex ledamöter.",
        "b.txt": "Seniorrådet i Lerby ombildas från och med 2020 till Senior- och "
        "anhörigrådet. Senior- och anhörigrådet får tio ledamöter med egen erfarenhet.",
        "c.txt": "Senior- och anhörigrådet i Lerby träffades i mars.",
    }
    assert _generate(texts) == [["Senior- och anhörigrådet", "Seniorrådet"]]
    # without a sentence saying so, the short name elsewhere may be another body
    texts["b.txt"] = "Seniorrådet i Lerby och Senior- och anhörigrådet träffades i mars."
    assert ["Seniorrådet"] in _generate(texts)
