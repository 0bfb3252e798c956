"""The declarative base every entity maps to, with named constraints for migrations."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    Dialect,
    Enum,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, MappedColumn, mapped_column
from sqlalchemy.types import TypeDecorator

# Named constraints let Alembic's batch mode on SQLite find and change them later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of the programme's entities."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in time: stored as UTC without an offset, read back as an aware UTC datetime.

    SQLite has no time zone type; keeping every stored moment in UTC makes two laptops'
    check-ins comparable and leaves local time to the tour's IANA zone at display.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a moment must carry its time zone")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def enum_column(enum: type[StrEnum], name: str) -> Enum:
    """A string column limited to the enum's values by a named CHECK (no native enum type)."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def version_column() -> MappedColumn[int]:
    """A record's version: 1 when written, raised by every update of the record, so that a
    save made from an older reading is refused instead of overwriting someone else's change.
    The ORM checks it on a flush (`version_id_col`); Core updates go through
    `store.versions.versioned_update`."""
    return mapped_column(Integer, nullable=False, server_default=text("1"))


def utc_now() -> datetime:
    """Now, as an aware UTC datetime."""
    return datetime.now(UTC)


# The longest free text a field holds (notes, descriptions): long enough for any real note,
# short enough that a pasted book or a 32,767-character cell is refused, not stored.
LONG_TEXT = 20_000


def long_text(limit: int = LONG_TEXT) -> Text:
    """A free-text column of at most `limit` characters (the length CHECK holds it).

    PostgreSQL's TEXT takes no length: there it is a plain TEXT (SQLite keeps the declared one,
    which the stored catalogue names). Every `Text(n)` column is declared this way.
    """
    return Text(limit).with_variant(Text(), "postgresql")


def text_limit(entity: type[Base], attribute: str) -> int:
    """The most characters `entity.attribute` may hold: the column's declared length.

    One limit per field, read by the schema's CHECK, the editors and the import alike.
    """
    column = entity.__table__.c[attribute]
    length = getattr(column.type, "length", None)
    if not isinstance(length, int):
        raise LookupError(f"{entity.__name__}.{attribute} is not a text field with a limit")
    return length


def add_length_checks(metadata: MetaData) -> None:
    """Give every text column a CHECK on its length (SQLite does not enforce `VARCHAR(n)`).

    Enum columns are left out: their own CHECK already lists the values. Named
    `ck_<table>_<column>_length` by the naming convention, so migrations can find them.
    """
    for table in metadata.tables.values():
        present = {getattr(c, "name", None) for c in table.constraints}
        for column in table.columns:
            if not isinstance(column.type, String) or isinstance(column.type, Enum):
                continue
            length = column.type.length
            if length is None:
                raise TypeError(f"{table.name}.{column.name}: a text column needs a length")
            name = f"{column.name}_length"
            if f"ck_{table.name}_{name}" in present or name in present:
                continue
            table.append_constraint(
                CheckConstraint(f"length({column.name}) <= {length}", name=name)
            )
