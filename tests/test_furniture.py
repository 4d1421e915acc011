"""Names that are the document's own structure, not initiatives (lang data furniture)."""


def test_a_numbered_part_of_a_document_is_no_name():
    from coatlas.lang.furniture import is_document_part

    for name in ("Intervju 4", "Interview 12", "Appendix B", "Bilaga 2", "Focus group 3"):
        assert is_document_part(name), name
    for name in ("Intervju", "Project 4", "Vision 2030", "Programme 2000 for carers"):
        assert not is_document_part(name), name
