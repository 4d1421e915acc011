"""Step 3's clusterer on very few lessons (a small folder): no crash, a valid tree."""

from __future__ import annotations

import numpy as np
import pytest

from coatlas.inductive.grouping import Clusterer


@pytest.mark.parametrize("n", [2, 3])
def test_clusterer_handles_two_or_three_lessons(n):
    x = np.random.default_rng(0).normal(size=(n, 8))
    levels = Clusterer().fit_predict(x)
    assert levels.shape == (n, 3) and levels.min() >= 1
