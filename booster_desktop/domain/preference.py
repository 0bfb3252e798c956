"""How much a manager wants a tour, from the topics they ranked and the topics it covers.

The model, defined once (README and the window's "why this score" say the same):
- a topic the manager ranked r (1 = most wanted) is worth 1/r;
- a tour's score for the manager is the sum of the worth of the tour's focus topics the
  manager ranked (a topic they did not rank is worth nothing);
- the manager's rank of a tour is 1 + the number of tours that score strictly higher, so
  tours that score the same share a rank and a better-ranked tour never scores lower;
- placing the manager on a tour of rank r costs (r - 1) ** gamma: gamma = 1 weighs every
  step down the list alike (efficiency); a larger gamma makes a far-down tour much dearer,
  sparing the worst-off (fairness).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# Scores are compared rounded to this many decimals (see tour_ranks).
SCORE_DIGITS = 9


def topic_worth(rank: int) -> float:
    """What a topic ranked `rank` adds to a tour covering it."""
    if rank < 1:
        raise ValueError("ranks start at 1")
    return 1.0 / rank


def tour_score(ranks: Mapping[int, int], focus: Iterable[int]) -> float:
    """How much a manager wants a tour: the worth of its focus topics they ranked.

    `ranks` is the manager's rank of each topic they ranked, by topic id.
    """
    return sum(topic_worth(ranks[topic]) for topic in set(focus) if topic in ranks)


def tour_ranks(scores: Mapping[str, float]) -> dict[str, int]:
    """Each tour's rank for one manager: 1 + how many tours score strictly higher."""
    # Rounded: sums of 1/r in another order must not make two equal scores differ.
    rounded = {code: round(score, SCORE_DIGITS) for code, score in scores.items()}
    return {
        code: 1 + sum(1 for other in rounded.values() if other > score)
        for code, score in rounded.items()
    }


def placement_cost(rank: int, gamma: float) -> float:
    """The cost of placing a manager on a tour they rank `rank`: (rank - 1) ** gamma."""
    return float(float(rank - 1) ** gamma)
