from coatlas.evidence import make_evidence


def test_evidence_quote_is_text_slice():
    text = "Patienter och närstående deltog."
    ev = make_evidence(text, "a.txt", 0, 9, "rule:test", 0.5)
    assert ev.quote == "Patienter" == text[ev.start : ev.end]
