"""The agenda booklet, parsed back: pages, headings, every item, fonts embedded, Arabic."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from booster_desktop.cli import main
from booster_desktop.services.agenda import agenda
from booster_desktop.services.programme import open_programme

BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _text(path: Path) -> str:
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return BIDI_MARKS.sub("", unicodedata.normalize("NFKC", text))


def _fonts(path: Path) -> dict[str, bool]:
    """Each font the PDF uses, and whether its file is embedded."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return found


@pytest.mark.parametrize("code", ["CAT", "WAL", "SUD", "PIE"])
def test_every_demo_tour_makes_a_complete_booklet(
    code: str, demo_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"{code}.pdf"
    assert main(["export", "agenda", str(demo_file), "--tour", code, "-o", str(out)]) == 0
    with open_programme(demo_file) as programme:
        tour = agenda(programme, code).tours[0]
    reader = PdfReader(out)
    assert len(reader.pages) == 1 + 5 + 1  # cover, a page per day, participants
    text = _text(out)
    for day, _items in tour.days():
        assert f"{day:%A} {day.day} {day:%B %Y}" in text
    for item in tour.items:
        assert unicodedata.normalize("NFKC", item.title) in text
    assert "Participants" in text
    for person in tour.participants:
        assert person.name in text
        if person.arabic_name:
            # Extracted as presentation forms in visual order; NFKC gives the letters back,
            # and the words come out in logical order (DESIGN.md's field notes).
            assert unicodedata.normalize("NFKC", person.arabic_name) in text, person.arabic_name
    fonts = _fonts(out)
    assert fonts and all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, demo_file.name])


def test_a_personal_agenda_has_the_managers_name_and_tours(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "amina.pdf"
    assert main(["export", "agenda", str(demo_file), "--manager", "1", "-o", str(out)]) == 0
    with open_programme(demo_file) as programme:
        personal = agenda(programme, manager=1)
    text = _text(out)
    assert "Personal agenda" in text and "Amina Benali" in text
    assert unicodedata.normalize("NFKC", personal.for_manager_arabic or "") in text
    assert len(personal.tours) == 2
    for tour in personal.tours:
        assert tour.title in text
    assert len(PdfReader(out).pages) == 1 + 2 * (5 + 1)


def test_a_mixed_script_line_keeps_both_scripts(tmp_path: Path) -> None:
    from datetime import date

    from booster_desktop.domain.agenda import Agenda, Participant, TourAgenda
    from booster_desktop.exports.agenda_pdf import write_agenda

    mixed = "Amina بنت يوسف"
    tour = TourAgenda(
        code="MIX",
        title="Mixed scripts",
        region="",
        city="",
        host_agency="",
        start=date(2020, 1, 6),
        end=date(2020, 1, 6),
        time_zone="Europe/Paris",
        focus_topics=(),
        items=(),
        participants=(Participant(mixed, "أمينة", "Morocco", "Élan Cluster"),),
    )
    out = tmp_path / "mixed.pdf"
    write_agenda(Agenda((tour,)), out)
    text = _text(out)
    assert "Amina" in text and "بنت يوسف" in text and "\x00" not in text
    assert "Élan Cluster" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tour", "XYZ"], "tour 'XYZ' does not exist"),
        (["--manager", "999"], "manager 999 does not exist"),
    ],
)
def test_bad_requests_are_one_line_and_write_nothing(
    args: list[str],
    message: str,
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out" / "agenda.pdf"
    out.parent.mkdir()
    assert main(["export", "agenda", str(demo_file), *args, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert list(out.parent.iterdir()) == []


def test_no_tour_nor_manager_is_a_usage_error(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "agenda.pdf"
    with pytest.raises(SystemExit) as exit_:
        main(["export", "agenda", str(demo_file), "-o", str(out)])
    assert exit_.value.code == 2
    assert "--tour CODE is required" in capsys.readouterr().err
    assert not out.exists()


def test_an_unwritable_target_leaves_no_partial_file(
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # CI runs as root, for whom a read-only folder is writable: make the rename fail instead.
    def refuse(self: Path, target: object) -> Path:
        raise PermissionError(13, "Permission denied", str(target))

    out = tmp_path / "shots" / "agenda.pdf"
    out.parent.mkdir()
    monkeypatch.setattr(Path, "replace", refuse)
    assert main(["export", "agenda", str(demo_file), "--tour", "CAT", "-o", str(out)]) == 1
    monkeypatch.undo()
    assert "cannot be written (Permission denied)" in capsys.readouterr().err
    assert list(out.parent.iterdir()) == []
    missing = tmp_path / "nowhere" / "agenda.pdf"
    assert main(["export", "agenda", str(demo_file), "--tour", "CAT", "-o", str(missing)]) == 1
    assert "no such folder" in capsys.readouterr().err
