"""Learning from human coding: train on coded texts, code new texts the same way.

``AutoCoder`` (fit/predict, scikit-learn style) with swappable featuriser,
classifier and thresholding; ``read_coded_csv`` / ``read_texts_csv`` /
``write_codes_csv`` for the CSV tables teams export from their coding.
"""

from coatlas.autocode.features import EmbeddingFeatures, char_tfidf, default_featurizer, word_tfidf
from coatlas.autocode.io import (
    AutocodeError,
    CodedTable,
    read_coded_csv,
    read_texts_csv,
    write_codes_csv,
)
from coatlas.autocode.model import AutoCoder, default_classifier
from coatlas.autocode.thresholds import Thresholder, macro_f1, micro_f1

__all__ = [
    "AutoCoder",
    "AutocodeError",
    "CodedTable",
    "EmbeddingFeatures",
    "Thresholder",
    "char_tfidf",
    "default_classifier",
    "default_featurizer",
    "macro_f1",
    "micro_f1",
    "read_coded_csv",
    "read_texts_csv",
    "word_tfidf",
    "write_codes_csv",
]
