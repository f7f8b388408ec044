"""Compatibility: Feedback and Status now live in :mod:`casework.judging.feedback`."""

from casework.judging.feedback import STATUS_LABELS, Feedback, Level, Status

__all__ = ["Feedback", "Level", "Status", "STATUS_LABELS"]
