"""Language of a text: en/sv first-class, anything else flagged with its ISO 639-1 code.

py3langid (character n-grams) is good on long text but guesses wildly on a
heading or a two-word line, and confuses Swedish with Norwegian/Danish. So the
classifier's verdict is checked against stopword evidence from
``lang/<code>/language.toml``; short text without evidence inherits a prior
(usually the document's language).
"""

from __future__ import annotations

import re
from functools import cache

from coatlas.text.sentences import load_lang_data

__all__ = ["detect_language", "UNDETERMINED"]

UNDETERMINED = "und"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NORDIC = {"no", "nb", "nn", "da"}
_SAMPLE = 6000  # characters: enough for a stable verdict, bounded cost on huge texts


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@cache
def _words(lang: str, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_lang_data(lang, "language").get(key, []))


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE:
        return text
    third = _SAMPLE // 3
    mid = len(text) // 2
    return " ".join((text[:third], text[mid : mid + third], text[-third:]))


def detect_language(text: str, prior: str | None = None) -> str:
    """Return "en", "sv", another ISO code, or ``prior``/"und" when the text is too thin."""
    sample = _sample(text)
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return prior or UNDETERMINED
    en = sum(w in _words("en", "stopwords") for w in words)
    sv = sum(w in _words("sv", "stopwords") for w in words)
    fallback = prior or UNDETERMINED
    if len(words) < 4:
        if en > sv:
            return "en"
        if sv > en:
            return "sv"
        return fallback
    lang, prob = _identifier().classify(sample)
    share_en, share_sv = en / len(words), sv / len(words)
    if lang in ("en", "sv"):
        other = "sv" if lang == "en" else "en"
        mine, theirs = (share_en, share_sv) if lang == "en" else (share_sv, share_en)
        if theirs >= 0.15 and theirs > 2 * mine:
            return other
        if prior in ("en", "sv") and lang != prior and (en if lang == "en" else sv) == 0:
            return prior  # a line of names and places: no function word says otherwise
        return lang
    if lang in _NORDIC:
        svm = sum(w in _words("sv", "sv_markers") for w in words)
        nom = sum(w in _words("sv", "not_markers") for w in words)
        if svm > nom:
            return "sv"
        if nom == 0:
            # no Norwegian/Danish word at all: Swedish names/places fooled the n-grams
            return "sv" if share_sv >= 0.15 else (prior or lang)
        return lang
    # another language: trust the classifier unless en/sv function words dominate
    if share_en >= 0.2 and share_en > share_sv:
        return "en"
    if share_sv >= 0.2 and share_sv > share_en:
        return "sv"
    if len(words) < 12 and prob < 0.9:
        return fallback
    return lang
