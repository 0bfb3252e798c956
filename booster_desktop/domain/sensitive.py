"""Which fields are sensitive: the travel documents (passport, its expiry, date of birth,
nationality). Declared once: the change history records them as "changed" without their
values, and whatever masks personal data reads the same list."""

from __future__ import annotations

from booster_desktop.domain.manager import TravelDocument

# (table, column) of every sensitive field: every column of a manager's travel document but
# the key that ties it to the manager.
SENSITIVE_FIELDS: frozenset[tuple[str, str]] = frozenset(
    (TravelDocument.__tablename__, column.name)
    for column in TravelDocument.__table__.columns
    if not column.primary_key
)

# What stands in for a sensitive value wherever one would be shown or kept.
SENSITIVE_MARK = "changed"


def is_sensitive(table: str, column: str) -> bool:
    """Whether `table.column` holds sensitive data, never to be copied out of its record."""
    return (table, column) in SENSITIVE_FIELDS
