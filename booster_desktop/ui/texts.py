from booster_desktop.ui.translation import QT_TR_NOOP

"""Explanations the window shows in more than one place, written once."""

WHY_THIS_SCORE = QT_TR_NOOP(
    "Why this score: a topic a manager ranked 1st counts 1, 2nd counts "
    "1/2, 3rd 1/3, and so on; a topic's score adds these up over all "
    "managers. A tour's score for a manager is the same sum over the "
    "tour's focus topics, and managers are allocated to the tours that "
    "score highest for them."
)
