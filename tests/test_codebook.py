"""Codebook format: loading, validation errors (one line, file named), queries, matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from coatlas.codebook import builtin_names, lexicon, load_codebook, parse_codebook
from coatlas.errors import CodebookError

MINI = """
name: mini
version: 1
description: a tiny made-up codebook
groups:
  - id: fruit
    codes:
      - id: apple
        label: {en: Apple, sv: Äpple}
        definition: Talk about apples.
        vocabulary:
          en: {terms: [apple, "apple pie"], cues: [orchard], exclude: ["apple computer*"]}
          sv: {terms: ["äpple*", "*äpple"]}
        examples: {en: ["We picked apples all day."]}
      - id: pear
        definition: Talk about pears.
        vocabulary: {en: {terms: [pear]}}
"""


def write(tmp_path: Path, text: str, name: str = "cb.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_builtin_loads_and_has_the_study_codes():
    cb = load_codebook(None)
    assert "coproduction" in builtin_names()
    assert load_codebook("coproduction").digest == cb.digest
    assert [c.id for c in cb.codes("methods")] == [
        "personas", "storytelling", "person_centred_care", "co_design", "quality_improvement",
        "ppe_as_staff", "ppe_driven", "co_evaluation", "dialogue_meetings", "learning_education",
        "self_management", "care_agreement",
    ]  # fmt: skip
    assert [c.id for c in cb.codes("levels")] == ["micro", "meso", "macro"]
    assert {c.id for c in cb.codes("ppe_roles")} == {
        "participant", "informant", "co_designer", "staff", "leader", "educator", "evaluator",
    }  # fmt: skip
    for c in cb.codes():
        assert c.definition.strip()
        assert set(c.vocabulary) == {"en", "sv"}, c.id
    assert cb.group("ppe").coding is False
    sv = cb.terms("ppe", "sv")
    assert "närstående*" in sv and "brukarråd*" in sv
    assert "relatives" in cb.terms("ppe", "en")


def test_digest_is_stable_and_content_sensitive(tmp_path):
    a = load_codebook(write(tmp_path, MINI, "a.yaml"))
    b = load_codebook(
        write(tmp_path, MINI.replace("description: a tiny", "description:  a tiny"), "b.yaml")
    )
    c = load_codebook(write(tmp_path, MINI.replace("Talk about pears.", "Pears."), "c.yaml"))
    assert len(a.digest) == 64
    assert a.digest == parse_codebook(MINI, "other-name.yaml").digest  # file name not hashed
    assert a.digest != c.digest
    assert b.name == "mini" and a.version == "1"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("name: x\nversion: 1\ngroups: [\n", "invalid YAML"),
        (
            MINI.replace("        definition: Talk about pears.\n", ""),
            "group 'fruit', code 'pear', definition: missing required field",
        ),
        (
            MINI.replace("        definition: Talk about pears.", "        definition: '  '"),
            "code 'pear'",
        ),
        (MINI.replace("      - id: pear", "      - id: apple"), "code 'apple': duplicate id"),
        (
            MINI.replace("    codes:", "    colour: red\n    codes:"),
            "group 'fruit', colour: unknown field",
        ),
        (MINI.replace("terms: [pear]", "terms: [pear], regexes: [x]"), "regexes: unknown field"),
        (MINI.replace("terms: [pear]", "patterns: ['(unclosed']"), "invalid regex"),
        (MINI.replace("terms: [pear]", "terms: ['pe*ar']"), "term 'pe*ar'"),
        (MINI.replace("id: pear", "id: Pear"), "lower_snake_case"),
        (
            MINI.replace(
                "        definition: Talk about pears.",
                "        definition: P\n        requires: [veg]",
            ),
            "unknown group or code 'veg'",
        ),
        ("- just\n- a list\n", "must be a mapping"),
    ],
)
def test_errors_are_one_line_naming_file_and_fault(tmp_path, text, needle):
    p = write(tmp_path, text, "mine.yaml")
    with pytest.raises(CodebookError) as ei:
        load_codebook(p)
    msg = str(ei.value)
    assert "\n" not in msg
    assert msg.startswith("mine.yaml: ")
    assert needle in msg


def test_missing_file_and_unknown_name():
    with pytest.raises(CodebookError, match="not found"):
        load_codebook("/nonexistent/cb.yaml")
    with pytest.raises(CodebookError, match="no such codebook"):
        load_codebook("nosuchbook")


def test_swedish_compounds_and_inflections():
    cb = load_codebook(None)
    lx = lexicon(cb)
    text = (
        "Närståenderådet och brukarrådet träffade patienterna. "
        "Vårdplanen togs fram med samdesign och brukarmedverkan. "
        "Vi brukar ses på fredagar."
    )
    got = {(m.code, text[m.start : m.end]) for m in lx.find(text) if m.kind != "exclude"}
    assert ("ppe_next_of_kin", "Närståenderådet") in got
    assert ("dialogue_meetings", "brukarrådet") in got
    assert ("ppe_patient", "patienterna") in got
    assert ("care_agreement", "Vårdplanen") in got
    assert ("co_design", "samdesign") in got
    assert ("ppe_representative", "brukarmedverkan") in got
    assert not any(t == "brukar" for _, t in got)  # the verb "usually" is not a service user


def test_english_inflections_and_hyphens():
    cb = load_codebook(None)
    text = "Relatives co-designed the leaflet; the patients' stories were told. Staff reviewed the budget."
    got = {(m.code, text[m.start : m.end]) for m in lexicon(cb).find(text)}
    assert ("ppe_next_of_kin", "Relatives") in got
    assert ("co_design", "co-designed") in got
    assert ("storytelling", "patients' stories") in got
    # a known base form must not match an unrelated word through its stem
    text2 = "The staff planned the personal budget with the person."
    assert not [m for m in lexicon(cb).find(text2) if m.code == "personas"]


def test_offsets_index_the_given_text():
    cb = load_codebook(None)
    text = "Intro. Patienterna berättade om sina erfarenheter."
    for m in lexicon(cb).find(text, 7, len(text)):
        assert 7 <= m.start < m.end <= len(text)
        assert text[m.start : m.end].strip() == text[m.start : m.end]


def test_implies_must_name_a_code_of_another_coding_group(tmp_path):
    bad = MINI.replace(
        "        definition: Talk about pears.", "        definition: P\n        implies: [apple]"
    )
    with pytest.raises(CodebookError, match="implies 'apple', which must be a code of another"):
        load_codebook(write(tmp_path, bad, "imp.yaml"))
    bad2 = MINI.replace(
        "        definition: Talk about pears.", "        definition: P\n        implies: [plum]"
    )
    with pytest.raises(CodebookError, match="imp2.yaml: .*implies unknown code 'plum'"):
        load_codebook(write(tmp_path, bad2, "imp2.yaml"))


def test_yields_to_must_name_another_code_of_the_same_group(tmp_path):
    ok = MINI.replace(
        "        definition: Talk about pears.", "        definition: P\n        yields_to: [apple]"
    )
    assert load_codebook(write(tmp_path, ok, "ok.yaml")).code("pear").yields_to == ["apple"]
    bad = MINI.replace(
        "        definition: Talk about pears.", "        definition: P\n        yields_to: [pear]"
    )
    with pytest.raises(CodebookError, match="y.yaml: .*yields_to 'pear', which must be another"):
        load_codebook(write(tmp_path, bad, "y.yaml"))


def test_group_assignment_options_validate(tmp_path):
    ok = MINI.replace(
        "  - id: fruit\n",
        "  - id: fruit\n    requires_scope: sentence\n    context_weight: 0.5\n"
        "    at_least_one: true\n    assign_single: 0.7\n",
    )
    g = load_codebook(write(tmp_path, ok, "g.yaml")).group("fruit")
    assert (g.requires_scope, g.context_weight, g.at_least_one, g.assign_single) == (
        "sentence",
        0.5,
        True,
        0.7,
    )
    bad = MINI.replace("  - id: fruit\n", "  - id: fruit\n    requires_scope: paragraph\n")
    with pytest.raises(CodebookError, match="gb.yaml: .*requires_scope"):
        load_codebook(write(tmp_path, bad, "gb.yaml"))


def test_lexicon_find_is_the_same_at_any_offset_and_when_asked_again() -> None:
    """find remembers each text's hits (Step 2 scans a sentence once per process): the
    same hits whether new, remembered, or found in the text alone and shifted."""
    from coatlas.codebook import load_codebook
    from coatlas.codebook.match import Lexicon

    text = "Intro. Patients co-designed the new service with staff and peer supporters. End."
    lx = Lexicon(load_codebook())  # a fresh one: nothing remembered yet
    a, b = 7, text.index(" End.")
    first = lx.find(text, a, b)
    assert first and lx.find(text, a, b) == first
    alone = lx.find(text[a:b])
    assert [(m.code, m.kind, m.start, m.end) for m in alone] == [
        (m.code, m.kind, m.start - a, m.end - a) for m in first
    ]
    assert Lexicon(load_codebook()).find(text, a, b) == first
