"""Errors the library raises; their messages are Korean because learners see them."""


class CaseworkError(ValueError):
    """Base class: a rule of case management or a bad input, explained in Korean."""


class InvalidTransition(CaseworkError):
    """A case record was asked to make a move the process does not allow."""


class DataFileError(CaseworkError):
    """A course data file (case, quiz, resource list) is malformed.

    The message names the file, the field and what was expected.
    """
