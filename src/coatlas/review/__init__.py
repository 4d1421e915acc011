"""Human review of Step 3's proposed hierarchy: rename, merge, move, create, reject.

``coatlas.review.ops`` works on plain lessons.json dicts (no store, no CLI, no web);
the store records each op as a ``lesson.review`` event and replays them, and the
CLI and the browser app are thin callers of that. See docs/review.md.
"""

from coatlas.review.ops import (
    LEVELS,
    OPS,
    Review,
    ReviewError,
    apply_ops,
    normalize,
    rejected_lessons,
    replay,
)

__all__ = [
    "LEVELS",
    "OPS",
    "Review",
    "ReviewError",
    "apply_ops",
    "normalize",
    "rejected_lessons",
    "replay",
]
