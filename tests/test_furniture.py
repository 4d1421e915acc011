"""Names that are the document's own structure, not initiatives (lang data furniture)."""


def test_a_numbered_part_of_a_document_is_no_name():
    from coatlas.lang.furniture import is_document_part

    for name in ("Intervju 4", "Interview 12", "Appendix B", "Bilaga 2", "Focus group 3"):
        assert is_document_part(name), name
    for name in ("Intervju", "Project 4", "Vision 2030", "Programme 2000 for carers"):
        assert not is_document_part(name), name


def test_a_news_heading_is_no_name() -> None:
    from coatlas.directed import run
    from coatlas.directed.phrases import is_headline
    from coatlas.ingest import document_from_text

    assert is_headline("Vindbron startar på hudkliniken")
    assert is_headline("Walking Partners helps the ward to change")
    assert not is_headline("Walking Partners")
    text = (
        "Vindbron startar på hudkliniken\n\n"
        "Vindbron startar på hudkliniken i höst. Patienterna har varit med och utformat "
        "Vindbron tillsammans med personalen, och två patienter sitter i arbetsgruppen."
    )
    res = run([document_from_text(text, "nyhet.txt")])
    names = [n for i in res.initiatives for n in (i["name"], *i["aliases"])]
    assert not any("startar" in n for n in names), names
