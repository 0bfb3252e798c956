"""Rosters, sign-in sheets and certificates go through the one output-path check, and a
certificate granted by name with nothing attended is still made."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from booster_desktop.cli import main


@pytest.mark.parametrize(
    ("what", "name", "extra"),
    [
        ("roster", "other.xlsx", ["--tour", "CAT"]),
        ("roster", "other.csv", ["--tour", "CAT"]),
        ("signin", "other.pdf", ["--tour", "CAT"]),
        ("certificates", "other.pdf", ["--tour", "CAT"]),
    ],
)
@pytest.mark.sqlite_only
def test_another_programme_under_an_export_s_name_is_never_overwritten(
    what: str,
    name: str,
    extra: list[str],
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    other = tmp_path / name
    shutil.copyfile(demo_file, other)
    before = hashlib.sha256(other.read_bytes()).hexdigest()
    assert main(["export", what, str(demo_file), *extra, "-o", str(other)]) == 1
    err = capsys.readouterr().err
    assert "is a programme file" in err and err.count("\n") == 1
    assert hashlib.sha256(other.read_bytes()).hexdigest() == before


def test_a_certificate_granted_with_nothing_attended_is_made(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "certificates.pdf"
    assert (
        main(
            [
                "export",
                "certificates",
                str(demo_file),
                "--tour",
                "CAT",
                "--grant",
                "1",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert "unexpected" not in capsys.readouterr().err
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "attended 0 of" in text
