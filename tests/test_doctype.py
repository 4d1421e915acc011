from coatlas.doctype import classify, sampled_types
from coatlas.document import Document, Turn
from coatlas.inductive import sample


def _doc(path, text, fmt="txt", turns=()):
    return Document(path=path, sha256="x", format=fmt, text=text, turns=list(turns))


def test_transcript_from_turns_not_name():
    text = "A: q1\nB: a1\nA: q2\nB: a2"
    turns = [
        Turn("A", "interviewer", 3, 5),
        Turn("B", "respondent", 9, 11),
        Turn("A", "interviewer", 15, 17),
        Turn("B", "respondent", 21, 23),
    ]
    assert classify(_doc("doc1.txt", text, turns=turns)).type == "transcript"


def test_business_plan_sv_and_en_from_content():
    sv = "Verksamhetsplan med budget 2020\n\nMål 2020: fler ska delta. Fastställd av fullmäktige."
    en = "Business Plan 2021\n\nThe region shall develop its services. Adopted by the council."
    assert classify(_doc("a.pdf", sv, "pdf")).type == "business_plan"
    assert classify(_doc("b.docx", en, "docx")).type == "business_plan"


def test_minutes_and_web_page():
    minutes = "Protokoll ledningsgrupp\nNärvarande: A, B\n§ 1. Öppnande\nBeslut: godkändes."
    assert classify(_doc("x.txt", minutes)).type == "minutes"
    assert (
        classify(_doc("y.html", "Om oss. Läs mer om vården. Senast uppdaterad 2020.", "html")).type
        == "web_page"
    )


def test_file_name_is_only_weak_evidence():
    # a file called "minutes" whose content is a transcript is a transcript
    text = "Interview transcript\nI: q\nR: a\nI: q\nR: a"
    turns = [
        Turn("I", "interviewer", 24, 25),
        Turn("R", "respondent", 29, 30),
        Turn("I", "interviewer", 34, 35),
        Turn("R", "respondent", 39, 40),
    ]
    assert classify(_doc("minutes_2020.txt", text, turns=turns)).type == "transcript"


def test_board_paper_strategy_draft_and_closure_report():
    board = (
        "HEALTH BOARD\n\nPublic Board Meeting, 3 May. Agenda item 4. Status: for noting.\n\n"
        "Involvement: Progress Report\n\nExecutive lead: Director of Nursing"
    )
    assert classify(_doc("p.docx", board, "docx")).type == "board_paper"
    draft = "# Co-production Approach 2022-2025\n\n*Draft for consultation.*\n\nShare this."
    assert classify(_doc("a.md", draft, "md")).type == "business_plan"
    closure = "Programme Closure Report\n\n1. Introduction\n\nThe paper case notes were replaced."
    assert classify(_doc("k.docx", closure, "docx")).type == "report"
    summary = "Sammanfattning av dialogmöte\n\nDatum: 1 mars. Deltagare: 30 invånare."
    assert classify(_doc("d.docx", summary, "docx")).type == "minutes"


def test_sampling_reports_reason_and_all_documents():
    docs = [
        _doc("plan.txt", "Verksamhetsplan 2019\n\nMål 2019: något."),
        _doc("r.txt", "Final report\n\nResults: fine."),
        _doc("n.html", "Nyheter. Läs mer om vården. Publicerad 2020.", "html"),
        _doc("h.txt", "Leaflet\n\nInformation for patients."),
    ]
    s = {x["document"]: x for x in sample(docs)}
    assert s["plan.txt"]["sampled"] and s["r.txt"]["sampled"]
    assert not s["n.html"]["sampled"] and not s["h.txt"]["sampled"]
    assert s["r.txt"]["type"] == "report" and "report" in s["r.txt"]["reason"]
    assert "inform" in s["n.html"]["reason"] and "not sampled" in s["h.txt"]["reason"]
    s_all = sample(docs, all_documents=True)
    assert all(x["sampled"] for x in s_all)
    assert set(sampled_types()) == {
        "transcript",
        "business_plan",
        "board_paper",
        "report",
        "minutes",
    }
