"""The event types of the store's append-only log, named once.

The store writes and reads events without knowing what they mean; review
(``coatlas.review``) decides what each one does. Both sides name actions from here,
so a typo can never record an event that nothing replays.
"""

from __future__ import annotations

# Step 3: rename, merge, move, create, reject, restore and add (a lesson a human coded)
LESSON_REVIEW = "lesson.review"
# Steps 1–2: reject, restore, rename initiatives; add an initiative, code, set years, uncode
INITIATIVE_REVIEW = "initiative.review"
# a reviewer's decision on one machine coding (accepted, rejected) and a correction of one
CODING_STATUS = "coding.status"
CODING_EDIT = "coding.edit"
# a memo on an initiative, node, lesson, coding or document
MEMO = "memo"

# the overseer's resolution of a unit the coders disagree on (document × code, yes/no)
UNIT_RESOLVE = "unit.resolve"
# a team member added (coatlas users add); payload: the role, never the password
USER_ADD = "user.add"

# the review events replayed from ``run:N`` (in this order of precedence when listed)
RUN_REVIEW_ACTIONS = (LESSON_REVIEW, INITIATIVE_REVIEW, MEMO)
CODING_ACTIONS = (CODING_STATUS, CODING_EDIT)

__all__ = [
    "CODING_ACTIONS",
    "CODING_EDIT",
    "CODING_STATUS",
    "INITIATIVE_REVIEW",
    "LESSON_REVIEW",
    "MEMO",
    "RUN_REVIEW_ACTIONS",
    "UNIT_RESOLVE",
    "USER_ADD",
]
