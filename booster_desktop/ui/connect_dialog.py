"""File > Connect to a shared programme…: a programme on a PostgreSQL server.

Host, port, database, user, password and TLS mode, a connection test run off the UI thread,
and whether to keep the password in the system keyring. Where there is no keyring: the
password asked each time, or read from a password file the user chooses (PostgreSQL's
`.pgpass` format; the laptop setting `password_file`). The password never leaves this dialog
except to the keyring and the connection: the address it gives back shows none.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.connections import (
    DEFAULT_PORT,
    TLS_MODES,
    server_address,
    try_connection,
)
from booster_desktop.services.passwords import (
    chosen_password_file,
    file_password,
    kept_password,
    keyring_available,
)
from booster_desktop.services.programme import ServerAddress
from booster_desktop.services.settings import PASSWORD_FILE, save_laptop_settings
from booster_desktop.ui.translation import tr

# The TLS choice: the default follows the host (required beyond this machine).
AUTOMATIC = "automatic"


class ConnectDialog(QDialog):
    """Asks where the shared programme is; `address()` and `password()` after accept."""

    tested = Signal(str, bool)  # the test's message, whether it connected (from a thread)

    def __init__(self, parent: QWidget | None = None, known: ServerAddress | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Connect to a shared programme"))
        self.host = QLineEdit("localhost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QComboBox()
        self.tls.addItem(tr("Automatic (required beyond this computer)"), AUTOMATIC)
        for mode in TLS_MODES:
            self.tls.addItem(mode, mode)
        self.remember = QCheckBox(tr("Keep the password in the system keyring"))
        self.keyring = keyring_available()
        self.remember.setChecked(self.keyring)
        self.remember.setEnabled(self.keyring)
        if not self.keyring:
            self.remember.setText(
                tr("No system keyring here: the password will be asked each time, unless…")
            )
        # Where there is no keyring: a password file of the user's choosing.
        self.use_file = QCheckBox(tr("Read it from a password file (.pgpass format):"))
        self.password_file = QLineEdit()
        self.password_file.setPlaceholderText(tr("host:port:database:user:password a line"))
        self.browse = QPushButton(tr("&Browse…"))
        self.browse.clicked.connect(self._choose_file)
        self.use_file.toggled.connect(self._file_chosen)
        chosen = chosen_password_file()
        self.password_file.setText("" if chosen is None else str(chosen))
        self.use_file.setChecked(chosen is not None)
        self._file_chosen(self.use_file.isChecked())
        file_row = QHBoxLayout()
        file_row.addWidget(self.password_file, 1)
        file_row.addWidget(self.browse)
        self.test_button = QPushButton(tr("&Test connection"))
        self.test_button.clicked.connect(self.test)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("&Host:"), self.host)
        form.addRow(tr("&Port:"), self.port)
        form.addRow(tr("&Database:"), self.database)
        form.addRow(tr("&User:"), self.user)
        form.addRow(tr("Pass&word:"), self.password_edit)
        form.addRow(tr("&TLS:"), self.tls)
        form.addRow("", self.remember)
        if not self.keyring:
            form.addRow("", self.use_file)
            form.addRow("", file_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.tested.connect(self._show_test)
        if known is not None:
            self._fill(known)

    def _fill(self, known: ServerAddress) -> None:
        self.host.setText(known.host or "localhost")
        self.port.setValue(known.port or DEFAULT_PORT)
        self.database.setText(known.database)
        self.user.setText(known.user)
        mode = known.url.query.get("sslmode")
        if isinstance(mode, str) and mode in TLS_MODES:
            self.tls.setCurrentIndex(self.tls.findData(mode))
        self.password_edit.setText(kept_password(known) or "")

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Password file"), self.password_file.text(), tr("All files (*)")
        )
        if name:
            self.password_file.setText(name)
            self.use_file.setChecked(True)

    def _file_chosen(self, chosen: bool) -> None:
        self.password_file.setEnabled(chosen)
        self.browse.setEnabled(chosen)

    def chosen_file(self) -> Path | None:
        """The password file ticked and named, or None."""
        text = self.password_file.text().strip()
        return Path(text).expanduser() if self.use_file.isChecked() and text else None

    def _file_password(self, address: ServerAddress) -> str | None:
        """The password the chosen file gives (a BoosterError when it cannot be read)."""
        chosen = self.chosen_file()
        return None if chosen is None else file_password(address, chosen)

    def address(self, *, with_password: bool = False) -> ServerAddress:
        """The address typed (a BoosterError when a field is missing)."""
        mode = self.tls.currentData()
        return server_address(
            self.host.text(),
            self.port.value(),
            self.database.text(),
            self.user.text(),
            tls_mode=None if mode == AUTOMATIC else str(mode),
            password=self.password_edit.text() if with_password else None,
        )

    def connecting_address(self) -> ServerAddress:
        """The address with the password typed, else the one the chosen file gives (a
        BoosterError when a field is missing or the file cannot be read)."""
        address = self.address(with_password=True)
        if address.password:
            return address
        return address.with_password(self._file_password(address))

    def password(self) -> str:
        return self.password_edit.text()

    def test(self) -> None:
        """Connect once, on a thread, and show what the database holds."""
        try:
            address = self.connecting_address()
        except BoosterError as error:
            self._show_test(str(error), False)
            return
        self.test_button.setEnabled(False)
        self.outcome.setText(tr("Connecting…"))

        def work() -> None:
            try:
                self.tested.emit(try_connection(address), True)
            except BoosterError as error:
                self.tested.emit(str(error), False)

        threading.Thread(target=work, name="connection test", daemon=True).start()

    def _show_test(self, message: str, connected: bool) -> None:
        self.test_button.setEnabled(True)
        self.outcome.setText(message)
        self.outcome.setProperty("connected", connected)

    def accept(self) -> None:
        """Accepted when the fields make an address and a chosen password file can be read;
        the choice of file (or of none) is kept in the laptop's settings."""
        try:
            self.connecting_address()
            if not self.keyring:
                chosen = self.chosen_file()
                save_laptop_settings({PASSWORD_FILE.name: "" if chosen is None else str(chosen)})
        except BoosterError as error:
            self.outcome.setText(str(error))
            return
        super().accept()
