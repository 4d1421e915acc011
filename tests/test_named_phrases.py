"""Initiatives without a proper name that the text names explicitly ("Det kallas X",
"This is called X"): the phrase may carry a short prepositional tail, is found again
where other documents write it in lower case, and the sentence it renames describes it.
"a named contact person" names nothing.

The examples are invented; none is a name from an annotated corpus.
"""

from __future__ import annotations

import hashlib

from coatlas.codebook import load_codebook
from coatlas.directed.candidates import RuleCandidates
from coatlas.directed.initiatives import _ppe_for
from coatlas.directed.mentions import MentionFinder
from coatlas.directed.ppe import ppe_hits
from coatlas.document import Document
from coatlas.text.sentences import document_sentences


def doc(path: str, text: str, lang: str = "sv") -> Document:
    return Document(
        path=path,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        format="txt",
        text=text,
        language=lang,
    )


def _surfaces(text: str, lang: str = "sv") -> dict[str, set[str]]:
    ms, _ = MentionFinder().find("a.txt", text, lang=lang)
    return {m.surface: m.cues for m in ms}


def test_a_named_phrase_keeps_a_short_prepositional_tail():
    found = _surfaces("Arbetssättet kallas brukarmedverkan i läkemedelsgenomgång och sprids nu.")
    assert "named_phrase" in found.get("brukarmedverkan i läkemedelsgenomgång", set()), found
    found = _surfaces("This is called shared booking of beds.", "en")
    assert "shared booking of beds" in found, found


def test_a_named_phrase_stops_where_the_sentence_goes_on():
    found = _surfaces("This is called shared decision making in practice with the team.", "en")
    assert "shared decision making" in found, found


def test_named_as_an_adjective_names_nothing():
    found = _surfaces("Each patient gets a named contact person at the health centre.", "en")
    assert not found, found
    found = _surfaces("The service is named peer booking since May.", "en")
    assert "peer booking" in found, found


def test_a_named_phrase_recurs_where_other_documents_write_it():
    a = doc("a.txt", "Patienterna sköter sin dialys själva. Det kallas hemmadialysering.")
    b = doc("b.txt", "Mottagningen erbjuder hemmadialysering sedan 2015.")
    c = doc("c.txt", "Ingenting om det här.")
    ents = RuleCandidates().generate([a, b, c])
    ent = next(e for e in ents if "hemmadialysering" in e.keys)
    assert set(ent.documents) == {"a.txt", "b.txt"}
    assert any("repeat" in m.cues and m.document == "b.txt" for m in ent.mentions)


def test_a_phrase_named_once_and_written_nowhere_else_stays_weak():
    a = doc("a.txt", "Patienterna sköter sin dialys själva. Det kallas hemmadialysering.")
    c = doc("c.txt", "Ingenting om det här.")
    assert not any("hemmadialysering" in e.keys for e in RuleCandidates().generate([a, c]))


def test_the_sentence_a_short_naming_sentence_renames_describes_it_fully():
    d = doc(
        "a.txt",
        "Sedan 2019 erbjuds den drabbade patienten eller en närstående att medverka i "
        "genomgången. Arbetssättet kallas brukarmedverkan i genomgång och sprids nu.",
    )
    b = doc("b.txt", "Under 2022 infördes brukarmedverkan i genomgång på två kliniker.")
    ents = RuleCandidates().generate([d, b])
    ent = next(e for e in ents if any("brukarmedverkan" in k for k in e.keys))
    hits = _ppe_for(
        ent, {x.path: x for x in (d, b)}, {x.path: document_sentences(x) for x in (d, b)},
        load_codebook(),
    )  # fmt: skip
    hits = [h for h in hits if h.document == "a.txt"]
    assert max(h.score for h in hits) >= 1.0


def test_the_infinitive_of_taking_part_is_involvement():
    t = "Närstående ska medverka i arbetet."
    assert any(h.score >= 1.0 for h in ppe_hits(t, 0, len(t)))


def test_a_question_whether_patients_could_take_part_is_not_involvement():
    for t in (
        "Samordnaren frågar om en patient kan medverka på en av dagarna.",
        "The chair asked whether a carer could take part next time.",
    ):
        assert not any(h.score >= 1.0 for h in ppe_hits(t, 0, len(t))), t
