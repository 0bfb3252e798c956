"""The main window: a shell that holds the actions and hosts the screens.

The open programme belongs to the document (ui.document): the screens take it and follow its
`changed` signal themselves; the window wires no screen to another.
"""

from __future__ import annotations

import logging
import sys
from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.kinds import SessionKind
from booster_desktop.services.changes import Action, Change
from booster_desktop.services.door_journal import DoorDesk, open_offline_door, server_unreachable
from booster_desktop.services.manager_rows import ManagerRow, open_with_managers
from booster_desktop.services.overview import programme_counts, tour_codes
from booster_desktop.services.programme import (
    Location,
    ProgrammeFile,
    ServerAddress,
    backup_programme,
    new_programme,
    open_programme,
    parse_location,
    same_location,
    shown_location,
)
from booster_desktop.ui import settings as ui_state
from booster_desktop.ui.document import Job, ProgrammeDocument
from booster_desktop.ui.entities import ENTITIES, MANAGERS, SESSIONS, Entity, rows_of
from booster_desktop.ui.help_dialogs import fit_to_screen
from booster_desktop.ui.settings import forget_file, recent_files, remember_file
from booster_desktop.ui.table_tab import TableTab
from booster_desktop.ui.tour_exports import TourExports
from booster_desktop.ui.translation import QT_TR_NOOP, tr
from booster_desktop.ui.translation import number as locale_number

log = logging.getLogger(__name__)
Opened = tuple[ProgrammeFile, list[ManagerRow]]
# What opening gives: a programme and its managers, or a door started from its roster copy
# (the server unreachable).
OpenedOrDoor = Opened | DoorDesk
FILE_FILTER = QT_TR_NOOP("Booster programmes (*.booster);;All files (*)")
OPEN_FILTER = QT_TR_NOOP(
    "Booster programmes and encrypted copies (*.booster *.age);;Booster programmes (*.booster)"
    ";;All files (*)"
)
# What the status bar counts: rows added or removed (an id never changes otherwise), countries.
COUNTED = ("manager.id", "manager.country_code", "tour.id", "tour_session.id", "enrolment")
# The View menu's items, one per tab: each with its own accelerator (Alt+letter), which the
# tabs' titles do not carry.
VIEW_ITEMS = {
    "managers": QT_TR_NOOP("&Managers"),
    "topics": QT_TR_NOOP("&Topics"),
    "tours": QT_TR_NOOP("T&ours"),
    "visits": QT_TR_NOOP("&Visits"),
}


class MainWindow(QMainWindow):
    """Where the coordinator works: one tab per kind of record, every change undoable."""

    programme_loaded = Signal()  # the file is open and the Managers tab is filled
    open_failed = Signal(str)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.document = ProgrammeDocument(self)
        self.document.changed.connect(self._on_changed)
        self.document.failed.connect(self._command_failed)
        self.document.conflict.connect(self._resolve_conflict)
        self.programme_title = ""
        self._opening: Job | None = None
        # The check-in screen filling the window of door staff (None for a coordinator).
        self.door_screen: Any = None
        # The check-in dialog a coordinator has open (Check-in > Check-in…), if any.
        self._checkin_dialog: Any = None
        self._door_disabled: list[QAction] = []
        self._agenda_editor: Any = None
        self.setObjectName("main_window")
        self.setWindowTitle("Booster Desktop")
        fit_to_screen(self, 1280, 800)

        self.tabs_widget = QTabWidget(self)
        self.tabs_widget.setObjectName("tabs")
        self.tabs_widget.setDocumentMode(True)
        self.tabs: dict[str, TableTab] = {}
        for entity in ENTITIES:
            tab = TableTab(entity, self.document, self)
            tab.edit_requested.connect(self.edit_record)
            tab.selection_changed.connect(self._update_actions)
            self.tabs[entity.key] = tab
            self.tabs_widget.addTab(tab, tr(entity.title))
        self.tabs_widget.currentChanged.connect(self._tab_shown)
        self._build_visit_filters()

        from booster_desktop.ui.personal_data import PersonalData

        self.personal_data = PersonalData(
            self, self.document, self._selected_manager_id, self._folder
        )
        self.personal_data.finished.connect(lambda text: self.statusBar().showMessage(text, 15000))

        self.welcome = self._build_welcome()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.tabs_widget)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.personal_data.bar)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_menus()
        # Quitting's shortcut works with the menu bar hidden too (door staff's window hides
        # it): an action reached only through a hidden menu bar takes no key.
        self.addAction(self.quit_action)
        self._build_status_bar()
        self._restore_window_state()
        self._update_actions()

    @property
    def programme(self) -> ProgrammeFile | None:
        return self.document.programme

    @property
    def undo_stack(self) -> QUndoStack:
        return self.document.undo_stack

    # -- building -----------------------------------------------------------------------------

    def _action(self, text: str, slot: Any, shortcut: Any = None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        Key = QKeySequence.StandardKey  # noqa: N806 (Qt's own name)
        self.new_action = self._action(tr("&New programme…"), self.new_file, Key.New, "new")
        self.open_action = self._action(tr("&Open…"), self.choose_file, Key.Open, "open")
        self.connect_action = self._action(
            tr("Connect to a &shared programme…"), self.connect_to_server, None, "connect"
        )
        self.demo_action = self._action(
            tr("Open the &demo programme"), self.open_demo, None, "demo"
        )
        self.new_demo_action = self._action(
            tr("New de&mo programme…"), self.new_demo, None, "new_demo"
        )
        self.import_action = self._action(
            tr("&Import managers…"), self.import_managers, "Ctrl+I", "import_managers"
        )
        self.agenda_action = self._action(
            tr("Tour a&gendas…"), self.edit_agendas, "Ctrl+G", "agendas"
        )
        self.badges_action = self._action(
            tr("Print &badges…"), self.print_badges, "Ctrl+B", "badges"
        )
        self.allocate_action = self._action(
            tr("&Allocate managers to tours…"), self.allocate, "Ctrl+L", "allocate"
        )
        self.demand_action = self._action(
            tr("&Topic demand…"), self.show_demand, "Ctrl+D", "demand"
        )
        self.checkin_action = self._action(tr("Check-&in…"), self.check_in, "Ctrl+K", "checkin")
        self.journal_export_action = self._action(
            tr("&Export for another laptop…"), self.export_checkins, None, "checkin_export"
        )
        self.journal_merge_action = self._action(
            tr("&Merge from another laptop…"), self.merge_checkins, None, "checkin_merge"
        )
        self.attendance_action = self._action(
            tr("&Attendance from paper…"), self.show_attendance, None, "attendance"
        )
        self.details_action = self._action(
            tr("&Details…"), self.edit_programme_details, None, "details"
        )
        self.copy_action = self._action(
            tr("Save a copy &as…"), self.save_copy, "Ctrl+Shift+S", "save_copy"
        )
        self.restore_action = self._action(
            tr("Restore from &backup…"), self.restore_from_backup, None, "restore_backup"
        )
        self.encrypted_copy_action = self._action(
            tr("Save an &encrypted copy…"), self.save_encrypted_copy, None, "encrypted_copy"
        )
        self.close_action = self._action(tr("&Close"), self.close_file, Key.Close, "close")
        self.quit_action = self._action(tr("&Quit"), self.close, Key.Quit, "quit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo_action, self.redo_action = self.document.undo_actions(self)
        self.add_action = self._action(tr("&Add…"), self.add_record, "Ctrl+Shift+N", "add")
        self.edit_action = self._action(tr("&Edit…"), self.edit_selected, "Ctrl+E", "edit")
        self.delete_action = self._action(
            tr("&Delete…"), self.delete_selected, Key.Delete, "delete"
        )
        self.find_action = self._action(tr("&Find"), self.focus_search, Key.Find, "find")
        # History: Ctrl+H as browsers have it on Windows and Linux; Cmd+Y as Safari on a Mac,
        # where Cmd+H hides the application.
        mac = sys.platform == "darwin"
        self.history_action = self._action(
            tr("&History of changes…"), self.show_history, "Ctrl+Y" if mac else "Ctrl+H", "history"
        )
        self.record_history_action = self._action(
            tr("&History of this record…"),
            self.show_record_history,
            "Ctrl+Shift+Y" if mac else "Ctrl+Shift+H",
            "record_history",
        )
        self.settings_action = self._action(
            tr("Se&ttings…"), self.edit_settings, Key.Preferences, "settings"
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.guide_action = self._action(
            tr("&User guide"), self.show_user_guide, Key.HelpContents, "guide"
        )
        self.shortcuts_action = self._action(
            tr("&Keyboard shortcuts"), self.show_shortcuts, None, "shortcuts"
        )
        self.about_action = self._action(tr("&About Booster Desktop"), self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.tour_exports = TourExports(self, self.document, self._selected_tour_code, self._folder)
        self.tour_exports.finished.connect(lambda text: self.statusBar().showMessage(text, 10000))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.connect_action)
        self.recent_menu = file_menu.addMenu(tr("Open &Recent"))
        self.recent_menu.setObjectName("recent_menu")
        file_menu.addAction(self.demo_action)
        file_menu.addAction(self.new_demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.copy_action)
        file_menu.addAction(self.encrypted_copy_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addAction(self.quit_action)
        programme_menu = bar.addMenu(tr("&Programme"))
        programme_menu.addAction(self.details_action)
        programme_menu.addAction(self.agenda_action)
        programme_menu.addAction(self.demand_action)
        programme_menu.addAction(self.allocate_action)
        programme_menu.addSeparator()
        programme_menu.addAction(self.history_action)
        tour_menu = bar.addMenu(tr("&Tour"))
        tour_menu.setObjectName("tour_menu")
        tour_menu.addAction(self.badges_action)
        tour_menu.addActions(self.tour_exports.actions())
        checkin_menu = bar.addMenu(tr("Check-&in"))
        checkin_menu.addAction(self.checkin_action)
        checkin_menu.addSeparator()
        checkin_menu.addAction(self.journal_export_action)
        checkin_menu.addAction(self.journal_merge_action)
        checkin_menu.addSeparator()
        checkin_menu.addAction(self.attendance_action)
        edit_menu = bar.addMenu(tr("&Edit"))
        for action in (
            self.undo_action,
            self.redo_action,
            None,
            self.add_action,
            self.edit_action,
            self.delete_action,
            self.record_history_action,
            None,
            *self.personal_data.actions(),
            None,
            self.find_action,
            None,
            self.settings_action,
        ):
            if action is None:
                edit_menu.addSeparator()
            else:
                edit_menu.addAction(action)
        view_menu = bar.addMenu(tr("&View"))
        for number, entity in enumerate(ENTITIES):
            action = self._action(
                tr(VIEW_ITEMS[entity.key]),
                lambda _=False, n=number: self.tabs_widget.setCurrentIndex(n),
                f"Ctrl+{number + 1}",
            )
            view_menu.addAction(action)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        for tab in self.tabs.values():  # a row's context menu: what the Edit menu does to it
            tab.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            tab.view.addActions([self.edit_action, self.record_history_action, self.delete_action])
        separator = QAction(self)
        separator.setSeparator(True)
        self.tabs[MANAGERS.key].view.addActions([separator, *self.personal_data.actions()])
        self._fill_recent_menu()

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.path_label = QLabel(self)
        self.path_label.setObjectName("path_label")
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("counts_label")
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)  # indeterminate: opening has no steps to count
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        # Who else has the programme open, on a server (hidden on a file and when alone).
        self.present_label = QLabel(self)
        self.present_label.setObjectName("present_label")
        self.present_label.setContentsMargins(0, 0, 16, 0)  # apart from the counts beside it
        self.present_label.hide()
        self.document.present_changed.connect(self._show_present)
        status.addWidget(self.path_label, 1)
        status.addPermanentWidget(self.busy)
        status.addPermanentWidget(self.present_label)
        status.addPermanentWidget(self.counts_label)

    def _show_present(self, people: list[object]) -> None:
        names = ", ".join(str(person) for person in people)
        self.present_label.setText(tr("Also here: {people}").format(people=names))
        self.present_label.setToolTip(
            tr("Others who have this programme open; their changes appear here as they save them")
        )
        self.present_label.setVisible(bool(people))

    def _build_welcome(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("welcome")
        layout = QVBoxLayout(page)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(
            tr("<h2>Booster Desktop</h2><p>Inspiration and learning tours, organised offline.</p>"),
            page,
        )
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        for text, slot, name in (
            (tr("New programme…"), self.new_file, "welcome_new"),
            (tr("Open a programme…"), self.choose_file, "welcome_open"),
            (tr("Open the demo programme"), self.open_demo, "welcome_demo"),
        ):
            button = QPushButton(text, page)
            button.setObjectName(name)
            button.setMinimumWidth(280)
            button.clicked.connect(slot)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.welcome_recent = QListWidget(page)
        self.welcome_recent.setObjectName("welcome_recent")
        self.welcome_recent.setMaximumWidth(560)
        self.welcome_recent.itemActivated.connect(
            lambda item: self.open_file(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        layout.addWidget(QLabel(tr("Recent programmes:"), page), 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.welcome_recent, 0, Qt.AlignmentFlag.AlignHCenter)
        return page

    def _build_visit_filters(self) -> None:
        visits = self.tabs[SESSIONS.key]
        self.tour_filter = visits.add_filter(tr("&Tour:"), "tour_filter", [(tr("All tours"), None)])
        self.kind_filter = visits.add_filter(
            tr("&Kind:"),
            "kind_filter",
            [(tr("All kinds"), None), *((tr(k.value.capitalize()), k.value) for k in SessionKind)],
        )
        self.tour_filter.currentIndexChanged.connect(self._filter_visits)
        self.kind_filter.currentIndexChanged.connect(self._filter_visits)
        demand = QPushButton(tr("&Demand…"), self)
        demand.setObjectName("demand_button")
        demand.setToolTip(tr("Who wants which topic, by rank; priorities and tours' focus topics"))
        demand.clicked.connect(self.show_demand)
        self.tabs["topics"].filters.addWidget(demand)

    def _filter_visits(self) -> None:
        tour, kind = self.tour_filter.currentData(), self.kind_filter.currentData()
        if tour is None and kind is None:
            self.tabs[SESSIONS.key].set_predicate(None)
            return
        self.tabs[SESSIONS.key].set_predicate(
            lambda r: (tour is None or r.tour == tour) and (kind is None or r.kind == kind)
        )

    # -- opening and closing ------------------------------------------------------------------

    def open_file(self, path: Location | str, opening: Future[Opened] | None = None) -> None:
        """Open a programme file off the UI thread; the window stays responsive meanwhile.

        The programme already open stays open until the new one is, so a file that is
        refused leaves the window as it was (reopening the same file closes it first: its
        lock is this window's). `opening` is that work already started (at start-up, beside
        Qt's own loading).
        """
        if self._opening is not None:
            self.statusBar().showMessage(tr("Still opening the previous file…"), 4000)
            return
        path = parse_location(path)
        if isinstance(path, Path):
            from booster_desktop.services.encrypted_copies import is_encrypted_copy

            if is_encrypted_copy(path):  # asks the passphrase and where to decrypt it, then opens
                from booster_desktop.ui.backups_dialog import open_encrypted_copy

                open_encrypted_copy(self.document, self, path, self.open_file)
                return
        if self.programme is not None and same_location(self.programme.path, path):
            self._close_programme()
        self.busy.show()
        self.path_label.setText(tr("Opening {path}…").format(path=path))
        self.setEnabled(True)

        def work(_progress: object) -> OpenedOrDoor:
            try:
                return opening.result() if opening is not None else open_with_managers(path)
            except BoosterError as error:
                if not isinstance(path, ServerAddress) or not server_unreachable(error):
                    raise
                # The last door opened here on this address goes on from its roster copy
                # (or one line says there is none); the server is tried again meanwhile.
                return open_offline_door(path, error)

        self._opening = self.document.run(work)
        self._opening.done.connect(self._opened)
        self._opening.failed.connect(lambda message: self._open_failed(path, message))

    def open_file_now(self, path: Location, *, writable: bool = True) -> None:
        """Open a programme file on this thread (screenshots, tests, scripts)."""
        if not self._close_programme():
            return
        programme = open_programme(path, writable=writable, door_may=True)
        self._opened((programme, [] if programme.door_only else MANAGERS.rows(programme, None)))

    def _opened(self, result: OpenedOrDoor) -> None:
        if isinstance(result, DoorDesk):
            self._opened_offline(result)
            return
        programme, manager_rows = result
        self._opening = None
        self.busy.hide()
        self._close_programme()
        self.document.open(programme)
        if programme.door_only:
            self._fill_recent_menu(remember_file(self.settings, programme.path))
            self._show_door(programme)
            self.programme_loaded.emit()
            return
        self.tabs[MANAGERS.key].load(manager_rows)
        self.stack.setCurrentWidget(self.tabs_widget)  # the tab shown loads itself
        self._refresh_tour_filter()
        self._fill_recent_menu(remember_file(self.settings, programme.path))
        self._refresh_status()
        if programme.read_only_reason:
            # A file on a read-only disk opens for reading; say why nothing can be changed.
            self.statusBar().showMessage(
                tr("Opened read-only: {read_only_reason}").format(
                    read_only_reason=programme.read_only_reason
                )
            )
        elif programme.migrated_from:
            self.statusBar().showMessage(
                tr(
                    "Upgraded from schema {migrated_from}; the file as it was is at {backup_path}"
                ).format(migrated_from=programme.migrated_from, backup_path=programme.backup_path),
                15000,
            )
        self._update_actions()
        self.personal_data.check_retention()
        self.programme_loaded.emit()

    def _opened_offline(self, desk: DoorDesk) -> None:
        """The server could not be reached: the door last opened here, from its roster copy,
        fills the window (door staff and coordinators alike) until the server answers."""
        from booster_desktop.ui.checkin_screen import CheckinScreen

        self._opening = None
        self.busy.hide()
        if not self._close_programme():
            desk.close()
            return
        screen = CheckinScreen(None, self.stack, embedded=True, offline=desk)
        screen.came_online.connect(self._door_online)
        self._show_door_screen(screen, desk.address.name, desk.address.shown)
        self.counts_label.setText(
            tr("Server unreachable: check-in only, from this laptop's roster copy")
        )
        self.programme_loaded.emit()

    def _door_online(self) -> None:
        """A door started offline reached its server: the door opens again on it, online
        (what waited was sent), on the same session."""
        screen = self.door_screen
        desk = screen.desk if screen is not None else None
        if not isinstance(desk, DoorDesk) or desk.programme is None or self.programme is not None:
            return
        if self._opening is not None:
            # Another programme is being opened: it takes the window's place, closing this
            # door (its sender and the programme the desk still owns) as it does.
            return
        programme = desk.hand_over()
        assert programme is not None
        session = desk.session.id
        # Read before the offline door closes: what it sent is said by the screen after it.
        sent, aside = desk.sent_lines and not desk.waiting, desk.set_aside_message
        if not self._close_programme():
            programme.close()
            return
        self.document.open(programme)
        self._fill_recent_menu(remember_file(self.settings, programme.path))
        self._show_door(programme, prefer_session=session)
        if sent and self.door_screen is not None:
            self.door_screen.offline_scans_sent(aside)
        self.statusBar().showMessage(tr("The server answers again: check-in is online"), 15000)

    def _show_door(self, programme: ProgrammeFile, prefer_session: int | None = None) -> None:
        """Door staff's window: the check-in screen and nothing else (no tabs, no menus); the
        server would refuse the rest anyway. Leaving it closes the programme."""
        from booster_desktop.ui.checkin_screen import CheckinScreen

        screen = CheckinScreen(programme, self.stack, embedded=True, prefer_session=prefer_session)
        self._show_door_screen(screen, programme.stem, shown_location(programme.path))
        if not programme.door_only:
            # A coordinator's door, opened again after starting offline.
            self.counts_label.setText(tr("Check-in only: leave it for the whole programme"))

    def _show_door_screen(self, screen: Any, name: str, where: str) -> None:
        self.door_screen = screen
        self.door_screen.left.connect(self._door_left)
        self.stack.addWidget(self.door_screen)
        self.stack.setCurrentWidget(self.door_screen)
        self.menuBar().hide()
        # Every command of the window off (their shortcuts too), but quitting.
        self._door_disabled = [
            action
            for action in self.findChildren(QAction)
            if action.isEnabled() and action is not self.quit_action
        ]
        for action in self._door_disabled:
            action.setEnabled(False)
        self.setWindowTitle(tr("Check-in — {name} — Booster Desktop").format(name=name))
        self.path_label.setText(where)
        self.counts_label.setText(tr("Door staff: check-in only"))
        self._update_actions()
        self.door_screen.take_focus()

    def _door_left(self) -> None:
        """The door's "Leave check-in", answered yes: the programme closes."""
        if self.door_screen is not None:
            self.close_file()

    def _open_failed(self, path: Location, message: str) -> None:
        self._opening = None
        self.busy.hide()
        self.path_label.setText(self._shown_path())
        # A door started offline that reached its server while this open was under way
        # waited for it (see `_door_online`): it opens again online now, or never would.
        self._door_online()
        if isinstance(path, ServerAddress) and "password" in message.lower():
            # No password kept (or a wrong one): ask for it, the address filled in.
            self.statusBar().showMessage(message, 10000)
            self.connect_to_server(path)
            return
        if isinstance(path, Path) and message.startswith(
            tr("{path}: no such file").format(path=path)
        ):
            forget_file(self.settings, path.resolve())
            self._fill_recent_menu()
        self.open_failed.emit(message)
        if isinstance(path, Path) and path.is_file() and self._has_backups(path):
            # A damaged programme is when a backup matters most: offer it here, since
            # File > Restore from backup… needs a programme open.
            answer = QMessageBox.critical(
                self,
                tr("Cannot open the programme"),
                message + "\n\n" + tr("Restore it from one of its kept backups?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.restore_damaged(path)
            return
        QMessageBox.critical(self, tr("Cannot open the programme"), message)

    def _shown_path(self) -> str:
        """Where the programme in the window is: its path, or the address of a door started
        offline (no programme yet)."""
        if self.programme is not None:
            return shown_location(self.programme.path)
        desk = self.door_screen.desk if self.door_screen is not None else None
        return desk.address.shown if isinstance(desk, DoorDesk) else ""

    @staticmethod
    def _has_backups(path: Path) -> bool:
        from booster_desktop.services.backups import backups_of

        try:
            return bool(backups_of(path))
        except BoosterError:
            return False

    def restore_damaged(self, path: Path) -> None:
        """Restore a programme file that could not be opened from one of its kept backups."""
        from booster_desktop.ui.backups_dialog import restore_from_backup

        restore_from_backup(
            self.document,
            self,
            close=lambda: True,  # the damaged file is not open; opening it afterwards switches
            reopen=self.open_file,
            said=lambda text: self.statusBar().showMessage(text, 15000),
            damaged=path,
        )

    def _close_programme(self) -> bool:
        if self._opening is not None:
            return False
        if self.door_screen is not None:
            screen, self.door_screen = self.door_screen, None
            # The welcome page first: removed while shown, the screen would give its place
            # to the tabs, which would load the Managers tab for door staff.
            self.stack.setCurrentWidget(self.welcome)
            self.stack.removeWidget(screen)
            screen.stop()  # its sender thread and door connections, before the programme
            screen.deleteLater()
            self.menuBar().show()
            for action in self._door_disabled:
                action.setEnabled(True)
            self._door_disabled = []
        self.document.close()
        self.stack.setCurrentWidget(self.welcome)
        self.programme_title = ""
        self.setWindowTitle("Booster Desktop")
        self.personal_data.bar.show_due([])
        self.path_label.setText("")
        self.counts_label.setText("")
        self._update_actions()
        return True

    def close_file(self) -> None:
        self._save_header_states()
        self._close_programme()

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Open a programme"), self._folder(), tr(OPEN_FILTER)
        )
        if name:
            self.open_file(Path(name))

    def connect_to_server(self, known: ServerAddress | None = None) -> None:
        """Ask where the shared programme is (host, database, user, password, TLS) and open
        it; the password goes to the keyring when the user agrees, never to the settings."""
        from booster_desktop.services.passwords import keep_password
        from booster_desktop.ui.connect_dialog import ConnectDialog

        dialog = ConnectDialog(self, known if isinstance(known, ServerAddress) else None)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        address = dialog.address()
        if dialog.password() and dialog.remember.isChecked():
            keep_password(address, dialog.password())
        self.open_file(address.with_password(dialog.password() or None))

    def new_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("New programme"), self._folder(), tr(FILE_FILTER)
        )
        if not name:
            return
        path = Path(name) if name.endswith(".booster") else Path(name + ".booster")
        try:
            new_programme(path, replace=path.exists())
        except BoosterError as error:
            QMessageBox.critical(self, tr("Cannot create the programme"), str(error))
            return
        self.open_file(path)

    def open_demo(self) -> None:
        """The demo programme in the user's data folder: the one there, with the user's
        changes, or a new one the first time."""
        self._open_demo(fresh=False)

    def new_demo(self) -> None:
        """A fresh demo programme, after backing up the one there (an explicit act)."""
        from booster_desktop.services.demo import demo_path

        if demo_path().exists():
            answer = QMessageBox.question(
                self,
                tr("New demo programme"),
                tr(
                    "Replace the demo programme with a fresh one? The current one, with "
                    "your changes, is backed up first."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._open_demo(fresh=True)

    def _open_demo(self, *, fresh: bool) -> None:
        from booster_desktop.services.demo import demo_path, open_or_write_demo

        if fresh and self.programme is not None and self.programme.path == demo_path():
            self._close_programme()
        try:
            path, backup = open_or_write_demo(fresh=fresh)
        except BoosterError as error:
            QMessageBox.critical(self, tr("Cannot write the demo programme"), str(error))
            return
        self.open_file(path)
        if backup is not None:
            self.statusBar().showMessage(
                tr("The previous demo is backed up at {backup}").format(backup=backup), 15000
            )

    def save_copy(self) -> None:
        if self.programme is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            tr("Save a copy as"),
            str(self.programme.beside(f"{self.programme.stem} copy.booster", Path.home())),
            tr(FILE_FILTER),
        )
        if not name:
            return
        try:
            backup_programme(self.programme.path, Path(name))
        except BoosterError as error:
            QMessageBox.critical(self, tr("Cannot save a copy"), str(error))
            return
        self.statusBar().showMessage(tr("Saved a copy as {name}").format(name=name), 8000)

    def restore_from_backup(self) -> None:
        """File > Restore from backup…: the window closes the programme, then reopens it."""
        from booster_desktop.ui.backups_dialog import restore_from_backup

        restore_from_backup(
            self.document,
            self,
            close=self._close_programme,
            reopen=self.open_file,
            said=lambda text: self.statusBar().showMessage(text, 15000),
        )

    def save_encrypted_copy(self) -> None:
        """File > Save an encrypted copy…: for e-mail or a stick (it carries passports)."""
        from booster_desktop.ui.backups_dialog import save_encrypted_copy

        save_encrypted_copy(
            self.document, self, lambda text: self.statusBar().showMessage(text, 10000)
        )

    def _folder(self) -> str:
        files = recent_files(self.settings)
        folders = [f.parent for f in files if isinstance(f, Path)]
        return str(folders[0]) if folders else str(Path.home())

    def _fill_recent_menu(self, files: list[Location] | None = None) -> None:
        files = recent_files(self.settings) if files is None else files
        self.recent_menu.clear()
        self.welcome_recent.clear()
        for number, path in enumerate(files, 1):
            if isinstance(path, Path):
                where = str(path.parent)
            elif path.host:
                where = tr("on {host}").format(host=path.host)
            else:
                where = tr("on this computer")
            action = self.recent_menu.addAction(f"&{number} {path.name}  —  {where}")
            action.setData(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_file(p))
            item = QListWidgetItem(f"{path.name}  —  {where}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.welcome_recent.addItem(item)
        self.recent_menu.setEnabled(bool(files))

    # -- tabs and status ----------------------------------------------------------------------

    def current_tab(self) -> TableTab:
        tab = self.tabs_widget.currentWidget()
        assert isinstance(tab, TableTab)
        return tab

    def show_tab(self, key: str) -> TableTab:
        tab = self.tabs[key]
        self.tabs_widget.setCurrentWidget(tab)
        return tab

    def _tab_shown(self, _index: int) -> None:
        self._update_actions()  # the tab loads itself when shown

    def _refresh_tour_filter(self) -> None:
        if self.programme is None:
            return
        current = self.tour_filter.currentData()
        self.tour_filter.blockSignals(True)
        self.tour_filter.clear()
        self.tour_filter.addItem(tr("All tours"), None)
        for code, title in tour_codes(self.programme):
            self.tour_filter.addItem(f"{code} — {title}", code)
        index = self.tour_filter.findData(current)
        self.tour_filter.setCurrentIndex(max(index, 0))
        self.tour_filter.blockSignals(False)
        self._filter_visits()

    def _refresh_status(self) -> None:
        if self.programme is None or self.programme.door_only:
            return
        counts = programme_counts(self.programme)
        self.programme_title = str(counts["title"])
        self.setWindowTitle(f"{self.programme_title} — Booster Desktop")
        self.path_label.setText(shown_location(self.programme.path))
        self.counts_label.setText(
            tr(
                "{value} managers · {value2} countries · {value3} tours · {value4} "
                "sessions · {value5} enrolments"
            ).format(
                value=locale_number(counts["managers"]),
                value2=locale_number(counts["countries"]),
                value3=locale_number(counts["tours"]),
                value4=locale_number(counts["sessions"]),
                value5=locale_number(counts["enrolments"]),
            )
        )

    def _update_actions(self) -> None:
        # Door staff's window shows the check-in screen only: no command on the programme.
        has_file = self.programme is not None and not self.programme.door_only
        writable = has_file and self.programme is not None and self.programme.writable
        selected = has_file and bool(self.current_tab().selected_ids())
        self.copy_action.setEnabled(has_file)
        self.encrypted_copy_action.setEnabled(has_file)
        self.restore_action.setEnabled(writable)
        self.close_action.setEnabled(has_file)
        self.add_action.setEnabled(writable)
        self.import_action.setEnabled(writable)
        self.allocate_action.setEnabled(has_file)
        self.demand_action.setEnabled(writable)
        self.agenda_action.setEnabled(writable)
        self.checkin_action.setEnabled(writable)
        self.journal_export_action.setEnabled(has_file)
        self.journal_merge_action.setEnabled(writable)
        self.attendance_action.setEnabled(writable)
        self.badges_action.setEnabled(writable)
        self.edit_action.setEnabled(writable and selected)
        self.delete_action.setEnabled(writable and selected)
        self.find_action.setEnabled(has_file)
        self.history_action.setEnabled(has_file)
        self.record_history_action.setEnabled(selected)
        self.tour_exports.set_enabled(has_file, writable)
        manager = has_file and self._selected_manager_id() is not None
        self.personal_data.set_enabled(manager, manager and writable)

    def _selected_manager_id(self) -> int | None:
        """The manager selected in the Managers tab, if that tab is shown."""
        tab = self.current_tab()
        ids = tab.selected_ids() if tab.entity.key == MANAGERS.key else []
        return ids[0] if ids else None

    def _selected_tour_code(self) -> str | None:
        """The tour selected in the Tours tab, if that tab is shown: the exports' default."""
        tab = self.current_tab()
        if tab.entity.key == "tours" and tab.selected_records():
            return str(tab.selected_records()[0].code)
        return None

    def focus_search(self) -> None:
        search = self.current_tab().search
        search.setFocus()
        search.selectAll()

    # -- editing ------------------------------------------------------------------------------

    def add_record(
        self, entity: Entity[Any, Any] | None = None, blank: Any = None, parent: Any = None
    ) -> None:
        """Add a record of the current tab's kind (or `entity`), starting from `blank`."""
        if self.programme is None:
            return
        from booster_desktop.ui.commands import AddRecord

        entity = entity or self.current_tab().entity
        editor = entity.editor(self.programme, None, parent or self)
        editor.set_details(blank if blank is not None else entity.blank())
        if editor.exec() != QDialog.DialogCode.Accepted:
            return
        self.document.push(AddRecord(editor.details(), self.document, entity))

    def edit_selected(self) -> None:
        ids = self.current_tab().selected_ids()
        if ids:
            self.edit_record(ids[0])

    def edit_record(
        self, record_id: int, entity: Entity[Any, Any] | None = None, parent: Any = None
    ) -> None:
        """Edit a record of the current tab's kind (or `entity`) in its editor."""
        if self.programme is None or not self.programme.writable:
            return
        entity = entity or self.current_tab().entity
        old = entity.details(self.programme, record_id)
        editor = entity.editor(self.programme, record_id, parent or self)
        editor.set_details(old)
        rows = entity.rows(self.programme, [record_id])
        what = entity.describe(rows[0]) if rows else f"{entity.singular} {record_id}"
        editor.offer_history(lambda: self._show_history((entity.table, record_id, what), editor))
        if entity is MANAGERS:
            self._add_person_buttons(editor, record_id)
        if editor.exec() != QDialog.DialogCode.Accepted:
            return
        new = editor.details()
        if new != old:
            from booster_desktop.ui.commands import EditRecord

            self.document.push(EditRecord(record_id, old, new, self.document, entity))

    def _add_person_buttons(self, editor: Any, manager_id: int) -> None:
        """The manager editor's Export this person's data… and Erase this person…; erasing
        closes the editor first (its details are about to go)."""

        def erase() -> None:
            editor.reject()
            QTimer.singleShot(0, lambda: self.personal_data.erase(manager_id))

        editor.add_person_buttons(
            lambda: self.personal_data.export(manager_id, parent=editor), erase
        )

    def delete_selected(self) -> None:
        if self.programme is None:
            return
        tab = self.current_tab()
        records = tab.selected_records()
        if not records:
            return
        from booster_desktop.services.records import deletion_preview
        from booster_desktop.ui.commands import DeleteRecords

        entity = tab.entity
        ids = [r.id for r in records]
        counts = deletion_preview(self.programme, entity.table, ids)
        counts.pop(entity.table, None)
        goes_with = [rows_of(t, n) for t, n in sorted(counts.items()) if n]
        what = (
            entity.describe(records[0])
            if len(records) == 1
            else f"{len(records)} {entity.title.lower()}"
        )
        message = tr("Delete {what}?").format(what=what)
        if goes_with:
            message += tr("\n\nThis also deletes ") + ", ".join(goes_with) + "."
        message += tr("\n\nYou can undo this (Edit > Undo).")
        answer = QMessageBox.question(
            self,
            tr("Delete {singular}").format(singular=tr(entity.singular)),
            message,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            versions = {r.id: r.version for r in records if r.version is not None}
            self.document.push(DeleteRecords(ids, self.document, entity, versions))

    # -- history ------------------------------------------------------------------------------

    def show_history(self) -> None:
        """Programme > History of changes: every change, filterable."""
        self._show_history(None, self)

    def show_record_history(self) -> None:
        """The history of the record selected in the current tab."""
        tab = self.current_tab()
        records = tab.selected_records()
        if self.programme is None or not records:
            return
        entity = tab.entity
        self._show_history((entity.table, records[0].id, entity.describe(records[0])), self)

    def _show_history(self, record: tuple[str, int, str] | None, parent: QWidget) -> None:
        from booster_desktop.ui.history_view import show_history

        if self.programme is not None:
            show_history(self.document, parent, record)

    def _on_changed(self, change: Change) -> None:
        """The window's own part of a change: the tour filter, the counts, the actions."""

        def refresh() -> None:
            if change.touches(("tour.code", "tour.title")):
                self._refresh_tour_filter()
            if change.touches(COUNTED):
                self._refresh_status()

        self.document.follow(change, refresh)
        if change.action is Action.ALLOCATION and not self.document.from_elsewhere(change):
            self.statusBar().showMessage(tr("Allocation stored as proposed enrolments"), 8000)
        if self.document.from_elsewhere(change):
            # Another door's check-ins: an open check-in screen's head count follows them.
            for screen in (self.door_screen, self._checkin_dialog):
                if screen is not None:
                    screen.heard_elsewhere(change)
        self._update_actions()

    def import_managers(self) -> None:
        """File > Import managers…: the wizard; the import then sits on the undo stack."""
        if self.programme is None or not self.programme.writable:
            return
        from booster_desktop.ui.commands import ImportedManagers
        from booster_desktop.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.document, self)
        wizard.imported.connect(
            lambda report: self.document.push(ImportedManagers(report, self.document))
        )
        wizard.exec()

    def show_demand(self) -> None:
        """Programme > Topic demand…: the chart, priorities and tours' focus topics."""
        if self.programme is None or not self.programme.writable:
            return
        from booster_desktop.ui.demand_view import DemandDialog

        dialog = DemandDialog(self.document, self)
        dialog.exec()
        dialog.deleteLater()

    def check_in(self) -> None:
        """Check-in > Check-in…: the door's screen; it changes nothing but check-ins."""
        if self.programme is None or not self.programme.writable:
            return
        from booster_desktop.ui.checkin_screen import CheckinScreen

        screen = CheckinScreen(self.programme, self)
        self._checkin_dialog = screen
        try:
            screen.exec()
        finally:
            self._checkin_dialog = None
        self._refresh_status()

    def export_checkins(self) -> None:
        """Check-in > Export for another laptop…: a journal to carry on a stick."""
        from booster_desktop.ui.checkin_journal import export_for_another_laptop

        export_for_another_laptop(self.document, self)

    def merge_checkins(self) -> None:
        """Check-in > Merge from another laptop…: merged off the UI thread, then reviewed."""
        from booster_desktop.ui.checkin_journal import merge_from_another_laptop

        merge_from_another_laptop(self.document, self)

    def show_attendance(self) -> None:
        """Check-in > Attendance from paper…: ticks from the sign-in sheets."""
        if self.programme is None or not self.programme.writable:
            return
        from booster_desktop.ui.attendance_grid import AttendanceDialog

        dialog = AttendanceDialog(self.document, self)
        dialog.exec()

    def edit_programme_details(self) -> None:
        """Programme > Details…: contacts, logo and hotels for every printed material."""
        if self.programme is None or not self.programme.writable:
            self.statusBar().showMessage(tr("Open a programme you can change first."), 5000)
            return
        from booster_desktop.services.programme_details import printed_details
        from booster_desktop.ui.programme_details import (
            EditProgrammeDetails,
            ProgrammeDetailsDialog,
        )

        old = printed_details(self.programme)
        dialog = ProgrammeDetailsDialog(old, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.details() != old:
            command = EditProgrammeDetails(
                self.document, old, dialog.details(), self._refresh_status
            )
            self.document.push(command)

    def edit_agendas(self) -> None:
        """Programme > Tour agendas…: the week of a tour, editable with the mouse, in a
        window beside this one (raised, on the selected tour, when already open)."""
        if self.programme is None or not self.programme.writable:
            return
        from booster_desktop.ui.agenda_editor import AgendaEditor

        code = None
        tab = self.current_tab()
        if tab.entity.key == "tours" and tab.selected_records():
            code = tab.selected_records()[0].code
        editor = self._agenda_editor
        if editor is None:
            editor = AgendaEditor(self.document, code, self)
            editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            editor.edit_requested.connect(self.edit_session)
            editor.add_requested.connect(self.add_session)
            editor.closed.connect(self._agenda_closed)
            self._agenda_editor = editor
        elif code is not None:
            editor.tour.setCurrentIndex(max(0, editor.tour.findData(code)))
        editor.show()
        editor.raise_()
        editor.activateWindow()

    def _agenda_closed(self) -> None:
        self._agenda_editor = None

    def print_badges(self) -> None:
        """Tour > Print badges…: the selected tour's (on the Tours tab), or everyone's."""
        if self.programme is None or not self.programme.writable:
            return
        from booster_desktop.ui.badges_dialog import BadgesDialog

        tab = self.current_tab()
        code = (
            tab.selected_records()[0].code
            if tab.entity.key == "tours" and tab.selected_records()
            else None
        )
        BadgesDialog(self.document, code, self).exec()

    def edit_session(self, session_id: int) -> None:
        """The session editor, over the agenda editor that asked for it."""
        self.edit_record(session_id, SESSIONS, self._agenda_editor)

    def add_session(self, code: str, day: date) -> None:
        """A new session of tour `code` on `day`, from the agenda editor."""
        from dataclasses import replace

        from booster_desktop.services import choices
        from booster_desktop.services.sessions import SessionDetails

        if self.programme is None:
            return
        tour_id = next(i for i, c, _t in choices.tours(self.programme) if c == code)
        self.add_record(
            SESSIONS, replace(SessionDetails(), tour_id=tour_id, date=day), self._agenda_editor
        )

    def allocate(self) -> None:
        """Programme > Allocate managers to tours…"""
        if self.programme is None:
            return
        from booster_desktop.ui.allocation_view import AllocationDialog

        dialog = AllocationDialog(self.document, self)
        dialog.exec()
        dialog.deleteLater()

    def edit_settings(self) -> None:
        """Edit > Settings…: this laptop's settings, and the open programme's."""
        from booster_desktop.ui.settings_dialog import SettingsDialog

        programme = self.programme if self.programme and self.programme.writable else None
        SettingsDialog(programme, self).exec()

    def _command_failed(self, message: str) -> None:
        QMessageBox.critical(self, tr("The change was not made"), message)

    def _resolve_conflict(self, conflict: Any) -> None:
        """A save refused over someone else's change: show theirs, ask what to keep, and
        save the choice as a new edit over their version (undoable); Cancel keeps theirs."""
        from booster_desktop.ui.commands import EditRecord
        from booster_desktop.ui.conflict_dialog import ConflictDialog

        if self.programme is None:
            return
        entity, record_id = conflict.entity, conflict.record_id
        self.document.reread(entity.table, record_id)  # the screens show theirs from now
        theirs = entity.details(self.programme, record_id)
        dialog = ConflictDialog(conflict, theirs, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        if chosen != theirs:
            self.document.push(EditRecord(record_id, theirs, chosen, self.document, entity))

    def show_user_guide(self) -> None:
        from booster_desktop.ui.help_dialogs import UserGuide

        guide = UserGuide(self)
        guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        guide.show()  # beside the window, not modal: read it while working

    def show_shortcuts(self) -> None:
        from booster_desktop.ui.help_dialogs import ShortcutsDialog

        dialog = ShortcutsDialog(self.findChildren(QAction), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def about(self) -> None:
        from booster_desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    # -- remembering --------------------------------------------------------------------------

    def _restore_window_state(self) -> None:
        geometry = ui_state.window_geometry(self.settings)
        if geometry is not None:
            self.restoreGeometry(geometry)
        for key, tab in self.tabs.items():
            state = ui_state.column_state(self.settings, key)
            if state is not None:
                tab.restore_header_state(state)

    def _save_header_states(self) -> None:
        for key, tab in self.tabs.items():
            ui_state.save_column_state(self.settings, key, tab.header_state())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # Every edit was committed when made: closing loses nothing, so it asks nothing; but
        # the door's screen asks before anyone walks away from it (its PIN, if set).
        if self.door_screen is not None and not self.door_screen.may_leave():
            event.ignore()
            return
        ui_state.save_window_geometry(self.settings, self.saveGeometry())
        self._save_header_states()
        self.settings.sync()
        if self._opening is not None:
            QTimer.singleShot(100, self.close)  # let the opening finish, then close
            event.ignore()
            return
        self._close_programme()
        event.accept()
