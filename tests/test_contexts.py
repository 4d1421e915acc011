"""One generic name at several organisations is several initiatives (directed/contexts.py).

Invented pages of invented trusts and regions: the tests check the generic rule (documents
that share no distinctive word are different organisations), not remembered answers.
"""

from __future__ import annotations

from dataclasses import replace

from coatlas.directed import run
from coatlas.directed.contexts import document_contexts, document_groups
from coatlas.directed.mentions import Mention
from coatlas.directed.resolve import Entity
from coatlas.document import Document
from coatlas.ingest import document_from_text


def doc(path: str, text: str, lang: str | None = None) -> Document:
    """A document read as a .txt file would be (language detected unless given)."""
    d = document_from_text(text, path)
    return d if lang is None else replace(d, language=lang)


def _page(trust: str, acronym: str, town: str, person: str, year: int) -> str:
    return (
        f"Youth Forum\n\n"
        f"The Youth Forum at {trust} NHS Foundation Trust ({acronym}) was set up in {year}. "
        f"Young people who are patients at the hospital in {town} meet every month and "
        f"help staff to redesign the children's ward together with them. "
        f"Members of the Youth Forum have co-designed the new waiting room with {acronym} "
        f"staff, and they sit on interview panels. "
        f"Contact {person}, patient experience lead at {acronym}, to join the Youth Forum."
    )


PAGES = [
    ("a.txt", _page("Brackenfold", "BFT", "Brackenfold", "Tamsin Oduya", 2018)),
    ("b.txt", _page("Marlcombe", "MCT", "Marlcombe", "Idris Pennock", 2021)),
    (
        "c.txt",
        "Annual report\n\nMCT opened a new outpatient wing in Marlcombe this year. "
        "The Youth Forum, made up of young patients, reviewed the signs and leaflets "
        "with MCT staff before the wing opened.",
    ),
]


def test_same_generic_name_at_two_trusts_is_two_initiatives_labelled_by_trust():
    res = run([doc(p, t) for p, t in PAGES])
    forums = [i for i in res.initiatives if i["name"].lower().startswith("youth forum")]
    assert len(forums) == 2, [i["name"] for i in res.initiatives]
    by_docs = {tuple(sorted(d.rsplit("/", 1)[-1] for d in i["documents"])): i for i in forums}
    assert set(by_docs) == {("a.txt",), ("b.txt", "c.txt")}
    assert by_docs[("a.txt",)]["name"] == "Youth Forum – BFT"
    assert by_docs[("b.txt", "c.txt")]["name"] == "Youth Forum – MCT"
    # the plain name stays an alias, so a search for it still finds both
    assert all("Youth Forum" in i["aliases"] for i in forums)


def _ent(docs: list[str]) -> Entity:
    ms = [Mention(d, 0, 11, "Youth Forum", "youth forum", "en") for d in docs]
    return Entity(keys=["youth forum"], mentions=ms)


def test_one_organisations_documents_stay_one_through_a_third_document():
    """A meeting note that names only its room is still joined to a plan that names the
    region, when a third document names both: one archive, one initiative."""
    docs = [
        doc("plan.txt", "The plan of Region Ostervale for 2024. The Youth Forum meets."),
        doc("note.txt", "Minutes, held in Lindqvist Hall. The Youth Forum met."),
        doc("news.txt", "Region Ostervale opened Lindqvist Hall for patients and staff."),
    ]
    ctx = document_contexts(docs)
    assert "ostervale" in ctx["plan.txt"] and "lindqvist" in ctx["note.txt"]
    groups = document_groups(_ent(["plan.txt", "note.txt"]), ctx, _neighbours(ctx))
    assert groups == [["note.txt", "plan.txt"]]


def test_documents_without_distinctive_words_join_the_largest_group():
    docs = [
        doc("x.txt", "Region Ostervale runs the Youth Forum with Ostervale Hospital."),
        doc("y.txt", "Thanks from Ostervale Hospital to the Youth Forum."),
        doc("z.txt", "the youth forum met on a rainy day and talked about food."),
        doc("w.txt", "Marlcombe Trust has a Youth Forum too, says MCT."),
    ]
    ctx = document_contexts(docs)
    assert ctx["z.txt"] == frozenset()
    groups = document_groups(_ent(["w.txt", "x.txt", "y.txt", "z.txt"]), ctx, _neighbours(ctx))
    assert groups == [["x.txt", "y.txt", "z.txt"], ["w.txt"]]


def test_words_the_corpus_writes_in_lower_case_or_in_addresses_are_not_distinctive():
    docs = [
        doc("p.txt", "Visit www.ostervale.se. The Forum is open, says Ostervale."),
        doc("q.txt", "Our forum is open to all, on Monday in June."),
    ]
    ctx = document_contexts(docs)
    assert "ostervale" in ctx["p.txt"]  # the address does not make it a common word
    assert "forum" not in ctx["p.txt"]  # written in lower case in q.txt
    assert not {"monday", "june"} & ctx["q.txt"]


def _neighbours(ctx: dict[str, frozenset[str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p, ws in sorted(ctx.items()):
        for w in ws:
            out.setdefault(w, []).append(p)
    return out


def test_a_sentence_initial_name_before_an_organisation_noun_counts():
    """'Skaraborgs sjukhus upprättar …' starts its sentence with the organisation: the
    word counts when the corpus writes it capitalised elsewhere too; a capital that only
    starts a sentence ('Senior staff …') does not."""
    docs = [
        doc("h.txt", "Ostervales sjukhus upprättar ett råd. Senior staff attend.", "sv"),
        doc("k.txt", "Rådet i Ostervale träffas varje månad, säger Senior-gruppen.", "sv"),
    ]
    ctx = document_contexts(docs)
    assert "ostervale" in ctx["h.txt"]
    assert "senior" not in ctx["h.txt"]
