"""The exercise runtime: what a learner's exercise notebook calls.

``start`` builds a :class:`Checker` for one learner and registers the ``%%답`` answer cell.
Each exercise is one ``exNN`` module (practice builder, judges, model answers) with its course
text in ``casework/data/exercises/NN.yaml``.

Names are loaded on first use, so the kernel extension (:mod:`casework.exercises.magic`) that
every kernel loads at start stays cheap.
"""

from importlib import import_module

_NAMES = {
    "MIME_TYPE": "checker", "STRICT_ENV": "checker", "Checker": "checker", "CheckFeedback": "checker",
    "ExerciseSpec": "checker", "exercise_ids": "checker", "exercise_spec": "checker",
    "exercise_text": "checker", "new_checker": "checker", "start": "checker",
    "AnswerCell": "cells", "parse_answer_cell": "cells", "PracticeData": "practice",
    "EXERCISES_DIR": "spec", "ExerciseText": "spec", "MonitoringScenario": "spec", "QuestionText": "spec",
}

__all__ = sorted(_NAMES)


def __getattr__(name: str):
    if name in _NAMES:
        return getattr(import_module(f"casework.exercises.{_NAMES[name]}"), name)
    raise AttributeError(f"casework.exercises에는 '{name}'이 없습니다. 있는 이름: {', '.join(__all__)}")
