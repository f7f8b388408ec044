"""The exercise runtime: what a learner's exercise notebook calls.

``start`` builds a :class:`Checker` for one learner and registers the ``%%답`` answer cell.
Each exercise is one ``exNN`` module (practice builder, judges, model answers) with its course
text in ``casework/data/exercises/NN.yaml``.
"""

from casework.exercises.cells import AnswerCell, parse_answer_cell
from casework.exercises.checker import (
    MIME_TYPE,
    STRICT_ENV,
    Checker,
    CheckFeedback,
    ExerciseSpec,
    exercise_ids,
    exercise_spec,
    exercise_text,
    new_checker,
    start,
)
from casework.exercises.practice import PracticeData
from casework.exercises.spec import EXERCISES_DIR, ExerciseText, MonitoringScenario, QuestionText

__all__ = [
    "MIME_TYPE", "STRICT_ENV", "EXERCISES_DIR", "AnswerCell", "Checker", "CheckFeedback", "ExerciseSpec",
    "ExerciseText", "MonitoringScenario", "PracticeData", "QuestionText", "exercise_ids", "exercise_spec",
    "exercise_text", "new_checker", "parse_answer_cell", "start",
]
