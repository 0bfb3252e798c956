"""A workbook whose XML is cut short or carries entities is refused in one line, never as an
unexpected error, and nothing is imported."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from booster_desktop.cli import main

BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
)


def _workbook(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Given name", "Family name", "Country", "E-mail"])
    sheet.append(["Amina", "Benali", "Algeria", "amina@example.org"])
    book.save(path)


def _with_entities(data: bytes) -> bytes:
    body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
    return BOMB.encode() + body


def _rewrite(path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts[part] = change(parts[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


@pytest.mark.parametrize(
    ("part", "change"),
    [
        ("xl/worksheets/sheet1.xml", lambda data: data[: len(data) // 2]),
        ("xl/worksheets/sheet1.xml", _with_entities),
        ("xl/workbook.xml", lambda data: data[: len(data) // 2]),
        ("xl/workbook.xml", _with_entities),
    ],
    ids=["sheet-cut-short", "sheet-entities", "workbook-cut-short", "workbook-entities"],
)
def test_damaged_or_hostile_xml_is_one_line(
    part: str,
    change: Callable[[bytes], bytes],
    empty_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / "managers.xlsx"
    _workbook(source)
    _rewrite(source, part, change)
    code = main(["import", "managers", str(empty_file), str(source)])
    err = capsys.readouterr().err
    assert code == 1
    assert "unexpected error" not in err and err.count("\n") == 1, err
    assert main(["info", "--json", str(empty_file)]) == 0
    assert '"managers": 0' in capsys.readouterr().out
