"""Errors the library raises; their messages are Korean because learners see them."""


class CaseworkError(ValueError):
    """Base class: a rule of case management or a bad input, explained in Korean.

    In a notebook, IPython shows only the message (via ``_render_traceback_``), not a
    traceback: a learner sees what is wrong and how to fix it.
    """

    def _render_traceback_(self) -> list[str]:
        return [f"\x1b[1;31m⚠ 확인이 필요합니다\x1b[0m: {self}"]


class InvalidTransition(CaseworkError):
    """A case record was asked to make a move the process does not allow."""


class DataFileError(CaseworkError):
    """A course data file (case, quiz, resource list) is malformed.

    The message names the file, the field and what was expected.
    """
