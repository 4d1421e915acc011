"""A Swedish body's name and its English rendering are one initiative (resolve's gloss)."""

from __future__ import annotations

from coatlas.directed.mentions import Mention
from coatlas.directed.resolve import gloss_sv, resolve


def _m(path: str, surface: str, key: str, lang: str) -> Mention:
    return Mention(path, 0, len(surface), surface, key, lang, {"ppe_body"}, "council", False, True)


def _groups(ms: list[Mention]) -> list[set[str]]:
    return sorted(({m.surface for m in e.mentions} for e in resolve(ms, [])), key=sorted)


def test_a_definite_compound_of_known_words_is_glossed():
    assert gloss_sv("anhörigrådet") == "relative council"
    assert gloss_sv("seniorrådet i primärvården") == "senior council primary care"


def test_the_english_rendering_may_say_one_thing_more():
    ms = [
        _m("a.txt", "Anhörigrådet", "anhörigråd", "sv"),
        _m(
            "b.txt",
            "Relatives' Council for Dementia Care",
            "relatives council for dementia care",
            "en",
        ),
    ]
    assert len(_groups(ms)) == 1


def test_function_words_do_not_keep_a_rendering_apart():
    ms = [
        _m("a.txt", "Seniorrådet i primärvården", "seniorrådet i primärvården", "sv"),
        _m("b.txt", "Senior Council in Primary Care", "senior council in primary care", "en"),
    ]
    assert len(_groups(ms)) == 1


def test_a_name_saying_two_things_more_is_another_body():
    ms = [
        _m("a.txt", "Anhörigrådet", "anhörigråd", "sv"),
        _m("b.txt", "Relatives' Council Steering Group", "relatives council steering group", "en"),
    ]
    assert len(_groups(ms)) == 2


def test_a_short_form_without_one_inner_word_is_the_same_name():
    def m(path: str, surface: str) -> Mention:
        return Mention(path, 0, len(surface), surface, surface.lower(), "en", {"cue_noun"})

    ms = [m("a.txt", "Harbour Ward Walking Club"), m("b.txt", "Harbour Walking Club")]
    assert len(_groups(ms)) == 1
    # two words dropped, or the first word: other names
    ms = [m("a.txt", "Harbour Ward Walking Club"), m("b.txt", "Harbour Club")]
    assert len(_groups(ms)) == 2
    ms = [m("a.txt", "North Harbour Walking Club"), m("b.txt", "Harbour Walking Club")]
    assert len(_groups(ms)) == 1  # a suffix: joined before, by the containment rule


def test_everyday_words_of_names_are_glossed():
    # a peer role, a kind of follow-up and a kind of talk, rendered word by word
    assert gloss_sv("kamratledare") == "peer leader"
    assert gloss_sv("säker uppföljning") == "safe follow up"
    assert gloss_sv("väntrumssamtal") == "waiting room talk"
    ms = [
        _m("a.txt", "Kamratledare", "kamratledare", "sv"),
        _m("b.txt", "Peer leaders", "peer leader", "en"),
    ]
    assert _groups(ms) == [{"Kamratledare", "Peer leaders"}]


def test_a_gloss_the_text_says_is_another_languages_joins_an_acronym():
    from coatlas.directed.resolve import Entity, join_glossed

    text = "The clinic has run patient-led review (in Swedish, PLG) for a year."
    a = text.index("patient-led review")
    m1 = Mention("a.txt", a, a + 18, "patient-led review", "patient led review", "en")
    b = text.index("PLG")
    m2 = Mention("b.txt", 0, 3, "PLG", "plg", "en", {"acronym"}, "initiative", False, True)
    ents = [Entity(["patient led review"], [m1]), Entity(["plg"], [m2])]
    out = join_glossed(ents, {"a.txt": text, "b.txt": "PLG " + text[b:]})
    assert len(out) == 1 and set(out[0].keys) == {"patient led review", "plg"}
    # without the lead, two names of one language are the mention stage's to join
    plain = text.replace("in Swedish, ", "")
    out = join_glossed(ents, {"a.txt": plain, "b.txt": "PLG"})
    assert len(out) == 2
