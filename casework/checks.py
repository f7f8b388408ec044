"""Compatibility: the exercise runtime now lives in :mod:`casework.exercises`.

Exercise notebooks handed out before the change run ``from casework import checks`` and
``checks.start(...)``; this module keeps that working.
"""

from casework.exercises import (
    EXERCISES_DIR,
    MIME_TYPE,
    STRICT_ENV,
    Checker,
    CheckFeedback,
    ExerciseSpec,
    ExerciseText,
    MonitoringScenario,
    PracticeData,
    QuestionText,
    exercise_ids,
    exercise_spec,
    exercise_text,
    start,
)

__all__ = [
    "MIME_TYPE", "STRICT_ENV", "EXERCISES_DIR", "QuestionText", "MonitoringScenario", "ExerciseText",
    "ExerciseSpec", "PracticeData", "CheckFeedback", "Checker", "exercise_ids", "exercise_text",
    "exercise_spec", "start",
]
