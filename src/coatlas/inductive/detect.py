"""Find lesson statements: sentence-aligned spans that state experience or learning.

Each sentence gets additive evidence from the language's lesson lexicon (explicit cues
such as "we learned" / "vi lärde oss", weaker evaluative markers, narrative penalties).
Spans are built from a seed sentence plus the neighbour that completes it, because
analysts quote a claim together with its reason or example (usually two sentences).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from coatlas.document import Document, Span

from .lexicon import LessonLexicon, load_lexicon
from .segment import Unit, guess_language, units


@dataclass(frozen=True, slots=True)
class Candidate:
    document: str
    start: int
    end: int
    text: str
    language: str
    score: float
    explicit: bool
    cues: tuple[str, ...]


def _lang_of(doc: Document, span: Span, text: str) -> str:
    if span.lang in ("en", "sv"):
        return span.lang
    default = doc.language if doc.language in ("en", "sv") else "en"
    return guess_language(text, default)


def score_sentence(text: str, lex: LessonLexicon) -> tuple[float, bool, list[str]]:
    """Additive cue evidence for one sentence: (score, has explicit cue, matched cues)."""
    score, explicit, cues = 0.0, False, []
    for pat, w in lex.explicit:
        m = pat.search(text)
        if m:
            score += w
            explicit = True
            cues.append(m.group(0).lower())
    ev = 0.0
    for pat, w in lex.evaluative:
        if pat.search(text):
            ev += w
    score += min(ev, 4.0)
    for pat, w in lex.narrative:
        if pat.search(text):
            score += w
    words = len(text.split())
    if words < 5:
        score -= 1.5
    elif words > 60:
        score -= 0.5
    return score, explicit, cues


class LessonDetector:
    """fit/predict-style detector; thresholds are in cue-score units (see lessons.yaml)."""

    def __init__(
        self,
        *,
        threshold: float = 0.5,
        second_threshold: float = 4.0,
        document_threshold: float = 1.5,
        max_sentences: int = 3,
        paragraph_support: float = 0.5,
        self_contained: float = 3.0,
        unprompted_threshold: float = 1.0,
        secondary_margin: float = 1.0,
    ) -> None:
        self.secondary_margin = secondary_margin
        self.threshold = threshold
        self.second_threshold = second_threshold
        self.document_threshold = document_threshold
        self.max_sentences = max_sentences
        self.paragraph_support = paragraph_support
        self.self_contained = self_contained
        self.unprompted_threshold = unprompted_threshold

    def _scores(self, doc: Document, unit: Unit) -> list[tuple[float, bool, list[str], str]]:
        out = []
        for s in unit.sentences:
            t = doc.text[s.start : s.end]
            lang = _lang_of(doc, s, t)
            sc, ex, cues = score_sentence(t, load_lexicon(lang))
            out.append((sc, ex, cues, lang))
        return out

    def _continues(self, doc: Document, sent: Span, lang: str) -> bool:
        t = doc.text[sent.start : sent.end]
        return any(p.search(t) for p in load_lexicon(lang).continuation)

    def _grow(
        self, doc: Document, unit: Unit, scores, i: int, prefer_pair: bool, listed: bool = False
    ) -> tuple[int, int]:
        """Indices [a, b] of the span grown around seed ``i``; in a ``listed`` run (items
        after a review lead-in) each sentence is its own item unless it leans on the last."""
        n = len(unit.sentences)
        a = b = i
        nxt_ok = i + 1 < n and scores[i + 1][0] > -1.0
        prv_ok = i > 0 and scores[i - 1][0] > -1.0
        seed_leans = self._continues(doc, unit.sentences[i], scores[i][3])
        nxt_leans = nxt_ok and self._continues(doc, unit.sentences[i + 1], scores[i + 1][3])
        if seed_leans and prv_ok:
            a = i - 1
        elif nxt_ok and (
            prefer_pair or nxt_leans or (scores[i + 1][0] >= self.threshold and not listed)
        ):
            b = i + 1
        elif prv_ok and prefer_pair and scores[i - 1][0] >= 0:
            a = i - 1
        # a third sentence only when it clearly continues the claim
        if (
            b - a + 1 < self.max_sentences
            and b + 1 < n
            and self._continues(doc, unit.sentences[b + 1], scores[b + 1][3])
            and scores[b + 1][0] >= self.threshold
        ):
            b += 1
        return a, b

    @staticmethod
    def _heading(text: str) -> bool:
        """A short line without a final full stop: a section heading."""
        t = text.strip()
        return (
            "\n" not in t
            and len(t) <= 60  # longer is the first line of a hard-wrapped paragraph
            and len(t.split()) <= 10
            and not t.endswith((".", "?", "!"))
            and not t.startswith(("-", "–", "•", "*"))  # a short bullet is an item
        )

    def _section_bonus(self, section: str, lang: str) -> float:
        """Paragraphs under a heading such as "Lessons learned" / "Synpunkter:" are stated as
        lessons or views even without a cue (minutes and reports list them as bullets)."""
        if not section:
            return 0.0
        lex = load_lexicon(lang)
        return lex.review_weight if any(p.search(section) for p in lex.review) else 0.0

    def _paragraph(self, doc: Document, unit: Unit, scores, bonus: float = 0.0) -> Candidate | None:
        """A short plan paragraph is one statement: the claim plus its reason or example.

        Plans state lessons as general norms ("X requires Y", "ska ... därför") spread over
        the sentences of a paragraph, so the paragraph is scored as a whole: its best
        sentence plus part of the others' positive evidence plus subject-matter relevance.
        """
        best = max(range(len(scores)), key=lambda k: (scores[k][0], -k))
        rest = sum(max(sc[0], 0.0) for k, sc in enumerate(scores) if k != best)
        text = doc.text[unit.sentences[0].start : unit.sentences[-1].end]
        lex = load_lexicon(scores[best][3])
        topical = any(p.search(text) for p in lex.topic)
        total = (
            scores[best][0]
            + self.paragraph_support * rest
            + (lex.topic_weight if topical else 0.0)
            + bonus
        )
        floor = -1.0 if bonus > 0 else 0.0  # under a review heading a plain statement can be one
        if total < self.document_threshold or scores[best][0] <= floor:
            return None
        # a self-contained explicit lesson sheds the narrative sentences around it; a
        # weaker normative claim needs its paragraph (the reason or example beside it)
        strong = scores[best][1] or scores[best][0] >= self.self_contained
        a, b = (best, best) if strong else (0, len(scores) - 1)
        while a > 0 and (
            scores[a - 1][0] > 0 or self._continues(doc, unit.sentences[a], scores[a][3])
        ):
            a -= 1
        while b + 1 < len(scores) and (
            scores[b + 1][0] > 0 or self._continues(doc, unit.sentences[b + 1], scores[b + 1][3])
        ):
            b += 1
        s, e = unit.sentences[a].start, unit.sentences[b].end
        cues = tuple(sorted({c for sc in scores[a : b + 1] for c in sc[2]}))
        return Candidate(
            doc.path, s, e, doc.text[s:e], scores[best][3], total, any(sc[1] for sc in scores), cues
        )

    @staticmethod
    def _prompted(doc: Document, questions: list[tuple[int, int]], start: int) -> bool:
        """Did the last interviewer turn before ``start`` ask for a lesson (learning, advice,
        change, risk...)? Answers to such questions state lessons with weaker cues, so a
        weak best sentence counts there and only there."""
        before = [q for q in questions if q[0] <= start]
        if not before:
            return False
        end, begin = before[-1]
        text = doc.text[begin:end]
        lang = guess_language(text, doc.language if doc.language in ("en", "sv") else "en")
        return any(p.search(text) for p in load_lexicon(lang).prompts)

    def predict(
        self, doc: Document, *, respondent_only: bool = True, secondary: bool = False
    ) -> list[Candidate]:
        """Lesson candidates of one document, in text order, non-overlapping.

        ``secondary``: a genre read for lessons beyond the study's interviews and plans
        (reports, minutes, board papers); outside a review section a statement there needs
        ``secondary_margin`` more cue evidence, because such documents mostly report."""
        found: list[Candidate] = []
        transcript = bool(doc.turns)
        questions = sorted((t.end, t.start) for t in doc.turns if t.role == "interviewer")
        section = ""
        for unit in units(doc, respondent_only=respondent_only):
            scores = self._scores(doc, unit)
            if not transcript:
                first = doc.text[unit.sentences[0].start : unit.sentences[0].end]
                head = first.split("\n")[0]
                if self._heading(head) and (
                    head == first or head[:1].isupper() or head[:1].isdigit()
                ):
                    section = head
                bonus = (
                    self._section_bonus(section, scores[0][3])
                    if not self._heading(doc.text[unit.start : unit.end])
                    else 0.0
                )
                if secondary and not bonus:
                    bonus = -self.secondary_margin
                last = doc.text[unit.sentences[-1].start : unit.sentences[-1].end].strip()
                lead_in = last.endswith(":")
            else:
                bonus, lead_in = 0.0, False
            first_need = self.threshold
            if transcript and not self._prompted(doc, questions, unit.start):
                first_need = max(self.threshold, self.unprompted_threshold)
            if not transcript and self._heading(doc.text[unit.start : unit.end]):
                continue  # a heading names a section ("What we learned"), it states nothing
            if not transcript and len(scores) <= self.max_sentences:
                c = self._paragraph(doc, unit, scores, bonus)
                if c is not None:
                    found.append(c)
                if lead_in:
                    section = last
                continue
            boost = [bonus] * len(scores)
            if not transcript:  # "Experience shows the following: ..." inside a paragraph
                for k, sent in enumerate(unit.sentences):
                    t = doc.text[sent.start : sent.end]
                    lead = self._section_bonus(t.split(":")[0], scores[k][3]) if ":" in t else 0.0
                    if lead:
                        boost[k:] = [max(x, lead) for x in boost[k:]]
                        break
            order = sorted(range(len(scores)), key=lambda k: (-scores[k][0] - boost[k], k))
            taken: set[int] = set()
            picked = 0
            for i in order:
                sc = scores[i][0]
                need = first_need if transcript else self.document_threshold - boost[i]
                if transcript and picked:
                    need = self.second_threshold
                if sc < need or i in taken:
                    continue
                a, b = self._grow(doc, unit, scores, i, prefer_pair=transcript, listed=boost[i] > 0)
                while a in taken and a < i:
                    a += 1
                while b in taken and b > i:
                    b -= 1
                if any(k in taken for k in range(a, b + 1)):
                    continue
                taken.update(range(a, b + 1))
                picked += 1
                s, e = unit.sentences[a].start, unit.sentences[b].end
                total = sc + 0.3 * sum(max(scores[k][0], 0) for k in range(a, b + 1) if k != i)
                cues = tuple(sorted({c for k in range(a, b + 1) for c in scores[k][2]}))
                found.append(
                    Candidate(
                        doc.path,
                        s,
                        e,
                        doc.text[s:e],
                        scores[i][3],
                        total,
                        any(scores[k][1] for k in range(a, b + 1)),
                        cues,
                    )
                )
            if lead_in:
                section = last
        return sorted(found, key=lambda c: (c.start, c.end))


def confidence(score: float) -> float:
    """Cue score to 0..1: a logistic curve centred on the default threshold."""
    return round(1.0 / (1.0 + math.exp(-(score - 2.5))), 4)
