"""The repository holds its own design: every reference a file makes to another file of the
repository resolves, and nothing cites a design document that is not in it."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIP_FOLDERS = {".git", ".venv", "__pycache__", "generated", "build", "dist", ".mypy_cache"}
TEXT_SUFFIXES = {".py", ".md", ".toml", ".txt", ".cfg", ".ini", ".yml", ".yaml", ".ui"}
# The old external design document, spelled so that this file does not cite it either.
OUTSIDE_DOCUMENT = "DESIGN" + ".md"
PACKAGE_FOLDERS = ("domain", "services", "store", "exports", "ui")
# A path inside the repository: a top-level folder, then a file with a suffix.
REFERENCE = re.compile(
    r"(?<![\w./-])((?:docs|tests|booster_desktop|bench|forms|resources|packaging|\.ci"
    rf"|{'|'.join(PACKAGE_FOLDERS)})/[\w./-]*\w\.(?:md|py|toml|txt|ui|json))(?!\.?\w)"
)
MARKDOWN_LINK = re.compile(r"\]\(([^)#:\s]+)(?:#[^)]*)?\)")


def _text_files() -> Iterator[Path]:
    for folder, folders, files in os.walk(ROOT):
        # Tools' caches and environments (dot folders) are not the repository's; .ci/ is.
        folders[:] = [
            f for f in folders if f not in SKIP_FOLDERS and (f == ".ci" or not f.startswith("."))
        ]
        for name in files:
            path = Path(folder, name)
            if path.suffix in TEXT_SUFFIXES or path.relative_to(ROOT).as_posix() == ".ci/run":
                yield path


FILES = sorted(_text_files())


def _resolves(reference: str, source: Path) -> bool:
    first = reference.split("/", 1)[0]
    candidates = [ROOT / reference, source.parent / reference]
    # Inside the wheel, resources/ and forms/ are installed into the package.
    for folder in ("resources", "forms"):
        if reference.startswith(f"booster_desktop/{folder}/"):
            candidates.append(ROOT / reference.removeprefix("booster_desktop/"))
    if first in PACKAGE_FOLDERS:
        candidates.append(ROOT / "booster_desktop" / reference)
    return any(c.exists() for c in candidates)


def test_the_files_are_found() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in FILES}
    assert {"README.md", "pyproject.toml", "docs/README.md", "booster_desktop/__init__.py"} <= names


def test_nothing_cites_the_design_document_from_outside_the_repository() -> None:
    citing = [
        p.relative_to(ROOT).as_posix()
        for p in FILES
        if OUTSIDE_DOCUMENT in p.read_text(encoding="utf-8", errors="replace")
    ]
    assert citing == []


def test_every_file_a_file_names_exists() -> None:
    missing = []
    for path in FILES:
        if path == Path(__file__).resolve():
            continue  # its examples of missing files are the point
        text = path.read_text(encoding="utf-8", errors="replace")
        for reference in REFERENCE.findall(text):
            if not _resolves(reference, path):
                missing.append(f"{path.relative_to(ROOT).as_posix()}: {reference}")
        if path.suffix == ".md":
            for link in MARKDOWN_LINK.findall(text):
                if not (path.parent / link).exists():
                    missing.append(f"{path.relative_to(ROOT).as_posix()}: link {link}")
    assert missing == []


@pytest.mark.parametrize(
    "text",
    ["see tests/ui/test_nothing_here.py", "in docs/nowhere.md", "(services/gone.py)"],
)
def test_a_missing_file_would_be_caught(text: str) -> None:
    (reference,) = REFERENCE.findall(text)
    assert not _resolves(reference, ROOT / "README.md")


def test_every_docs_page_is_listed_in_the_docs_index() -> None:
    index = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    pages = {p.name for p in (ROOT / "docs").glob("*.md")} - {"README.md"}
    assert pages and all(f"({page})" in index for page in pages)


def test_every_setting_is_in_the_settings_page_with_its_default_and_description() -> None:
    from booster_desktop.services.settings import SETTINGS

    page = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip(" `"): line for line in page.splitlines() if line.startswith("| `")
    }
    assert set(rows) == {s.name for s in SETTINGS}
    for setting in SETTINGS:
        cells = [c.strip() for c in rows[setting.name].split("|")]
        default = setting.show(setting.default) if setting.default != "" else "(empty)"
        assert (cells[3], cells[4]) == (default, setting.description), setting.name
