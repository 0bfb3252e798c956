"""The check-in screen: a scanner at the door, feedback that reads from across the room.

One input keeps the focus at all times (it takes it back after any click). A scan, a token typed
with Enter, or a few letters of a name picked from the matches checks a person in; a scanner
that sends no Enter works too, since a complete token with the right check letter is taken as
soon as it is typed. Every check-in is on disk before the screen turns green. The screen edits
nothing but check-ins, and leaving it for the main window is an explicit act.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.attendance import HeadCount, NameIndex, name_index
from booster_desktop.services.changes import Change
from booster_desktop.services.checkin import (
    ScanResult,
    ScanState,
    SessionInfo,
    is_complete_scan,
    read_candidates,
    session_info,
    session_now,
    tour_now,
    tour_sessions,
)
from booster_desktop.services.choices import countries
from booster_desktop.services.door_journal import (
    Desk,
    DoorDesk,
    DoorSender,
    offline_message,
    open_desk,
    session_problem,
    waiting_message,
)
from booster_desktop.services.overview import tour_codes
from booster_desktop.services.programme import ProgrammeFile
from booster_desktop.ui.help_dialogs import fit_to_screen
from booster_desktop.ui.translation import day_month, long_date, tr, weekday_date

# Colours of the states, chosen to read from across a room (and apart for most colour-blind
# eyes: the words and the sound say it too).
COLOURS = {
    "welcome": "#1b7f3b",
    "already": "#c98a00",
    "misread": "#c98a00",
    "alarm": "#b3261e",
    "idle": "#2f3b4a",
    "undone": "#44546a",
}


# How long the head count waits after another door's check-in before it counts again.
COUNT_AFTER_MS = 150

# The panel's words at their full size (points) and its initials circle (pixels, its letters in
# points): on a small window (an 800 x 600 laptop, a short dialog) they shrink together, step
# by step, until a long name wrapped on its lines fits without running over the next words.
PANEL_POINTS = {"headline": 40, "name": 54, "arabic_name": 48, "detail": 22}
CIRCLE = 150
INITIALS_POINTS = 52
PANEL_SCALES = (1.0, 0.85, 0.72, 0.62, 0.52, 0.44, 0.36)

W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def _colour(result: ScanResult) -> str:
    if result.state is ScanState.WELCOME:
        return COLOURS["welcome"]
    if result.state in (ScanState.ALREADY, ScanState.MISREAD):
        return COLOURS["already"]
    if result.state is ScanState.NOT_REGISTERED and result.recorded:
        return COLOURS["welcome"]
    return COLOURS["alarm"]


def _headline(result: ScanResult) -> str:
    return {
        ScanState.WELCOME: tr("Welcome"),
        ScanState.ALREADY: tr("Already checked in at {first_local}").format(
            first_local=result.first_local
        ),
        ScanState.NOT_REGISTERED: tr("Admitted, not registered")
        if result.recorded
        else tr("Not registered for this tour"),
        ScanState.UNKNOWN: tr("Unknown badge"),
        ScanState.REVOKED: tr("Revoked badge"),
        ScanState.MISREAD: tr("Misread, scan again"),
    }[result.state]


class _FocusKeeper(QObject):
    """Gives the focus back to the scan input after any click elsewhere in the screen."""

    def __init__(self, screen: CheckinScreen) -> None:
        super().__init__(screen)
        self.screen = screen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.MouseButtonRelease, QEvent.Type.FocusIn):
            QTimer.singleShot(0, self.screen.take_focus)
        return False


class _PanelFitter(QObject):
    """Fits the panel's words to the panel each time it changes size."""

    def __init__(self, screen: CheckinScreen) -> None:
        super().__init__(screen)
        self.screen = screen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self.screen.fit_panel()
        return False


class _ScanCatcher(QObject):
    """While a question is open over the door screen, keys still come from the scanner: a
    token typed and ended by Enter would answer the question and be lost. A run of at least
    eight characters with letters, ended by Enter, is kept as a scan and closes the question
    as "stay" (a PIN is digits, a person answers with a click or a key, not a badge)."""

    def __init__(self) -> None:
        super().__init__()
        self.typed = ""
        self.scans: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if watched is not QApplication.focusWidget():
            return False  # the same key passing on to the window or a parent: counted once
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            typed, self.typed = self.typed, ""
            if len(typed) >= 8 and any(c.isalpha() for c in typed):
                self.scans.append(typed)
                question = QApplication.activeModalWidget()
                if isinstance(question, QDialog) and not isinstance(question, CheckinScreen):
                    question.reject()
                return True
            return False
        text = event.text()
        if text and text.isprintable():
            self.typed += text
        return False


class CheckinScreen(QDialog):
    """Check-in at the door of one session of one tour."""

    scanned = Signal(object)  # the ScanResult, once shown (tests and the bench wait on it)
    # From the door's sender thread: (scans still waiting, scans just sent); queued to the UI.
    sender_said = Signal(int, int)
    left = Signal()  # embedded in door staff's window: the door was left (its question answered)
    # A door started offline: its sender opened the programme on the server (queued to the UI).
    came_online = Signal()

    def __init__(
        self,
        programme: ProgrammeFile | None,
        parent: QWidget | None = None,
        *,
        now: datetime | None = None,
        embedded: bool = False,
        offline: DoorDesk | None = None,
        prefer_session: int | None = None,
    ) -> None:
        super().__init__(parent)
        # Embedded: the whole window of door staff (`MainWindow`), not a dialog over it.
        self.embedded = embedded
        # None for a door started offline (`offline`, from its roster copy): no programme yet.
        self.programme = programme
        self.now = now  # tests fix the clock; None is the real one
        self.desk: Desk | None = None
        self.door_sender: DoorSender | None = None
        self._all_sent = False
        self.last: ScanResult | None = None
        self.leaving_allowed = False
        self._taken_without_enter = False
        self._prefer_session = prefer_session
        self._started_offline = offline
        if offline is not None:
            self.names: NameIndex = offline.roster.names()
            self.country_names = dict(offline.roster.countries)
        else:
            assert programme is not None
            self.names = name_index(programme)
            self.country_names = dict(countries(programme))
        self.setObjectName("checkin_screen")
        self.setWindowTitle(tr("Check-in"))
        if embedded:
            self.setWindowFlags(Qt.WindowType.Widget)
        else:
            self.setModal(True)
        # Check-ins other doors record: the count follows, once per burst (a busy door
        # announces every scan).
        self._count_later = QTimer(self)
        self._count_later.setSingleShot(True)
        self._count_later.setInterval(COUNT_AFTER_MS)
        self._count_later.timeout.connect(self._count_again)
        self._build()
        if not embedded:
            fit_to_screen(self, 1100, 760)  # a 1366 x 768 laptop shows every button
        self._fill_tours()
        self.take_focus()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        top = QHBoxLayout()
        self.tour = _named(QComboBox(), "tour")
        self.session = _named(QComboBox(), "session")
        # Long session titles must not widen the screen past a laptop's: the list is elided
        # (44 letters: the day in words and the times, then the start of the title).
        for picker, letters in ((self.tour, 12), (self.session, 44)):
            picker.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            picker.setMinimumContentsLength(letters)
        self.counter = _named(QLabel(), "counter")
        self.counter.setFont(QFont(self.font().family(), 20, QFont.Weight.Bold))
        # A door on a server that lost it: how many scans wait on this laptop to be sent.
        self.offline = _named(QLabel(), "offline")
        self.offline.setFont(QFont(self.font().family(), 14, QFont.Weight.Bold))
        # A row of its own, wrapped: beside the pickers a long line pushed the screen wider
        # than a laptop's.
        self.offline.setWordWrap(True)
        self.offline.hide()
        self.missing_button = _named(QPushButton(tr("Who is &missing (F2)")), "missing_button")
        self.undo_button = _named(QPushButton(tr("&Undo last (Ctrl+Z)")), "undo_button")
        self.full_button = _named(QPushButton(tr("&Full screen (F11)")), "full_button")
        self.leave_button = _named(QPushButton(tr("&Leave check-in")), "leave_button")
        for widget in (self.tour, self.session, QLabel("  "), self.counter):
            top.addWidget(widget)
        top.addStretch(1)
        # The buttons on a row of their own: beside the pickers they pushed the screen wider
        # than a laptop's, and "Leave check-in" off it.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.missing_button, self.undo_button, self.full_button, self.leave_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        self.not_today = _named(QLabel(), "not_today")
        self.not_today.setStyleSheet("color: #b3261e; font-weight: bold;")

        self.panel = _named(QFrame(), "state_panel")
        self.panel.setAutoFillBackground(True)
        panel = self._panel_layout = QVBoxLayout(self.panel)
        self.initials = _named(QLabel(), "initials")
        self.initials.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._scale: float | None = None
        self._fitting = False
        self._listing = False  # the name list shows, in the initials' room
        self.headline = _named(QLabel(tr("Scan a badge")), "headline")
        self.name = _named(QLabel(), "name")
        self.arabic_name = _named(QLabel(), "arabic_name")
        self.arabic_name.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.detail = _named(QLabel(), "detail")
        for label in self._words():
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)  # a long name wraps rather than widening the screen
            label.setStyleSheet("color: white;")
        self._set_scale(1.0)
        self.admit_button = _named(QPushButton(tr("&Admit anyway (Ctrl+Enter)")), "admit_button")
        self.admit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.admit_button.hide()
        panel.addStretch(1)
        panel.addWidget(self.initials, 0, Qt.AlignmentFlag.AlignHCenter)
        for widget in (self.headline, self.name, self.arabic_name, self.detail):
            panel.addWidget(widget)
        panel.addWidget(self.admit_button, 0, Qt.AlignmentFlag.AlignHCenter)
        panel.addStretch(1)
        self.panel.installEventFilter(_PanelFitter(self))

        self.input = _named(QLineEdit(), "scan_input")
        self.input.setPlaceholderText(tr("Scan a badge, or type a few letters of a name"))
        self.input.setFont(QFont(self.font().family(), 18))
        self.matches = _named(QListWidget(), "matches")
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.matches.setMaximumHeight(150)
        self.matches.hide()
        self.missing = _named(QListWidget(), "missing")
        self.missing.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.missing.setFont(QFont(self.font().family(), 14))
        self.missing.hide()

        body = QHBoxLayout()
        body.addWidget(self.panel, 3)
        body.addWidget(self.missing, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.offline)
        layout.addWidget(self.not_today)
        layout.addLayout(body, 1)
        layout.addWidget(self.matches)
        layout.addWidget(self.input)

        self.tour.activated.connect(self._tour_chosen)
        self.session.activated.connect(self._session_chosen)
        self.input.returnPressed.connect(self.submit)
        self.input.textEdited.connect(self._typed)
        self.matches.itemClicked.connect(self._match_picked)
        self.missing_button.clicked.connect(self.toggle_missing)
        self.undo_button.clicked.connect(self.undo_last)
        self.full_button.clicked.connect(self.toggle_full_screen)
        self.leave_button.clicked.connect(self.close)
        self.admit_button.clicked.connect(self.admit)
        self.sender_said.connect(self._sender_said)
        for keys, slot in (
            ("F2", self.toggle_missing),
            ("F11", self.toggle_full_screen),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        # The line edit would take Ctrl+Z (its own undo) and Ctrl+Enter before the shortcuts.
        self.input.installEventFilter(self)
        keeper = _FocusKeeper(self)
        for child in self.findChildren(QWidget):
            if child is not self.input:
                child.installEventFilter(keeper)
        self._paint(COLOURS["idle"])

    # -- tour and session ----------------------------------------------------------------------

    def _fill_offline(self, desk: DoorDesk) -> None:
        """The one session of the roster copy: no other can be opened until the server
        answers (then the window opens the door again, online)."""
        session = desk.session
        self.tour.addItem(session.tour_code, session.tour_code)
        when = f"{weekday_date(session.day)} {session.start:%H:%M}-{session.end:%H:%M}"
        self.session.addItem(f"{when} {session.title}", session.id)
        self.tour.setEnabled(False)
        self.session.setEnabled(False)
        self._use_desk(desk)

    def _fill_tours(self) -> None:
        if self._started_offline is not None:
            self._fill_offline(self._started_offline)
            return
        assert self.programme is not None
        codes = tour_codes(self.programme)
        for code, title in codes:
            self.tour.addItem(f"{code} — {title}", code)
        current = tour_now(self.programme, self.now)
        if self._prefer_session is not None:
            # The session this door had (opened again after starting offline).
            try:
                current = session_info(self.programme, self._prefer_session).tour_code
            except BoosterError:
                self._prefer_session = None
        if current is not None:
            self.tour.setCurrentIndex(self.tour.findData(current))
        self._tour_chosen()

    def _tour_chosen(self, _index: int = 0) -> None:
        code = self.tour.currentData()
        if code is None:
            self.session.clear()
            self._set_session(None)
            return
        assert self.programme is not None
        try:
            # Read before the session list is emptied: offline, the door keeps its session.
            sessions = tour_sessions(self.programme, code)
            now = session_now(self.programme, code, self.now)
        except Exception as error:
            self._refuse_change(error)
            return
        self.session.clear()
        for session in sessions:
            # Its day as the window's language writes it: "lun. 19 nov. 2018 09:30-12:30 …".
            when = f"{weekday_date(session.day)} {session.start:%H:%M}-{session.end:%H:%M}"
            self.session.addItem(f"{when} {session.title}", session.id)
        if now is not None:
            self.session.setCurrentIndex(self.session.findData(now.id))
        if self._prefer_session is not None and self.session.findData(self._prefer_session) >= 0:
            self.session.setCurrentIndex(self.session.findData(self._prefer_session))
        self._prefer_session = None
        self._session_chosen()

    def _session_chosen(self, _index: int = 0) -> None:
        session_id = self.session.currentData()
        self._set_session(session_id)
        self.take_focus()

    def _refuse_change(self, error: Exception) -> None:
        """Another tour or session could not be opened (the server out of reach): the door
        stays on the session it had, shown as such, and says why in one line. With no session
        yet (the screen opening) the error is the caller's."""
        problem = None if self.programme is None else session_problem(self.programme, error)
        if problem is None or self.desk is None:
            raise error
        kept = self.desk.session
        tour_index = self.tour.findData(kept.tour_code)
        if tour_index >= 0 and tour_index != self.tour.currentIndex():
            self.tour.setCurrentIndex(tour_index)
        session_index = self.session.findData(kept.id)
        if session_index >= 0:
            self.session.setCurrentIndex(session_index)
        self._show_error(
            tr("Still checking in to this session: another could not be opened ({problem})").format(
                problem=problem
            )
        )

    def _set_session(self, session_id: int | None) -> None:
        if session_id is None:
            self._stop_sender()
            self.desk = None
            self.input.setEnabled(False)
            self.counter.setText("")
            self.not_today.setText(tr("This programme has no sessions to check in to."))
            return
        if self.desk is not None and self.desk.session.id == session_id:
            return
        assert self.programme is not None
        try:
            # The new door first: if it cannot be opened, the one in use goes on, its sender too.
            desk = open_desk(self.programme, session_id)
        except Exception as error:
            self._refuse_change(error)
            return
        self._stop_sender()
        self._use_desk(desk)

    def _use_desk(self, desk: Desk) -> None:
        self.desk = desk
        if isinstance(desk, DoorDesk) and desk.sent_lines and not desk.waiting:
            self._all_sent = True  # what waited from before was sent as the door opened
        if isinstance(self.desk, DoorDesk):
            # Sends what waits as soon as the server answers, off the UI thread (a door
            # started offline: first opens the programme on the server).
            self.door_sender = DoorSender(
                self.desk, self.sender_said.emit, on_online=self.came_online.emit
            ).start()
        self.input.setEnabled(True)
        session: SessionInfo = self.desk.session
        today = session.local_date(self.now)
        self.not_today.setText(
            ""
            if session.is_today(self.now)
            else tr("This session is on {day}, not today ({today}) in {time_zone}.").format(
                day=long_date(session.day), today=day_month(today), time_zone=session.time_zone
            )
        )
        self.not_today.setVisible(bool(self.not_today.text()))
        self._show_idle()
        self.refresh_count()
        self._show_waiting()

    def stop(self) -> None:
        """The door closes with the programme (embedded): its sender stops, its engine goes."""
        self._stop_sender()
        self.desk = None

    def _stop_sender(self) -> None:
        if self.door_sender is not None:
            self.door_sender.stop()
            self.door_sender = None
        if isinstance(self.desk, DoorDesk):
            self.desk.close()

    # -- offline ---------------------------------------------------------------------------------

    def offline_scans_sent(self, aside: str | None) -> None:
        """The door this screen replaces (started offline, now online) sent what waited: said
        here as it was there ("All offline scans are on the server.", or what was set aside)."""
        if isinstance(self.desk, DoorDesk) and self.desk.set_aside_message is None:
            self.desk.set_aside_message = aside
        self._all_sent = True
        self._show_waiting()

    def _sender_said(self, waiting: int, sent: int) -> None:
        if sent:
            self._all_sent = not waiting
            self.refresh_count()
        self._show_waiting()

    def _show_waiting(self) -> None:
        """ "offline: N scans waiting" while any wait; once they are all sent, says so."""
        waiting = self.desk.waiting if isinstance(self.desk, DoorDesk) else 0
        journal_problem = self.desk.journal_problem if isinstance(self.desk, DoorDesk) else None
        if isinstance(self.desk, DoorDesk) and not self.desk.online:
            # Started offline: says so, with the copy's time, until the server answers.
            said = offline_message(self.desk)
            if journal_problem is not None:
                said = tr("Offline check-in unavailable: {problem}").format(problem=journal_problem)
            elif waiting:
                said = f"{said} · {waiting_message(waiting)}"
            self.offline.setText(said)
            self.offline.setStyleSheet(f"color: {COLOURS['alarm']};")
            self.offline.setToolTip(self.desk.last_problem or "")
            self.offline.setVisible(True)
            return
        if journal_problem is not None and not waiting:
            # Said while the server still answers, so there is time to act before it drops.
            self.offline.setText(
                tr("Offline check-in unavailable: {problem}").format(problem=journal_problem)
            )
            self.offline.setStyleSheet(f"color: {COLOURS['alarm']};")
            self.offline.setToolTip("")
            self.offline.setVisible(True)
            return
        aside = self.desk.set_aside_message if isinstance(self.desk, DoorDesk) else None
        if waiting:
            self._all_sent = False
            self.offline.setText(waiting_message(waiting))
            self.offline.setStyleSheet(f"color: {COLOURS['alarm']};")
        elif self._all_sent and aside:
            # Sent, but some could not go: said until the door closes.
            self.offline.setText(aside)
            self.offline.setStyleSheet(f"color: {COLOURS['alarm']};")
        elif self._all_sent:
            self.offline.setText(tr("All offline scans are on the server."))
            self.offline.setStyleSheet(f"color: {COLOURS['welcome']};")
        self.offline.setVisible(bool(waiting) or self._all_sent)
        # Why they still wait (the server unreachable, or refusing them), for whoever asks.
        problem = self.desk.last_problem if isinstance(self.desk, DoorDesk) else None
        self.offline.setToolTip(problem if waiting and problem else "")

    # -- scanning --------------------------------------------------------------------------------

    def take_focus(self) -> None:
        """The scan input has the focus, whatever was clicked."""
        if self.isVisible() and not self.input.hasFocus():
            self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _typed(self, text: str) -> None:
        # A scanner set without an Enter suffix: a whole token with the right check letter is
        # taken as soon as it is there.
        self._taken_without_enter = False
        if is_complete_scan(text):
            self.submit()
            # A scanner that does send Enter sends it next: that Enter is not a new scan.
            self._taken_without_enter = True
            return
        self._show_matches(text)

    def _show_matches(self, text: str) -> None:
        self.matches.clear()
        found = self.names.find(text) if not read_candidates(text) else []
        for person in found:
            item = QListWidgetItem(f"{person.name}   {person.arabic_name or ''}   {person.country}")
            item.setData(Qt.ItemDataRole.UserRole, person.manager_id)
            self.matches.addItem(item)
        if found:
            self.matches.setCurrentRow(0)
        self._matches_shown(bool(found))

    def _matches_shown(self, shown: bool) -> None:
        # The list takes the initials' room while it shows: with both (and the offline
        # line), the screen grew taller than a 1366 x 768 laptop's, the input off its bottom.
        # The initials go first, and the panel's smaller minimum is taken at once: otherwise
        # the window's layout, handled first, grows the window by the old one.
        self._listing = shown
        self.initials.setVisible(not shown)
        self._panel_layout.activate()
        self.matches.setVisible(shown)
        self.fit_panel()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.input and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if control and event.key() == Qt.Key.Key_Z:
                self.undo_last()
                return True
            if control and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.admit()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:
            self.close()  # asks first
            return
        if self.matches.isVisible() and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.matches.count() - 1, self.matches.currentRow() + step))
            self.matches.setCurrentRow(row)
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        """Enter: the scan or the name picked from the matches."""
        text = self.input.text()
        self.input.clear()
        if self.desk is None:
            return
        if self._taken_without_enter and not text.strip():
            self._taken_without_enter = False
            return
        picked = self.matches.currentItem() if self.matches.isVisible() else None
        self._matches_shown(False)
        if picked is not None and not read_candidates(text):
            self._check_in_by_hand(int(picked.data(Qt.ItemDataRole.UserRole)))
            return
        try:
            result = self.desk.record(text, now=self.now)
        except BoosterError as error:
            self._show_error(str(error))
            return
        self._show(result)

    def _match_picked(self, item: QListWidgetItem) -> None:
        self.input.clear()
        self._matches_shown(False)
        self._check_in_by_hand(int(item.data(Qt.ItemDataRole.UserRole)))

    def _check_in_by_hand(self, manager_id: int) -> None:
        assert self.desk is not None
        try:
            result = self.desk.record_manager(manager_id, now=self.now)
        except BoosterError as error:
            self._show_error(str(error))
            return
        self._show(result)

    def admit(self) -> None:
        """ "Admit anyway" after a person not registered for this tour."""
        last = self.last
        if (
            self.desk is None
            or last is None
            or last.state is not ScanState.NOT_REGISTERED
            or last.recorded
            or last.manager_id is None
        ):
            return
        try:
            self._show(self.desk.admit(last.manager_id, now=self.now))
        except BoosterError as error:
            self._show_error(str(error))

    def undo_last(self) -> None:
        """Void the last check-in made here (the record is kept)."""
        if self.desk is None:
            return
        try:
            undone = self.desk.void_last()
        except BoosterError as error:
            self._show_error(str(error))
            return
        self.last = None
        self._paint(COLOURS["undone"])
        self.headline.setText(tr("Undone"))
        self.name.setText(undone.name)
        self.arabic_name.setText(undone.arabic_name or "")
        self.detail.setText(tr("no longer checked in"))
        self.initials.setText(undone.initials)
        self.admit_button.hide()
        self.fit_panel()
        self.refresh_count()
        self._show_waiting()
        self.take_focus()

    # -- showing ---------------------------------------------------------------------------------

    def _paint(self, colour: str) -> None:
        self.panel.setStyleSheet(f"QFrame#state_panel {{ background: {colour}; }}")
        self._paint_circle()

    def _paint_circle(self) -> None:
        size = self.initials.width()
        self.initials.setStyleSheet(
            f"color: white; border: {max(3, size // 25)}px solid white; "
            f"border-radius: {size // 2}px; background: rgba(255, 255, 255, 40);"
        )

    # -- fitting the panel ----------------------------------------------------------------------

    def _words(self) -> tuple[QLabel, ...]:
        return (self.headline, self.name, self.arabic_name, self.detail)

    def _set_scale(self, scale: float) -> None:
        if scale == self._scale:
            return
        self._scale = scale
        family = self.font().family()
        for label in self._words():
            points = max(9, round(PANEL_POINTS[label.objectName()] * scale))
            label.setFont(QFont(family, points, QFont.Weight.Bold))
        size = round(CIRCLE * scale)
        self.initials.setFixedSize(size, size)
        letters = max(9, round(INITIALS_POINTS * scale))
        self.initials.setFont(QFont(family, letters, QFont.Weight.Bold))
        self._paint_circle()

    def _needed_height(self, width: int) -> int:
        """The height the panel's shown widgets take at the current scale, each word label
        on as many lines as it wraps to at `width`."""
        heights = [label.heightForWidth(width) if label.text() else 0 for label in self._words()]
        if not self.initials.isHidden():
            heights.append(self.initials.height())
        if not self.admit_button.isHidden():
            heights.append(self.admit_button.sizeHint().height())
        return sum(heights) + self._panel_layout.spacing() * (len(heights) + 1)

    def fit_panel(self) -> None:
        """The panel's words as large as the panel lets them be without running over each
        other: the fonts and the circle shrink together on a small window, and the circle
        goes when even the smallest words need its room."""
        if self._fitting:
            return
        margins = self._panel_layout.contentsMargins()
        inner = self.panel.contentsRect()
        width = inner.width() - margins.left() - margins.right()
        height = inner.height() - margins.top() - margins.bottom()
        if width <= 0 or height <= 0:
            return
        self._fitting = True
        try:
            self.initials.setVisible(not self._listing)
            for scale in PANEL_SCALES:
                self._set_scale(scale)
                if self._needed_height(width) <= height:
                    return
            self.initials.hide()
        finally:
            self._fitting = False

    def _show_idle(self) -> None:
        self.last = None
        self._paint(COLOURS["idle"])
        self.headline.setText(tr("Scan a badge"))
        for label in (self.name, self.arabic_name, self.detail, self.initials):
            label.setText("")
        if self.desk is not None:
            self.detail.setText(self.desk.session.title)
        self.admit_button.hide()
        self.fit_panel()

    def _show(self, result: ScanResult) -> None:
        self.last = result
        self._paint(_colour(result))
        self.headline.setText(_headline(result))
        self.name.setText(result.name)
        self.arabic_name.setText(result.arabic_name or "")
        self.initials.setText(result.initials)
        details = [self.country_names.get(result.country or "", result.country or "")]
        if result.state in (ScanState.UNKNOWN, ScanState.REVOKED, ScanState.MISREAD):
            details = [result.message]
        self.detail.setText("   ".join(d for d in details if d))
        self.admit_button.setVisible(
            result.state is ScanState.NOT_REGISTERED and not result.recorded
        )
        self.fit_panel()
        self._sound(result)
        if result.recorded:
            self.refresh_count()
        self._show_waiting()
        if self.door_sender is not None and result.recorded:
            self.door_sender.wake()
        self.take_focus()
        self.scanned.emit(result)

    def _show_error(self, message: str) -> None:
        self.last = None
        self._paint(COLOURS["alarm"])
        self.headline.setText(tr("Not recorded"))
        self.name.setText("")
        self.arabic_name.setText("")
        self.initials.setText("")
        self.detail.setText(message)
        self.admit_button.hide()
        self.fit_panel()
        self.take_focus()

    @staticmethod
    def _sound(result: ScanResult) -> None:
        # One beep welcomes; an alarm beeps twice, so the door hears it without looking.
        QApplication.beep()
        if result.state not in (ScanState.WELCOME,) and not result.recorded:
            QTimer.singleShot(180, QApplication.beep)

    def heard_elsewhere(self, change: Change) -> None:
        """A change another window or door committed: the head count follows its check-ins."""
        if "checkin" in change.written and self.desk is not None:
            self._count_later.start()

    def _count_again(self) -> None:
        # A timer's slot: a refusal here would reach no one but the bug handler; the count
        # stays as it was, and the next scan counts again.
        with contextlib.suppress(BoosterError):
            self.refresh_count()

    def refresh_count(self) -> None:
        if self.desk is None:
            return
        count: HeadCount = self.desk.head_count()
        self.count = count
        self.counter.setText(count.label())
        self.missing.clear()
        self.missing.addItem(tr("Missing: {count}").format(count=len(count.missing)))
        for person in count.missing:
            self.missing.addItem(f"{person.number:>3}  {person.name}")

    def toggle_missing(self) -> None:
        """Who is missing: the head count before the coach leaves, one key away."""
        self.refresh_count()
        self.missing.setVisible(not self.missing.isVisible())
        self.take_focus()

    def toggle_full_screen(self) -> None:
        window = self.window()  # this screen, or the main window it fills
        if window.isFullScreen():
            window.showNormal()
        else:
            window.showFullScreen()
        self.take_focus()

    # -- leaving ---------------------------------------------------------------------------------

    def _may_leave(self) -> bool:
        """Ask before leaving; a badge scanned while the question is open is still taken."""
        catcher = _ScanCatcher()
        application = QApplication.instance()
        if application is not None:
            application.installEventFilter(catcher)
        try:
            leaving = self._ask_to_leave()
        finally:
            if application is not None:
                application.removeEventFilter(catcher)
        for scan in catcher.scans:  # the question was answered "stay" by the scan's Enter
            self.input.setText(scan)
            self.submit()
        return leaving and not catcher.scans

    def _ask_to_leave(self) -> bool:
        from booster_desktop.services.settings import CHECKIN_PIN, laptop_value

        pin = laptop_value(CHECKIN_PIN)  # this laptop's PIN (Edit > Settings, booster settings)
        if pin:
            typed, ok = QInputDialog.getText(
                self, tr("Leave check-in"), "PIN:", QLineEdit.EchoMode.Password
            )
            return bool(ok and typed == pin)
        answer = QMessageBox.question(
            self,
            tr("Leave check-in"),
            tr("Close the programme and leave the check-in screen?")
            if self.embedded
            else tr("Leave the check-in screen for the main window?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def may_leave(self) -> bool:
        """Whether the door may be left now (asked once: the PIN, or a question)."""
        if not self.leaving_allowed and self._may_leave():
            self.leaving_allowed = True
        return self.leaving_allowed

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.may_leave():
            event.accept()
            if self.embedded:
                self.left.emit()
            return
        event.ignore()
        self.take_focus()

    def reject(self) -> None:
        # Escape and the window's close button go through closeEvent's question.
        self.close()

    def done(self, result: int) -> None:
        if self.leaving_allowed:
            self._stop_sender()
            super().done(result)
