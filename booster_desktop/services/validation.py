"""What editors are told when a record cannot be saved, and parsing what people type."""

from __future__ import annotations

from datetime import date

from booster_desktop.domain.errors import BoosterError


class InvalidRecord(BoosterError):  # noqa: N818 (says what it is: a record that is invalid)
    """A record that cannot be saved: the problems by field, to show next to each field."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = problems


def parse_date(text: str) -> date | None:
    """An ISO date (YYYY-MM-DD), or None when `text` is empty or not one."""
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None
