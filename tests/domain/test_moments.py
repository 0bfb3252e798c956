"""A moment that must carry its offset: one reader for a door's files, the check-in journal
and the live windows' notices, each saying the problem in its own terms."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest

from booster_desktop.domain.moments import NoOffset, moment_with_offset
from tests.package_source import modules


def test_a_moment_with_its_offset_is_read_as_written() -> None:
    assert moment_with_offset("2027-03-01T09:30:05.000123+00:00") == datetime(
        2027, 3, 1, 9, 30, 5, 123, UTC
    )
    read = moment_with_offset("2027-03-01T09:30:05+04:00")
    assert read.utcoffset() == timedelta(hours=4)
    assert read.tzinfo == timezone(timedelta(hours=4))
    assert moment_with_offset("2027-03-01T09:30:05Z") == datetime(2027, 3, 1, 9, 30, 5, tzinfo=UTC)


@pytest.mark.parametrize("text", ["2027-03-01T09:30:05", "2027-03-01", "2027-03-01 09:30"])
def test_a_moment_without_its_offset_is_refused_as_such(text: str) -> None:
    with pytest.raises(NoOffset):
        moment_with_offset(text)


@pytest.mark.parametrize("text", ["", "yesterday", "2027-02-30T09:00:00+00:00", "09:30+01:00"])
def test_what_is_not_a_moment_is_a_value_error_but_not_a_missing_offset(text: str) -> None:
    with pytest.raises(ValueError) as refused:
        moment_with_offset(text)
    assert not isinstance(refused.value, NoOffset)


@pytest.mark.parametrize("value", [None, 1_795_000_000, b"2027-03-01T09:30:05+00:00", ["x"]])
def test_what_is_not_text_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        moment_with_offset(value)


def test_no_module_reads_such_a_moment_with_its_own_offset_check() -> None:
    """The door's journal and roster copy, the check-in journal and the notices all go through
    the one reader: a second copy would drift (a `tzinfo` check here, `utcoffset` there)."""
    # A refusal of a naive moment (a reader that takes one as UTC, as `history --since`, is
    # another rule).
    own_check = re.compile(r"(utcoffset\(\)|tzinfo) is None[^\n]*:\s*\n\s*raise ")
    found = [
        name
        for name, source in modules(but=("domain/moments.py",))
        if "fromisoformat" in source and own_check.search(source)
    ]
    assert found == []
