from booster_desktop.i18n import _

"""The one error type that speaks to the user."""


class BoosterError(Exception):
    """A problem the user can act on, said in one line: what is wrong and where.

    Services raise it; the command prints it on stderr and exits 1; the window shows it next
    to the field or in a dialog. Anything else that escapes is a bug, logged with its traceback.
    """


class Cancelled(BoosterError):  # noqa: N818 (the programme's word, not an error of the code)
    """The user asked long work to stop; nothing was written."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("cancelled: nothing was changed"))
