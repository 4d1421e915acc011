"""Timeline decisions on small synthetic documents."""

from __future__ import annotations

import re

import pytest

from coatlas.directed.timeline import Timeline, document_year, infer_timeline
from coatlas.document import Document, Span, Turn


def make_doc(
    path: str,
    text: str,
    lang: str,
    *,
    title: str | None = None,
    transcript: bool = False,
    meta: dict | None = None,
) -> Document:
    """A Document with paragraphs (blank-line blocks), sentences and, optionally, turns."""
    paragraphs = [Span(m.start(), m.end(), lang) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)]
    sentences: list[Span] = []
    for p in paragraphs:
        for m in re.finditer(r"[^.!?\n]+[.!?]?", text[p.start : p.end]):
            s, e = p.start + m.start(), p.start + m.end()
            while s < e and text[s] == " ":
                s += 1
            if s < e:
                sentences.append(Span(s, e, lang))
    turns = []
    if transcript:
        for p in paragraphs:
            m = re.match(r"(I|R):\s", text[p.start : p.end])
            if m:
                role = "interviewer" if m.group(1) == "I" else "respondent"
                turns.append(Turn(m.group(1), role, p.start + m.end(), p.end))
    return Document(
        path=path,
        sha256="0" * 64,
        format="txt",
        text=text,
        title=title,
        language=lang,
        paragraphs=paragraphs,
        sentences=sentences,
        turns=turns,
        meta=meta or {},
    )


def mentions(doc: Document, name: str) -> list[tuple[Document, int, int]]:
    return [(doc, m.start(), m.end()) for m in re.finditer(re.escape(name), doc.text)]


def timeline(docs: list[Document], name: str) -> Timeline:
    ms = [m for d in docs for m in mentions(d, name)]
    assert ms, "test fixture must mention the initiative"
    return infer_timeline(ms, docs)


def check_evidence(tl: Timeline, docs: list[Document]) -> None:
    by_path = {d.path: d for d in docs}
    for key, evs in tl.evidence.items():
        for ev in evs:
            assert ev.quote == by_path[ev.document].text[ev.start : ev.end]
            assert ev.source.startswith("rule:timeline."), key
            assert 0.0 <= ev.confidence <= 1.0


# ------------------------------------------------------------------ start


@pytest.mark.parametrize(
    "lang,text,start",
    [
        ("en", "The Reading Group started in 2014 at the ward.", 2014),
        ("en", "The Reading Group was launched in the autumn of 2011.", 2011),
        ("en", "The Reading Group (2011–2012) involved six patients.", 2011),
        ("en", "Since 2016 the Reading Group has met monthly.", 2016),
        ("sv", "Sedan 2016 har Läsgruppen träffats varje månad.", 2016),
        ("sv", "Läsgruppen, som startade hösten 2018, leds av en patient.", 2018),
        ("sv", "Läsgruppen inleddes våren 2009 på initiativ av en patient.", 2009),
        ("sv", "År 2013 drogs Läsgruppen igång på kirurgen.", 2013),
    ],
)
def test_start_from_tied_expression(lang: str, text: str, start: int) -> None:
    name = "Reading Group" if lang == "en" else "Läsgruppen"
    doc = make_doc("a.txt", text, lang)
    tl = timeline([doc], name)
    assert tl.start == start
    assert tl.evidence["start"] and tl.confidence["start"] > 0.3
    check_evidence(tl, [doc])


def test_career_year_in_same_turn_does_not_win() -> None:
    text = (
        "Date: 14 November 2023\n\n"
        "I: Tell me about yourself.\n\n"
        "R: I have worked as a nurse since 1986, mostly in diabetes care. "
        "We started the Wednesday Circle in the autumn of 1999.\n\n"
        "I: And later?\n\n"
        "R: The Wednesday Circle is still running today."
    )
    doc = make_doc("interview_a.txt", text, "en", transcript=True)
    tl = timeline([doc], "Wednesday Circle")
    assert tl.start == 1999
    assert tl.ongoing is True and tl.end is None


def test_document_date_is_not_a_start_year() -> None:
    text = (
        "Business plan 2019\n\n"
        "Date: 2019-01-15\n\n"
        "The Family Panel gives residents a voice in planning. "
        "The Family Panel meets four times a year."
    )
    doc = make_doc("business_plan_2019.txt", text, "en")
    tl = timeline([doc], "Family Panel")
    # nothing in the text dates it: the document's own year is not its start
    assert tl.start is None
    assert "start" not in tl.evidence


def test_earliest_well_supported_start_wins_over_a_stray_year() -> None:
    a = make_doc(
        "a.txt",
        "The Heart School started in 2015. The Heart School was evaluated in 2017.",
        "en",
    )
    b = make_doc("b.txt", "Since 2015 the Heart School has trained 300 patients.", "en")
    tl = timeline([a, b], "Heart School")
    assert tl.start == 2015


def test_neighbour_sentence_supports_start() -> None:
    text = (
        "Den tomma stolen är en metod för patientberättelser. "
        "Arbetet startade 2008 i ledningsgruppen."
    ).replace("Den tomma stolen", "Berättarstolen")
    doc = make_doc("a.txt", text, "sv")
    tl = timeline([doc], "Berättarstolen")
    assert tl.start == 2008


def test_heading_governs_following_paragraph() -> None:
    text = (
        "Patient Voices Council\n\nThe council was formed in 2012 by three patient organisations."
    )
    doc = make_doc("page.html", text, "en")
    tl = timeline([doc], "Patient Voices Council")
    assert tl.start == 2012


def test_year_in_other_paragraph_is_ignored() -> None:
    text = (
        "The Voices Council meets every month.\n\n"
        "In 1995 the hospital built a new wing for surgery and moved the laboratory."
    )
    doc = make_doc("a.txt", text, "en")
    tl = timeline([doc], "Voices Council")
    assert tl.start != 1995


# ------------------------------------------------------------------ end / ongoing


@pytest.mark.parametrize(
    "lang,text,start,end",
    [
        ("en", "The Safety Walks ran 2006–2012 in all wards.", 2006, 2012),
        ("en", "The Safety Walks started in 2006 and ended in 2012.", 2006, 2012),
        ("en", "The Safety Walks began in 2006. The project was closed down in 2010.", 2006, 2010),
        ("sv", "Trygghetsvandringarna pågick mellan 2006 och 2012.", 2006, 2012),
        (
            "sv",
            "Trygghetsvandringarna, som startade 2014, avslutades våren 2022.",
            2014,
            2022,
        ),
        ("sv", "Trygghetsvandringarna startade 2003 och lades ned 2005.", 2003, 2005),
    ],
)
def test_explicit_end(lang: str, text: str, start: int, end: int) -> None:
    name = "Safety Walks" if lang == "en" else "Trygghetsvandringarna"
    doc = make_doc("a.txt", text, lang)
    tl = timeline([doc], name)
    assert (tl.start, tl.end, tl.ongoing) == (start, end, False)
    assert tl.evidence["end"]
    check_evidence(tl, [doc])


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "Since 2016 the Peer Line has supported callers."),
        ("en", "The Peer Line started in 2016 and is still running."),
        ("en", "The Peer Line (2016 to ongoing) supports callers."),
        ("sv", "Stödlinjen har funnits sedan 2016 och pågår fortfarande."),
        ("sv", "Stödlinjen startade 2016. Den finns kvar i dag."),
    ],
)
def test_ongoing(lang: str, text: str) -> None:
    name = "Peer Line" if lang == "en" else "Stödlinjen"
    doc = make_doc("a.txt", text, lang)
    tl = timeline([doc], name)
    assert tl.start == 2016
    assert tl.ongoing is True and tl.end is None
    assert tl.evidence["ongoing"]


def test_later_document_saying_it_ended_beats_earlier_since() -> None:
    a = make_doc(
        "plan_2016.txt", "Date: 2016-02-01\n\nSedan 2012 har Läsombuden granskat brev.", "sv"
    )
    b = make_doc(
        "report_2019.txt",
        "Date: 2019-03-01\n\nLäsombuden avslutades 2018 efter sex år.",
        "sv",
    )
    tl = timeline([a, b], "Läsombuden")
    assert (tl.start, tl.end, tl.ongoing) == (2012, 2018, False)


def test_later_document_saying_it_continues_beats_earlier_end() -> None:
    a = make_doc(
        "report_2014.txt",
        "Date: 2014-05-01\n\nThe Story Circle ran 2010–2013 as a pilot.",
        "en",
    )
    b = make_doc(
        "page_2020.txt",
        "Date: 2020-01-10\n\nThe Story Circle is still running and meets monthly.",
        "en",
    )
    tl = timeline([a, b], "Story Circle")
    assert tl.start == 2010
    assert tl.ongoing is True and tl.end is None


def test_planned_future_end_is_not_an_end() -> None:
    doc = make_doc(
        "summary_2019.txt",
        "Date: 2019-11-01\n\nThe Table Talks started in 2015. "
        "We propose that the Table Talks continue during 2020–2022.",
        "en",
    )
    tl = timeline([doc], "Table Talks")
    assert tl.start == 2015
    assert tl.end is None and tl.ongoing is True


def test_final_report_marks_the_end() -> None:
    doc = make_doc(
        "walks_final_report_2005.txt",
        "Final report\n\nDate: 2005-06-01\n\nThe Access Walks were started in 2002 together "
        "with the disability associations.",
        "en",
        title="Access Walks – final report",
    )
    tl = timeline([doc], "Access Walks")
    assert (tl.start, tl.end, tl.ongoing) == (2002, 2005, False)


def test_a_final_report_does_not_end_the_programmes_it_only_cites() -> None:
    doc = make_doc(
        "evaluation_final_report_2022.txt",
        "Final report, March 2022\n\nThis evaluation also draws on the Letter Panel, which "
        "since 2018 has involved patients in rewriting letters.",
        "en",
        title="Lived experience in care: an evaluation",
    )
    tl = timeline([doc], "Letter Panel")
    assert tl.start == 2018
    assert tl.end is None


# ------------------------------------------------------------------ rounds


@pytest.mark.parametrize(
    "lang,text,years",
    [
        ("en", "The Letter Panel was held in 2006, 2009 and 2013.", [2006, 2009, 2013]),
        ("sv", "Brevpanelen genomfördes 2006, 2009 och 2013.", [2006, 2009, 2013]),
    ],
)
def test_rounds_from_series(lang: str, text: str, years: list[int]) -> None:
    name = "Letter Panel" if lang == "en" else "Brevpanelen"
    doc = make_doc("a.txt", text, lang)
    tl = timeline([doc], name)
    assert tl.active_years == years
    assert (tl.start, tl.end) == (years[0], years[-1])
    assert tl.evidence["active_years"]


def test_rounds_from_separate_documents() -> None:
    a = make_doc("a.txt", "The first round of the Letter Panel was held in 2006.", "en")
    b = make_doc("b.txt", "Protokoll\n\nBrevpanelen 2009 – den andra omgången.", "sv")
    c = make_doc("c.txt", "A new round of the Letter Panel ran in 2013.", "en")
    ms = mentions(a, "Letter Panel") + mentions(b, "Brevpanelen") + mentions(c, "Letter Panel")
    tl = infer_timeline(ms, [a, b, c])
    assert tl.active_years == [2006, 2009, 2013]
    assert tl.start == 2006 and tl.end == 2013


def test_consecutive_years_are_not_rounds() -> None:
    doc = make_doc("a.txt", "The Letter Panel was held in 2011 and 2012.", "en")
    tl = timeline([doc], "Letter Panel")
    assert tl.active_years == []
    assert tl.start == 2011


# ------------------------------------------------------------------ misc


def test_document_year_sources() -> None:
    header = make_doc("x.txt", "Minutes\n\nDatum: 2013-05-21\n\nText.", "sv")
    assert document_year(header)[0] == 2013
    assert document_year(header)[2] == "header"
    fname = make_doc("minutes_2013-05-21.txt", "No date here.", "en")
    assert document_year(fname)[:1] == (2013,)
    meta = make_doc("x.txt", "Text.", "en", meta={"date": "2020-01-02"})
    assert document_year(meta)[0] == 2020
    none = make_doc("notes.txt", "Nothing.", "en")
    assert document_year(none) == (None, None, "")


def test_no_mentions_gives_empty_timeline() -> None:
    tl = infer_timeline([], [])
    assert (tl.start, tl.end, tl.ongoing, tl.active_years) == (None, None, False, [])


def test_deterministic_and_serialisable() -> None:
    a = make_doc("a.txt", "The Peer Line started in 2016. It is still running.", "en")
    b = make_doc("b.txt", "Sedan 2016 har Peer Line stöttat många.", "sv")
    ms = mentions(a, "Peer Line") + mentions(b, "Peer Line")
    one = infer_timeline(ms, [a, b]).to_dict()
    two = infer_timeline(list(reversed(ms)), [b, a]).to_dict()
    assert one == two
    assert one["start"] == 2016


# ------------------------------------------------------------------ distractors


@pytest.mark.parametrize(
    "lang,name,text,start",
    [
        (
            "en",
            "Wednesday Circle",
            "Margareta, a nurse since 1986, started the Wednesday Circle in 1999.",
            1999,
        ),
        (
            "en",
            "Wednesday Circle",
            "The Wednesday Circle was started in 1999 by Margareta, who had been a diabetes nurse since 1986.",
            1999,
        ),
        (
            "sv",
            "Onsdagscirkeln",
            "Margareta har arbetat som sjuksköterska sedan 1986. Onsdagscirkeln startade hon hösten 1999.",
            1999,
        ),
        (
            "sv",
            "Onsdagscirkeln",
            "Onsdagscirkeln startade hösten 1999. Kliniken byggdes om 1992 och fick nya lokaler.",
            1999,
        ),
        (
            "en",
            "Patient Panel",
            "The hospital was founded in 1962. The Patient Panel began in 2011.",
            2011,
        ),
        (
            "en",
            "Patient Panel",
            "In 2005 the region adopted a new strategy. In 2011 the Patient Panel was launched as part of it.",
            2011,
        ),
        (
            "sv",
            "Patientrådet",
            "Regionen bildades 1998 genom en sammanslagning. Patientrådet har funnits sedan 2012.",
            2012,
        ),
        ("sv", "Nätverket", "Sedan starten 2010 har Nätverket vuxit till 40 medlemmar.", 2010),
        (
            "sv",
            "Självdialysen",
            "Självdialysen kom till på initiativ av en patient 2005. I dag sköter tjugo patienter "
            "sin dialys själva.",
            2005,
        ),
        (
            "en",
            "Patient Panel",
            "The Patient Panel was established in FY2016/17 and reports to the Board quarterly.",
            2016,
        ),
        (
            "en",
            "Patient Panel",
            "Board meeting 12 March 2021. Item 2021-045: Patient Panel annual report 2020/21. "
            "The Patient Panel, set up in 2017, continues to meet.",
            2017,
        ),
        (
            "en",
            "Peer Mentors",
            "I have been with the Peer Mentors for about five years now. "
            "Since they started in 2019 it has changed a lot.",
            2019,
        ),
        (
            "sv",
            "Vårdlotsarna",
            "Vårdlotsarna är ett samarbete mellan regionen och kommunerna. Sedan 2017 finns lotsar på alla sjukhus.",
            2017,
        ),
    ],
)
def test_start_ignores_distractor_years(lang: str, name: str, text: str, start: int) -> None:
    doc = make_doc("x.txt", text, lang)
    assert timeline([doc], name).start == start


def test_person_word_before_a_cue_verb_does_not_hide_the_end() -> None:
    doc = make_doc(
        "plan_2022.txt",
        "Date: 2022-01-10\n\nMigränkursen, som sedan 2014 letts av en patient tillsammans med en "
        "sjuksköterska, avslutades våren 2022.",
        "sv",
    )
    tl = timeline([doc], "Migränkursen")
    assert (tl.start, tl.end, tl.ongoing) == (2014, 2022, False)


# ------------------------------------------------------------------ fact boxes


@pytest.mark.parametrize(
    "lang,text,start,end,ongoing",
    [
        (
            "sv",
            "Trygg hemgång\n\nEtt projekt för äldre som skrivs ut från sjukhus.\n\n"
            "Projekttid: 2019-01-01 – 2021-12-31\n\nStatus: Avslutat",
            2019,
            2021,
            False,
        ),
        (
            "sv",
            "Trygg hemgång\n\nEtt arbetssätt för äldre som skrivs ut från sjukhus.\n\n"
            "Startår: 2016\n\nStatus: Pågående",
            2016,
            None,
            True,
        ),
        (
            "en",
            "Safe Discharge\n\nA service for older people leaving hospital.\n\n"
            "Start date: 1 April 2017\n\nEnd date: 31 March 2019",
            2017,
            2019,
            False,
        ),
    ],
)
def test_fact_box_fields(lang: str, text: str, start: int, end: int | None, ongoing: bool) -> None:
    name = "Trygg hemgång" if lang == "sv" else "Safe Discharge"
    doc = make_doc("page.html", text, lang, title=name)
    tl = timeline([doc], name)
    assert (tl.start, tl.end, tl.ongoing) == (start, end, ongoing)
    check_evidence(tl, [doc])


def test_fact_box_of_another_page_is_not_read() -> None:
    doc = make_doc(
        "page.html",
        "News\n\nThe hospital opened a new ward. Safe Discharge is mentioned here.\n\n"
        "Start date: 2005",
        "en",
        title="News",
    )
    tl = timeline([doc], "Safe Discharge")
    assert tl.start != 2005


# ------------------------------------------------------------------ other styles


def test_board_paper_with_financial_years() -> None:
    doc = make_doc(
        "board_paper_21_045.txt",
        "Board Meeting – Public Session\n\nDate of meeting: 25 May 2021\n\nPaper: 21/045\n\n"
        "1. Purpose\nThis paper updates the Board on the Patient Experience Panel.\n\n"
        "2. Background\nThe Patient Experience Panel was established in 2017/18 following a "
        "listening week. In 2019/20 the Patient Experience Panel reviewed 14 services. "
        "The Patient Experience Panel continues to meet monthly.\n\n"
        "3. Financial\nThe budget for FY2021/22 is 12,000 pounds.",
        "en",
    )
    tl = timeline([doc], "Patient Experience Panel")
    assert (tl.start, tl.end, tl.ongoing) == (2017, None, True)


def test_focus_group_answer_follows_the_question() -> None:
    doc = make_doc(
        "focus_group_2.txt",
        "Focus group 2 – carers\n\nDate: 3 March 2022\n\n"
        "I: How long have you been involved with the Carers' Café?\n\n"
        "R: Since it started, so about four years ago now.\n\n"
        "R: I joined in 2020 when my husband got ill.\n\n"
        "I: And is the Carers' Café still running?\n\n"
        "R: Yes, every Tuesday.",
        "en",
        transcript=True,
    )
    tl = timeline([doc], "Carers' Café")
    assert tl.start == 2018  # 'four years ago' from the date of the focus group
    assert tl.ongoing is True


def test_edition_years_alone_are_not_rounds() -> None:
    a = make_doc("a.txt", "Minutes\n\nThe Letter Panel 2015 reported good results.", "en")
    b = make_doc("b.txt", "Minutes\n\nThe Letter Panel 2019 reported good results.", "en")
    tl = timeline([a, b], "Letter Panel")
    assert tl.active_years == []


def test_mention_outside_sentence_spans_reads_its_line() -> None:
    doc = make_doc("a.txt", "Intro text here.\n\nThe Peer Line began in 2016.", "en")
    doc.sentences = [doc.sentences[0]]  # the second line has no sentence span
    assert timeline([doc], "Peer Line").start == 2016


def test_unrelated_today_in_next_sentence_is_not_ongoing() -> None:
    doc = make_doc(
        "a.txt",
        "The Safety Walks ran in 2009 on two wards. Today the hospital has 300 beds.",
        "en",
    )
    tl = timeline([doc], "Safety Walks")
    assert tl.ongoing is False


@pytest.mark.parametrize(
    "text,name,start",
    [
        (
            "Projects: Walk Days (2010–2012), Heart School (2014) and Peer Line (2016–).",
            "Heart School",
            2014,
        ),
        (
            "Projects: Walk Days (2010–2012), Heart School (2014) and Peer Line (2016–).",
            "Peer Line",
            2016,
        ),
        (
            "Projekt: Vårdlots (2010–2012), Hjärtskola (2014) och Stödlinje (2016–).",
            "Hjärtskola",
            2014,
        ),
    ],
)
def test_bracketed_period_belongs_to_its_own_item(text: str, name: str, start: int) -> None:
    doc = make_doc("a.txt", text, "en" if "Projects" in text else "sv")
    assert timeline([doc], name).start == start


def test_full_date_at_the_top_dates_an_unlabelled_paper() -> None:
    paper = make_doc(
        "p.txt", "BOARD\n\nPublic Board Meeting, 24 March 2022. Item 9.\n\nText.", "en"
    )
    assert document_year(paper)[::2] == (2022, "head_date")
    # a plain year at the top is not the paper's own date
    plain = make_doc("q.txt", "Report\n\nThe panel began in 2015.\n\nText.", "en")
    assert document_year(plain)[0] is None


def test_a_later_round_overrides_an_earlier_end() -> None:
    a = make_doc(
        "a_2016.txt",
        "The Letter Panel was first held in 2011 and repeated in 2015. "
        "The Letter Panel ended in 2015.",
        "en",
    )
    b = make_doc("b_2019.txt", "The third round of the Letter Panel was held in 2019.", "en")
    tl = timeline([a, b], "Letter Panel")
    assert tl.active_years == [2011, 2015, 2019]
    assert tl.end == 2019


def test_an_end_given_only_as_a_plan_is_not_an_end() -> None:
    a = make_doc("plan_2022.txt", "The Letter Approach 2022-2025 sets out our aims.", "en")
    b = make_doc("paper_2022.txt", "We support the Letter Approach for 2022-2025.", "en")
    tl = timeline([a, b], "Letter Approach")
    assert (tl.start, tl.end, tl.ongoing) == (2022, None, True)


def test_a_period_in_a_file_name_dates_the_plan_at_its_start() -> None:
    assert document_year(make_doc("action_plan_2022-2025.docx", "Text.", "en"))[0] == 2022
    assert document_year(make_doc("minutes_2019-10-17.txt", "Text.", "en"))[0] == 2019


def test_present_tense_in_the_last_rounds_year_describes_that_round() -> None:
    a = make_doc("minutes_2019.txt", "The Letter Cafe was held in 2015 and again in 2018.", "en")
    b = make_doc(
        "news_2022.txt",
        "The Letter Cafe is back. The third round of the Letter Cafe is held in 2022.",
        "en",
    )
    tl = timeline([a, b], "Letter Cafe")
    assert tl.active_years == [2015, 2018, 2022]
    assert (tl.end, tl.ongoing) == (2022, False)


def test_a_report_period_up_to_the_reports_date_is_not_an_end() -> None:
    doc = make_doc(
        "summary_2019.txt",
        "Letter talks 2015–2019\n\n"
        "The Letter talks are held in pairs. The Letter talks meet residents at home. "
        "The Letter talks have a waiting list. The Letter talks are free.\n\n"
        "Between October 2015 and October 2019, 46 Letter talks were held.",
        "en",
    )
    tl = timeline([doc], "Letter talks")
    assert (tl.start, tl.end, tl.ongoing) == (2015, None, True)


def test_a_renaming_year_is_not_the_start_of_the_body() -> None:
    """'X ombildas från och med 2019 till Y': the year dates the new name; the body began
    earlier (session 18, a renamed council dated from its renaming)."""
    from coatlas.directed.timeline import _doc_info, _votes_for_mention

    old = make_doc(
        "a.txt",
        "Protokoll från Lyssnarrådet 2012-03-14\n\nRådet bildades i fjol och har sex ledamöter.",
        "sv",
        meta={"date": "2012-03-14"},
    )
    new = make_doc(
        "b.txt",
        "Protokoll 2019-05-22\n\nLyssnarrådet ombildas från och med 2019-09-01 till "
        "Lyssnar- och talarrådet för hela regionen.",
        "sv",
        meta={"date": "2019-05-22"},
    )
    m = re.search("Lyssnarrådet", new.text)
    votes = _votes_for_mention(_doc_info(new, {}), m.start(), m.end())
    assert not [v for v in votes if v.role == "start" and v.year == 2019]
    assert [v for v in votes if v.rule == "active.renamed" and v.year == 2019]
    ms = [
        (d, x.start(), x.end())
        for d in (old, new)
        for x in re.finditer("Lyssnarrådet|Lyssnar- och talarrådet", d.text)
    ]
    assert infer_timeline(ms, [old, new]).start == 2011
    # a founding year in a sentence without a renaming still starts it
    plain = make_doc("c.txt", "Lyssnarrådet bildades 2019 av patienter.", "sv")
    assert timeline([plain], "Lyssnarrådet").start == 2019
