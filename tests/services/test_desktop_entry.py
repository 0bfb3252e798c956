"""The menu entry, icons and programme file type installed into the user's data folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from booster_desktop.domain.errors import BoosterError
from booster_desktop.package_data import resource
from booster_desktop.services.desktop_entry import (
    APP_ID,
    MIME_TYPE,
    data_home,
    exec_line,
    install_desktop_entry,
)
from booster_desktop.store.schema_version import APPLICATION_ID
from tests import programme_db

MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_the_file_type_is_recognised_by_the_sqlite_header_and_the_application_id() -> None:
    root = ET.parse(resource("desktop", f"{APP_ID}.xml")).getroot()
    (kind,) = root.findall(f"{MIME}mime-type")
    assert kind.get("type") == MIME_TYPE
    header = kind.find(f"{MIME}magic/{MIME}match")
    assert header is not None
    assert (header.get("type"), header.get("offset")) == ("string", "0")
    assert header.get("value") == "SQLite format 3\\0"
    (app_id,) = list(header)
    assert (app_id.get("type"), app_id.get("offset")) == ("big32", "68")
    assert int(app_id.get("value", ""), 16) == APPLICATION_ID
    assert int(app_id.get("value", ""), 16).to_bytes(4, "big") == b"BstR"


def test_install_writes_the_entry_the_type_and_every_icon(tmp_path: Path) -> None:
    written = install_desktop_entry(["/opt/booster desktop/booster-desktop"], tmp_path)
    entry = tmp_path / "applications" / f"{APP_ID}.desktop"
    assert entry in written
    text = entry.read_text()
    assert 'Exec="/opt/booster desktop/booster-desktop" %f' in text
    assert f"MimeType={MIME_TYPE};" in text
    assert (tmp_path / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        icon = tmp_path / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(icon.read_bytes()[16:20], "big") == size  # the PNG's width
    assert (tmp_path / f"icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()


def test_the_installed_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    install_desktop_entry(["/usr/bin/python3", "-m", "booster_desktop.app"], tmp_path)
    entry = tmp_path / "applications" / f"{APP_ID}.desktop"
    assert "TryExec" not in entry.read_text()  # a command with an interpreter has no one path
    for checked_entry in (entry, resource("desktop", f"{APP_ID}.desktop")):
        done = subprocess.run(
            ["desktop-file-validate", str(checked_entry)], capture_output=True, text=True
        )
        assert done.returncode == 0 and not done.stdout, done.stdout


def test_exec_quotes_reserved_characters_as_the_specification_asks() -> None:
    assert exec_line(["/opt/booster/booster-desktop"]) == "/opt/booster/booster-desktop %f"
    assert exec_line(["/home/a b/x"]) == '"/home/a b/x" %f'
    # Inside quotes, $ is escaped with a backslash, and the string value doubles backslashes.
    assert exec_line(["/home/$x y"]) == '"/home/\\\\$x y" %f'
    assert exec_line(["/home/100%"]) == "/home/100%% %f"


def test_relative_xdg_data_home_is_ignored(tmp_path: Path) -> None:
    assert data_home({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path
    assert data_home({"XDG_DATA_HOME": "relative"}) == Path.home() / ".local" / "share"


def test_an_unwritable_data_folder_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "applications").write_text("a file where a folder is expected")
    with pytest.raises(BoosterError, match="applications"):
        install_desktop_entry(["/opt/booster-desktop"], tmp_path)
    assert (tmp_path / "applications").read_text() == "a file where a folder is expected"


@pytest.mark.skipif(
    not all(shutil.which(t) for t in ("xdg-mime", "gio", "update-mime-database")),
    reason="xdg-mime, gio or update-mime-database absent (xdg-utils, libglib2.0-bin, "
    "shared-mime-info)",
)
@pytest.mark.sqlite_only
def test_xdg_mime_gives_the_programme_type_even_to_a_renamed_file(
    tmp_path: Path, demo_file: Path
) -> None:
    home = tmp_path / "data"
    install_desktop_entry(["/opt/booster-desktop"], home)
    renamed = tmp_path / "tour-list"  # no extension: recognised by content
    shutil.copyfile(demo_file, renamed)
    other = tmp_path / "other.db"
    programme_db.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    env = {**os.environ, "XDG_DATA_HOME": str(home), "XDG_CURRENT_DESKTOP": "GNOME"}

    def filetype(path: Path) -> str:
        done = subprocess.run(
            ["xdg-mime", "query", "filetype", str(path)], capture_output=True, text=True, env=env
        )
        return done.stdout.strip()

    assert filetype(renamed) == MIME_TYPE
    assert filetype(demo_file) == MIME_TYPE
    assert filetype(other) != MIME_TYPE
