"""Speaker turns of interview and focus-group transcripts.

A turn starts at a line "<label>: <speech>". Labels come from the role
vocabulary in ``lang/<code>/transcript.toml``, from the transcript's own header
("Interviewer: Jane Doe (I)" maps "I" and "Jane" to the interviewer), or, when a
document is clearly a transcript, from repeated alternating name labels. An
ordinary report with a stray "Note:" line is not a transcript: turns are only
reported when several alternate between at least two speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from coatlas.document import Role, Turn
from coatlas.text.sentences import LANGS, load_lang_data

__all__ = ["detect_turns"]

_LINE = re.compile(
    r"^(?P<label>[^\W\d_][\w.'’\- ]{0,38}?)\s*(?:\((?P<abbr>[^()\n]{1,24})\))?\s*[:：]\s*(?P<rest>.*)$",
    re.M,
)
_NUM_SUFFIX = re.compile(r"^(?P<base>.*?)\s*(?P<num>\d{1,3}|[A-Z])$")
_NAME = re.compile(r"^[A-ZÅÄÖÆØÜ][\w’'\-]+(?:\s+(?:[A-ZÅÄÖÆØÜ][\w’'\-]+|af|von|van|de|da))*$")
_MIN_TURNS = 4


@dataclass(frozen=True, slots=True)
class _Vocab:
    roles: dict[str, Role]
    plurals: dict[str, Role]
    numbered: frozenset[str]
    metadata: frozenset[str]


@cache
def _vocab() -> _Vocab:
    roles: dict[str, Role] = {}
    numbered: set[str] = set()
    metadata: set[str] = set()
    plurals: dict[str, Role] = {}
    for lang in LANGS:
        data = load_lang_data(lang, "transcript")
        for role in ("interviewer", "respondent", "other"):
            for label in data.get(role, []):
                roles.setdefault(label.lower(), role)  # type: ignore[arg-type]
        numbered.update(x.lower() for x in data.get("numbered", []))
        metadata.update(x.lower() for x in data.get("metadata", []))
        for role, words in data.get("header_plurals", {}).items():
            for w in words:
                plurals.setdefault(w.lower(), role)
    return _Vocab(roles, plurals, frozenset(numbered), frozenset(metadata))


def _vocab_role(label: str) -> Role | None:
    v = _vocab()
    key = label.lower().strip()
    if key in v.roles:
        return v.roles[key]
    m = _NUM_SUFFIX.match(label.strip())
    if m and m.group("base").lower().strip() in v.numbered:
        return v.roles.get(m.group("base").lower().strip())
    return None


@dataclass(slots=True)
class _Cand:
    label: str
    abbr: str | None
    line_start: int
    speech_start: int
    line_end: int
    rest: str


def _candidates(text: str) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _LINE.finditer(text):
        label = m.group("label").strip()
        if len(label.split()) > 4:
            continue
        speech = m.start("rest")
        out.append(
            _Cand(label, m.group("abbr"), m.start(), speech, m.end(), m.group("rest").strip())
        )
    return out


_SEGMENT_LABEL = re.compile(r"(?:^|(?<=[.;]\s))(?P<label>[^\W\d_][\w\- ]{0,30}?)\s*:\s*")
_PERSON = re.compile(
    r"(?P<name>[A-ZÅÄÖÆØÜ][\w’'\-]+(?:\s+[A-ZÅÄÖÆØÜ][\w’'\-]+){1,3})\s*(?:\((?P<abbr>[^()]{1,12})\))?"
)


def _parse_header(line: str, mapping: dict[str, Role], names: dict[str, str]) -> None:
    """'Interviewer: Jane Doe (JD). Respondents: Ann Lee (AL); Bo Ek (BE)' -> aliases per role."""
    hits = list(_SEGMENT_LABEL.finditer(line))
    for i, m in enumerate(hits):
        role = _vocab_role(m.group("label")) or _vocab().plurals.get(
            m.group("label").lower().strip()
        )
        if role is None:
            continue
        seg = line[m.end() : hits[i + 1].start() if i + 1 < len(hits) else len(line)]
        for j, pm in enumerate(_PERSON.finditer(seg)):
            # the first person after the label, and any further one marked by initials
            if j > 0 and not pm.group("abbr"):
                continue
            if j == 0 and pm.start() > 3:
                break
            person = pm.group("name")
            own = m.group("label") if j == 0 and _vocab_role(m.group("label")) else ""
            for alias in (person, person.split()[0], pm.group("abbr") or "", own):
                alias = alias.strip()
                if alias:
                    mapping.setdefault(alias.lower(), role)
                    names.setdefault(alias.lower(), person)


def _is_header_value(rest: str) -> bool:
    """'Kristina Falk (I), nurse ...': a person's name, not speech."""
    head = re.split(r"[,(–—;]| - ", rest, maxsplit=1)[0].strip()
    return bool(_NAME.match(head)) and len(head.split()) >= 2 and not rest.rstrip().endswith("?")


def detect_turns(text: str) -> tuple[list[Turn], dict[str, dict[str, str]]]:
    """Return (turns, speakers) where speakers maps label -> {"role", "name"}; ([], {}) if none."""
    cands = _candidates(text)
    if len(cands) < _MIN_TURNS:
        return [], {}
    v = _vocab()
    mapping: dict[str, Role] = {}
    names: dict[str, str] = {}
    header_lines: set[int] = set()
    # 1. header lines before the dialogue: role word + person's name
    for c in cands:
        role = _vocab_role(c.label)
        key = c.label.lower()
        if key in v.metadata:
            header_lines.add(c.line_start)
            _parse_header(text[c.line_start : c.line_end], mapping, names)
            continue
        if role is not None and _is_header_value(c.rest):
            header_lines.add(c.line_start)
            _parse_header(text[c.line_start : c.line_end], mapping, names)
            continue
        if role is not None or key in mapping:
            break  # the dialogue has begun; later "Label: Name" lines are speech
    # 2. turns: known labels, mapped aliases, or repeated alternating names
    body = [
        c for c in cands if c.line_start not in header_lines and c.label.lower() not in v.metadata
    ]
    known = [c for c in body if _vocab_role(c.label) is not None or c.label.lower() in mapping]
    turns_c = known
    if len(known) < _MIN_TURNS:
        turns_c = _name_turns(body)
    else:
        # names that alternate with known labels are speakers too (focus groups)
        counts: dict[str, int] = {}
        for c in body:
            counts[c.label] = counts.get(c.label, 0) + 1
        # a name heard once counts when the header listed it among the participants
        head = text[: min(c.line_start for c in body)] if body else ""
        head += " " + " ".join(
            text[c.speech_start : text.find("\n", c.speech_start)]
            for c in body[:3]
            if v.plurals.get(c.label.lower()) == "respondent"
        )
        extra = {
            lab
            for lab, n in counts.items()
            if _NAME.match(lab)
            and len(lab.split()) <= 2
            and (n >= 2 or re.search(rf"(?<!\w){re.escape(lab)}(?!\w)", head))
        }
        known_ids = {id(c) for c in known}
        turns_c = [c for c in body if id(c) in known_ids or c.label in extra]
    if len(turns_c) < _MIN_TURNS or len({c.label.lower() for c in turns_c}) < 2:
        return [], {}
    switches = sum(
        1 for a, b in zip(turns_c, turns_c[1:], strict=False) if a.label.lower() != b.label.lower()
    )
    if switches < 3:
        return [], {}
    turns: list[Turn] = []
    speakers: dict[str, dict[str, str]] = {}
    for i, c in enumerate(turns_c):
        end = turns_c[i + 1].line_start if i + 1 < len(turns_c) else len(text)
        start = c.speech_start
        end = _trim_trailing_notes(text, start, end)
        if end <= start:
            continue
        role = mapping.get(c.label.lower()) or _vocab_role(c.label) or "other"
        turns.append(Turn(c.label, role, start, end))
        info = {"role": role}
        if c.label.lower() in names:
            info["name"] = names[c.label.lower()]
        speakers.setdefault(c.label, info)
    turns = _roles_from_questions(text, turns, speakers)
    return turns, dict(sorted(speakers.items()))


def _roles_from_questions(
    text: str, turns: list[Turn], speakers: dict[str, dict[str, str]]
) -> list[Turn]:
    """Unlabelled roles (bare names): with a known interviewer (a header named the
    moderator), the other named speakers are the participants; with none, the one speaker
    who mostly asks questions is the interviewer and the others respond."""
    unknown = [
        lab
        for lab, info in speakers.items()
        if info["role"] == "other" and _vocab_role(lab) is None and _NAME.match(lab)
    ]
    if any(info["role"] == "interviewer" for info in speakers.values()):
        for lab in unknown:
            speakers[lab]["role"] = "respondent"
        return [
            Turn(t.speaker, "respondent", t.start, t.end) if t.speaker in unknown else t
            for t in turns
        ]
    unknown = [lab for lab, info in speakers.items() if info["role"] == "other"]
    if len(unknown) < 2:
        return turns
    asks: dict[str, list[bool]] = {lab: [] for lab in unknown}
    for t in turns:
        if t.speaker in asks:
            asks[t.speaker].append(text[t.start : t.end].rstrip().endswith("?"))
    share = {lab: sum(v) / len(v) for lab, v in asks.items() if v}
    askers = [lab for lab, r in share.items() if r >= 0.5]
    if len(askers) != 1 or any(r > 0.2 for lab, r in share.items() if lab != askers[0]):
        return turns
    for lab in unknown:
        speakers[lab]["role"] = "interviewer" if lab == askers[0] else "respondent"
    return [
        Turn(t.speaker, speakers[t.speaker]["role"], t.start, t.end)  # type: ignore[arg-type]
        if t.speaker in asks
        else t
        for t in turns
    ]


_NOTE = re.compile(r"\s*(?:\[[^\]\n]*\]|\([^)\n]*\)|[-=_*~#. ]{3,})\s*")


def _trim_trailing_notes(text: str, start: int, end: int) -> int:
    """End a turn before trailing paragraphs that are only a transcriber's note
    ("[End of recording]") or a rule line: nobody said them."""
    while True:
        while end > start and text[end - 1].isspace():
            end -= 1
        cut = text.rfind("\n\n", start, end)
        if cut < 0 or not _NOTE.fullmatch(text, cut, end):
            return end
        end = cut


def _name_turns(body: list[_Cand]) -> list[_Cand]:
    """Turns labelled only by names: accept when few names repeat and alternate a lot."""
    named = [c for c in body if _NAME.match(c.label) and len(c.label.split()) <= 3 and c.rest]
    counts: dict[str, int] = {}
    for c in named:
        counts[c.label] = counts.get(c.label, 0) + 1
    speakers = {lab for lab, n in counts.items() if n >= 2}
    chosen = [c for c in named if c.label in speakers]
    if len(speakers) < 2 or len(speakers) > 12 or len(chosen) < 6:
        return []
    return chosen
