"""The programme's words for the file's tables and columns: every table and every column the
change history can name has one (a new column without a word fails here, named), in English
and in French."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields

import pytest

from booster_desktop.domain.field_words import english_field, field_word, table_word
from booster_desktop.domain.history import ChangeEntry, ChangeValue
from booster_desktop.domain.model import Base
from booster_desktop.i18n import use_language
from booster_desktop.services.managers import ManagerDetails
from booster_desktop.services.sessions import SessionDetails
from booster_desktop.services.topics import TopicDetails
from booster_desktop.services.tours import TourDetails

# The history's own tables are never named by it.
_NOT_NAMED = {ChangeEntry.__tablename__, ChangeValue.__tablename__}


@pytest.fixture
def french() -> Iterator[None]:
    use_language("fr")
    yield
    use_language("en")


def _named_tables() -> list[str]:
    return [name for name in Base.metadata.tables if name not in _NOT_NAMED]


def test_every_table_and_column_the_history_can_name_has_a_word() -> None:
    tables = _named_tables()
    assert "manager" in tables and "tour_session" in tables
    missing = [name for name in tables if table_word(name) == name.replace("_", " ")]
    missing += [
        f"{table.name}.{column.name}"
        for table in Base.metadata.tables.values()
        if table.name not in _NOT_NAMED
        for column in table.columns
        if english_field(table.name, column.name) is None
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("table", "details"),
    [
        ("manager", ManagerDetails),
        ("tour", TourDetails),
        ("tour_session", SessionDetails),
        ("topic", TopicDetails),
    ],
)
def test_every_field_a_refused_save_can_show_has_a_word(table: str, details: type) -> None:
    missing = [f.name for f in fields(details) if english_field(table, f.name) is None]
    assert missing == []


def test_the_words_in_english() -> None:
    assert table_word("manager") == "Manager"
    assert table_word("topic_interest") == "Topic rank"
    assert field_word("manager", "given_name") == "Given name"
    assert field_word("enrolment", "status") == "Enrolment status"
    assert field_word("manager", "status") == "Status"
    # A column an old history names that the programme no longer has reads as it was.
    assert field_word("manager", "shoe_size") == "shoe size"


def test_the_words_in_french(french: None) -> None:
    assert table_word("tour_session") == "Séance"
    assert table_word("checkin") == "Pointage"
    assert field_word("manager", "given_name") == "Prénom"
    assert field_word("manager", "family_name") == "Nom"
    assert field_word("manager", "email") == "Courriel"
