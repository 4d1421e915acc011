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


def test_sampling_reports_reason_and_all_documents():
    docs = [
        _doc("plan.txt", "Verksamhetsplan 2019\n\nMål 2019: något."),
        _doc("r.txt", "Final report\n\nResults: fine."),
    ]
    s = {x["document"]: x for x in sample(docs)}
    assert s["plan.txt"]["sampled"] and not s["r.txt"]["sampled"]
    assert s["r.txt"]["type"] == "report" and "report" in s["r.txt"]["reason"]
    s_all = sample(docs, all_documents=True)
    assert all(x["sampled"] for x in s_all)
    assert set(sampled_types()) == {"transcript", "business_plan"}
